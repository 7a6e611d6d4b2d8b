from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .forms import CreateSiteForm
from .models import SiteProfile
from .scoping import SiteScopedModelViewSetMixin, is_network_manager
from .services import SiteRequestInvalid, create_site


def create_site_view(request):
    """Admin screen: create a component site (network managers only)."""
    if not is_network_manager(request.user):
        raise PermissionDenied
    form = CreateSiteForm(request.POST or None)
    if request.method == "POST":
        wants_proposal = "propose" in request.POST
        if form.is_valid() and not wants_proposal:
            try:
                profile = create_site(form.site_request)
            except SiteRequestInvalid as exc:  # a race with another request for the same hostname
                for field, errors in exc.errors.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                log(instance=profile, action="wagtail.create", user=request.user)
                messages.success(
                    request,
                    _("Đã tạo trang “%(name)s” tại %(host)s.")
                    % {"name": profile.agency_name, "host": profile.hostname},
                )
                return redirect("network_siteprofile:index")
        elif wants_proposal:
            proposal = form.proposal()
            if proposal:
                data = request.POST.copy()
                data["hostname"] = proposal
                form = CreateSiteForm(data)
                form.is_valid()
    return TemplateResponse(request, "network/admin/create_site.html", {"form": form})


class SiteProfileViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = SiteProfile
    icon = "site"
    menu_label = gettext_lazy("Trang thành phần")
    menu_order = 900
    add_to_admin_menu = True
    search_fields = ["agency_name", "site__hostname"]
    search_backend_name = None
    list_filter = ["kind", "status"]
    list_display = [
        "agency_name",
        Column("kind", label=gettext_lazy("Loại")),
        Column("hostname", label=gettext_lazy("Tên miền")),
        Column("status", label=gettext_lazy("Trạng thái"), accessor="get_status_display"),
    ]
    inspect_view_enabled = False
    copy_view_enabled = False

    @cached_property
    def add_view(self):
        return create_site_view


site_profile_viewset = SiteProfileViewSet("network_siteprofile", url_prefix="network/sites")

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from congtt.legal.forms import ProcedureAdminForm
from congtt.legal.scoping import guarded_views
from congtt.network.scoping import SitePermissionPolicy, SiteScopedSnippetViewSetMixin

from .models import Procedure

register_permission_policy(Procedure, SitePermissionPolicy(Procedure, site_field="site"))


class ProcedureViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    locals().update(guarded_views(SnippetViewSet))
    model = Procedure
    icon = "clipboard-list"
    menu_label = _("Thủ tục hành chính")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "code",
        Column("name", label=_("Tên thủ tục")),
        Column("field", label=_("Lĩnh vực")),
        Column("level", label=_("Cấp"), accessor="level_label"),
        Column("service_level", label=_("Mức độ"), accessor="service_level_label"),
        Column("site", label=_("Trang"), accessor="site.hostname"),
        Column("view_count", label=_("Lượt xem")),
    ]
    list_filter = ["field", "level", "service_level", "live", "site"]
    search_fields = ["code", "name", "responsible_unit"]
    search_backend_name = None
    ordering = ["field__order", "name"]

    def get_queryset(self, request):
        return Procedure.objects.select_related("field", "site")

    def get_edit_handler(self):
        return ObjectList(Procedure.panels, base_form_class=ProcedureAdminForm).bind_to_model(Procedure)


register_snippet(ProcedureViewSet)

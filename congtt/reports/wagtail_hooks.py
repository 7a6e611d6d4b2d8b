from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy

from congtt.network.scoping import SitePermissionPolicy, is_network_manager, site_ids_with_permission

from . import views
from .models import AccessSettings, ReportRun

for _model in (AccessSettings, ReportRun):
    register_permission_policy(_model, SitePermissionPolicy(_model, site_field="site"))


@hooks.register("register_admin_viewset")
def register_access_settings():
    return views.access_settings_viewset


@hooks.register("register_admin_urls")
def report_urls():
    from . import scoring_views

    return [
        path("reports/", views.report_index, name="reports_index"),
        path("reports/<int:pk>/", views.report_detail, name="reports_detail"),
        path("reports/<int:pk>/tai/<str:fmt>/", views.report_export, name="reports_export"),
        *scoring_views.urls(),
    ]


class _PermMenuItem(MenuItem):
    def __init__(self, *args, perms=(), managers_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.perms = perms
        self.managers_only = managers_only

    def is_shown(self, request):
        if self.managers_only:
            return is_network_manager(request.user)
        return any(site_ids_with_permission(request.user, p) != set() for p in self.perms)


@hooks.register("register_admin_menu_item")
def reports_menu():
    menu = Menu(
        items=[
            _PermMenuItem(
                _("Báo cáo định kỳ"),
                reverse("reports_index"),
                icon_name="table",
                perms=("reports.view_reportrun", "reports.add_reportrun"),
            ),
            _PermMenuItem(
                _("Thống kê truy cập, EMC"),
                reverse("reports_accesssettings:index"),
                icon_name="view",
                perms=("reports.view_accesssettings", "reports.change_accesssettings"),
            ),
            _PermMenuItem(
                _("Chấm điểm trang thành phần"),
                reverse("reports_scoring"),
                icon_name="pick",
                managers_only=True,
            ),
        ]
    )
    return SubmenuMenuItem(_("Báo cáo, thống kê"), menu, icon_name="table", order=710)


@hooks.register("register_admin_viewset")
def register_criteria_sets():
    from .scoring_views import criteria_set_viewset

    return criteria_set_viewset

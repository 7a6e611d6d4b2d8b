from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from congtt.network.scoping import SitePermissionPolicy, SiteScopedModelViewSetMixin

from . import admin_views, change_views, changes, otp_views
from .models import AccountGrant, ChangeRequest, Incident


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "congtt.account_revoked", _("Thu hồi tài khoản"), _("Tài khoản bị khóa, kết thúc phiên")
    )
    actions.register_action("congtt.permission_change", _("Thay đổi quyền"), _("Thay đổi nhóm/quyền"))
    actions.register_action("congtt.export", _("Xuất dữ liệu"), _("Xuất dữ liệu"))
    actions.register_action("congtt.unlock", _("Mở khóa đăng nhập"), _("Mở khóa đăng nhập"))
    actions.register_action("congtt.backup", _("Sao lưu"), _("Sao lưu"))
    for action, label in changes.ACTIONS.values():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("ops/otp/enrol/", otp_views.enrol, name="ops_otp_enrol"),
        path("ops/otp/verify/", otp_views.verify, name="ops_otp_verify"),
        path("ops/otp/backup-codes/", otp_views.backup_codes, name="ops_otp_backup_codes"),
        path("ops/access-log/", admin_views.access_log, name="ops_access_log"),
        path("ops/lockouts/", admin_views.lockouts, name="ops_lockouts"),
        path("ops/lockouts/<int:pk>/unlock/", admin_views.unlock, name="ops_unlock"),
        path("ops/risk-report/", admin_views.risk_report_view, name="ops_risk_report"),
        path("ops/changes/<int:pk>/", change_views.detail, name="ops_change_detail"),
        path("ops/changes/<int:pk>/<str:action>/", change_views.transition, name="ops_change_transition"),
        path("ops/grants/<int:pk>/depart/<str:status>/", admin_views.grant_depart, name="ops_grant_depart"),
    ]


class AuditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm("ops.view_accessevent")


@hooks.register("register_settings_menu_item")
def access_log_menu():
    return AuditorMenuItem(_("Nhật ký truy cập"), reverse("ops_access_log"), icon_name="history", order=900)


@hooks.register("register_settings_menu_item")
def lockouts_menu():
    return AuditorMenuItem(_("Tài khoản bị khóa"), reverse("ops_lockouts"), icon_name="lock", order=901)


@hooks.register("register_settings_menu_item")
def risk_menu():
    return AuditorMenuItem(_("Báo cáo rủi ro"), reverse("ops_risk_report"), icon_name="warning", order=902)


@hooks.register("register_account_menu_item")
def otp_account_item(request):
    return {
        "url": reverse("ops_otp_enrol"),
        "label": _("Xác thực hai lớp"),
        "help_text": _("Bật hoặc đổi thiết bị TOTP"),
    }


class StatusPanel(Component):
    order = 50

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from .health import panel_rows, run_checks

        result = run_checks(detail=True)
        return render_to_string(
            "ops/status_panel.html", {"result": result, "rows": panel_rows(result)}, request=self.request
        )


@hooks.register("construct_homepage_panels")
def add_status_panel(request, panels):
    if request.user.is_superuser or request.user.has_perm("ops.view_incident"):
        panels.append(StatusPanel(request))


register_permission_policy(AccountGrant, SitePermissionPolicy(AccountGrant, site_field="site"))
register_permission_policy(ChangeRequest, change_views.ChangeRequestPermissionPolicy(ChangeRequest))


class AccountGrantViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = AccountGrant
    icon = "user"
    menu_label = _("Quyết định cấp tài khoản")
    add_to_settings_menu = True
    list_display = ["user", "decision_number", "site", "role", "end_date", "status"]
    list_filter = ["status", "role"]
    search_fields = ["decision_number", "user__username"]
    form_fields = [
        "user",
        "decision_number",
        "decision_date",
        "decision_file",
        "site",
        "role",
        "start_date",
        "end_date",
        "status",
        "note",
    ]

    def get_form_class(self, for_update=False):
        from django.forms import modelform_factory

        from .forms import AccountGrantForm

        return modelform_factory(
            self.model,
            form=AccountGrantForm,
            fields=self.form_fields,
            formfield_callback=self.formfield_for_dbfield,
        )


class IncidentViewSet(ModelViewSet):
    model = Incident
    icon = "warning"
    menu_label = _("Sự cố")
    add_to_settings_menu = True
    list_display = ["reported_at", "severity", "channel", "description", "closed_at"]
    list_filter = ["severity", "channel"]
    search_fields = ["description", "reported_by"]
    form_fields = [
        "reported_by",
        "channel",
        "reported_at",
        "description",
        "severity",
        "actions_taken",
        "closed_at",
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        AccountGrantViewSet("ops_accountgrant"),
        IncidentViewSet("ops_incident"),
        change_views.ChangeRequestViewSet("ops_changerequest"),
    ]

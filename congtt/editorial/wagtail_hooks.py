from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from congtt.network.scoping import SitePermissionPolicy

from . import services, views
from .models import (
    BoardMeeting,
    Contributor,
    DeadlineRule,
    Delegation,
    OfficerUnit,
    PublicationDeadline,
    Submission,
    UnitQuota,
    ViolationReport,
)

for _model in (
    Submission,
    PublicationDeadline,
    DeadlineRule,
    Delegation,
    UnitQuota,
    ViolationReport,
    BoardMeeting,
    Contributor,
    OfficerUnit,
):
    register_permission_policy(_model, SitePermissionPolicy(_model, site_field="site"))


@hooks.register("register_admin_viewset")
def register_board_viewsets():
    return views.board_viewset_group


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("ban-bien-tap/phan-cong/", views.roles_view, name="editorial_roles"),
        path("ban-bien-tap/phieu/<int:pk>/chuyen-thanh-tin/", views.convert_view, name="editorial_convert"),
        path("ban-bien-tap/phieu/<int:pk>/dong/", views.close_view, name="editorial_close"),
        path("ban-bien-tap/dinh-muc/", views.quota_view, name="editorial_quotas"),
        path("ban-bien-tap/de-xuat/<int:page_id>/", views.propose_view, name="editorial_propose"),
        path(
            "ban-bien-tap/gui-dich/<int:page_id>/",
            views.send_translation_view,
            name="editorial_send_translation",
        ),
        path("ban-bien-tap/ban-dich/", views.translations_view, name="editorial_translations"),
        path(
            "ban-bien-tap/dong-gop-cong-tac-vien/", views.contributions_view, name="editorial_contributions"
        ),
        path(
            "ban-bien-tap/bao-cao-vi-pham/<int:pk>/<slug:action>/",
            views.report_action_view,
            name="editorial_report_action",
        ),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return services.manageable_sites(request.user).exists()


@hooks.register("register_settings_menu_item")
def roles_menu_item():
    return BoardMenuItem(_("Phân công vai trò"), reverse("editorial_roles"), icon_name="group", order=150)


@hooks.register("construct_homepage_panels")
def reviews_panel(request, panels):
    panels.append(views.AlertsPanel(request))
    panels.append(views.ReviewsPanel(request))
    panels.append(views.DeadlinesPanel(request))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("editorial.return", _("Trả lại (có lý do)"), _("Trả lại tin bài kèm lý do"))
    actions.register_action(
        "editorial.from_submission", _("Tạo từ phiếu đề nghị"), _("Tạo tin bài từ phiếu đề nghị")
    )
    actions.register_action(
        "editorial.assign_role", _("Phân công vai trò"), _("Phân công vai trò ban biên tập")
    )
    actions.register_action("editorial.takedown", _("Gỡ tin do vi phạm"), _("Gỡ tin do báo cáo vi phạm"))
    actions.register_action("editorial.send_translation", _("Gửi dịch"), _("Gửi tin bài cho nhóm dịch"))
    actions.register_action("editorial.remove_role", _("Bỏ vai trò"), _("Bỏ vai trò ban biên tập"))
    actions.register_action(
        "editorial.contributor_grant",
        _("Cấp vai trò cộng tác viên"),
        _("Cấp vai trò cộng tác viên của trang"),
    )
    actions.register_action(
        "editorial.contributor_revoke",
        _("Thu hồi vai trò cộng tác viên"),
        _("Thu hồi vai trò cộng tác viên của trang"),
    )


class QuotaMenuItem(MenuItem):
    def is_shown(self, request):
        from congtt.network.scoping import site_ids_with_permission

        from .officers import officer_site_ids

        ids = site_ids_with_permission(request.user, "editorial.view_unitquota")
        return ids is None or bool(ids) or bool(officer_site_ids(request.user))


@hooks.register("register_reports_menu_item")
def quota_menu_item():
    return QuotaMenuItem(_("Định mức tin, bài"), reverse("editorial_quotas"), icon_name="list-ul", order=300)


class BoardReportMenuItem(MenuItem):
    def is_shown(self, request):
        from congtt.network.scoping import site_ids_with_permission

        ids = site_ids_with_permission(request.user, "editorial.convert_submission")
        return ids is None or bool(ids)


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return BoardReportMenuItem(
        _("Bản dịch cần cập nhật"), reverse("editorial_translations"), icon_name="globe", order=310
    )


class ContributionsMenuItem(MenuItem):
    def is_shown(self, request):
        from congtt.network.scoping import site_ids_with_permission

        ids = site_ids_with_permission(request.user, "editorial.view_contributor")
        return ids is None or bool(ids)


@hooks.register("register_reports_menu_item")
def contributions_menu_item():
    return ContributionsMenuItem(
        _("Đóng góp của cộng tác viên"), reverse("editorial_contributions"), icon_name="user", order=320
    )


@hooks.register("register_page_header_buttons")
def propose_button(page, user, view_name, next_url=None):
    from wagtail.admin.widgets import Button

    from congtt.content.models import ArticlePage

    if not page.live or page.specific_class is not ArticlePage:
        return
    from congtt.network.scoping import site_ids_with_permission

    ids = site_ids_with_permission(user, "editorial.convert_submission")
    if ids is not None and not ids:
        return
    if page.locale.language_code == "vi":
        yield Button(
            _("Gửi dịch (Anh, Trung)"),
            reverse("editorial_send_translation", args=[page.pk]),
            icon_name="globe",
            priority=81,
        )
    yield Button(
        _("Đề xuất lên Cổng tỉnh"),
        reverse("editorial_propose", args=[page.pk]),
        icon_name="upload",
        priority=80,
    )

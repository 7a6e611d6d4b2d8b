from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_royalty_actions(actions):
    actions.register_action("royalties.grade", _("Chấm nhuận bút"), _("Đã chấm nhuận bút"))
    actions.register_action("royalties.generate", _("Lập bảng kê"), _("Đã lập bảng kê nhuận bút"))
    actions.register_action("royalties.submit", _("Trình bảng kê"), _("Đã trình bảng kê nhuận bút"))
    actions.register_action("royalties.approve", _("Phê duyệt bảng kê"), _("Đã phê duyệt bảng kê nhuận bút"))
    actions.register_action("royalties.return", _("Trả lại bảng kê"), _("Đã trả lại bảng kê để sửa"))


from django.urls import path, reverse  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.permissions import register_permission_policy  # noqa: E402

from congtt.network.scoping import SitePermissionPolicy, site_ids_with_permission  # noqa: E402

from . import views  # noqa: E402
from .models import Grading, RateFrame, Statement  # noqa: E402

for _model in (RateFrame, Grading, Statement):
    register_permission_policy(_model, SitePermissionPolicy(_model, site_field="site"))


@hooks.register("register_admin_viewset")
def register_rate_frames():
    return views.rate_frame_viewset


@hooks.register("register_admin_urls")
def royalty_urls():
    return [
        path("royalties/grading/", views.grading_index, name="royalties_grading"),
        path("royalties/grading/<int:page_id>/", views.grade_view, name="royalties_grade"),
        path("royalties/statements/", views.statement_index, name="royalties_statements"),
        path("royalties/statements/<int:pk>/", views.statement_detail, name="royalties_statement_detail"),
        path(
            "royalties/statements/<int:pk>/<str:action>/",
            views.statement_action,
            name="royalties_statement_action",
        ),
        path(
            "royalties/statements/<int:pk>/tai/<str:fmt>/",
            views.statement_export,
            name="royalties_statement_export",
        ),
    ]


class _PermMenuItem(MenuItem):
    def __init__(self, *args, perms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.perms = perms

    def is_shown(self, request):
        return any(site_ids_with_permission(request.user, p) != set() for p in self.perms)


@hooks.register("register_admin_menu_item")
def royalties_menu():
    from wagtail.admin.menu import Menu, SubmenuMenuItem

    menu = Menu(
        items=[
            _PermMenuItem(
                _("Khung nhuận bút"),
                reverse("royalties_rateframe:index"),
                icon_name="tasks",
                perms=("royalties.view_rateframe", "royalties.change_rateframe"),
            ),
            _PermMenuItem(
                _("Chấm nhuận bút"),
                reverse("royalties_grading"),
                icon_name="edit",
                perms=("royalties.add_grading",),
            ),
            _PermMenuItem(
                _("Bảng kê nhuận bút"),
                reverse("royalties_statements"),
                icon_name="doc-full",
                perms=("royalties.view_statement", "royalties.add_statement", "royalties.approve_statement"),
            ),
        ]
    )
    return SubmenuMenuItem(_("Nhuận bút"), menu, icon_name="tasks", order=700)

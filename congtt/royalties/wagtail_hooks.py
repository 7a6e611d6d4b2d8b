from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_royalty_actions(actions):
    actions.register_action("royalties.grade", _("Chấm nhuận bút"), _("Đã chấm nhuận bút"))
    actions.register_action("royalties.generate", _("Lập bảng kê"), _("Đã lập bảng kê nhuận bút"))
    actions.register_action("royalties.submit", _("Trình bảng kê"), _("Đã trình bảng kê nhuận bút"))
    actions.register_action("royalties.approve", _("Phê duyệt bảng kê"), _("Đã phê duyệt bảng kê nhuận bút"))
    actions.register_action("royalties.return", _("Trả lại bảng kê"), _("Đã trả lại bảng kê để sửa"))

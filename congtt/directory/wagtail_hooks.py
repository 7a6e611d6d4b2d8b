"""Admin screens (Vietnamese) for units, officials, schedules, reception and hotlines, scoped per site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congtt.network.scoping import SitePermissionPolicy, SiteScopedSnippetViewSetMixin

from .forms import SiteScopedAdminForm
from .models import Hotline, Official, ReceptionEntry, ScheduleEntry, Unit

for _model in (Unit, Official, ScheduleEntry, ReceptionEntry, Hotline):
    _model.base_form_class = SiteScopedAdminForm
    register_permission_policy(_model, SitePermissionPolicy(_model, site_field="site"))


class UnitViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Cơ cấu tổ chức")
    search_fields = ["name", "name_folded"]
    search_backend_name = None
    list_display = [
        "name",
        Column("parent", label=_("Đơn vị cấp trên")),
        Column("site", label=_("Trang")),
        "order",
    ]
    list_filter = ["kind"]
    panels = [
        FieldPanel("site"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_zh")], heading=_("Tên dịch")),
        FieldPanel("kind"),
        FieldPanel("functions"),
        MultiFieldPanel(
            [FieldPanel("functions_en"), FieldPanel("functions_zh")],
            heading=_("Chức năng, nhiệm vụ (bản dịch)"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("order"),
    ]


class OfficialViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = Official
    icon = "user"
    menu_label = _("Cán bộ, danh bạ")
    search_fields = ["name", "position", "name_folded"]
    search_backend_name = None
    list_display = [
        "name",
        "position",
        Column("unit", label=_("Đơn vị")),
        BooleanColumn("is_leader", label=_("Lãnh đạo")),
        BooleanColumn("published", label=_("Công khai")),
    ]
    list_filter = ["is_leader", "is_spokesperson", "published"]
    panels = [
        FieldPanel("site"),
        FieldPanel("unit"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldRowPanel(
            [FieldPanel("position_en"), FieldPanel("position_zh")], heading=_("Chức vụ (bản dịch)")
        ),
        MultiFieldPanel(
            [FieldPanel("office_phone"), FieldPanel("mobile_phone"), FieldPanel("fax"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("is_leader"), FieldPanel("is_spokesperson"), FieldPanel("published")]),
        FieldPanel("biography"),
        FieldPanel("duties"),
        FieldPanel("order"),
    ]


class ScheduleEntryViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Lịch công tác")
    search_fields = ["content", "place"]
    search_backend_name = None
    list_display = ["date", "start_time", "content", Column("leader", label=_("Lãnh đạo")), "published"]
    list_filter = ["published", "date"]
    ordering = ["-date", "start_time"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldPanel("leader"),
        FieldPanel("attendees"),
        FieldPanel("place"),
        FieldPanel("preparing_unit"),
        FieldPanel("published"),
    ]


class ReceptionEntryViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = ReceptionEntry
    icon = "date"
    menu_label = _("Lịch tiếp công dân")
    search_fields = ["place", "notes"]
    search_backend_name = None
    list_display = ["date", "start_time", Column("leader", label=_("Lãnh đạo")), "place", "published"]
    ordering = ["-date", "start_time"]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leader"),
        FieldPanel("place"),
        FieldPanel("notes"),
        FieldPanel("published"),
    ]


class HotlineViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = Hotline
    icon = "mail"
    menu_label = _("Đường dây nóng")
    list_display = ["name", "number", "purpose", "order"]
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("number"),
        FieldPanel("purpose"),
        FieldPanel("order"),
    ]


class DirectoryGroup(SnippetViewSetGroup):
    items = (UnitViewSet, OfficialViewSet, ScheduleEntryViewSet, ReceptionEntryViewSet, HotlineViewSet)
    menu_icon = "group"
    menu_label = _("Tổ chức, lịch công tác")
    menu_name = "directory"
    menu_order = 300


register_snippet(DirectoryGroup)

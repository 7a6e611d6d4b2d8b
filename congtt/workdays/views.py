import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarOverride


def _year_choices():
    years = (
        CalendarOverride.objects.annotate(year=ExtractYear("date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [(str(y), str(y)) for y in years]


class CalendarOverrideFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Năm"),
        field_name="date",
        lookup_expr="year",
        choices=_year_choices,
        empty_label=_("Tất cả"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Loại"),
        choices=CalendarOverride.Kind.choices,
        empty_label=_("Tất cả"),
    )

    class Meta:
        model = CalendarOverride
        fields = ["year", "kind"]


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    icon = "date"
    menu_label = _("Lịch nghỉ, làm bù")
    menu_name = "workdays-calendar-overrides"
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["date", "kind", "reason"]
    list_filter = ["kind"]
    filterset_class = CalendarOverrideFilterSet
    search_fields = ["reason"]
    list_per_page = 50
    form_fields = ["date", "kind", "reason"]

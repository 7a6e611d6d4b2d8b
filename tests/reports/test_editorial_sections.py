"""Deadline and quota sections; they run once the editorial app is installed (merged into main)."""

import datetime as dt

import pytest
from django.apps import apps
from django.utils import timezone

pytestmark = pytest.mark.skipif(
    not apps.is_installed("congtt.editorial"), reason="congtt.editorial not merged yet"
)

OCT = dt.date(2026, 10, 5)


def test_deadline_figures_and_metric(department):
    from congtt.editorial.models import PublicationDeadline
    from congtt.reports.scoring import METRICS
    from congtt.reports.services import build, report_context

    site = department.site

    def deadline(due, published=None):
        return PublicationDeadline.objects.create(
            site=site,
            title="Thông tin",
            kind=PublicationDeadline._meta.get_field("kind").choices[0][0],
            source_date=due - dt.timedelta(days=3),
            due_date=due,
            published_at=timezone.make_aware(dt.datetime.combine(published, dt.time(9)))
            if published
            else None,
        )

    deadline(dt.date(2026, 10, 6), dt.date(2026, 10, 6))  # on time
    deadline(dt.date(2026, 10, 7), dt.date(2026, 10, 9))  # late
    deadline(dt.date(2026, 10, 8))  # missed
    deadline(dt.date(2026, 11, 8))  # outside the period
    result = build(report_context(site, "month", OCT))
    section = next(s for s in result["sections"] if s["key"] == "deadlines")
    assert section["rows"] == [["Sở Khoa học và Công nghệ", 3, 1, 1, 1, 0]]
    assert METRICS["deadline_compliance"][1](site, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == round(
        1 / 3, 4
    )


def test_quota_section_prorates_the_monthly_target(department):
    from congtt.reports.services import build, report_context

    UnitQuota = apps.get_model("editorial", "UnitQuota")

    UnitQuota.objects.create(site=department.site, unit_name="Phòng Quản lý khoa học", monthly_target=20)
    month = build(report_context(department.site, "month", OCT))
    section = next(s for s in month["sections"] if s["key"] == "quotas")
    assert section["rows"] == [["Phòng Quản lý khoa học", 0, 20, "Chưa đạt"]]  # 20 × 31 / 30.4375 ≈ 20
    quarter = build(report_context(department.site, "quarter", OCT))
    section = next(s for s in quarter["sections"] if s["key"] == "quotas")
    assert section["rows"][0][2] == 60  # 20 × 92 / 30.4375 = 60.45

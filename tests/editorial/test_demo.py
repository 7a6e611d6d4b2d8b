import pytest

from congtt.editorial import demo
from congtt.editorial.models import Contributor, PublicationDeadline, Submission, UnitQuota


@pytest.mark.django_db
def test_demo_is_idempotent(department):
    demo.load()
    counts = (Submission.objects.count(), UnitQuota.objects.count(), PublicationDeadline.objects.count())
    demo.load()
    assert counts == (2, 3, 1)
    assert (
        Submission.objects.count(),
        UnitQuota.objects.count(),
        PublicationDeadline.objects.count(),
    ) == counts
    # 20 working days; 24 November (Ngày Văn hóa Việt Nam, a holiday from 2026) is not counted
    assert PublicationDeadline.objects.get().due_date.isoformat() == "2026-12-15"


@pytest.mark.django_db
def test_demo_contributors(department):
    demo.load()
    demo.load()
    assert Contributor.objects.count() == 3
    assert Contributor.objects.filter(is_active=True).count() == 2
    ended = Contributor.objects.get(is_active=False)
    assert ended.ends_on.isoformat() == "2025-12-31" and not ended.in_service()
    assert {c.site for c in Contributor.objects.all()} == {department.site}


def test_demo_board_meetings_recent_on_the_portal_overdue_on_the_department(portal, department):
    from django.utils import timezone

    from congtt.editorial import meetings
    from congtt.editorial.models import BoardMeeting

    demo.load()
    demo.load()
    today = timezone.localdate()
    assert BoardMeeting.objects.filter(site=portal.site).count() == 1
    assert BoardMeeting.objects.filter(site=department.site).count() == 1
    assert not meetings.status(portal.site).overdue(today)
    old = meetings.status(department.site)
    assert old.overdue(today) and (today - old.last).days > 183

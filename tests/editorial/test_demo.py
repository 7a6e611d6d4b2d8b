import pytest

from congtt.editorial import demo
from congtt.editorial.models import PublicationDeadline, Submission, UnitQuota


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

"""EDT-11: editorial board meetings, the 6-month warning and the chief's reminder."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document

from congtt.editorial import meetings
from congtt.editorial.models import BoardMeeting
from congtt.editorial.services import site_collection
from congtt.editorial.views import meeting_rows

pytestmark = pytest.mark.django_db


def _minutes(site):
    return Document.objects.create(
        title="Biên bản họp",
        file=ContentFile(b"%PDF-1.4 bien ban", name="bien-ban.pdf"),
        collection=site_collection(site),
    )


def test_next_due_is_six_calendar_months_later():
    assert meetings.next_due(date(2026, 3, 15)) == date(2026, 9, 15)
    assert meetings.next_due(date(2026, 8, 31)) == date(2027, 2, 28)
    assert meetings.next_due(date(2026, 10, 1)) == date(2027, 4, 1)


def test_secretary_records_a_meeting_of_own_site_only(client, board, site_a, site_b):
    url = reverse("editorial_meeting:add")
    data = {
        "site": site_a.pk,
        "held_on": "2026-11-20",
        "chair": "Nguyễn Văn An",
        "attendees": "Các thành viên ban biên tập",
        "conclusions": "Thống nhất kế hoạch tin bài quý I",
        "minutes": _minutes(site_b).pk,
    }
    client.force_login(board["a"]["secretary"])
    response = client.post(url, data)
    assert "Biên bản phải nằm trong thư mục tài liệu của trang." in response.content.decode()
    data["site"] = site_b.pk
    data["minutes"] = _minutes(site_a).pk
    assert client.post(url, data).status_code == 200 and not BoardMeeting.objects.exists()
    data["site"] = site_a.pk
    data["held_on"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Ngày họp không được sau hôm nay." in client.post(url, data).content.decode()
    data["held_on"] = "2026-11-20"
    assert client.post(url, data).status_code == 302
    meeting = BoardMeeting.objects.get()
    assert meeting.site == site_a and meeting.minutes.collection == site_collection(site_a)
    # another site's board neither sees nor edits it; a member only reads; a contributor has no access
    client.force_login(board["b"]["secretary"])
    assert client.get(reverse("editorial_meeting:edit", args=[meeting.pk])).status_code in (302, 403, 404)
    assert "Nguyễn Văn An" not in client.get(reverse("editorial_meeting:index")).content.decode()
    client.force_login(board["a"]["member"])
    assert "Nguyễn Văn An" in client.get(reverse("editorial_meeting:index")).content.decode()
    assert client.get(url).status_code in (302, 403)
    client.force_login(board["a"]["contributor"])
    assert client.get(reverse("editorial_meeting:index")).status_code in (302, 403)


def test_dashboard_warns_when_six_months_passed_or_none(board, site_a, site_b):
    today = timezone.localdate()
    BoardMeeting.objects.create(site=site_a, held_on=today - timedelta(days=30), chair="A", conclusions="Họp")
    BoardMeeting.objects.create(
        site=site_b, held_on=today - timedelta(days=200), chair="B", conclusions="Họp"
    )
    (row,) = meeting_rows(board["a"]["chief"])
    assert row["site"] == site_a and row["last"] == today - timedelta(days=30) and not row["overdue"]
    (row,) = meeting_rows(board["b"]["chief"])
    assert row["overdue"]
    BoardMeeting.objects.filter(site=site_a).delete()
    (row,) = meeting_rows(board["a"]["chief"])
    assert row["last"] is None and row["overdue"]
    assert meeting_rows(board["a"]["contributor"]) == []


def test_chief_is_reminded_once_two_weeks_before(board, site_a, site_b):
    BoardMeeting.objects.create(site=site_a, held_on=date(2026, 6, 1), chair="A", conclusions="Họp")
    BoardMeeting.objects.create(site=site_b, held_on=date(2026, 11, 1), chair="B", conclusions="Họp")
    assert meetings.send_reminders(today=date(2026, 11, 16)) == 0  # 15 days before 1 December
    assert meetings.send_reminders(today=date(2026, 11, 17)) == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [board["a"]["chief"].email]
    assert meetings.send_reminders(today=date(2026, 11, 18)) == 0 and len(mail.outbox) == 1

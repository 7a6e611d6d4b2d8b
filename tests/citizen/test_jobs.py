from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from congtt.citizen.models import Case, CitizenSettings
from congtt.citizen.services import ANONYMISED, purge_personal_data, run_reminders
from congtt.workdays.services import add_working_days

from .conftest import new_case, run_to

pytestmark = pytest.mark.django_db


def test_reminder_before_deadline_once_per_day(department, board, unit, officer):
    case = run_to(new_case(department.site), "forwarded", board, unit, officer)
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(due_date=add_working_days(today, 1))
    mail.outbox.clear()
    assert run_reminders(today) == {"reminded": 1, "escalated": 0}
    assert mail.outbox[0].to == ["qlcn@example.vn"] and "Sắp đến hạn" in mail.outbox[0].subject
    assert run_reminders(today) == {"reminded": 0, "escalated": 0}
    assert len(mail.outbox) == 1
    # far from the deadline: no reminder
    Case.objects.filter(pk=case.pk).update(due_date=add_working_days(today, 5), reminded_on=None)
    assert run_reminders(today)["reminded"] == 0


def test_overdue_escalates_to_board_once_per_day(department, board, unit, officer):
    cfg = CitizenSettings.get_for_site(department.site)
    cfg.board_email = "bbt@sokhcn.vn"
    cfg.save()
    case = run_to(new_case(department.site), "forwarded", board, unit, officer)
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(due_date=today - timedelta(days=2))
    mail.outbox.clear()
    assert run_reminders(today)["escalated"] == 1
    assert "bbt@sokhcn.vn" in mail.outbox[0].to and "quá hạn" in mail.outbox[0].subject
    assert Case.objects.get(pk=case.pk).escalated_on == today
    assert run_reminders(today)["escalated"] == 0
    out = StringIO()
    call_command("citizen_reminders", stdout=out)
    assert "báo quá hạn 0" in out.getvalue()
    assert run_reminders(today + timedelta(days=1))["escalated"] == 1


def test_answered_and_extended_cases_not_escalated(department, board, unit, officer):
    case = run_to(new_case(department.site), "answered", board, unit, officer)
    Case.objects.filter(pk=case.pk).update(due_date=timezone.localdate() - timedelta(days=5))
    assert run_reminders() == {"reminded": 0, "escalated": 0}


def test_purge_after_retention(department, board, unit, officer):
    old = run_to(new_case(department.site, title="Cũ"), "published", board, unit, officer)
    recent = run_to(new_case(department.site, title="Mới"), "answered", board, unit, officer)
    Case.objects.filter(pk=old.pk).update(answered_at=timezone.now() - timedelta(days=31))
    Case.objects.filter(pk=recent.pk).update(answered_at=timezone.now() - timedelta(days=10))
    open_case = new_case(department.site, title="Đang xử lý")

    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert old.code in out.getvalue() and recent.code not in out.getvalue()
    assert Case.objects.get(pk=old.pk).asker_email == "son@example.vn"

    purged = purge_personal_data()
    assert [c.pk for c in purged] == [old.pk]
    old.refresh_from_db()
    assert old.asker_name == ANONYMISED and old.asker_email == old.asker_phone == old.asker_address == ""
    assert old.name_display == "anonymous" and old.anonymised_at
    assert old.question and old.answer and old.published
    assert old.events.filter(note__contains="xóa dữ liệu cá nhân").count() == 1
    assert Case.objects.get(pk=recent.pk).asker_email == "son@example.vn"
    assert Case.objects.get(pk=open_case.pk).asker_email == "son@example.vn"
    assert purge_personal_data() == []


def test_retention_setting_respected(department, board, unit, officer):
    cfg = CitizenSettings.get_for_site(department.site)
    cfg.retention_days = 60
    cfg.save()
    case = run_to(new_case(department.site), "answered", board, unit, officer)
    Case.objects.filter(pk=case.pk).update(answered_at=timezone.now() - timedelta(days=45))
    assert purge_personal_data() == []


def test_demo_is_idempotent(portal, department):
    from congtt.citizen import demo
    from congtt.citizen.models import Draft, Post, Rating

    demo.load()
    counts = (Case.objects.count(), Draft.objects.count(), Post.objects.count(), Rating.objects.count())
    demo.load()
    assert counts == (
        Case.objects.count(),
        Draft.objects.count(),
        Post.objects.count(),
        Rating.objects.count(),
    )
    assert Case.objects.filter(published=True, site=department.site).exists()

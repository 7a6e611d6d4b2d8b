from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from congtt.editorial import deadlines, rules
from congtt.editorial.models import DeadlineRule, PublicationDeadline
from congtt.editorial.views import deadline_rows


def test_default_deadlines_follow_the_newest_regulation():
    assert {k.code: k.working_days for k in rules.DEADLINE_KINDS} == {
        "legal_issuer": 3,
        "legal_scope": 10,
        "legal_shortened": 0,
        "dissemination": 7,
        "projects": 10,
        "statistics": 10,
        "science": 20,
        "other": 10,
    }
    assert rules.default_working_days("unknown") == 10


@pytest.mark.django_db
def test_due_dates_count_working_days_across_holidays():
    # Issued Wednesday 29 April 2026: 30/4 and 1/5 are holidays, then a weekend.
    assert rules.publication_due_date(date(2026, 4, 29), 3).isoformat() == "2026-05-06"
    # Shortened procedure: same day when a working day, else the next working day.
    assert rules.publication_due_date(date(2026, 3, 3), 0).isoformat() == "2026-03-03"
    assert rules.publication_due_date(date(2026, 5, 1), 0).isoformat() == "2026-05-04"


def test_due_state():
    due = date(2026, 3, 10)
    assert rules.due_state(due, date(2026, 3, 9)) == "pending"
    assert rules.due_state(due, date(2026, 3, 10)) == "due_today"
    assert rules.due_state(due, date(2026, 3, 11)) == "overdue"
    assert rules.due_state(due, date(2026, 3, 11), done=True, done_on=date(2026, 3, 10)) == "on_time"
    assert rules.due_state(due, date(2026, 3, 12), done=True, done_on=date(2026, 3, 11)) == "late"


@pytest.mark.django_db
def test_site_setting_overrides_default_and_publication_is_recorded(site_a, news_a):
    DeadlineRule.objects.create(site=site_a, kind="science", working_days=5)
    deadline = deadlines.track(site_a, "science", date(2026, 3, 2), obj=news_a, title="Đề tài cấp tỉnh")
    assert deadline.due_date.isoformat() == "2026-03-09"
    same = deadlines.track(site_a, "science", date(2026, 3, 2), obj=news_a, title="Đề tài cấp tỉnh")
    assert same.pk == deadline.pk and PublicationDeadline.objects.count() == 1
    news_a.save_revision().publish()
    deadline.refresh_from_db()
    assert deadline.published_at is not None
    assert deadline.state == "late"  # published today, long after the March 2026 due date
    with pytest.raises(ValueError):
        deadlines.track(site_a, "khong-co", date(2026, 3, 2))


@pytest.mark.django_db
def test_reminders_once_a_day_and_missed_reported(board, site_a, site_b, mailoutbox):
    today = timezone.localdate()
    soon = PublicationDeadline.objects.create(
        site=site_a, title="Kế hoạch đấu thầu", kind="projects", source_date=today, due_date=today
    )
    missed = PublicationDeadline.objects.create(
        site=site_a,
        title="Số liệu thống kê quý I",
        kind="statistics",
        source_date=date(2020, 1, 1),
        due_date=date(2020, 1, 15),
    )
    assert deadlines.send_reminders(today) == {"reminded": 1, "missed": 1}
    assert deadlines.send_reminders(today) == {"reminded": 0, "missed": 0}
    call_command("deadline_reminders")
    subjects = [m.subject for m in mailoutbox]
    assert any("Sắp đến hạn: Kế hoạch đấu thầu" in s for s in subjects)
    assert any("Đã quá hạn: Số liệu thống kê quý I" in s for s in subjects)
    recipients = {address for m in mailoutbox for address in m.to}
    assert board["a"]["chief"].email in recipients and board["a"]["secretary"].email in recipients
    assert board["b"]["chief"].email not in recipients
    soon.refresh_from_db()
    missed.refresh_from_db()
    assert soon.reminded_on == today and missed.missed_reported_on == today and missed.state == "overdue"
    # the board of site A sees both on the dashboard, site B's board sees nothing
    assert {d.pk for d in deadline_rows(board["a"]["secretary"])} == {soon.pk, missed.pk}
    assert deadline_rows(board["b"]["secretary"]) == []
    assert deadline_rows(board["a"]["contributor"]) == []


@pytest.mark.django_db
def test_deadline_admin_is_scoped_and_computes_due_date(client, board, site_a, site_b):
    PublicationDeadline.objects.create(
        site=site_b,
        title="Tin của huyện",
        kind="other",
        source_date=date(2026, 3, 2),
        due_date=date(2026, 3, 16),
    )
    client.force_login(board["a"]["secretary"])
    response = client.post(
        reverse("editorial_deadline:add"),
        {
            "site": site_a.pk,
            "title": "Quyết định phê duyệt dự án",
            "kind": "projects",
            "source_date": "2026-04-29",
        },
    )
    assert response.status_code == 302
    mine = PublicationDeadline.objects.get(site=site_a)
    assert mine.due_date.isoformat() == "2026-05-15"
    listing = client.get(reverse("editorial_deadline:index")).content.decode()
    assert "Quyết định phê duyệt dự án" in listing and "Tin của huyện" not in listing
    response = client.post(
        reverse("editorial_deadline:add"),
        {"site": site_b.pk, "title": "Lấn sân", "kind": "projects", "source_date": "2026-04-29"},
    )
    assert response.status_code == 200 and not PublicationDeadline.objects.filter(title="Lấn sân").exists()
    client.force_login(board["a"]["contributor"])
    response = client.get(reverse("editorial_deadline:index"))
    assert response.status_code in (302, 403)


def test_jobs_are_registered_with_the_scheduler():
    from congtt.ops import scheduler

    assert {"editorial_deadline_reminders", "editorial_ingest_mail"} <= set(scheduler.REGISTRY)


@pytest.mark.django_db
def test_scheduled_mail_job_reads_configured_mailboxes(tmp_path, site_a, settings):
    from congtt.editorial.jobs import ingest_mailboxes

    from .test_mail_roles import build_maildir

    build_maildir(tmp_path / "mail")
    settings.EDITORIAL_MAILBOXES = {site_a.hostname: str(tmp_path / "mail"), "khong-co.localhost": "/nowhere"}
    ingest_mailboxes()
    from congtt.editorial.models import Submission

    assert Submission.objects.filter(site=site_a).count() == 2

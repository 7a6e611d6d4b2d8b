"""DL-2/DL-3: an article carrying a deadline kind is tracked from its source document's date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congtt.content.models import ArticlePage
from congtt.editorial import deadlines
from congtt.editorial.models import PublicationDeadline
from congtt.reports.editorial_sections import deadline_figures


def _article(section, slug, kind, source_date):
    page = ArticlePage(title=f"Tin {slug}", slug=slug, deadline_kind=kind, source_document_date=source_date)
    section.add_child(instance=page)
    return page


def _deadline_of(page):
    return PublicationDeadline.objects.get(object_id=str(page.pk), content_type__model="articlepage")


@pytest.mark.django_db
def test_due_date_counts_working_days_from_the_source_document(news_a):
    # Friday 6/3/2026 + 7 working days (dissemination) skips two weekends → Tuesday 17/3.
    page = _article(news_a, "pho-bien", "dissemination", dt.date(2026, 3, 6))
    deadline = _deadline_of(page)
    assert (deadline.kind, deadline.due_date, deadline.published_at) == (
        "dissemination",
        dt.date(2026, 3, 17),
        None,
    )
    # Science programmes: 20 working days from Monday 2/3/2026 → Monday 30/3.
    science = _article(news_a, "khoa-hoc", "science", dt.date(2026, 3, 2))
    assert _deadline_of(science).due_date == dt.date(2026, 3, 30)


@pytest.mark.django_db
def test_article_published_in_time_is_met_and_late_one_is_missed(news_a, site_a):
    today = timezone.localdate()
    met = _article(news_a, "thong-ke", "statistics", today)
    late = _article(news_a, "dau-thau", "projects", today - dt.timedelta(days=60))
    overdue = _article(news_a, "khac", "other", today - dt.timedelta(days=60))
    met.save_revision().publish()
    late.save_revision().publish()
    states = {p.slug: _deadline_of(p).state for p in (met, late, overdue)}
    assert states == {"thong-ke": "on_time", "dau-thau": "late", "khac": "overdue"}
    assert [d.title for d in deadlines.report([site_a.pk], state="overdue")] == ["Tin khac"]
    figures = deadline_figures([site_a.pk], today - dt.timedelta(days=90), today + dt.timedelta(days=30))
    assert figures[site_a.pk] == {"due": 3, "on_time": 1, "late": 1, "missed": 1, "pending": 0}


@pytest.mark.django_db
def test_deadlines_stay_on_their_own_site(news_a, news_b, site_a, site_b):
    _article(news_a, "a", "projects", dt.date(2026, 3, 2))
    _article(news_b, "b", "statistics", dt.date(2026, 3, 2))
    assert [d.site_id for d in deadlines.report([site_b.pk])] == [site_b.pk]
    assert {d.kind for d in deadlines.report([site_a.pk, site_b.pk])} == {"projects", "statistics"}


@pytest.mark.django_db
def test_plain_news_is_not_tracked_and_dropping_the_kind_drops_a_pending_deadline(news_a):
    plain = ArticlePage(title="Tin thường", slug="tin-thuong")
    news_a.add_child(instance=plain)
    assert not PublicationDeadline.objects.exists()
    page = _article(news_a, "du-an", "projects", dt.date(2026, 3, 2))
    assert PublicationDeadline.objects.count() == 1
    page.deadline_kind = ""
    page.save()
    assert not PublicationDeadline.objects.exists()


@pytest.mark.django_db
def test_resaving_keeps_one_deadline_and_follows_the_new_date(news_a):
    page = _article(news_a, "cap-nhat", "projects", dt.date(2026, 3, 2))
    page.source_document_date = dt.date(2026, 3, 9)
    page.save()
    deadline = PublicationDeadline.objects.get()
    assert deadline.source_date == dt.date(2026, 3, 9) and deadline.due_date == dt.date(2026, 3, 23)


@pytest.mark.django_db
def test_a_deadline_kind_needs_the_source_document_date():
    page = ArticlePage(title="Thiếu ngày", slug="thieu-ngay", deadline_kind="projects")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "source_document_date" in error.value.message_dict

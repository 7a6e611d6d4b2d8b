"""DL-2/DL-3: legal documents and disclosure items record their publication deadline."""

import datetime as dt

import pytest
from django.utils import timezone

from congtt.disclosures.models import DisclosureIndexPage, DisclosurePage
from congtt.editorial.models import PublicationDeadline
from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument
from tests.disclosures.test_disclosures import SAMPLES


def _doc(site, *, issue, live, body="Chính phủ", number="12/2026/QĐ-UBND"):
    doc = LegalDocument(
        site=site,
        form=DocumentForm.objects.get(code="quyet-dinh"),
        number=number,
        issuing_body=IssuingBody.objects.get_or_create(name=body)[0],
        issue_date=issue,
        summary="Ban hành Quy chế hoạt động",
        live=live,
        first_published_at=timezone.now() if live else None,
    )
    doc.save()
    return doc


def _deadline_of(obj):
    return PublicationDeadline.objects.get(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


@pytest.mark.django_db
def test_legal_document_published_within_deadline_is_met(site_a):
    doc = _doc(site_a, issue=timezone.localdate(), live=True)
    deadline = _deadline_of(doc)
    assert deadline.kind == "legal_scope" and deadline.source_date == doc.issue_date
    assert deadline.site == site_a and deadline.published_at is not None
    assert deadline.state == "on_time"


@pytest.mark.django_db
def test_legal_document_published_after_deadline_is_missed(site_a):
    doc = _doc(site_a, issue=dt.date(2024, 10, 25), live=True)
    deadline = _deadline_of(doc)
    assert deadline.due_date.isoformat() == "2024-11-08"  # 10 working days
    assert deadline.state == "late"


@pytest.mark.django_db
def test_draft_document_stays_pending_and_resave_keeps_one_deadline(site_a):
    doc = _doc(site_a, issue=dt.date(2024, 10, 25), live=False)
    deadline = _deadline_of(doc)
    assert deadline.published_at is None and deadline.state == "overdue"
    doc.summary = "Sửa trích yếu"
    doc.save()
    doc.save_revision().publish()
    assert PublicationDeadline.objects.count() == 1
    deadline.refresh_from_db()
    first = deadline.published_at
    assert first is not None and deadline.state == "late" and "Sửa trích yếu" in deadline.title
    doc.save()
    deadline.refresh_from_db()
    assert PublicationDeadline.objects.count() == 1 and deadline.published_at == first


@pytest.mark.django_db
def test_own_agency_document_has_the_issuer_deadline(site_a, department):
    doc = _doc(site_a, issue=dt.date(2024, 10, 25), live=False, body=department.agency_name.upper())
    assert _deadline_of(doc).kind == "legal_issuer"
    assert _deadline_of(doc).due_date.isoformat() == "2024-10-30"


@pytest.mark.django_db
def test_portal_counts_its_governing_body_as_issuer(portal, site_a):
    doc = _doc(portal.site, issue=dt.date(2024, 10, 25), live=False, body="Ủy ban nhân dân tỉnh Lạng Sơn")
    assert _deadline_of(doc).kind == "legal_issuer"
    other = _doc(
        site_a, issue=dt.date(2024, 10, 25), live=False, body="Ủy ban nhân dân tỉnh Lạng Sơn", number="2/QĐ"
    )
    assert _deadline_of(other).kind == "legal_scope"


def _disclosure(site, kind, details, date):
    index = DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai")
    site.root_page.add_child(instance=index)
    page = DisclosurePage(title=f"Mục {kind}", slug=f"muc-{kind}", kind=kind, date=date, details=details)
    index.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_procurement_disclosure_tracks_projects_deadline_until_published(site_a):
    page = _disclosure(site_a, "procurement", [("procurement", SAMPLES["procurement"])], timezone.localdate())
    deadline = _deadline_of(page)
    assert deadline.kind == "projects" and deadline.published_at is None
    page.save_revision().publish()
    deadline.refresh_from_db()
    assert deadline.state == "on_time" and PublicationDeadline.objects.count() == 1


@pytest.mark.django_db
def test_disclosure_without_legal_deadline_is_not_tracked(site_a):
    page = _disclosure(site_a, "plan", [("plan", SAMPLES["plan"])], dt.date(2026, 3, 2))
    page.save_revision().publish()
    assert not PublicationDeadline.objects.exists()


@pytest.mark.django_db
def test_a_failing_deadline_never_blocks_saving_the_document(site_a, monkeypatch):
    """The tracking runs in a savepoint: a database error there leaves the save's transaction usable."""
    from django.db import connection, transaction

    from congtt.editorial import record_deadlines

    def broken(document):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table_for_deadlines")

    monkeypatch.setattr(record_deadlines, "track_legal_document", broken)
    with transaction.atomic():
        doc = _doc(site_a, issue=timezone.localdate(), live=True)
        assert LegalDocument.objects.filter(pk=doc.pk).exists()  # still usable after the error
    assert not PublicationDeadline.objects.filter(object_id=str(doc.pk)).exists()

"""Publication deadlines of records other apps hold (DL-2, DL-3): legal documents, disclosures, articles.

This module maps the legal documents (congtt.legal), the disclosure items (congtt.disclosures) and
the articles that carry a deadline kind and source date (congtt.content) onto the deadline kinds
of ``rules.DEADLINE_KINDS`` and keeps one deadline per record, marked met when it goes live.
"""

from django.utils import timezone

from congtt.vntext.fold import fold

from . import deadlines
from .models import PublicationDeadline

# Disclosure kinds with a deadline in NĐ 42/2022 Điều 9 → deadline kind.
DISCLOSURE_DEADLINE_KINDS = {
    "investment": "projects",
    "procurement": "projects",
    "statistics": "statistics",
    "science": "science",
}


def legal_document_kind(document) -> str:
    """'legal_issuer' (3 working days) when the site's agency issued it, else 'legal_scope' (10).

    The provincial portal speaks for its governing body (UBND tỉnh), so that body's documents
    count as its own there.
    """
    from congtt.network.models import SiteProfile

    profile = SiteProfile.objects.filter(site_id=document.site_id).select_related("kind").first()
    if profile is None:
        return "legal_scope"
    own = {fold(profile.agency_name)}
    if profile.kind.is_portal and profile.governing_body:
        own.add(fold(profile.governing_body))
    return "legal_issuer" if fold(document.issuing_body.name) in own else "legal_scope"


def _record_publication(obj, live: bool, first_published_at=None) -> None:
    if live:
        deadlines.mark_published(obj, when=first_published_at or timezone.now())


def track_legal_document(document) -> PublicationDeadline:
    """Deadline of a legal document from its issue date; re-saving updates the same one."""
    deadline = deadlines.track(
        document.site,
        legal_document_kind(document),
        document.issue_date,
        obj=document,
        title=f"{document.number} – {document.summary}",
    )
    _record_publication(document, document.live, document.first_published_at)
    return deadline


def _track_page(page, kind: str | None, source_date) -> PublicationDeadline | None:
    """Deadline of a page from ``source_date`` when ``kind`` carries one; None (and a pending one
    dropped, a met one kept on record) otherwise. Shared by disclosures and articles."""
    from django.contrib.contenttypes.models import ContentType

    site = page.get_site()
    if kind is None or source_date is None or site is None:
        PublicationDeadline.objects.filter(
            content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
            object_id=str(page.pk),
            published_at__isnull=True,
        ).delete()
        return None
    deadline = deadlines.track(
        site, kind, source_date, obj=page, title=page.title, responsible=getattr(page, "owner", None)
    )
    _record_publication(page, page.live and page.first_published_at is not None, page.first_published_at)
    return deadline


def track_disclosure(page) -> PublicationDeadline | None:
    """Deadline of a disclosure item of a kind with a legal deadline, from its date; None otherwise."""
    return _track_page(page, DISCLOSURE_DEADLINE_KINDS.get(page.kind), page.date)


def track_article(page) -> PublicationDeadline | None:
    """Deadline of an article carrying a deadline kind (dissemination, projects, statistics, science,
    others…), from its source document's issue/approval date; None when it carries none."""
    return _track_page(page, page.deadline_kind or None, page.source_document_date)

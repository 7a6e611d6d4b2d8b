"""Violation reports and takedown (EDT-8) and items tied to outdated legal documents (EDT-9)."""

import logging
import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from congtt.network.models import SiteRoleGroup

from .models import Decision, ViolationReport
from .notifications import notify

logger = logging.getLogger(__name__)


def board_users(site, roles=("chief", "deputy", "secretary", "admin")):
    from django.contrib.auth import get_user_model

    groups = SiteRoleGroup.objects.filter(site=site, role__in=roles).values("group")
    return list(get_user_model().objects.filter(groups__in=groups, is_active=True).distinct())


def file_report(site, page, category, description, reporter_name="", reporter_email="") -> ViolationReport:
    """Store a citizen's report and tell the board at once."""
    report = ViolationReport.objects.create(
        site=site,
        page=page,
        page_title=page.title[:255],
        page_url=(page.get_url() or "")[:500],
        category=category,
        description=description,
        reporter_name=reporter_name,
        reporter_email=reporter_email,
    )
    notify(
        board_users(site),
        _("[Báo cáo vi phạm] %(title)s") % {"title": page.title},
        _("Có báo cáo vi phạm về trang “%(title)s” (%(url)s).\nLoại: %(category)s\nNội dung: %(text)s")
        % {
            "title": page.title,
            "url": report.page_url,
            "category": report.get_category_display(),
            "text": description,
        },
    )
    return report


@transaction.atomic
def take_down(report, user, note: str = ""):
    """Unpublish the reported page in one action, linking the report; logged in the page history."""
    page = report.page.specific if report.page_id else None
    if page is None:
        raise PermissionDenied
    if not page.permissions_for_user(user).can_unpublish():
        raise PermissionDenied
    if page.live:
        page.unpublish(user=user, log_action=True)
    report.status = ViolationReport.Status.TAKEN_DOWN
    report.handled_by, report.handled_at, report.note = user, timezone.now(), note.strip()
    report.save(update_fields=["status", "handled_by", "handled_at", "note"])
    Decision.objects.create(
        page=page, step=_("Gỡ tin do báo cáo vi phạm"), action="takedown", comment=note, user=user
    )
    log(
        instance=page,
        action="editorial.takedown",
        user=user,
        data={"report": report.pk, "category": report.category, "note": note.strip()},
    )
    return report


@transaction.atomic
def dismiss(report, user, note: str):
    from .services import user_can

    if not user_can(user, "editorial.change_violationreport", report.site):
        raise PermissionDenied
    report.status = ViolationReport.Status.DISMISSED
    report.handled_by, report.handled_at, report.note = user, timezone.now(), note.strip()
    report.save(update_fields=["status", "handled_by", "handled_at", "note"])
    return report


def pages_tied_to_outdated_documents(site_ids=None) -> list[dict]:
    """Live pages that reference an expired or replaced legal document (EDT-9): to withdraw or update."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from wagtail.models import Page, ReferenceIndex

    from congtt.legal import rules as legal_rules
    from congtt.legal.models import LegalDocument

    today = timezone.localdate()
    candidates = LegalDocument.objects.filter(Q(replaced_by__isnull=False) | Q(expiry_date__lt=today))
    if site_ids is not None:
        candidates = candidates.filter(site_id__in=site_ids)
    outdated = {
        str(doc.pk): doc for doc in candidates if doc.status in (legal_rules.EXPIRED, legal_rules.REPLACED)
    }
    if not outdated:
        return []
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(LegalDocument),
        to_object_id__in=list(outdated),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", "to_object_id")
    page_docs = {int(object_id): outdated[to_id] for object_id, to_id in references}
    # Articles that cite the document's number (“theo Quyết định số 40/2024/QĐ-UBND …”).
    # The body is stored as JSON with non-ASCII escaped: narrow by the number's ASCII head, then check the text.
    from congtt.content.models import ArticlePage, body_text

    for doc in outdated.values():
        head = re.match(r"[\x00-\x7f]*", doc.number).group(0)
        if len(head) < 4:
            head = doc.number
        mention = Q(title__icontains=doc.number) | Q(summary__icontains=doc.number) | Q(body__icontains=head)
        for article in ArticlePage.objects.live().filter(mention):
            text = " ".join([article.title, article.summary, body_text(article.body)])
            if doc.number.casefold() in text.casefold():
                page_docs.setdefault(article.pk, doc)
    pages = Page.objects.live().filter(pk__in=page_docs).specific()
    return [{"page": page, "document": page_docs[page.pk]} for page in pages]

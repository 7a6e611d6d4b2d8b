"""Publication deadlines (DL-2, DL-3): computed in working days, tracked, reminded, reported when missed."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congtt.network.models import SiteRoleGroup

from . import rules
from .models import DeadlineRule, PublicationDeadline
from .notifications import notify

logger = logging.getLogger(__name__)


def working_days_for(site, kind: str) -> int:
    """The site's setting for ``kind``, else the regulation's default."""
    rule = DeadlineRule.objects.filter(site=site, kind=kind).first()
    return rule.working_days if rule else rules.default_working_days(kind)


def due_date_for(site, kind: str, source_date):
    return rules.publication_due_date(source_date, working_days_for(site, kind))


def track(site, kind: str, source_date, obj=None, title: str = "", responsible=None) -> PublicationDeadline:
    """Start (or update) the deadline of ``obj`` (a page or record); other apps call this."""
    if kind not in rules.DEADLINE_KIND_BY_CODE:
        raise ValueError(_("Loại thông tin không hợp lệ."))
    values = {
        "title": (title or str(obj or ""))[:500],
        "kind": kind,
        "source_date": source_date,
        "due_date": due_date_for(site, kind, source_date),
        "responsible": responsible,
    }
    if obj is None:
        return PublicationDeadline.objects.create(site=site, **values)
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    deadline, _created = PublicationDeadline.objects.update_or_create(
        site=site, content_type=content_type, object_id=str(obj.pk), defaults=values
    )
    return deadline


def mark_published(obj, when=None) -> int:
    """Record the first publication of ``obj``; returns deadlines updated."""
    from wagtail.models import Page

    content_types = [ContentType.objects.get_for_model(obj, for_concrete_model=False)]
    if isinstance(obj, Page):
        content_types.append(ContentType.objects.get_for_model(Page))
    return PublicationDeadline.objects.filter(
        content_type__in=content_types, object_id=str(obj.pk), published_at__isnull=True
    ).update(published_at=when or timezone.now())


def board_recipients(site):
    from django.contrib.auth import get_user_model

    groups = SiteRoleGroup.objects.filter(site=site, role__in=["chief", "secretary"]).values("group")
    return list(get_user_model().objects.filter(groups__in=groups, is_active=True).distinct())


def send_reminders(today=None) -> dict:
    """E-mail reminders before due dates and reports of missed ones; once per item per day (idempotent)."""
    from congtt.workdays.services import add_working_days

    today = today or timezone.localdate()
    horizon = add_working_days(today, rules.REMINDER_WORKING_DAYS)
    counts = {"reminded": 0, "missed": 0}
    pending = PublicationDeadline.objects.filter(published_at__isnull=True).select_related(
        "site", "responsible"
    )
    for deadline in pending.filter(due_date__gte=today, due_date__lte=horizon).exclude(reminded_on=today):
        with transaction.atomic():
            notify(
                [deadline.responsible, *board_recipients(deadline.site)],
                _("[Hạn đăng tin] Sắp đến hạn: %(title)s") % {"title": deadline.title},
                _("“%(title)s” phải đăng trước hết ngày %(due)s (văn bản gốc ngày %(source)s).")
                % {
                    "title": deadline.title,
                    "due": deadline.due_date.strftime("%d/%m/%Y"),
                    "source": deadline.source_date.strftime("%d/%m/%Y"),
                },
            )
            PublicationDeadline.objects.filter(pk=deadline.pk).update(reminded_on=today)
            counts["reminded"] += 1
    for deadline in pending.filter(due_date__lt=today, missed_reported_on__isnull=True):
        with transaction.atomic():
            notify(
                [deadline.responsible, *board_recipients(deadline.site)],
                _("[Hạn đăng tin] Đã quá hạn: %(title)s") % {"title": deadline.title},
                _("“%(title)s” đã quá hạn đăng (hạn %(due)s) mà chưa được đăng.")
                % {"title": deadline.title, "due": deadline.due_date.strftime("%d/%m/%Y")},
            )
            PublicationDeadline.objects.filter(pk=deadline.pk).update(missed_reported_on=today)
            counts["missed"] += 1
    return counts


def report(site_ids=None, state: str = "", kind: str = ""):
    """Deadlines for the board's report view, filtered; ``site_ids`` None = all sites."""
    queryset = PublicationDeadline.objects.select_related("site").order_by("due_date")
    if site_ids is not None:
        queryset = queryset.filter(site_id__in=site_ids)
    if kind:
        queryset = queryset.filter(kind=kind)
    today = timezone.localdate()
    if state == "pending":
        queryset = queryset.filter(published_at__isnull=True, due_date__gte=today)
    elif state == "overdue":
        queryset = queryset.filter(published_at__isnull=True, due_date__lt=today)
    items = list(queryset)
    if state in ("on_time", "late"):
        items = [d for d in items if d.state == state]
    return items

"""Editorial board meetings (EDT-11): at least one every 6 months; the chief is reminded before."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import BoardMeeting

MEETING_INTERVAL_MONTHS = 6
REMINDER_DAYS_BEFORE = 14


def next_due(held_on: date) -> date:
    """Six calendar months after ``held_on`` (31 August → 28/29 February)."""
    month = held_on.month - 1 + MEETING_INTERVAL_MONTHS
    year, month = held_on.year + month // 12, month % 12 + 1
    return date(year, month, min(held_on.day, calendar.monthrange(year, month)[1]))


@dataclass
class MeetingStatus:
    last: date | None
    due: date | None

    def overdue(self, today: date) -> bool:
        return self.last is None or today > self.due


def status(site) -> MeetingStatus:
    last = (
        BoardMeeting.objects.filter(site=site).order_by("-held_on").values_list("held_on", flat=True).first()
    )
    return MeetingStatus(last=last, due=next_due(last) if last else None)


def minutes_in_site_collection(document, site) -> bool:
    from .services import site_collection

    collection = site_collection(site)
    return document.collection_id == collection.pk or document.collection.is_descendant_of(collection)


def send_reminders(today: date | None = None) -> int:
    """E-mail each site's chief once when the next meeting is due within 14 days; returns sites reminded."""
    from congtt.network.models import SiteRoleGroup

    from .notifications import notify

    today = today or timezone.localdate()
    sent = 0
    latest = {}
    for meeting in BoardMeeting.objects.select_related("site").order_by("site_id", "-held_on", "-pk"):
        latest.setdefault(meeting.site_id, meeting)
    for meeting in latest.values():
        due = next_due(meeting.held_on)
        if meeting.reminded_on or (due - today).days > REMINDER_DAYS_BEFORE:
            continue
        from django.contrib.auth import get_user_model

        groups = SiteRoleGroup.objects.filter(site=meeting.site, role="chief").values("group")
        chiefs = list(get_user_model().objects.filter(groups__in=groups, is_active=True).distinct())
        with transaction.atomic():
            notify(
                chiefs,
                _("[Ban biên tập] Sắp đến hạn họp ban biên tập: %(site)s") % {"site": meeting.site.site_name},
                _(
                    "Lần họp gần nhất ngày %(last)s; ban biên tập phải họp trước ngày %(due)s (6 tháng một lần)."
                )
                % {"last": meeting.held_on.strftime("%d/%m/%Y"), "due": due.strftime("%d/%m/%Y")},
            )
            BoardMeeting.objects.filter(pk=meeting.pk).update(reminded_on=today)
            sent += 1
    return sent

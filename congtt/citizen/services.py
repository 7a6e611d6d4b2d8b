"""Scheduled jobs and reports: reminders and escalation, retention purge, rating results, opinion digest."""

import logging
from datetime import timedelta

from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from congtt.workdays.services import add_working_days

from .models import Case, CaseEvent, CitizenSettings, DraftComment, Post, Rating
from .rules import OPEN_STATES
from .tasks import notify

logger = logging.getLogger("congtt.citizen")


def open_cases(site_ids=None):
    qs = Case.objects.filter(state__in=OPEN_STATES).select_related("unit", "site")
    if site_ids is not None:
        qs = qs.filter(site_id__in=site_ids)
    return qs


def run_reminders(today=None) -> dict:
    """E-mail units before their deadline and escalate overdue cases to the board; once per case per day."""
    today = today or timezone.localdate()
    reminded = escalated = 0
    settings_cache = {}
    for case in open_cases():
        due = case.effective_due_date
        if due is None:
            continue
        cfg = settings_cache.get(case.site_id) or settings_cache.setdefault(
            case.site_id, CitizenSettings.get_for_site(case.site)
        )
        if today > due:
            if case.escalated_on == today:
                continue
            Case.objects.filter(pk=case.pk).update(escalated_on=today)
            CaseEvent.objects.create(
                case=case,
                from_state=case.state,
                to_state=case.state,
                note=_("Quá hạn trả lời (hạn %(due)s), đã báo ban biên tập.")
                % {"due": due.strftime("%d/%m/%Y")},
            )
            board = cfg.board_email or getattr(getattr(case.site, "profile", None), "email", "")
            notify(
                [a for a in (board, case.unit.email if case.unit else "") if a],
                _("[%(code)s] Hồ sơ hỏi đáp quá hạn") % {"code": case.code},
                _("Hồ sơ “%(title)s” của đơn vị %(unit)s đã quá hạn trả lời (%(due)s).")
                % {"title": case.title, "unit": case.unit or "-", "due": due.strftime("%d/%m/%Y")},
            )
            escalated += 1
        elif add_working_days(today, cfg.reminder_lead_days) >= due:
            if case.reminded_on == today:
                continue
            Case.objects.filter(pk=case.pk).update(reminded_on=today)
            if case.unit and case.unit.email:
                notify(
                    case.unit.email,
                    _("[%(code)s] Sắp đến hạn trả lời") % {"code": case.code},
                    _("Hồ sơ “%(title)s” phải trả lời trước ngày %(due)s.")
                    % {"title": case.title, "due": due.strftime("%d/%m/%Y")},
                )
            reminded += 1
    logger.info("citizen reminders: %s reminded, %s escalated", reminded, escalated)
    return {"reminded": reminded, "escalated": escalated}


ANONYMISED = "(đã xóa theo thời hạn lưu trữ)"


def purge_candidates(now=None):
    now = now or timezone.now()
    result = []
    for cfg_site_id, cases in _cases_by_site().items():
        cfg = CitizenSettings.objects.filter(site_id=cfg_site_id).first()
        days = cfg.retention_days if cfg else 30
        limit = now - timedelta(days=days)
        result += [c for c in cases if c.answered_at and c.answered_at < limit]
    return result


def _cases_by_site():
    grouped = {}
    for case in Case.objects.filter(anonymised_at__isnull=True, answered_at__isnull=False).exclude(
        state__in=OPEN_STATES
    ):
        grouped.setdefault(case.site_id, []).append(case)
    return grouped


def purge_personal_data(dry_run=False, now=None) -> list[Case]:
    """Remove the asker's personal data of cases answered more than the retention days ago (QA-5, QA-6)."""
    cases = purge_candidates(now)
    if dry_run:
        return cases
    for case in cases:
        if case.attachment:
            case.attachment.delete(save=False)
        case.asker_name = ANONYMISED
        case.asker_email = case.asker_phone = case.asker_address = ""
        case.name_display = Case.NameDisplay.ANONYMOUS
        case.anonymised_at = now or timezone.now()
        case.save()
        CaseEvent.objects.create(
            case=case,
            from_state=case.state,
            to_state=case.state,
            note=_("Đã xóa dữ liệu cá nhân của người gửi."),
        )
        logger.info("case %s: personal data purged", case.code)
    return cases


def rating_results(site_ids=None, since=None, until=None) -> dict:
    """Average score per criterion and number of ratings (for the periodic reports)."""
    qs = Rating.objects.all()
    if site_ids is not None:
        qs = qs.filter(site_id__in=site_ids)
    if since:
        qs = qs.filter(created_at__date__gte=since)
    if until:
        qs = qs.filter(created_at__date__lte=until)
    data = qs.aggregate(
        count=Count("pk"),
        interface=Avg("interface"),
        content=Avg("content"),
        quality=Avg("quality"),
        support=Avg("support"),
    )
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in data.items()}


def opinion_digest(site_ids=None, since=None, until=None) -> list[dict]:
    """Visitor opinions for the board (INT-4): rating comments, forum posts, draft comments, newest first."""
    items = []

    def scoped(qs, field):
        if site_ids is not None:
            qs = qs.filter(**{f"{field}__in": site_ids})
        if since:
            qs = qs.filter(created_at__date__gte=since)
        if until:
            qs = qs.filter(created_at__date__lte=until)
        return qs

    for r in scoped(Rating.objects.exclude(comment=""), "site_id")[:500]:
        items.append(
            {"kind": _("Đánh giá"), "at": r.created_at, "who": "", "about": r.page_path, "text": r.comment}
        )
    for p in scoped(Post.objects.select_related("topic"), "topic__site_id")[:500]:
        items.append(
            {"kind": _("Diễn đàn"), "at": p.created_at, "who": p.name, "about": p.topic.title, "text": p.text}
        )
    for c in scoped(DraftComment.objects.select_related("draft"), "draft__site_id")[:500]:
        items.append(
            {
                "kind": _("Góp ý dự thảo"),
                "at": c.created_at,
                "who": c.name,
                "about": c.draft.title,
                "text": c.text,
            }
        )
    items.sort(key=lambda item: item["at"], reverse=True)
    return items

"""Plain rules of the citizen features (no web code): deadlines, name forms, windows."""

from datetime import date

from django.utils import timezone

from congtt.workdays.services import add_working_days, to_local_date, working_days_between

MAX_WD_WITHOUT_NOTICE = 15


def deadline_days(deadline_class: str, settings_obj=None) -> int:
    """Working days allowed for a deadline class (site setting, defaults 5/10/15)."""
    defaults = {"competence": 5, "several": 10, "special": 15}
    if settings_obj is not None:
        defaults = {
            "competence": settings_obj.days_competence,
            "several": settings_obj.days_several,
            "special": settings_obj.days_special,
        }
    return defaults[deadline_class]


def compute_due_date(assigned_on: date, deadline_class: str, settings_obj=None) -> date:
    return add_working_days(assigned_on, deadline_days(deadline_class, settings_obj))


def latest_date_without_notice(assigned_on: date) -> date:
    return add_working_days(assigned_on, MAX_WD_WITHOUT_NOTICE)


def display_name(full_name: str, preference: str) -> str:
    """The asker's name as allowed for publication: full, initials (N.V.A.) or anonymous."""
    full_name = " ".join((full_name or "").split())
    if preference == "full" and full_name:
        return full_name
    if preference == "initials" and full_name:
        return ".".join(part[0].upper() for part in full_name.split()) + "."
    return "Ẩn danh"


def draft_is_open(draft, today=None) -> bool:
    today = today or timezone.localdate()
    return bool(draft.published and draft.opens_on <= today <= draft.closes_on)


def is_overdue(case, today=None) -> bool:
    today = today or timezone.localdate()
    due = case.effective_due_date
    return bool(due and case.state in OPEN_STATES and today > due)


def working_days_left(case, today=None):
    today = today or timezone.localdate()
    due = case.effective_due_date
    if not due:
        return None
    if due >= today:
        return working_days_between(today, due)
    return -working_days_between(due, today)


OPEN_STATES = ("forwarded", "answer_drafted", "returned", "approved")

__all__ = [
    "compute_due_date",
    "deadline_days",
    "display_name",
    "draft_is_open",
    "is_overdue",
    "latest_date_without_notice",
    "to_local_date",
    "working_days_left",
]

"""Django-side access to the working-day calendar.

``get_calendar()`` returns a :class:`~congtt.workdays.calendar.WorkCalendar`
built from the ``holidays`` library plus the :class:`CalendarOverride` rows.
The overrides are cached in Django's cache under a version key; saving or
deleting an override bumps the version (signals connected in ``apps.ready``),
so every process sharing the cache sees the change on its next call.
"""

from __future__ import annotations

import functools
import time
from datetime import date, datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .calendar import WorkCalendar

VERSION_KEY = "congtt:workdays:calendar-version"
DATA_KEY = "congtt:workdays:overrides:{version}"
# Bounds staleness when several processes do not share a cache (local memory).
DATA_TIMEOUT = 60 * 60

__all__ = [
    "add_working_days",
    "get_calendar",
    "invalidate_calendar",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "to_local_date",
    "working_days_between",
]


def _new_version() -> int:
    return time.time_ns()


def _current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never restart from a fixed number: an old data key could still exist.
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY)
        if version is None:  # e.g. DummyCache: nothing is ever cached
            version = _new_version()
    return version


def _bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key missing
        cache.set(VERSION_KEY, _new_version(), None)


def invalidate_calendar(*args, **kwargs) -> None:
    """Signal receiver (post_save/post_delete of CalendarOverride).

    Bumps now, so the current request sees the change, and again after the
    commit, so a concurrent request cannot keep the pre-commit state cached.
    """
    _bump_version()
    transaction.on_commit(_bump_version)


def _load_overrides() -> tuple[tuple[date, str], ...]:
    from .models import CalendarOverride

    return tuple(CalendarOverride.objects.order_by("date").values_list("date", "kind"))


@functools.lru_cache(maxsize=8)
def _build_calendar(overrides: tuple[tuple[date, str], ...]) -> WorkCalendar:
    # Reusing the instance for identical overrides keeps its per-year caches warm.
    return WorkCalendar(overrides)


def get_calendar() -> WorkCalendar:
    """The working-day calendar including the overrides edited in the admin."""
    key = DATA_KEY.format(version=_current_version())
    overrides = cache.get(key)
    if overrides is None:
        overrides = _load_overrides()
        cache.set(key, overrides, DATA_TIMEOUT)
    return _build_calendar(tuple(overrides))


def to_local_date(value: date | datetime) -> date:
    """``value`` as a date; aware datetimes are converted to local time first."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def is_working_day(d: date | datetime) -> bool:
    return get_calendar().is_working_day(to_local_date(d))


def add_working_days(start: date | datetime, n: int) -> date:
    return get_calendar().add_working_days(to_local_date(start), n)


def working_days_between(a: date | datetime, b: date | datetime) -> int:
    return get_calendar().working_days_between(to_local_date(a), to_local_date(b))


def next_working_day(d: date | datetime) -> date:
    return get_calendar().next_working_day(to_local_date(d))


def previous_working_day(d: date | datetime) -> date:
    return get_calendar().previous_working_day(to_local_date(d))

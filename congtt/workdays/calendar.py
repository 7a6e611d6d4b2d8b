"""Working-day calendar for Vietnamese state agencies (requirement DL-1).

Pure Python: this module must not import Django, so it can be used from
scripts, tasks and tests without settings.

A day is a *working day* unless it is a weekend day (Saturday, Sunday) or a
public holiday, with explicit per-date overrides taking precedence:

* the base holidays come from the ``holidays`` library's Vietnam calendar
  (``holidays.country_holidays("VN")``). As of holidays 0.109 it contains
  New Year (1/1), the Tết days (29 or 30 Tết .. mùng 4, with weekend days
  moved to the adjacent working day), Giỗ Tổ Hùng Vương (10/3 lunar), 30/4,
  1/5, 2/9 plus the adjacent day (since 2021), Vietnam Culture Day 24/11
  (since 2026), "observed" compensation days when a holiday falls on a
  weekend, and the swaps announced by the government up to its release
  (e.g. 2025: day off Friday 2/5 in exchange for working Saturday 26/4). The
  weekend days that become working days through such swaps are exposed by
  the library as ``weekend_workdays`` and are honoured here too;
* overrides (``date -> "day_off" | "working_day"``) model whatever the
  library does not know yet: the yearly announcements of the Ministry of
  Home Affairs, a provincial decision, etc.

All functions accept ``date`` or ``datetime`` (the datetime's own date is
used, no time-zone conversion is done here).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum

__all__ = [
    "DAY_OFF",
    "WORKING_DAY",
    "OverrideKind",
    "WorkCalendar",
    "add_working_days",
    "default_calendar",
    "holiday_name",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "working_days_between",
]


class OverrideKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


DAY_OFF = OverrideKind.DAY_OFF.value
WORKING_DAY = OverrideKind.WORKING_DAY.value

SATURDAY = 5
SUNDAY = 6
DEFAULT_WEEKEND = frozenset({SATURDAY, SUNDAY})

_ONE_DAY = timedelta(days=1)


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"expected a date or datetime, got {type(value).__name__}")


@functools.lru_cache(maxsize=256)
def _library_year(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """The library's holidays (date -> Vietnamese name) and its swapped weekend
    working days for ``year``. Cached per process, shared by all calendars."""
    try:
        import holidays
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        return {}, frozenset()
    try:
        vn = holidays.country_holidays("VN", years=year, language="vi")
        names = {d: str(name) for d, name in vn.items() if d.year == year}
        workdays = frozenset(d for d in getattr(vn, "weekend_workdays", ()) if d.year == year)
    except Exception:  # years outside the library's range, unsupported country data, etc.
        return {}, frozenset()
    return names, workdays


class _YearData:
    """Deviations from the plain weekday/weekend rule for one year."""

    __slots__ = ("off_weekdays", "working_weekend_days")

    def __init__(self, off_weekdays: frozenset[date], working_weekend_days: frozenset[date]):
        self.off_weekdays = off_weekdays  # Mon-Fri (non-weekend) dates that are days off
        self.working_weekend_days = working_weekend_days  # weekend dates that are working days


class WorkCalendar:
    """A working-day calendar: weekend + library holidays + explicit overrides.

    ``overrides`` maps dates to ``"day_off"`` (extra day off, e.g. a bridge
    day) or ``"working_day"`` (e.g. a Saturday worked in exchange for a bridge
    day). Overrides always win over the weekend rule and the library.
    ``use_library=False`` gives a calendar of weekends + overrides only.
    """

    def __init__(
        self,
        overrides: Mapping[date, str] | Iterable[tuple[date, str]] | None = None,
        *,
        use_library: bool = True,
        weekend: Iterable[int] = DEFAULT_WEEKEND,
    ):
        items = overrides.items() if isinstance(overrides, Mapping) else (overrides or ())
        normalized: dict[date, str] = {}
        for day, kind in items:
            kind = str(OverrideKind(kind))  # raises ValueError on unknown kinds
            normalized[_as_date(day)] = kind
        self._overrides = normalized
        self._use_library = use_library
        self._weekend = frozenset(weekend)
        if not self._weekend <= set(range(7)) or len(self._weekend) == 7:
            raise ValueError("weekend must be a proper subset of weekday numbers 0 (Monday) .. 6 (Sunday)")
        self._years: dict[int, _YearData] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<WorkCalendar overrides={len(self._overrides)} library={self._use_library}>"

    @property
    def overrides(self) -> dict[date, str]:
        return dict(self._overrides)

    @property
    def weekend(self) -> frozenset[int]:
        return self._weekend

    # -- per-year data ---------------------------------------------------

    def _year(self, year: int) -> _YearData:
        data = self._years.get(year)
        if data is None:
            with self._lock:
                data = self._years.get(year)
                if data is None:
                    data = self._years[year] = self._build_year(year)
        return data

    def _build_year(self, year: int) -> _YearData:
        if self._use_library:
            names, lib_workdays = _library_year(year)
        else:
            names, lib_workdays = {}, frozenset()
        off = {d for d in names if d.weekday() not in self._weekend}
        working_weekend = {d for d in lib_workdays if d.weekday() in self._weekend}
        for day, kind in self._overrides.items():
            if day.year != year:
                continue
            weekend = day.weekday() in self._weekend
            if kind == DAY_OFF:
                working_weekend.discard(day)
                if not weekend:
                    off.add(day)
            else:
                off.discard(day)
                if weekend:
                    working_weekend.add(day)
        return _YearData(frozenset(off), frozenset(working_weekend))

    # -- queries ----------------------------------------------------------

    def is_working_day(self, d: date | datetime) -> bool:
        d = _as_date(d)
        data = self._year(d.year)
        if d.weekday() in self._weekend:
            return d in data.working_weekend_days
        return d not in data.off_weekdays

    def holiday_name(self, d: date | datetime) -> str | None:
        """The library's (Vietnamese) holiday name for ``d``, if any."""
        d = _as_date(d)
        if not self._use_library:
            return None
        return _library_year(d.year)[0].get(d)

    def days_off(self, year: int) -> list[date]:
        """Non-weekend days off of ``year`` (holidays, compensation and bridge days)."""
        return sorted(self._year(year).off_weekdays)

    def weekend_working_days(self, year: int) -> list[date]:
        """Weekend days of ``year`` that are working days (swapped days)."""
        return sorted(self._year(year).working_weekend_days)

    def next_working_day(self, d: date | datetime) -> date:
        """The first working day strictly after ``d``."""
        d = _as_date(d) + _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def previous_working_day(self, d: date | datetime) -> date:
        """The last working day strictly before ``d``."""
        d = _as_date(d) - _ONE_DAY
        while not self.is_working_day(d):
            d -= _ONE_DAY
        return d

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The date ``n`` working days after ``start``, counting from the next day.

        * ``n > 0``: the n-th working day strictly after ``start`` (a 3 working
          day deadline from Friday 2024-10-25 is Wednesday 2024-10-30);
        * ``n == 0``: ``start`` if it is a working day, else the next one;
        * ``n < 0``: the |n|-th working day strictly before ``start``.
        """
        n = int(n)
        d = _as_date(start)
        if n == 0:
            return d if self.is_working_day(d) else self.next_working_day(d)
        step = self.next_working_day if n > 0 else self.previous_working_day
        for _ in range(abs(n)):
            d = step(d)
        return d

    def working_days_between(self, a: date | datetime, b: date | datetime) -> int:
        """Number of working days in the half-open interval (a, b]; negative if b < a."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        count = _count_weekdays(a, b, self._weekend)
        for year in range(a.year, b.year + 1):
            data = self._year(year)
            count -= sum(1 for d in data.off_weekdays if a < d <= b)
            count += sum(1 for d in data.working_weekend_days if a < d <= b)
        return count


def _count_weekdays(a: date, b: date, weekend: frozenset[int]) -> int:
    """Number of non-weekend days in (a, b], for a <= b."""
    total = (b - a).days
    full_weeks, rest = divmod(total, 7)
    count = full_weeks * (7 - len(weekend))
    wd = a.weekday()
    for i in range(1, rest + 1):
        if (wd + i) % 7 not in weekend:
            count += 1
    return count


default_calendar = WorkCalendar()
"""Weekends + the ``holidays`` library, no overrides. Django code should use
``congtt.workdays.services.get_calendar()``, which adds the admin overrides."""


def is_working_day(d: date | datetime, calendar: WorkCalendar | None = None) -> bool:
    return (calendar if calendar is not None else default_calendar).is_working_day(d)


def add_working_days(start: date | datetime, n: int, calendar: WorkCalendar | None = None) -> date:
    return (calendar if calendar is not None else default_calendar).add_working_days(start, n)


def working_days_between(a: date | datetime, b: date | datetime, calendar: WorkCalendar | None = None) -> int:
    return (calendar if calendar is not None else default_calendar).working_days_between(a, b)


def next_working_day(d: date | datetime, calendar: WorkCalendar | None = None) -> date:
    return (calendar if calendar is not None else default_calendar).next_working_day(d)


def previous_working_day(d: date | datetime, calendar: WorkCalendar | None = None) -> date:
    return (calendar if calendar is not None else default_calendar).previous_working_day(d)


def holiday_name(d: date | datetime, calendar: WorkCalendar | None = None) -> str | None:
    return (calendar if calendar is not None else default_calendar).holiday_name(d)

"""Pure tests of congtt.workdays.calendar (no Django needed: run with -p no:django)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congtt.workdays.calendar import (
    DAY_OFF,
    WORKING_DAY,
    WorkCalendar,
    add_working_days,
    default_calendar,
    holiday_name,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)


def days(start: date, end: date):
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


# -- Tết -----------------------------------------------------------------------


def test_tet_2025_official_schedule():
    # Official schedule for civil servants (Thông báo 6150/TB-BLĐTBXH, 2024):
    # off from Saturday 25/1/2025 (26 Chạp) to Sunday 2/2/2025 (mùng 5), 9 days.
    # The holidays library gives 27/1 (29 Tết) .. 31/1 (mùng 3) + Saturday 1/2
    # (mùng 4), so together with the weekends it already matches: no override.
    assert is_working_day(date(2025, 1, 24))
    for d in days(date(2025, 1, 25), date(2025, 2, 2)):
        assert not is_working_day(d), d
    assert is_working_day(date(2025, 2, 3))
    assert holiday_name(date(2025, 1, 29)) == "Tết Nguyên Đán"


def test_tet_2024():
    # Official: Thursday 8/2/2024 (29 Tết) .. Wednesday 14/2/2024 (mùng 5).
    assert is_working_day(date(2024, 2, 7))
    for d in days(date(2024, 2, 8), date(2024, 2, 14)):
        assert not is_working_day(d), d
    assert is_working_day(date(2024, 2, 15))


def test_deadline_spanning_tet():
    # Friday 24/1/2025 + 5 working days: 3, 4, 5, 6, 7 February.
    assert add_working_days(date(2025, 1, 24), 5) == date(2025, 2, 7)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 7)) == 5
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 2)) == 0
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 3)


# -- Giỗ Tổ Hùng Vương (10/3 lunar) ----------------------------------------------


@pytest.mark.parametrize("d", [date(2024, 4, 18), date(2025, 4, 7)])
def test_hung_kings_day(d):
    assert d.weekday() < 5
    assert not is_working_day(d)
    assert is_working_day(d - timedelta(days=7))


def test_hung_kings_day_on_sunday_is_compensated():
    # 10/3 Bính Ngọ = Sunday 26/4/2026: the day off moves to Monday 27/4.
    assert not is_working_day(date(2026, 4, 26))
    assert not is_working_day(date(2026, 4, 27))
    assert is_working_day(date(2026, 4, 28))


# -- 30/4 – 1/5 --------------------------------------------------------------------

# Official 2025 swap announced for civil servants: work on
# Saturday 26/4/2025, off on Friday 2/5/2025 -> 5 days off, 30/4 .. 4/5.
SWAP_2025 = {date(2025, 4, 26): WORKING_DAY, date(2025, 5, 2): DAY_OFF}


def _check_reunification_2025(cal: WorkCalendar):
    assert cal.is_working_day(date(2025, 4, 26))  # swapped working Saturday
    assert not cal.is_working_day(date(2025, 4, 27))
    assert cal.is_working_day(date(2025, 4, 28))
    assert cal.is_working_day(date(2025, 4, 29))
    for d in days(date(2025, 4, 30), date(2025, 5, 4)):
        assert not cal.is_working_day(d), d
    assert cal.is_working_day(date(2025, 5, 5))
    # Friday 25/4 .. Monday 5/5: 26/4, 28/4, 29/4, 5/5.
    assert cal.working_days_between(date(2025, 4, 25), date(2025, 5, 5)) == 4
    assert cal.add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)
    assert cal.add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)
    assert cal.add_working_days(date(2025, 5, 5), -2) == date(2025, 4, 28)


def test_reunification_and_labour_day_2025_from_library():
    # holidays >= 0.6x already knows the 2025 swap (special_public_holidays and
    # weekend_workdays), so the default calendar gets it right by itself...
    _check_reunification_2025(default_calendar)


def test_reunification_and_labour_day_2025_with_overrides():
    # ...and declaring the swap explicitly (as an admin would, from the official
    # announcement) is harmless.
    _check_reunification_2025(WorkCalendar(SWAP_2025))
    # Without the library, the overrides alone still model the swap.
    bare = WorkCalendar(SWAP_2025, use_library=False)
    assert bare.is_working_day(date(2025, 4, 26))
    assert not bare.is_working_day(date(2025, 5, 2))
    assert bare.is_working_day(date(2025, 4, 30))  # no library -> no 30/4


def test_reunification_2024_swap():
    # 2024: off Monday 29/4, work Saturday 4/5.
    assert not is_working_day(date(2024, 4, 29))
    assert not is_working_day(date(2024, 4, 30))
    assert not is_working_day(date(2024, 5, 1))
    assert is_working_day(date(2024, 5, 4))


# -- Quốc khánh 2/9 -----------------------------------------------------------------


def test_national_day_2025():
    # Saturday 30/8 .. Tuesday 2/9/2025 off (2/9 + the adjacent Monday 1/9).
    assert is_working_day(date(2025, 8, 29))
    for d in days(date(2025, 8, 30), date(2025, 9, 2)):
        assert not is_working_day(d), d
    assert is_working_day(date(2025, 9, 3))


def test_national_day_2024():
    # Monday 2/9 and Tuesday 3/9/2024.
    assert not is_working_day(date(2024, 9, 2))
    assert not is_working_day(date(2024, 9, 3))
    assert is_working_day(date(2024, 9, 4))


def test_new_year():
    assert not is_working_day(date(2025, 1, 1))
    assert is_working_day(date(2025, 1, 2))


# -- add_working_days / working_days_between ----------------------------------------


def test_documented_example():
    # "3 working days from the issue date", issued Friday 25/10/2024.
    assert add_working_days(date(2024, 10, 25), 3) == date(2024, 10, 30)
    assert working_days_between(date(2024, 10, 25), date(2024, 10, 30)) == 3


def test_zero_days():
    assert add_working_days(date(2024, 10, 25), 0) == date(2024, 10, 25)
    assert add_working_days(date(2024, 10, 26), 0) == date(2024, 10, 28)
    assert add_working_days(date(2025, 1, 29), 0) == date(2025, 2, 3)


def test_negative_days():
    assert add_working_days(date(2025, 2, 3), -1) == date(2025, 1, 24)
    assert add_working_days(date(2024, 10, 30), -3) == date(2024, 10, 25)
    assert add_working_days(date(2024, 10, 27), -1) == date(2024, 10, 25)  # from a Sunday


def test_between_is_antisymmetric_and_half_open():
    a, b = date(2025, 1, 20), date(2025, 2, 10)
    assert working_days_between(a, a) == 0
    assert working_days_between(a, b) == -working_days_between(b, a)
    # (Mon 20/1, Tue 21/1] contains one working day.
    assert working_days_between(date(2025, 1, 20), date(2025, 1, 21)) == 1
    # Whole of 2025: 261 weekdays - 12 weekday days off (1/1, 27-31/1, 7/4, 30/4,
    # 1/5, 2/5, 1/9, 2/9) + the swapped Saturday 26/4.
    assert working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 261 - 12 + 1


def test_next_and_previous_working_day():
    assert next_working_day(date(2025, 1, 24)) == date(2025, 2, 3)
    assert next_working_day(date(2024, 10, 25)) == date(2024, 10, 28)
    assert previous_working_day(date(2025, 2, 3)) == date(2025, 1, 24)


def test_accepts_datetime():
    assert add_working_days(datetime(2024, 10, 25, 16, 30), 3) == date(2024, 10, 30)
    assert not is_working_day(datetime(2025, 1, 29, 8, 0))
    assert working_days_between(datetime(2024, 10, 25, 23, 59), datetime(2024, 10, 30, 0, 1)) == 3


def test_rejects_other_types():
    with pytest.raises(TypeError):
        is_working_day("2025-01-01")


def test_overrides():
    bridge = date(2025, 1, 2)  # hypothetical provincial bridge day after New Year
    cal = WorkCalendar({bridge: DAY_OFF, date(2025, 1, 4): WORKING_DAY})
    assert is_working_day(bridge)
    assert not cal.is_working_day(bridge)
    assert cal.is_working_day(date(2025, 1, 4))
    assert add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 2)
    assert cal.add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 3)
    assert cal.add_working_days(date(2024, 12, 31), 2) == date(2025, 1, 4)
    assert working_days_between(date(2024, 12, 31), date(2025, 1, 6), calendar=cal) == 3
    assert cal.days_off(2025)[:2] == [date(2025, 1, 1), bridge]
    assert cal.weekend_working_days(2025) == [date(2025, 1, 4), date(2025, 4, 26)]
    # An override beats the library: a holiday declared a working day.
    assert WorkCalendar({date(2025, 1, 1): WORKING_DAY}).is_working_day(date(2025, 1, 1))
    # A swapped Saturday from the library can be cancelled.
    assert not WorkCalendar({date(2025, 4, 26): DAY_OFF}).is_working_day(date(2025, 4, 26))


def test_invalid_override_kind():
    with pytest.raises(ValueError):
        WorkCalendar({date(2025, 1, 2): "holiday"})


def test_years_outside_library_range():
    # Only weekends count where the library has no data.
    assert is_working_day(date(2300, 1, 1)) == (date(2300, 1, 1).weekday() < 5)


# -- properties ----------------------------------------------------------------------

DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
OVERRIDES = st.dictionaries(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    st.sampled_from([DAY_OFF, WORKING_DAY]),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(d=DATES, n=st.integers(min_value=0, max_value=400))
def test_between_inverts_add(d, n):
    if not is_working_day(d):
        d = next_working_day(d)
    assert working_days_between(d, add_working_days(d, n)) == n


@settings(max_examples=200, deadline=None)
@given(d=DATES, n=st.integers(min_value=1, max_value=400))
def test_add_lands_on_working_day(d, n):
    result = add_working_days(d, n)
    assert result > d
    assert is_working_day(result)
    assert is_working_day(add_working_days(d, -n))


@settings(max_examples=200, deadline=None)
@given(d=DATES, n=st.integers(min_value=1, max_value=400))
def test_negative_add_inverts_positive(d, n):
    if not is_working_day(d):
        d = next_working_day(d)
    back = add_working_days(d, -n)
    assert back < d
    assert add_working_days(back, n) == d
    assert working_days_between(d, back) == -n


@settings(max_examples=100, deadline=None)
@given(
    a=st.dates(min_value=date(2023, 6, 1), max_value=date(2027, 6, 30)),
    span=st.integers(min_value=-800, max_value=800),
    overrides=OVERRIDES,
)
def test_between_matches_day_by_day_count(a, span, overrides):
    cal = WorkCalendar(overrides)
    b = a + timedelta(days=span)
    lo, hi = sorted((a, b))
    naive = sum(1 for d in days(lo + timedelta(days=1), hi) if cal.is_working_day(d))
    assert cal.working_days_between(a, b) == (naive if b >= a else -naive)

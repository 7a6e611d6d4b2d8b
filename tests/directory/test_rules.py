import datetime
from types import SimpleNamespace

import pytest

from congtt.directory import rules

TODAY = datetime.date(2026, 11, 25)  # a Wednesday, ISO week 2026-W48


def test_absent_week_is_current_week():
    assert rules.parse_iso_week(None, TODAY) == (datetime.date(2026, 11, 23), True)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-W48", datetime.date(2026, 11, 23)),
        ("2026w48", datetime.date(2026, 11, 23)),
        ("2026-W01", datetime.date(2025, 12, 29)),  # week 1 of 2026 starts in 2025
        ("2026-W53", datetime.date(2026, 12, 28)),  # 2026 has 53 ISO weeks
    ],
)
def test_valid_weeks(value, expected):
    assert rules.parse_iso_week(value, TODAY) == (expected, True)


@pytest.mark.parametrize(
    "value", ["2025-W53", "2026-W00", "2026-W99", "abc", "2026-48", "０２６-W48", "x" * 5000]
)
def test_malformed_week_falls_back_to_current(value):
    assert rules.parse_iso_week(value, TODAY) == (datetime.date(2026, 11, 23), False)


def test_week_code_across_year_boundary():
    assert rules.iso_week_code(datetime.date(2026, 12, 28)) == "2026-W53"
    assert rules.iso_week_code(datetime.date(2027, 1, 4)) == "2027-W01"
    assert rules.iso_week_code(datetime.date(2025, 12, 29)) == "2026-W01"


def test_vietnamese_weekday_date():
    assert rules.weekday_date(datetime.date(2026, 11, 23)) == "Thứ Hai, ngày 23 tháng 11 năm 2026"
    assert rules.weekday_date(datetime.date(2026, 11, 29)) == "Chủ Nhật, ngày 29 tháng 11 năm 2026"
    assert rules.weekday_date(datetime.date(2026, 11, 23), "en") == "Monday, November 23, 2026"


def test_translated_falls_back_to_vietnamese():
    unit = SimpleNamespace(name="Văn phòng Sở", name_en="Office", name_zh="  ")
    assert rules.translated(unit, "name", "en") == ("Office", False)
    assert rules.translated(unit, "name", "zh") == ("Văn phòng Sở", True)
    assert rules.translated(unit, "name", "vi") == ("Văn phòng Sở", False)


def test_nest_units_builds_tree_and_survives_cycles():
    a = SimpleNamespace(pk=1, parent_id=None)
    b = SimpleNamespace(pk=2, parent_id=1)
    c = SimpleNamespace(pk=3, parent_id=2)
    tree = rules.nest_units([a, b, c])
    assert tree[0]["unit"] is a and tree[0]["children"][0]["children"][0]["unit"] is c
    x = SimpleNamespace(pk=4, parent_id=5)
    y = SimpleNamespace(pk=5, parent_id=4)
    roots = rules.nest_units([x, y])
    assert [n["unit"].pk for n in roots] == [4]
    assert roots[0]["children"][0]["unit"] is y and roots[0]["children"][0]["children"] == []


def test_clean_query_folds_and_bounds():
    assert rules.clean_query("Nguyễn Văn Đức") == "nguyen van duc"
    assert len(rules.clean_query("a" * 1000)) == rules.MAX_QUERY_LENGTH
    assert rules.clean_query("💥🙂") == ""

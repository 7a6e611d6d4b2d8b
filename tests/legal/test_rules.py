"""The plain rules: number format, dates, status, input parsing."""

import datetime as dt

import pytest

from congtt.legal import rules

D = dt.date


@pytest.mark.parametrize(
    "number",
    [
        "40/2024/QĐ-UBND",
        "336/QĐ-UBND",
        "86/2015/QH13",
        "1234/UBND-KGVX",
        "15/QĐ-SNgV",
        "05/2024/TT-BTTTT",
        "15-NQ/TW",
    ],
)
def test_valid_numbers(number):
    assert rules.validate_number(number) == []


@pytest.mark.parametrize("number", ["", "QĐ-UBND", "40/2024", "abc", "40//QĐ", "40/2024/qđ-ubnd", "1" * 70])
def test_invalid_numbers_have_vietnamese_messages(number):
    errors = rules.validate_number(number)
    assert errors and all(any(ch in e for ch in "ốịạợảệữ") or "Số/ký hiệu" in e for e in errors)


def test_normalize_number_strips_prefix_and_spaces():
    assert rules.normalize_number("Số: 01 /2020/QĐ-UBND") == "01/2020/QĐ-UBND"
    assert rules.number_year("40/2024/QĐ-UBND") == 2024
    assert rules.number_year("336/QĐ-UBND") is None


def test_effective_before_issue_is_refused():
    errors = rules.validate_dates(D(2024, 10, 25), D(2024, 10, 1), None)
    assert errors == {"effective_date": ["Ngày có hiệu lực không được trước ngày ban hành."]}


def test_expiry_must_follow_effective():
    errors = rules.validate_dates(D(2024, 1, 1), D(2024, 2, 1), D(2024, 2, 1))
    assert errors["expiry_date"] == ["Ngày hết hiệu lực phải sau ngày có hiệu lực."]


def test_replaced_needs_replacement_and_issue_date_required():
    errors = rules.validate_dates(None, None, None, replaced=True, has_replacement=False)
    assert "replaced_by" in errors and "issue_date" in errors
    assert (
        rules.validate_dates(D(2024, 1, 1), D(2024, 1, 1), D(2025, 1, 1), replaced=True, has_replacement=True)
        == {}
    )


@pytest.mark.parametrize(
    ("effective", "expiry", "replaced", "expected"),
    [
        (D(2024, 1, 1), None, False, rules.IN_FORCE),
        (None, None, False, rules.IN_FORCE),
        (D(2025, 1, 1), None, False, rules.NOT_YET),
        (D(2020, 1, 1), D(2024, 6, 1), False, rules.EXPIRED),
        (D(2020, 1, 1), D(2024, 6, 2), False, rules.IN_FORCE),
        (D(2020, 1, 1), None, True, rules.REPLACED),
        (D(2025, 1, 1), D(2020, 1, 1), True, rules.REPLACED),
    ],
)
def test_compute_status(effective, expiry, replaced, expected):
    assert rules.compute_status(effective, expiry, replaced=replaced, today=D(2024, 6, 1)) == expected


@pytest.mark.parametrize(
    ("value", "year", "has_message"),
    [
        ("2024", 2024, False),
        ("", None, False),
        ("abc", None, True),
        ("２０２４", None, True),
        ("99999", None, True),
        ("1800", None, True),
    ],
)
def test_parse_year(value, year, has_message):
    parsed, message = rules.parse_year(value)
    assert parsed == year and bool(message) == has_message


def test_parse_date_formats():
    assert rules.parse_date("25/10/2024") == (D(2024, 10, 25), "")
    assert rules.parse_date("2024-10-25") == (D(2024, 10, 25), "")
    assert rules.parse_date(dt.datetime(2024, 10, 25, 8)) == (D(2024, 10, 25), "")
    value, message = rules.parse_date("31/02/2024")
    assert value is None and "không hợp lệ" in message


def test_clean_query_removes_control_characters():
    assert rules.clean_query("quy\x00 che\u200b  cổng\n") == "quy che cổng"
    assert len(rules.clean_query("a" * 1000)) == 200

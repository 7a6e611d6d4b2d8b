"""Plain rules for the directory and schedules: ISO weeks, Vietnamese day names, translated fields.

No database or web code here, so every rule is tested directly.
"""

import datetime
import re

from congtt.vntext import fold

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)
MAX_QUERY_LENGTH = 100
MAX_ID = 2**63 - 1  # larger ids overflow database integers


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def parse_iso_week(value: str | None, today: datetime.date) -> tuple[datetime.date, bool]:
    """The Monday of ISO week ``value`` ("2026-W48"); the current week and ``False`` when malformed.

    Returns ``(monday, ok)``; an absent value is the current week and ``ok``.
    """
    if value is None or value == "":
        return monday_of(today), True
    match = _WEEK.match(str(value)[:20])
    if not match:
        return monday_of(today), False
    year, week = int(match.group(1)), int(match.group(2))
    try:
        return datetime.date.fromisocalendar(year, week, 1), True
    except ValueError:  # week 0, week 53 of a 52-week year, year out of range
        return monday_of(today), False


def iso_week_code(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(monday: datetime.date) -> list[datetime.date]:
    return [monday + datetime.timedelta(days=i) for i in range(7)]


def weekday_date(day: datetime.date, language: str = "vi") -> str:
    """ "Thứ Hai, ngày 23 tháng 11 năm 2026" (and the en/zh forms)."""
    if language == "en":
        return f"{WEEKDAYS_EN[day.weekday()]}, {day:%B} {day.day}, {day.year}"
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日 {WEEKDAYS_ZH[day.weekday()]}"
    return f"{WEEKDAYS_VI[day.weekday()]}, ngày {day.day} tháng {day.month} năm {day.year}"


def clean_query(value: str | None) -> str:
    """A search query folded for matching: no diacritics, lower case, bounded length."""
    return fold((value or "")[:MAX_QUERY_LENGTH])


def translated(obj, field: str, language: str) -> tuple[str, bool]:
    """``obj.<field>_<language>`` when filled, else the Vietnamese value; and whether it fell back."""
    if language and language != "vi":
        value = getattr(obj, f"{field}_{language}", "") or ""
        if value.strip():
            return value, False
        return getattr(obj, field, "") or "", True
    return getattr(obj, field, "") or "", False


def nest_units(units) -> list[dict]:
    """Units (any iterable with ``pk``, ``parent_id``) as a tree: [{"unit": u, "children": [...]}].

    Units whose parent is not in the set become roots; cycles cannot form a loop.
    """
    units = list(units)
    nodes = {u.pk: {"unit": u, "children": []} for u in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id != unit.pk else None
        (parent["children"] if parent else roots).append(nodes[unit.pk])
    # guard against cycles: only nodes reachable from roots are shown, orphans of a cycle become roots
    seen = set()

    def walk(node_list):
        for node in node_list:
            if node["unit"].pk not in seen:
                seen.add(node["unit"].pk)
                walk(node["children"])

    walk(roots)
    for unit in units:
        if unit.pk not in seen:
            node = nodes[unit.pk]
            parent = nodes.get(unit.parent_id)
            if parent is not None and node in parent["children"]:
                parent["children"].remove(node)  # break the cycle here
            roots.append(node)
            walk([node])
    return roots

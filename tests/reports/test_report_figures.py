"""Every figure of every report section against values counted by hand from tests/reports/fixtures.py.

The expected values are literals worked out on paper from the fixture tables, never recomputed.
One dataset, several reports (site month and week, province quarter IV and quarter III) to keep the
set-up cost once.
"""

import datetime as dt

from congtt.reports.services import build, report_context

from .fixtures import build_dataset

D, H, P = "Sở Khoa học và Công nghệ", "Huyện Cao Lộc", "Cổng thông tin điện tử tỉnh Lạng Sơn"
UNIT = "Phòng Quản lý khoa học"


def figures(site, period, anchor):
    return {
        s["key"]: (s["rows"], s["totals"]) for s in build(report_context(site, period, anchor))["sections"]
    }


def test_every_section_of_site_and_province_reports_matches_hand_counts(portal, department, district):
    sites = build_dataset(portal, department, district)

    # --- Sở KH&CN, tháng 10/2026: D2 (01/10 00:15), D3, D4 (31/10 23:30); not D1 (30/09), D5 (01/11), draft
    m = figures(sites["D"], "month", dt.date(2026, 10, 5))
    assert m["published_by_section"] == ([["Tin tức - Sự kiện", 2], ["Chuyển đổi số", 1]], ["Tổng cộng", 3])
    assert m["published_by_unit"] == ([[D, 3]], ["Tổng cộng", 3])
    assert m["published_by_author"] == (
        [["Trần Thị Bình", 2], ["(Không ghi tác giả)", 1], ["Nguyễn Văn An", 1]],
        None,
    )
    assert m["records_published"] == ([[D, 0, 0, 0]], ["Tổng cộng", 0, 0, 0])
    assert m["visits"] == ([[D, 12, 20]], ["Tổng cộng", 12, 20])  # 01/10 5+9, 31/10 7+11
    assert m["royalties"] == ([[D, 1_250_000]], ["Tổng cộng", 1_250_000])  # November's is only submitted
    # due 01/10, 06/10 on time; 07/10 late; 31/10 never published and the day is over: missed
    assert m["deadlines"] == ([[D, 4, 2, 1, 1, 0]], ["Tổng cộng", 4, 2, 1, 1, 0])
    assert m["quotas"] == ([[UNIT, 0, 20, "Chưa đạt"]], None)  # 20 × 31 / 30.4375 = 20.37
    # received 01/10, 02/10 ×2, 03/10, 31/10; answered 01/10 (ok), 06/10 (ok), 20/10 (late), 12/10 (extended, ok)
    assert m["qa"] == ([[D, 5, 4, 3, 1, 1]], ["Tổng cộng", 5, 4, 3, 1, 1])
    assert m["qa_by_unit"] == ([[UNIT, 4, 3, 1, 1]], ["Tổng cộng", 4, 3, 1, 1])
    assert m["consultations"] == (
        [["Dự thảo quy chế", D, "20/09/2026 – 20/10/2026", 2]],
        ["Tổng cộng", "", "1 dự thảo", 2],
    )
    assert m["ratings"] == ([[D, 2, 4.0, 4.0, 3.0, 4.0]], ["Chung", 2, 4.0, 4.0, 3.0, 4.0])

    # --- Sở KH&CN, the week 28/09–04/10 straddles two months and two quarters: D1 and D2
    w = figures(sites["D"], "week", dt.date(2026, 10, 1))
    assert w["published_by_unit"] == ([[D, 2]], ["Tổng cộng", 2])
    assert w["visits"] == ([[D, 15, 29]], ["Tổng cộng", 15, 29])
    assert w["deadlines"] == ([[D, 2, 1, 0, 1, 0]], ["Tổng cộng", 2, 1, 0, 1, 0])  # 30/09 missed, 01/10 ok

    # --- Toàn tỉnh, quý IV/2026: the portal's own P1 plus D2–D5 and H1, H2 (31/12 23:30); not H3 (01/01/2027)
    q4 = figures(None, "quarter", dt.date(2026, 11, 15))
    assert q4["published_by_section"] == (
        [
            [D, "Tin tức - Sự kiện", 3],
            [H, "Tin tức - Sự kiện", 2],
            [P, "Tin tức - Sự kiện", 1],
            [D, "Chuyển đổi số", 1],
        ],
        ["", "Tổng cộng", 7],
    )
    assert q4["published_by_unit"] == ([[D, 4], [H, 2], [P, 1]], ["Tổng cộng", 7])
    assert q4["published_by_author"] == (
        [["Nguyễn Văn An", 3], ["Lê Thị Cúc", 2], ["Trần Thị Bình", 2], ["(Không ghi tác giả)", 1]],
        None,
    )
    assert q4["records_published"] == ([], ["Tổng cộng", 0, 0, 0])
    assert q4["visits"] == ([[D, 112, 220], [P, 50, 80], [H, 3, 4]], ["Tổng cộng", 165, 304])
    assert q4["royalties"] == ([[D, 1_250_000], [H, 500_000]], ["Tổng cộng", 1_750_000])
    assert sorted(q4["deadlines"][0]) == sorted([[D, 4, 2, 1, 1, 0], [H, 1, 0, 0, 1, 0]])
    assert q4["deadlines"][1] == ["Tổng cộng", 5, 2, 1, 2, 0]
    assert q4["quotas"] == ([[D, UNIT, 0, 60, "Chưa đạt"]], None)  # 20 × 92 / 30.4375 = 60.45
    # D: 5 received, 4 answered (3 on time), 1 open past due (the forwarded one; a case still only
    # "received" is not in citizen.rules.OPEN_STATES, so its 12/11 due date is not counted);
    # H: 1 received, answered 31/10 on its due day
    assert sorted(q4["qa"][0]) == sorted([[D, 5, 4, 3, 1, 1], [H, 1, 1, 1, 0, 0]])
    assert q4["qa"][1] == ["Tổng cộng", 6, 5, 4, 1, 1]
    assert q4["qa_by_unit"] == ([[UNIT, 4, 3, 1, 1]], ["Tổng cộng", 4, 3, 1, 1])
    assert q4["consultations"] == (
        [
            ["Dự thảo quy chế", D, "20/09/2026 – 20/10/2026", 2],
            ["Dự thảo kế hoạch", P, "25/10/2026 – 10/11/2026", 1],
        ],
        ["Tổng cộng", "", "2 dự thảo", 3],
    )
    # overall: interface (5+3+4)/3 = 4, content 4, quality (4+2+4)/3 = 3.33, support (3+5+4)/3 = 4
    assert sorted(q4["ratings"][0]) == sorted([[D, 2, 4.0, 4.0, 3.0, 4.0], [H, 1, 4.0, 4.0, 4.0, 4.0]])
    assert q4["ratings"][1] == ["Chung", 3, 4.0, 4.0, 3.33, 4.0]

    # --- Toàn tỉnh, quý III/2026: only D1 (30/09 23:30), the 30/09 visit, deadline, case and comment
    q3 = figures(None, "quarter", dt.date(2026, 9, 30))
    assert q3["published_by_unit"] == ([[D, 1], [P, 0], [H, 0]], ["Tổng cộng", 1])  # ties by name
    assert q3["published_by_section"] == ([[D, "Tin tức - Sự kiện", 1]], ["", "Tổng cộng", 1])
    assert q3["visits"] == ([[D, 10, 20], [P, 0, 0], [H, 0, 0]], ["Tổng cộng", 10, 20])
    assert q3["deadlines"] == ([[D, 1, 0, 0, 1, 0]], ["Tổng cộng", 1, 0, 0, 1, 0])
    assert q3["qa"] == ([[D, 1, 0, 0, 0, 0]], ["Tổng cộng", 1, 0, 0, 0, 0])
    assert q3["consultations"] == (
        [["Dự thảo quy chế", D, "20/09/2026 – 20/10/2026", 1]],
        ["Tổng cộng", "", "1 dự thảo", 1],
    )
    assert q3["royalties"] == ([], ["Tổng cộng", 0])
    assert q3["ratings"] == ([], ["Chung", 0, 0, 0, 0, 0])

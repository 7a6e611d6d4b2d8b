"""Statement arithmetic (ROY-2, ROY-3) on hand-computed figures, without the database."""

from decimal import Decimal

from congtt.royalties import rules


def share(key, name, coef, pct, title="Tin"):
    return rules.ItemShare(key, name, title, "Tin", Decimal(coef), pct)


def test_rounding_is_per_person_month_not_per_item_and_allowance_joins_the_same_line():
    # Cường: 2 items × 1.1 × 150 000 × 33% = 54 450 each → exact 108 900 → 109 000
    #        (rounding each item first would give 54 000 + 54 000 = 108 000).
    # Hoa (user 7): one item 2.5 × 150 000 × 100% = 375 000, plus chief allowance 500 000 → 875 000.
    # An: 0.5 × 150 000 × 1% = 750 → rounds half up to 1 000.
    lines = rules.compile_lines(
        [
            share("n:le van cuong", "Lê Văn Cường", "1.1", 33, "Dịch 1"),
            share("n:le van cuong", "Lê Văn Cường", "1.1", 33, "Dịch 2"),
            share("u7", "Phạm Thị Hoa", "2.5", 100),
            share("n:nguyen van an", "Nguyễn Văn An", "0.5", 1),
        ],
        150_000,
        {"u7": ("Phạm Thị Hoa", "Trưởng ban", 500_000), "u8": ("Đỗ Minh Giang", "Phó Trưởng ban", 400_000)},
    )
    # ordered by given name: An, Cường, Giang, Hoa
    assert [(ln.person_name, ln.royalty, ln.allowance, ln.total) for ln in lines] == [
        ("Nguyễn Văn An", 1_000, 0, 1_000),
        ("Lê Văn Cường", 109_000, 0, 109_000),
        ("Đỗ Minh Giang", 0, 400_000, 400_000),
        ("Phạm Thị Hoa", 375_000, 500_000, 875_000),
    ]
    assert [i["amount"] for i in lines[1].items] == [54_450, 54_450]
    assert lines[1].coefficient_sum == Decimal("0.726")  # 2 × 1.1 × 33%
    assert lines[3].allowance_role == "Trưởng ban"
    total = rules.statement_total(lines)
    assert total == 1_385_000
    assert rules.so_thanh_chu(total) == "Một triệu ba trăm tám mươi lăm nghìn đồng"
    assert rules.format_money(total) == "1.385.000"


def test_shares_must_sum_to_exactly_one_hundred():
    assert rules.validate_shares([33, 67]) is None
    assert rules.validate_shares([34, 33, 33]) is None
    assert rules.validate_shares([50, 51]) == "Tổng tỷ lệ hưởng phải bằng 100% (hiện là 101%)."
    assert rules.validate_shares([100, 0]) == "Tỷ lệ hưởng của mỗi người phải lớn hơn 0%."

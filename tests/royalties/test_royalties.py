import datetime as dt
import io
from decimal import Decimal
from fractions import Fraction

import pytest
from wagtail.models import ModelLogEntry

from congtt.reports.documents import QUOC_HIEU, TIEU_NGU, docx_text
from congtt.royalties import rules, services
from congtt.royalties.exports import statement_docx, statement_xlsx
from congtt.royalties.models import Grading, Statement
from congtt.royalties.services import RoyaltyError, Share

from .conftest import make_article, make_frame, make_user

OCT = dt.date(2026, 10, 5)


# --- Vietnamese amounts in words ----------------------------------------------------------------
@pytest.mark.parametrize(
    "n, words",
    [
        (0, "Không đồng"),
        (10, "Mười đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (25, "Hai mươi lăm đồng"),
        (101, "Một trăm lẻ một đồng"),
        (110, "Một trăm mười đồng"),
        (1_005, "Một nghìn không trăm lẻ năm đồng"),
        (105_000, "Một trăm lẻ năm nghìn đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (2_491_000, "Hai triệu bốn trăm chín mươi mốt nghìn đồng"),
        (1_000_010, "Một triệu không trăm mười đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (2_000_500_000, "Hai tỷ năm trăm nghìn đồng"),
        (5_000_000_000_000, "Năm nghìn tỷ đồng"),
    ],
)
def test_so_thanh_chu(n, words):
    assert rules.so_thanh_chu(n) == words


# --- arithmetic ---------------------------------------------------------------------------------
def test_share_amount_is_exact_and_rounding_is_half_up_to_thousands():
    assert rules.share_amount(Decimal("5.3"), 150_000, 70) == Fraction(556_500)
    assert rules.share_amount("1.1", 150_000, 33) == Fraction(54_450)
    assert rules.round_thousand(Fraction(931_500)) == 932_000  # half goes up
    assert rules.round_thousand(Fraction(931_499)) == 931_000
    assert rules.round_thousand(Fraction(2999, 2)) == 1_000  # 1 499.5 đồng
    assert rules.round_half_up(Fraction(5, 2)) == 3
    with pytest.raises(ValueError):
        rules.coefficient_tenths("2.55")


def test_validation_messages():
    assert rules.validate_shares([70, 30]) is None
    assert "100%" in rules.validate_shares([70, 20])
    assert rules.validate_shares([]) is not None
    assert rules.validate_coefficient("2.5", "1.0", "3.0") is None
    assert "từ 1 đến 3" in rules.validate_coefficient("3.5", "1.0", "3.0")
    assert "một chữ số thập phân" in rules.validate_coefficient("2.55", "1.0", "3.0")


# --- grading permissions ------------------------------------------------------------------------
def test_only_the_sites_chief_or_deputy_may_grade(department, district, board):
    make_frame(department.site)
    article = make_article(department, "Hội nghị tổng kết công tác khoa học", OCT)
    shares = [Share("Nguyễn Văn An", 100)]
    for role in ("secretary", "member"):
        with pytest.raises(RoyaltyError, match="Trưởng ban hoặc Phó Trưởng ban"):
            services.grade(article, board[role], genre_code="tin", coefficient="2.0", shares=shares)
    outsider = make_user("khac", "Lý Văn", "Khác")
    from congtt.network.services import assign_role

    assign_role(outsider, district.site, "chief")  # chief of ANOTHER site
    with pytest.raises(RoyaltyError):
        services.grade(article, outsider, genre_code="tin", coefficient="2.0", shares=shares)
    assert not Grading.objects.exists()
    services.grade(article, board["deputy"], genre_code="tin", coefficient="2.0", shares=shares)
    g = services.grade(article, board["chief"], genre_code="tin", coefficient="2.5", shares=shares)
    assert Grading.objects.count() == 1 and g.coefficient == Decimal("2.5")
    assert ModelLogEntry.objects.filter(action="royalties.grade").count() == 2


def test_bad_grades_are_refused_and_nothing_is_stored(department, board):
    make_frame(department.site)
    article = make_article(department, "Tin thử", OCT)
    chief = board["chief"]
    cases = [
        ({"genre_code": "tin", "coefficient": "3.5", "shares": [Share("A", 100)]}, "khung"),
        ({"genre_code": "tin", "coefficient": "2.0", "shares": [Share("A", 60), Share("B", 30)]}, "100%"),
        ({"genre_code": "khong-co", "coefficient": "2.0", "shares": [Share("A", 100)]}, "Thể loại"),
        ({"genre_code": "tin", "coefficient": "abc", "shares": [Share("A", 100)]}, "Hệ số"),
        ({"genre_code": "tin", "coefficient": "2.0", "shares": [Share(" ", 100)]}, "họ và tên"),
    ]
    for kwargs, message in cases:
        with pytest.raises(RoyaltyError, match=message):
            services.grade(article, chief, **kwargs)
    draft = make_article(department, "Tin chưa đăng", OCT, publish=False)
    with pytest.raises(RoyaltyError, match="đã đăng"):
        services.grade(draft, chief, genre_code="tin", coefficient="2.0", shares=[Share("A", 100)])
    assert not Grading.objects.exists()


def test_no_frame_for_the_year_is_refused(department, board):
    article = make_article(department, "Tin năm chưa có khung", OCT)
    with pytest.raises(RoyaltyError, match="Chưa có khung nhuận bút năm 2026"):
        services.grade(article, board["chief"], genre_code="tin", coefficient="2.0", shares=[Share("A", 100)])


# --- the month's statement against a hand-computed fixture ---------------------------------------
@pytest.fixture
def october(department, district, board):
    """Unit value 150 000 đ. Hand computation (exact, then per person half up to 1 000 đ):

    Tin 1   tin  2.5  An 100%                      → An 375 000
    Bài 2   bài  5.3  An 70%, Bình 30% (photo)     → An 556 500, Bình 238 500
    Ảnh 3   ảnh  1.7  Bình 100%                    → Bình 255 000
    Dịch 4  dịch 1.1  Cường 33% (trans), Dũng 67%  → Cường 54 450, Dũng 110 550
    An 931 500 → 932 000; Bình 493 500 → 494 000; Cường 54 450 → 54 000; Dũng 110 550 → 111 000
    Allowances: chief Hoa 500 000, deputy Giang 400 000.
    Total 932 000 + 494 000 + 54 000 + 111 000 + 500 000 + 400 000 = 2 491 000.
    """
    make_frame(department.site, allowances={"chief": 500_000, "deputy": 400_000})
    make_frame(district.site)
    chief = board["chief"]
    P, T = services.Contribution.Role.PHOTOGRAPHER, services.Contribution.Role.TRANSLATOR
    for title, genre, coef, shares in [
        ("Tin 1", "tin", "2.5", [Share("Nguyễn Văn An", 100)]),
        ("Bài 2", "bai", "5,3", [Share("Nguyễn Văn An", 70), Share("Trần Thị Bình", 30, P)]),
        ("Ảnh 3", "anh", "1.7", [Share("Trần Thị Bình", 100, P)]),
        ("Dịch 4", "dich", "1.1", [Share("Lê Văn Cường", 33, T), Share("Hoàng Văn Dũng", 67)]),
    ]:
        services.grade(
            make_article(department, title, OCT), chief, genre_code=genre, coefficient=coef, shares=shares
        )
    # not in October, or not this site: never in the statement
    services.grade(
        make_article(department, "Tin tháng 11", dt.date(2026, 11, 2)),
        chief,
        genre_code="tin",
        coefficient="3.0",
        shares=[Share("Nguyễn Văn An", 100)],
    )
    other_chief = make_user("c2", "Lý", "Chín")
    from congtt.network.services import assign_role

    assign_role(other_chief, district.site, "chief")
    services.grade(
        make_article(district, "Tin huyện", OCT),
        other_chief,
        genre_code="tin",
        coefficient="3.0",
        shares=[Share("Nguyễn Văn An", 100)],
    )
    return department.site


def test_statement_totals_match_the_hand_computation(october, board):
    statement = services.generate_statement(october, 2026, 10, board["secretary"])
    lines = {line.person_name: line for line in statement.lines.all()}
    assert {n: ln.royalty for n, ln in lines.items()} == {
        "Nguyễn Văn An": 932_000,
        "Trần Thị Bình": 494_000,
        "Lê Văn Cường": 54_000,
        "Hoàng Văn Dũng": 111_000,
        "Phạm Thị Hoa": 0,
        "Đỗ Minh Giang": 0,
    }
    assert lines["Phạm Thị Hoa"].allowance == 500_000
    assert lines["Đỗ Minh Giang"].total == 400_000
    assert len(lines["Nguyễn Văn An"].items) == 2
    assert lines["Nguyễn Văn An"].coefficient_sum == Decimal("6.21")  # 2.5 + 5.3 × 70%
    assert statement.total == 2_491_000
    assert sum(ln.total for ln in lines.values()) == statement.total


def test_statement_states_and_permissions(october, board, district):
    with pytest.raises(RoyaltyError, match="Thư ký"):
        services.generate_statement(october, 2026, 10, board["chief"])
    statement = services.generate_statement(october, 2026, 10, board["secretary"])
    assert statement.status == Statement.Status.DRAFT
    with pytest.raises(RoyaltyError, match="đã trình"):
        services.approve_statement(statement, board["chief"])
    services.submit_statement(statement, board["secretary"])
    for user in (board["secretary"], board["deputy"]):
        with pytest.raises(RoyaltyError, match="Trưởng ban"):
            services.approve_statement(statement, user)
    with pytest.raises(RoyaltyError, match="không lập lại"):
        services.generate_statement(october, 2026, 10, board["secretary"])
    services.return_statement(statement, board["chief"])
    assert statement.status == Statement.Status.DRAFT
    services.submit_statement(statement, board["secretary"])
    services.approve_statement(statement, board["chief"])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.APPROVED and statement.approved_by == board["chief"]
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="royalties.", object_id=str(statement.pk))
        .exclude(action="royalties.grade")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "royalties.generate",
        "royalties.submit",
        "royalties.return",
        "royalties.submit",
        "royalties.approve",
    ]
    # once the month is approved, its grades are frozen
    article = Grading.objects.filter(site=october, published_on__month=10).first().page
    with pytest.raises(RoyaltyError, match="đã trình hoặc đã duyệt"):
        services.grade(article, board["chief"], genre_code="tin", coefficient="1.0", shares=[Share("X", 100)])


def test_exports_read_back_with_figures_and_quoc_hieu(october, board):
    from openpyxl import load_workbook

    statement = services.generate_statement(october, 2026, 10, board["secretary"])
    services.submit_statement(statement, board["secretary"])
    services.approve_statement(statement, board["chief"])
    wb = load_workbook(io.BytesIO(statement_xlsx(statement)))
    ws = wb.active
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert QUOC_HIEU in values and TIEU_NGU in values
    assert 2_491_000 in values and 932_000 in values and 500_000 in values
    assert "Tổng số tiền bằng chữ: Hai triệu bốn trăm chín mươi mốt nghìn đồng." in values
    assert "NGƯỜI LẬP BIỂU" in values and "TRƯỞNG BAN" in values
    detail = wb.worksheets[1]
    detail_rows = [r for r in detail.iter_rows(values_only=True) if r and r[0] == "Nguyễn Văn An"]
    assert sorted(r[5] for r in detail_rows) == [375_000, 556_500]
    text = docx_text(statement_docx(statement))
    assert QUOC_HIEU in text and TIEU_NGU in text
    assert "BẢNG KÊ NHUẬN BÚT, PHỤ CẤP BAN BIÊN TẬP" in text
    assert "2.491.000" in text and "932.000" in text
    assert "Hai triệu bốn trăm chín mươi mốt nghìn đồng" in text
    assert "NGƯỜI LẬP BIỂU" in text and "TRƯỞNG BAN" in text
    assert "Phạm Thị Hoa" in text  # the approving chief signs
    assert "Lạng Sơn, ngày" in text


# --- who approves a month's statement (ROY-3, EDT-1) -------------------------------------------------
def _submitted(site, board):
    statement = services.generate_statement(site, 2026, 10, board["secretary"])
    return services.submit_statement(statement, board["secretary"])


def test_chief_approves_in_own_right(october, board):
    statement = services.approve_statement(_submitted(october, board), board["chief"])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.APPROVED
    assert statement.approved_by == board["chief"] and statement.approved_under is None
    assert statement.submitted_by == board["secretary"]


def test_deputy_without_delegation_is_refused_with_the_reason(october, board):
    from congtt.editorial.models import Delegation

    statement = _submitted(october, board)
    # a delegation that has ended, one that has not begun, and one on another site do not count
    today = dt.date.today()
    Delegation.objects.create(
        site=october,
        deputy=board["deputy"],
        starts_on=today - dt.timedelta(days=9),
        ends_on=today - dt.timedelta(days=1),
    )
    Delegation.objects.create(
        site=october,
        deputy=board["deputy"],
        starts_on=today + dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=9),
    )
    for action in (services.approve_statement, services.return_statement):
        with pytest.raises(RoyaltyError, match="ủy quyền"):
            action(statement, board["deputy"])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.SUBMITTED and statement.approved_by is None


def test_deputy_with_current_delegation_approves_and_it_is_recorded(october, board):
    from congtt.editorial.models import Delegation

    today = dt.date.today()
    delegation = Delegation.objects.create(
        site=october, deputy=board["deputy"], starts_on=today, ends_on=today + dt.timedelta(days=7)
    )
    statement = services.approve_statement(_submitted(october, board), board["deputy"])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.APPROVED
    assert statement.approved_by == board["deputy"] and statement.approved_under == delegation
    entry = ModelLogEntry.objects.filter(action="royalties.approve", object_id=str(statement.pk)).get()
    assert entry.data["delegation"] == delegation.pk


def test_secretary_member_and_other_sites_chief_cannot_approve(october, board, district):
    from congtt.editorial.models import Delegation
    from congtt.network.services import assign_role

    statement = _submitted(october, board)
    other_chief = make_user("truongban2", "Lý", "Mười")
    assign_role(other_chief, district.site, "chief")
    # a delegation on another site gives a deputy of that site nothing here
    other_deputy = make_user("pho2", "Tạ", "Tư")
    assign_role(other_deputy, district.site, "deputy")
    Delegation.objects.create(
        site=district.site, deputy=other_deputy, starts_on=dt.date.today(), ends_on=dt.date.today()
    )
    for user in (board["secretary"], board["member"], other_chief, other_deputy):
        with pytest.raises(RoyaltyError, match="Trưởng ban"):
            services.approve_statement(statement, user)
    statement.refresh_from_db()
    assert statement.status == Statement.Status.SUBMITTED and statement.approved_by is None


def test_the_one_who_submitted_cannot_approve_it(october, board):
    """A chief who also serves as secretary may submit, but the same person may not approve it."""
    from congtt.network.services import assign_role

    assign_role(board["chief"], october, "secretary")
    statement = services.generate_statement(october, 2026, 10, board["chief"])
    services.submit_statement(statement, board["chief"])
    with pytest.raises(RoyaltyError, match="Người trình"):
        services.approve_statement(statement, board["chief"])
    statement.refresh_from_db()
    assert statement.status == Statement.Status.SUBMITTED

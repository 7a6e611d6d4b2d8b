import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from congtt.network.services import assign_role
from congtt.reports import scoring
from congtt.reports.documents import QUOC_HIEU, docx_text
from congtt.reports.exports import report_docx, report_html, report_pdf
from congtt.reports.models import CriteriaSet, Criterion, DailySiteStat, ReportRun, ScoringRound
from congtt.reports.sections import (
    REGISTRY,
    PeriodError,
    SectionResult,
    available_sections,
    parse_anchor,
    period_bounds,
    register_section,
)
from congtt.reports.services import build, report_context, run
from congtt.reports.svg import bar_chart
from tests.royalties.conftest import make_article, make_frame, make_user

OCT = dt.date(2026, 10, 5)


# --- periods ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "period, anchor, start, end, label",
    [
        ("week", dt.date(2026, 10, 14), dt.date(2026, 10, 12), dt.date(2026, 10, 18), "Tuần 42 năm 2026"),
        ("month", dt.date(2026, 2, 10), dt.date(2026, 2, 1), dt.date(2026, 2, 28), "Tháng 02 năm 2026"),
        ("quarter", dt.date(2026, 8, 1), dt.date(2026, 7, 1), dt.date(2026, 9, 30), "Quý III năm 2026"),
        ("half", dt.date(2026, 3, 1), dt.date(2026, 1, 1), dt.date(2026, 6, 30), "6 tháng đầu năm 2026"),
        ("year", dt.date(2026, 3, 1), dt.date(2026, 1, 1), dt.date(2026, 12, 31), "Năm 2026"),
    ],
)
def test_period_bounds(period, anchor, start, end, label):
    s, e, text = period_bounds(period, anchor)
    assert (s, e) == (start, end)
    assert text.startswith(label)


def test_bad_period_input_has_a_vietnamese_message():
    with pytest.raises(PeriodError, match="Ngày không hợp lệ"):
        parse_anchor("10/2026")
    with pytest.raises(PeriodError, match="Kỳ báo cáo"):
        period_bounds("decade", OCT)
    assert parse_anchor("2026-10") == dt.date(2026, 10, 1)


# --- fixtures: two sites, hand-counted figures ----------------------------------------------------
@pytest.fixture
def october_data(portal, department, district):
    """Sở KH&CN: 3 articles in October (authors An ×2, Bình ×1) + 1 in November + 1 draft;
    Huyện Cao Lộc: 2 in October (author An ×1, none ×1). Visits: Sở 120/400, huyện 30/90 in October,
    Sở 999 in November (outside)."""
    a = make_article(department, "Hội thảo khoa học", OCT)
    a.authors = [("author", {"name": "Nguyễn Văn An"})]
    a.save_revision().publish()
    b = make_article(department, "Ứng dụng công nghệ", dt.date(2026, 10, 20))
    b.authors = [("author", {"name": "Nguyễn Văn An"}), ("author", {"name": "Trần Thị Bình"})]
    b.save_revision().publish()
    make_article(department, "Thông báo tuyển dụng", dt.date(2026, 10, 31))
    make_article(department, "Tin tháng mười một", dt.date(2026, 11, 1))
    make_article(department, "Bản nháp", OCT, publish=False)
    c = make_article(district, "Huyện tổ chức hội nghị", dt.date(2026, 10, 2))
    c.authors = [("author", {"name": "Nguyễn Văn An"})]
    c.save_revision().publish()
    make_article(district, "Lịch tiếp dân", dt.date(2026, 10, 3))
    DailySiteStat.objects.create(site=department.site, date=dt.date(2026, 10, 1), visits=100, views=300)
    DailySiteStat.objects.create(site=department.site, date=dt.date(2026, 10, 31), visits=20, views=100)
    DailySiteStat.objects.create(site=department.site, date=dt.date(2026, 11, 1), visits=999, views=999)
    DailySiteStat.objects.create(site=district.site, date=dt.date(2026, 10, 15), visits=30, views=90)
    return {"department": department, "district": district, "portal": portal}


def _section(result, key):
    return next(s for s in result["sections"] if s["key"] == key)


def test_site_report_figures(october_data):
    dept = october_data["department"].site
    result = build(report_context(dept, "month", OCT))
    by_section = _section(result, "published_by_section")
    assert by_section["rows"] == [["Tin tức - Sự kiện", 3]]
    assert by_section["totals"][-1] == 3
    authors = {r[0]: r[1] for r in _section(result, "published_by_author")["rows"]}
    assert authors == {"Nguyễn Văn An": 2, "Trần Thị Bình": 1, "(Không ghi tác giả)": 1}
    visits = _section(result, "visits")
    assert visits["rows"] == [["Sở Khoa học và Công nghệ", 120, 400]]


def test_province_roll_up_sums_component_sites(october_data):
    result = build(report_context(None, "month", OCT))
    units = {r[0]: r[1] for r in _section(result, "published_by_unit")["rows"]}
    assert units["Sở Khoa học và Công nghệ"] == 3
    assert units["Huyện Cao Lộc"] == 2
    assert _section(result, "published_by_unit")["totals"] == ["Tổng cộng", 5]
    visits = _section(result, "visits")
    assert visits["totals"] == ["Tổng cộng", 150, 490]
    by_section = _section(result, "published_by_section")
    assert ["Huyện Cao Lộc", "Tin tức - Sự kiện", 2] in by_section["rows"]
    quarter = build(report_context(None, "quarter", OCT))
    assert _section(quarter, "published_by_unit")["totals"][-1] == 6  # Q4 includes November
    year = build(report_context(None, "year", OCT))
    assert _section(year, "published_by_unit")["totals"][-1] == 6  # + November


def test_royalty_totals_section(october_data):
    from congtt.royalties import services as roy

    dept = october_data["department"].site
    make_frame(dept, allowances={"chief": 500_000})
    chief = make_user("hoa", "Phạm Thị", "Hoa")
    secretary = make_user("lan", "Vũ Thị", "Lan")
    assign_role(chief, dept, "chief")
    assign_role(secretary, dept, "secretary")
    statement = roy.generate_statement(dept, 2026, 10, secretary)
    result = build(report_context(dept, "month", OCT))
    assert _section(result, "royalties")["totals"] == ["Tổng cộng", 0]  # not approved yet
    roy.submit_statement(statement, secretary)
    roy.approve_statement(statement, chief)
    result = build(report_context(dept, "month", OCT))
    assert _section(result, "royalties")["totals"] == ["Tổng cộng", 500_000]


def test_registry_takes_one_function_per_section(october_data):
    def quota(ctx):
        return SectionResult(headers=["Đơn vị", "Đạt"], rows=[[ctx.site_name(s.pk), 1] for s in ctx.sites])

    register_section("quota_test", "Chỉ tiêu tin bài (thử)", quota, order=5)
    try:
        keys = [s.key for s in available_sections()]
        assert keys[0] == "quota_test"
        result = build(report_context(october_data["department"].site, "month", OCT))
        assert _section(result, "quota_test")["rows"] == [["Sở Khoa học và Công nghệ", 1]]
        register_section("needs_missing_app", "Không có", quota, requires=("khong_co_app",))
        assert "needs_missing_app" not in [s.key for s in available_sections()]
    finally:
        REGISTRY.pop("quota_test", None)
        REGISTRY.pop("needs_missing_app", None)


def test_svg_chart_has_title_desc_and_escapes():
    svg = bar_chart("Tin <bài>", [("Sở A & B", 3), ("Huyện C", 1)], "c1")
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="c1-t">Tin &lt;bài&gt;</title>' in svg
    assert '<desc id="c1-d">Sở A &amp; B: 3; Huyện C: 1</desc>' in svg
    assert svg.count("<rect") == 2


def test_background_run_admin_view_and_exports(client, october_data, django_user_model):
    dept = october_data["department"].site
    secretary = make_user("lan", "Vũ Thị", "Lan")
    assign_role(secretary, dept, "secretary")
    client.force_login(secretary)
    bad = client.post("/quan-tri/reports/", {"site": dept.pk, "period": "month", "date": "10/2026"})
    assert "Ngày không hợp lệ" in bad.content.decode()
    province = client.post("/quan-tri/reports/", {"site": "", "period": "month", "date": "2026-10"})
    assert province.status_code == 200 and not ReportRun.objects.exists()
    response = client.post("/quan-tri/reports/", {"site": dept.pk, "period": "month", "date": "2026-10"})
    assert response.status_code == 302
    report = ReportRun.objects.get()
    assert report.status == ReportRun.Status.DONE and report.progress == 100  # immediate backend in tests
    page = client.get(f"/quan-tri/reports/{report.pk}/").content.decode()
    assert "<svg" in page and "<title" in page and "<desc" in page
    assert (
        '<th scope="row">Tin tức - Sự kiện</th><td>3</td>' in page
    )  # the data table is the text alternative
    from openpyxl import load_workbook

    xlsx = client.get(f"/quan-tri/reports/{report.pk}/tai/xlsx/")
    wb = load_workbook(io.BytesIO(xlsx.content))
    values = [
        c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None
    ]
    assert QUOC_HIEU in values and "Tin tức - Sự kiện" in values and 400 in values
    text = docx_text(report_docx(report))
    assert QUOC_HIEU in text and "Tháng 10 năm 2026" in text and "Nguyễn Văn An" in text
    pdf = client.get(f"/quan-tri/reports/{report.pk}/tai/pdf/")
    assert pdf.content.startswith(b"%PDF")
    html = report_html(report)
    assert "Lượt truy cập" in html and "<svg" in html
    # other site's secretary cannot see it
    other = make_user("x", "Lý", "Khác")
    assign_role(other, october_data["district"].site, "secretary")
    client.force_login(other)
    assert client.get(f"/quan-tri/reports/{report.pk}/").status_code == 404
    assert client.get(f"/quan-tri/reports/{report.pk}/tai/pdf/").status_code == 404


def test_pdf_text_contains_figures(october_data):
    from weasyprint import HTML

    dept = october_data["department"].site
    report = ReportRun.objects.create(
        site=dept, period="month", start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31)
    )
    run(report.pk)
    report.refresh_from_db()
    assert report_pdf(report).startswith(b"%PDF")
    document = HTML(string=report_html(report)).render()

    def texts(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "children", []) or []:
            yield from texts(child)

    laid_out = " ".join(t for page in document.pages for t in texts(page._page_box))
    assert QUOC_HIEU in laid_out and "Sở Khoa học và Công nghệ" in laid_out and "400" in laid_out


def test_build_report_command_prints_progress(october_data, capsys, tmp_path):
    call_command(
        "build_report",
        "--site",
        "sokhcn.langson.localhost",
        "--period",
        "month",
        "--date",
        "2026-10",
        "--output",
        str(tmp_path),
    )
    out, err = capsys.readouterr()
    assert "100%" in err and "%" in err.splitlines()[0]
    assert "Tin bài đã đăng theo đơn vị: 3" in out
    assert (tmp_path / f"bao-cao-{ReportRun.objects.get().pk}.pdf").read_bytes().startswith(b"%PDF")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có trang"):
        call_command("build_report", "--site", "khong.langson.localhost", "--date", "2026-10")


# --- scoring -------------------------------------------------------------------------------------
def test_scoring_round_ranks_component_sites(october_data, commune):
    cs = CriteriaSet.objects.create(name="Bộ tiêu chí 2026", year=2026)
    auto = Criterion.objects.create(
        criteria_set=cs,
        name="Tin bài mỗi tháng",
        weight=60,
        measure="auto",
        metric="publications_per_month",
        target=2.0,
    )
    manual = Criterion.objects.create(
        criteria_set=cs, name="Giao diện, tiện ích", weight=40, measure="manual"
    )
    rnd = ScoringRound.objects.create(
        criteria_set=cs, name="Tháng 10/2026", start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31)
    )
    scoring.compute_round(rnd)
    dept, district = october_data["department"].site, october_data["district"].site
    with pytest.raises(scoring.ScoreError, match="từ 0 đến 40"):
        scoring.set_manual_score(rnd, dept, manual, "45")
    with pytest.raises(scoring.ScoreError, match="tự động"):
        scoring.set_manual_score(rnd, dept, auto, "10")
    scoring.set_manual_score(rnd, district, manual, "35,5")
    scoring.set_manual_score(rnd, dept, manual, "20")
    scoring.compute_round(rnd)  # recompute keeps manual scores
    criteria, rows = scoring.ranking(rnd)
    # 31 days = 1.0185 months: Sở 3 tin → 2.95/tháng ≥ 2 → 60; huyện 2 → 1.96 → 60 × 1.96/2 = 58.80
    by_name = {r.name: r for r in rows}
    assert [r.name for r in rows][:2] == ["Huyện Cao Lộc", "Sở Khoa học và Công nghệ"]
    assert by_name["Huyện Cao Lộc"].total == Decimal("58.80") + Decimal("35.50")
    assert by_name["Sở Khoa học và Công nghệ"].total == Decimal("80.00")
    assert by_name["Xã Song Giáp"].total == Decimal("0") and by_name["Xã Song Giáp"].rank == 3
    assert "Cổng thông tin điện tử tỉnh Lạng Sơn" not in by_name  # the portal is not scored
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(scoring.ranking_xlsx(rnd)))
    values = [c for row in wb.active.iter_rows(values_only=True) for c in row if c is not None]
    assert "Huyện Cao Lộc" in values and 94.3 in values


def test_scoring_screens_are_for_network_managers_only(client, october_data):
    chief = make_user("hoa", "Phạm Thị", "Hoa")
    assign_role(chief, october_data["department"].site, "chief")
    client.force_login(chief)
    assert client.get("/quan-tri/reports/scoring/").status_code in (302, 403)
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "mat-khau-rat-dai-123")
    client.force_login(admin)
    assert client.get("/quan-tri/reports/scoring/").status_code == 200


def test_demo_data_is_idempotent(portal, department):
    from congtt.reports import demo as reports_demo
    from congtt.royalties import demo as royalties_demo
    from congtt.royalties.models import RateFrame

    for _ in range(2):
        royalties_demo.load()
        reports_demo.load()
    assert RateFrame.objects.count() == 2
    assert DailySiteStat.objects.count() == 2 * 60
    assert CriteriaSet.objects.count() == 1 and Criterion.objects.count() == 4

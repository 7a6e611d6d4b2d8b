"""Public pages: introduction/organisation, leaders, directory search, schedules, en/zh fallback."""

import datetime

import pytest
from django.utils import timezone

from congtt.directory import rules

from .factories import entry, hotline, official, reception, unit

pytestmark = pytest.mark.django_db
SOKHCN = "sokhcn.langson.localhost"


@pytest.fixture
def org(department):
    site = department.site
    office = unit(
        site,
        "Văn phòng Sở",
        order=1,
        name_en="Office of the Department",
        functions="<p>Tham mưu tổng hợp</p>",
    )
    plan = unit(site, "Phòng Kế hoạch - Tài chính", order=2)
    team = unit(site, "Tổ Văn thư", parent=office, order=1)
    director = official(
        site,
        "Nguyễn Văn Đức",
        "Giám đốc Sở",
        office,
        is_leader=True,
        biography="<p>Sinh năm 1972 tại Cao Lộc.</p>",
        duties="<p>Phụ trách chung.</p>",
        position_en="Director",
        email="ducnv@langson.gov.vn",
    )
    speaker = official(site, "Hoàng Thị Lan", "Chánh Văn phòng", office, is_spokesperson=True)
    clerk = official(site, "Lương Văn Tú", "Văn thư", team, office_phone="0205 3812 229")
    return {
        "site": site,
        "office": office,
        "plan": plan,
        "team": team,
        "director": director,
        "speaker": speaker,
        "clerk": clerk,
    }


def get(client, path, host=SOKHCN, **params):
    return client.get(path, params, HTTP_HOST=host)


def test_organisation_chart_nests_units_with_functions_leaders_and_spokesperson(client, org):
    response = get(client, "/gioi-thieu/")
    assert response.status_code == 200
    html = response.content.decode()
    office_at = html.index("Văn phòng Sở")
    team_at = html.index("Tổ Văn thư")
    plan_at = html.index("Phòng Kế hoạch - Tài chính")
    assert office_at < team_at < plan_at  # the team is nested inside the office's list
    assert html.count('<ul class="org-tree">') == 2
    assert "Tham mưu tổng hợp" in html
    assert "Nguyễn Văn Đức" in html and f"/gioi-thieu/lanh-dao/{org['director'].pk}/" in html
    assert "Người phát ngôn" in html and "Hoàng Thị Lan" in html


def test_leader_detail_shows_biography_and_duties_and_refuses_non_leaders(client, org):
    response = get(client, f"/gioi-thieu/lanh-dao/{org['director'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sinh năm 1972 tại Cao Lộc." in html and "Phụ trách chung." in html
    assert get(client, f"/gioi-thieu/lanh-dao/{org['clerk'].pk}/").status_code == 404
    assert get(client, "/gioi-thieu/lanh-dao/999999/").status_code == 404
    assert get(client, "/gioi-thieu/lanh-dao/99999999999999999999999/").status_code == 404


def test_leader_of_another_site_is_not_shown(client, org, district):
    assert (
        get(client, f"/gioi-thieu/lanh-dao/{org['director'].pk}/", host=district.site.hostname).status_code
        == 404
    )


@pytest.mark.parametrize("query", ["Đức", "duc", "NGUYEN VAN DUC", "giam doc", "van phong so"])
def test_directory_search_with_and_without_diacritics(client, org, query):
    html = get(client, "/danh-ba/", q=query).content.decode()
    assert "Nguyễn Văn Đức" in html
    assert "Không tìm thấy" not in html


def test_directory_search_excludes_others_and_unpublished(client, org):
    official(org["site"], "Trần Văn Ẩn", "Chuyên viên", org["plan"], published=False)
    html = get(client, "/danh-ba/", q="tu").content.decode()
    assert "Lương Văn Tú" in html and "Nguyễn Văn Đức" not in html
    assert "Trần Văn Ẩn" not in get(client, "/danh-ba/").content.decode()


def test_directory_groups_by_unit_and_filters_by_unit(client, org):
    html = get(client, "/danh-ba/", **{"don-vi": org["team"].pk}).content.decode()
    assert "Lương Văn Tú" in html and "Hoàng Thị Lan" not in html
    assert "0205 3812 229" in html


@pytest.mark.parametrize(
    "params,message",
    [
        ({"don-vi": "abc"}, "Không có đơn vị này"),
        ({"don-vi": "99999999999999999999"}, "Không có đơn vị này"),
        ({"q": "💥"}, "Từ khóa không hợp lệ"),
        ({"page": "99999"}, None),
        ({"page": "-1"}, None),
        ({"q": "\x00d\u0301uc\u200b\ufeff"}, None),
    ],
)
def test_directory_bad_input_never_500(client, org, params, message):
    response = get(client, "/danh-ba/", **params)
    assert response.status_code == 200
    if message:
        assert message in response.content.decode()


def test_directory_paginates(client, org):
    for i in range(35):
        official(org["site"], f"Cán bộ {i:02d}", unit=org["plan"])
    first = get(client, "/danh-ba/").content.decode()
    assert "Trang 1/2" in first and 'rel="next"' in first
    second = get(client, "/danh-ba/", page=2, q="can bo").content.decode()
    assert "Trang 2/2" in second and "q=can+bo" in second


def _monday():
    return rules.monday_of(timezone.localdate())


def test_schedule_shows_current_week_grouped_by_vietnamese_day(client, org):
    monday = _monday()
    entry(org["site"], monday, "Họp giao ban đầu tuần", leader=org["director"], place="Phòng họp tầng 2")
    entry(org["site"], monday + datetime.timedelta(days=7), "Làm việc tuần sau")
    entry(org["site"], monday, "Lịch nội bộ chưa duyệt", published=False)
    html = get(client, "/lich-cong-tac/").content.decode()
    assert "Họp giao ban đầu tuần" in html and "Phòng họp tầng 2" in html and "Nguyễn Văn Đức" in html
    assert rules.weekday_date(monday) in html
    assert "Làm việc tuần sau" not in html and "chưa duyệt" not in html
    next_code = rules.iso_week_code(monday + datetime.timedelta(days=7))
    assert f"?tuan={next_code}" in html
    html_next = get(client, "/lich-cong-tac/", tuan=next_code).content.decode()
    assert "Làm việc tuần sau" in html_next and "Họp giao ban đầu tuần" not in html_next


def test_schedule_week_across_year_boundary(client, org):
    entry(org["site"], datetime.date(2026, 12, 31), "Tổng kết năm 2026")
    entry(org["site"], datetime.date(2027, 1, 4), "Họp đầu năm 2027")
    html = get(client, "/lich-cong-tac/", tuan="2026-W53").content.decode()
    assert "Tổng kết năm 2026" in html and "Thứ Năm, ngày 31 tháng 12 năm 2026" in html
    assert "?tuan=2027-W01" in html and "?tuan=2026-W52" in html
    assert "Họp đầu năm 2027" in get(client, "/lich-cong-tac/", tuan="2027-W01").content.decode()


@pytest.mark.parametrize("week", ["2026-W99", "hello", "2025-W53", "<script>", "9" * 400])
def test_malformed_week_shows_current_week_with_message(client, org, week):
    entry(org["site"], _monday(), "Họp giao ban đầu tuần")
    response = get(client, "/lich-cong-tac/", tuan=week)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tuần không hợp lệ" in html and "Họp giao ban đầu tuần" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_schedule_filters_by_leader_and_rejects_unknown(client, org):
    entry(org["site"], _monday(), "Việc của Giám đốc", leader=org["director"])
    entry(org["site"], _monday(), "Việc của Phó Giám đốc")
    html = get(client, "/lich-cong-tac/", **{"lanh-dao": org["director"].pk}).content.decode()
    assert "Việc của Giám đốc" in html and "Việc của Phó Giám đốc" not in html
    html = get(client, "/lich-cong-tac/", **{"lanh-dao": "x"}).content.decode()
    assert "Không có lãnh đạo này" in html and "Việc của Phó Giám đốc" in html


def test_reception_schedule_and_hotlines(client, org):
    reception(
        org["site"], _monday() + datetime.timedelta(days=3), leader=org["director"], notes="Tiếp định kỳ"
    )
    hotline(
        org["site"], "Đường dây nóng của Giám đốc Sở", "0912 000 111", purpose="Phản ánh thủ tục hành chính"
    )
    html = get(client, "/lich-cong-tac/tiep-cong-dan/").content.decode()
    assert "Tiếp định kỳ" in html and "Nguyễn Văn Đức" in html and "Thứ Năm" in html
    html = get(client, "/lich-cong-tac/duong-day-nong/").content.decode()
    assert "0912 000 111" in html and "Phản ánh thủ tục hành chính" in html
    assert "0912 000 111" in get(client, "/lich-cong-tac/").content.decode()
    assert get(client, "/lich-cong-tac/tiep-cong-dan/", tuan="bad").status_code == 200


def test_english_edition_translates_and_falls_back_with_notice(client, org):
    html = get(client, "/en/introduction/").content.decode()
    assert "Office of the Department" in html  # translated unit name
    assert "Director" in html
    assert "Phòng Kế hoạch - Tài chính" in html  # not translated: Vietnamese shown
    assert "đang hiển thị bằng tiếng Việt" in html or "shown in Vietnamese" in html


def test_chinese_edition_falls_back_to_vietnamese(client, org):
    response = get(client, "/zh/introduction/")
    assert response.status_code == 200
    assert "Văn phòng Sở" in response.content.decode()
    assert get(client, "/zh/directory/", q="duc").status_code == 200


def _photo():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title="Chân dung", file=get_test_image_file())


def test_query_counts_do_not_grow(client, org):
    """Each page costs at most 4 queries more than a plain text page, whatever the number of items."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    org["director"].photo = _photo()
    org["director"].save()
    paths = [
        "/gioi-thieu/",
        f"/gioi-thieu/lanh-dao/{org['director'].pk}/",
        "/danh-ba/",
        "/lich-cong-tac/",
        "/lich-cong-tac/tiep-cong-dan/",
        "/lich-cong-tac/duong-day-nong/",
    ]

    def count(path):
        with CaptureQueriesContext(connection) as ctx:
            assert get(client, path).status_code == 200
        return len(ctx.captured_queries)

    def counts():
        return {path: count(path) for path in paths}

    count("/lien-he/")
    counts()  # warm caches and renditions
    baseline = count("/lien-he/")  # the shared layout alone
    before = counts()
    for i in range(20):
        u = unit(org["site"], f"Phòng {i}", parent=org["office"] if i % 2 else None)
        official(org["site"], f"Lãnh đạo {i}", unit=u, is_leader=True, is_spokesperson=i == 0, photo=_photo())
        entry(org["site"], _monday() + datetime.timedelta(days=i % 7), f"Việc {i}", leader=org["director"])
        reception(org["site"], _monday() + datetime.timedelta(days=i % 5), leader=org["director"])
        hotline(org["site"], f"Đường dây {i}")
    counts()  # renditions of the new photos are created on the first view
    after = counts()
    print("baseline", baseline, "query counts", after)
    for path in paths:
        assert after[path] <= baseline + 4, path
        assert after[path] <= before[path], path

"""Disclosure pages: each kind shows its own fields, listings filter by kind and year, the catalogue."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page

from congtt.disclosures import rules
from congtt.disclosures.models import DisclosureCatalogueEntry, DisclosureIndexPage, DisclosurePage
from congtt.network.services import assign_role

pytestmark = pytest.mark.django_db
HOST = "sokhcn.langson.localhost"

SAMPLES = {
    "plan": {
        "plan_type": "kế hoạch",
        "period": "2026–2030",
        "status": "đang thực hiện",
        "decision": "QĐ 12/QĐ-UBND",
    },
    "investment": {
        "capital_source": "FDI",
        "sector": "Nông nghiệp công nghệ cao",
        "location": "Huyện Cao Lộc",
        "total_capital": "1.200 tỷ đồng",
        "contact": "Sở Tài chính, 0205 3812 345",
    },
    "procurement": {
        "package": "Gói thầu số 03: Mua sắm thiết bị phòng thí nghiệm",
        "inviting_party": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
        "selection_form": "đấu thầu rộng rãi",
        "documents_from": "2026-11-20T08:00:00",
        "closing": "2026-12-05T09:30:00",
        "winner": "",
    },
    "budget": {"fiscal_year": 2026, "report_kind": "dự toán", "total": "25.400 triệu đồng"},
    "statistics": {
        "period": "9 tháng năm 2026",
        "indicators": [
            {"indicator": "Số doanh nghiệp KH&CN", "unit": "doanh nghiệp", "value": "14", "change": "+2"}
        ],
    },
    "science": {
        "programme": "Nghiên cứu nhân giống hồi Lạng Sơn",
        "level": "tỉnh",
        "host": "Viện Khoa học",
        "status": "đã nghiệm thu",
    },
    "epidemic": {
        "disease": "Sốt xuất huyết",
        "area": "Thành phố Lạng Sơn",
        "as_of": "2026-11-20",
        "recommendations": "<p>Diệt bọ gậy.</p>",
    },
    "clarification": {
        "false_claim": "Tin đồn tỉnh thu hồi toàn bộ đất ven quốc lộ 1A",
        "clarification": "<p>Thông tin hoàn toàn sai sự thật.</p>",
        "authority": "Sở Nông nghiệp và Môi trường",
    },
    "tourism": {
        "category": "lễ hội",
        "location": "Xã Mai Pha",
        "description": "<p>Lễ hội Lồng tồng.</p>",
        "images": [],
    },
    "index": {
        "index_name": "PCI",
        "index_year": 2025,
        "score": "65.40",
        "rank": 40,
        "change": "tăng 5 bậc",
        "source": "VCCI",
    },
}
VISIBLE = {
    "plan": ["Giai đoạn thực hiện", "2026–2030", "QĐ 12/QĐ-UBND"],
    "investment": ["Tổng vốn đầu tư dự kiến", "1.200 tỷ đồng", "FDI"],
    "procurement": ["Bên mời thầu", "Thời điểm đóng thầu", "09:30, ngày 5 tháng 12 năm 2026"],
    "budget": ["Năm ngân sách", "25.400 triệu đồng"],
    "statistics": ["Số doanh nghiệp KH&amp;CN", "9 tháng năm 2026", '<th scope="row">'],
    "science": ["Tổ chức chủ trì", "Nghiên cứu nhân giống hồi Lạng Sơn"],
    "epidemic": ["Sốt xuất huyết", "Diệt bọ gậy.", "ngày 20 tháng 11 năm 2026"],
    "clarification": ["Thông tin sai sự thật", "Tin đồn tỉnh thu hồi", "Thông tin hoàn toàn sai sự thật."],
    "tourism": ["Lễ hội Lồng tồng.", "Xã Mai Pha"],
    "index": ["PCI", "65,40", "Xếp hạng", "tăng 5 bậc"],
}


@pytest.fixture
def index_page(department):
    home = department.site.root_page
    page = DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai")
    home.add_child(instance=page)
    return page


def add_item(index_page, kind, title=None, year=2026):
    page = DisclosurePage(
        title=title or f"Mục {kind}",
        slug=f"muc-{kind}-{year}-{DisclosurePage.objects.count()}",
        kind=kind,
        year=year,
        date=datetime.date(year, 11, 20),
        details=[(kind, SAMPLES[kind])],
        summary=f"Tóm tắt {kind}",
    )
    index_page.add_child(instance=page)
    return page


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_each_kind_renders_its_own_fields(client, index_page, kind):
    page = add_item(index_page, kind)
    response = client.get(page.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    for text in VISIBLE[kind]:
        assert text in html, text


def test_details_must_match_kind():
    assert rules.check_details("plan", ["plan"]) is None
    assert "không cùng loại" in rules.check_details("plan", ["budget"])
    assert "một khối" in rules.check_details("plan", ["plan", "plan"])
    assert rules.check_details("plan", []) is not None


def test_page_with_mismatched_block_is_refused(index_page):
    page = DisclosurePage(
        title="Sai loại", slug="sai-loai", kind="budget", details=[("plan", SAMPLES["plan"])]
    )
    with pytest.raises(ValidationError):
        index_page.add_child(instance=page)
    assert not DisclosurePage.objects.filter(slug="sai-loai").exists()


def test_listing_filters_by_kind_and_year(client, index_page):
    add_item(index_page, "procurement", "Mời thầu 2026")
    add_item(index_page, "procurement", "Mời thầu 2025", year=2025)
    add_item(index_page, "budget", "Dự toán 2026")
    url = index_page.url
    html = client.get(url, {"loai": "procurement"}, HTTP_HOST=HOST).content.decode()
    assert "Mời thầu 2026" in html and "Mời thầu 2025" in html and "Dự toán 2026" not in html
    html = client.get(url, {"loai": "procurement", "nam": 2025}, HTTP_HOST=HOST).content.decode()
    assert "Mời thầu 2025" in html and "Mời thầu 2026" not in html
    html = client.get(url, {"nam": 2026}, HTTP_HOST=HOST).content.decode()
    assert "Dự toán 2026" in html and "Mời thầu 2025" not in html


@pytest.mark.parametrize(
    "params,message",
    [
        ({"loai": "khong-co"}, "Loại thông tin không hợp lệ"),
        ({"nam": "20a6"}, "Năm không hợp lệ"),
        ({"nam": "99999999999999999999"}, "Năm không hợp lệ"),
        ({"page": "999999"}, None),
        ({"loai": "<b>x</b>", "nam": "１９"}, "Loại thông tin không hợp lệ"),
    ],
)
def test_listing_bad_filters_show_message(client, index_page, params, message):
    add_item(index_page, "budget", "Dự toán 2026")
    response = client.get(index_page.url, params, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dự toán 2026" in html
    if message:
        assert message in html


def test_index_with_default_kind_lists_only_that_kind(client, department):
    index = DisclosureIndexPage(title="Đấu thầu", slug="dau-thau", default_kind="procurement")
    department.site.root_page.add_child(instance=index)
    add_item(index, "procurement", "Gói thầu A")
    html = client.get(index.url, HTTP_HOST=HOST).content.decode()
    assert "Gói thầu A" in html


def test_catalogue_page_lists_site_entries_only(client, department, district, index_page):
    DisclosureCatalogueEntry.objects.create(
        site=department.site,
        information="Dự toán ngân sách được giao",
        location_page=Page.objects.get(pk=index_page.pk),
        form="Đăng tải trên trang thông tin điện tử",
        timing="Chậm nhất 15 ngày sau khi được giao",
        retention="Tối thiểu 5 năm",
    )
    DisclosureCatalogueEntry.objects.create(
        site=district.site, information="Thông tin của huyện", form="x", timing="y", retention="z"
    )
    response = client.get("/danh-muc-cong-khai/", HTTP_HOST=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dự toán ngân sách được giao" in html and "Tối thiểu 5 năm" in html and "/cong-khai/" in html
    assert "Thông tin của huyện" not in html


def test_catalogue_location_must_be_on_own_site(department, district):
    foreign = district.site.root_page.get_children().first()
    entry = DisclosureCatalogueEntry(
        site=department.site, information="A", form="b", timing="c", retention="d", location_page=foreign
    )
    with pytest.raises(ValidationError):
        entry.full_clean()


def test_catalogue_admin_scoped(client, department, district):
    user = get_user_model().objects.create_user("bt", "bt@langson.gov.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "chief")
    own = DisclosureCatalogueEntry.objects.create(
        site=department.site, information="Mục của Sở", form="a", timing="b", retention="c"
    )
    other = DisclosureCatalogueEntry.objects.create(
        site=district.site, information="Mục của huyện", form="a", timing="b", retention="c"
    )
    client.force_login(user)
    listing = client.get(
        reverse("wagtailsnippets_disclosures_disclosurecatalogueentry:list")
    ).content.decode()
    assert "Mục của Sở" in listing and "Mục của huyện" not in listing
    assert (
        client.get(
            reverse("wagtailsnippets_disclosures_disclosurecatalogueentry:edit", args=[own.pk])
        ).status_code
        == 200
    )
    assert client.get(
        reverse("wagtailsnippets_disclosures_disclosurecatalogueentry:edit", args=[other.pk])
    ).status_code in (302, 403)


def test_listing_and_catalogue_queries_do_not_grow(client, department, index_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(path):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path, HTTP_HOST=HOST).status_code == 200
        return len(ctx.captured_queries)

    first = add_item(index_page, "budget")
    paths = [index_page.url, "/danh-muc-cong-khai/", first.url]
    [count(p) for p in paths]
    before = [count(p) for p in paths]
    for i in range(15):
        add_item(index_page, list(SAMPLES)[i % 10], year=2020 + i % 5)
        DisclosureCatalogueEntry.objects.create(
            site=department.site,
            information=f"Mục {i}",
            form="a",
            timing="b",
            retention="c",
            location_page=index_page,
        )
    [count(p) for p in paths]  # new items bump the site's cache version: refill the menu cache first
    after = [count(p) for p in paths]
    for b, a in zip(before, after, strict=True):
        assert a <= b and a <= 15  # the page budget, and no growth with the number of items


def test_item_routing_unknown_and_unpublished_are_not_found(client, index_page):
    page = add_item(index_page, "plan")
    assert client.get(page.url, HTTP_HOST=HOST).status_code == 200
    assert client.get(page.url.rstrip("/") + "-khac/", HTTP_HOST=HOST).status_code == 404
    assert client.get(page.url + "them/", HTTP_HOST=HOST).status_code == 404
    page.unpublish()
    assert client.get(page.url, HTTP_HOST=HOST).status_code == 404

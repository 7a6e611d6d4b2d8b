"""Search protocol: folded text, public querysets of the site only, public URLs of records."""

import pytest

from congtt.directory.models import Official, Unit
from congtt.disclosures.models import DisclosureCatalogueEntry

from .factories import official, unit

pytestmark = pytest.mark.django_db


def test_officials_search_protocol(client, department, district):
    office = unit(department.site, "Văn phòng Sở")
    leader = official(department.site, "Nguyễn Văn Đức", "Giám đốc Sở", office, is_leader=True)
    clerk = official(department.site, "Lương Văn Tú", "Văn thư", office)
    hidden = official(department.site, "Trần Văn Ẩn", "Chuyên viên", office, published=False)
    official(district.site, "Hoàng Văn Bình", "Chủ tịch")
    assert leader.search_folded() == "nguyen van duc giam doc so van phong so"
    public = set(Official.public_search_queryset(department.site))
    assert public == {leader, clerk} and hidden not in public
    assert str(Official.search_kind) == "Cán bộ"
    host = "http://sokhcn.langson.localhost"
    assert leader.get_url() == f"{host}/gioi-thieu/lanh-dao/{leader.pk}/"
    assert clerk.get_url().startswith(f"{host}/danh-ba/?q=")
    assert client.get(leader.get_url().removeprefix(host), HTTP_HOST=host[7:]).status_code == 200
    html = client.get(clerk.get_url().removeprefix(host), HTTP_HOST=host[7:]).content.decode()
    assert "Lương Văn Tú" in html and "Nguyễn Văn Đức" not in html


def test_wagtail_search_finds_officials_without_diacritics(department):
    official(department.site, "Nguyễn Văn Đức", "Giám đốc Sở")
    official(department.site, "Lương Văn Tú", "Văn thư")
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    found = [
        o.name for o in backend.search("nguyen van duc", Official.public_search_queryset(department.site))
    ]
    assert found == ["Nguyễn Văn Đức"]


def test_units_and_catalogue_have_public_urls(department):
    office = unit(department.site, "Văn phòng Sở")
    assert Unit.public_search_queryset(department.site).get() == office
    assert office.get_url().endswith(f"/gioi-thieu/#don-vi-{office.pk}")
    entry = DisclosureCatalogueEntry.objects.create(
        site=department.site, information="Dự toán ngân sách", form="a", timing="b", retention="c"
    )
    assert entry.get_url() == "http://sokhcn.langson.localhost/danh-muc-cong-khai/"
    assert "du toan ngan sach" in entry.search_folded()


def test_sitemap_lists_leader_pages_and_schedule_subpages(client, department):
    leader = official(department.site, "Nguyễn Văn Đức", "Giám đốc Sở", is_leader=True)
    official(department.site, "Lương Văn Tú", "Văn thư")
    xml = client.get("/sitemap.xml", HTTP_HOST="sokhcn.langson.localhost").content.decode()
    assert f"/gioi-thieu/lanh-dao/{leader.pk}/" in xml
    assert "/lich-cong-tac/tiep-cong-dan/" in xml and "/lich-cong-tac/duong-day-nong/" in xml


def test_record_urls_cost_no_query_per_record(rf, department):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def url_queries():
        request = rf.get("/", HTTP_HOST="sokhcn.langson.localhost")
        records = list(Official.public_search_queryset(department.site))
        with CaptureQueriesContext(connection) as ctx:
            urls = [o.get_url(request) for o in records]
        assert all(u.startswith(("/gioi-thieu/lanh-dao/", "/danh-ba/?q=")) for u in urls)
        return len(ctx.captured_queries)

    for i in range(4):
        official(department.site, f"Cán bộ {i}", is_leader=i % 2 == 0)
    few = url_queries()
    for i in range(20):
        official(department.site, f"Cán bộ thêm {i}", is_leader=i % 2 == 0)
    assert url_queries() <= few <= 10


def test_site_search_finds_officials_without_diacritics(client, portal, department):
    from wagtail.search import index

    leader = official(department.site, "Nguyễn Văn Đức", "Giám đốc Sở", is_leader=True)
    hidden = official(department.site, "Nguyễn Văn Ẩn", "Chuyên viên", published=False)
    for record in (leader, hidden):
        index.insert_or_update_object(record)
    html = client.get(
        "/tim-kiem/", {"q": "nguyen van duc"}, HTTP_HOST="sokhcn.langson.localhost"
    ).content.decode()
    assert f'href="/gioi-thieu/lanh-dao/{leader.pk}/"' in html and "Cán bộ" in html
    assert "Ẩn" not in html

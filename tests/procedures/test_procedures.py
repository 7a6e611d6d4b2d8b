import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congtt.network.services import assign_role
from congtt.ops import counters
from congtt.procedures import rules
from congtt.procedures.models import Procedure

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"


def names(response):
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_code_rules_and_national_url():
    assert rules.validate_code("1.001234") == []
    assert rules.validate_code("") and "không đúng định dạng" in rules.validate_code("1001234")[0]
    assert rules.national_portal_url("1.001234") == (
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234"
    )
    assert rules.national_portal_url("abc") is None


def test_model_validation_message(portal, fields):
    procedure = Procedure(
        site=portal.site, code="12345", name="X", field=fields["ho-tich"], responsible_unit="Y"
    )
    with pytest.raises(ValidationError, match="không đúng định dạng"):
        procedure.full_clean()


@pytest.fixture
def procs(portal, department, make_proc):
    return [
        make_proc(portal, code="1.001193", name="Đăng ký khai sinh"),
        make_proc(portal, code="1.000894", name="Đăng ký kết hôn", service_level="partial"),
        make_proc(
            portal, code="1.004501", name="Đăng ký kết quả nhiệm vụ khoa học", field="khcn", level="province"
        ),
        make_proc(portal, code="1.009999", name="Thủ tục nháp", live=False),
        make_proc(department, code="2.002051", name="Cấp giấy chứng nhận doanh nghiệp KH&CN", field="khcn"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký kết quả nhiệm vụ khoa học"}),
        ("q=dang+ky+ket", {"Đăng ký kết hôn", "Đăng ký kết quả nhiệm vụ khoa học"}),
        ("field=khcn", {"Đăng ký kết quả nhiệm vụ khoa học"}),
        ("level=commune&service_level=partial", {"Đăng ký kết hôn"}),
        ("q=khai+sinh&field=khcn", set()),
    ],
)
def test_listing_filters(client, procs, query, expected):
    response = client.get(f"/thu-tuc-hanh-chinh/?{query}", HTTP_HOST=HOST)
    assert response.status_code == 200 and set(names(response)) == expected


def test_listing_grouped_by_field(client, procs):
    body = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=HOST).content.decode()
    assert re.findall(r'<h2 id="pf-\d+">([^<]+)</h2>', body) == ["Hộ tịch", "Khoa học và Công nghệ"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=abc", "Cấp thực hiện không hợp lệ"),
        ("service_level=%00", "Mức độ dịch vụ không hợp lệ"),
        ("field=zzz", "Lĩnh vực không hợp lệ"),
        ("x=1", "Bỏ qua bộ lọc không hỗ trợ"),
        ("page=999999", ""),
    ],
)
def test_bad_input(client, procs, query, message):
    response = client.get(f"/thu-tuc-hanh-chinh/?{query}", HTTP_HOST=HOST)
    assert response.status_code == 200 and message in response.content.decode()


def test_detail_counts_views_buffered(client, procs):
    procedure = procs[0]
    url = f"/thu-tuc-hanh-chinh/{procedure.pk}-{procedure.slug}/"
    for _ in range(5):
        assert client.get(url, HTTP_HOST=HOST).status_code == 200
    procedure.refresh_from_db()
    assert procedure.view_count < 5  # not one database write per request
    assert procedure.total_views == 5
    counters.flush()
    procedure.refresh_from_db()
    assert procedure.view_count == 5 and procedure.total_views == 5


def test_apply_online_redirect_counts_clicks(client, procs):
    procedure = procs[0]
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/thu-tuc-hanh-chinh/{procedure.pk}/nop-truc-tuyen/", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"].endswith("ma_thu_tuc=1.001193")
    first_writes = [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    with CaptureQueriesContext(connection) as ctx:
        for _ in range(3):
            client.get(f"/thu-tuc-hanh-chinh/{procedure.pk}/nop-truc-tuyen/", HTTP_HOST=HOST)
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    counters.flush()
    procedure.refresh_from_db()
    assert procedure.click_count == 4 and len(first_writes) <= 1


def test_detail_views_served_from_the_page_cache_are_counted(client, procs, settings):
    from congtt.pagecache import middleware

    settings.PAGECACHE_SECONDS = 600
    middleware._site_memo.clear()
    procedure = procs[0]
    url = f"/thu-tuc-hanh-chinh/{procedure.pk}-{procedure.slug}/"
    responses = [client.get(url, HTTP_HOST=HOST) for _ in range(5)]
    middleware._site_memo.clear()
    assert [r["X-Cache"] for r in responses] == ["MISS"] + ["HIT"] * 4
    procedure.refresh_from_db()
    assert procedure.total_views == 5
    counters.flush()
    procedure.refresh_from_db()
    assert procedure.view_count == 5 and procedure.click_count == 0


def test_buffered_counts_are_shown_on_the_detail_page(client, procs, settings):
    settings.COUNTERS_FLUSH_SECONDS = 0
    procedure = procs[0]
    client.get(f"/thu-tuc-hanh-chinh/{procedure.pk}/nop-truc-tuyen/", HTTP_HOST=HOST)
    client.get(f"/thu-tuc-hanh-chinh/{procedure.pk}-{procedure.slug}/", HTTP_HOST=HOST)
    body = client.get(
        f"/thu-tuc-hanh-chinh/{procedure.pk}-{procedure.slug}/", HTTP_HOST=HOST
    ).content.decode()
    assert "<td>2 / 1</td>" in body
    procedure.refresh_from_db()
    assert (procedure.view_count, procedure.click_count) == (0, 0)


def test_drafts_and_other_sites_not_public(client, procs):
    draft, other = procs[3], procs[4]
    assert client.get(f"/thu-tuc-hanh-chinh/{draft.pk}-{draft.slug}/", HTTP_HOST=HOST).status_code == 404
    assert client.get(f"/thu-tuc-hanh-chinh/{other.pk}/nop-truc-tuyen/", HTTP_HOST=HOST).status_code == 404


def test_api(client, procs):
    data = client.get("/api/v1/procedures/?field=khcn", HTTP_HOST=HOST).json()
    assert [p["code"] for p in data["items"]] == ["1.004501"]
    detail = client.get(f"/api/v1/procedures/{procs[0].pk}", HTTP_HOST=HOST).json()
    assert detail["national_url"].endswith("1.001193") and detail["url"].startswith("/thu-tuc-hanh-chinh/")
    assert client.get(f"/api/v1/procedures/{procs[3].pk}", HTTP_HOST=HOST).status_code == 404
    assert client.get("/api/v1/procedures/?level=x", HTTP_HOST=HOST).status_code == 422


def test_search_protocol(portal, procs, rf):
    assert set(Procedure.public_search_queryset(portal.site)) == set(procs[:3])
    assert "dang ky khai sinh" in procs[0].search_folded()
    assert (
        procs[0].get_url(rf.get("/", HTTP_HOST=HOST)) == f"/thu-tuc-hanh-chinh/{procs[0].pk}-{procs[0].slug}/"
    )


def test_listing_query_count_does_not_grow(client, portal, make_proc, django_assert_max_num_queries):
    counts = []
    for n in (5, 40):
        while Procedure.objects.count() < n:
            make_proc(portal, name=f"Thủ tục {Procedure.objects.count()}")
        client.get("/thu-tuc-hanh-chinh/?field=ho-tich", HTTP_HOST=HOST)
        with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(15):
            client.get("/thu-tuc-hanh-chinh/?field=ho-tich&level=commune", HTTP_HOST=HOST)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_admin_scoping(client, portal, department, procs):
    user = get_user_model().objects.create_user("qt", "qt@example.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "admin")
    client.force_login(user)
    url = "wagtailsnippets_procedures_procedure"
    listing = client.get(reverse(f"{url}:list")).content.decode()
    assert "2.002051" in listing and "1.001193" not in listing
    assert client.get(reverse(f"{url}:edit", args=[procs[0].pk])).status_code in (302, 403)
    assert client.get(reverse(f"{url}:edit", args=[procs[4].pk])).status_code == 200
    assert client.get(reverse(f"{url}:history", args=[procs[0].pk])).status_code in (302, 403)
    assert client.get(reverse(f"{url}:history", args=[procs[4].pk])).status_code == 200


def test_detail_query_count_does_not_grow(client, portal, make_proc, django_assert_max_num_queries):
    from django.utils import timezone

    from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument

    target = make_proc(portal, code="1.001193")
    form = DocumentForm.objects.get(code="nghi-dinh")
    body = IssuingBody.objects.create(name="Chính phủ")
    counts = []
    for n in (1, 15):
        docs = [
            LegalDocument.objects.create(
                site=portal.site,
                form=form,
                number=f"{len(counts) * 100 + i + 1}/2020/NĐ-CP",
                issuing_body=body,
                issue_date=dt.date(2020, 1, 1),
                summary="Căn cứ",
                live=True,
                first_published_at=timezone.now(),
            )
            for i in range(n)
        ]
        target.legal_basis.add(*docs)
        target.save()
        url = f"/thu-tuc-hanh-chinh/{target.pk}-{target.slug}/"
        client.get(url, HTTP_HOST=HOST)
        with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(15):
            assert client.get(url, HTTP_HOST=HOST).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts

"""The public /van-ban/ listing and detail pages."""

import datetime as dt
import re

import pytest

from congtt.legal.models import LegalDocument, LegalDocumentIndexPage

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"


def numbers(response):
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_section_page_is_the_legal_index(portal, department):
    assert LegalDocumentIndexPage.objects.filter(slug="van-ban").count() == 2  # vi edition of each site


def test_listing_shows_only_published_documents_of_the_site(client, portal, department, make_doc):
    make_doc(portal, number="40/2024/QĐ-UBND")
    make_doc(portal, number="41/2024/QĐ-UBND", live=False)
    make_doc(department, number="12/QĐ-SKHCN")
    response = client.get("/van-ban/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert numbers(response) == ["40/2024/QĐ-UBND"]


@pytest.fixture
def docs(portal, make_doc, taxonomy):
    old = make_doc(
        portal,
        number="773/QĐ-UBND",
        issue=dt.date(2017, 4, 26),
        effective=dt.date(2017, 4, 26),
        summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Lạng Sơn",
    )
    new = make_doc(
        portal,
        number="40/2024/QĐ-UBND",
        issue=dt.date(2024, 10, 25),
        effective=dt.date(2024, 11, 10),
        summary="Ban hành Quy chế tổ chức và hoạt động của Cổng thông tin điện tử tỉnh Lạng Sơn",
    )
    old.replaced_by = new
    old.save()
    make_doc(
        portal,
        number="42/2022/NĐ-CP",
        form="nd",
        body="cp",
        issue=dt.date(2022, 6, 24),
        effective=dt.date(2022, 8, 1),
        summary="Cung cấp thông tin và dịch vụ công trực tuyến",
    )
    make_doc(
        portal,
        number="25/2021/QĐ-UBND",
        issue=dt.date(2021, 8, 16),
        effective=dt.date(2021, 9, 1),
        expiry=dt.date(2023, 12, 31),
        field="khcn",
        summary="Mức chi tạo lập thông tin điện tử",
    )
    make_doc(
        portal,
        number="1234/UBND-KGVX",
        form="cv",
        issue=dt.date(2024, 11, 4),
        summary="Về việc cập nhật thông tin lên Cổng",
    )
    return {"old": old, "new": new}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=quy+che+cong+thong+tin", {"773/QĐ-UBND", "40/2024/QĐ-UBND"}),
        ("q=Quy+chế+tổ+chức", {"40/2024/QĐ-UBND"}),
        ("number=qd-ubnd", {"773/QĐ-UBND", "40/2024/QĐ-UBND", "25/2021/QĐ-UBND"}),
        ("number=40/2024", {"40/2024/QĐ-UBND"}),
        ("form=nghi-dinh", {"42/2022/NĐ-CP"}),
        ("field=khcn", {"25/2021/QĐ-UBND"}),
        ("year=2024", {"40/2024/QĐ-UBND", "1234/UBND-KGVX"}),
        ("status=replaced", {"773/QĐ-UBND"}),
        ("status=expired", {"25/2021/QĐ-UBND"}),
        ("status=in_force", {"40/2024/QĐ-UBND", "42/2022/NĐ-CP", "1234/UBND-KGVX"}),
        ("year=2024&form=quyet-dinh", {"40/2024/QĐ-UBND"}),
        ("q=cong&status=in_force&form=cong-van", {"1234/UBND-KGVX"}),
        ("year=2017&status=in_force", set()),
    ],
)
def test_filters_alone_and_combined(client, docs, query, expected):
    response = client.get(f"/van-ban/?{query}", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert set(numbers(response)) == expected


def test_filter_by_issuing_body(client, docs, taxonomy):
    response = client.get(f"/van-ban/?body={taxonomy['cp'].pk}", HTTP_HOST=HOST)
    assert numbers(response) == ["42/2022/NĐ-CP"]


def test_sorting(client, docs):
    by_issue = numbers(client.get("/van-ban/", HTTP_HOST=HOST))
    assert by_issue[0] == "1234/UBND-KGVX" and by_issue[-1] == "773/QĐ-UBND"
    oldest = numbers(client.get("/van-ban/?sort=issue_date", HTTP_HOST=HOST))
    assert oldest == list(reversed(by_issue))
    by_effective = numbers(client.get("/van-ban/?sort=-effective_date", HTTP_HOST=HOST))
    assert by_effective[0] == "40/2024/QĐ-UBND" and by_effective[-1] == "1234/UBND-KGVX"  # no date: last
    by_number = numbers(client.get("/van-ban/?sort=number", HTTP_HOST=HOST))
    assert by_number == sorted(by_number)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=abc", "Năm phải là số có 4 chữ số"),
        ("year=99999999999999999999", "Năm phải là số có 4 chữ số"),
        ("status=bogus", "Tình trạng hiệu lực không hợp lệ"),
        ("form=khong-co", "Hình thức văn bản không hợp lệ"),
        ("body=abc", "Cơ quan ban hành không hợp lệ"),
        ("body=999999999999999999999", "Cơ quan ban hành không hợp lệ"),
        ("field=%00%ff", "Lĩnh vực không hợp lệ"),
        ("sort=drop+table", "Cách sắp xếp không hợp lệ"),
        ("foo=bar", "Bỏ qua bộ lọc không hỗ trợ: foo"),
        ("q=%E2%80%8B%00", "Từ khóa không có chữ hoặc số"),
    ],
)
def test_bad_input_gives_a_normal_page_with_a_message(client, docs, query, message):
    response = client.get(f"/van-ban/?{query}", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(numbers(response)) == 5 or "Từ khóa" in message


@pytest.mark.parametrize("page", ["99999", "-1", "abc", "1" * 50])
def test_huge_or_bad_page_numbers(client, docs, page):
    assert client.get(f"/van-ban/?page={page}", HTTP_HOST=HOST).status_code == 200


def test_odd_unicode_query(client, docs):
    for q in ["𝔮𝔲𝔶", "Quy chê\u0301", "\ud7ff" * 300, "<script>alert(1)</script>"]:
        response = client.get("/van-ban/", {"q": q}, HTTP_HOST=HOST)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_combining_accent_query_matches_precomposed(client, docs):
    response = client.get("/van-ban/", {"q": "Quy che\u0302\u0301 to\u0302\u0309 chu\u031bc"}, HTTP_HOST=HOST)
    assert numbers(response) == ["40/2024/QĐ-UBND"]


def test_detail_page_shows_metadata_and_replacement_links(client, docs):
    new, old = docs["new"], docs["old"]
    response = client.get(f"/van-ban/{new.pk}-{new.slug}/", HTTP_HOST=HOST)
    body = response.content.decode()
    assert response.status_code == 200
    assert "ngày 25 tháng 10 năm 2024" in body and "Ủy ban nhân dân tỉnh Lạng Sơn" in body
    assert "Thay thế văn bản" in body and f"/van-ban/{old.pk}-{old.slug}/" in body
    old_body = client.get(f"/van-ban/{old.pk}-{old.slug}/", HTTP_HOST=HOST).content.decode()
    assert "Bị thay thế" in old_body and f"/van-ban/{new.pk}/" in old_body


def test_detail_wrong_slug_redirects_and_short_url_redirects(client, docs):
    new = docs["new"]
    response = client.get(f"/van-ban/{new.pk}-sai/", HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"].endswith(f"/van-ban/{new.pk}-{new.slug}/")
    assert client.get(f"/van-ban/{new.pk}/", HTTP_HOST=HOST).status_code == 302


def test_drafts_and_other_sites_are_not_public(client, portal, department, make_doc):
    draft = make_doc(portal, number="50/2024/QĐ-UBND", live=False)
    other = make_doc(department, number="12/QĐ-SKHCN")
    assert client.get(f"/van-ban/{draft.pk}-{draft.slug}/", HTTP_HOST=HOST).status_code == 404
    assert client.get(f"/van-ban/{other.pk}-{other.slug}/", HTTP_HOST=HOST).status_code == 404
    assert (
        client.get(f"/van-ban/{other.pk}-{other.slug}/", HTTP_HOST="sokhcn.langson.localhost").status_code
        == 200
    )


def test_search_protocol(portal, department, make_doc, rf):
    doc = make_doc(portal, number="40/2024/QĐ-UBND", summary="Quy chế Cổng thông tin điện tử")
    make_doc(portal, number="41/2024/QĐ-UBND", live=False)
    assert "quy che cong thong tin dien tu" in doc.search_folded()
    assert list(LegalDocument.public_search_queryset(portal.site)) == [doc]
    assert doc.get_url() == f"http://langson.localhost/van-ban/{doc.pk}-{doc.slug}/"
    request = rf.get("/", HTTP_HOST=HOST)
    assert doc.get_url(request) == f"/van-ban/{doc.pk}-{doc.slug}/"
    assert str(LegalDocument.search_kind) == "Văn bản"


def _listing_queries(client, django_assert_max_num_queries, captured):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/van-ban/?form=quyet-dinh&year=2024", HTTP_HOST=HOST)
    assert response.status_code == 200
    captured.append(len(ctx.captured_queries))
    return response


def test_listing_query_count_does_not_grow(client, portal, make_doc, django_assert_max_num_queries):
    counts = []
    for n in (5, 50):
        existing = LegalDocument.objects.count()
        for i in range(existing, n):
            make_doc(portal, number=f"{i + 100}/2024/QĐ-UBND", issue=dt.date(2024, 1 + i % 12, 1))
        client.get("/van-ban/?form=quyet-dinh", HTTP_HOST=HOST)  # warm per-process caches as a server would
        with django_assert_max_num_queries(15):
            _listing_queries(client, django_assert_max_num_queries, counts)
    assert counts[0] == counts[1], counts


def test_detail_query_count_does_not_grow(client, portal, make_doc, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    target = make_doc(portal, number="40/2024/QĐ-UBND")
    for n in (1, 20):
        for i in range(n):
            make_doc(portal, number=f"{len(counts) * 100 + i + 200}/QĐ-UBND", replaced_by=target)
        client.get("/van-ban/", HTTP_HOST=HOST)
        with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(15):
            assert client.get(f"/van-ban/{target.pk}-{target.slug}/", HTTP_HOST=HOST).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts

import datetime as dt

import pytest
from django.utils import timezone

from congtt.legal.models import GazetteIndexPage, GazetteIssue

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"


def issue(site, number, year, live=True, docs=()):
    item = GazetteIssue(
        site=site.site,
        number=number,
        year=year,
        date=dt.date(year, 3, number),
        live=live,
        first_published_at=timezone.now() if live else None,
    )
    item.save()
    item.documents.set(docs)
    item.save()
    return item


def test_gazette_only_on_the_portal(portal, department):
    assert GazetteIndexPage.objects.filter(slug="cong-bao").count() == 1


def test_gazette_by_year_and_detail(client, portal, make_doc):
    doc = make_doc(portal, number="40/2024/QĐ-UBND")
    first = issue(portal, 1, 2024, docs=[doc])
    issue(portal, 2, 2025)
    issue(portal, 3, 2025, live=False)
    body = client.get("/cong-bao/", HTTP_HOST=HOST).content.decode()
    assert "Số 2/2025" in body and "Số 3/2025" not in body and "Số 1/2024" not in body
    body = client.get("/cong-bao/?year=2024", HTTP_HOST=HOST).content.decode()
    assert "Số 1/2024" in body
    detail = client.get(f"/cong-bao/{first.pk}/", HTTP_HOST=HOST).content.decode()
    assert "40/2024/QĐ-UBND" in detail and f"/van-ban/{doc.pk}-{doc.slug}/" in detail


@pytest.mark.parametrize(
    ("query", "message"), [("year=abc", "Năm phải là số"), ("year=1990", "Không có số công báo")]
)
def test_gazette_bad_year(client, portal, query, message):
    issue(portal, 1, 2024)
    response = client.get(f"/cong-bao/?{query}", HTTP_HOST=HOST)
    assert response.status_code == 200 and message in response.content.decode()


def test_gazette_date_must_match_year(portal):
    from django.core.exceptions import ValidationError

    item = GazetteIssue(site=portal.site, number=1, year=2024, date=dt.date(2023, 12, 31))
    with pytest.raises(ValidationError, match="thuộc năm"):
        item.full_clean()


def test_gazette_query_counts_do_not_grow(client, portal, make_doc, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    listing, detail = [], []
    first = None
    for n in (2, 20):
        docs = [make_doc(portal, number=f"{n * 100 + i}/QĐ-UBND") for i in range(n)]
        start = GazetteIssue.objects.count()
        for i in range(start, n):
            item = issue(portal, i + 1, 2024, docs=docs)
            first = first or item
        first.documents.set(docs)
        first.save()
        client.get("/cong-bao/", HTTP_HOST=HOST)  # warm per-process caches as a running server would
        client.get(f"/cong-bao/{first.pk}/", HTTP_HOST=HOST)
        with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(15):
            assert client.get("/cong-bao/?year=2024", HTTP_HOST=HOST).status_code == 200
        listing.append(len(ctx.captured_queries))
        with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(15):
            assert client.get(f"/cong-bao/{first.pk}/", HTTP_HOST=HOST).status_code == 200
        detail.append(len(ctx.captured_queries))
    assert listing[0] == listing[1] and detail[0] == detail[1], (listing, detail)


def test_issue_pdf_is_rendered_stored_and_offered_for_download(client, portal, make_doc, settings, tmp_path):
    from congtt.legal.gazette_pdf import attach_pdf, render_issue_pdf

    settings.MEDIA_ROOT = tmp_path
    doc = make_doc(portal, number="40/2024/QĐ-UBND")
    item = issue(portal, 4, 2024, docs=[doc])
    html_pdf = render_issue_pdf(item)
    assert html_pdf.startswith(b"%PDF-") and len(html_pdf) > 2000
    document = attach_pdf(item)
    item.refresh_from_db()
    assert item.pdf == document and document.collection == portal.collection
    assert document.file.name.endswith("cong-bao-2024-so-4.pdf")
    detail = client.get(f"/cong-bao/{item.pk}/", HTTP_HOST=HOST).content.decode()
    assert f'href="{document.url}"' in detail
    response = client.get(document.url, HTTP_HOST=HOST)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and content.startswith(b"%PDF-")

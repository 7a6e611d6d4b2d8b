import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.rich_text import RichText

from congtt.content.models import ArticlePage
from congtt.editorial.models import Decision, ViolationReport
from congtt.editorial.takedown import pages_tied_to_outdated_documents
from tests.legal.conftest import make_doc, taxonomy  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def live_article(section, title="Tin hội nghị", text="Nội dung"):
    article = ArticlePage(
        title=title,
        slug=f"tin-{ArticlePage.objects.count() + 1}",
        body=[("paragraph", RichText(f"<p>{text}</p>"))],
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_include_links_to_the_form(site_a, news_a, client):
    from django.template.loader import render_to_string

    article = live_article(news_a)
    html = render_to_string("editorial/includes/report_violation.html", {"page": article})
    assert f'href="/bao-cao-vi-pham/?trang={article.pk}"' in html


def test_public_report_reaches_the_board_and_is_rate_limited(
    client, board, site_a, news_a, mailoutbox, settings
):
    settings.CITIZEN_RATE_LIMITS = {"violation": (3, 3600)}  # every POST counts
    article = live_article(news_a)
    host = {"HTTP_HOST": site_a.hostname}
    url = f"/bao-cao-vi-pham/?trang={article.pk}"
    page = client.get(url, **host)
    assert page.status_code == 200 and "Báo cáo vi phạm" in page.content.decode()
    # too short: clear message, nothing stored
    response = client.post(url, {"category": "false", "description": "ngắn"}, **host)
    assert "Mô tả quá ngắn" in response.content.decode() and not ViolationReport.objects.exists()
    # honeypot filled: refused
    response = client.post(
        url, {"category": "false", "description": "Thông tin sai sự thật về số liệu", "website": "x"}, **host
    )
    assert response.status_code == 400 and not ViolationReport.objects.exists()
    response = client.post(
        url, {"category": "false", "description": "Thông tin sai sự thật về số liệu"}, **host
    )
    assert "Ban biên tập đã nhận báo cáo" in response.content.decode()
    report = ViolationReport.objects.get()
    assert report.page_id == article.pk and report.site == site_a and report.status == "new"
    recipients = {a for m in mailoutbox for a in m.to}
    assert board["a"]["chief"].email in recipients and board["b"]["chief"].email not in recipients
    # over the per-IP limit
    response = client.post(url, {"category": "false", "description": "Thông tin sai sự thật lần nữa"}, **host)
    assert response.status_code == 429 and ViolationReport.objects.count() == 1


def test_report_for_page_of_another_site_or_missing_is_404(client, site_a, site_b, news_b):
    other = live_article(news_b)
    assert client.get(f"/bao-cao-vi-pham/?trang={other.pk}", HTTP_HOST=site_a.hostname).status_code == 404
    assert client.get("/bao-cao-vi-pham/?trang=abc", HTTP_HOST=site_a.hostname).status_code == 404
    assert client.get("/bao-cao-vi-pham/", HTTP_HOST=site_a.hostname).status_code == 404


def test_board_takes_down_in_one_action_logged(client, board, site_a, news_a):
    article = live_article(news_a)
    report = ViolationReport.objects.create(
        site=site_a,
        page=article,
        page_title=article.title,
        page_url="/x/",
        category="false",
        description="Sai",
    )
    # the board of another site and a contributor cannot
    for user in (board["b"]["chief"], board["a"]["contributor"]):
        client.force_login(user)
        client.post(reverse("editorial_report_action", args=[report.pk, "take-down"]), {"note": "x"})
        article.refresh_from_db()
        assert article.live
    client.force_login(board["a"]["secretary"])
    page = client.get(reverse("editorial_report:edit", args=[report.pk]))
    assert "Gỡ tin ngay" in page.content.decode()
    client.post(reverse("editorial_report_action", args=[report.pk, "take-down"]), {"note": "Sai số liệu"})
    article.refresh_from_db()
    report.refresh_from_db()
    assert not article.live and report.status == "taken_down" and report.handled_by == board["a"]["secretary"]
    entry = PageLogEntry.objects.get(page=article, action="editorial.takedown")
    assert entry.data["report"] == report.pk
    assert PageLogEntry.objects.filter(page=article, action="wagtail.unpublish").exists()
    assert Decision.objects.filter(page=article, action="takedown").exists()
    # home dashboard of site A's board lists new reports only
    ViolationReport.objects.create(
        site=site_a,
        page=article,
        page_title="Trang khác",
        page_url="/y/",
        category="other",
        description="Khác",
    )
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Báo cáo vi phạm mới" in home and "Trang khác" in home


def test_pages_citing_expired_or_replaced_documents_are_flagged(site_a, news_a, make_doc):  # noqa: F811
    old = make_doc(site_a, number="40/2024/QĐ-UBND", expiry=dt.date(2025, 1, 1))
    current = make_doc(site_a, number="12/2025/QĐ-UBND")
    flagged = live_article(news_a, "Thực hiện quy chế", "Theo Quyết định số 40/2024/QĐ-UBND của UBND tỉnh.")
    live_article(news_a, "Tin khác", "Theo Quyết định số 12/2025/QĐ-UBND.")
    rows = pages_tied_to_outdated_documents()
    assert [(r["page"].pk, r["document"].pk) for r in rows] == [(flagged.pk, old.pk)]
    assert pages_tied_to_outdated_documents(site_ids=set()) == []
    assert current.pk != old.pk


def test_report_form_query_count_does_not_grow(client, site_a, news_a, django_assert_max_num_queries):
    first = live_article(news_a)
    client.get(f"/bao-cao-vi-pham/?trang={first.pk}", HTTP_HOST=site_a.hostname)  # warm caches
    with django_assert_max_num_queries(15):
        assert client.get(f"/bao-cao-vi-pham/?trang={first.pk}", HTTP_HOST=site_a.hostname).status_code == 200
    for n in range(5):
        live_article(news_a, f"Tin {n}")
    with django_assert_max_num_queries(15):
        assert client.get(f"/bao-cao-vi-pham/?trang={first.pk}", HTTP_HOST=site_a.hostname).status_code == 200

"""RSS feeds, sitemap and the articles REST API (PUB-7)."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import DEPT, PORTAL, make_article, make_topic, news_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(portal, department):
    section = news_section(portal)
    topic = make_topic(section, "Chuyển đổi số")
    return {
        "section": section,
        "topic": topic,
        "a": make_article(section, "Tin chuyển đổi số", topics=[topic], featured=True, days_ago=1),
        "b": make_article(section, "Tin kinh tế cửa khẩu", days_ago=40),
        "draft": make_article(section, "Tin nháp bí mật", publish=False),
        "other": make_article(news_section(department), "Tin của Sở Khoa học"),
    }


def test_rss_latest_news_is_valid_xml_with_items(client, news):
    response = client.get("/rss/", HTTP_HOST=PORTAL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == "rss" and root.get("version") == "2.0"
    titles = [i.findtext("title") for i in root.iter("item")]
    assert titles == ["Tin chuyển đổi số", "Tin kinh tế cửa khẩu"]
    link = root.find("channel/item/link").text
    assert link.startswith("http://langson.localhost/tin-tuc/")


def test_rss_per_section_and_unknown_section(client, news):
    response = client.get(f"/rss/{news['section'].pk}/", HTTP_HOST=PORTAL)
    assert response.status_code == 200
    assert "Tin chuyển đổi số" in response.content.decode()
    assert client.get("/rss/999999/", HTTP_HOST=PORTAL).status_code == 404


def test_rss_of_other_site_section_is_404(client, news, department):
    dept_section = news_section(department)
    assert client.get(f"/rss/{dept_section.pk}/", HTTP_HOST=PORTAL).status_code == 404
    assert client.get(f"/rss/{dept_section.pk}/", HTTP_HOST=DEPT).status_code == 200


def test_sitemap_lists_public_articles_of_the_site_in_every_edition(client, news):
    from wagtail.models import Locale

    en = news["a"].copy_for_translation(Locale.objects.get(language_code="en"))
    en.save_revision().publish()
    response = client.get("/sitemap.xml", HTTP_HOST=PORTAL)
    assert response.status_code == 200
    body = response.content.decode()
    ET.fromstring(response.content)  # noqa: S314 - our own output
    assert "http://langson.localhost/tin-tuc/tin-chuyen-doi-so/" in body
    assert "http://langson.localhost/en/news/tin-chuyen-doi-so/" in body
    assert "tin-nhap-bi-mat" not in body
    assert "tin-cua-so-khoa-hoc" not in body


def test_sitemap_includes_protocol_records(client, news, monkeypatch):
    class Record:
        def get_url(self, request=None):
            return "/van-ban/qd-40/"

    class FakeModel:
        class _meta:
            label_lower = "legal.fake"

        @classmethod
        def public_search_queryset(cls, site):
            return [Record()]

    monkeypatch.setattr("congtt.content.sitemap.sitemap_models", lambda: [FakeModel])
    body = client.get("/sitemap.xml", HTTP_HOST=PORTAL).content.decode()
    assert "http://langson.localhost/van-ban/qd-40/" in body


def api(client, path="", host=PORTAL, **params):
    return client.get(f"/api/v1/articles/{path}", params, HTTP_HOST=host)


def test_api_lists_only_published_articles_of_the_host(client, news):
    response = api(client)
    assert response.status_code == 200
    data = response.json()
    titles = [item["title"] for item in data["items"]]
    assert titles == ["Tin chuyển đổi số", "Tin kinh tế cửa khẩu"]
    assert data["count"] == 2
    assert data["items"][0]["section"] == "Tin tức - Sự kiện"
    assert data["items"][0]["topics"] == ["Chuyển đổi số"]
    assert [i["title"] for i in api(client, host=DEPT).json()["items"]] == ["Tin của Sở Khoa học"]


def test_api_filters(client, news):
    def titles(**params):
        response = api(client, **params)
        assert response.status_code == 200, response.content
        return [i["title"] for i in response.json()["items"]]

    assert titles(featured="true") == ["Tin chuyển đổi số"]
    assert titles(topic=news["topic"].pk) == ["Tin chuyển đổi số"]
    assert titles(section=news["section"].pk) == ["Tin chuyển đổi số", "Tin kinh tế cửa khẩu"]
    assert titles(q="kinh te cua khau") == ["Tin kinh tế cửa khẩu"]
    assert titles(q="bí mật") == []
    from django.utils import timezone

    cut = (timezone.localdate() - dt.timedelta(days=10)).isoformat()
    assert titles(date_from=cut) == ["Tin chuyển đổi số"]
    assert titles(date_to=cut) == ["Tin kinh tế cửa khẩu"]
    assert api(client, date_from="hôm qua").status_code == 422
    assert api(client, page="abc").status_code in (400, 422)


def test_api_detail_and_404_for_draft_or_other_site(client, news):
    response = api(client, f"{news['a'].pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Tin chuyển đổi số" and "body_html" in data and "authors" in data
    assert api(client, f"{news['draft'].pk}").status_code == 404
    assert api(client, f"{news['other'].pk}").status_code == 404


def test_api_in_openapi_schema(client, portal):
    schema = client.get("/api/v1/openapi.json", HTTP_HOST=PORTAL).json()
    assert "/api/v1/articles/" in schema["paths"]
    assert "/api/v1/articles/{article_id}" in schema["paths"]


def test_api_list_query_count_does_not_grow(client, news):
    def count():
        with CaptureQueriesContext(connection) as q:
            assert api(client).status_code == 200
        return len(q)

    small = count()
    for i in range(15):
        make_article(news["section"], f"Tin thêm {i}", topics=[news["topic"]])
    assert count() <= small

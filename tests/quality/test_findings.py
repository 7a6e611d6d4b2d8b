"""Regression tests for what the quality gates found (run by `make test`, no browser, no server)."""

import pytest

PORTAL = "langson.localhost"


@pytest.mark.parametrize(
    "query",
    ['"abc', "gioi thieu¿'\"(", '"><ScRiPt>alert(1)</sCrIpT>', "/e\x00", "a*", "NEAR(a b)", "OR", "(", "\\"],
)
def test_search_never_fails_on_query_syntax(client, portal, query):
    """wapiti found HTTP 500 on /tim-kiem/?q=" (SQLite FTS5: unterminated string)."""
    response = client.get("/tim-kiem/", {"q": query}, HTTP_HOST=PORTAL)
    assert response.status_code == 200
    assert b"<ScRiPt>" not in response.content


def test_api_schema_documents_error_answers(client, db):
    """schemathesis found ?page_size=AAA answering 422, a status code the schema did not document."""
    schema = client.get("/api/v1/openapi.json").json()
    responses = schema["paths"]["/api/v1/sites/"]["get"]["responses"]
    assert set(responses) >= {"200", "422"}
    assert client.get("/api/v1/sites/", {"page_size": "AAA"}).status_code == 422


def test_robots_txt_names_the_sitemap_and_hides_the_admin(client, portal):
    response = client.get("/robots.txt", HTTP_HOST=PORTAL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: http://{PORTAL}/sitemap.xml" in text
    assert "Disallow: /quan-tri/" in text


def test_high_contrast_toggle_is_an_external_script_and_hidden_without_it(client, portal):
    html = client.get("/", HTTP_HOST=PORTAL).content.decode()
    assert 'src="/static/js/contrast.js" defer' in html
    assert 'class="contrast-toggle" aria-pressed="false" hidden' in html
    assert "<script>" not in html  # no inline script

"""A reader moves around the portal network in a real browser."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def host_url(live_server, hostname, path="/"):
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{hostname}:{port}{path}"


def test_reader_switches_edition_and_visits_a_component_site(page, live_server, portal, department):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Cổng thông tin điện tử tỉnh Lạng Sơn" in page.locator(".agency").text_content()
    assert page.get_by_role("link", name="Sở Khoa học và Công nghệ").count() == 1

    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.goto(host_url(live_server, "sokhcn.langson.localhost", "/tin-tuc/"))
    assert "Sở Khoa học và Công nghệ" in page.locator(".agency").text_content()
    assert page.locator(".breadcrumb").is_visible()
    assert page.locator("a.portal-link").get_attribute("href").startswith("http://langson.localhost")


def test_keyboard_user_reaches_skip_link_and_searches(page, live_server, portal):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.fill("#header-q", "lien he")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    assert page.get_by_role("heading", name="Tìm kiếm").count() == 1

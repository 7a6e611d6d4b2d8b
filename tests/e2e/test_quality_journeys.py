"""Reader journeys of the quality gates (issue 9): reading, searching without diacritics, switching
edition, keyboard use, high contrast and text resized to 200%."""

import pytest

from congtt.content.models import StandardPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


# Folded (diacritic-free) search is built by the content branch (page types get `search_folded`);
# until it is merged this journey is expected to fail, and it must pass as soon as it is.
FOLDED_SEARCH = hasattr(StandardPage, "search_folded")


@pytest.mark.xfail(not FOLDED_SEARCH, reason="folded search not merged yet (feature/content)", strict=True)
def test_reader_reads_a_section_and_searches_without_diacritics(page, live_server, portal):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Trình đơn chính").get_by_role(
        "link", name="Tin tức - Sự kiện"
    ).click()
    page.wait_for_url("**/tin-tuc/")
    assert page.get_by_role("heading", level=1).text_content().strip() == "Tin tức - Sự kiện"
    breadcrumb = page.get_by_role("navigation", name="Đường dẫn")
    assert breadcrumb.locator("[aria-current=page]").text_content() == "Tin tức - Sự kiện"

    # A citizen types without diacritics (no Vietnamese keyboard): "lien he" finds "Liên hệ".
    page.fill("#header-q", "lien he")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=lien+he")
    results = page.locator("ol.results")
    assert results.get_by_role("link", name="Liên hệ").count() == 1
    results.get_by_role("link", name="Liên hệ").click()
    page.wait_for_url("**/lien-he/")
    assert page.get_by_role("heading", level=1).text_content().strip() == "Liên hệ"


def test_reader_switches_edition_on_a_section_and_comes_back(page, live_server, portal):
    page.goto(live_server.url + "/tin-tuc/")
    editions = page.get_by_role("navigation", name="Ngôn ngữ")
    assert editions.get_by_role("link", name="English").get_attribute("lang") == "en"

    editions.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/news/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).text_content().strip() == "News and events"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="中文").click()
    page.wait_for_url("**/zh/news/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.get_by_role("heading", level=1).text_content().strip() == "新闻动态"

    page.locator('nav.editions a[hreflang="vi"]').click()
    page.wait_for_url("**/tin-tuc/")
    assert page.locator("html").get_attribute("lang") == "vi"


def test_keyboard_user_skips_to_content_with_visible_focus(page, live_server, portal):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Every link and button shows a focus ring when reached with the keyboard.
    page.goto(live_server.url + "/")
    for _ in range(4):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
        )
        assert outline[0] != "none" and outline[1] != "0px", outline


def test_high_contrast_toggle_is_remembered(page, live_server, portal):
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Tương phản cao")
    assert toggle.get_attribute("aria-pressed") == "false"
    background = page.evaluate("getComputedStyle(document.querySelector('.main-nav')).backgroundColor")

    toggle.click()
    assert "high-contrast" in page.locator("html").get_attribute("class")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.main-nav')).backgroundColor") != background
    )

    page.goto(live_server.url + "/tin-tuc/")  # the choice follows the reader to other pages
    assert "high-contrast" in page.locator("html").get_attribute("class")
    page.get_by_role("button", name="Tương phản cao").click()
    assert "high-contrast" not in page.locator("html").get_attribute("class")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/lien-he/", "/tim-kiem/?q=a"])
def test_text_resized_to_200_percent_keeps_everything_readable(browser, live_server, portal, width, path):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + path)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    # No horizontal scrolling at desktop width (WCAG 1.4.4 / 1.4.10), controls still on screen.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        "(() => { const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '.' + e.className).slice(0, 5); })()"
    )
    assert overflow <= 0, f"horizontal overflow of {overflow}px at 200% text: {wide}"
    assert page.locator("#header-q").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    context.close()

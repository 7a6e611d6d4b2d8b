"""Issue 3 "Bad input": a query parameter a public page does not understand is ignored and the reader is
told which (congtt.network.query_params), on every public HTML page that reads its query string.

Tracking parameters (utm_*, fbclid, gclid …) and the rating form's ``danh_gia`` are never mentioned.
Odd names and values (NUL, bidi marks, invalid UTF-8, combining floods, 10 kB) never fail and are shown
escaped.
"""

import html

import pytest
from django.http import QueryDict
from django.utils import translation
from django.utils.html import strip_tags

from congtt.network.query_params import ignored_params, ignored_params_notice
from tests.network.test_bad_input import HOST, LISTINGS, data  # noqa: F401  (data is a fixture)

pytestmark = pytest.mark.usefixtures("data")
NOTICE = "Bỏ qua bộ lọc không hỗ trợ"


def notice(case: str, params=None) -> str:
    """The notice in the page's edition (the case id ends with it: 'news-en')."""
    edition = case.rsplit("-", 1)[1]
    with translation.override(edition):
        text = ignored_params_notice(params or {"x": "1"}, ())
    return text if params else text.split(":")[0].split("：")[0]


# HTML pages only: a feed has no place for a notice (its items are the answer).
PAGES = {name: value for name, value in LISTINGS.items() if name != "rss"}
ODD_NAMES = [
    "%00",
    "a%00b",
    "%E2%80%AEevil",  # RIGHT-TO-LEFT OVERRIDE
    "%E2%80%8F%E2%80%8E",  # RTL / LTR marks
    "a" + "%CC%81" * 500,  # combining-mark flood
    "x" * 10_000,
    "%FF",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q%5B%5D",
]
ODD_VALUES = ["%00", "%E2%80%AE", "a" + "%CC%81" * 500, "y" * 10_000, "%FF", "%3Cb%3E"]


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _pages():
    for name, (paths, known) in ((n, v) for n, v in PAGES.items() if v is not None):
        for edition, path in paths.items():
            yield f"{name}-{edition}", path, known


PAGE_CASES = list(_pages())
PAGE_IDS = [case[0] for case in PAGE_CASES]


def _get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def _text(response) -> str:
    return html.unescape(strip_tags(response.content.decode()))


# --- the rule -------------------------------------------------------------------------------------------


def test_known_and_tracking_parameters_are_not_ignored():
    params = QueryDict(
        "page=2&q=a&utm_source=fb&UTM_Medium=x&fbclid=1&gclid=2&msclkid=3&zarsrc=30&danh_gia=da-gui"
    )
    assert ignored_params(params, ("page", "q")) == []
    assert ignored_params_notice(params, ("page", "q")) == ""


def test_unknown_parameters_are_named_sorted_and_once():
    params = QueryDict("zeta=1&alpha=2&alpha=3&page=1")
    assert ignored_params(params, ("page",)) == ["alpha", "zeta"]
    assert ignored_params_notice(params, ("page",)) == "Bỏ qua bộ lọc không hỗ trợ: alpha, zeta."


def test_many_unknown_parameters_are_counted_not_listed():
    params = QueryDict("&".join(f"p{i}=1" for i in range(12)))
    notice = ignored_params_notice(params, ())
    assert notice == "Bỏ qua bộ lọc không hỗ trợ: p0, p1, p10, p11, p2 và 7 tham số khác."


def test_odd_names_are_cleaned_and_bounded():
    params = {"\x00": "1", "": "1", "a\u202eb": "1", "x" * 10_000: "1", "e" + "\u0301" * 500: "1"}
    notice = ignored_params_notice(params, ())
    assert "\x00" not in notice and "\u202e" not in notice
    assert "(tên trống)" in notice
    assert "x" * 30 in notice and "x" * 31 not in notice
    assert "\u0301" * 4 not in notice
    assert len(notice) < 250


def test_a_tracking_prefix_must_be_a_prefix():
    assert ignored_params(QueryDict("xutm_source=1&utm=1"), ()) == ["utm", "xutm_source"]


# --- every public page ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "path", "known"), PAGE_CASES, ids=PAGE_IDS)
def test_unknown_parameter_is_named_on_the_page(client, case, path, known):
    response = _get(client, f"{path}?khong-co=1")
    assert response.status_code == 200, case
    assert notice(case, {"khong-co": "1"}) in _text(response), case


@pytest.mark.parametrize(("case", "path", "known"), PAGE_CASES, ids=PAGE_IDS)
def test_known_and_tracking_parameters_give_no_notice(client, case, path, known):
    query = "&".join(
        [*(f"{name}=1" for name in known), "utm_source=zalo", "utm_campaign=x", "fbclid=a", "gclid=b"]
    )
    for url in (path, f"{path}?{query}", f"{path}?utm_source=facebook"):
        response = _get(client, url)
        assert response.status_code == 200, url
        assert notice(case) not in _text(response), url


@pytest.mark.parametrize(("case", "path", "known"), PAGE_CASES, ids=PAGE_IDS)
def test_odd_unicode_in_unknown_names_and_values_is_escaped(client, case, path, known):
    for name in ODD_NAMES:
        for value in ODD_VALUES:
            url = f"{path}?{name}={value}"
            response = _get(client, url)
            assert response.status_code == 200, url[:120]
            body = response.content.decode()
            assert notice(case) in html.unescape(body), url[:120]
            assert "<script>alert(1)</script>" not in body
    body = _get(client, f"{path}?%3Cscript%3Ealert(1)%3C%2Fscript%3E=1").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_forum_topic_page_names_unknown_parameters(client, portal):
    from congtt.citizen.models import Topic

    topic = Topic.objects.create(site=portal.site, title="Chủ đề thử", published=True)
    url = f"/dien-dan/{topic.pk}/"
    assert f"{NOTICE}: khong-co." in _text(_get(client, f"{url}?khong-co=1"))
    assert NOTICE not in _text(_get(client, f"{url}?page=1&utm_source=x"))


def test_hotlines_page_reads_no_parameter(client):
    assert f"{NOTICE}: page." in _text(_get(client, "/lich-cong-tac/duong-day-nong/?page=2"))
    assert NOTICE not in _text(_get(client, "/lich-cong-tac/duong-day-nong/?utm_source=x"))

"""Cold-render SQL budgets of the shared layout (issue 8, item 3): at most 15 queries,
independent of the number of component sites and of menu items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from congtt.content.models import StandardPage
from congtt.network.services import SiteRequest, create_site

pytestmark = pytest.mark.django_db

DEPT = "sokhcn.langson.localhost"
PORTAL = "langson.localhost"
BUDGET = 15
PATHS = [
    (PORTAL, "/"),  # provincial home: lists every component site
    (DEPT, "/"),
    (DEPT, "/tin-tuc/"),  # section page (listing)
    (DEPT, "/tin-tuc/?page=2"),
    (DEPT, "/lien-he/"),  # standard page
    (DEPT, "/en/news/"),
    (PORTAL, "/zh/contact/"),
]


@pytest.fixture(autouse=True)
def cold(settings):
    settings.PAGECACHE_SECONDS = 0  # measure the render itself, not the page cache


def add_sites(kinds, portal, n, start=0):
    for i in range(start, start + n):
        create_site(
            SiteRequest(
                agency_name=f"Xã Thử Nghiệm {i}",
                kind=kinds["commune"],
                parent=portal,
                hostname=f"xathu{i}.langson.localhost",
            ),
            port=80,
        )


FULLY_COLD_BUDGET = 18  # empty Django cache too (after a Redis restart): a one-off per site


def count(client, host, path, fully_cold=False):
    from django.core.cache import cache

    cache.clear()  # (local-memory cache culls entries at random past 300 keys: start clean)
    if not fully_cold:  # shared caches warmed by another page of the same site and edition (the usual miss)
        other = "/lien-he/" if not path.startswith(("/en/", "/zh/")) else path[:4] + "contact/"
        assert client.get(other, HTTP_HOST=host).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return len(ctx.captured_queries)


def add_menu_items(home, n):
    for i in range(n):
        home.add_child(
            instance=StandardPage(title=f"Mục {i}", slug=f"muc-{i}", show_in_menus=True, body="<p>x</p>")
        )


def add_news(profile, n, start=0):
    news = Page.objects.get(slug="tin-tuc", path__startswith=profile.site.root_page.path).specific
    for i in range(start, start + n):
        news.add_child(instance=StandardPage(title=f"Tin {i}", slug=f"tin-{i}", body="<p>x</p>"))


@pytest.mark.parametrize("host, path", PATHS)
def test_cold_render_within_budget(client, portal, department, host, path, django_assert_max_num_queries):
    add_news(department, 3)
    count(client, host, "/")  # warm the shared caches
    with django_assert_max_num_queries(BUDGET):
        assert client.get(path, HTTP_HOST=host).status_code == 200


def test_queries_do_not_grow_with_sites_menu_items_or_news(client, kinds, portal, department):
    add_news(department, 3)
    add_sites(kinds, portal, 3)
    small = {p: (count(client, *p), count(client, *p, fully_cold=True)) for p in PATHS}
    add_sites(kinds, portal, 27, start=3)
    add_menu_items(department.site.root_page, 12)
    add_news(department, 25, start=3)
    large = {p: (count(client, *p), count(client, *p, fully_cold=True)) for p in PATHS}
    print("\nSQL queries, page-cache miss (fully cold): 3 sites -> 30 sites, +12 menu items, +25 news")
    for p in PATHS:
        print(f"  {p[0]}{p[1]}: {small[p][0]} ({small[p][1]}) -> {large[p][0]} ({large[p][1]})")
    assert large == small
    assert max(warm for warm, _cold in large.values()) <= BUDGET
    assert max(cold for _warm, cold in large.values()) <= FULLY_COLD_BUDGET


def _menu_queries(ctx):
    return [q["sql"] for q in ctx.captured_queries if '"wagtailcore_page"."show_in_menus")' in q["sql"]]


def test_menu_is_cached_from_the_first_request_with_the_page_cache_off(client, department):
    """site_versions() creates missing version keys, so the menu (keyed on them) is cached even
    when the page cache never ran: two renders in a row from an empty cache, the second fewer."""
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert client.get("/lien-he/", HTTP_HOST=DEPT).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get("/lien-he/", HTTP_HOST=DEPT).status_code == 200
    assert _menu_queries(first) and not _menu_queries(second)
    assert len(second.captured_queries) < len(first.captured_queries)

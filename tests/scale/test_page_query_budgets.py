"""Cold-render SQL queries of every public page type (issue 3 "Speed"): the count does not grow
with five times the items and more sites, and the issue-8 pages stay within 15 queries.

Shared per-site caches are warmed by another page of the same site first (the usual cache miss),
as in ``tests/pagecache/test_query_budgets.py``.
"""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congtt.content.models import ArticlePage, TopicPage
from congtt.directory.models import Official, ScheduleEntry, Unit
from congtt.disclosures.models import DisclosurePage
from congtt.network.services import portal_profile
from congtt.scale.seed import Counts, seed
from tests.bench.pages import public_pages

pytestmark = pytest.mark.django_db

BUDGET = 15
BUDGETED = ("home (portal)", "home (component site)", "section", "article", "legal list", "procedure")


@pytest.fixture(autouse=True)
def cold(settings):
    settings.PAGECACHE_SECONDS = 0  # the render itself, not the page cache
    settings.COUNTERS_FLUSH_SECONDS = 0  # buffered counters flush on their own schedule, not in a render
    cache.clear()
    yield
    cache.clear()  # the demo's site root paths must not outlive its database (next test, same process)


def count(client, host, path):
    cache.clear()
    other = "/en/contact/" if path.startswith("/en/") else "/lien-he/"
    assert client.get(other, HTTP_HOST=host).status_code == 200  # the site's shared caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return len(ctx.captured_queries)


def add_records(n, start):
    """``n`` more officials, schedule entries, topic articles and disclosures on the portal."""
    site = portal_profile().site
    unit = Unit.objects.filter(site=site).first()
    Official.objects.bulk_create(
        Official(
            site=site,
            unit=unit,
            name=f"Nguyễn Văn Thử {i}",
            name_folded=f"nguyen van thu {i}",
            published=True,
        )
        for i in range(start, start + n)
    )
    leader = Official.objects.filter(site=site, is_leader=True).first()
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    ScheduleEntry.objects.bulk_create(
        ScheduleEntry(
            site=site,
            date=monday + dt.timedelta(days=i % 5),
            start_time=dt.time(8 + i % 9),
            content=f"Họp {i}",
            leader=leader,
        )
        for i in range(start, start + n)
    )
    topic = TopicPage.objects.live().public().order_by("-pk").first()  # the one public_pages measures
    for article in ArticlePage.objects.filter(path__startswith=site.root_page.path).exclude(topics=topic)[:n]:
        article.topics.add(topic)
        article.save(update_fields=[])
    source = DisclosurePage.objects.filter(path__startswith=site.root_page.path).live().first()
    index = source.get_parent()
    for i in range(start, start + n):
        index.add_child(
            instance=DisclosurePage(
                title=f"Công khai thử {i}",
                slug=f"cong-khai-thu-{i}",
                kind=source.kind,
                year=source.year,
                details=source.details.get_prep_value(),
            )
        )


def test_every_page_type_flat_with_more_items_and_sites(client):
    call_command("load_demo", stdout=io.StringIO())
    seed(Counts(sites=2, articles=40, legal=30, procedures=8, questions=10), out=io.StringIO(), batch=50)
    add_records(4, 0)
    pages = public_pages(1)
    assert len(pages) == 19 and all(pages.values()), pages  # an item of every page type
    measured = {name: urls[0] for name, urls in pages.items()}
    for url in measured.values():  # per-process caches, as on a running server
        assert client.get(url[1], HTTP_HOST=url[0]).status_code == 200
    small = {name: count(client, *url) for name, url in measured.items()}
    seed(Counts(sites=5, articles=200, legal=150, procedures=40, questions=50), out=io.StringIO(), batch=50)
    add_records(20, 4)
    large = {name: count(client, *url) for name, url in measured.items()}
    print("\ncold-render queries (small → 5× data):", {name: (small[name], large[name]) for name in measured})
    grew = {name: (small[name], large[name]) for name in measured if large[name] > small[name]}
    assert not grew, grew
    over = {name: large[name] for name in measured if name.startswith(BUDGETED) and large[name] > BUDGET}
    assert not over, over

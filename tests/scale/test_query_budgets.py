"""Cold-render SQL budgets with scale data (issue 8, item 3): article, legal listing with two
filters, procedure page — at most 15 queries, and not more with five times the data."""

import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congtt.content.models import ArticlePage
from congtt.procedures.models import Procedure
from congtt.scale.seed import Counts, seed

pytestmark = pytest.mark.django_db

PORTAL = "langson.localhost"
BUDGET = 15


@pytest.fixture(autouse=True)
def cold(settings):
    settings.PAGECACHE_SECONDS = 0  # the render itself, not the page cache
    settings.COUNTERS_FLUSH_SECONDS = 0  # buffered counters flush on their own schedule, not in a render


def paths():
    article = ArticlePage.objects.filter(url_path__startswith="/").order_by("-pk").first()
    site_id, root, article_path = article.get_url_parts()
    procedure = Procedure.objects.filter(site__hostname=PORTAL, live=True).order_by("-pk").first()
    return [
        (root.split("://", 1)[1].split(":")[0], article_path),
        (PORTAL, "/van-ban/?form=quyet-dinh&year=2024"),
        (PORTAL, "/van-ban/?field=y-te&status=in_force"),
        (PORTAL, procedure.get_url().split(PORTAL, 1)[-1]),
    ]


def count(client, host, path):
    cache.clear()
    assert client.get("/lien-he/", HTTP_HOST=host).status_code == 200  # the site's shared caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return len(ctx.captured_queries)


def test_cold_renders_within_budget_and_flat(portal, client):
    seed(Counts(sites=2, articles=40, legal=30, procedures=8, questions=10), out=io.StringIO(), batch=50)
    measured = paths()
    small = {p: count(client, *p) for p in measured}
    assert all(n <= BUDGET for n in small.values()), small
    seed(Counts(sites=2, articles=200, legal=150, procedures=40, questions=10), out=io.StringIO(), batch=50)
    large = {p: count(client, *p) for p in measured}
    print("\ncold-render queries (small → 5× data):", {p[1]: (small.get(p), n) for p, n in large.items()})
    assert all(n <= BUDGET for n in large.values()), large
    assert all(large[p] <= small[p] for p in measured), (small, large)

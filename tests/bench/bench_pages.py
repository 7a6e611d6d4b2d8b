"""Benchmark: cold renders of every public page type at scale (issue 3 "Speed"; not run by `make test`).

Loads the demo province, then seeds with ``congtt.scale.seed.seed``: by default 50 sites,
100,000 articles and 20,000 legal documents (BENCH_SITES, BENCH_ARTICLES, BENCH_LEGAL,
BENCH_PROCEDURES, BENCH_QUESTIONS), and prints per page type the median and p95 server time
and the SQL queries of cold renders (page cache off; the caches every page of a site shares warmed
once per site and edition, as on a running server: see ``tests/bench/measure.py``) over up to
BENCH_RENDERS (20) distinct items.

    BENCH_SITES=5 BENCH_ARTICLES=5000 BENCH_LEGAL=1000 CONGTT_TESTING=1 \
        .venv/bin/python -m pytest tests/bench/bench_pages.py -m bench -s -p no:warnings

On PostgreSQL add DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>. With
BENCH_EXISTING_DB=1 it measures the database DATABASE_URL names as it is (demo and
``seed_scale`` already loaded, as `make bench` does) instead of a fresh test database.
"""

import io
import os

import pytest
from django.core.management import call_command

from congtt.scale.seed import Counts, seed
from tests.bench.measure import measure
from tests.bench.pages import public_pages

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

EXISTING_DB = os.environ.get("BENCH_EXISTING_DB") == "1"
RENDERS = int(os.environ.get("BENCH_RENDERS", "20"))
COUNTS = Counts(
    sites=int(os.environ.get("BENCH_SITES", "50")),
    articles=int(os.environ.get("BENCH_ARTICLES", "100000")),
    legal=int(os.environ.get("BENCH_LEGAL", "20000")),
    procedures=int(os.environ.get("BENCH_PROCEDURES", "2000")),
    questions=int(os.environ.get("BENCH_QUESTIONS", "5000")),
)

if EXISTING_DB:

    @pytest.fixture(scope="session")
    def django_db_setup():
        """Use the seeded database as configured (DATABASE_URL), not a fresh test database."""


@pytest.fixture(autouse=True)
def cold(settings):
    settings.PAGECACHE_SECONDS = 0  # the render itself, not the page cache
    settings.COUNTERS_FLUSH_SECONDS = 0  # buffered counters flush on their own schedule, not in a render
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # no random culls past 300 keys,
        settings.CACHES = {
            **settings.CACHES,
            "default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 100000}},
        }  # like Redis


def test_bench_pages(client):
    from django.db import connection

    if not EXISTING_DB:
        call_command("load_demo", stdout=io.StringIO())
        seed(COUNTS, out=io.StringIO())
    pages = public_pages(RENDERS)
    client.get("/", HTTP_HOST=pages["home (portal)"][0][0])  # per-process caches, as on a running server
    print(
        f"\ncold renders ({connection.vendor}; {COUNTS if not EXISTING_DB else 'existing database'}; "
        f"up to {RENDERS} distinct items, page not cached, site caches warm)"
    )
    results = {}
    for name, urls in pages.items():
        if not urls:
            print(f"{name:26s} no item")
            continue
        median, p95, max_q, min_q = results[name] = measure(client, None, (urls * RENDERS)[:RENDERS])
        print(
            f"{name:26s} median {median:7.1f} ms   p95 {p95:7.1f} ms   queries {min_q}–{max_q}"
            f"   ({len(urls)} distinct)"
        )
    assert results

"""Shared by the benchmarks: timing and counting cold renders, and the URLs of every public page type.

A cold render is a page the full-page cache does not hold (not rendered yet, or invalidated),
served by a process that is already running: the caches shared by every page of a site and
edition (site roots, site profile, menu, filter choices) are warm, as on a real server. So
``measure`` first warms each (host, edition) once with a page it does not measure, then before
each measured request drops only that page's own page-cache entry.
"""

import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import get_language_from_path
from wagtail.models import Site

from congtt.pagecache import rules, store


def percentile(sorted_times, fraction):
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * fraction))]


def _edition(path):
    language = get_language_from_path(path)
    return language if language and path.startswith(f"/{language}/") else None


def warm_path(path):
    """The page that warms the shared caches of ``path``'s site and edition: its contact page."""
    language = _edition(path)
    return f"/{language}/contact/" if language else "/lien-he/"


def forget_page(host, path):
    """Drop the page-cache entry of ``path`` on ``host`` (the key the middleware would use)."""
    if store.timeout() <= 0:
        return  # nothing is stored
    parts = urlsplit(path)
    site = Site.find_for_request(RequestFactory().get(parts.path, HTTP_HOST=host))
    if site is None:
        return
    language = (_edition(parts.path) or settings.LANGUAGE_CODE).split("-")[0]
    query = rules.query_string(QueryDict(parts.query).lists())
    store.get_cache().delete(rules.cache_key(site.pk, language, parts.path, query))


def warm(client, urls):
    """One request per (host, edition) of ``urls`` to a page not measured (the edition home if the
    contact page does not answer 200)."""
    for item_host, path in {(h, warm_path(p)) for h, p in urls}:
        if client.get(path, HTTP_HOST=item_host).status_code != 200:
            client.get(path.rsplit("/", 2)[0] + "/" if path.count("/") > 2 else "/", HTTP_HOST=item_host)


def measure(client, host, paths, cold=True):
    """(median ms, p95 ms, max queries, min queries) of GET ``paths`` on ``host``.

    ``cold``: each page's own page-cache entry is dropped before its request, after one warm-up
    request per (host, edition) (see the module docstring); otherwise nothing is dropped.
    ``paths`` are (path) strings, or (host, path) pairs overriding ``host``.
    """
    urls = [item if isinstance(item, tuple) else (host, item) for item in paths]
    if cold:
        warm(client, urls)
    times, queries = [], []
    for item_host, path in urls:
        if cold:
            forget_page(item_host, path)
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path, HTTP_HOST=item_host)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (item_host, path, response.status_code)
        queries.append(len(ctx.captured_queries))
    times.sort()
    return statistics.median(times), percentile(times, 0.95), max(queries), min(queries)

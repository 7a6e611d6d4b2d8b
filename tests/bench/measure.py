"""Shared by the benchmarks: timing and counting cold renders, and the URLs of every public page type.

A cold render is a page the full-page cache does not hold (not rendered yet, or invalidated),
served by a process that is already running: the caches shared by every page of a site and
edition (site roots, site profile, menu, filter choices) are warm, as on a real server. So
``measure`` first warms each (host, edition) once with a page it does not measure, then makes
each measured request with the page cache out of play (``PAGECACHE_SECONDS = 0``: neither read
nor stored), which leaves those shared caches in place.
"""

import statistics
import time
from contextlib import nullcontext

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.translation import get_language_from_path


def percentile(sorted_times, fraction):
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * fraction))]


def warm_path(path):
    """The page that warms the shared caches of ``path``'s site and edition: its contact page."""
    language = get_language_from_path(path)
    return f"/{language}/contact/" if language and path.startswith(f"/{language}/") else "/lien-he/"


def warm(client, urls):
    """One request per (host, edition) of ``urls`` to a page not measured (the edition home if the
    contact page does not answer 200)."""
    for item_host, path in {(h, warm_path(p)) for h, p in urls}:
        if client.get(path, HTTP_HOST=item_host).status_code != 200:
            client.get(
                path.removesuffix("contact/") if path.endswith("/contact/") else "/", HTTP_HOST=item_host
            )


def measure(client, host, paths, cold=True):
    """(median ms, p95 ms, max queries, min queries) of GET ``paths`` on ``host``.

    ``cold``: after one warm-up request per (host, edition), each request renders with the page
    cache off (see the module docstring); otherwise the page cache answers as configured.
    ``paths`` are (path) strings, or (host, path) pairs overriding ``host``.
    """
    urls = [item if isinstance(item, tuple) else (host, item) for item in paths]
    if cold:
        warm(client, urls)
    times, queries = [], []
    for item_host, path in urls:
        with (
            override_settings(PAGECACHE_SECONDS=0) if cold else nullcontext(),
            CaptureQueriesContext(connection) as ctx,
        ):
            start = time.perf_counter()
            response = client.get(path, HTTP_HOST=item_host)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (item_host, path, response.status_code)
        queries.append(len(ctx.captured_queries))
    times.sort()
    return statistics.median(times), percentile(times, 0.95), max(queries), min(queries)

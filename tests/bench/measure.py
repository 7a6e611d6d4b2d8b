"""Shared by the benchmarks: timing and counting cold renders, and the URLs of every public page type."""

import statistics
import time

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def percentile(sorted_times, fraction):
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * fraction))]


def measure(client, host, paths, cold=True):
    """(median ms, p95 ms, max queries, min queries) of GET ``paths`` on ``host``.

    ``cold``: the Django cache is cleared before each request. ``paths`` are (path) strings, or
    (host, path) pairs overriding ``host``.
    """
    times, queries = [], []
    for item in paths:
        item_host, path = item if isinstance(item, tuple) else (host, item)
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path, HTTP_HOST=item_host)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (item_host, path, response.status_code)
        queries.append(len(ctx.captured_queries))
    times.sort()
    return statistics.median(times), percentile(times, 0.95), max(queries), min(queries)

"""Counts public page views in the cache (PUB-8). Put it BEFORE the full-page cache middleware.

Middleware listed earlier wraps the ones listed later, so placed before the page cache this
one sees every response, cache hits included. It never queries or writes the database.
``count_view`` is the same counting for callers outside the middleware stack (the page
cache's WSGI fast path).
"""

import logging

from . import stats

logger = logging.getLogger(__name__)


def count_view(request, response) -> None:
    """Count ``response`` to ``request`` if it is a public page view; never raises."""
    try:
        if stats.is_countable(request, response):
            stats.record_hit(
                stats.request_host(request),
                request.path,
                stats.client_ip(request),
                request.headers.get("User-Agent", ""),
            )
    except Exception:  # noqa: BLE001 - statistics must never break page serving
        logger.exception("access statistics: counting failed")


class AccessStatsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        count_view(request, response)
        return response

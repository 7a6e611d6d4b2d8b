"""Counts public page views in the cache (PUB-8). Put it BEFORE the full-page cache middleware.

Middleware listed earlier wraps the ones listed later, so placed before the page cache this
one sees every response, cache hits included. It never queries or writes the database.
"""

from . import stats


class AccessStatsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if stats.is_countable(request, response):
                stats.record_hit(
                    stats.request_host(request),
                    request.path,
                    stats.client_ip(request),
                    request.headers.get("User-Agent", ""),
                )
        except Exception:  # noqa: BLE001 - statistics must never break page serving
            import logging

            logging.getLogger(__name__).exception("access statistics: counting failed")
        return response

"""Fast path: answer page-cache hits before Django's handler and middleware stack run.

``congtt/wsgi.py`` wraps Django's WSGI application in ``PageCacheFastPath``, ``congtt/asgi.py``
Django's ASGI application in ``PageCacheASGIFastPath``; both build a Django request from what
the server gave (environ or scope) and ask ``HitPath.answer`` for it. For a GET/HEAD that
the page cache may serve (``middleware.is_anonymous``: the same rule as the middleware) it builds
the request, computes the same key (``middleware.find_hit``: site by Host, edition, path, sorted
query) and, on a hit, sends what the Django path would have sent for that hit:

* the stored status, headers (CSP, X-Frame-Options, Vary, Cache-Control, Content-Language … as
  they left Django when the page was stored) and bytes, plus ``Age`` and ``X-Cache: HIT``;
* the headers Django's ``SecurityMiddleware`` adds outside the page cache (nosniff,
  Referrer-Policy, HSTS on HTTPS), by calling that middleware;
* the side effects of a hit: the view counters the render noted (``counters.replay``, in
  ``find_hit``) and the access statistics (``reports.middleware.count_view``), both buffered in
  the cache.

Anything else falls through to Django unchanged: a miss, a host this process has not resolved
yet (resolving costs a query, so the Django path does it and remembers it), a request carrying
the session cookie even empty (Django would answer it with a Set-Cookie that deletes it), a
request ``SecurityMiddleware`` would redirect, a disallowed Host.

The path is only switched on when the middleware in front of ``PageCacheFetchMiddleware`` is
exactly the set whose behaviour on a hit is reproduced here (``HIT_PATH_MIDDLEWARE``) and
``LocaleMiddleware`` takes the edition from the path (``i18n_patterns`` with the Vietnamese
edition unprefixed); another setting would make the two paths differ, so then every request
goes to Django.
"""

import contextvars
import io
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.security import SecurityMiddleware
from django.utils.translation import get_language_from_path

from . import middleware

FETCH = "congtt.pagecache.middleware.PageCacheFetchMiddleware"
# What runs around PageCacheFetchMiddleware on a hit, and what each does to a hit there:
HIT_PATH_MIDDLEWARE = frozenset(
    {
        "django.middleware.security.SecurityMiddleware",  # redirects to HTTPS, adds headers: called here
        "whitenoise.middleware.WhiteNoiseMiddleware",  # static files only (excluded paths)
        "congtt.pagecache.middleware.PageCacheUpdateMiddleware",  # X-Cache: HIT; stored headers as sent
        "congtt.reports.middleware.AccessStatsMiddleware",  # count_view: called here
        "django.contrib.sessions.middleware.SessionMiddleware",  # nothing without a session cookie
        "django.middleware.locale.LocaleMiddleware",  # the edition from the path (language_of)
        "django.middleware.common.CommonMiddleware",  # nothing for a 200 with Content-Length
        "django.middleware.csrf.CsrfViewMiddleware",  # nothing: no view runs, no cookie to rotate
        "django.contrib.auth.middleware.AuthenticationMiddleware",  # lazy user, never read
    }
)
STATS = "congtt.reports.middleware.AccessStatsMiddleware"


def hit_path_supported() -> bool:
    """True when the settings give a hit the shape this module reproduces."""
    from django.conf.urls.i18n import is_language_prefix_patterns_used

    names = list(settings.MIDDLEWARE)
    if FETCH not in names or not set(names[: names.index(FETCH)]) <= HIT_PATH_MIDDLEWARE:
        return False
    if settings.PREPEND_WWW or settings.DISALLOWED_USER_AGENTS:  # CommonMiddleware.process_request
        return False
    used, prefixed_default = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    return used and not prefixed_default


def language_of(request) -> str:
    """The edition LocaleMiddleware activates: the path prefix, else the default language."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


class Hit(NamedTuple):
    """What to send for a cache hit, server-neutral: status, headers (str pairs) and bytes."""

    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


class HitPath:
    """The hit logic both wrappers share: a Django request in, a ``Hit`` or None out."""

    def __init__(self):
        self._enabled = None  # decided on the first request: the URLconf is imported then
        self._security = SecurityMiddleware(lambda request: None)
        self._counts_views = False

    def enabled(self) -> bool:
        if self._enabled is None:
            self._enabled = hit_path_supported()
            names = list(settings.MIDDLEWARE)
            self._counts_views = STATS in names and names.index(STATS) < names.index(FETCH)
        return self._enabled

    def answer(self, request) -> Hit | None:
        """The hit to send for ``request`` (a GET/HEAD), or None to let Django answer.

        Cache operations only (the lookup, ``counters.replay``, ``count_view``), never the
        database: the ASGI wrapper calls it on the event loop.
        """
        response = self.response(request)
        if response is None:
            return None
        return Hit(response.status_code, response.reason_phrase, list(response.items()), response.content)

    def response(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        try:
            if self._security.process_request(request) is not None:  # HTTPS redirect
                return None
            response = middleware.find_hit(request, language_of(request), resolve_site=False)
        except DisallowedHost:
            return None
        if response is None:
            return None
        response.headers["X-Cache"] = "HIT"
        if self._counts_views:
            from congtt.reports.middleware import count_view

            count_view(request, response)
        return self._security.process_response(request, response)


class PageCacheFastPath:
    """WSGI middleware around Django's application (see the module docstring)."""

    def __init__(self, application):
        self.application = application
        self.hits = HitPath()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and self.hits.enabled():
            # WSGIRequest writes the decoded path back into the environ it is given (META is the
            # environ): give it a copy, so that Django's handler still reads the WSGI (latin-1)
            # strings on a miss.
            hit = self.hits.answer(WSGIRequest(dict(environ)))
            if hit is not None:
                start_response(f"{hit.status} {hit.reason}", hit.headers)
                return [hit.body]
        return self.application(environ, start_response)


class PageCacheASGIFastPath:
    """ASGI application around Django's: hits answered on the event loop, the rest to Django.

    The lookup is a synchronous cache call (one Redis round trip, plus the counters' few) made
    directly on the loop: cheaper than a hop to a thread, and it never touches the database.
    It runs in one context of its own: Django's cache objects live in a context-local store, so
    in each request's fresh context ``caches[alias]`` would build a new cache object, and with
    Redis a new connection pool, that is one new connection per hit.
    """

    def __init__(self, application):
        self.application = application
        self.hits = HitPath()
        self._context = contextvars.Context()  # entered only by the loop's thread, never re-entered

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and self.hits.enabled():
            hit = self._context.run(self.hits.answer, ASGIRequest(scope, io.BytesIO()))
            if hit is not None:
                headers = [(name.encode("ascii"), value.encode("latin-1")) for name, value in hit.headers]
                await send({"type": "http.response.start", "status": hit.status, "headers": headers})
                await send({"type": "http.response.body", "body": hit.body})
                return
        await self.application(scope, receive, send)

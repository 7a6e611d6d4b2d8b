"""Full-page cache middleware pair (like Django's Fetch/UpdateCacheMiddleware).

``PageCacheUpdateMiddleware`` sits near the top of MIDDLEWARE (just after
SecurityMiddleware and WhiteNoise) so that its response phase runs LAST and
sees the response exactly as it leaves Django: the Set-Cookie headers added by
SessionMiddleware and CsrfViewMiddleware, the Vary headers added by
LocaleMiddleware/SessionMiddleware. A response that sets any cookie (for
example because a form on it used a CSRF token) is therefore never stored.

``PageCacheFetchMiddleware`` sits after LocaleMiddleware (the key uses the
edition language activated from the path) and after AuthenticationMiddleware
(everything before it is lazy: with no session cookie nothing reads the session
store or the user, so a hit costs no database query); it answers a hit before
the view, messages and the Wagtail redirect middleware run.

Counters: a render that counts a hit (an article view, a procedure view) notes it on the request
(``congtt.ops.counters.count(name, pk, request)``); the stored entry keeps those (counter name, pk)
pairs and every GET served from the entry counts them again, so a cached page is counted like a
rendered one. The page cache knows only counter names, never the apps behind them.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail.models import Site

from congtt.ops import counters

from . import rules, siteroots, store

_MEMO_LIMIT = 2000
_site_memo: dict = {}  # (host, port) -> (site_id, global version when resolved)


def _excluded_prefixes():
    admin = f"/{settings.ADMIN_PATH.strip('/')}/"
    return (admin, *rules.BUILTIN_EXCLUDES, *getattr(settings, "PAGECACHE_EXCLUDE", ()))


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _drop_vary(response, names) -> None:
    """Remove ``names`` (lower case) from the response's Vary header."""
    vary = response.headers.get("Vary")
    if vary:
        kept = [
            h.strip() for h in rules.cc_delim_re.split(vary) if h.strip() and h.strip().lower() not in names
        ]
        if kept:
            response.headers["Vary"] = ", ".join(kept)
        else:
            del response.headers["Vary"]


def _resolve_site_id(request):
    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def is_anonymous(request) -> bool:
    """The request may be answered from, or stored in, the shared cache: GET/HEAD with no state.

    The one rule both the middleware and the WSGI fast path (``fastpath.py``) apply.
    """
    if store.timeout() <= 0 or request.method not in rules.CACHEABLE_METHODS:
        return False
    if rules.request_has_state(request.COOKIES, settings.SESSION_COOKIE_NAME, request.headers):
        return False
    return not rules.is_excluded_path(request.path_info, _excluded_prefixes(), _languages())


def find_hit(request, language: str, resolve_site: bool = True):
    """The response for a cache hit, or None; notes the key and versions on the request either way.

    ``language`` is the edition activated for the request. Without ``resolve_site`` a host not
    resolved yet by this process is not looked up in the database (None, nothing noted).
    """
    if not is_anonymous(request):
        return None
    host = (request.get_host(), request.get_port())
    language = (language or settings.LANGUAGE_CODE).split("-")[0]
    query = rules.query_string(request.GET.lists())
    memo = _site_memo.get(host)
    if memo is None and not resolve_site:
        return None
    site_id = memo[0] if memo else _resolve_site_id(request)
    if site_id is None:
        return None
    key = rules.cache_key(site_id, language, request.path, query)
    global_v, site_v, entry = store.read_versions(site_id, key)
    if memo and memo[1] != global_v:  # sites changed since we resolved this host
        if not resolve_site:
            return None
        site_id = _resolve_site_id(request)
        if site_id is None:
            return None
        key = rules.cache_key(site_id, language, request.path, query)
        global_v, site_v, entry = store.read_versions(site_id, key)
    if not memo or memo[1] != global_v:
        if len(_site_memo) > _MEMO_LIMIT:
            _site_memo.clear()
        _site_memo[host] = (site_id, global_v)
    request._pagecache = {"key": key, "versions": (global_v, site_v), "hit": False}
    if (
        entry
        and entry["versions"] == (global_v, site_v)
        and entry["vary"] == rules.varying_request_values(list(entry["vary"]), request.headers)
    ):
        request._pagecache["hit"] = True
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
        if request.method == "GET":  # HEAD is not a view
            counters.replay(entry.get("counts", ()))
        return response
    return None


class PageCacheFetchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.lookup(request)
        if response is not None:
            return response
        siteroots.ensure_site_root_paths(request)
        return self.get_response(request)

    def lookup(self, request):
        return find_hit(request, get_language())


class PageCacheUpdateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        info = getattr(request, "_pagecache", None)
        if info is None:
            return response
        _drop_vary(response, {"accept-language"})
        if info["hit"]:
            _drop_vary(response, rules.SHARED_VARY_DROPPED)
            response.headers["X-Cache"] = "HIT"
            return response
        response.headers["X-Cache"] = "MISS"
        if request.method != "GET" or getattr(request, "is_preview", False):
            return response
        streaming = getattr(response, "streaming", False)
        refusal = rules.response_refusal(
            response.status_code,
            response.headers.get("Content-Type", ""),
            response.headers,
            bool(response.cookies),
            streaming,
        )
        if refusal:
            return response
        _drop_vary(response, rules.SHARED_VARY_DROPPED)
        vary = rules.vary_headers(response.headers.get("Vary"))
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in {"set-cookie", "x-cache", "age"}
        ]
        store.store(
            info["key"],
            {
                "versions": info["versions"],
                "stored_at": time.time(),
                "status": response.status_code,
                "headers": headers,
                "content": response.content,
                "vary": rules.varying_request_values(vary, request.headers),
                "counts": counters.noted(request),
            },
        )
        return response

"""Which requests and responses the page cache may serve or keep (plain functions, no I/O).

The rules are deliberately conservative: when in doubt the page is rendered.
"""

import hashlib
from urllib.parse import urlencode

from django.utils.cache import cc_delim_re

# Paths never cached, whatever the response: the admin, the API, health checks,
# site search (results change with every record and the query space is unbounded).
# The admin prefix is added from settings.ADMIN_PATH; PAGECACHE_EXCLUDE adds more.
BUILTIN_EXCLUDES = ("/api/", "/healthz", "/tim-kiem/", "/static/", "/media/", "/tai-lieu/", "/django-admin/")

# Vary headers that do not split the cache: the language comes from the path
# (``/``, ``/en/``, ``/zh/``), not from Accept-Language; and only requests that
# carry no session or message cookie are ever served or stored, so every
# cached variant is the "no cookie" variant.
IGNORED_VARY = frozenset({"accept-language", "cookie"})

# Vary headers removed from a response the page cache stores or serves: that response is the one
# shared copy every stateless visitor gets, whatever cookies they carry (a CSRF cookie, say), so it
# must not tell nginx's proxy cache to keep one copy per Cookie value: nginx would then store a
# variant per cookie and a PURGE on publish (sent without cookies) would refresh only one of them.
SHARED_VARY_DROPPED = IGNORED_VARY

# Cookies that mean "this visitor has state": never serve them a shared copy.
STATE_COOKIES = ("messages",)

CACHEABLE_METHODS = ("GET", "HEAD")


def strip_language_prefix(path: str, languages) -> str:
    """``/en/tin-tuc/`` → ``/tin-tuc/`` for the configured language codes."""
    for code in languages:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def is_excluded_path(path: str, prefixes, languages=()) -> bool:
    """True if ``path`` (with or without its language prefix) starts with one of ``prefixes``."""
    bare = strip_language_prefix(path, languages)
    return any(path.startswith(p) or bare.startswith(p) for p in prefixes if p)


def request_has_state(cookies: dict, session_cookie_name: str, headers) -> bool:
    """A session cookie, a flash-message cookie or credentials: the visitor may see a personal page."""
    if cookies.get(session_cookie_name):
        return True
    if any(cookies.get(name) for name in STATE_COOKIES):
        return True
    return bool(headers.get("Authorization"))


def query_string(pairs) -> str:
    """The query string with parameters sorted, so ``?b=1&a=2`` and ``?a=2&b=1`` share an entry."""
    return urlencode(sorted((k, v) for k, values in pairs for v in values))


def cache_key(site_id: int, language: str, path: str, query: str) -> str:
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()[:40]
    return f"pagecache:page:{site_id}:{language}:{digest}"


def vary_headers(value: str | None) -> list[str]:
    return [h.strip().lower() for h in cc_delim_re.split(value or "") if h.strip()]


def cache_control_forbids(value: str | None) -> bool:
    """``private``, ``no-store`` or ``no-cache`` (Wagtail sets them on restricted pages and previews)."""
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(value or "") if d.strip()}
    return bool(directives & {"private", "no-store", "no-cache"})


def response_refusal(status: int, content_type: str, headers, has_cookies: bool, streaming: bool) -> str:
    """Why a response must not be stored ('' when it may be)."""
    if status != 200:
        return "status"
    if streaming:
        return "streaming"
    if not (content_type or "").lower().startswith("text/html"):
        return "content-type"
    if has_cookies or headers.get("Set-Cookie"):
        return "set-cookie"
    if cache_control_forbids(headers.get("Cache-Control")):
        return "cache-control"
    if "*" in vary_headers(headers.get("Vary")):
        return "vary"
    return ""


def varying_request_values(vary: list[str], request_headers) -> dict[str, str]:
    """The request's values of the Vary headers that do split the cache."""
    wanted = [h for h in vary if h not in IGNORED_VARY]
    if not wanted:
        return {}
    lowered = {k.lower(): v for k, v in request_headers.items()}
    return {h: lowered.get(h, "") for h in wanted}

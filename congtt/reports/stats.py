"""The portal's own access statistics (PUB-8): no cookies, no third party, no database write per view.

A view is counted in the ``stats`` cache (Redis in production; see settings) under
buffered counters per day, host and path. Unique visits are approximated by a
hash of (daily salt, IP, User-Agent, host): the salt is random, kept only in the
cache and rotates every day, and the hash itself lives only in the cache for two
days, so visitors cannot be followed from one day to the next and nothing
personal ever reaches the database. ``flush()`` (``manage.py flush_stats``, run
every few minutes by the scheduler) moves the counters into ``DailyPageStat`` and
``DailySiteStat`` rows with bulk upserts.

Only the cache primitives (``increment``, ``take``) are shared with ``congtt.ops.counters``: these
counters expire, are keyed by day, host and path rather than by a database row, and end up as
upserted daily rows, not as ``F()`` additions to an existing column.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from congtt.ops import counters

DAY_TTL = 3 * 24 * 3600  # buffered counters survive a missed flush for up to three days
SUMMARY_TTL = 300

# Substrings (lower case) of User-Agents that are not people; an empty User-Agent is a bot too.
BOT_PATTERNS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "facebookexternalhit",
    "embedly",
    "preview",
    "curl",
    "wget",
    "python-requests",
    "python-urllib",
    "httpx",
    "aiohttp",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww",
    "axios",
    "node-fetch",
    "headless",
    "phantomjs",
    "lighthouse",
    "pagespeed",
    "monitor",
    "uptime",
    "pingdom",
    "scan",
    "check_http",
    "zgrab",
    "masscan",
    "nmap",
)
_BOT_RE = re.compile("|".join(re.escape(p) for p in BOT_PATTERNS))

SKIP_PREFIXES_EXTRA = ("/api/", "/healthz", "/tai-lieu/", "/sitemap", "/rss/", "/robots.txt", "/favicon")


def stats_cache():
    return caches[getattr(settings, "STATS_CACHE", "default")]


def is_bot(user_agent: str | None) -> bool:
    """True for crawlers, scripts and monitors (and for requests without a User-Agent)."""
    ua = (user_agent or "").strip().lower()
    return not ua or bool(_BOT_RE.search(ua))


def skip_prefixes() -> tuple[str, ...]:
    admin = f"/{settings.ADMIN_PATH.strip('/')}/"
    return (admin, "/django-admin/", settings.STATIC_URL, settings.MEDIA_URL, *SKIP_PREFIXES_EXTRA)


def is_countable(request, response) -> bool:
    """A public page view: GET, 200, HTML, not admin/API/static/media/health, not a prefetch, not a bot."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    path = request.path
    if path.startswith(skip_prefixes()):
        return False
    if getattr(request, "is_preview", False):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return False
    return not is_bot(request.headers.get("User-Agent"))


def request_host(request) -> str:
    """The hostname without port, as Wagtail matches sites (no database query)."""
    from django.http.request import split_domain_port

    return split_domain_port(request.get_host())[0].lower()


def _path_id(path: str) -> str:
    return hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()[:20]


def _daily_salt(day: datetime.date) -> str:
    c = stats_cache()
    key = f"stats:salt:{day.isoformat()}"
    c.add(key, secrets.token_hex(16), timeout=2 * 24 * 3600)
    return c.get(key) or ""


def visitor_hash(day: datetime.date, ip: str, user_agent: str, host: str) -> str:
    """A daily-rotating, salted, truncated hash: the same visitor on the same day and site, nothing more."""
    raw = f"{_daily_salt(day)}|{ip}|{user_agent}|{host}".encode()
    return hashlib.sha256(raw).hexdigest()[:24]


def _incr(c, key: str) -> int:
    return counters.increment(c, key, timeout=DAY_TTL)


def _remember(c, key: str, item) -> None:
    members = set(c.get(key) or ())
    if item not in members:
        members.add(item)
        c.set(key, members, timeout=DAY_TTL)


def record_hit(host: str, path: str, ip: str, user_agent: str, day: datetime.date | None = None) -> None:
    """Count one page view (and maybe one visit) in the cache. Never touches the database."""
    c = stats_cache()
    day = day or timezone.localdate()
    d = day.isoformat()
    pid = _path_id(path)
    if _incr(c, f"stats:pv:{d}:{host}:{pid}") == 1:
        _remember(c, f"stats:index:{d}", (host, path))
        _remember(c, "stats:days", d)
    _incr(c, f"stats:sv:{d}:{host}")
    if c.add(f"stats:u:{d}:{visitor_hash(day, ip, user_agent, host)}", 1, timeout=2 * 24 * 3600):
        _incr(c, f"stats:sx:{d}:{host}")


def client_ip(request) -> str:
    """The client address; behind the reverse proxy the first X-Forwarded-For entry when trusted."""
    if getattr(settings, "STATS_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def pending(host: str, day: datetime.date) -> tuple[int, int]:
    """(visits, views) buffered for ``host`` on ``day`` and not flushed yet."""
    c = stats_cache()
    d = day.isoformat()
    return int(c.get(f"stats:sx:{d}:{host}") or 0), int(c.get(f"stats:sv:{d}:{host}") or 0)


def pending_path_views(host: str, path: str, day: datetime.date) -> int:
    return int(stats_cache().get(f"stats:pv:{day.isoformat()}:{host}:{_path_id(path)}") or 0)


def _sites_by_host():
    from wagtail.models import Site

    sites = list(Site.objects.all())
    by_host = {s.hostname.lower(): s for s in sites}
    default = next((s for s in sites if s.is_default_site), None)
    return by_host, default


def flush() -> dict:
    """Move every buffered counter into the database. Returns {"pages": n, "sites": n, "views": n}."""
    from .models import DailyPageStat, DailySiteStat

    c = stats_cache()
    days = sorted(c.get("stats:days") or ())
    if not days:
        return {"pages": 0, "sites": 0, "views": 0}
    by_host, default = _sites_by_host()
    page_counts: dict[tuple[int, str, str], int] = {}
    site_counts: dict[tuple[int, str], list[int]] = {}
    keep_days = set()
    today = timezone.localdate().isoformat()
    for d in days:
        index = set(c.get(f"stats:index:{d}") or ())
        hosts = {host for host, _ in index}
        for host, path in index:
            site = by_host.get(host, default)
            views = counters.take(c, f"stats:pv:{d}:{host}:{_path_id(path)}")
            if site is None or not views:
                continue
            key = (site.pk, d, path[:500])
            page_counts[key] = page_counts.get(key, 0) + views
        for host in hosts:
            site = by_host.get(host, default)
            visits = counters.take(c, f"stats:sx:{d}:{host}")
            views = counters.take(c, f"stats:sv:{d}:{host}")
            if site is None or not (visits or views):
                continue
            entry = site_counts.setdefault((site.pk, d), [0, 0])
            entry[0] += visits
            entry[1] += views
        if d >= today:
            keep_days.add(d)  # today's index stays: its counters keep growing
        else:
            c.delete(f"stats:index:{d}")
    c.set("stats:days", keep_days, timeout=DAY_TTL)
    with transaction.atomic():
        _upsert_pages(DailyPageStat, page_counts)
        _upsert_sites(DailySiteStat, site_counts)
    return {
        "pages": len(page_counts),
        "sites": len(site_counts),
        "views": sum(v for v in page_counts.values()),
    }


def _upsert_pages(model, counts):
    if not counts:
        return
    condition = Q()
    for site_id, d, path in counts:
        condition |= Q(site_id=site_id, date=d, path=path)
    existing = {(r.site_id, r.date.isoformat(), r.path): r for r in model.objects.filter(condition)}
    new, changed = [], []
    for (site_id, d, path), views in counts.items():
        row = existing.get((site_id, d, path))
        if row:
            row.views = row.views + views
            changed.append(row)
        else:
            new.append(model(site_id=site_id, date=d, path=path, views=views))
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, ["views"], batch_size=500)


def _upsert_sites(model, counts):
    if not counts:
        return
    condition = Q()
    for site_id, d in counts:
        condition |= Q(site_id=site_id, date=d)
    existing = {(r.site_id, r.date.isoformat()): r for r in model.objects.filter(condition)}
    new, changed = [], []
    for (site_id, d), (visits, views) in counts.items():
        row = existing.get((site_id, d))
        if row:
            row.visits += visits
            row.views += views
            changed.append(row)
        else:
            new.append(model(site_id=site_id, date=d, visits=visits, views=views))
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, ["visits", "views"], batch_size=500)


SETTINGS_FIELDS = ("show_public_stats", "emc_script_url", "emc_tracker_url", "emc_site_id")


def _stored_footer(site) -> dict:
    """Stored sums (today, month, total) and the site's AccessSettings in ONE query, cached 5 minutes."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce
    from wagtail.models import Site

    from .models import DailySiteStat

    today = timezone.localdate()
    key = f"stats:summary:{site.pk}:{today.isoformat()}"
    c = stats_cache()
    stored = c.get(key)
    if stored is not None:
        return stored
    month_start = today.replace(day=1)

    def total(field, **flt):
        rows = (
            DailySiteStat.objects.filter(site=OuterRef("pk"), **flt)
            .order_by()
            .values("site")
            .annotate(s=Sum(field))
            .values("s")[:1]
        )
        return Coalesce(Subquery(rows), 0)

    periods = {
        "today": {"date": today},
        "month": {"date__gte": month_start, "date__lte": today},
        "total": {},
    }
    annotations = {f"{p}_{f}": total(f, **flt) for p, flt in periods.items() for f in ("visits", "views")}
    settings_values = {f"s_{f}": f"access_settings__{f}" for f in SETTINGS_FIELDS}
    from django.db.models import F

    row = (
        Site.objects.filter(pk=site.pk)
        .annotate(**annotations, **{k: F(v) for k, v in settings_values.items()})
        .values(*annotations, *settings_values)
        .first()
    ) or {}
    stored = {k: row.get(k) or 0 for k in annotations}
    has_settings = row.get("s_show_public_stats") is not None
    stored["settings"] = {f: row.get(f"s_{f}") for f in SETTINGS_FIELDS} if has_settings else None
    c.set(key, stored, SUMMARY_TTL)
    return stored


def site_summary(site) -> dict:
    """{"today": {...}, "month": {...}, "total": {...}, "settings": {...}|None} for the footer.

    ≤1 query (cached 5 minutes): stored rows and the site's settings come from one query;
    today's buffered counters are added live from the cache.
    """
    stored = _stored_footer(site)
    pv, pw = pending(site.hostname.lower(), timezone.localdate())
    return {
        "today": {"visits": stored["today_visits"] + pv, "views": stored["today_views"] + pw},
        "month": {"visits": stored["month_visits"] + pv, "views": stored["month_views"] + pw},
        "total": {"visits": stored["total_visits"] + pv, "views": stored["total_views"] + pw},
        "settings": stored["settings"],
    }


def forget_site_summary(site_id) -> None:
    stats_cache().delete(f"stats:summary:{site_id}:{timezone.localdate().isoformat()}")


def invalidate_summaries() -> None:
    """Called after a flush: the stored part of the summaries changed."""
    # Keys carry the date and expire in SUMMARY_TTL; a flush moves counts from "pending" to "stored",
    # so until expiry a summary could briefly count a flushed view twice. Drop them instead.
    from wagtail.models import Site

    today = timezone.localdate().isoformat()
    stats_cache().delete_many(
        [f"stats:summary:{pk}:{today}" for pk in Site.objects.values_list("pk", flat=True)]
    )


def page_views(site, path: str) -> int:
    """Total views of one path on one site (stored + buffered today); ≤1 query, cached 5 minutes."""
    from .models import DailyPageStat

    c = stats_cache()
    key = f"stats:page:{site.pk}:{_path_id(path)}"
    stored = c.get(key)
    if stored is None:
        stored = DailyPageStat.objects.filter(site_id=site.pk, path=path).aggregate(n=Sum("views"))["n"] or 0
        c.set(key, stored, SUMMARY_TTL)
    return stored + pending_path_views(site.hostname.lower(), path, timezone.localdate())


def top_pages(site_ids, start: datetime.date, end: datetime.date, limit: int = 20):
    from .models import DailyPageStat

    qs = DailyPageStat.objects.filter(date__gte=start, date__lte=end)
    if site_ids is not None:
        qs = qs.filter(site_id__in=site_ids)
    return list(
        qs.values("site__hostname", "path").annotate(total=Sum("views")).order_by("-total", "path")[:limit]
    )


def visits_between(site_ids, start: datetime.date, end: datetime.date):
    """[(site_id, visits, views)] stored for the period."""
    from .models import DailySiteStat

    qs = DailySiteStat.objects.filter(date__gte=start, date__lte=end)
    if site_ids is not None:
        qs = qs.filter(site_id__in=site_ids)
    return list(qs.values("site_id").annotate(visits=Sum("visits"), views=Sum("views")).order_by("site_id"))


def emc_script_hosts() -> list[str]:
    """Origins to add to the CSP script-src and connect-src when any site uses the EMC snippet.

    The list is the EMC_SCRIPT_HOSTS setting: per-site EMC URLs are refused unless they are on
    one of these origins, so a static CSP built from this list is always sufficient.
    """
    return list(getattr(settings, "EMC_SCRIPT_HOSTS", []))


def flush_job() -> None:
    """Scheduler job (every 5 minutes): write the buffered counters, drop stale footer summaries."""
    flush()
    invalidate_summaries()

"""Cache entries and the version numbers that invalidate them.

Every entry remembers the network-wide version and its site's version read
when its request arrived; an entry is served only while both are unchanged.
Bumping a site's version therefore invalidates every page of that site
(listings included) in O(1), and stale entries are overwritten in place by
the next render (no orphaned keys). Versions start from a clock value, so a
version evicted from the cache never comes back with a number an old entry
still carries.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GLOBAL_VERSION_KEY = "pagecache:version:all"


def get_cache():
    return caches[getattr(settings, "PAGECACHE_ALIAS", "default")]


def timeout() -> int:
    return int(getattr(settings, "PAGECACHE_SECONDS", 600))


def site_version_key(site_id) -> str:
    return f"pagecache:version:site:{site_id}"


def _fresh_version() -> int:
    return time.time_ns() // 1000


def _with_versions(cache, values, keys):
    """``values`` (a get_many answer) completed with the version keys among ``keys`` it lacks:
    each missing one is created with a fresh version and re-read (add() keeps a value another
    process set meanwhile)."""
    missing = [k for k in keys if k not in values]
    if missing:
        for key in missing:
            cache.add(key, _fresh_version(), None)
        values.update(cache.get_many(missing))
    return values


def read_versions(site_id, page_key):
    """(global version, site version, entry or None) in one cache round trip."""
    cache = get_cache()
    skey = site_version_key(site_id)
    values = _with_versions(
        cache, cache.get_many([GLOBAL_VERSION_KEY, skey, page_key]), (GLOBAL_VERSION_KEY, skey)
    )
    return values.get(GLOBAL_VERSION_KEY), values.get(skey), values.get(page_key)


def global_version():
    cache = get_cache()
    value = cache.get(GLOBAL_VERSION_KEY)
    if value is None:
        cache.add(GLOBAL_VERSION_KEY, _fresh_version(), None)
        value = cache.get(GLOBAL_VERSION_KEY)
    return value


def site_versions(site_id) -> str:
    """A token that changes whenever a site (or the network) is invalidated: for caches of
    per-site fragments such as menus. Missing versions are created as read_versions() does, so
    fragments are cached from the first request even while the page cache is off; "none" only
    if the cache keeps nothing (a dummy cache), when callers must not cache."""
    cache = get_cache()
    keys = [GLOBAL_VERSION_KEY, site_version_key(site_id)]
    values = _with_versions(cache, cache.get_many(keys), keys)
    if len(values) < 2:
        return "none"
    return f"{values[GLOBAL_VERSION_KEY]}.{values[keys[1]]}"


def store(page_key, entry) -> None:
    get_cache().set(page_key, entry, timeout())


def _bump(key) -> None:
    cache = get_cache()
    try:
        cache.incr(key)
    except ValueError:  # not set (never used, or evicted): any fresh value invalidates
        cache.set(key, _fresh_version(), None)


def _bump_now_and_on_commit(key) -> None:
    # Now, so this process's next request sees the change; again after commit, so a
    # render that read the old rows while the transaction was open is not kept.
    _bump(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(key), robust=True)


def invalidate_site(site_id) -> None:
    """Forget every cached page of one site (all editions)."""
    if site_id is not None:
        _bump_now_and_on_commit(site_version_key(site_id))


def invalidate_all() -> None:
    """Forget every cached page of every site (network-wide data changed)."""
    _bump_now_and_on_commit(GLOBAL_VERSION_KEY)

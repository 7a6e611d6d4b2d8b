"""Usage counters (views, clicks to the online service) buffered in the cache (CNT-4).

A hit is one cache increment; the database is written in batches by ``flush()``, called at most once a
``FLUSH_INTERVAL`` from a request (and by ``manage.py flush_procedure_counters``), never per request.
"""

from django.core.cache import cache
from django.db.models import F

FLUSH_INTERVAL = 60  # seconds
KINDS = ("views", "clicks")
PENDING_KEY = "procedures:counters:pending"
LOCK_KEY = "procedures:counters:flush-lock"


def _key(kind: str, pk: int) -> str:
    return f"procedures:counters:{kind}:{pk}"


def hit(pk: int, kind: str) -> None:
    """Count one view or click for procedure ``pk``; flush the buffer if it is due."""
    key = _key(kind, pk)
    if cache.add(key, 1, timeout=None):
        pending = cache.get(PENDING_KEY) or set()
        if (kind, pk) not in pending:
            pending.add((kind, pk))
            cache.set(PENDING_KEY, pending, timeout=None)
    else:
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.add(key, 1, timeout=None)
    if cache.add(LOCK_KEY, 1, timeout=FLUSH_INTERVAL):
        flush()


def buffered(pk: int, kind: str) -> int:
    """Hits counted but not yet written to the database."""
    return cache.get(_key(kind, pk)) or 0


def flush() -> int:
    """Write buffered counts to the database; returns the number of procedures updated."""
    from .models import Procedure

    pending = cache.get(PENDING_KEY) or set()
    if not pending:
        return 0
    cache.set(PENDING_KEY, set(), timeout=None)
    updated = 0
    for kind, pk in pending:
        key = _key(kind, pk)
        count = cache.get(key) or 0
        if not count:
            continue
        try:
            remaining = cache.decr(key, count)
        except ValueError:
            remaining = 0
        if remaining <= 0:
            cache.delete(key)
        else:  # hits arrived meanwhile: keep them for the next flush
            still = cache.get(PENDING_KEY) or set()
            still.add((kind, pk))
            cache.set(PENDING_KEY, still, timeout=None)
        column = "view_count" if kind == "views" else "click_count"
        updated += Procedure.objects.filter(pk=pk).update(**{column: F(column) + count})
    return updated

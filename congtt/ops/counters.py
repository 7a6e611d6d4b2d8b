"""Buffered counters: one more view or click is a few cache operations; the database is written in batches.

Why in ``ops``: like the scheduler beside it, this is machinery that apps plug into by name
(``counters.register(...)`` in ``AppConfig.ready``, as ``scheduler.register(...)``) and that generic
code drives without importing the apps: the page cache replays, on a cache hit, the hits a render
counted (``noted(request)`` → ``replay(...)``) knowing only counter names. It has no models of its
own; it writes ``F()`` updates to the registered models' columns.

How a hit is counted, race-free with atomic cache operations only (``add``/``incr``, no
read-modify-write of a shared set): hits go to the current *generation* (a number in the cache).
The first hit of an object in a generation (its ``add`` succeeds) takes the next *slot* number of that
generation (``incr``) and writes ``(counter, pk)`` under it, so a flush finds every pending object by
reading slots 1..n. ``flush()`` opens a new generation, adds the closed generation's counts to the
database (one ``UPDATE … SET col = col + CASE pk …`` per 500 objects) and subtracts what it wrote
(``decr``), so a hit that was in flight while the generation changed is kept; the next flush writes
those leftovers and deletes the generation's keys. The number shown is the stored column plus every
generation not yet deleted (``buffered``).

Flushes run from ``manage.py flush_counters``, from the scheduler (``counters.flush``, every 5
minutes) and from the request path at most once per ``COUNTERS_FLUSH_SECONDS`` (0: never). Counts
live in ``COUNTERS_CACHE`` (Redis in production, shared by every worker); with the local-memory
cache each process keeps its own counts until its next request-path flush, and loses them on restart.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Case, F, IntegerField, Value, When

BATCH = 500
LOCK_SECONDS = 300  # a flush that died holding the lock blocks the next ones this long at most
GEN_KEY = "counters:gen"
UNSWEPT_KEY = "counters:unswept"  # closed generations whose keys still exist
LOCK_KEY = "counters:flushing"
DUE_KEY = "counters:flush-due"
NOTED_ATTR = "_counted_hits"


@dataclass(frozen=True)
class Counter:
    name: str
    model: str  # "app_label.ModelName"
    field: str


REGISTRY: dict[str, Counter] = {}


def register(name: str, model: str, field: str) -> Counter:
    """Declare counter ``name`` adding to ``model.field`` (e.g. ``"content.ArticlePage"``, ``"view_count"``)."""
    counter = REGISTRY[name] = Counter(name, model, field)
    return counter


def counter_cache():
    return caches[getattr(settings, "COUNTERS_CACHE", "default")]


def flush_interval() -> int:
    return int(getattr(settings, "COUNTERS_FLUSH_SECONDS", 60))


# --- cache primitives (shared with reports.stats) ---------------------------------------------


def increment(cache, key: str, timeout=None) -> int:
    """Add one to ``key`` atomically, creating it at 1; returns the new value (1: the key is new)."""
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired or evicted between add and incr
        return 1 if cache.add(key, 1, timeout=timeout) else cache.incr(key)


def take(cache, key: str) -> int:
    """Read a counter and subtract what was read; increments racing in stay for the next take."""
    value = int(cache.get(key) or 0)
    if value <= 0:
        return 0
    try:
        cache.decr(key, value)
    except ValueError:
        return 0
    return value


# --- keys -------------------------------------------------------------------------------------


def _count_key(gen: int, name: str, pk) -> str:
    return f"counters:{gen}:c:{name}:{pk}"


def _slots_key(gen: int) -> str:
    return f"counters:{gen}:n"


def _slot_key(gen: int, slot: int) -> str:
    return f"counters:{gen}:s:{slot}"


def _generation(cache) -> int:
    gen = cache.get(GEN_KEY)
    if gen is None:
        # A clock value, so a generation key lost from the cache never comes back with an old number.
        cache.add(GEN_KEY, int(time.time()), timeout=None)
        gen = cache.get(GEN_KEY)
    return gen


# --- counting ---------------------------------------------------------------------------------


def _record(cache, name: str, pk) -> None:
    gen = _generation(cache)
    if increment(cache, _count_key(gen, name, pk)) == 1:
        slot = increment(cache, _slots_key(gen))
        cache.set(_slot_key(gen, slot), (name, pk), timeout=None)


def count(name: str, pk, request=None) -> None:
    """Count one hit of counter ``name`` for object ``pk``; never writes the database per hit.

    With ``request``, the hit is also noted on it so the page cache counts it again each time it
    serves the stored page. A flush is run when one is due (at most once per flush interval).
    """
    if name not in REGISTRY:
        raise KeyError(f"unknown counter {name!r}")
    _record(counter_cache(), name, pk)
    if request is not None:
        noted_hits = getattr(request, NOTED_ATTR, None)
        if noted_hits is None:
            noted_hits = []
            setattr(request, NOTED_ATTR, noted_hits)
        noted_hits.append((name, pk))
    flush_if_due()


def noted(request) -> list[tuple[str, object]]:
    """The (counter, pk) hits counted while rendering ``request``."""
    return list(getattr(request, NOTED_ATTR, ()))


def replay(hits) -> None:
    """Count again hits noted by an earlier render (a page-cache hit). Cache operations only."""
    cache = counter_cache()
    for name, pk in hits or ():
        if name in REGISTRY:  # a counter removed since the page was stored is ignored
            _record(cache, name, pk)


def buffered_many(name: str, pks) -> dict:
    """{pk: hits counted and not yet written to the database}."""
    pks = list(pks)
    cache = counter_cache()
    state = cache.get_many([GEN_KEY, UNSWEPT_KEY])
    if GEN_KEY not in state or not pks:
        return dict.fromkeys(pks, 0)
    gens = [state[GEN_KEY], *state.get(UNSWEPT_KEY, ())]
    keys = {(gen, pk): _count_key(gen, name, pk) for gen in gens for pk in pks}
    values = cache.get_many(list(keys.values()))
    result = dict.fromkeys(pks, 0)
    for (_gen, pk), key in keys.items():
        result[pk] += max(0, int(values.get(key) or 0))
    return result


def buffered(name: str, pk) -> int:
    return buffered_many(name, [pk])[pk]


def total(name: str, obj) -> int:
    """The count to show: the stored column plus the buffered hits."""
    return getattr(obj, REGISTRY[name].field) + buffered(name, obj.pk)


# --- flushing ---------------------------------------------------------------------------------


def _read_generation(cache, gen: int):
    """[(name, pk, count key, value)] of every object counted in generation ``gen``, and its slot keys."""
    slots = int(cache.get(_slots_key(gen)) or 0)
    slot_keys = [_slot_key(gen, i) for i in range(1, slots + 1)]
    rows = []
    for start in range(0, len(slot_keys), BATCH):
        entries = cache.get_many(slot_keys[start : start + BATCH])
        count_keys = {_count_key(gen, name, pk): (name, pk) for name, pk in entries.values()}
        values = cache.get_many(list(count_keys))
        for key, (name, pk) in count_keys.items():
            rows.append((name, pk, key, int(values.get(key) or 0)))
    return rows, [_slots_key(gen), *slot_keys]


def _write(totals: dict[tuple[str, object], int]) -> int:
    """Add ``totals`` to the registered columns; returns the number of hits written."""
    by_counter: dict[str, dict] = {}
    for (name, pk), value in totals.items():
        if value > 0 and name in REGISTRY:
            by_counter.setdefault(name, {})[pk] = value
    with transaction.atomic():
        for name, values in by_counter.items():
            counter = REGISTRY[name]
            model = apps.get_model(counter.model)
            pks = list(values)
            for start in range(0, len(pks), BATCH):
                chunk = pks[start : start + BATCH]
                added = Case(
                    *[When(pk=pk, then=Value(values[pk])) for pk in chunk],
                    default=Value(0),
                    output_field=IntegerField(),
                )
                model._base_manager.filter(pk__in=chunk).update(**{counter.field: F(counter.field) + added})
    return sum(sum(values.values()) for values in by_counter.values())


def flush() -> int:
    """Write every buffered hit to the database; returns the number of hits written.

    Returns 0 without doing anything while another flush holds the lock.
    """
    cache = counter_cache()
    if not cache.add(LOCK_KEY, 1, timeout=LOCK_SECONDS):
        return 0
    try:
        unswept = list(cache.get(UNSWEPT_KEY) or ())
        closing = _generation(cache)
        # Readers sum the open generation and the unswept ones: list the closing one first.
        cache.set(UNSWEPT_KEY, [*unswept, closing], timeout=None)
        cache.incr(GEN_KEY)
        totals: dict[tuple[str, object], int] = {}
        swept_keys, taken = [], []
        for gen in unswept:  # closed one flush ago: only in-flight leftovers remain, then the keys go
            rows, slot_keys = _read_generation(cache, gen)
            swept_keys += slot_keys
            for name, pk, key, value in rows:
                totals[(name, pk)] = totals.get((name, pk), 0) + value
                swept_keys.append(key)
        rows, _slot_keys = _read_generation(cache, closing)
        for name, pk, key, value in rows:
            totals[(name, pk)] = totals.get((name, pk), 0) + value
            if value > 0:
                taken.append((key, value))
        written = _write(totals)
        for key, value in taken:
            with contextlib.suppress(ValueError):  # evicted meanwhile: nothing left to keep
                cache.decr(key, value)
        cache.delete_many(swept_keys)
        cache.set(UNSWEPT_KEY, [closing], timeout=None)
        return written
    finally:
        cache.delete(LOCK_KEY)


def flush_if_due() -> int:
    """Flush from the request path at most once per ``COUNTERS_FLUSH_SECONDS``."""
    interval = flush_interval()
    if interval > 0 and counter_cache().add(DUE_KEY, 1, timeout=interval):
        return flush()
    return 0

"""Buffered counters (congtt.ops.counters): hits cost cache operations only, flushes write batches."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from congtt.ops import counters
from congtt.ops.models import BackupRecord

pytestmark = pytest.mark.django_db

# Any model with an integer column will do: a test-only counter adds to BackupRecord.size_bytes.
NAME = "tests.size"


@pytest.fixture(autouse=True)
def registered(monkeypatch, settings):
    settings.COUNTERS_FLUSH_SECONDS = 0  # no request-path flush unless a test asks for it
    monkeypatch.setitem(counters.REGISTRY, NAME, counters.Counter(NAME, "ops.BackupRecord", "size_bytes"))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rows(db):
    return [BackupRecord.objects.create(kind="db") for _ in range(3)]


def writes(queries):
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def stored(row):
    row.refresh_from_db()
    return row.size_bytes


def test_hits_touch_no_database_and_are_shown_buffered(rows):
    with CaptureQueriesContext(connection) as queries:
        for _ in range(4):
            counters.count(NAME, rows[0].pk)
        counters.count(NAME, rows[1].pk)
    assert len(queries) == 0
    assert counters.buffered(NAME, rows[0].pk) == 4
    assert counters.buffered_many(NAME, [r.pk for r in rows]) == {rows[0].pk: 4, rows[1].pk: 1, rows[2].pk: 0}
    assert counters.total(NAME, rows[0]) == 4 and stored(rows[0]) == 0


def test_flush_adds_to_the_column_in_one_update_and_empties_the_buffer(rows):
    BackupRecord.objects.filter(pk=rows[0].pk).update(size_bytes=10)
    for row, n in zip(rows, (3, 2, 1), strict=True):
        for _ in range(n):
            counters.count(NAME, row.pk)
    with CaptureQueriesContext(connection) as queries:
        assert counters.flush() == 6
    assert len(writes(queries)) == 1
    assert [stored(r) for r in rows] == [13, 2, 1]
    assert counters.buffered_many(NAME, [r.pk for r in rows]) == dict.fromkeys([r.pk for r in rows], 0)
    assert counters.total(NAME, rows[0]) == 13
    assert counters.flush() == 0
    counters.count(NAME, rows[2].pk)
    assert counters.flush() == 1 and stored(rows[2]) == 2


def test_flush_writes_in_batches(rows, monkeypatch):
    monkeypatch.setattr(counters, "BATCH", 2)
    for row in rows:
        counters.count(NAME, row.pk)
    with CaptureQueriesContext(connection) as queries:
        assert counters.flush() == 3
    assert len(writes(queries)) == 2
    assert [stored(r) for r in rows] == [1, 1, 1]


def test_a_hit_in_flight_while_a_flush_closes_its_generation_is_written_later(rows):
    counters.count(NAME, rows[0].pk)
    old = counters._generation(cache)
    assert counters.flush() == 1
    # A worker that read the old generation number just before the flush increments it now.
    counters.increment(cache, counters._count_key(old, NAME, rows[0].pk))
    counters.count(NAME, rows[0].pk)
    assert counters.buffered(NAME, rows[0].pk) == 2
    assert counters.flush() == 2
    assert stored(rows[0]) == 3 and counters.buffered(NAME, rows[0].pk) == 0
    assert cache.get(counters._count_key(old, NAME, rows[0].pk)) is None  # the old generation is gone


def test_a_failed_write_loses_nothing_and_counts_nothing_twice(rows, monkeypatch):
    for _ in range(3):
        counters.count(NAME, rows[0].pk)
    real_write = counters._write

    def broken(totals):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(counters, "_write", broken)
    with pytest.raises(RuntimeError):
        counters.flush()
    assert counters.buffered(NAME, rows[0].pk) == 3 and stored(rows[0]) == 0
    monkeypatch.setattr(counters, "_write", real_write)
    counters.count(NAME, rows[0].pk)
    assert counters.flush() == 4
    assert stored(rows[0]) == 4 and counters.buffered(NAME, rows[0].pk) == 0


def test_a_second_flush_while_one_runs_does_nothing(rows):
    counters.count(NAME, rows[0].pk)
    cache.add(counters.LOCK_KEY, 1, timeout=60)
    assert counters.flush() == 0
    assert stored(rows[0]) == 0 and counters.buffered(NAME, rows[0].pk) == 1
    cache.delete(counters.LOCK_KEY)
    assert counters.flush() == 1


def test_request_path_flush_runs_at_most_once_per_interval(rows, settings):
    settings.COUNTERS_FLUSH_SECONDS = 60
    with CaptureQueriesContext(connection) as queries:
        counters.count(NAME, rows[0].pk)
    assert len(writes(queries)) == 1 and stored(rows[0]) == 1
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            counters.count(NAME, rows[0].pk)
    assert len(queries) == 0
    assert stored(rows[0]) == 1 and counters.total(NAME, rows[0]) == 6


def test_hits_noted_on_the_request_can_be_replayed(rows):
    request = RequestFactory().get("/")
    counters.count(NAME, rows[0].pk, request)
    counters.count(NAME, rows[1].pk)
    assert counters.noted(request) == [(NAME, rows[0].pk)]
    assert counters.noted(RequestFactory().get("/")) == []
    with CaptureQueriesContext(connection) as queries:
        counters.replay([*counters.noted(request), ("removed.counter", 1)])
    assert len(queries) == 0
    assert counters.buffered(NAME, rows[0].pk) == 2 and counters.buffered(NAME, rows[1].pk) == 1


def test_unknown_counter_is_refused(rows):
    with pytest.raises(KeyError):
        counters.count("no.such.counter", rows[0].pk)


def test_the_command_and_the_scheduler_flush(rows, capsys):
    from congtt.ops import scheduler

    counters.count(NAME, rows[0].pk)
    counters.count(NAME, rows[0].pk)
    call_command("flush_counters")
    assert "2" in capsys.readouterr().out and stored(rows[0]) == 2
    assert scheduler.REGISTRY["counters.flush"].func is counters.flush

"""Hits a render counted are counted again when the page cache serves the stored page (PUB-6, CNT-4)."""

import pytest

from congtt.ops import counters

from .views import COUNTER

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.pagecache.urls")]
DEPT = "sokhcn.langson.localhost"


@pytest.fixture(autouse=True)
def counter(monkeypatch, settings):
    settings.COUNTERS_FLUSH_SECONDS = 0
    # The page cache only stores and replays names; the model matters only to a flush.
    monkeypatch.setitem(
        counters.REGISTRY, COUNTER, counters.Counter(COUNTER, "ops.BackupRecord", "size_bytes")
    )


def get(client, path):
    return client.get(path, HTTP_HOST=DEPT)


def test_every_hit_counts_what_the_render_counted(client, department, django_assert_num_queries):
    assert get(client, "/thu/dem/7/")["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        for _ in range(4):
            assert get(client, "/thu/dem/7/")["X-Cache"] == "HIT"
    assert get(client, "/thu/dem/8/")["X-Cache"] == "MISS"
    assert counters.buffered(COUNTER, 7) == 5 and counters.buffered(COUNTER, 8) == 1


def test_head_hits_are_not_counted(client, department):
    get(client, "/thu/dem/7/")
    assert client.head("/thu/dem/7/", HTTP_HOST=DEPT)["X-Cache"] == "HIT"
    assert counters.buffered(COUNTER, 7) == 1


def test_pages_that_count_nothing_replay_nothing(client, department):
    get(client, "/tin-tuc/")
    assert get(client, "/tin-tuc/")["X-Cache"] == "HIT"
    assert counters.buffered(COUNTER, 7) == 0


def test_a_counter_removed_since_the_page_was_stored_is_ignored(client, department, monkeypatch):
    get(client, "/thu/dem/7/")
    monkeypatch.delitem(counters.REGISTRY, COUNTER)
    assert get(client, "/thu/dem/7/")["X-Cache"] == "HIT"
    monkeypatch.setitem(
        counters.REGISTRY, COUNTER, counters.Counter(COUNTER, "ops.BackupRecord", "size_bytes")
    )
    assert counters.buffered(COUNTER, 7) == 1

"""Version keys of the page cache: fragments keyed on site_versions() work from the first request."""

from django.core.cache import cache

from congtt.pagecache import store


def test_site_versions_creates_missing_keys_and_stays_stable():
    cache.clear()
    first = store.site_versions(7)
    assert first != "none"
    assert store.site_versions(7) == first
    assert store.read_versions(7, "pagecache:page:none")[:2] == tuple(int(v) for v in first.split("."))


def test_site_versions_change_on_invalidation():
    cache.clear()
    before = store.site_versions(7)
    other = store.site_versions(8)
    store.invalidate_site(7)
    assert store.site_versions(7) != before
    assert store.site_versions(8) == other
    store.invalidate_all()
    assert store.site_versions(8) != other

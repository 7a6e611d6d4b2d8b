import pytest
from django.core.cache import cache

from congtt.pagecache import middleware


@pytest.fixture(autouse=True)
def pagecache_on(settings):
    settings.PAGECACHE_SECONDS = 600
    cache.clear()
    middleware._site_memo.clear()
    yield
    cache.clear()
    middleware._site_memo.clear()

import pytest
from django.contrib.auth import get_user_model
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


@pytest.fixture
def editor(department):
    return get_user_model().objects.create_superuser("bientap", "bt@example.vn", "mat-khau-rat-dai-123")

"""ASGI entry point: ``gunicorn -k uvicorn_worker.UvicornWorker congtt.asgi:application``.

Page-cache hits are answered on the event loop before Django (congtt/pagecache/fastpath.py);
everything else goes to Django's own ASGI handler.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtt.settings")

django_application = get_asgi_application()  # sets Django up: the fast path imports models

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402

from congtt.pagecache.fastpath import PageCacheASGIFastPath  # noqa: E402

# Django keeps cache objects per context; made here, before the server's event loop starts, they are
# inherited by every request's context (and so by Django's threads for misses) instead of one new
# cache object, and with Redis one new connection, per request.
for alias in settings.CACHES:
    caches[alias]

application = PageCacheASGIFastPath(django_application)

"""ASGI entry point: ``gunicorn -k uvicorn_worker.UvicornWorker congtt.asgi:application``.

Page-cache hits are answered on the event loop before Django (congtt/pagecache/fastpath.py);
everything else goes to Django's own ASGI handler.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtt.settings")

django_application = get_asgi_application()  # sets Django up: the fast path imports models

from congtt.pagecache.fastpath import PageCacheASGIFastPath  # noqa: E402

application = PageCacheASGIFastPath(django_application)

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtt.settings")

django_application = get_wsgi_application()  # sets Django up: the fast path imports models

from congtt.pagecache.fastpath import PageCacheFastPath  # noqa: E402

# Page-cache hits are answered before Django's handler (congtt/pagecache/fastpath.py).
application = PageCacheFastPath(django_application)

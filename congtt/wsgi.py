import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtt.settings")

from congtt.pagecache.fastpath import PageCacheFastPath  # noqa: E402 (needs the settings module set)

# Page-cache hits are answered before Django's handler (congtt/pagecache/fastpath.py).
application = PageCacheFastPath(get_wsgi_application())

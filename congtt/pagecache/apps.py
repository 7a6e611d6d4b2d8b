from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "congtt.pagecache"
    label = "pagecache"
    verbose_name = _("Bộ nhớ đệm trang")

    def ready(self):
        from . import signals

        signals.connect()

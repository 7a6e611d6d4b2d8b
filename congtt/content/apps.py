from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "congtt.content"
    label = "content"
    verbose_name = _("Nội dung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from congtt.ops import counters

        from . import signals  # noqa: F401
        from .services import ARTICLE_VIEWS

        counters.register(ARTICLE_VIEWS, "content.ArticlePage", "view_count")

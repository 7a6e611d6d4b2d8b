from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "congtt.reports"
    label = "reports"
    verbose_name = _("Báo cáo và thống kê")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import sections  # noqa: F401  (registers the built-in report sections)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "congtt.reports"
    label = "reports"
    verbose_name = _("Báo cáo và thống kê")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        from . import scoring, sections  # noqa: F401  (register the built-in sections and metrics)

        if apps.is_installed("congtt.citizen"):
            from . import citizen_sections  # noqa: F401
        if apps.is_installed("congtt.editorial"):
            from . import editorial_sections  # noqa: F401
        if apps.is_installed("congtt.ops"):
            from congtt.ops import scheduler

            from .stats import flush_job

            scheduler.register("flush_stats", scheduler.every(5), flush_job)

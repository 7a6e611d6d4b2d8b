from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "congtt.procedures"
    label = "procedures"
    verbose_name = _("Thủ tục hành chính")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from congtt.ops import scheduler

        from .counters import flush

        scheduler.register("procedures.flush_counters", scheduler.every(5), flush)

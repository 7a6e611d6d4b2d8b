from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenConfig(AppConfig):
    name = "congtt.citizen"
    label = "citizen"
    verbose_name = _("Tương tác công dân")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from congtt.ops import scheduler

        from . import services

        scheduler.register("citizen.reminders", scheduler.daily(7), services.run_reminders)
        scheduler.register(
            "citizen.purge_personal_data", scheduler.daily(2, 30), services.purge_personal_data
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "congtt.ops"
    label = "ops"
    verbose_name = _("Vận hành")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_labels, jobs, signals  # noqa: F401

        jobs.register_defaults()
        admin_labels.apply()

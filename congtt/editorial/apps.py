from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "congtt.editorial"
    label = "editorial"
    verbose_name = _("Ban biên tập")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs, signals  # noqa: F401

        jobs.register()

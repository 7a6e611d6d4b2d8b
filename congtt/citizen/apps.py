from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenConfig(AppConfig):
    name = "congtt.citizen"
    label = "citizen"
    verbose_name = _("Tương tác công dân")
    default_auto_field = "django.db.models.BigAutoField"

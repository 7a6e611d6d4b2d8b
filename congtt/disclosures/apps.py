from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosuresConfig(AppConfig):
    name = "congtt.disclosures"
    label = "disclosures"
    verbose_name = _("Công khai thông tin")
    default_auto_field = "django.db.models.BigAutoField"

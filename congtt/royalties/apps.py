from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoyaltiesConfig(AppConfig):
    name = "congtt.royalties"
    label = "royalties"
    verbose_name = _("Nhuận bút")
    default_auto_field = "django.db.models.BigAutoField"

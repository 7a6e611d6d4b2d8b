from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "congtt.directory"
    label = "directory"
    verbose_name = _("Tổ chức, danh bạ và lịch công tác")
    default_auto_field = "django.db.models.BigAutoField"

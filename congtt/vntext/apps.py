from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VntextConfig(AppConfig):
    name = "congtt.vntext"
    label = "vntext"
    verbose_name = _("Văn bản tiếng Việt")

    def ready(self):
        from django.db.models.signals import pre_save

        from .signals import normalise_text_fields

        pre_save.connect(normalise_text_fields, dispatch_uid="congtt.vntext.normalise")

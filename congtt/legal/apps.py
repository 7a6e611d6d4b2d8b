from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "congtt.legal"
    label = "legal"
    verbose_name = _("Văn bản pháp luật")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import models, services

        for model in (models.DocumentForm, models.IssuingBody, models.Field):
            post_save.connect(
                services.clear_choice_cache, sender=model, dispatch_uid=f"legal-choices-{model.__name__}"
            )
            post_delete.connect(
                services.clear_choice_cache, sender=model, dispatch_uid=f"legal-choices-del-{model.__name__}"
            )

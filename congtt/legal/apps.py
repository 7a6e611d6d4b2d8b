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

        from wagtail.signals import page_published, page_unpublished, post_page_move

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(_forget_section_urls, dispatch_uid=f"legal-section-urls-{id(signal)}")


def _forget_section_urls(sender=None, instance=None, **kwargs):
    """A section page was (un)published or moved: forget the cached section URLs of its site."""
    from django.core.cache import cache

    label = getattr(getattr(instance, "specific_class", None), "_meta", None)
    if label is None or label.label_lower not in SECTION_PAGE_LABELS:
        return
    site = instance.get_site()
    if site is not None:
        cache.delete_many([f"legal:section-url:{name}:{site.pk}" for name in SECTION_PAGE_LABELS])


SECTION_PAGE_LABELS = (
    "legal.legaldocumentindexpage",
    "legal.gazetteindexpage",
    "procedures.procedureindexpage",
)

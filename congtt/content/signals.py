"""Cache invalidation for news pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .services import bump_tree_version, forget_image, forget_restrictions


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def image_changed(sender, instance, **kwargs):
    forget_image(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, **kwargs):
    forget_restrictions()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def tree_changed(sender, **kwargs):
    bump_tree_version()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_tree_version()

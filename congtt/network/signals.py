"""Keep cached network data fresh when sites or profiles change."""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from .models import SiteProfile

NETWORK_CACHE_KEY = "network:version"


def network_version() -> int:
    # Start from the clock, not 1: a version evicted from the cache (local memory culls past 300
    # keys) must not come back with a number that old cached entries still carry.
    return cache.get_or_set(NETWORK_CACHE_KEY, time.time_ns() // 1000, None)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=SiteProfile)
@receiver(post_delete, sender=SiteProfile)
def bump_network_version(**kwargs):
    try:
        cache.incr(NETWORK_CACHE_KEY)
    except ValueError:
        cache.set(NETWORK_CACHE_KEY, time.time_ns() // 1000, None)


def sync_roles_after_migrate(app_config=None, **kwargs):
    """Once per migrate, after the last app's permissions exist (publish_* come from later apps)."""
    from django.apps import apps

    from .services import sync_role_permissions

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if with_models and app_config is with_models[-1]:
        sync_role_permissions()

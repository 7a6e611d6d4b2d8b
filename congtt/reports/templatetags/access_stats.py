"""Template tags for the public statistics block and the EMC snippet (PUB-8)."""

from django import template
from django.core.cache import cache

from congtt.network.context import get_site

from .. import stats

register = template.Library()


def _settings(site):
    """The site's AccessSettings (cached a day, dropped on save/delete; False when none)."""
    from ..models import AccessSettings

    key = f"reports:access-settings:{site.pk}"
    value = cache.get(key)
    if value is None:
        value = AccessSettings.objects.filter(site_id=site.pk).first() or False
        cache.set(key, value, 24 * 3600)
    return value or None


@register.inclusion_tag("reports/includes/stats_block.html", takes_context=True)
def access_stats_block(context):
    request = context.get("request")
    site = get_site(request) if request is not None else None
    if site is None:
        return {"summary": None}
    settings_ = _settings(site)
    if settings_ is not None and not settings_.show_public_stats:
        return {"summary": None}
    return {"summary": stats.site_summary(site)}


@register.simple_tag(takes_context=True)
def page_views(context, path=None):
    """Total views of this page (the current path unless one is given)."""
    request = context.get("request")
    site = get_site(request) if request is not None else None
    if site is None:
        return 0
    return stats.page_views(site, path or request.path)


@register.inclusion_tag("reports/includes/emc.html", takes_context=True)
def emc_snippet(context):
    request = context.get("request")
    site = get_site(request) if request is not None else None
    settings_ = _settings(site) if site is not None else None
    return {"emc": settings_ if settings_ is not None and settings_.emc_enabled else None}


@register.filter
def vn_number(value):
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value

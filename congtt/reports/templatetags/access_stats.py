"""Template tags for the public statistics block, per-page views and the EMC snippet (PUB-8).

The whole include (block + EMC snippet) costs at most one query, and none while cached.
"""

from types import SimpleNamespace

from django import template

from congtt.network.context import get_site

from .. import stats

register = template.Library()


def _summary(context):
    request = context.get("request")
    site = get_site(request) if request is not None else None
    if site is None:
        return None
    if "_congtt_stats_summary" not in context.render_context:
        context.render_context["_congtt_stats_summary"] = stats.site_summary(site)
    return context.render_context["_congtt_stats_summary"]


@register.inclusion_tag("reports/includes/stats_block.html", takes_context=True)
def access_stats_block(context):
    summary = _summary(context)
    if summary is None or (summary["settings"] and not summary["settings"]["show_public_stats"]):
        return {"summary": None}
    return {"summary": summary}


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
    summary = _summary(context)
    s = summary["settings"] if summary else None
    enabled = bool(s and s["emc_script_url"] and s["emc_site_id"])
    return {"emc": SimpleNamespace(**s) if enabled else None}


@register.filter
def vn_number(value):
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value

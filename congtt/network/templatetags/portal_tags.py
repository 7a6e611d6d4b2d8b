"""Template tags for the shared provincial layout."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale

from congtt.network.context import get_edition_home, get_edition_homes, get_site

register = template.Library()

MONTHS = {"vi": "ngày {d} tháng {m} năm {y}", "en": "{month} {d}, {y}", "zh": "{y}年{m}月{d}日"}


@register.simple_tag(takes_context=True)
def edition_links(context, page=None):
    """One link per edition: the translation of ``page`` when it is live, else that edition's home."""
    request = context["request"]
    site = get_site(request)
    current = (get_language() or "vi").split("-")[0]
    translations = {}
    homes = {}
    if site is not None:  # one query for the edition homes and the page's translations
        key = getattr(page, "translation_key", None) if page is not None else None
        homes = get_edition_homes(request, extra_translation_key=key)
        translations = request._congtt_translations if key else {}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = target.get_url(request) if target is not None else f"/{'' if code == 'vi' else code + '/'}"
        info = get_language_info(code)
        links.append({"code": code, "name": info["name_local"], "url": url, "active": code == current})
    return links


@register.simple_tag(takes_context=True)
def breadcrumb(context, page):
    """Ancestors of ``page`` from the edition home down (not including the page)."""
    home = get_edition_home(context["request"])
    if home is None or page is None or page.depth <= home.depth:
        return []
    # Not .specific(): a crumb needs only its title and URL (one query, whatever the page types).
    return list(page.get_ancestors().filter(depth__gte=home.depth))


@register.filter
def vn_date(value, language=None):
    """Format a date the Vietnamese way: ngày 25 tháng 10 năm 2024 (and the en/zh equivalents)."""
    if not value:
        return ""
    language = (language or get_language() or "vi").split("-")[0]
    if hasattr(value, "astimezone") and getattr(value, "tzinfo", None):
        from django.utils import timezone

        value = timezone.localtime(value)
    fmt = MONTHS.get(language, MONTHS["vi"])
    return fmt.format(d=value.day, m=value.month, y=value.year, month=value.strftime("%B"))


@register.simple_tag
def locale_for(code):
    return Locale.objects.filter(language_code=code).first()


@register.filter
def iso_datetime(value):
    """An HTML-valid machine-readable datetime (seconds precision, local time) for <time datetime>."""
    if not value:
        return ""
    if hasattr(value, "astimezone") and getattr(value, "tzinfo", None):
        from django.utils import timezone

        value = timezone.localtime(value)
    if hasattr(value, "microsecond"):
        value = value.replace(microsecond=0)
    return value.isoformat()

"""The site, profile and edition a request is for (cached on the request)."""

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from .models import SiteProfile
from .signals import network_version


def get_site(request) -> Site | None:
    return Site.find_for_request(request)


def get_site_profile(request) -> SiteProfile | None:
    if not hasattr(request, "_congtt_profile"):
        site = get_site(request)
        profile = None
        if site is not None:  # cached until any site or profile changes (network_version)
            key = f"network:profile:{site.pk}:{network_version()}"
            profile = cache.get(key)
            if profile is None:  # this site's profile and the portal's, in one query
                found = list(
                    SiteProfile.objects.select_related("kind", "site", "parent__site").filter(
                        Q(site=site) | Q(kind__is_portal=True)
                    )
                )
                profile = next((p for p in found if p.site_id == site.pk), None)
                portal = next((p for p in found if p.kind.is_portal), None)
                cache.set(key, profile or False, 3600)
                if portal is not None:
                    cache.add(f"network:portal:{network_version()}", portal, 3600)
        request._congtt_profile = profile or None
    return request._congtt_profile


def locale_codes(refresh=False) -> dict[int, str]:
    """{locale id: language code}, cached (locales almost never change)."""
    key = f"network:locales:{network_version()}"
    codes = None if refresh else cache.get(key)
    if codes is None:
        codes = dict(Locale.objects.values_list("id", "language_code"))
        cache.set(key, codes, 3600)
    return codes


def get_edition_homes(request, extra_translation_key=None) -> dict[str, Page]:
    """The current site's home page in every edition, by language code (cached on the request).

    With ``extra_translation_key`` (the current page's), the live pages with that key are fetched
    too, into ``request._congtt_translations`` — in the same query when the homes are not loaded yet.
    """
    site = get_site(request)
    if site is None:
        request._congtt_homes, request._congtt_translations = {}, {}
        return {}
    root = site.root_page
    keys = set()
    if not hasattr(request, "_congtt_homes"):
        keys.add(root.translation_key)
    if extra_translation_key and getattr(request, "_congtt_translations_key", None) != extra_translation_key:
        keys.add(extra_translation_key)
    if keys:
        pages = list(Page.objects.filter(translation_key__in=keys).order_by("path"))
        codes = locale_codes()
        if any(p.locale_id not in codes for p in pages):
            codes = locale_codes(refresh=True)
        homes, translations = {}, {}
        for page in pages:
            code = codes.get(page.locale_id)
            if page.translation_key == root.translation_key:
                homes.setdefault(code, root if page.pk == root.pk else page)
            if page.translation_key == extra_translation_key and page.live:
                translations.setdefault(code, page)
        if root.translation_key in keys:
            request._congtt_homes = homes
        if extra_translation_key in keys:
            request._congtt_translations = translations
            request._congtt_translations_key = extra_translation_key
    if not extra_translation_key:
        request._congtt_translations = {}
    return request._congtt_homes


def get_portal() -> SiteProfile | None:
    """The provincial portal's profile, cached until any site changes."""
    key = f"network:portal:{network_version()}"
    profile = cache.get(key)
    if profile is None:
        profile = SiteProfile.objects.select_related("site", "kind").filter(kind__is_portal=True).first()
        cache.set(key, profile or False, 3600)
    return profile or None


def get_edition_home(request):
    """The current site's home page in the active edition (falls back to the Vietnamese one)."""
    if not hasattr(request, "_congtt_home"):
        site = get_site(request)
        home = None
        if site is not None:
            root = site.root_page
            language = (get_language() or "vi").split("-")[0]
            if locale_codes().get(root.locale_id) == language:
                home = root
            else:
                home = get_edition_homes(request).get(language) or root
            home = home.specific
        request._congtt_home = home
    return request._congtt_home

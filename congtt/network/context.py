"""The site, profile and edition a request is for (cached on the request)."""

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from .models import SiteProfile
from .signals import network_version


def get_site(request) -> Site | None:
    return Site.find_for_request(request)


def get_site_profile(request) -> SiteProfile | None:
    if not hasattr(request, "_congtt_profile"):
        site = get_site(request)
        request._congtt_profile = (
            SiteProfile.objects.select_related("kind", "site", "parent__site").filter(site=site).first()
            if site is not None
            else None
        )
    return request._congtt_profile


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
            if root.locale.language_code == language:
                home = root
            else:
                locale = Locale.objects.filter(language_code=language).first()
                home = (root.get_translation_or_none(locale) if locale else None) or root
            home = home.specific
        request._congtt_home = home
    return request._congtt_home

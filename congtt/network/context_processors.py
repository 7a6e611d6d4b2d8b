from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from congtt.pagecache.store import site_versions

from .context import get_edition_home, get_portal, get_site, get_site_profile


def portal(request):
    """Header and footer data of the current site: profile, the provincial portal, menu."""

    def nav():
        home = get_edition_home(request)
        if not home:
            return []
        # Cached per edition home until a page or record of the site changes (page-cache versions).
        site = get_site(request)
        versions = site_versions(site.pk) if site is not None else "none"
        key = f"network:menu:{home.pk}:{versions}"
        items = cache.get(key) if versions != "none" else None
        if items is None:
            items = list(
                home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth")
            )
            if versions != "none":
                cache.set(key, items, 3600)
        return items

    return {
        "site_profile": SimpleLazyObject(lambda: get_site_profile(request)),
        "portal_profile": SimpleLazyObject(get_portal),
        "edition_home": SimpleLazyObject(lambda: get_edition_home(request)),
        "main_nav": SimpleLazyObject(nav),
    }

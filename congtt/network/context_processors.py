from django.utils.functional import SimpleLazyObject

from .context import get_edition_home, get_portal, get_site_profile


def portal(request):
    """Header and footer data of the current site: profile, the provincial portal, menu."""

    def nav():
        home = get_edition_home(request)
        return (
            list(home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth"))
            if home
            else []
        )

    return {
        "site_profile": SimpleLazyObject(lambda: get_site_profile(request)),
        "portal_profile": SimpleLazyObject(get_portal),
        "edition_home": SimpleLazyObject(lambda: get_edition_home(request)),
        "main_nav": SimpleLazyObject(nav),
    }

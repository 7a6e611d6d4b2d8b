"""Wagtail's site root paths, rebuilt in two queries instead of one per site.

``Site.get_site_root_paths()`` (used by every ``pageurl``) rebuilds its cached
list with one translations query per site when the cache is empty (every hour
and after site changes): 250 sites means 250 queries on that request. We fill
the same cache key, with the same content and order, in two queries.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, SiteRootPath


def build_site_root_paths() -> list[SiteRootPath]:
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return [
            SiteRootPath(s.id, s.root_page.url_path, s.root_url, s.root_page.locale.language_code)
            for s in sites
        ]
    translations: dict = {}
    keys = {s.root_page.translation_key for s in sites}
    for page in (
        Page.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .only("url_path", "path", "translation_key", "locale__language_code")
        .order_by("path")
    ):
        translations.setdefault(page.translation_key, []).append(page)
    return [
        SiteRootPath(s.id, page.url_path, s.root_url, page.locale.language_code)
        for s in sites
        for page in translations.get(s.root_page.translation_key, [])
    ]


def ensure_site_root_paths(request=None) -> None:
    """Fill Wagtail's site-root-paths cache (and the request's copy) if it is empty."""
    cached = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if cached is None:
        result = build_site_root_paths()
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    else:
        result = [SiteRootPath(*item) for item in cached]
    if request is not None:
        request._wagtail_cached_site_root_paths = result

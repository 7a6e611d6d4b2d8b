"""``/sitemap.xml`` of the requesting site: every public page of every edition, and public records.

Records of other apps are included when their model follows the search protocol
(``public_search_queryset(site)`` and ``get_url(request)``, see
``congtt.content.search.searchable_models``) or is registered with
``register_sitemap_model``.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PageSitemap
from wagtail.models import Page, Site

_EXTRA_MODELS: list = []


def register_sitemap_model(model):
    """Add a model with ``public_search_queryset(site)`` and ``get_url(request)`` to the sitemap."""
    if model not in _EXTRA_MODELS:
        _EXTRA_MODELS.append(model)
    return model


def sitemap_models() -> list:
    from .search import searchable_models

    models = list(searchable_models())
    return models + [m for m in _EXTRA_MODELS if m not in models]


class EditionPagesSitemap(PageSitemap):
    """Live public pages of the site's home in every edition (Wagtail's own covers only the root)."""

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key).only("path")
        condition = Q()
        for home in homes:
            condition |= Q(path__startswith=home.path)
        return Page.objects.filter(condition).live().public().order_by("path").defer_streamfields().specific()


class RecordSitemap(DjangoSitemap):
    def __init__(self, request, model):
        self.request = request
        self.model = model

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        return self.model.public_search_queryset(site)

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            url = item.get_url(self.request)
            if url:
                lastmod = getattr(item, "last_published_at", None) or getattr(item, "updated_at", None)
                urls.append(
                    {"item": item, "location": self.request.build_absolute_uri(url), "lastmod": lastmod}
                )
        return urls


def sitemap(request, **kwargs):
    sitemaps = {"pages": EditionPagesSitemap(request)}
    for model in sitemap_models():
        sitemaps[model._meta.label_lower] = RecordSitemap(request, model)
    return sitemap_views.sitemap(request, sitemaps, **kwargs)

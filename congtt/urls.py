from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from congtt.api import views as api_views
from congtt.api.urls import api
from congtt.content import views as content_views
from congtt.content.feeds import LatestNewsFeed
from congtt.content.sitemap import sitemap as content_sitemap
from congtt.editorial import public_views as editorial_public
from congtt.ops.views import healthz

urlpatterns = [
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", api_views.not_found),
    path("sitemap.xml", content_sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
]

urlpatterns += i18n_patterns(
    path("tim-kiem/", content_views.search, name="search"),
    path("rss/", LatestNewsFeed(), name="rss"),
    path("bao-cao-vi-pham/", editorial_public.report_violation, name="report_violation"),
    # At most 12 digits, like the record routes: a longer id overflows database integers.
    re_path(r"^rss/(?P<section_id>[0-9]{1,12})/$", LatestNewsFeed(), name="rss-section"),
    path("", include("congtt.citizen.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

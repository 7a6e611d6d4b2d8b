"""The "Lưu" (save) download of an article as PDF (PUB-4), rendered with WeasyPrint.

WeasyPrint needs Pango (Debian: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0).
Images and styles are read from MEDIA_ROOT / static files directly; nothing is
fetched over the network.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from congtt.vntext import slugify_vi


def _local_file(url: str) -> Path | None:
    path = unquote(urlparse(url).path)
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path[len(settings.MEDIA_URL) :]).resolve()
        return candidate if candidate.is_relative_to(root) and candidate.is_file() else None
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        return Path(found) if found else None
    return None


def url_fetcher(url, *args, **kwargs):
    """Serve only local media and static files to WeasyPrint; refuse everything else."""
    local = _local_file(url)
    if local is None:
        raise ValueError(f"not fetched: {url}")
    from weasyprint.urls import URLFetcherResponse

    mime = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
    return URLFetcherResponse(url, body=local.read_bytes(), headers={"Content-Type": mime})


def render_pdf(html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=url_fetcher).write_pdf()


def article_pdf_response(article, request) -> HttpResponse:
    context = article.get_context(request)
    context["print"] = True
    context["pdf"] = True
    html = render_to_string("content/article_print.html", context, request=request)
    pdf = render_pdf(html, request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = (slugify_vi(article.title) or "tin-bai")[:80]
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response

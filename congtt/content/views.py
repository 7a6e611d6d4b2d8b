import re

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from congtt.network.context import get_edition_home

from .models import paginate

MAX_QUERY_LENGTH = 200
# Quotes and control characters break the full-text query syntax (SQLite FTS5: "unterminated string").
UNSAFE_QUERY_CHARS = re.compile(r'["\x00-\x1f\x7f]')


def search(request):
    """Search the published pages of the current site and edition."""
    query = " ".join(UNSAFE_QUERY_CHARS.sub(" ", request.GET.get("q") or "").split())[:MAX_QUERY_LENGTH]
    home = get_edition_home(request)
    results = None
    message = ""
    if query and home is not None:
        pages = Page.objects.live().public().descendant_of(home, inclusive=True).specific()
        results = paginate(request, pages.search(query))
        if not results.paginator.count:
            message = _("Không tìm thấy kết quả nào cho “%(q)s”.") % {"q": query}
    elif "q" in request.GET:
        message = _("Hãy nhập từ khóa cần tìm.")
    return render(request, "content/search.html", {"query": query, "results": results, "message": message})

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from congtt.network.context import get_edition_home, get_site, get_site_profile
from congtt.network.query_params import ignored_params_notice

from .models import paginate
from .search import MAX_QUERY_LENGTH, parse_request, safe_search, sources

SEARCH_PARAMS = ("q", "loai", "tu_ngay", "den_ngay", "pham_vi", "page")


def search(request):
    """Search every published page and public record of the current site (or the whole network)."""
    home = get_edition_home(request)
    site = get_site(request)
    profile = get_site_profile(request)
    network_allowed = bool(profile is not None and profile.is_portal)
    kinds = {s.key: s.label for s in sources()}
    req = parse_request(request.GET, kinds, network_allowed)
    messages = list(req.messages)
    results = None
    if req.query and home is not None:
        locale = home.locale if home.locale.language_code == (get_language() or "vi").split("-")[0] else None
        locale = locale or Locale.objects.filter(language_code=(get_language() or "vi").split("-")[0]).first()
        hits, error = safe_search(request, req, home, site, locale or home.locale)
        if error:
            messages.append(error)
        results = paginate(request, hits)
        if results.notice:
            messages.append(results.notice)
        if not hits and not error:
            messages.append(_("Không tìm thấy kết quả nào cho “%(q)s”.") % {"q": req.query})
    elif "q" in request.GET:
        messages.append(_("Hãy nhập từ khóa cần tìm."))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "content/search.html",
        {
            "query": req.query,
            "req": req,
            "kinds": kinds,
            "results": results,
            "messages_list": messages,
            "network_allowed": network_allowed,
            "querystring": params.urlencode(),
            "max_length": MAX_QUERY_LENGTH,
            "params_notice": ignored_params_notice(request.GET, SEARCH_PARAMS),
        },
    )

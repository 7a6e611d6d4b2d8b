"""Views used only by the page-cache tests (mounted by tests/pagecache/urls.py)."""

from django.http import HttpResponse
from django.middleware.csrf import get_token


def with_csrf_form(request):
    token = get_token(request)
    return HttpResponse(
        f'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}"></form>'
    )


def with_cookie(request):
    response = HttpResponse("<p>đã đặt cookie</p>")
    response.set_cookie("da_xem", "1")
    return response


def plain_text(request):
    return HttpResponse("văn bản", content_type="text/plain; charset=utf-8")


def varies_on_encoding(request):
    response = HttpResponse(f"<p>{request.headers.get('Accept-Encoding', '')}</p>")
    response["Vary"] = "Accept-Encoding"
    return response


COUNTER = "tests.pagecache_reads"


def counted(request, pk):
    """A page that counts one hit of COUNTER for ``pk`` each time it is rendered."""
    from congtt.ops import counters

    counters.count(COUNTER, pk, request)
    return HttpResponse(f"<p>trang {pk}</p>")

"""WSGI fast path for page-cache hits: the same answer as the Django path, without Django's handler."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page

from congtt.content.models import StandardPage
from congtt.ops import counters
from congtt.pagecache import fastpath
from congtt.reports import stats

from .views import COUNTER

pytestmark = pytest.mark.django_db

DEPT = "sokhcn.langson.localhost"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


class Fallback:
    """Stands for Django's application: records that the request fell through."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("599 Fell Through", [])
        return [b""]


def fast(path, host=DEPT, method="GET", **extra):
    """(answered by the fast path?, status line, headers dict, body) for one WSGI request."""
    environ = RequestFactory().generic(method, path, HTTP_HOST=host, **extra).environ
    fallback = Fallback()
    sent = {}

    def start_response(status, headers):
        sent["status"], sent["headers"] = status, headers

    body = b"".join(fastpath.PageCacheFastPath(fallback)(environ, start_response))
    return fallback.calls == 0, sent["status"], dict(sent["headers"]), body


def django(client, path, host=DEPT, **extra):
    return client.get(path, HTTP_HOST=host, **extra)


def add_page(parent, title, slug, live=True):
    page = StandardPage(title=title, slug=slug, body="<p>Nội dung</p>", live=live)
    parent.add_child(instance=page)
    return page


def news(site_profile):
    root = site_profile.site.root_page
    return Page.objects.get(slug="tin-tuc", depth=3, path__startswith=root.path).specific


@pytest.mark.parametrize("path", ["/tin-tuc/", "/", "/en/news/", "/tin-tuc/?page=1&b=2"])
def test_a_hit_is_identical_to_the_django_hit(client, department, path):
    assert django(client, path, HTTP_USER_AGENT=BROWSER)["X-Cache"] == "MISS"
    normal = django(client, path, HTTP_USER_AGENT=BROWSER)
    answered, status, headers, body = fast(path, HTTP_USER_AGENT=BROWSER)
    assert answered
    assert normal["X-Cache"] == headers["X-Cache"] == "HIT"
    assert status == f"{normal.status_code} {normal.reason_phrase}" == "200 OK"
    assert abs(int(headers.pop("Age")) - int(normal["Age"])) <= 1
    expected = {name: value for name, value in normal.items() if name != "Age"}
    assert headers == expected
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert headers[name], name
    assert body == normal.content


def test_head_is_answered_like_the_django_head(client, department):
    django(client, "/tin-tuc/")
    normal = client.head("/tin-tuc/", HTTP_HOST=DEPT)
    answered, status, headers, _body = fast("/tin-tuc/", method="HEAD")
    assert answered and status.startswith("200")
    headers.pop("Age")
    assert headers == {name: value for name, value in normal.items() if name != "Age"}


def test_a_hit_costs_no_sql_query(client, department, django_assert_num_queries):
    django(client, "/tin-tuc/")
    with django_assert_num_queries(0):
        assert fast("/tin-tuc/")[0]


def test_a_miss_falls_through_and_the_next_request_is_answered(client, department):
    assert not fast("/tin-tuc/")[0], "host not resolved by this process yet"
    django(client, "/")  # resolves the host, stores /
    assert not fast("/tin-tuc/")[0], "nothing stored for this path"
    django(client, "/tin-tuc/")
    assert fast("/tin-tuc/")[0]


def test_hits_count_views_and_access_statistics_like_the_django_path(
    client, department, monkeypatch, settings
):
    settings.COUNTERS_FLUSH_SECONDS = 0
    monkeypatch.setitem(
        counters.REGISTRY, COUNTER, counters.Counter(COUNTER, "ops.BackupRecord", "size_bytes")
    )
    settings.ROOT_URLCONF = "tests.pagecache.urls"
    stats.stats_cache().clear()
    today = timezone.localdate()
    django(client, "/thu/dem/7/", HTTP_USER_AGENT=BROWSER)
    django(client, "/thu/dem/7/", HTTP_USER_AGENT=BROWSER)
    assert counters.buffered(COUNTER, 7) == 2
    assert stats.pending_path_views(DEPT, "/thu/dem/7/", today) == 2
    assert fast("/thu/dem/7/", HTTP_USER_AGENT=BROWSER)[0]
    assert fast("/thu/dem/7/", HTTP_USER_AGENT=BROWSER)[0]
    assert counters.buffered(COUNTER, 7) == 4
    assert stats.pending_path_views(DEPT, "/thu/dem/7/", today) == 4
    assert stats.pending(DEPT, today) == (1, 4), "one visitor, four views"
    assert fast("/thu/dem/7/", method="HEAD", HTTP_USER_AGENT=BROWSER)[0]
    assert fast("/thu/dem/7/", HTTP_USER_AGENT="Googlebot/2.1")[0]
    assert counters.buffered(COUNTER, 7) == 5, "a HEAD is not a view; a bot's GET still counts the article"
    assert stats.pending_path_views(DEPT, "/thu/dem/7/", today) == 4, "neither HEAD nor bots are statistics"
    assert stats.pending_path_views(DEPT, "/thu/dem/7/", today + datetime.timedelta(days=1)) == 0


def test_logged_in_users_never_come_from_it(client, department, editor):
    django(client, "/tin-tuc/")
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    assert not fast("/tin-tuc/", HTTP_COOKIE=f"sessionid={session}")[0]
    assert not fast("/tin-tuc/", HTTP_COOKIE="sessionid=")[0], "Django would answer with a Set-Cookie"
    assert not fast("/tin-tuc/", HTTP_COOKIE="messages=abc")[0]
    assert not fast("/tin-tuc/", HTTP_AUTHORIZATION="Basic dTpw")[0]
    assert fast("/tin-tuc/", HTTP_COOKIE="csrftoken=abc")[0], "a CSRF cookie alone changes nothing on a hit"


def test_post_never_comes_from_it(client, department):
    django(client, "/tin-tuc/")
    assert not fast("/tin-tuc/", method="POST")[0]
    assert not fast("/tin-tuc/", method="PUT")[0]


@pytest.mark.urls("tests.pagecache.urls")
def test_pages_with_csrf_forms_never_come_from_it(client, department):
    django(client, "/")
    first = django(client, "/thu/csrf/")
    assert first.cookies
    client.cookies.clear()
    assert not fast("/thu/csrf/")[0]


def test_admin_and_previews_never_come_from_it(client, department, editor, settings):
    django(client, "/")
    page = add_page(news(department), "Bản nháp", "ban-nhap", live=False)
    client.force_login(editor)
    admin = f"/{settings.ADMIN_PATH.strip('/')}/pages/{page.pk}/edit/preview/"
    client.get(admin, HTTP_HOST=DEPT)
    assert not fast(admin)[0]
    assert not fast(f"/{settings.ADMIN_PATH.strip('/')}/")[0]


def test_unpublished_pages_never_come_from_it(client, department):
    page = add_page(news(department), "Tin sẽ gỡ", "tin-se-go")
    django(client, "/tin-tuc/tin-se-go/")
    assert fast("/tin-tuc/tin-se-go/")[0]
    page.unpublish()
    assert not fast("/tin-tuc/tin-se-go/")[0]
    assert django(client, "/tin-tuc/tin-se-go/").status_code == 404
    assert not fast("/tin-tuc/tin-se-go/")[0], "a 404 is never stored"
    add_page(news(department), "Bản nháp", "ban-nhap", live=False)
    django(client, "/tin-tuc/ban-nhap/")
    assert not fast("/tin-tuc/ban-nhap/")[0]


def test_publish_is_visible_on_the_next_request_through_it(client, department):
    draft = add_page(news(department), "Hội nghị tổng kết năm 2025", "hoi-nghi-tong-ket", live=False)
    django(client, "/tin-tuc/")
    answered, _status, _headers, body = fast("/tin-tuc/")
    assert answered and "Hội nghị tổng kết" not in body.decode()
    draft.save_revision().publish()
    assert not fast("/tin-tuc/")[0], "the publish invalidated the entry: Django renders"
    assert "Hội nghị tổng kết năm 2025" in django(client, "/tin-tuc/").content.decode()
    answered, _status, _headers, body = fast("/tin-tuc/")
    assert answered and "Hội nghị tổng kết năm 2025" in body.decode()


def test_disabled_cache_and_https_redirect_fall_through(client, department, settings):
    django(client, "/tin-tuc/")
    settings.SECURE_SSL_REDIRECT = True
    assert not fast("/tin-tuc/")[0]
    settings.SECURE_SSL_REDIRECT = False
    settings.PAGECACHE_SECONDS = 0
    assert not fast("/tin-tuc/")[0]


def test_disallowed_host_falls_through(client, department):
    django(client, "/tin-tuc/")
    assert not fast("/tin-tuc/", host="evil.example")[0]


def test_an_unknown_middleware_before_the_page_cache_switches_it_off(client, department, settings):
    django(client, "/tin-tuc/")
    assert fastpath.hit_path_supported()
    settings.MIDDLEWARE = ["tests.pagecache.views.Unknown", *settings.MIDDLEWARE]
    assert not fastpath.hit_path_supported()
    assert not fast("/tin-tuc/")[0]


def test_the_project_wsgi_application_uses_it():
    from congtt import wsgi

    assert isinstance(wsgi.application, fastpath.PageCacheFastPath)


def test_the_wsgi_module_loads_in_a_fresh_process():
    """gunicorn imports congtt.wsgi before Django is set up (the fast path's first import broke it)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", "import congtt.wsgi as w; print(type(w.application).__name__)"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "PageCacheFastPath"


def test_a_miss_leaves_the_environ_as_the_server_gave_it(portal):
    """schemathesis found a 500: the fast path's request rewrote PATH_INFO (decoded) before Django read it."""
    import io

    from congtt import wsgi

    path = "/api/v1/legal-documents/" + "øC𮑴".encode().decode("latin-1")  # WSGI strings are latin-1
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "langson.localhost",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    from django.core import signals
    from django.db import close_old_connections

    statuses = []
    # As Django's test client does: the real handler would close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        b"".join(wsgi.application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    assert statuses == ["404 Not Found"]


def test_its_hits_do_not_vary_on_cookie(client, department):
    """Like the Django path: nginx must keep one shared copy, refreshed by the PURGE on publish."""
    django(client, "/tin-tuc/")
    answered, _status, headers, _body = fast("/tin-tuc/", HTTP_COOKIE="csrftoken=" + "x" * 32)
    assert answered
    assert "cookie" not in headers.get("Vary", "").lower()

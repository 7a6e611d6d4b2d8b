"""ASGI fast path (congtt/asgi.py): a hit is the WSGI fast path's answer, everything else is Django's."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.core import signals
from django.db import close_old_connections

from congtt.pagecache import fastpath

from .test_fastpath import BROWSER, DEPT, django, fast

pytestmark = pytest.mark.django_db


class Fallback:
    """Stands for Django's ASGI application: records that the request fell through."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture(autouse=True)
def keep_test_connection():
    """As Django's test clients do: the real handler would close the test's database connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(app, path, host=DEPT, method="GET", headers=(), body=b""):
    """(status, headers dict, body) of one ASGI HTTP request to ``app``."""
    path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", host.encode()), *((k.lower().encode(), v.encode()) for k, v in headers)],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }

    async def run():
        messages, requested = [], False

        async def receive():
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": body}
            await asyncio.Event().wait()  # the client stays connected until Django stops listening

        async def send(message):
            messages.append(message)

        await asyncio.wait_for(app(scope, receive, send), 60)
        start = next(m for m in messages if m["type"] == "http.response.start")
        return start, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")

    # Called in this context (not asgiref's ApplicationCommunicator, which runs the application in an
    # empty one): through async_to_sync, Django's thread-sensitive code runs back on this thread (the test's connection),
    # the event loop in another one, where a database query would raise SynchronousOnlyOperation.
    start, content = async_to_sync(run)()
    sent = {name.decode("latin-1"): value.decode("latin-1") for name, value in start["headers"]}
    return start["status"], sent, content


def asgi_fast(path, **kwargs):
    """(answered by the fast path?, status, headers, body) with a stand-in for Django behind it."""
    fallback = Fallback()
    status, headers, body = call(fastpath.PageCacheASGIFastPath(fallback), path, **kwargs)
    return fallback.calls == 0, status, headers, body


@pytest.mark.parametrize("path", ["/tin-tuc/", "/", "/en/news/", "/tin-tuc/?page=1&b=2"])
def test_a_hit_is_the_wsgi_fast_paths_hit(client, department, path):
    django(client, path, HTTP_USER_AGENT=BROWSER)
    wsgi_answered, wsgi_status, wsgi_headers, wsgi_body = fast(path, HTTP_USER_AGENT=BROWSER)
    answered, status, headers, body = asgi_fast(path, headers=[("User-Agent", BROWSER)])
    assert wsgi_answered and answered
    assert f"{status} OK" == wsgi_status == "200 OK"
    assert abs(int(headers.pop("Age")) - int(wsgi_headers.pop("Age"))) <= 1
    assert headers == wsgi_headers
    assert headers["X-Cache"] == "HIT"
    assert body == wsgi_body


def test_a_miss_goes_to_django_which_renders_and_stores_it(department):
    from congtt import asgi

    asgi_status, _headers, _body = call(asgi.application, "/")  # resolves the host in this process
    assert asgi_status == 200
    status, headers, body = call(asgi.application, "/tin-tuc/")
    assert status == 200 and headers["X-Cache"] == "MISS"
    assert b"</html>" in body
    answered, _status, hit_headers, hit_body = asgi_fast("/tin-tuc/")
    assert answered and hit_headers["X-Cache"] == "HIT"
    assert hit_body == body


def test_post_goes_to_django(client, department):
    django(client, "/tin-tuc/")
    assert asgi_fast("/tin-tuc/")[0]
    assert not asgi_fast("/tin-tuc/", method="POST", body=b"a=1")[0]
    assert not asgi_fast("/tin-tuc/", method="PUT")[0]


def test_logged_in_users_and_session_cookies_go_to_django(client, department, editor):
    django(client, "/tin-tuc/")
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    assert not asgi_fast("/tin-tuc/", headers=[("Cookie", f"sessionid={session}")])[0]
    assert not asgi_fast("/tin-tuc/", headers=[("Cookie", "sessionid=")])[0]
    assert not asgi_fast("/tin-tuc/", headers=[("Authorization", "Basic dTpw")])[0]
    assert asgi_fast("/tin-tuc/", headers=[("Cookie", "csrftoken=abc")])[0]


def test_admin_and_unknown_hosts_go_to_django(client, department, settings):
    django(client, "/tin-tuc/")
    assert not asgi_fast(f"/{settings.ADMIN_PATH.strip('/')}/")[0]
    assert not asgi_fast("/tin-tuc/", host="evil.example")[0]


def test_a_logged_in_editor_gets_the_admin_through_django(client, department, editor, settings):
    from congtt import asgi

    client.force_login(editor)
    session = client.cookies["sessionid"].value
    status, headers, _body = call(
        asgi.application,
        f"/{settings.ADMIN_PATH.strip('/')}/",
        headers=[("Cookie", f"sessionid={session}")],
    )
    assert status == 200
    assert "X-Cache" not in headers


def test_the_project_asgi_application_uses_it():
    from congtt import asgi

    assert isinstance(asgi.application, fastpath.PageCacheASGIFastPath)

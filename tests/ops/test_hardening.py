"""Security headers, HTTPS-only settings, upload validation and ClamAV (SEC-4)."""

import io
import os
import socket
import struct
import tempfile
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import clear_url_caches, reverse

from congtt.ops.uploads import clamd_scan, validate_upload

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_public_page_has_strict_csp_and_admin_a_relaxed_one(client, portal):
    public = client.get("/", HTTP_HOST="langson.localhost")
    assert public.status_code == 200
    csp = public["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    from django.conf import settings

    # Only our own origin and the national EMC measurement hosts (PUB-8), never inline script.
    assert (
        directives["script-src"].split() == ["'self'", *settings.EMC_SCRIPT_HOSTS]
        and "unsafe-inline" not in csp
    )
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'"
    assert public["X-Content-Type-Options"] == "nosniff"
    assert public["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert public["X-Frame-Options"] == "SAMEORIGIN"
    admin = client.get("/quan-tri/login/")
    assert "'unsafe-inline'" in admin["Content-Security-Policy"]
    assert "https:" not in admin["Content-Security-Policy"]  # still no third-party hosts
    assert "Strict-Transport-Security" not in public  # no HTTPS configured


@pytest.mark.django_db
@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_hsts_and_secure_cookies_with_https(client, portal, make_user, department):
    response = client.get("/", HTTP_HOST="langson.localhost", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    plain = client.get("/", HTTP_HOST="langson.localhost")
    assert "Strict-Transport-Security" not in plain
    login = client.post(
        "/quan-tri/login/",
        {"username": make_user().username, "password": "Mat-khau-rat-dai-2024"},
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert login.cookies["sessionid"]["secure"] is True


def test_https_env_switches_secure_settings_on():
    """settings.py itself: HTTPS=1 turns on HSTS and secure cookies (evaluated in a subprocess)."""
    import subprocess
    import sys

    code = (
        "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='congtt.settings';"
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    for https, expected in (("1", "31536000 True True"), ("0", "0 False False")):
        env = {**os.environ, "HTTPS": https}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == expected


@pytest.mark.django_db
def test_admin_lives_at_the_configured_path(client, settings, portal):
    import importlib

    import congtt.urls

    assert client.get("/quan-tri/login/").status_code == 200
    settings.ADMIN_PATH = "cua-sau"
    try:
        importlib.reload(congtt.urls)
        clear_url_caches()
        assert reverse("wagtailadmin_login") == "/cua-sau/login/"
        assert client.get("/cua-sau/login/").status_code == 200
        assert client.get("/quan-tri/login/", HTTP_HOST="langson.localhost").status_code == 404
    finally:
        settings.ADMIN_PATH = "quan-tri"
        importlib.reload(congtt.urls)
        clear_url_caches()


# Uploads --------------------------------------------------------------------------------------


def test_upload_validator_checks_extension_magic_and_size():
    ok = SimpleUploadedFile("bao-cao.pdf", PDF)
    validate_upload(ok, ["pdf"], 1024)
    with pytest.raises(ValidationError, match="Loại tệp “.exe” không được phép"):
        validate_upload(SimpleUploadedFile("x.exe", b"MZ..."), ["pdf"], 1024)
    with pytest.raises(ValidationError, match="không khớp với đuôi"):
        validate_upload(SimpleUploadedFile("gia-mao.pdf", b"MZ\x90\x00 this is an exe"), ["pdf"], 1024)
    with pytest.raises(ValidationError, match="Tệp quá lớn"):
        validate_upload(SimpleUploadedFile("lon.pdf", PDF + b"0" * 2048), ["pdf"], 1024)


class FakeClamd:
    """A unix-socket server speaking clamd's INSTREAM protocol; flags the EICAR string."""

    def __init__(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, "clamd.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(5)
        self.commands = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                self.commands.append(command)
                data = b""
                while True:
                    size = struct.unpack("!L", self._read(conn, 4))[0]
                    if not size:
                        break
                    data += self._read(conn, size)
                reply = b"stream: Eicar-Test-Signature FOUND\0" if EICAR in data else b"stream: OK\0"
                conn.sendall(reply)

    @staticmethod
    def _read(conn, n):
        buf = b""
        while len(buf) < n:
            buf += conn.recv(n - len(buf))
        return buf

    def close(self):
        self.sock.close()


@pytest.fixture
def clamd():
    server = FakeClamd()
    yield server
    server.close()


def test_clamd_scan_finds_eicar(clamd):
    assert clamd_scan(io.BytesIO(b"clean text " * 10000), clamd.path) is None
    assert clamd_scan(io.BytesIO(b"abc" + EICAR), clamd.path) == "Eicar-Test-Signature"
    assert clamd.commands[0] == b"zINSTREAM\0"


def test_validator_refuses_infected_file_when_clamd_configured(clamd, settings):
    settings.CLAMD_SOCKET = clamd.path
    with pytest.raises(ValidationError, match="Tệp chứa mã độc"):
        validate_upload(SimpleUploadedFile("nhiem.txt", EICAR), ["txt"], 1024)
    validate_upload(SimpleUploadedFile("sach.txt", b"hello"), ["txt"], 1024)
    settings.CLAMD_SOCKET = clamd.path + ".missing"
    with pytest.raises(ValidationError, match="Không kiểm tra được mã độc"):
        validate_upload(SimpleUploadedFile("sach.txt", b"hello"), ["txt"], 1024)


@pytest.mark.django_db
def test_wagtail_document_upload_is_scanned(client, clamd, settings):
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model

    settings.CLAMD_SOCKET = clamd.path
    user = get_user_model().objects.create_superuser("admin", "a@example.vn", "Mat-khau-rat-dai-2024")
    client.force_login(user)
    url = reverse("wagtaildocs:add")
    response = client.post(
        url, {"title": "Virus", "file": SimpleUploadedFile("virus.txt", EICAR), "collection": 1}
    )
    assert "Tệp chứa mã độc" in response.content.decode()
    assert not get_document_model().objects.exists()
    response = client.post(url, {"title": "Tốt", "file": SimpleUploadedFile("tot.pdf", PDF), "collection": 1})
    assert get_document_model().objects.filter(title="Tốt").exists()
    assert settings.MEDIA_ROOT  # documents are stored under MEDIA_ROOT

"""Upload checks shared by every app (SEC-4): extension, magic bytes, size and ClamAV.

``validate_upload(file, allowed_extensions, max_bytes)`` raises ``ValidationError`` with a
Vietnamese message. ClamAV runs only when the ``CLAMD_SOCKET`` setting/env names clamd's
unix socket; we talk clamd's INSTREAM protocol directly (no extra dependency).
"""

import os
import socket
import struct

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Leading bytes of each accepted type. Office Open XML and ODF files are ZIP archives.
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "zip": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "rar": (b"Rar!\x1a\x07",),
}
TEXT_TYPES = {"txt", "csv"}
CHUNK = 64 * 1024


class ClamdUnavailable(Exception):
    pass


def clamd_socket_path() -> str:
    return getattr(settings, "CLAMD_SOCKET", "") or os.environ.get("CLAMD_SOCKET", "")


def clamd_scan(fileobj, socket_path: str, timeout: float = 30.0) -> str | None:
    """Stream ``fileobj`` to clamd (INSTREAM); return the virus name, or None when clean."""
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(socket_path)
    except OSError as exc:
        raise ClamdUnavailable(str(exc)) from exc
    try:
        sock.sendall(b"zINSTREAM\0")
        fileobj.seek(0)
        while chunk := fileobj.read(CHUNK):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            data = sock.recv(4096)
            if not data:
                break
            reply += data
    except OSError as exc:
        raise ClamdUnavailable(str(exc)) from exc
    finally:
        sock.close()
        fileobj.seek(0)
    text = reply.rstrip(b"\0").decode("utf-8", "replace")  # "stream: OK" | "stream: Eicar-Signature FOUND"
    if text.endswith("FOUND"):
        return text.split(":", 1)[-1].rsplit(" ", 1)[0].strip()
    if text.endswith("OK"):
        return None
    raise ClamdUnavailable(text or "empty reply")


def validate_upload(file, allowed_extensions, max_bytes: int) -> None:
    """Refuse a file whose extension, content type or size is not allowed, or that carries malware."""
    name = getattr(file, "name", "") or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = {e.lower().lstrip(".") for e in allowed_extensions}
    if ext not in allowed:
        raise ValidationError(
            _("Loại tệp “.%(ext)s” không được phép. Chỉ chấp nhận: %(allowed)s.")
            % {"ext": ext, "allowed": ", ".join(sorted(allowed))},
            code="extension",
        )
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    if size > max_bytes:
        raise ValidationError(
            _("Tệp quá lớn (%(size).1f MB); tối đa %(max).1f MB.")
            % {"size": size / 1048576, "max": max_bytes / 1048576},
            code="size",
        )
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if isinstance(head, str):
        head = head.encode()
    if ext in TEXT_TYPES:
        if b"\0" in head:
            raise ValidationError(
                _("Nội dung tệp không khớp với đuôi “.%(ext)s”.") % {"ext": ext}, code="magic"
            )
    elif ext in MAGIC and not head.startswith(MAGIC[ext]):
        raise ValidationError(_("Nội dung tệp không khớp với đuôi “.%(ext)s”.") % {"ext": ext}, code="magic")
    scan_or_raise(file)


def scan_or_raise(file) -> None:
    path = clamd_socket_path()
    if not path:
        return
    try:
        virus = clamd_scan(file, path)
    except ClamdUnavailable as exc:
        raise ValidationError(
            _("Không kiểm tra được mã độc (máy quét ClamAV không phản hồi); hãy thử lại sau."), code="clamd"
        ) from exc
    if virus:
        raise ValidationError(_("Tệp chứa mã độc (%(name)s) nên bị từ chối.") % {"name": virus}, code="virus")

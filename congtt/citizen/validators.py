"""Checks of uploaded files (type by extension and signature, size)."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "jpg", "jpeg", "png"}
# Leading bytes of each allowed type (doc = OLE2, docx = zip).
SIGNATURES = {
    "pdf": [b"%PDF"],
    "doc": [b"\xd0\xcf\x11\xe0"],
    "docx": [b"PK\x03\x04"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "png": [b"\x89PNG"],
}


def validate_attachment(upload):
    """Refuse files that are too big or not PDF/DOC/DOCX/JPG/PNG (by name and content)."""
    if upload is None:
        return
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Tệp đính kèm vượt quá 10 MB."))
    ext = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Chỉ nhận tệp PDF, DOC, DOCX, JPG hoặc PNG."))
    pos = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(pos)
    if not any(head.startswith(sig) for sig in SIGNATURES[ext]):
        raise ValidationError(_("Nội dung tệp không đúng với loại tệp %(ext)s.") % {"ext": ext.upper()})

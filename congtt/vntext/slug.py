"""URL slugs for Vietnamese titles."""

from __future__ import annotations

import hashlib
import re

from .fold import fold
from .normalize import nfc

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify_vi(text: str | None, max_length: int = 80) -> str:
    """Return an ASCII slug: ``"Quyết định số 40/2024/QĐ-UBND"`` -> ``"quyet-dinh-so-40-2024-qd-ubnd"``.

    The slug is cut at a hyphen when longer than ``max_length``. Input that has
    letters or digits but nothing foldable to ASCII (e.g. CJK) gets a short
    stable hash instead, so the result is never empty for such input.
    """
    if max_length < 1:
        raise ValueError("max_length must be positive")
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if not slug and text and any(ch.isalnum() for ch in text):
        slug = hashlib.sha1(nfc(text).encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]  # do not cut a word in half
        slug = cut.strip("-")
    return slug

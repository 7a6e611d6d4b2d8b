"""Accent folding for search keys, slugs and hostnames."""

from __future__ import annotations

import re
import unicodedata

from .normalize import nfc

# Letters that NFKD does not decompose into ASCII + combining marks.
_SPECIAL = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "ı": "i"})
_NON_ASCII = re.compile(r"[^\x20-\x7e]+")
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip all diacritics (``đ`` -> ``d``) and collapse whitespace.

    The result is always printable ASCII; characters without an ASCII
    equivalent (CJK, emoji, symbols) become spaces. ``fold`` is idempotent.
    """
    if not text:
        return ""
    text = nfc(text).lower().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_SPECIAL)
    text = _NON_ASCII.sub(" ", text)
    return _SPACES.sub(" ", text).strip().lower()  # NFKD may yield capitals (e.g. "𝐀")

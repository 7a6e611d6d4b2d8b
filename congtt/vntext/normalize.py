"""Unicode normalisation for stored Vietnamese text (PUB-1: NFC, TCVN 6909)."""

from __future__ import annotations

import unicodedata

# Zero-width characters that sneak in from Word/web pastes and break search.
_ZERO_WIDTH = {0x200B: None, 0xFEFF: None}


def nfc(text: str | None) -> str | None:
    """Return ``text`` in NFC form, without U+200B/U+FEFF and with LF line ends.

    ``None`` and ``""`` are returned unchanged. CRLF and lone CR both become LF.
    """
    if not text:
        return text
    text = text.translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)

"""One-call clean-up for pasted text: NFC + legacy-encoding conversion."""

from __future__ import annotations

from .legacy import detect_legacy, from_tcvn3, from_vni
from .normalize import nfc


def repair(text: str | None) -> str | None:
    """NFC-normalise ``text`` and convert it from TCVN3/VNI when detected.

    Text that ``detect_legacy`` does not flag is only NFC-normalised, so
    correct Unicode is never altered beyond ``nfc``.
    """
    text = nfc(text)
    if not text:
        return text
    encoding = detect_legacy(text)
    if encoding == "tcvn3":
        return nfc(from_tcvn3(text))
    if encoding == "vni":
        return nfc(from_vni(text))
    return text

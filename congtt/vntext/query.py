"""Text typed into a public form or query string, made safe to search, store and show back."""

from __future__ import annotations

import unicodedata

# Control, format (bidi overrides, zero-width), surrogate, private-use and unassigned characters, and the
# line/paragraph separators: none belongs in a one-line query, and PostgreSQL rejects NUL outright.
_DROPPED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
MAX_MARKS = 3  # Vietnamese needs at most two combining marks on a letter (ệ = e + ̂ + ̣)


def clean_text(value: str | None, max_length: int = 200) -> str:
    """``value`` in NFC on one line, without invisible characters or mark floods, at most ``max_length``.

    Each dropped invisible character becomes a space (so "a\\x00b" stays two words), spaces collapse,
    and a letter keeps at most ``MAX_MARKS`` combining marks after NFC.
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value[: max_length * 4])
    out: list[str] = []
    marks = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category in _DROPPED:
            out.append(" ")
            marks = 0
        elif category.startswith("M"):
            marks += 1
            if marks <= MAX_MARKS:
                out.append(ch)
        else:
            out.append(ch)
            marks = 0
    return " ".join("".join(out).split())[:max_length].strip()

"""Hostname rules for provincial portals (Decision 40/2024/QĐ-UBND, Art. 4).

``abbreviation`` style (departments, boards, units): the leading
administrative noun is kept in full (unaccented, no spaces), then each
following syllable contributes its first letter. The conjunction "và" and
punctuation are skipped; digits are kept whole; tokens already written as
uppercase abbreviations ("KH&CN", "UBND", "THPT") contribute all their letters.
Examples: "Sở Khoa học và Công nghệ" -> "sokhcn", "Sở KH&CN" -> "sokhcn",
"Văn phòng UBND tỉnh" -> "vanphongubndt". A name written entirely in capitals
is read as ordinary words (no abbreviation tokens).

``full`` style (districts, communes): the leading unit prefix (huyện, thành
phố, thị xã, quận, xã, phường, thị trấn) is dropped and the remaining words are
joined unaccented: "Thành phố Lạng Sơn" -> "langson". The prefix is kept when
only digits would remain ("Phường 1" -> "phuong1").
"""

from __future__ import annotations

import re

from .fold import fold
from .normalize import nfc

#: Leading administrative nouns kept in full in the abbreviation style (folded).
ADMINISTRATIVE_NOUNS = (
    "so", "ban", "van phong", "thanh tra", "trung tam", "dai", "truong", "benh vien",
    "cong an", "bo chi huy", "uy ban", "chi cuc", "cuc", "vien", "hoi", "kho bac",
)  # fmt: skip
#: Unit prefixes dropped in the full style (folded).
DIVISION_PREFIXES = ("thanh pho", "thi xa", "thi tran", "huyen", "quan", "xa", "phuong")
STYLES = ("abbreviation", "full")

_RUN = re.compile(r"[^\W_]+")
_LABEL_CHARS = re.compile(r"[^a-z0-9]")
_HOSTNAME_CHARS = re.compile(r"[a-z0-9.-]*")

MSG_EMPTY = "Tên miền không được để trống."
MSG_CHARS = "Tên miền chỉ được chứa chữ cái không dấu, chữ số, dấu gạch ngang và dấu chấm."
MSG_UPPER = "Tên miền phải viết bằng chữ thường."
MSG_TOTAL = "Tên miền không được dài quá 253 ký tự."
MSG_EMPTY_LABEL = "Tên miền không được có phần rỗng (dấu chấm ở đầu, ở cuối hoặc hai dấu chấm liền nhau)."
MSG_LABEL_LENGTH = "Mỗi phần của tên miền dài từ 1 đến 63 ký tự."
MSG_HYPHEN = "Phần tên miền không được bắt đầu hoặc kết thúc bằng dấu gạch ngang."
MSG_TWO_LABELS = "Tên miền phải có ít nhất hai phần, ví dụ sokhcn.langson.gov.vn."
MSG_NUMERIC_TLD = "Phần cuối của tên miền không được chỉ gồm chữ số."


def _strip_prefix(words: list[str], prefixes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Split ``words`` into (longest matching prefix, rest)."""
    for prefix in sorted(prefixes, key=lambda p: -len(p.split())):
        size = len(prefix.split())
        if " ".join(words[:size]) == prefix:
            return words[:size], words[size:]
    return [], words


def hostname_label(name: str, style: str) -> str:
    """Derive the first DNS label for a unit ``name`` (see module docstring)."""
    if style not in STYLES:
        raise ValueError(f"Unknown hostname style: {style!r}")
    runs = _RUN.findall(nfc(name or ""))
    folded = [fold(run).replace(" ", "") for run in runs]
    if style == "full":
        head, rest = _strip_prefix(folded, DIVISION_PREFIXES)
        label = "".join(rest)
        if not rest or label.isdigit():
            label = "".join(head) + label
    else:
        all_caps = (name or "").isupper()
        head, _ = _strip_prefix(folded, ADMINISTRATIVE_NOUNS)
        parts = list(head)
        for run, word in zip(runs[len(head) :], folded[len(head) :], strict=True):
            if not word or word == "va":
                continue
            if word.isdigit() or (len(run) >= 2 and run.isupper() and not all_caps):
                parts.append(word)
            else:
                parts.append(word[0])
        label = "".join(parts)
    label = _LABEL_CHARS.sub("", label)[:63]
    if not label:
        raise ValueError("Không tạo được tên miền từ tên đơn vị.")
    return label


def propose_hostname(name: str, style: str, parent_hostname: str) -> str:
    """``"Sở Khoa học và Công nghệ", "abbreviation", "langson.gov.vn"`` -> ``"sokhcn.langson.gov.vn"``."""
    return f"{hostname_label(name, style)}.{parent_hostname}"


def validate_hostname(hostname: str | None) -> list[str]:
    """Return Vietnamese error messages for ``hostname``; an empty list means valid.

    Rules: lowercase ASCII letters, digits, hyphens and dots only; at least two
    labels of 1–63 characters that do not start or end with a hyphen; at most
    253 characters in total; the last label is not purely numeric.
    ``localhost`` is accepted as the last label (``sokhcn.langson.localhost``).
    """
    if not hostname:
        return [MSG_EMPTY]
    errors: list[str] = []
    if any(ch.isupper() for ch in hostname):
        errors.append(MSG_UPPER)
    if not _HOSTNAME_CHARS.fullmatch(hostname.lower()) or not hostname.isascii():
        errors.append(MSG_CHARS)
    if len(hostname) > 253:
        errors.append(MSG_TOTAL)
    labels = hostname.split(".")
    if any(not label for label in labels):
        errors.append(MSG_EMPTY_LABEL)
    if any(len(label) > 63 for label in labels):
        errors.append(MSG_LABEL_LENGTH)
    if any(label.startswith("-") or label.endswith("-") for label in labels):
        errors.append(MSG_HYPHEN)
    if len([label for label in labels if label]) < 2:
        errors.append(MSG_TWO_LABELS)
    elif labels[-1].isdigit():
        errors.append(MSG_NUMERIC_TLD)
    return errors

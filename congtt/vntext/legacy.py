"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC) and VNI-Windows.

Legacy text reaches us as the cp1252/latin-1 characters its bytes map to
(e.g. a Word file set in .VnTime or VNI-Times pasted into the editor), so all
tables below map Unicode letters to *strings of latin-1 characters*.

TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter. Only the untoned
uppercase letters Ă Â Ê Ô Ơ Ư Đ have their own codes; uppercase letters with a
tone do not exist (the .VnTimeH fonts draw the lowercase codes as capitals),
so ``to_tcvn3`` writes them as the lowercase toned code and is therefore
**lossy for toned uppercase letters** (``from_tcvn3(to_tcvn3("Ế")) == "ế"``).

VNI-Windows: base letter followed by a modifier and/or tone character, e.g.
``"eä"`` = ệ, ``"ôù"`` = ớ, ``"ñ"`` = đ; toned ``i`` and ``ỵ`` are single
characters. Uppercase letters use the uppercase modifier characters.
Both directions of VNI are lossless for the 134 Vietnamese letters.
"""

from __future__ import annotations

import re
import string
import unicodedata

from .normalize import nfc

# Tone order used by every table row: none, huyền, sắc, hỏi, ngã, nặng.
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_BASES = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _toned(base: str) -> list[str]:
    return [unicodedata.normalize("NFC", base + mark) for mark in _TONE_MARKS]


#: The 134 non-ASCII Vietnamese letters (67 lowercase + 67 uppercase), NFC.
VIETNAMESE_LOWER = tuple(ch for base in _BASES for ch in _toned(base) if not ch.isascii()) + ("đ",)
VIETNAMESE_LETTERS = VIETNAMESE_LOWER + tuple(ch.upper() for ch in VIETNAMESE_LOWER)

# --- TCVN3 (ABC) -------------------------------------------------------------
# Each row lists the codes for: none, huyền, sắc, hỏi, ngã, nặng.
_TCVN3_ROWS = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\xadõøö÷ù",
    "y": "yúýûüþ",
}
_TCVN3_UPPER = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

_TO_TCVN3: dict[str, str] = {"đ": "®", **_TCVN3_UPPER}
_FROM_TCVN3: dict[str, str] = {code: letter for letter, code in _TO_TCVN3.items()}
for _base, _codes in _TCVN3_ROWS.items():
    for _tone, (_letter, _code) in enumerate(zip(_toned(_base), _codes, strict=True)):
        if _letter != _code:
            _TO_TCVN3[_letter] = _code
            _FROM_TCVN3[_code] = _letter
        if _tone:  # toned uppercase has no code of its own: reuse the lowercase one
            _TO_TCVN3[_letter.upper()] = _code

# --- VNI-Windows -------------------------------------------------------------
_VNI_TONES = "øùûõï"  # huyền, sắc, hỏi, ngã, nặng
_VNI_ROWS = {
    "a": ["a"] + ["a" + t for t in _VNI_TONES],
    "ă": ["aê"] + ["a" + t for t in "èéúüë"],
    "â": ["aâ"] + ["a" + t for t in "àáåãä"],
    "e": ["e"] + ["e" + t for t in _VNI_TONES],
    "ê": ["eâ"] + ["e" + t for t in "àáåãä"],
    "i": list("iìíæóò"),
    "o": ["o"] + ["o" + t for t in _VNI_TONES],
    "ô": ["oâ"] + ["o" + t for t in "àáåãä"],
    "ơ": ["ô"] + ["ô" + t for t in _VNI_TONES],
    "u": ["u"] + ["u" + t for t in _VNI_TONES],
    "ư": ["ö"] + ["ö" + t for t in _VNI_TONES],
    "y": ["y"] + ["y" + t for t in "øùûõ"] + ["î"],
}
_TO_VNI: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
for _base, _codes in _VNI_ROWS.items():
    for _letter, _code in zip(_toned(_base), _codes, strict=True):
        _TO_VNI[_letter] = _code
        _TO_VNI[_letter.upper()] = _code.upper()
_FROM_VNI = {code: letter for letter, code in _TO_VNI.items() if code != letter}


def _translator(table: dict[str, str]):
    """Longest-match-first replacement over ``table``'s keys."""
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return lambda text: pattern.sub(lambda m: table[m.group(0)], text) if text else text


_from_tcvn3 = _translator(_FROM_TCVN3)
_to_tcvn3 = _translator(_TO_TCVN3)
_from_vni = _translator(_FROM_VNI)
_to_vni = _translator({k: v for k, v in _TO_VNI.items() if k != v})


def from_tcvn3(text: str) -> str:
    """Convert TCVN3 (ABC) text to NFC Unicode. Characters outside the table pass through."""
    return _from_tcvn3(text)


def to_tcvn3(text: str) -> str:
    """Convert NFC Unicode to TCVN3 (ABC). Lossy: toned uppercase letters become lowercase codes."""
    return _to_tcvn3(unicodedata.normalize("NFC", text)) if text else text


def from_vni(text: str) -> str:
    """Convert VNI-Windows text to NFC Unicode (longest match first)."""
    return _from_vni(text)


def to_vni(text: str) -> str:
    """Convert NFC Unicode to VNI-Windows (lossless for Vietnamese letters)."""
    return _to_vni(unicodedata.normalize("NFC", text)) if text else text


# --- Detection ---------------------------------------------------------------
_LATIN1_LETTERS = {ch for ch in VIETNAMESE_LETTERS if ord(ch) < 0x100}
# Letters that only exist in real Unicode Vietnamese: their presence means "not legacy".
_UNICODE_ONLY = {ch for ch in VIETNAMESE_LETTERS if ord(ch) >= 0x100}

# TCVN3 codes that never occur in correct Vietnamese Unicode text.
_TCVN3_SIGNATURE = set(_FROM_TCVN3) - _LATIN1_LETTERS
# Of those, the symbols (not letters in any Western language) are strong evidence.
# The soft hyphen (ư) is excluded: Word inserts it inside words of correct text too.
_TCVN3_STRONG = {ch for ch in _TCVN3_SIGNATURE if unicodedata.category(ch)[0] not in "LC"} | {"µ", "ª"}

_VNI_PAIRS = {code for code in _FROM_VNI if len(code) == 2}
_VNI_SINGLES = set("ñÑöÖæÆîÎ")
# Pairs that also occur in correct text (old-style "hoà/hoá", French "aéroport").
_VNI_WEAK_PAIRS = {b + t for b in "oO" for t in "àáãÀÁÃ"} | {b + t for b in "aA" for t in "éèÉÈ"}

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])"
_SYLLABLE = re.compile(rf"{_ONSET}?[aeiouy]{{1,3}}(?:ng|nh|ch|[cmnpt])?")
_DOUBLED_VOWEL = re.compile(r"([aeiy])\1")  # "oo" (xoong) and "uu" (ưu) are legitimate
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TONE_SET = set(_TONE_MARKS[1:])
_VIET_SET = set(VIETNAMESE_LETTERS) | set(string.ascii_letters)


def _is_viet_syllable(run: str, strict_case: bool) -> bool:
    """Rough check that ``run`` is a Vietnamese syllable or an uppercase acronym."""
    if any(ch not in _VIET_SET for ch in run):
        return False
    decomposed = unicodedata.normalize("NFD", run)
    if sum(ch in _TONE_SET for ch in decomposed) > 1:
        return False
    if run.isupper() and len(run) <= 6 and not any(ch in _TONE_SET for ch in decomposed):
        return True  # acronym such as "QĐ", "UBND"
    if strict_case and not (run.islower() or run.istitle() or run.isupper()):
        return False  # mixed case such as "kiƯn" comes from a wrong VNI decoding
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().replace("đ", "d")
    return _SYLLABLE.fullmatch(base) is not None and _DOUBLED_VOWEL.search(base) is None


def _evaluate(tokens: list[str], marker, convert, strict_case: bool) -> tuple[set[str], int, int, int, int]:
    """Score tokens: (distinct valid runs, valid tokens, invalid tokens, strong valid tokens, candidates)."""
    valid: set[str] = set()
    valid_tokens = invalid = strong = candidates = 0
    for token in tokens:
        kind = marker(token)
        if not kind:
            continue
        candidates += 1
        runs = [r for r in _LETTER_RUN.findall(convert(token)) if not r.isascii()]
        if any(not _is_viet_syllable(r, strict_case) for r in runs):
            invalid += 1
            continue
        long_runs = [r for r in runs if len(r) >= 2]
        if long_runs:
            valid.update(r.lower() for r in long_runs)
            valid_tokens += 1
            strong += kind == "strong"
    return valid, valid_tokens, invalid, strong, candidates


def _tcvn3_marker(token: str) -> str | None:
    if any(ch in _TCVN3_STRONG for ch in token):
        return "strong"
    return "weak" if any(ch in _TCVN3_SIGNATURE for ch in token) else None


def _vni_marker(token: str) -> str | None:
    pairs = {token[i : i + 2] for i in range(len(token) - 1)} & _VNI_PAIRS
    if (pairs - _VNI_WEAK_PAIRS) or any(ch in _VNI_SINGLES for ch in token):
        return "strong"
    return "weak" if pairs else None


def detect_legacy(text: str | None) -> str | None:
    """Return ``"tcvn3"``, ``"vni"`` or ``None`` (correct Unicode / not Vietnamese).

    High precision by design: text containing any letter that exists only in
    Unicode Vietnamese (ư, ơ, đ, ạ, ế, …, or combining marks) is never flagged.
    Otherwise each whitespace token carrying legacy sequences is converted and
    checked to be a plausible Vietnamese syllable. An encoding is reported when
    at least two distinct syllables validate, ≥ 80 % of the converted tokens are
    valid, one of them carries a strong marker (a TCVN3 symbol such as ``®«µ``,
    or a VNI sequence impossible in Unicode text; for TCVN3 three distinct valid
    syllables also suffice) and legacy tokens make up ≥ 20 % of the words. Very short inputs (one word) are therefore not flagged.
    """
    if not text:
        return None
    text = nfc(text)
    if any(ch in _UNICODE_ONLY or unicodedata.combining(ch) for ch in text):
        return None
    tokens = text.split()
    words = sum(1 for t in tokens if any(ch.isalpha() for ch in t))
    best: tuple[int, str] | None = None
    # TCVN3 has no toned capitals, so decoded TCVN3 may legitimately mix case ("VIệT").
    for name, marker, convert in (("tcvn3", _tcvn3_marker, from_tcvn3), ("vni", _vni_marker, from_vni)):
        valid, valid_tokens, invalid, strong, candidates = _evaluate(tokens, marker, convert, name == "vni")
        # TCVN3 letters-only text (no ®«µ…) needs three distinct syllables instead
        # of a strong marker; VNI always needs one (old-style "hoà, hoá" mimics it).
        if (
            len(valid) >= 2
            and (strong >= 1 or (name == "tcvn3" and len(valid) >= 3))
            and valid_tokens >= 0.8 * (valid_tokens + invalid)
            and candidates >= 0.2 * words
            and (best is None or len(valid) > best[0])
        ):
            best = (len(valid), name)
    return best[1] if best else None

"""Rules for legal documents (CNT-3), as plain functions: no web or database code here.

- number/symbol (số/ký hiệu) format and normalisation,
- date consistency (effective ≥ issue, expiry > effective, replaced ⇒ replacing document),
- the status computed from the dates and the replacement,
- parsing of user input (years, dates) that never raises.
"""

import datetime as dt
import re
import unicodedata

IN_FORCE = "in_force"
EXPIRED = "expired"
REPLACED = "replaced"
NOT_YET = "not_yet"

STATUS_LABELS = {
    IN_FORCE: "Còn hiệu lực",
    NOT_YET: "Chưa có hiệu lực",
    EXPIRED: "Hết hiệu lực",
    REPLACED: "Bị thay thế",
}
STATUSES = tuple(STATUS_LABELS)

# "40/2024/QĐ-UBND", "336/QĐ-UBND", "86/2015/QH13", "1234/UBND-KGVX", "12/KH-UBND", "59/2020/NĐ-CP",
# "15-NQ/TW", "05/2024/TT-BTTTT".
NUMBER_RE = re.compile(
    r"^\d{1,6}[a-zA-Z]?"  # the serial number (maybe with a letter: 12a)
    r"(?:[-/]\d{4})?"  # the year for normative documents
    r"(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*(?:[-.&][A-Za-zĐđ0-9]+)*)+$"  # the symbol (kind and issuing body)
)
MAX_NUMBER_LENGTH = 60


def normalize_number(value: str | None) -> str:
    """Canonical form of a number/symbol: NFC, no spaces, no "Số:" prefix (case is kept: "SNgV")."""
    text = unicodedata.normalize("NFC", value or "")
    text = re.sub(r"\s+", "", text)
    text = text.replace("–", "-").replace("—", "-")
    for prefix in ("SỐ:", "Số:", "số:", "SỐ", "Số", "số"):
        if (
            text.startswith(prefix)
            and len(text) > len(prefix)
            and (text[len(prefix)].isdigit() or prefix.endswith(":"))
        ):
            text = text[len(prefix) :]
            break
    return text


def validate_number(value: str | None) -> list[str]:
    """Vietnamese messages for a bad number/symbol; [] if it is fine."""
    number = normalize_number(value)
    if not number:
        return ["Hãy nhập số/ký hiệu văn bản."]
    if len(number) > MAX_NUMBER_LENGTH:
        return [f"Số/ký hiệu quá dài (tối đa {MAX_NUMBER_LENGTH} ký tự)."]
    if not NUMBER_RE.match(number):
        return [
            f"Số/ký hiệu “{number}” không đúng định dạng. Ví dụ hợp lệ: 40/2024/QĐ-UBND, 336/QĐ-UBND, "
            "1234/UBND-KGVX."
        ]
    return []


def number_year(number: str | None) -> int | None:
    """The year written in a number/symbol ("40/2024/QĐ-UBND" → 2024), if any."""
    match = re.match(r"^\d+[a-zA-Z]?[-/](\d{4})[-/]", normalize_number(number))
    return int(match.group(1)) if match else None


def validate_dates(
    issue_date: dt.date | None,
    effective_date: dt.date | None,
    expiry_date: dt.date | None,
    *,
    replaced: bool = False,
    has_replacement: bool = False,
) -> dict[str, list[str]]:
    """Field name → Vietnamese messages for inconsistent dates or replacement; {} if consistent."""
    errors: dict[str, list[str]] = {}
    if issue_date is None:
        errors.setdefault("issue_date", []).append("Hãy nhập ngày ban hành.")
    if issue_date and effective_date and effective_date < issue_date:
        errors.setdefault("effective_date", []).append("Ngày có hiệu lực không được trước ngày ban hành.")
    if expiry_date and effective_date and expiry_date <= effective_date:
        errors.setdefault("expiry_date", []).append("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
    if expiry_date and issue_date and not effective_date and expiry_date <= issue_date:
        errors.setdefault("expiry_date", []).append("Ngày hết hiệu lực phải sau ngày ban hành.")
    if replaced and not has_replacement:
        errors.setdefault("replaced_by", []).append("Văn bản bị thay thế phải chỉ rõ văn bản thay thế.")
    return errors


def compute_status(
    effective_date: dt.date | None,
    expiry_date: dt.date | None,
    *,
    replaced: bool = False,
    today: dt.date,
) -> str:
    """Status of a document on ``today``: replaced, expired, not yet in force, or in force."""
    if replaced:
        return REPLACED
    if expiry_date is not None and expiry_date <= today:
        return EXPIRED
    if effective_date is not None and effective_date > today:
        return NOT_YET
    return IN_FORCE


def parse_year(value: str | None, *, minimum: int = 1945, maximum: int = 2100) -> tuple[int | None, str]:
    """(year, "") for a plausible year, (None, message) otherwise; empty → (None, "")."""
    text = (value or "").strip()
    if not text:
        return None, ""
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        return None, "Năm phải là số có 4 chữ số, ví dụ 2024."
    year = int(text)
    if not minimum <= year <= maximum:
        return None, f"Năm phải trong khoảng {minimum}–{maximum}."
    return year, ""


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(value) -> tuple[dt.date | None, str]:
    """(date, "") for "25/10/2024", "2024-10-25", a date or datetime; (None, message) when malformed."""
    if value is None or value == "":
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    text = str(value).strip()
    if not text:
        return None, ""
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date(), ""
        except ValueError:
            continue
    return None, f"Ngày “{text[:40]}” không hợp lệ (dùng dạng ngày/tháng/năm, ví dụ 25/10/2024)."


def clean_query(value: str | None, max_length: int = 200) -> str:
    """A search text made safe: NFC, control characters removed, spaces collapsed, bounded length."""
    text = unicodedata.normalize("NFC", value or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t")
    return " ".join(text.split())[:max_length]

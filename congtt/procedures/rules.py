"""Rules for administrative procedures (CNT-4), as plain functions."""

import re
from urllib.parse import quote

NATIONAL_PORTAL_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)
CODE_RE = re.compile(r"^\d{1,2}\.\d{6}$")

LEVELS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}
SERVICE_LEVELS = {
    "full": "Dịch vụ công trực tuyến toàn trình",
    "partial": "Dịch vụ công trực tuyến một phần",
    "info": "Dịch vụ cung cấp thông tin",
}


def normalize_code(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "")


def validate_code(value: str | None) -> list[str]:
    """Vietnamese messages for a bad national procedure code (mã TTHC, e.g. 1.001234)."""
    code = normalize_code(value)
    if not code:
        return ["Hãy nhập mã thủ tục hành chính."]
    if not CODE_RE.match(code):
        return [f"Mã thủ tục “{code[:20]}” không đúng định dạng (ví dụ: 1.001234)."]
    return []


def national_portal_url(code: str | None) -> str | None:
    """The procedure's page on the National Public Service Portal, by its national code."""
    code = normalize_code(code)
    if not CODE_RE.match(code):
        return None
    return NATIONAL_PORTAL_URL.format(code=quote(code))

"""Plain rules for disclosures: reading listing filters, matching a page's kind and its typed block."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass
class Selection:
    kind: str = ""
    year: int | None = None
    messages: list[str] = field(default_factory=list)


def parse_filters(params, kinds) -> Selection:
    """``?loai=`` (a kind code) and ``?nam=`` (a year); bad values are dropped with a Vietnamese message."""
    selection = Selection()
    kind = (params.get("loai") or "").strip()[:30]
    if kind:
        if kind in kinds:
            selection.kind = kind
        else:
            selection.messages.append(_("Loại thông tin không hợp lệ; đang hiển thị mọi loại."))
    year = (params.get("nam") or "").strip()[:10]
    if year:
        if year.isascii() and year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
            selection.year = int(year)
        else:
            selection.messages.append(_("Năm không hợp lệ; đang hiển thị mọi năm."))
    return selection


def check_details(kind: str, block_types: list[str]) -> str | None:
    """A Vietnamese error when the typed blocks do not match ``kind`` (exactly one, of that kind)."""
    if not block_types:
        return _("Hãy nhập thông tin theo loại (một khối cùng loại với “Loại thông tin”).")
    if len(block_types) > 1:
        return _("Chỉ được nhập một khối thông tin theo loại.")
    if block_types[0] != kind:
        return _("Khối thông tin không cùng loại với “Loại thông tin” đã chọn.")
    return None

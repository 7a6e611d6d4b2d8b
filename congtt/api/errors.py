"""Vietnamese messages for django-ninja's 422 answers (a query parameter that does not validate).

The answer keeps ninja's structure, ``{"detail": [{"type", "loc", "msg", …}]}``: ``type`` and ``loc``
stay machine-readable, ``msg`` is translated by ``type`` (pydantic's English message is kept for a type
not listed here, so nothing is lost).
"""

from django.utils.translation import gettext as _

MESSAGES = {
    "missing": lambda ctx: _("Thiếu tham số bắt buộc."),
    "int_parsing": lambda ctx: _("Giá trị phải là số nguyên."),
    "int_type": lambda ctx: _("Giá trị phải là số nguyên."),
    "int_from_float": lambda ctx: _("Giá trị phải là số nguyên."),
    "float_parsing": lambda ctx: _("Giá trị phải là số."),
    "bool_parsing": lambda ctx: _("Giá trị phải là true hoặc false."),
    "date_parsing": lambda ctx: _("Ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2024-10-25)."),
    "date_from_datetime_parsing": lambda ctx: _(
        "Ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2024-10-25)."
    ),
    "date_type": lambda ctx: _("Ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2024-10-25)."),
    "datetime_parsing": lambda ctx: _(
        "Thời điểm không hợp lệ (dùng dạng ISO 8601, ví dụ 2024-10-25T08:00:00)."
    ),
    "datetime_from_date_parsing": lambda ctx: _(
        "Thời điểm không hợp lệ (dùng dạng ISO 8601, ví dụ 2024-10-25T08:00:00)."
    ),
    "string_too_long": lambda ctx: _("Chuỗi dài quá %(n)s ký tự.") % {"n": ctx.get("max_length")},
    "string_too_short": lambda ctx: _("Chuỗi phải có ít nhất %(n)s ký tự.") % {"n": ctx.get("min_length")},
    "too_long": lambda ctx: _("Có quá %(n)s phần tử.") % {"n": ctx.get("max_length")},
    "too_short": lambda ctx: _("Phải có ít nhất %(n)s phần tử.") % {"n": ctx.get("min_length")},
    "greater_than": lambda ctx: _("Giá trị phải lớn hơn %(n)s.") % {"n": ctx.get("gt")},
    "greater_than_equal": lambda ctx: _("Giá trị phải từ %(n)s trở lên.") % {"n": ctx.get("ge")},
    "less_than": lambda ctx: _("Giá trị phải nhỏ hơn %(n)s.") % {"n": ctx.get("lt")},
    "less_than_equal": lambda ctx: _("Giá trị phải không quá %(n)s.") % {"n": ctx.get("le")},
    "enum": lambda ctx: _("Giá trị phải là một trong: %(v)s.") % {"v": ctx.get("expected", "")},
    "literal_error": lambda ctx: _("Giá trị phải là một trong: %(v)s.") % {"v": ctx.get("expected", "")},
}


def vietnamese_errors(errors) -> list[dict]:
    """``errors`` (ninja's list of pydantic error dicts) with ``msg`` in Vietnamese, JSON-safe."""
    out = []
    for error in errors:
        ctx = error.get("ctx") or {}
        translate = MESSAGES.get(error.get("type"))
        item = {"type": error.get("type"), "loc": list(error.get("loc", ())), "msg": error.get("msg", "")}
        if translate is not None:
            item["msg"] = str(translate(ctx))
        out.append(item)
    return out


def validation_error_handler(request, exc, api):
    return api.create_response(request, {"detail": vietnamese_errors(exc.errors)}, status=422)

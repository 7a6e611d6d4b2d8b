"""Filters of the procedure listing; bad values become Vietnamese messages, never errors."""

from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlencode

from congtt.legal.rules import clean_query
from congtt.legal.services import _choice_ids, document_filter_choices
from congtt.vntext import fold

from . import rules

FILTER_KEYS = ("q", "field", "level", "service_level", "code")


@dataclass
class FilterResult:
    queryset: object
    cleaned: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)
    fields: list = field(default_factory=list)

    @property
    def querystring(self):
        return urlencode({k: v for k, v in self.cleaned.items() if v})


def filter_procedures(queryset, params) -> FilterResult:
    result = FilterResult(queryset)
    q = clean_query(params.get("q"))
    if q:
        result.cleaned["q"] = q
        for word in fold(q).split()[:10]:
            queryset = queryset.filter(search_text__contains=word)
    code = clean_query(params.get("code"), 20)
    if code:
        result.cleaned["code"] = code
        queryset = queryset.filter(code__startswith=rules.normalize_code(code))
    slug = clean_query(params.get("field"), 80)
    if slug:
        field_id = _choice_ids("field").get(slug)
        if field_id is None:
            result.messages.append("Lĩnh vực không hợp lệ; đã bỏ qua bộ lọc này.")
        else:
            result.cleaned["field"] = slug
            queryset = queryset.filter(field_id=field_id)
    level = (params.get("level") or "").strip()
    if level:
        if level in rules.LEVELS:
            result.cleaned["level"] = level
            queryset = queryset.filter(level=level)
        else:
            result.messages.append("Cấp thực hiện không hợp lệ; đã bỏ qua bộ lọc này.")
    service_level = (params.get("service_level") or "").strip()
    if service_level:
        if service_level in rules.SERVICE_LEVELS:
            result.cleaned["service_level"] = service_level
            queryset = queryset.filter(service_level=service_level)
        else:
            result.messages.append("Mức độ dịch vụ không hợp lệ; đã bỏ qua bộ lọc này.")
    result.fields = document_filter_choices()["fields"]
    result.queryset = queryset.order_by("field__order", "field__name", "name", "pk")
    return result


def group_by_field(procedures):
    """[(field, [procedures…]), …] in listing order (procedures come with ``field`` selected)."""
    return [(key, list(items)) for key, items in groupby(procedures, key=lambda p: p.field)]

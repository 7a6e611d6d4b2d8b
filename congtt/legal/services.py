"""Listing filters for legal documents, shared by the public page and the API.

Every bad value becomes a Vietnamese message and the filter is ignored: never an exception.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Q

from congtt.content.models import paginate
from congtt.vntext import fold

from . import rules
from .models import SORT_LABELS, DocumentForm, Field, IssuingBody

FILTER_KEYS = ("q", "number", "body", "form", "field", "year", "status", "sort")
PAGE_SIZE = 20
CHOICES_TTL = 300


@dataclass
class FilterResult:
    queryset: object
    cleaned: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)

    @property
    def querystring(self) -> str:
        """The active filters as a query string (for pagination links), without ``page``."""
        return urlencode({k: v for k, v in self.cleaned.items() if v not in (None, "")})


def status_q(status: str, today: dt.date) -> Q:
    """The database condition for ``rules.compute_status(...) == status`` on ``today``."""
    not_replaced = Q(replaced_by__isnull=True)
    not_expired = Q(expiry_date__isnull=True) | Q(expiry_date__gt=today)
    if status == rules.REPLACED:
        return Q(replaced_by__isnull=False)
    if status == rules.EXPIRED:
        return not_replaced & Q(expiry_date__lte=today)
    if status == rules.NOT_YET:
        return not_replaced & not_expired & Q(effective_date__gt=today)
    return not_replaced & not_expired & (Q(effective_date__isnull=True) | Q(effective_date__lte=today))


def _int(value):
    text = (value or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= 12:
        return int(text)
    return None


def filter_documents(queryset, params, *, today: dt.date) -> FilterResult:
    """Apply the filters in ``params`` (a QueryDict or dict of strings) that combine with AND."""
    result = FilterResult(queryset)
    messages = result.messages
    cleaned = result.cleaned
    get = params.get

    raw_q = get("q") or ""
    q = rules.clean_query(raw_q)
    if raw_q and not q:
        messages.append("Từ khóa không có chữ hoặc số nào để tìm.")
    if q:
        cleaned["q"] = q
        words = fold(q).split()[:10]
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        if not words:
            messages.append("Từ khóa không có chữ hoặc số nào để tìm.")

    number = rules.clean_query(get("number"), 60)
    if number:
        cleaned["number"] = number
        queryset = queryset.filter(number_folded__contains=fold(rules.normalize_number(number)))

    body_id = get("body")
    if body_id:
        value = _int(body_id)
        if value is None or not IssuingBody.objects.filter(pk=value).exists():
            messages.append("Cơ quan ban hành không hợp lệ; đã bỏ qua bộ lọc này.")
        else:
            cleaned["body"] = value
            queryset = queryset.filter(issuing_body_id=value)

    form_code = rules.clean_query(get("form"), 40)
    if form_code:
        form_id = _choice_ids("form").get(form_code)
        if form_id is None:
            messages.append("Hình thức văn bản không hợp lệ; đã bỏ qua bộ lọc này.")
        else:
            cleaned["form"] = form_code
            queryset = queryset.filter(form_id=form_id)

    field_slug = rules.clean_query(get("field"), 80)
    if field_slug:
        field_id = _choice_ids("field").get(field_slug)
        if field_id is None:
            messages.append("Lĩnh vực không hợp lệ; đã bỏ qua bộ lọc này.")
        else:
            cleaned["field"] = field_slug
            queryset = queryset.filter(field_id=field_id)

    year, message = rules.parse_year(get("year"))
    if message:
        messages.append(message + " Đã bỏ qua bộ lọc năm.")
    elif year:
        cleaned["year"] = year
        queryset = queryset.filter(
            issue_date__gte=dt.date(year, 1, 1), issue_date__lt=dt.date(year + 1, 1, 1)
        )

    status = (get("status") or "").strip()
    if status:
        if status in rules.STATUSES:
            cleaned["status"] = status
            queryset = queryset.filter(status_q(status, today))
        else:
            messages.append("Tình trạng hiệu lực không hợp lệ; đã bỏ qua bộ lọc này.")

    sort = (get("sort") or "").strip()
    if sort and sort not in SORT_LABELS:
        messages.append("Cách sắp xếp không hợp lệ; sắp xếp theo ngày ban hành mới nhất.")
        sort = ""
    if sort:
        cleaned["sort"] = sort
    order = sort or "-issue_date"
    if order.lstrip("-") == "effective_date":
        from django.db.models import F

        expr = (
            F("effective_date").desc(nulls_last=True)
            if order.startswith("-")
            else F("effective_date").asc(nulls_last=True)
        )
        queryset = queryset.order_by(expr, "-pk")
    else:
        queryset = queryset.order_by(order, "-pk")
    result.queryset = queryset
    return result


def _choice_ids(kind: str) -> dict:
    """code → id for forms, slug → id for fields (cached, small tables)."""
    key = f"legal:choice-ids:{kind}"
    ids = cache.get(key)
    if ids is None:
        if kind == "form":
            ids = dict(DocumentForm.objects.values_list("code", "pk"))
        else:
            ids = dict(Field.objects.values_list("slug", "pk"))
        cache.set(key, ids, CHOICES_TTL)
    return ids


def document_filter_choices() -> dict:
    """The options of the filter form (forms, issuing bodies, fields), cached briefly."""
    key = "legal:filter-choices"
    choices = cache.get(key)
    if choices is None:
        choices = {
            "forms": list(DocumentForm.objects.values_list("code", "name")),
            "bodies": list(IssuingBody.objects.values_list("pk", "name")),
            "fields": list(Field.objects.values_list("slug", "name")),
        }
        cache.set(key, choices, CHOICES_TTL)
    return choices


def clear_choice_cache(**kwargs):
    cache.delete_many(["legal:filter-choices", "legal:choice-ids:form", "legal:choice-ids:field"])


def paginate_documents(request, queryset):
    return paginate(request, queryset, per_page=PAGE_SIZE)

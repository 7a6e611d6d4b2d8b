"""Site search (PUB-3): every published page of the edition and every public record of other apps.

Accent-insensitivity: every searchable page and record indexes ``search_folded``
(its texts passed through ``congtt.vntext.fold``); the query is searched both as
typed (matching the accented fields, so an accented exact match scores higher)
and folded (matching the folded copy). A phrase in double quotes must occur as
such in the folded text. Records join the search by the protocol in BRIEF.md:
``public_search_queryset(site)``, ``search_kind``, ``get_url(request)``, and where the record has a
natural date ``search_date_field`` (a date/datetime field, also an ``index.FilterField``): the hit shows
it and the date filter reads it (a kind without one is left out when the reader filters by date).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from congtt.vntext import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_PER_SOURCE = 300
SNIPPET_LENGTH = 260
_QUOTED = re.compile(r"[\"“”„]([^\"“”„]+)[\"“”„]")
_TERM_SPLIT = re.compile(r"[^\w]+", re.UNICODE)


# --- query parsing -----------------------------------------------------------------------------


def clean_query(raw: str | None) -> tuple[str, list[str]]:
    """The query with control/format/private characters removed, whitespace collapsed, length capped."""
    messages = []
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else ch for ch in text
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        messages.append(_("Từ khóa quá dài; chỉ dùng %(n)s ký tự đầu tiên để tìm.") % {"n": MAX_QUERY_LENGTH})
    return text, messages


@dataclass
class ParsedQuery:
    text: str
    phrases: list[str] = field(default_factory=list)  # folded phrases
    terms: list[str] = field(default_factory=list)  # as typed (lower case), outside quotes
    folded_terms: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.phrases and not self.terms

    def highlight_terms(self) -> list[str]:
        return [*self.phrases, *self.folded_terms, *(t for t in self.terms if not fold(t))]


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery(text)
    for match in _QUOTED.finditer(text):
        phrase = fold(match.group(1))
        if phrase:
            parsed.phrases.append(phrase)
    rest = _QUOTED.sub(" ", text)
    terms = [t.lower() for t in _TERM_SPLIT.split(rest) if t and t != "_"][:MAX_TERMS]
    parsed.terms = terms
    parsed.folded_terms = [f for f in (fold(t) for t in terms) if f]
    return parsed


def build_search_query(parsed: ParsedQuery):
    """A Wagtail search query: (typed terms OR folded terms) AND every folded phrase."""
    parts = []
    if parsed.terms:
        typed = " ".join(parsed.terms)
        folded = " ".join(parsed.folded_terms)
        if folded and folded != typed:
            parts.append(Or([PlainText(typed), PlainText(folded)]))
        else:
            parts.append(PlainText(typed))
    parts.extend(Phrase(p) for p in parsed.phrases)
    return parts[0] if len(parts) == 1 else And(parts)


# --- highlighting ------------------------------------------------------------------------------


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """fold() of ``text`` char by char, with the index in ``text`` of every folded character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = " " if ch.isspace() else (fold(ch) or ch.lower())
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


def _match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    folded, index = _folded_with_map(text)
    spans = []
    for term in {t for t in terms if t}:
        whole_word = term.isascii()
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            if not whole_word or (
                (start == 0 or not folded[start - 1].isalnum())
                and (end == len(folded) or not folded[end].isalnum())
            ):
                spans.append((index[start], index[end - 1] + 1))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, terms: list[str], length: int | None = None) -> SafeString:
    """``text`` HTML-escaped with every (accent-insensitive) occurrence of ``terms`` in <mark>.

    With ``length``, a window of about that many characters around the first match.
    """
    text = " ".join((text or "").split())
    spans = _match_spans(text, terms)
    start, end = 0, len(text)
    if length and len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, first - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    out = ["…" if start else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return mark_safe("".join(out))


# --- sources -----------------------------------------------------------------------------------


def searchable_models() -> list:
    """Non-page models of any app that follow the search protocol (may be empty)."""
    return [
        m
        for m in apps.get_models()
        if hasattr(m, "public_search_queryset") and not issubclass(m, Page) and not m._meta.abstract
    ]


@dataclass
class Source:
    key: str
    label: str
    model: type
    date_field: str | None

    def querysets(self, sites, homes, locale):
        raise NotImplementedError


class ArticleSource(Source):
    def querysets(self, sites, homes, locale):
        from .models import ArticlePage

        qs = ArticlePage.objects.live().public()
        yield qs.filter(locale=locale) if homes is None else _under(qs, homes)


class PageSource(Source):
    def querysets(self, sites, homes, locale):
        from .models import ArticlePage

        qs = Page.objects.live().public().not_type(ArticlePage).filter(depth__gt=1)
        yield (qs.filter(locale=locale) if homes is None else _under(qs, homes)).specific()


class RecordSource(Source):
    def querysets(self, sites, homes, locale):
        querysets = [self.model.public_search_queryset(site) for site in sites]
        if len(querysets) > 1:
            try:  # one query for the whole network when the querysets can be combined
                combined = querysets[0]
                for qs in querysets[1:]:
                    combined = combined | qs
                yield combined
                return
            except (TypeError, AssertionError):
                pass
        yield from querysets


def _under(qs, homes):
    from django.db.models import Q

    condition = Q()
    for home in homes:
        condition |= Q(path__startswith=home.path)
    return qs.filter(condition)


def sources() -> list[Source]:
    from .models import ArticlePage

    result = [
        ArticleSource("tin-bai", str(ArticlePage.search_kind), ArticlePage, "date"),
        PageSource("trang", str(gettext_lazy("Trang thông tin")), Page, "first_published_at"),
    ]
    for model in searchable_models():
        result.append(
            RecordSource(
                model._meta.label_lower.replace(".", "-"),
                str(getattr(model, "search_kind", model._meta.verbose_name)),
                model,
                getattr(model, "search_date_field", None),
            )
        )
    return result


# --- the search --------------------------------------------------------------------------------


@dataclass
class Hit:
    """One search result. The summary, the highlighted title and snippet and the URL are computed on
    first use: a query can match hundreds of items of which a results page shows a few, and
    highlighting (accent folding character by character) or resolving a URL for every match made a
    common word cost ~1 ms per match.
    """

    obj: object
    kind: str
    date: object
    score: float
    terms: list[str] = field(default_factory=list, repr=False)
    request: object = field(default=None, repr=False)
    site_name: str = ""
    plain_title: str = ""
    exact: int = 0

    @cached_property
    def plain_summary(self) -> str:
        summary = ""
        if hasattr(self.obj, "search_summary"):
            summary = _text_of(self.obj, "search_summary") or ""
        if not summary and hasattr(self.obj, "search_texts"):
            summary = " ".join(t for t in self.obj.search_texts()[1:] if t)
        return summary

    @cached_property
    def title(self) -> SafeString:
        return highlight(self.plain_title, self.terms)

    @cached_property
    def snippet(self) -> SafeString:
        return highlight(self.plain_summary, self.terms, SNIPPET_LENGTH)

    @cached_property
    def url(self) -> str:
        return self.obj.get_url(self.request) or ""


@dataclass
class SearchRequest:
    query: str = ""
    kind: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    network: bool = False
    messages: list[str] = field(default_factory=list)


def parse_date(value: str | None, label: str, messages: list[str]) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = dt.date.fromisoformat(value[:10])
    except ValueError:
        parsed = None
    if parsed is None or not (1900 <= parsed.year <= 2999):
        messages.append(
            _("%(label)s không hợp lệ (dạng năm-tháng-ngày, ví dụ 2024-10-25); đã bỏ qua.") % {"label": label}
        )
        return None
    return parsed


def parse_request(params, kinds: dict[str, str], network_allowed: bool) -> SearchRequest:
    """Read the search form; every bad value is dropped with a Vietnamese message."""
    query, messages = clean_query(params.get("q"))
    req = SearchRequest(query=query, messages=messages)
    kind = (params.get("loai") or "").strip()
    if kind and kind not in kinds:
        messages.append(_("Loại nội dung không có; đã tìm trong mọi loại."))
    else:
        req.kind = kind
    req.date_from = parse_date(params.get("tu_ngay"), _("Từ ngày"), messages)
    req.date_to = parse_date(params.get("den_ngay"), _("Đến ngày"), messages)
    if req.date_from and req.date_to and req.date_from > req.date_to:
        messages.append(_("“Từ ngày” sau “Đến ngày”; đã đổi chỗ hai ngày."))
        req.date_from, req.date_to = req.date_to, req.date_from
    if params.get("pham_vi") == "mang-luoi":
        if network_allowed:
            req.network = True
        else:
            messages.append(_("Chỉ cổng thông tin tỉnh mới tìm được trên toàn bộ mạng lưới."))
    return req


def _date_bounds(req: SearchRequest):
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(req.date_from, dt.time.min, tzinfo=tz) if req.date_from else None
    end = dt.datetime.combine(req.date_to, dt.time.max, tzinfo=tz) if req.date_to else None
    return start, end


def run_search(request, req: SearchRequest, home, site, locale) -> list[Hit]:
    """All hits for ``req``, best first (at most MAX_PER_SOURCE per kind)."""
    parsed = parse_query(req.query)
    if parsed.empty:
        return []
    query = build_search_query(parsed)
    terms = parsed.highlight_terms()
    if req.network:
        sites = list(Site.objects.all())
        homes = None
    else:
        sites = [site]
        homes = [home]
    start, end = _date_bounds(req)
    site_names = _site_names() if req.network else {}
    record_sites = {s.pk: s.site_name for s in sites} if req.network else {}
    hits: list[Hit] = []
    for source in sources():
        if req.kind and source.key != req.kind:
            continue
        if (start or end) and not source.date_field:
            continue
        for qs in source.querysets(sites, homes, locale):
            if start:
                qs = qs.filter(**{f"{source.date_field}__gte": start})
            if end:
                qs = qs.filter(**{f"{source.date_field}__lte": end})
            # The backend accepts any queryset of an indexed model, with or without a searchable manager.
            results = get_search_backend().search(query, qs).annotate_score("_score")
            for obj in results[:MAX_PER_SOURCE]:
                hits.append(_hit(request, obj, source, terms, site_names, record_sites))
    accented = [t for t in parsed.terms if fold(t) != t]
    if accented:  # an accented query: exact accented matches first (the index itself folds diacritics)
        for hit in hits:
            hit.exact = exact_matches(f"{hit.plain_title} {hit.plain_summary}", accented)
    hits.sort(key=lambda h: (-h.exact, -h.score, -(h.date.timestamp() if h.date else 0)))
    return hits


def exact_matches(text: str, terms: list[str]) -> int:
    """How many of ``terms`` occur in ``text`` as whole words, diacritics included (case-insensitive)."""
    text = unicodedata.normalize("NFC", text).lower()
    return sum(1 for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text))


def _site_names() -> dict[str, str]:
    """{path of an edition home: agency name} for every site (homes are at depth 2)."""
    from congtt.network.models import SiteProfile

    names = {
        p.site.root_page.translation_key: p.agency_name
        for p in SiteProfile.objects.select_related("site__root_page")
    }
    return {
        home["path"]: names[home["translation_key"]]
        for home in Page.objects.filter(depth=2).values("path", "translation_key")
        if home["translation_key"] in names
    }


def _text_of(obj, name):
    value = getattr(obj, name, "")
    return value() if callable(value) else value


def _hit(request, obj, source, terms, site_names, record_sites) -> Hit:
    title = str(getattr(obj, "title", "") or obj)
    date = _text_of(obj, "search_date") if hasattr(obj, "search_date") else None
    if date is None and source.date_field:
        date = getattr(obj, source.date_field, None)
    if isinstance(date, dt.date) and not isinstance(date, dt.datetime):
        date = dt.datetime.combine(date, dt.time.min)
    kind = str(getattr(obj, "search_kind", source.label))
    site_name = ""
    if site_names and isinstance(obj, Page):
        site_name = site_names.get(obj.path[: 2 * Page.steplen], "")
    elif record_sites and getattr(obj, "site_id", None):
        site_name = str(record_sites.get(obj.site_id) or "")  # the sites already loaded: no query a hit
    return Hit(
        obj=obj,
        kind=kind,
        date=date,
        score=float(getattr(obj, "_score", 0) or 0),
        terms=terms,
        request=request,
        site_name=site_name,
        plain_title=title,
    )


def safe_search(request, req, home, site, locale) -> tuple[list[Hit], str]:
    try:
        return run_search(request, req, home, site, locale), ""
    except DatabaseError:
        return [], _("Không thực hiện được tìm kiếm với từ khóa này; hãy thử từ khóa khác.")

"""Read-only REST API for news articles (PUB-7): /api/v1/articles/ of the requesting site."""

import datetime as dt

from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.models import Page, Site

from congtt.api.pagination import BoundedPageNumberPagination, check_id

from .models import ArticleKind, ArticlePage, body_text
from .search import build_search_query, clean_query, parse_query

router = Router()

# Dates outside these years are typing mistakes, and year 1 or 9999 overflows once moved to UTC.
MIN_YEAR, MAX_YEAR = 1900, 2999


class ArticleSummaryOut(Schema):
    id: int
    title: str
    summary: str
    kind: str
    kind_name: str
    date: dt.datetime
    featured: bool
    url: str
    section_id: int | None = None
    section: str = ""
    language: str
    topics: list[str] = Field(default_factory=list)
    image: str | None = None


class AuthorOut(Schema):
    name: str
    role: str


class ArticleOut(ArticleSummaryOut):
    body_html: str
    body_text: str
    authors: list[AuthorOut]
    source_name: str
    source_url: str
    views: int


def _site_articles(request):
    site = Site.find_for_request(request)
    if site is None:
        raise HttpError(404, "Không tìm thấy trang cho tên miền này.")
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).only("path")
    paths = [h.path for h in homes]
    from django.db.models import Q

    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return ArticlePage.objects.live().public().filter(condition)


def _parse_date(value, name):
    if not value:
        return None
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise HttpError(422, f"{name} không hợp lệ; dùng dạng YYYY-MM-DD (năm {MIN_YEAR}–{MAX_YEAR}).")
    return parsed


def _summary(request, a, parents) -> dict:
    parent = parents.get(a.path[: -a.steplen])
    return {
        "id": a.pk,
        "title": a.title,
        "summary": a.summary,
        "kind": a.kind,
        "kind_name": str(a.get_kind_display()),
        "date": a.date,
        "featured": a.featured,
        "url": a.get_full_url(request),
        "section_id": parent.pk if parent else None,
        "section": parent.title if parent else "",
        "language": a.locale.language_code,
        "topics": [t.title for t in a.topics.all()],
        "image": a.image.file.url if a.image_id and a.image else None,
    }


def _parents(articles) -> dict:
    paths = {a.path[: -a.steplen] for a in articles}
    return {p.path: p for p in Page.objects.filter(path__in=paths).only("id", "title", "path")}


@router.get(
    "",
    response=list[ArticleSummaryOut],
    summary="Danh sách tin bài / Articles of the requesting site",
)
@paginate(BoundedPageNumberPagination, page_size=20)
def list_articles(
    request,
    section: int | None = None,
    topic: int | None = None,
    q: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    featured: bool | None = None,
    kind: str | None = None,
    lang: str | None = None,
):
    """Published articles, newest first. Filters combine; dates are YYYY-MM-DD (Asia/Ho_Chi_Minh)."""
    check_id(section, "section")
    check_id(topic, "topic")
    articles = _site_articles(request)
    if section is not None:
        articles = articles.filter(
            path__startswith=Page.objects.filter(pk=section).values_list("path", flat=True).first() or "~"
        )
    if topic is not None:
        articles = articles.filter(topics__id=topic)
    tz = timezone.get_current_timezone()
    start = _parse_date(date_from, "date_from")
    end = _parse_date(date_to, "date_to")
    if start:
        articles = articles.filter(date__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz))
    if end:
        articles = articles.filter(date__lte=dt.datetime.combine(end, dt.time.max, tzinfo=tz))
    if featured is not None:
        articles = articles.filter(featured=featured)
    if kind:
        if kind not in ArticleKind.values:
            raise HttpError(422, "kind không hợp lệ; dùng một trong: " + ", ".join(ArticleKind.values) + ".")
        articles = articles.filter(kind=kind)
    if lang:
        languages = [code for code, _name in settings.LANGUAGES]
        if lang not in languages:
            raise HttpError(422, "lang không hợp lệ; dùng một trong: " + ", ".join(languages) + ".")
        articles = articles.filter(locale__language_code=lang)
    if q:
        articles = articles.filter(pk__in=_search_ids(articles, q))
    articles = (
        articles.select_related("image", "locale")
        .prefetch_related("topics")
        .order_by("-date", "-pk")
        .distinct()
    )
    return _LazySummaries(request, articles)


def _search_ids(articles, q: str) -> list[int]:
    """Ids of ``articles`` matching ``q`` as the site search reads it (quotes, FTS syntax are plain text)."""
    text, _messages = clean_query(q)
    parsed = parse_query(text)
    if parsed.empty:
        raise HttpError(422, "Từ khóa q không có chữ hoặc số nào để tìm.")
    try:
        return [a.pk for a in articles.search(build_search_query(parsed), order_by_relevance=False)[:1000]]
    except DatabaseError as exc:
        raise HttpError(400, "Không tìm được với từ khóa này; hãy thử từ khóa khác.") from exc


class _LazySummaries:
    """Sliceable wrapper so the paginator fetches one page, then maps it with one parents query."""

    def __init__(self, request, queryset):
        self.request = request
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        rows = list(self.queryset[item])
        parents = _parents(rows)
        return [_summary(self.request, a, parents) for a in rows]


@router.get("/{article_id}", response=ArticleOut, summary="Một tin bài / One article")
def get_article(request, article_id: int):
    check_id(article_id, "article_id", status=404)
    article = get_object_or_404(_site_articles(request).select_related("image", "locale"), pk=article_id)
    data = _summary(request, article, _parents([article]))
    from .services import displayed_views

    data.update(
        body_html=str(article.body),
        body_text=body_text(article.body),
        authors=[{"name": b.value["name"], "role": b.value["role"] or ""} for b in article.authors],
        source_name=article.source_name,
        source_url=article.source_url,
        views=displayed_views(article),
    )
    return data

"""Queries and rules for news pages: lists, home blocks, related articles, the view counter.

View counter (PUB-6 "số lượt xem"): a page view never writes to the database on
the request path. ``record_view`` increments a counter in the Django cache
(Redis in production, shared by all workers); when a page's pending count
reaches ``VIEW_FLUSH_EVERY`` that page's count is added to
``ArticlePage.view_count`` with one UPDATE. ``flush_views()`` adds every
pending count and is meant for a periodic job (cron/systemd timer:
``manage.py flush_views`` every few minutes). With the local-memory cache
pending counts of a process are lost on restart (at most VIEW_FLUSH_EVERY-1
views per page); with Redis they survive until flushed. The number shown is the
stored count plus the pending one.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model

THUMB = "fill-480x300"
HOME_PER_SECTION = 5
HOME_FEATURED = 5
RELATED_COUNT = 5
VIEW_FLUSH_EVERY = 20
_VIEW_KEY = "content:views:{}"
_PENDING_KEY = "content:views:pending"


def _with_thumbs(queryset):
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=THUMB)
    return queryset.select_related("image").prefetch_related(
        Prefetch("image__renditions", queryset=renditions)
    )


def article_list(queryset):
    """Live, public articles of ``queryset``, newest first, with thumbnails (2 queries + count)."""
    return _with_thumbs(queryset.live().public()).order_by("-date", "-pk")


def home_news(home) -> dict:
    """Featured and latest articles of every section under ``home`` in a fixed number of queries."""
    from .models import ArticlePage

    articles = ArticlePage.objects.live().public().descendant_of(home)
    featured = list(article_list(articles.filter(featured=True))[:HOME_FEATURED])
    section_len = (home.depth + 1) * ArticlePage.steplen
    latest = list(
        _with_thumbs(
            articles.annotate(
                section_path=Substr("path", 1, section_len),
                rank=Window(
                    RowNumber(), partition_by=F("section_path"), order_by=[F("date").desc(), F("pk").desc()]
                ),
            ).filter(rank__lte=HOME_PER_SECTION)
        ).order_by("section_path", "-date", "-pk")
    )
    by_path: dict[str, list] = {}
    for article in latest:
        by_path.setdefault(article.section_path, []).append(article)
    news_sections = []
    if by_path:
        from wagtail.models import Page

        for section in Page.objects.filter(path__in=by_path).live().order_by("path"):
            news_sections.append({"section": section, "articles": by_path[section.path]})
    return {"featured": featured, "news_sections": news_sections}


def related_articles(article, limit=RELATED_COUNT) -> list:
    """The editor's related articles, filled up with newest of the same topics, then the same section."""
    from .models import ArticlePage

    chosen = list(article_list(article.related_articles.all())[:limit])
    if len(chosen) < limit:
        exclude = [article.pk, *(a.pk for a in chosen)]
        topic_ids = [t.pk for t in article.topics.all()]
        base = ArticlePage.objects.exclude(pk__in=exclude)
        pool = base.filter(topics__in=topic_ids) if topic_ids else base.child_of(article.get_parent())
        chosen += list(article_list(pool.distinct())[: limit - len(chosen)])
        if len(chosen) < limit and topic_ids:
            exclude = [article.pk, *(a.pk for a in chosen)]
            pool = ArticlePage.objects.exclude(pk__in=exclude).child_of(article.get_parent())
            chosen += list(article_list(pool)[: limit - len(chosen)])
    return chosen


def article_context(article, request) -> dict:
    return {
        "authors": list(article.authors.all()),
        "topics": [t for t in article.topics.all() if t.live],
        "related": related_articles(article),
        "views": displayed_views(article),
        "section": article.get_parent(),
    }


# --- view counter -----------------------------------------------------------------------------


def pending_views(page_id: int) -> int:
    return int(cache.get(_VIEW_KEY.format(page_id)) or 0)


def displayed_views(article) -> int:
    return article.view_count + pending_views(article.pk)


def record_view(page_id: int) -> int:
    """Count one view in the cache; flush this page when VIEW_FLUSH_EVERY views are pending."""
    key = _VIEW_KEY.format(page_id)
    if cache.add(key, 1, timeout=None):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=None)
            count = 1
    if count == 1:  # first pending view of this page: remember it for flush_views()
        pending = set(cache.get(_PENDING_KEY) or ())
        pending.add(page_id)
        cache.set(_PENDING_KEY, pending, timeout=None)
    if count >= VIEW_FLUSH_EVERY:
        _flush_one(page_id)
    return count


def _flush_one(page_id: int) -> int:
    from .models import ArticlePage

    key = _VIEW_KEY.format(page_id)
    count = int(cache.get(key) or 0)
    if count <= 0:
        return 0
    try:
        cache.decr(key, count)
    except ValueError:
        return 0
    with transaction.atomic():
        ArticlePage.objects.filter(pk=page_id).update(view_count=F("view_count") + count)
    return count


def flush_views() -> int:
    """Add every pending view count to the database; returns the number of views written."""
    pending = set(cache.get(_PENDING_KEY) or ())
    cache.delete(_PENDING_KEY)
    return sum(_flush_one(page_id) for page_id in pending)

"""Queries and rules for news pages: lists, home blocks, related articles, the view counter.

View counter (PUB-6 "số lượt xem"): ``ArticlePage.serve`` counts a view with the buffered
counter ``ARTICLE_VIEWS`` (``congtt.ops.counters``): a view is a cache increment, noted on the
request so the page cache counts it again on every hit, and written to ``ArticlePage.view_count``
in batches. The number shown is the stored count plus the buffered one (``displayed_views``).
"""

from django.core.cache import cache
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model

from congtt.ops import counters

THUMB = "fill-480x300"
HOME_PER_SECTION = 5
HOME_FEATURED = 5
RELATED_COUNT = 5
ARTICLE_VIEWS = "content.article_views"


_RESTRICTIONS_KEY = "content:restricted-paths"


def restricted_paths() -> list[str]:
    """Paths of pages with a view restriction (cached; cleared when a restriction changes)."""
    paths = cache.get(_RESTRICTIONS_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(_RESTRICTIONS_KEY, paths, 3600)
    return paths


def forget_restrictions():
    cache.delete(_RESTRICTIONS_KEY)


def public(queryset):
    """``queryset`` without pages under a view restriction, like Wagtail's ``public()`` but cached."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition) if condition else queryset


_VERSION_KEY = "content:tree-version"


def tree_version() -> int:
    """A number that changes whenever a page is published, unpublished, moved or deleted."""
    version = cache.get(_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_VERSION_KEY, version, timeout=None)
    return version


def bump_tree_version():
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, timeout=None)


def section_topics(section) -> list:
    """Live public topic pages under ``section`` (cached until the page tree changes)."""
    from .models import TopicPage

    key = f"content:topics:{section.pk}:{tree_version()}"
    topics = cache.get(key)
    if topics is None:
        topics = list(
            public(TopicPage.objects.child_of(section).live())
            .only("id", "title", "path", "depth", "url_path", "locale_id")
            .order_by("title")
        )
        cache.set(key, topics, 3600)
    return topics


def _with_thumbs(queryset):
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=THUMB)
    return queryset.select_related("image").prefetch_related(
        Prefetch("image__renditions", queryset=renditions)
    )


def _prefetch_thumbs(articles):
    """Load the thumbnail renditions of all ``articles`` in one query."""
    images = {a.image.pk: a.image for a in articles if a.image_id and a.image}
    if images:
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=THUMB)
        prefetch_related_objects(list(images.values()), Prefetch("renditions", queryset=renditions))


def article_list(queryset):
    """Live, public articles of ``queryset``, newest first, with thumbnails (2 queries + count)."""
    return _with_thumbs(public(queryset.live())).order_by("-date", "-pk")


def home_news(home, sections=None) -> dict:
    """Featured and latest articles of every section under ``home`` in a fixed number of queries."""
    from .models import ArticlePage

    articles = public(ArticlePage.objects.live().descendant_of(home))
    featured = list(
        public(articles.filter(featured=True))
        .select_related("image")
        .order_by("-date", "-pk")[:HOME_FEATURED]
    )
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
        if sections is None:
            from wagtail.models import Page

            sections = Page.objects.filter(path__in=by_path).live().order_by("path")
        for section in sections:
            if section.path in by_path:
                news_sections.append({"section": section, "articles": by_path[section.path]})
    return {"featured": featured, "news_sections": news_sections}


def related_articles(article, limit=RELATED_COUNT) -> list:
    """The editor's related articles first, then the newest of the same topics, then of the same section.

    Two queries (plus Wagtail's view-restriction query), whatever the number of articles.
    """
    from .models import ArticlePage

    manual = article.related_articles.through.objects.filter(from_articlepage=article.pk).values(
        "to_articlepage"
    )
    same_topic = ArticlePage.topics.through.objects.filter(
        articlepage=OuterRef("pk"),
        topicpage__in=ArticlePage.topics.through.objects.filter(articlepage=article.pk).values("topicpage"),
    )
    parent_path = article.path[: -article.steplen]
    # The linked articles' ids first (one small query), so the main query is an index lookup
    # (ids OR the section's path range); an OR with subqueries made PostgreSQL scan every article
    # of the network (240 ms at 100,000 articles).
    topic_articles = ArticlePage.topics.through.objects.filter(
        topicpage__in=ArticlePage.topics.through.objects.filter(articlepage=article.pk).values("topicpage")
    ).values_list("articlepage", flat=True)
    linked = list(manual.values_list("to_articlepage", flat=True).union(topic_articles))
    return list(
        public(ArticlePage.objects.live())
        .exclude(translation_key=article.translation_key)  # itself and its editions
        .filter(locale_id=article.locale_id)
        .filter(Q(pk__in=linked) | Q(path__startswith=parent_path, depth=article.depth))
        .annotate(
            priority=Case(
                When(pk__in=manual, then=Value(0)),
                When(Exists(same_topic), then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .defer_streamfields()
        .order_by("priority", "-date", "-pk")[:limit]
    )


def section_and_topics(article):
    """(parent section, live topics of the article) in one query (none when the router cached the parent)."""
    from wagtail.models import Page

    from .models import ArticlePage

    parent_path = article.path[: -article.steplen]
    topic_ids = ArticlePage.topics.through.objects.filter(articlepage=article.pk).values("topicpage")
    parent = getattr(article, "_cached_parent_obj", None)
    if parent is not None:
        topics = Page.objects.filter(pk__in=topic_ids, live=True).only(
            "id", "title", "path", "depth", "url_path", "locale_id", "live", "content_type_id"
        )
        return parent, list(topics.order_by("title"))
    pages = list(
        Page.objects.filter(Q(path=parent_path) | Q(pk__in=topic_ids, live=True))
        .only("id", "title", "path", "depth", "url_path", "locale_id", "live", "content_type_id")
        .order_by("title")
    )
    section = next((p for p in pages if p.path == parent_path), None)
    return section, [p for p in pages if p.path != parent_path]


def lead_image(article, spec="width-960"):
    """{url, width, height} of the article's image rendition, cached until the image changes."""
    if not article.image_id:
        return None
    key = f"content:img:{article.image_id}:{spec}"
    data = cache.get(key)
    if data is None:
        image = article.image
        if image is None:
            return None
        rendition = image.get_rendition(spec)
        data = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "title": image.title,
        }
        cache.set(key, data, 24 * 3600)
    return data


def forget_image(image_id):
    for spec in ("width-960", THUMB):
        cache.delete(f"content:img:{image_id}:{spec}")


def article_context(article, request) -> dict:
    section, topics = section_and_topics(article)
    return {
        "authors": [b.value for b in article.authors or []],
        "topics": topics,
        "related": related_articles(article),
        "views": displayed_views(article),
        "section": section,
        "lead_image": lead_image(article),
    }


# --- view counter -----------------------------------------------------------------------------


def record_view(article, request=None) -> None:
    """Count one view of ``article`` (cache only; noted on ``request`` for page-cache hits)."""
    counters.count(ARTICLE_VIEWS, article.pk, request)


def displayed_views(article) -> int:
    return counters.total(ARTICLE_VIEWS, article)

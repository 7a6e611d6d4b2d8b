"""What the board grades (ROY-1): every published item of a site, in every edition, with filters.

Graded: news items of every kind (tin bài, thông báo, thông cáo, phỏng vấn, tin ảnh, video, âm thanh)
in the Vietnamese edition and in the English/Chinese editions (a foreign page linked to a Vietnamese
original by ``translation_key`` is a translation: genre "dịch", the translator's share), and plain
content pages (``StandardPage``) written by the board. Legal documents, administrative procedures and
disclosures are official records published by duty (Luật Sở hữu trí tuệ, Art. 15: not works), so they
are not graded. See docs/huong-dan-nhuan-but-bao-cao.md.

The listing costs a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from congtt.vntext import fold

from .models import Grading

STANDARD_KIND = "standard"
TRANSLATION_GENRE = "dich"


def kind_choices() -> list[tuple[str, str]]:
    from congtt.content.models import ArticleKind

    return [*ArticleKind.choices, (STANDARD_KIND, _("Trang nội dung"))]


def site_homes(site) -> list[Page]:
    """The site's home page in every edition (vi, en, zh), linked by ``translation_key``."""
    key = site.root_page.translation_key
    return list(Page.objects.filter(depth=2, translation_key=key).only("pk", "path", "locale_id"))


def site_of(page):
    """The site a page belongs to, in any edition (a translation's site is its Vietnamese home's site)."""
    from congtt.editorial.workflow import site_for_page

    site = page.get_site()
    return site if site is not None else site_for_page(page)


def is_translation(page) -> bool:
    return page.locale_id != Locale.get_default().pk


@dataclass
class Filters:
    start: datetime.date
    end: datetime.date  # exclusive
    section: int | None = None
    kind: str = ""
    locale: int | None = None
    graded: str = ""  # "", "yes", "no"
    author: str = ""


@dataclass
class Row:
    page: Page
    published_on: datetime.date
    kind: str
    kind_label: str
    section: Page | None
    language: str
    translation: bool
    authors: list[str] = field(default_factory=list)
    grading: Grading | None = None


def _day_range(start, end):
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.datetime.combine(start, datetime.time.min), tz),
        timezone.make_aware(datetime.datetime.combine(end, datetime.time.min), tz),
    )


def sections(site) -> list[Page]:
    """Every news section of the site in every edition (for the section filter)."""
    from congtt.content.models import SectionPage

    homes = site_homes(site)
    return list(
        SectionPage.objects.filter(depth=3, path__regex=_paths_regex(homes))
        .order_by("path")
        .only("pk", "title", "path", "locale_id")
    )


def _paths_regex(homes) -> str:
    return "^(" + "|".join(h.path for h in homes) + ")" if homes else "^$"


def gradable_rows(site, filters: Filters) -> list[Row]:
    """Published items of ``site`` in ``[start, end)`` matching ``filters``, oldest first.

    Queries: homes, locales, articles, standard pages, sections, gradings, contributions — seven.
    """
    from congtt.content.models import ArticlePage, StandardPage

    homes = site_homes(site)
    if not homes:
        return []
    tree = Q()
    for home in homes:
        tree |= Q(path__startswith=home.path)
    if filters.section:
        section = Page.objects.filter(pk=filters.section, path__regex=_paths_regex(homes)).first()
        if section is None:
            return []
        tree = Q(path__startswith=section.path)
    languages = {loc.pk: loc.language_code for loc in Locale.objects.all()}
    default_locale = Locale.get_default().pk
    since, until = _day_range(filters.start, filters.end)
    common = Q(live=True) & tree
    if filters.locale:
        common &= Q(locale_id=filters.locale)
    kinds = dict(kind_choices())
    pages: list[tuple[Page, datetime.datetime, str]] = []
    if filters.kind != STANDARD_KIND:
        articles = ArticlePage.objects.filter(common, date__gte=since, date__lt=until)
        if filters.kind:
            articles = articles.filter(kind=filters.kind)
        for a in articles.defer("body").order_by("date", "pk"):
            pages.append((a, a.date, a.kind))
    if filters.kind in ("", STANDARD_KIND):
        standard = StandardPage.objects.filter(
            common, first_published_at__gte=since, first_published_at__lt=until
        ).defer("body")
        for s in standard.order_by("first_published_at", "pk"):
            pages.append((s, s.first_published_at, STANDARD_KIND))
    parent_paths = {p.path[: -Page.steplen] for p, _when, _kind in pages}
    parents = {p.path: p for p in Page.objects.filter(path__in=parent_paths).only("pk", "title", "path")}
    gradings = {
        g.page_id: g
        for g in Grading.objects.filter(page_id__in=[p.pk for p, _w, _k in pages])
        .select_related("genre")
        .prefetch_related("contributions")
    }
    rows = []
    for page, when, kind in sorted(pages, key=lambda t: (t[1], t[0].pk)):
        names = [b.value.get("name", "") for b in getattr(page, "authors", None) or [] if b.value.get("name")]
        row = Row(
            page=page,
            published_on=timezone.localtime(when).date(),
            kind=kind,
            kind_label=str(kinds.get(kind, kind)),
            section=parents.get(page.path[: -Page.steplen]),
            language=languages.get(page.locale_id, ""),
            translation=page.locale_id != default_locale,
            authors=names,
            grading=gradings.get(page.pk),
        )
        if filters.graded == "yes" and row.grading is None:
            continue
        if filters.graded == "no" and row.grading is not None:
            continue
        if filters.author:
            wanted = fold(filters.author)
            people = names + ([c.name for c in row.grading.contributions.all()] if row.grading else [])
            if not any(wanted in fold(n) for n in people):
                continue
        rows.append(row)
    return rows

"""Quotas (EDT-7): who is short of their weekly news/article quota and the site's monthly target."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from congtt.vntext import fold

from . import rules
from .models import Submission, UnitQuota


def week_bounds(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=7)


def month_bounds(day: date) -> tuple[date, date]:
    start = day.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class UnitRow:
    unit_name: str
    news: int
    articles: int
    news_required: int
    articles_required: int
    month_total: int
    month_target: int
    unit_id: int | None = None

    @property
    def news_short(self) -> int:
        return rules.shortfall(self.news_required, self.news)

    @property
    def articles_short(self) -> int:
        return rules.shortfall(self.articles_required, self.articles)

    @property
    def month_short(self) -> int:
        return rules.shortfall(self.month_target, self.month_total)

    @property
    def is_short(self) -> bool:
        return bool(self.news_short or self.articles_short)


def published_counts(site, start: date, end: date) -> dict[str, dict[str, int]]:
    """{folded unit name (the directory unit's when linked): {"news": n, "article": n}} of submissions published as live articles in [start, end)."""
    rows = (
        Submission.objects.filter(
            site=site,
            article__live=True,
            article__first_published_at__gte=_aware(start),
            article__first_published_at__lt=_aware(end),
        )
        .values("unit__name", "unit_name")
        .annotate(
            news=Count("pk", filter=Q(item_type="news")), articles=Count("pk", filter=Q(item_type="article"))
        )
    )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        key = fold(row["unit__name"] or row["unit_name"]).strip()
        entry = counts.setdefault(key, {"news": 0, "article": 0})
        entry["news"] += row["news"]
        entry["article"] += row["articles"]
    return counts


def unit_report(site, day: date | None = None) -> list[UnitRow]:
    """One row per unit with a quota on ``site``: this week's and this month's published items."""
    day = day or timezone.localdate()
    week = published_counts(site, *week_bounds(day))
    month = published_counts(site, *month_bounds(day))
    rows = []
    for quota in UnitQuota.objects.filter(site=site).select_related("unit"):
        key = fold(quota.unit.name if quota.unit else quota.unit_name).strip()
        w, m = week.get(key, {}), month.get(key, {})
        target = quota.monthly_target or 4 * (quota.weekly_news + quota.weekly_articles)
        rows.append(
            UnitRow(
                unit_name=quota.unit_name,
                news=w.get("news", 0),
                articles=w.get("article", 0),
                news_required=quota.weekly_news,
                articles_required=quota.weekly_articles,
                month_total=m.get("news", 0) + m.get("article", 0),
                month_target=target,
                unit_id=quota.unit_id,
            )
        )
    rows.sort(key=lambda row: (not row.is_short, row.unit_name))
    return rows


def is_row_of(row: UnitRow, unit) -> bool:
    """Whether ``row`` is the quota of the directory ``unit`` (linked, or an unlinked row of the same name)."""
    if row.unit_id is not None:
        return row.unit_id == unit.pk
    return fold(row.unit_name).strip() == fold(unit.name).strip()


def rows_for_unit(rows: list[UnitRow], unit, everyone: bool) -> list[UnitRow]:
    """An officer's view of the board: only ``unit``'s row, or (``everyone``) every row with theirs first."""
    own = [row for row in rows if is_row_of(row, unit)]
    if not everyone:
        return own
    return own + [row for row in rows if not is_row_of(row, unit)]


def site_month(site, day: date | None = None, target: int = rules.DEFAULT_MONTHLY_TARGET) -> dict:
    """Published articles of the site this month against its monthly target."""
    from congtt.content.models import ArticlePage

    day = day or timezone.localdate()
    start, end = month_bounds(day)
    root = site.root_page
    done = (
        ArticlePage.objects.live()
        .filter(first_published_at__gte=_aware(start), first_published_at__lt=_aware(end))
        .filter(path__startswith=root.path)
        .count()
    )
    return {"done": done, "target": target, "short": rules.shortfall(target, done)}

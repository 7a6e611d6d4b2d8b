"""Report periods and the registry of report sections (RPT-1, RPT-2).

A report is (a site, or the whole province) × (a period). Each section is one plain
function ``func(ctx) -> SectionResult`` registered with ``register_section(key, title,
func)``; another app adds its figures (quota compliance, Q&A on time, ratings…) with one
function and one ``register_section`` call in its ``AppConfig.ready``.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q

PERIODS = {
    "week": "Tuần",
    "month": "Tháng",
    "quarter": "Quý",
    "half": "6 tháng",
    "year": "Năm",
}


class PeriodError(ValueError):
    pass


def parse_anchor(value: str) -> datetime.date:
    """ "2026-10" → 1 Oct 2026; "2026-10-14" → that day; "2026" → 1 Jan 2026."""
    parts = (value or "").strip().split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 1:
            return datetime.date(nums[0], 1, 1)
        if len(nums) == 2:
            return datetime.date(nums[0], nums[1], 1)
        if len(nums) == 3:
            return datetime.date(*nums)
    except (ValueError, TypeError):
        pass
    raise PeriodError("Ngày không hợp lệ; dùng dạng YYYY, YYYY-MM hoặc YYYY-MM-DD.")


def period_bounds(period: str, anchor: datetime.date) -> tuple[datetime.date, datetime.date, str]:
    """(first day, last day, Vietnamese label) of the period containing ``anchor``."""
    y, m = anchor.year, anchor.month
    if period == "week":
        start = anchor - datetime.timedelta(days=anchor.weekday())
        end = start + datetime.timedelta(days=6)
        week = anchor.isocalendar()[1]
        return start, end, f"Tuần {week} năm {start.year} ({start:%d/%m} – {end:%d/%m/%Y})"
    if period == "month":
        return (
            datetime.date(y, m, 1),
            datetime.date(y, m, calendar.monthrange(y, m)[1]),
            f"Tháng {m:02d} năm {y}",
        )
    if period == "quarter":
        q = (m - 1) // 3 + 1
        first = 3 * q - 2
        last = 3 * q
        roman = ["I", "II", "III", "IV"][q - 1]
        return (
            datetime.date(y, first, 1),
            datetime.date(y, last, calendar.monthrange(y, last)[1]),
            f"Quý {roman} năm {y}",
        )
    if period == "half":
        if m <= 6:
            return datetime.date(y, 1, 1), datetime.date(y, 6, 30), f"6 tháng đầu năm {y}"
        return datetime.date(y, 7, 1), datetime.date(y, 12, 31), f"6 tháng cuối năm {y}"
    if period == "year":
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31), f"Năm {y}"
    raise PeriodError("Kỳ báo cáo không hợp lệ: week, month, quarter, half hoặc year.")


@dataclass
class ReportContext:
    sites: list  # wagtail Site objects covered (one site, or every component site for the province)
    start: datetime.date
    end: datetime.date
    period: str = "month"
    province: bool = False

    @property
    def site_ids(self) -> list[int]:
        return [s.pk for s in self.sites]

    def site_name(self, site_id) -> str:
        for s in self.sites:
            if s.pk == site_id:
                profile = getattr(s, "profile", None)
                return profile.agency_name if profile else s.hostname
        return str(site_id)


@dataclass
class SectionResult:
    headers: list[str]
    rows: list[list]
    chart: list[tuple[str, float]] | None = None  # (label, value) bars
    chart_title: str = ""
    totals: list | None = None
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    func: Callable[[ReportContext], SectionResult]
    order: int = 100
    requires: tuple[str, ...] = field(default_factory=tuple)  # app labels that must be installed

    def available(self) -> bool:
        return all(apps.is_installed(a) or _label_installed(a) for a in self.requires)


def _label_installed(label: str) -> bool:
    try:
        apps.get_app_config(label)
    except LookupError:
        return False
    return True


REGISTRY: dict[str, Section] = {}


def register_section(key: str, title: str, func=None, *, order: int = 100, requires=()):
    """Register a report section; usable as a decorator: ``@register_section("x", "Tiêu đề")``."""

    def wrap(f):
        REGISTRY[key] = Section(key, title, f, order, tuple(requires))
        return f

    return wrap(func) if func is not None else wrap


def available_sections() -> list[Section]:
    return sorted((s for s in REGISTRY.values() if s.available()), key=lambda s: (s.order, s.key))


# --- built-in sections -----------------------------------------------------------------------------
def _articles(ctx: ReportContext):
    from congtt.content.models import ArticlePage

    roots = Q()
    for s in ctx.sites:
        roots |= Q(path__startswith=s.root_page.path)
    start = datetime.datetime.combine(ctx.start, datetime.time.min)
    end = datetime.datetime.combine(ctx.end, datetime.time.max)
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    return ArticlePage.objects.live().filter(
        roots, date__gte=timezone.make_aware(start, tz), date__lte=timezone.make_aware(end, tz)
    )


def _site_of_path(ctx: ReportContext, path: str):
    best = None
    for s in ctx.sites:
        root = s.root_page.path
        if path.startswith(root) and (best is None or len(root) > len(best[1])):
            best = (s.pk, root)
    return best[0] if best else None


@register_section("published_by_section", "Tin bài đã đăng theo chuyên mục", order=10)
def published_by_section(ctx: ReportContext) -> SectionResult:
    from wagtail.models import Page

    paths = list(_articles(ctx).values_list("path", flat=True))
    step = Page.steplen
    parents = Counter(p[:-step] for p in paths)
    titles = dict(Page.objects.filter(path__in=parents).values_list("path", "title"))
    counts: Counter = Counter()
    for parent, n in parents.items():
        site_id = _site_of_path(ctx, parent)
        label = titles.get(parent, "—")
        key = (ctx.site_name(site_id), label) if ctx.province else ("", label)
        counts[key] += n
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ctx.province:
        headers = ["Đơn vị", "Chuyên mục", "Số tin bài"]
        table = [[k[0], k[1], n] for k, n in rows]
    else:
        headers = ["Chuyên mục", "Số tin bài"]
        table = [[k[1], n] for k, n in rows]
    chart_counts: Counter = Counter()
    for (_unit, label), n in counts.items():
        chart_counts[label] += n
    return SectionResult(
        headers=headers,
        rows=table,
        chart=sorted(chart_counts.items(), key=lambda kv: -kv[1])[:12],
        chart_title="Số tin bài theo chuyên mục",
        totals=([*[""] * (len(headers) - 2), "Tổng cộng", len(paths)]),
    )


@register_section("published_by_unit", "Tin bài đã đăng theo đơn vị", order=20)
def published_by_unit(ctx: ReportContext) -> SectionResult:
    paths = list(_articles(ctx).values_list("path", flat=True))
    per_site = Counter(_site_of_path(ctx, p) for p in paths)
    rows = [[ctx.site_name(s.pk), per_site.get(s.pk, 0)] for s in ctx.sites]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return SectionResult(
        headers=["Đơn vị", "Số tin bài"],
        rows=rows,
        chart=[(r[0], r[1]) for r in rows[:15]],
        chart_title="Số tin bài theo đơn vị",
        totals=["Tổng cộng", len(paths)],
    )


@register_section("published_by_author", "Tin bài đã đăng theo tác giả", order=30)
def published_by_author(ctx: ReportContext) -> SectionResult:
    counts: Counter = Counter()
    for authors in _articles(ctx).values_list("authors", flat=True):
        names = _author_names(authors)
        for name in names or ["(Không ghi tác giả)"]:
            counts[name] += 1
    rows = sorted(([n, c] for n, c in counts.items()), key=lambda r: (-r[1], r[0]))
    return SectionResult(
        headers=["Tác giả", "Số tin bài"],
        rows=rows,
        chart=[(r[0], r[1]) for r in rows[:12]],
        chart_title="Số tin bài theo tác giả (12 người nhiều nhất)",
    )


def _author_names(raw) -> list[str]:
    import json

    if raw is None:
        return []
    data = raw
    if isinstance(raw, str):
        try:
            data = json.loads(raw)
        except ValueError:
            return []
    names = []
    for block in getattr(data, "raw_data", data) or []:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, dict) and value.get("name"):
            names.append(value["name"].strip())
    return names


@register_section("visits", "Lượt truy cập", order=40)
def visits(ctx: ReportContext) -> SectionResult:
    from .stats import visits_between

    stored = {r["site_id"]: r for r in visits_between(ctx.site_ids, ctx.start, ctx.end)}
    rows = [
        [ctx.site_name(s.pk), stored.get(s.pk, {}).get("visits", 0), stored.get(s.pk, {}).get("views", 0)]
        for s in ctx.sites
    ]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return SectionResult(
        headers=["Đơn vị", "Lượt truy cập", "Lượt xem trang"],
        rows=rows,
        chart=[(r[0], r[1]) for r in rows[:15]],
        chart_title="Lượt truy cập theo đơn vị",
        totals=["Tổng cộng", sum(r[1] for r in rows), sum(r[2] for r in rows)],
        note="Số liệu do cổng tự đếm, không dùng cookie; đã loại truy cập của máy tìm kiếm và công cụ tự động.",
    )


@register_section("royalties", "Nhuận bút, phụ cấp đã phê duyệt", order=50, requires=("royalties",))
def royalties(ctx: ReportContext) -> SectionResult:
    from congtt.royalties.services import month_totals

    per_site: Counter = Counter()
    for r in month_totals(ctx.site_ids, ctx.start, ctx.end):
        per_site[r["site_id"]] += r["total"]
    rows = [
        [ctx.site_name(s.pk), per_site.get(s.pk, 0)]
        for s in ctx.sites
        if per_site.get(s.pk) or not ctx.province
    ]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return SectionResult(
        headers=["Đơn vị", "Tổng tiền (đồng)"],
        rows=rows,
        chart=[(r[0], r[1]) for r in rows[:15]],
        chart_title="Nhuận bút, phụ cấp theo đơn vị (đồng)",
        totals=["Tổng cộng", sum(r[1] for r in rows)],
    )


# Structured records published through Wagtail's DraftStateMixin (live + first_published_at) per site.
RECORD_MODELS = [
    ("legal.LegalDocument", "Văn bản quy phạm, chỉ đạo điều hành"),
    ("legal.GazetteIssue", "Công báo"),
    ("procedures.Procedure", "Thủ tục hành chính"),
]


@register_section("records_published", "Văn bản, công báo, thủ tục đăng mới", order=25)
def records_published(ctx: ReportContext) -> SectionResult:
    from django.db.models import Count

    columns = []
    counts: dict[str, dict[int, int]] = {}
    start = datetime.datetime.combine(ctx.start, datetime.time.min)
    end = datetime.datetime.combine(ctx.end, datetime.time.max)
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    for label, title in RECORD_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        columns.append(title)
        counts[title] = dict(
            model.objects.filter(
                site_id__in=ctx.site_ids,
                live=True,
                first_published_at__gte=timezone.make_aware(start, tz),
                first_published_at__lte=timezone.make_aware(end, tz),
            )
            .values_list("site_id")
            .annotate(n=Count("pk"))
            .values_list("site_id", "n")
        )
    rows = [[ctx.site_name(s.pk), *[counts[c].get(s.pk, 0) for c in columns]] for s in ctx.sites]
    if ctx.province:
        rows = [r for r in rows if any(r[1:])]
    totals = ["Tổng cộng", *[sum(r[i + 1] for r in rows) for i in range(len(columns))]]
    return SectionResult(
        headers=["Đơn vị", *columns],
        rows=rows,
        chart=list(zip(columns, totals[1:], strict=True)),
        chart_title="Văn bản, công báo, thủ tục đăng mới trong kỳ",
        totals=totals,
    )

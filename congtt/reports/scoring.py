"""Site scoring (NET-6): metric registry, scoring rounds, ranking. Rules in plain functions.

Score of an automatic criterion = weight × min(metric value / target, 1), rounded half up to
0.01 point; a manual criterion's score is entered by the provincial office (0 … weight).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

METRICS: dict[str, tuple[str, Callable]] = {}


def register_metric(key: str, label: str, func: Callable | None = None):
    """``func(site, start, end) -> float``; another app adds e.g. deadline compliance with one call."""

    def wrap(f):
        METRICS[key] = (label, f)
        return f

    return wrap(func) if func is not None else wrap


def _months(start: datetime.date, end: datetime.date) -> float:
    return max(((end - start).days + 1) / 30.4375, 1 / 30.4375)


@register_metric("publications_per_month", "Số tin bài đăng trung bình mỗi tháng")
def publications_per_month(site, start, end) -> float:
    from .sections import ReportContext, _articles

    ctx = ReportContext(sites=[site], start=start, end=end)
    return round(_articles(ctx).count() / _months(start, end), 2)


@register_metric("visits_per_month", "Lượt truy cập trung bình mỗi tháng")
def visits_per_month(site, start, end) -> float:
    from .stats import visits_between

    rows = visits_between([site.pk], start, end)
    return round(sum(r["visits"] for r in rows) / _months(start, end), 2)


@register_metric("royalty_statements_approved", "Tỷ lệ tháng có bảng kê nhuận bút được duyệt")
def royalty_statements_approved(site, start, end) -> float:
    from congtt.royalties.services import month_totals

    months = {(r["year"], r["month"]) for r in month_totals([site.pk], start, end)}
    total = (end.year - start.year) * 12 + end.month - start.month + 1
    return round(len(months) / max(total, 1), 4)


def criterion_score(weight: int, value: float | None, target: float) -> Decimal:
    if value is None or target <= 0:
        return Decimal("0.00")
    ratio = min(max(Decimal(str(value)) / Decimal(str(target)), Decimal(0)), Decimal(1))
    return (Decimal(weight) * ratio).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def component_sites():
    """Every site except the provincial portal itself."""
    from wagtail.models import Site

    return list(
        Site.objects.select_related("root_page", "profile__kind")
        .exclude(profile__kind__is_portal=True)
        .order_by("hostname")
    )


def compute_round(scoring_round) -> int:
    """(Re)compute automatic scores of every component site; keeps manual scores. Returns rows written."""
    from .models import Criterion, SiteScore

    criteria = list(scoring_round.criteria_set.criteria.all())
    sites = component_sites()
    existing = {(s.site_id, s.criterion_id): s for s in SiteScore.objects.filter(round=scoring_round)}
    new, changed = [], []
    for site in sites:
        for c in criteria:
            row = existing.get((site.pk, c.pk))
            if c.measure == Criterion.Measure.AUTOMATIC and c.metric in METRICS:
                value = METRICS[c.metric][1](site, scoring_round.start, scoring_round.end)
                score = criterion_score(c.weight, value, c.target)
            else:
                value, score = (row.raw_value, row.score) if row else (None, Decimal("0.00"))
            if row:
                row.raw_value, row.score = value, score
                changed.append(row)
            else:
                new.append(
                    SiteScore(round=scoring_round, site=site, criterion=c, raw_value=value, score=score)
                )
    with transaction.atomic():
        SiteScore.objects.bulk_create(new)
        SiteScore.objects.bulk_update(changed, ["raw_value", "score"])
    return len(new) + len(changed)


class ScoreError(ValueError):
    pass


def set_manual_score(scoring_round, site, criterion, score) -> None:
    from .models import Criterion, SiteScore

    if criterion.measure != Criterion.Measure.MANUAL:
        raise ScoreError("Tiêu chí này được chấm tự động.")
    try:
        value = Decimal(str(score).replace(",", "."))
    except ArithmeticError:
        raise ScoreError("Điểm không hợp lệ.") from None
    if not Decimal(0) <= value <= criterion.weight:
        raise ScoreError(f"Điểm phải từ 0 đến {criterion.weight}.")
    SiteScore.objects.update_or_create(
        round=scoring_round,
        site=site,
        criterion=criterion,
        defaults={
            "score": value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "raw_value": float(value),
        },
    )


@dataclass
class RankRow:
    rank: int
    site_id: int
    name: str
    scores: list[Decimal]
    total: Decimal


def ranking(scoring_round) -> tuple[list, list[RankRow]]:
    """(criteria, rows sorted by total desc); equal totals share a rank (1, 2, 2, 4)."""
    from .models import SiteScore

    criteria = list(scoring_round.criteria_set.criteria.all())
    by_site: dict[int, dict[int, Decimal]] = {}
    names = {}
    for s in SiteScore.objects.filter(round=scoring_round).select_related("site__profile"):
        by_site.setdefault(s.site_id, {})[s.criterion_id] = s.score
        profile = getattr(s.site, "profile", None)
        names[s.site_id] = profile.agency_name if profile else s.site.hostname
    rows = []
    for site_id, scores in by_site.items():
        values = [scores.get(c.pk, Decimal(0)) for c in criteria]
        rows.append(RankRow(0, site_id, names[site_id], values, sum(values, Decimal(0))))
    rows.sort(key=lambda r: (-r.total, r.name))
    for i, row in enumerate(rows):
        row.rank = rows[i - 1].rank if i and rows[i - 1].total == row.total else i + 1
    return criteria, rows


def ranking_xlsx(scoring_round) -> bytes:
    from .documents import AdminDocument, to_xlsx

    criteria, rows = ranking(scoring_round)
    headers = ["Xếp hạng", "Đơn vị", *[f"{c.name} (tối đa {c.weight})" for c in criteria], "Tổng điểm"]
    return to_xlsx(
        AdminDocument(
            agency="Văn phòng UBND tỉnh",
            title="Kết quả chấm điểm trang thành phần",
            subtitle=f"{scoring_round.name} ({scoring_round.start:%d/%m/%Y} – {scoring_round.end:%d/%m/%Y})",
            headers=headers,
            rows=[[r.rank, r.name, *[float(s) for s in r.scores], float(r.total)] for r in rows],
            signers=[("NGƯỜI LẬP BIỂU", ""), ("THỦ TRƯỞNG CƠ QUAN", "")],
        )
    )

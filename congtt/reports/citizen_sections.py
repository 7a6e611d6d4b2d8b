"""Report sections and scoring metrics fed by the citizen app (questions/petitions, consultations, ratings).

Each is one plain function registered with ``register_section`` / ``register_metric``; they are only
offered when ``congtt.citizen`` is installed.
"""

from collections import Counter

from .scoring import register_metric
from .sections import ReportContext, SectionResult, register_section


def qa_figures(site_ids, start, end) -> dict[int, dict[str, int]]:
    """Per site: received in the period, answered in it (on time / late), open and overdue at its end."""
    from congtt.citizen.models import Case
    from congtt.citizen.rules import OPEN_STATES

    out: dict[int, Counter] = {sid: Counter() for sid in site_ids}
    received = Case.objects.filter(
        site_id__in=site_ids, created_at__date__gte=start, created_at__date__lte=end
    )
    for sid in received.values_list("site_id", flat=True):
        out[sid]["received"] += 1
    answered = Case.objects.filter(
        site_id__in=site_ids, answered_at__date__gte=start, answered_at__date__lte=end
    ).values_list("site_id", "answered_at", "due_date", "extended_due_date")
    from django.utils import timezone

    for sid, answered_at, due, extended in answered:
        limit = extended or due
        day = timezone.localtime(answered_at).date()
        out[sid]["answered"] += 1
        out[sid]["on_time" if (limit is None or day <= limit) else "late"] += 1
    overdue = Case.objects.filter(site_id__in=site_ids, state__in=OPEN_STATES, created_at__date__lte=end)
    for sid, due, extended in overdue.values_list("site_id", "due_date", "extended_due_date"):
        limit = extended or due
        if limit and limit < end:
            out[sid]["overdue"] += 1
    return {sid: dict(c) for sid, c in out.items()}


@register_section("qa", "Hỏi đáp, phản ánh kiến nghị", order=60, requires=("citizen",))
def qa_section(ctx: ReportContext) -> SectionResult:
    figures = qa_figures(ctx.site_ids, ctx.start, ctx.end)
    keys = ["received", "answered", "on_time", "late", "overdue"]
    rows = [[ctx.site_name(s.pk), *[figures[s.pk].get(k, 0) for k in keys]] for s in ctx.sites]
    rows = [r for r in rows if any(r[1:])] if ctx.province else rows
    totals = ["Tổng cộng", *[sum(r[i] for r in rows) for i in range(1, 6)]]
    return SectionResult(
        headers=["Đơn vị", "Tiếp nhận", "Đã trả lời", "Đúng hạn", "Quá hạn", "Đang quá hạn"],
        rows=rows,
        chart=[
            ("Tiếp nhận", totals[1]),
            ("Trả lời đúng hạn", totals[3]),
            ("Trả lời quá hạn", totals[4]),
            ("Đang quá hạn", totals[5]),
        ],
        chart_title="Hỏi đáp, phản ánh kiến nghị trong kỳ",
        totals=totals,
        note="Đúng hạn: trả lời không muộn hơn hạn trả lời (kể cả hạn gia hạn), tính theo ngày làm việc.",
    )


@register_section("consultations", "Lấy ý kiến dự thảo", order=70, requires=("citizen",))
def consultations_section(ctx: ReportContext) -> SectionResult:
    from django.db.models import Count, Q

    from congtt.citizen.models import Draft

    drafts = (
        Draft.objects.filter(
            site_id__in=ctx.site_ids, published=True, opens_on__lte=ctx.end, closes_on__gte=ctx.start
        )
        .annotate(
            n=Count(
                "comments",
                filter=Q(comments__created_at__date__gte=ctx.start, comments__created_at__date__lte=ctx.end),
            )
        )
        .order_by("opens_on")
    )
    rows = [
        [d.title, ctx.site_name(d.site_id), f"{d.opens_on:%d/%m/%Y} – {d.closes_on:%d/%m/%Y}", d.n]
        for d in drafts
    ]
    return SectionResult(
        headers=["Dự thảo", "Đơn vị", "Thời gian lấy ý kiến", "Số ý kiến trong kỳ"],
        rows=rows,
        chart=[(r[0], r[3]) for r in rows[:12]],
        chart_title="Số ý kiến góp ý theo dự thảo",
        totals=["Tổng cộng", "", f"{len(rows)} dự thảo", sum(r[3] for r in rows)],
    )


@register_section("ratings", "Đánh giá của người dùng", order=80, requires=("citizen",))
def ratings_section(ctx: ReportContext) -> SectionResult:
    from congtt.citizen.services import rating_results

    rows = []
    for s in ctx.sites:
        r = rating_results([s.pk], ctx.start, ctx.end)
        if r["count"] or not ctx.province:
            rows.append(
                [
                    ctx.site_name(s.pk),
                    r["count"],
                    r["interface"] or 0,
                    r["content"] or 0,
                    r["quality"] or 0,
                    r["support"] or 0,
                ]
            )
    overall = rating_results(ctx.site_ids, ctx.start, ctx.end)
    return SectionResult(
        headers=["Đơn vị", "Số lượt đánh giá", "Giao diện", "Nội dung", "Chất lượng", "Hỗ trợ"],
        rows=rows,
        chart=[
            ("Giao diện", overall["interface"] or 0),
            ("Nội dung", overall["content"] or 0),
            ("Chất lượng", overall["quality"] or 0),
            ("Hỗ trợ", overall["support"] or 0),
        ],
        chart_title="Điểm đánh giá trung bình",
        totals=[
            "Chung",
            overall["count"],
            overall["interface"] or 0,
            overall["content"] or 0,
            overall["quality"] or 0,
            overall["support"] or 0,
        ],
    )


@register_metric("qa_on_time", "Tỷ lệ hỏi đáp trả lời đúng hạn")
def qa_on_time(site, start, end) -> float:
    f = qa_figures([site.pk], start, end)[site.pk]
    answered = f.get("answered", 0)
    if not answered:
        return 1.0 if not f.get("overdue") else 0.0
    return round(f.get("on_time", 0) / (answered + f.get("overdue", 0)), 4)


@register_section(
    "qa_by_unit", "Hỏi đáp, phản ánh kiến nghị theo đơn vị xử lý", order=65, requires=("citizen",)
)
def qa_by_unit(ctx: ReportContext) -> SectionResult:
    """Cases forwarded to each responsible unit: answered in the period on time / late, overdue at its end."""
    from django.utils import timezone

    from congtt.citizen.models import Case
    from congtt.citizen.rules import OPEN_STATES

    figures: dict[str, Counter] = {}
    cases = Case.objects.filter(site_id__in=ctx.site_ids, unit__isnull=False).filter(
        models_q(ctx.start, ctx.end)
    )
    for unit, state, answered_at, due, extended in cases.values_list(
        "unit__name", "state", "answered_at", "due_date", "extended_due_date"
    ):
        c = figures.setdefault(unit, Counter())
        limit = extended or due
        if answered_at and ctx.start <= timezone.localtime(answered_at).date() <= ctx.end:
            c["answered"] += 1
            c[
                "on_time" if (limit is None or timezone.localtime(answered_at).date() <= limit) else "late"
            ] += 1
        elif state in OPEN_STATES and limit and limit < ctx.end:
            c["overdue"] += 1
    keys = ["answered", "on_time", "late", "overdue"]
    rows = sorted(
        ([u, *[c.get(k, 0) for k in keys]] for u, c in figures.items()), key=lambda r: (-r[1], r[0])
    )
    return SectionResult(
        headers=["Đơn vị xử lý", "Đã trả lời", "Đúng hạn", "Quá hạn", "Đang quá hạn"],
        rows=rows,
        chart=[(r[0], r[4]) for r in rows if r[4]][:12],
        chart_title="Hồ sơ đang quá hạn theo đơn vị xử lý",
        totals=["Tổng cộng", *[sum(r[i] for r in rows) for i in range(1, 5)]],
    )


def models_q(start, end):
    """Cases answered in the period, or still open at its end."""
    from django.db.models import Q

    from congtt.citizen.rules import OPEN_STATES

    return Q(answered_at__date__gte=start, answered_at__date__lte=end) | Q(
        state__in=OPEN_STATES, created_at__date__lte=end
    )

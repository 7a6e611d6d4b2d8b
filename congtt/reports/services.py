"""Build reports: run every available section for one site or the whole province, with progress."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils import timezone
from wagtail.models import Site

from .sections import ReportContext, available_sections, period_bounds
from .svg import bar_chart


def report_context(site: Site | None, period: str, anchor: datetime.date) -> ReportContext:
    start, end, _label = period_bounds(period, anchor)
    if site is None:
        sites = list(Site.objects.select_related("root_page", "profile").order_by("hostname"))
        return ReportContext(sites=sites, start=start, end=end, period=period, province=True)
    site = Site.objects.select_related("root_page", "profile").get(pk=site.pk)
    return ReportContext(sites=[site], start=start, end=end, period=period)


def build(ctx: ReportContext, progress: Callable[[int, str], None] | None = None) -> dict:
    """{"sections": [{key, title, headers, rows, totals, chart, chart_title, svg, note}], ...} (JSON-able)."""
    sections = available_sections()
    out = []
    for i, section in enumerate(sections):
        if progress:
            progress(int(100 * i / max(len(sections), 1)), section.title)
        result = section.func(ctx)
        out.append(
            {
                "key": section.key,
                "title": section.title,
                "headers": result.headers,
                "rows": result.rows,
                "totals": result.totals,
                "chart": [[label, value] for label, value in (result.chart or [])],
                "chart_title": result.chart_title,
                "svg": bar_chart(
                    result.chart_title or section.title, result.chart or [], f"chart-{section.key}"
                )
                if result.chart is not None
                else "",
                "note": result.note,
            }
        )
    if progress:
        progress(100, "Hoàn thành")
    _start, _end, label = period_bounds(ctx.period, ctx.start)
    return {
        "scope": "Toàn tỉnh" if ctx.province else ctx.site_name(ctx.sites[0].pk),
        "province": ctx.province,
        "period_label": label,
        "start": ctx.start.isoformat(),
        "end": ctx.end.isoformat(),
        "sites": [[s.pk, ctx.site_name(s.pk)] for s in ctx.sites],
        "sections": out,
        "built_at": timezone.now().isoformat(),
    }


def run(run_id: int) -> None:
    """Compute one ReportRun, storing progress on it (called by the background task)."""
    from .models import ReportRun

    report = ReportRun.objects.select_related("site").get(pk=run_id)
    report.status = ReportRun.Status.RUNNING
    report.progress = 0
    report.save(update_fields=["status", "progress"])

    def progress(pct, message):
        ReportRun.objects.filter(pk=run_id).update(progress=pct, message=f"Đang tính: {message}"[:500])

    try:
        ctx = report_context(report.site, report.period, report.start)
        result = build(ctx, progress)
    except Exception as exc:  # noqa: BLE001 - the failure is shown in the admin
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.FAILED, message=f"Lỗi: {exc}"[:500], finished_at=timezone.now()
        )
        raise
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRun.Status.DONE, progress=100, message="", result=result, finished_at=timezone.now()
    )

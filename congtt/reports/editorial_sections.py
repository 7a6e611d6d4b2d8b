"""Report sections and the deadline-compliance metric fed by the editorial app (loaded only when installed).

Written against feature/editorial (PublicationDeadline, UnitQuota, quotas.published_counts); its test
(tests/reports/test_editorial_sections.py) runs once congtt.editorial is in INSTALLED_APPS.
"""

import datetime

from django.utils import timezone

from .scoring import register_metric
from .sections import ReportContext, SectionResult, register_section


def deadline_figures(site_ids, start, end) -> dict[int, dict[str, int]]:
    """Per site, deadlines falling due in [start, end]: published on time, late, not published past due.

    "Quá hạn chưa đăng" is any unpublished deadline whose day is over (before today), including one due
    on the period's last day once that day has passed; "còn hạn" is one due today or later.
    """
    from congtt.editorial.models import PublicationDeadline

    out = {sid: {"due": 0, "on_time": 0, "late": 0, "missed": 0, "pending": 0} for sid in site_ids}
    rows = PublicationDeadline.objects.filter(site_id__in=site_ids, due_date__gte=start, due_date__lte=end)
    for sid, due, published_at in rows.values_list("site_id", "due_date", "published_at"):
        f = out[sid]
        f["due"] += 1
        if published_at:
            f["on_time" if timezone.localtime(published_at).date() <= due else "late"] += 1
        elif (
            due < timezone.localdate()
        ):  # past due (due <= end); a last-day deadline counts once the day is over
            f["missed"] += 1
        else:
            f["pending"] += 1
    return out


@register_section("deadlines", "Thời hạn đăng thông tin", order=55, requires=("editorial",))
def deadlines_section(ctx: ReportContext) -> SectionResult:
    figures = deadline_figures(ctx.site_ids, ctx.start, ctx.end)
    keys = ["due", "on_time", "late", "missed", "pending"]
    rows = [[ctx.site_name(s.pk), *[figures[s.pk][k] for k in keys]] for s in ctx.sites]
    if ctx.province:
        rows = [r for r in rows if r[1]]
    totals = ["Tổng cộng", *[sum(r[i] for r in rows) for i in range(1, 6)]]
    return SectionResult(
        headers=[
            "Đơn vị",
            "Đến hạn trong kỳ",
            "Đăng đúng hạn",
            "Đăng trễ hạn",
            "Quá hạn chưa đăng",
            "Còn hạn",
        ],
        rows=rows,
        chart=[("Đúng hạn", totals[2]), ("Trễ hạn", totals[3]), ("Quá hạn chưa đăng", totals[4])],
        chart_title="Thời hạn đăng thông tin trong kỳ",
        totals=totals,
    )


@register_section("quotas", "Chỉ tiêu tin, bài của các đơn vị", order=56, requires=("editorial",))
def quotas_section(ctx: ReportContext) -> SectionResult:
    from congtt.editorial.models import UnitQuota
    from congtt.editorial.quotas import published_counts
    from congtt.vntext import fold

    days = (ctx.end - ctx.start).days + 1
    rows = []
    for site in ctx.sites:
        quotas = list(UnitQuota.objects.filter(site=site))
        if not quotas:
            continue
        counts = published_counts(site, ctx.start, ctx.end + datetime.timedelta(days=1))
        for q in quotas:
            c = counts.get(fold(q.unit_name).strip(), {})
            done = c.get("news", 0) + c.get("article", 0)
            monthly = q.monthly_target or 4 * (q.weekly_news + q.weekly_articles)
            required = round(monthly * days / 30.4375)
            row = [q.unit_name, done, required, "Đạt" if done >= required else "Chưa đạt"]
            rows.append([ctx.site_name(site.pk), *row] if ctx.province else row)
    headers = ["Đơn vị gửi tin", "Đã đăng", "Chỉ tiêu trong kỳ", "Kết quả"]
    if ctx.province:
        headers = ["Trang", *headers]
    off = 1 if ctx.province else 0
    return SectionResult(
        headers=headers,
        rows=rows,
        chart=[(r[off], r[off + 1]) for r in rows[:15]],
        chart_title="Số tin, bài đã đăng theo đơn vị gửi tin",
        totals=None,
        note="Chỉ tiêu trong kỳ = chỉ tiêu tháng × số ngày của kỳ / 30,4375 (làm tròn).",
    )


@register_metric("deadline_compliance", "Tỷ lệ thông tin đăng đúng hạn")
def deadline_compliance(site, start, end) -> float:
    f = deadline_figures([site.pk], start, end)[site.pk]
    counted = f["on_time"] + f["late"] + f["missed"]
    return round(f["on_time"] / counted, 4) if counted else 1.0

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from congtt.reports import exports
from congtt.reports.models import ReportRun
from congtt.reports.sections import PeriodError, parse_anchor, period_bounds
from congtt.reports.services import build, report_context


class Command(BaseCommand):
    help = "Lập báo cáo định kỳ cho một trang (--site) hoặc toàn tỉnh (--province), có thanh tiến độ."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="tên miền của trang, ví dụ sokhcn.langson.localhost")
        parser.add_argument("--province", action="store_true", help="báo cáo tổng hợp toàn tỉnh")
        parser.add_argument("--period", default="month", choices=["week", "month", "quarter", "half", "year"])
        parser.add_argument("--date", required=True, help="YYYY-MM, YYYY-MM-DD hoặc YYYY")
        parser.add_argument("--output", help="thư mục ghi tệp XLSX, DOCX, PDF")

    def handle(self, *args, **opts):
        if bool(opts["site"]) == bool(opts["province"]):
            raise CommandError("Chọn một: --site TÊN_MIỀN hoặc --province.")
        site = None
        if opts["site"]:
            site = Site.objects.filter(hostname=opts["site"].lower()).first()
            if site is None:
                raise CommandError(f"Không có trang {opts['site']}.")
        try:
            start, end, label = period_bounds(opts["period"], parse_anchor(opts["date"]))
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc

        def progress(pct, message):
            bar = "#" * (pct // 5)
            self.stderr.write(f"[{bar:<20}] {pct:3d}% {message}")

        result = build(report_context(site, opts["period"], start), progress)
        run = ReportRun.objects.create(
            site=site,
            period=opts["period"],
            start=start,
            end=end,
            status=ReportRun.Status.DONE,
            progress=100,
            result=result,
        )
        self.stdout.write(f"{label} — {result['scope']}: báo cáo số {run.pk}")
        for section in result["sections"]:
            total = section["totals"][-1] if section["totals"] else len(section["rows"])
            self.stdout.write(f"  {section['title']}: {total}")
        if opts["output"]:
            out = Path(opts["output"])
            out.mkdir(parents=True, exist_ok=True)
            for fmt, func in (
                ("xlsx", exports.report_xlsx),
                ("docx", exports.report_docx),
                ("pdf", exports.report_pdf),
            ):
                path = out / f"bao-cao-{run.pk}.{fmt}"
                path.write_bytes(func(run))
                self.stdout.write(f"  → {path}")

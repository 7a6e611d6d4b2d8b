from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from congtt.ops.audit import risk_report, to_xlsx


class Command(BaseCommand):
    help = "Write the annual access-risk report (SEC-3) as XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--output", default="")

    def handle(self, *args, year, output, **options):
        report = risk_report(year)
        path = Path(output or f"bao-cao-rui-ro-{year}.xlsx")
        path.write_bytes(to_xlsx(report))
        for title, (_headers, rows) in report.items():
            self.stdout.write(f"{title}: {len(rows)}")
        self.stdout.write(f"Đã ghi {path}")

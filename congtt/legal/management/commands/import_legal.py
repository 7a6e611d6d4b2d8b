"""manage.py import_legal FILE --site HOST [--check] [--publish]: import legal documents from CSV/XLSX."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from congtt.legal import importer


class Command(BaseCommand):
    help = "Nhập văn bản từ tệp CSV hoặc XLSX (theo tệp mẫu) vào một trang."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--site", required=True, help="Tên miền của trang, ví dụ langson.localhost")
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra, không lưu")
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay các văn bản nhập")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        site = Site.objects.filter(hostname=options["site"]).first()
        if site is None:
            raise CommandError(f"Không có trang với tên miền {options['site']}.")
        try:
            rows = importer.read_table(path.read_bytes(), path.name)
        except importer.ImportFileError as exc:
            raise CommandError(str(exc)) from None
        report = importer.import_rows(rows, site, dry_run=options["check"], publish=options["publish"])
        for row in report.rows:
            if row.errors:
                self.stdout.write(f"Dòng {row.line}: " + "; ".join(row.errors))
        self.stdout.write(
            f"Dòng hợp lệ: {report.valid}. Dòng lỗi: {report.invalid}. Đã lưu: {report.created}."
        )

from django.core.management.base import BaseCommand, CommandError

from congtt.ops.backup import BackupError, verify_backup


class Command(BaseCommand):
    help = "Check a backup's manifest and restore its database into a scratch copy to prove it is usable."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            report = verify_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not report["ok"]:
            raise CommandError("Bản sao lưu hỏng: " + "; ".join(report["errors"]))
        pages = report["counts"].get("wagtailcore_page", 0)
        self.stdout.write(
            f"OK: {len(report['manifest']['files'])} tệp, {pages} trang, {len(report['counts'])} bảng khớp"
        )

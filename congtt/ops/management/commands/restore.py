from django.core.management.base import BaseCommand, CommandError

from congtt.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup (database, and media for full backups). Requires --yes."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--yes", action="store_true", help="confirm: the current data will be replaced")

    def handle(self, *args, path, yes, **options):
        if not yes:
            raise CommandError("Khôi phục sẽ ghi đè dữ liệu hiện tại; chạy lại với --yes để xác nhận.")
        try:
            restore_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã khôi phục từ {path}")

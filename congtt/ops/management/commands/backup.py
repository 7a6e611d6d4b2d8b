import time

from django.core.management.base import BaseCommand, CommandError

from congtt.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (and media unless --db-only) into BACKUP_DIR with a SHA-256 manifest."

    def add_arguments(self, parser):
        parser.add_argument("--db-only", action="store_true")
        parser.add_argument("--dir", default=None)
        parser.add_argument("--rotate", action="store_true", help="keep only BACKUP_KEEP archives")

    def handle(self, *args, db_only, dir, rotate: bool, **options):
        started = time.monotonic()
        try:
            path = create_backup("db" if db_only else "full", backup_dir=dir)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if rotate:
            from congtt.ops import backup as b

            b.rotate(backup_dir=dir)
        size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        self.stdout.write(f"{path} {size / 1048576:.1f} MB {time.monotonic() - started:.1f} s")

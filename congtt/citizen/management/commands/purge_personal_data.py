from django.core.management.base import BaseCommand

from congtt.citizen.services import purge_personal_data


class Command(BaseCommand):
    help = "Xóa dữ liệu cá nhân của người hỏi sau thời hạn lưu trữ (giữ câu hỏi và trả lời)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa.")

    def handle(self, *args, dry_run=False, **options):
        cases = purge_personal_data(dry_run=dry_run)
        for case in cases:
            self.stdout.write(f"{'[thử] ' if dry_run else ''}{case.code}")
        self.stdout.write(f"{'Sẽ xóa' if dry_run else 'Đã xóa'} dữ liệu cá nhân của {len(cases)} hồ sơ.")

from django.core.management.base import BaseCommand

from congtt.citizen.services import run_reminders


class Command(BaseCommand):
    help = "Nhắc đơn vị trước hạn trả lời và báo ban biên tập hồ sơ quá hạn (chạy hằng ngày)."

    def handle(self, *args, **options):
        result = run_reminders()
        self.stdout.write(f"Đã nhắc {result['reminded']} hồ sơ, báo quá hạn {result['escalated']} hồ sơ.")

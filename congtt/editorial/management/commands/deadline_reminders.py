from django.core.management.base import BaseCommand

from congtt.editorial.deadlines import send_reminders


class Command(BaseCommand):
    help = "Nhắc hạn đăng thông tin sắp đến và báo thông tin quá hạn (mỗi thông tin một lần mỗi ngày)."

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(f"Đã nhắc {counts['reminded']}, báo quá hạn {counts['missed']}.")

"""Write buffered procedure view/click counts to the database (run from cron or the scheduler)."""

from django.core.management.base import BaseCommand

from congtt.procedures import counters


class Command(BaseCommand):
    help = "Ghi số lượt xem, lượt nộp trực tuyến đang đệm vào cơ sở dữ liệu."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã ghi số liệu cho {counters.flush()} thủ tục.")

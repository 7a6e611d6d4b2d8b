from django.core.management.base import BaseCommand

from congtt.content.services import flush_views


class Command(BaseCommand):
    help = "Ghi số lượt xem tin bài đang đệm trong bộ nhớ đệm vào cơ sở dữ liệu (chạy định kỳ)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush_views()} lượt xem đã ghi.")

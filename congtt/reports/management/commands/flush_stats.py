from django.core.management.base import BaseCommand

from congtt.reports import stats


class Command(BaseCommand):
    help = "Ghi các bộ đếm truy cập đang đệm trong cache vào cơ sở dữ liệu (chạy vài phút một lần)."

    def handle(self, *args, **options):
        result = stats.flush()
        stats.invalidate_summaries()
        self.stdout.write(
            f"Đã ghi {result['views']} lượt xem: {result['pages']} dòng trang, {result['sites']} dòng trang web."
        )

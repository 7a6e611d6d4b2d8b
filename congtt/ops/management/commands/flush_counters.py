"""Write the buffered counters (article views, procedure views and clicks) to the database."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from congtt.ops import counters


class Command(BaseCommand):
    help = "Ghi các bộ đếm đang đệm (lượt xem tin bài, lượt xem và lượt nộp trực tuyến thủ tục) vào cơ sở dữ liệu."

    def handle(self, *args, **options):
        self.stdout.write(_("Đã ghi %(count)s lượt đếm.") % {"count": counters.flush()})

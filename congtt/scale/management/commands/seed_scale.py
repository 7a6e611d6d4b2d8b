"""manage.py seed_scale --sites N --articles N --legal N --questions N [--procedures N]"""

from django.core.management.base import BaseCommand, CommandError

from congtt.scale.seed import BATCH, Counts, seed


class Command(BaseCommand):
    help = "Tạo dữ liệu quy mô lớn (trang thành phần, tin bài, văn bản, thủ tục, hỏi đáp) để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=2, help="tổng số trang (kể cả cổng tỉnh)")
        parser.add_argument("--articles", type=int, default=50)
        parser.add_argument("--legal", type=int, default=20)
        parser.add_argument("--procedures", type=int, default=None, help="mặc định: 4 mỗi trang")
        parser.add_argument("--questions", type=int, default=20)
        parser.add_argument("--batch", type=int, default=BATCH)
        parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên")

    def handle(self, *args, **opts):
        for key in ("sites", "articles", "legal", "questions", "batch"):
            if opts[key] < 0 or (key in ("sites", "batch") and opts[key] < 1):
                raise CommandError(f"--{key} không hợp lệ: {opts[key]}")
        procedures = opts["procedures"] if opts["procedures"] is not None else 4 * opts["sites"]
        counts = Counts(opts["sites"], opts["articles"], opts["legal"], procedures, opts["questions"])
        try:
            timings = seed(counts, out=self.stderr, batch=opts["batch"], rng_seed=opts["seed"])
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        for kind, (n, seconds) in timings.items():
            rate = n / seconds if seconds else 0
            self.stdout.write(f"{kind:11s} {n:>9,d} in {seconds:7.1f} s  ({rate:,.0f}/s)")

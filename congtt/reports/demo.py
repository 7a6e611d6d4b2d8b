"""Demo access statistics (the last 60 days) and a site-scoring criteria set. Idempotent."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from .models import CriteriaSet, Criterion, DailySiteStat


def load(stdout=None):
    today = timezone.localdate()
    rows = []
    existing = set(DailySiteStat.objects.values_list("site_id", "date"))
    for i, site in enumerate(Site.objects.order_by("pk")):
        base = 1200 if i == 0 else 150 + 37 * (i % 5)
        for back in range(1, 61):
            day = today - datetime.timedelta(days=back)
            if (site.pk, day) in existing:
                continue
            visits = (
                base + (back * 37 + site.pk * 11) % (base // 3 + 1) - (base // 4 if day.weekday() >= 5 else 0)
            )
            rows.append(DailySiteStat(site=site, date=day, visits=visits, views=visits * 3))
    DailySiteStat.objects.bulk_create(rows, batch_size=500)
    cs, created = CriteriaSet.objects.get_or_create(
        name="Bộ tiêu chí đánh giá trang thông tin điện tử thành phần",
        year=today.year,
        defaults={"description": "Theo Quy chế hoạt động Cổng thông tin điện tử tỉnh."},
    )
    if created:
        Criterion.objects.bulk_create(
            [
                Criterion(
                    criteria_set=cs,
                    name="Số tin bài đăng mỗi tháng",
                    weight=30,
                    measure="auto",
                    metric="publications_per_month",
                    target=20,
                    sort_order=1,
                ),
                Criterion(
                    criteria_set=cs,
                    name="Trả lời hỏi đáp đúng hạn",
                    weight=30,
                    measure="auto",
                    metric="qa_on_time",
                    target=1.0,
                    sort_order=2,
                ),
                Criterion(
                    criteria_set=cs,
                    name="Lượt truy cập mỗi tháng",
                    weight=10,
                    measure="auto",
                    metric="visits_per_month",
                    target=5000,
                    sort_order=3,
                ),
                Criterion(
                    criteria_set=cs,
                    name="Giao diện, tính năng theo Thông tư 22/2023/TT-BTTTT",
                    weight=30,
                    measure="manual",
                    sort_order=4,
                ),
            ]
        )
    if stdout:
        stdout.write(
            f"Thống kê: {len(rows)} ngày truy cập mẫu; bộ tiêu chí chấm điểm {'mới' if created else 'đã có'}."
        )

"""Demo rate frames (khung nhuận bút) for the Lạng Sơn portal and Sở KH&CN. Idempotent."""

from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from .models import BoardAllowance, GenreRate, RateFrame

GENRES = [
    ("tin", "Tin", "1.0", "3.0"),
    ("bai", "Bài viết", "3.0", "10.0"),
    ("anh", "Ảnh", "0.5", "2.0"),
    ("video", "Video", "2.0", "8.0"),
    ("dich", "Dịch", "1.0", "5.0"),
]
ALLOWANCES = {"chief": 800_000, "deputy": 600_000, "secretary": 500_000, "member": 300_000}


def load(stdout=None):
    year = timezone.localdate().year
    made = 0
    for host in ("langson.localhost", "sokhcn.langson.localhost"):
        site = Site.objects.filter(hostname=host).first()
        if site is None:
            continue
        frame, created = RateFrame.objects.get_or_create(
            site=site,
            year=year,
            defaults={
                "unit_value": 150_000,
                "basis": "Quyết định số 05/2015/QĐ-UBND ngày 21/01/2015 của Ủy ban nhân dân tỉnh",
            },
        )
        if created:
            made += 1
            for code, name, low, high in GENRES:
                GenreRate.objects.create(
                    frame=frame, code=code, name=name, coef_min=Decimal(low), coef_max=Decimal(high)
                )
            for role, amount in ALLOWANCES.items():
                BoardAllowance.objects.create(frame=frame, role=role, amount=amount)
    if stdout:
        stdout.write(f"Nhuận bút: {made} khung nhuận bút mới.")

from django.core.management.base import BaseCommand

from congtt.ops import catalogues


class Command(BaseCommand):
    help = (
        "After a Wagtail or wagtail-localize upgrade: merge the installed packages' messages into the Vietnamese "
        "catalogues under congtt/locale_wagtail/ (translations kept, new messages empty, vanished ones dropped)."
    )

    def handle(self, *args, **options):
        for package, domain in catalogues.carried_catalogues() + catalogues.missing_packages():
            added, dropped = catalogues.update(package, domain)
            self.stdout.write(f"{package}/{domain}: {added} mới, {dropped} bỏ")
        catalogues.compile_all()
        self.stdout.write("Chạy `manage.py translation_coverage` để xem còn bao nhiêu thông điệp chưa dịch.")

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu tỉnh mẫu (Lạng Sơn). Chạy lại không xóa dữ liệu đã có. "
        "Each congtt app may provide demo.load(); they run in INSTALLED_APPS order."
    )

    def handle(self, *args, **opts):
        for config in apps.get_app_configs():
            if not config.name.startswith("congtt."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            self.stdout.write(f"Nạp dữ liệu mẫu: {config.verbose_name}")
            with transaction.atomic():
                module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu tỉnh mẫu."))

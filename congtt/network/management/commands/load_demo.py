import contextlib
import io
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
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
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            # Saving queued the search-index, reference-index and mail tasks: run them now, so the demo
            # is searchable at once, even before a worker (`manage.py db_worker`) is started.
            self.stdout.write("Cập nhật chỉ mục tìm kiếm và chạy các tác vụ nền đang chờ…")
            # The demo's sample notifications go to the console mail backend in development: keep them quiet.
            with contextlib.redirect_stdout(io.StringIO()):
                call_command(
                    "db_worker", batch=True, queue_name="*", startup_delay=False, reload=False, verbosity=0
                )
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu tỉnh mẫu."))

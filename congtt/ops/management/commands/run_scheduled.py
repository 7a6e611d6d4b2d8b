from django.core.management.base import BaseCommand

from congtt.ops.scheduler import run_due


class Command(BaseCommand):
    help = "Run every scheduled job that is due (call every few minutes from a systemd timer or cron)."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", default=None)

    def handle(self, *args, only, **options):
        for name, result in run_due(only=only).items():
            self.stdout.write(f"{name}: {result}")

from django.core.management.base import BaseCommand

from congtt.ops.accounts import expire_accounts


class Command(BaseCommand):
    help = "Deactivate accounts whose grant ended (idempotent; run by the scheduler)."

    def handle(self, *args, **options):
        users = expire_accounts()
        self.stdout.write(
            f"{len(users)} tài khoản đã bị thu hồi: {', '.join(u.get_username() for u in users)}"
        )

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from congtt.ops.changes import record_applied, record_rolled_back
from congtt.ops.models import ChangeRequest


class Command(BaseCommand):
    help = (
        "Record that an approved system change request was applied (or an applied one rolled back); "
        "exits non-zero and changes nothing for any other request (EDT-12). For deploy scripts."
    )

    def add_arguments(self, parser):
        parser.add_argument("change_id", type=int, help="id of the change request")
        parser.add_argument(
            "--rolled-back", action="store_true", help="record a roll-back of an applied request instead"
        )
        parser.add_argument(
            "--check", action="store_true", help="only check that the request is approved; record nothing"
        )
        parser.add_argument("--by", default="", help="username of the portal administrator who deployed")
        parser.add_argument("--note", default="", help="note for a roll-back")

    def handle(self, *args, change_id, rolled_back, check, by, note, **options):
        change = ChangeRequest.objects.filter(pk=change_id).first()
        if change is None:
            raise CommandError(f"Không có yêu cầu thay đổi #{change_id}.")
        if check:
            if change.status != ChangeRequest.Status.APPROVED:
                raise CommandError(
                    f"Yêu cầu #{change.pk} chưa được phê duyệt (trạng thái “{change.get_status_display()}”)."
                )
            self.stdout.write(f"Yêu cầu #{change.pk} “{change.title}” đã được phê duyệt.")
            return
        user = None
        if by:
            user = get_user_model().objects.filter(username=by, is_active=True).first()
            if user is None:
                raise CommandError(f"Không có tài khoản đang hoạt động “{by}”.")
        try:
            if rolled_back:
                change = record_rolled_back(change, by=user, note=note)
            else:
                change = record_applied(change, by=user)
        except (PermissionDenied, ValidationError) as exc:
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from exc
        self.stdout.write(f"Yêu cầu #{change.pk} “{change.title}”: {change.get_status_display()}.")

"""System change requests (EDT-12): who may decide, the state machine, and the audit trail.

proposed → approved | refused; approved → applied; applied → rolled back. Only the portal's (default
site's) administrators and superusers decide, never on their own request; nothing is applied before
approval. Every transition is one Wagtail audit-log entry on the request.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from congtt.network.models import SiteRoleGroup

from .accounts import unwrap
from .models import ChangeRequest

S = ChangeRequest.Status
ACTIONS = {
    "proposed": ("congtt.change_proposed", gettext_lazy("Đề xuất thay đổi hệ thống")),
    "approved": ("congtt.change_approved", gettext_lazy("Phê duyệt thay đổi hệ thống")),
    "refused": ("congtt.change_refused", gettext_lazy("Từ chối thay đổi hệ thống")),
    "applied": ("congtt.change_applied", gettext_lazy("Triển khai thay đổi hệ thống")),
    "rolled_back": ("congtt.change_rolled_back", gettext_lazy("Hoàn tác thay đổi hệ thống")),
}


def is_portal_admin(user) -> bool:
    """Superuser, or holder of the administrator role on the portal (default site)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return SiteRoleGroup.objects.filter(group__user=user, role="admin", site__is_default_site=True).exists()


def can_view(user) -> bool:
    return is_portal_admin(user) or bool(
        user and user.is_authenticated and user.is_active and user.has_perm("ops.view_changerequest")
    )


def can_decide(user, change: ChangeRequest) -> bool:
    return is_portal_admin(user) and change.requested_by_id != user.pk


def _log(change, status, user, **data):
    log(change, ACTIONS[status][0], user=unwrap(user) if user else None, data={"status": status, **data})


def propose(change: ChangeRequest, by) -> ChangeRequest:
    """Save a new request in the proposed state, requested by ``by``."""
    change.requested_by = unwrap(by)
    change.status = S.PROPOSED
    change.full_clean()
    with transaction.atomic():
        change.save()
        _log(change, S.PROPOSED, by)
    return change


def _locked(change):
    return ChangeRequest.objects.select_for_update().get(pk=change.pk)


def decide(change: ChangeRequest, by, approve: bool, note: str = "") -> ChangeRequest:
    """Approve or refuse a proposed request; raises PermissionDenied / ValidationError, changing nothing."""
    if not is_portal_admin(by):
        raise PermissionDenied(_("Chỉ quản trị Cổng thông tin tỉnh mới được phê duyệt thay đổi hệ thống."))
    user = unwrap(by)
    note = (note or "").strip()
    with transaction.atomic():
        current = _locked(change)
        if current.requested_by_id == user.pk:
            raise PermissionDenied(_("Người đề xuất không được tự phê duyệt yêu cầu của mình."))
        if current.status != S.PROPOSED:
            raise ValidationError(
                _("Yêu cầu đang ở trạng thái “%(status)s”, không thể phê duyệt hay từ chối.")
                % {"status": current.get_status_display()}
            )
        if not approve and not note:
            raise ValidationError(_("Cần ghi lý do từ chối."))
        current.status = S.APPROVED if approve else S.REFUSED
        current.decided_by = user
        current.decided_at = timezone.now()
        current.decision_note = note
        current.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        _log(current, current.status, user, note=note)
    return current


def record_applied(change: ChangeRequest, by=None, at=None) -> ChangeRequest:
    """Record that an approved request was applied (``by`` may be None for a deploy script)."""
    if by is not None and not is_portal_admin(by):
        raise PermissionDenied(_("Chỉ quản trị Cổng thông tin tỉnh mới được ghi nhận triển khai."))
    with transaction.atomic():
        current = _locked(change)
        if current.status != S.APPROVED:
            raise ValidationError(
                _(
                    "Chỉ ghi nhận triển khai cho yêu cầu đã phê duyệt; yêu cầu #%(pk)s đang ở trạng thái “%(status)s”."
                )
                % {"pk": current.pk, "status": current.get_status_display()}
            )
        current.status = S.APPLIED
        current.applied_by = unwrap(by) if by is not None else None
        current.applied_at = at or timezone.now()
        current.save(update_fields=["status", "applied_by", "applied_at"])
        _log(current, S.APPLIED, by)
    return current


def record_rolled_back(change: ChangeRequest, by=None, note: str = "") -> ChangeRequest:
    """Record that an applied request was rolled back."""
    if by is not None and not is_portal_admin(by):
        raise PermissionDenied(_("Chỉ quản trị Cổng thông tin tỉnh mới được ghi nhận hoàn tác."))
    with transaction.atomic():
        current = _locked(change)
        if current.status != S.APPLIED:
            raise ValidationError(
                _("Chỉ hoàn tác được yêu cầu đã triển khai; yêu cầu #%(pk)s đang ở trạng thái “%(status)s”.")
                % {"pk": current.pk, "status": current.get_status_display()}
            )
        current.status = S.ROLLED_BACK
        current.rolled_back_at = timezone.now()
        current.save(update_fields=["status", "rolled_back_at"])
        _log(current, S.ROLLED_BACK, by, note=(note or "").strip())
    return current

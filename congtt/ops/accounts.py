"""Account lifecycle rules (SEC-1, SEC-2): revocation, expiry, password age, who needs 2FA."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from congtt.network.models import SiteRoleGroup

TWO_FACTOR_ROLES = {"chief", "deputy", "secretary", "admin"}


def end_sessions(user) -> int:
    """Delete every database session of ``user``; return how many."""
    uid = str(user.pk)
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == uid:
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def revoke_access(user, reason: str, by=None, grant=None) -> dict:
    """Deactivate ``user``, end their sessions, drop their site role groups, and log it."""
    role_groups = list(user.groups.filter(site_role__isnull=False))
    user.groups.remove(*role_groups)
    user.is_active = False
    user.save(update_fields=["is_active"])
    sessions = end_sessions(user)
    if grant is not None and grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
    data = {"reason": reason, "sessions_ended": sessions, "groups_removed": [g.name for g in role_groups]}
    log(user, "congtt.account_revoked", user=by, data=data)
    return data


def expire_accounts(today=None, by=None) -> list:
    """Revoke every account whose grant ended before ``today`` (idempotent)."""
    from .models import AccountGrant

    today = today or timezone.localdate()
    revoked = []
    grants = AccountGrant.objects.select_related("user").filter(end_date__lt=today, revoked_at__isnull=True)
    for grant in grants:
        if grant.user.is_active or grant.user.groups.filter(site_role__isnull=False).exists():
            revoke_access(grant.user, f"expired:{grant.end_date.isoformat()}", by=by, grant=grant)
            revoked.append(grant.user)
        else:
            grant.revoked_at = timezone.now()
            grant.save(update_fields=["revoked_at"])
    return revoked


def mark_departed(grant, status: str, by=None) -> dict:
    """An administrator records that the person left or transferred: revoke immediately."""
    grant.status = status
    if grant.end_date is None or grant.end_date > timezone.localdate():
        grant.end_date = timezone.localdate()
    grant.save(update_fields=["status", "end_date"])
    return revoke_access(grant.user, status, by=by, grant=grant)


def has_expired_grant(user) -> bool:
    """True when every grant of ``user`` has ended (users without grants are not affected)."""
    grants = list(user.account_grants.all()) if user.pk else []
    if not grants:
        return False
    today = timezone.localdate()
    return all(g.status != g.Status.ACTIVE or (g.end_date is not None and g.end_date < today) for g in grants)


# Passwords -----------------------------------------------------------------------------------


def password_max_age_days() -> int:
    return int(getattr(settings, "PASSWORD_MAX_AGE_DAYS", 90))


def password_changed_at(user):
    from .models import PasswordState

    state = PasswordState.objects.filter(user=user).first()
    if state is None:  # first sight: start the clock now rather than lock everyone out
        state = PasswordState.objects.create(user=user)
    return state.changed_at


def password_expired(user, now=None) -> bool:
    days = password_max_age_days()
    if days <= 0 or not user.has_usable_password():
        return False
    return (now or timezone.now()) - password_changed_at(user) > timedelta(days=days)


def record_password_change(user) -> None:
    from .models import PasswordState

    PasswordState.objects.update_or_create(user=user, defaults={"changed_at": timezone.now()})


# Two-factor ----------------------------------------------------------------------------------


def requires_two_factor(user) -> bool:
    """Staff with publishing or administration rights must use TOTP (SEC-2)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("network.manage_network"):
        return True
    if SiteRoleGroup.objects.filter(group__user=user, role__in=TWO_FACTOR_ROLES).exists():
        return True
    from wagtail.models import GroupPagePermission

    return GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists()


def users_by_name():
    return get_user_model().objects


def unwrap(user):
    """The real user object behind request.user (django-otp wraps Django's lazy user in another one,
    which Wagtail's log() cannot see through)."""
    from django.utils.functional import LazyObject, empty

    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user

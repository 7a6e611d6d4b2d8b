"""Audit trail receivers (SEC-3): logins into AccessEvent, permission changes into Wagtail's log."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import GroupPagePermission

from .models import AccessEvent

User = get_user_model()


def client_ip(request):
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _event(kind, request, user=None, username="", success=True):
    AccessEvent.objects.create(
        kind=kind,
        user=user if user is not None and user.pk else None,
        username=(username or getattr(user, "username", "") or "")[:150],
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:500],
        success=success,
    )


@receiver(user_logged_in, dispatch_uid="congtt_ops_login")
def on_login(sender, request, user, **kwargs):
    if request is None or getattr(request, "_congtt_force_login", False):
        return
    _event(AccessEvent.Kind.LOGIN, request, user=user)


@receiver(user_logged_out, dispatch_uid="congtt_ops_logout")
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        _event(AccessEvent.Kind.LOGOUT, request, user=user)


@receiver(user_login_failed, dispatch_uid="congtt_ops_login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")
    user = User.objects.filter(username=username).first() if username else None
    _event(AccessEvent.Kind.LOGIN_FAILED, request, user=user, username=username, success=False)


@receiver(user_locked_out, dispatch_uid="congtt_ops_locked_out")
def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    user = User.objects.filter(username=username).first() if username else None
    _event(AccessEvent.Kind.LOCKED_OUT, request, user=user, username=username or "", success=False)


@receiver(post_save, sender=User, dispatch_uid="congtt_ops_password_changed")
def on_user_saved(sender, instance, created, **kwargs):
    # set_password() leaves ``_password`` set until save() finishes.
    if getattr(instance, "_password", None) is not None or created:
        from .accounts import record_password_change

        record_password_change(instance)


def _names(model, pks):
    if not pks:
        return []
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in model.objects.filter(pk__in=pks).select_related("content_type")
    )


def _in_admin() -> bool:
    return getattr(get_active_log_context(), "user", None) is not None


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="congtt_ops_user_groups")
@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="congtt_ops_user_perms")
@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="congtt_ops_group_perms")
def on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if sender is Group.permissions.through and not _in_admin():
        return  # role groups are built by migrate/create_site; log only changes made by a person
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if action == "pre_clear":
        field = {User.groups.through: "groups", User.user_permissions.through: "user_permissions"}.get(sender)
        if reverse or field is None:
            field = "permissions" if sender is Group.permissions.through else None
        if field is None:
            return
        pk_set = set(getattr(instance, field).values_list("pk", flat=True))
        change = "removed"
    else:
        change = "added" if action == "post_add" else "removed"
    if not pk_set:
        return
    if reverse:
        # e.g. group.user_set.add(user): log on each user.
        for obj in model.objects.filter(pk__in=pk_set):
            log(obj, "congtt.permission_change", data={"change": change, "items": [str(instance)]})
        return
    log(instance, "congtt.permission_change", data={"change": change, "items": _names(model, pk_set)})


@receiver(post_save, sender=GroupPagePermission, dispatch_uid="congtt_ops_gpp_saved")
@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="congtt_ops_gpp_deleted")
def on_page_permission(sender, instance, **kwargs):
    if not _in_admin():
        return
    change = "removed" if "created" not in kwargs else "added"
    try:
        group = instance.group
    except Group.DoesNotExist:
        return
    log(
        group,
        "congtt.permission_change",
        data={"change": change, "items": [f"{instance.permission.codename}@page:{instance.page_id}"]},
    )

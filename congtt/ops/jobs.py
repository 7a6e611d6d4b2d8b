"""The ops jobs on the scheduler: backups (OPS-1), account expiry (SEC-1), backup watch and alerts."""

from django.conf import settings
from django.core.mail import mail_admins
from django.utils import timezone

from . import counters, scheduler


def raise_alert(subject: str, body: str, severity="high"):
    """E-mail ADMINS and open a monitoring incident (an open one with the same subject is reused)."""
    from .models import Incident

    mail_admins(subject, body, fail_silently=True)
    incident = Incident.objects.filter(description__startswith=subject, closed_at__isnull=True).first()
    if incident is None:
        incident = Incident.objects.create(
            reported_by="Hệ thống giám sát",
            channel=Incident.Channel.MONITORING,
            severity=severity,
            description=f"{subject}\n{body}",
        )
    else:
        incident.add_action(body)
    return incident


def run_backup(kind):
    from .backup import BackupError, create_backup, rotate

    try:
        path = create_backup(kind)
    except BackupError as exc:
        raise_alert(
            "Sao lưu thất bại", f"Bản sao lưu ({kind}) lúc {timezone.localtime():%d/%m/%Y %H:%M} lỗi: {exc}"
        )
        raise
    rotate()
    return path


def watch_backups():
    from .health import check_backup

    result = check_backup()
    if not result["ok"]:
        raise_alert(
            "Thiếu bản sao lưu",
            f"Bản sao lưu thành công gần nhất đã quá {settings.BACKUP_MAX_AGE_HOURS} giờ ({result}).",
        )


def expire():
    from .accounts import expire_accounts

    expire_accounts()


def register_defaults():
    full_days = list(settings.BACKUP_FULL_WEEKDAYS)
    db_days = [d for d in range(7) if d not in full_days]
    scheduler.register(
        "backup_full", scheduler.daily(settings.BACKUP_HOUR, weekdays=full_days), lambda: run_backup("full")
    )
    scheduler.register(
        "backup_db", scheduler.daily(settings.BACKUP_HOUR, weekdays=db_days), lambda: run_backup("db")
    )
    scheduler.register("expire_accounts", scheduler.every(60), expire)
    scheduler.register("counters.flush", scheduler.every(5), counters.flush)
    scheduler.register("backup_watch", scheduler.daily(settings.BACKUP_HOUR + 3), watch_backups)

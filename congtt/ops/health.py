"""Health checks of the services the portal needs (OPS-3)."""

import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext_lazy as _


def check_database() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1), "vendor": connection.vendor}


def check_cache() -> dict:
    started = time.perf_counter()
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception as exc:  # a cache outage is reported, not raised
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}


def run_checks(detail: bool = False) -> dict:
    """Database and cache (public); with ``detail`` every check (see run_all_checks)."""
    if detail:
        return run_all_checks()
    from . import health as me

    checks = {"database": me.check_database(), "cache": me.check_cache()}
    return {"status": "ok" if all(c["ok"] for c in checks.values()) else "degraded", "checks": checks}


def check_disk() -> dict:
    """Free space on MEDIA_ROOT and BACKUP_DIR; not ok under DISK_MIN_FREE_MB."""
    import shutil
    from pathlib import Path

    from django.conf import settings

    minimum = getattr(settings, "DISK_MIN_FREE_MB", 1024)
    result = {"ok": True}
    for name, folder in (
        ("media", settings.MEDIA_ROOT),
        ("backup", getattr(settings, "BACKUP_DIR", settings.MEDIA_ROOT)),
    ):
        path = Path(folder)
        while not path.exists() and path != path.parent:
            path = path.parent
        try:
            free_mb = shutil.disk_usage(path).free // (1024 * 1024)
        except OSError as exc:
            return {"ok": False, "error": exc.__class__.__name__}
        result[f"{name}_free_mb"] = free_mb
        if free_mb < minimum:
            result["ok"] = False
    return result


def check_tasks() -> dict:
    """Tasks waiting (READY) longer than TASK_STALE_MINUTES mean the worker is not running."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    try:
        from django_tasks_db.models import DBTaskResult

        limit = timezone.now() - timedelta(minutes=getattr(settings, "TASK_STALE_MINUTES", 15))
        stale = DBTaskResult.objects.filter(status="READY", enqueued_at__lt=limit).count()
    except Exception as exc:  # table missing or backend unusable
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": stale == 0, "stale": stale}


def check_backup() -> dict:
    """The last successful backup must be younger than BACKUP_MAX_AGE_HOURS."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    try:
        from .models import BackupRecord

        last = BackupRecord.objects.filter(ok=True).order_by("-finished_at").first()
    except Exception as exc:
        return {"ok": False, "error": exc.__class__.__name__}
    if last is None:
        return {"ok": False, "error": "no_backup"}
    age = timezone.now() - last.finished_at
    return {
        "ok": age <= timedelta(hours=getattr(settings, "BACKUP_MAX_AGE_HOURS", 26)),
        "age_hours": round(age.total_seconds() / 3600, 1),
    }


def run_all_checks() -> dict:
    """Every check; the overall status counts only the database and cache as critical (`down`/`degraded`)."""
    from . import health as me

    checks = {
        "database": me.check_database(),
        "cache": me.check_cache(),
        "disk": me.check_disk(),
        "tasks": me.check_tasks(),
        "backup": me.check_backup(),
    }
    return {"status": "ok" if all(c["ok"] for c in checks.values()) else "degraded", "checks": checks}


# Vietnamese labels for the admin status panel; /healthz keeps the stable English keys for machines.
CHECK_LABELS = {
    "database": _("Cơ sở dữ liệu"),
    "cache": _("Bộ nhớ đệm"),
    "disk": _("Dung lượng đĩa"),
    "tasks": _("Hàng đợi tác vụ nền"),
    "backup": _("Sao lưu gần nhất"),
}
DETAIL_LABELS = {
    "ms": _("thời gian phản hồi (ms)"),
    "vendor": _("loại"),
    "media_free_mb": _("còn trống cho tệp tải lên (MB)"),
    "backup_free_mb": _("còn trống cho bản sao lưu (MB)"),
    "stale": _("tác vụ chờ quá lâu"),
    "age_hours": _("cách đây (giờ)"),
    "error": _("lỗi"),
}
ERROR_LABELS = {"no_backup": _("chưa có bản sao lưu nào")}


def panel_rows(result: dict) -> list[tuple[str, bool, str]]:
    """(label, ok, details) for each check, in Vietnamese."""
    rows = []
    for name, check in result["checks"].items():
        details = "; ".join(
            f"{DETAIL_LABELS.get(key, key)}: {ERROR_LABELS.get(value, value) if key == 'error' else value}"
            for key, value in check.items()
            if key != "ok"
        )
        rows.append((CHECK_LABELS.get(name, name), check["ok"], details))
    return rows

"""Health checks of the services the portal needs (OPS-3)."""

import time
import uuid

from django.core.cache import cache
from django.db import connection


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


def run_checks() -> dict:
    checks = {"database": check_database(), "cache": check_cache()}
    return {"status": "ok" if all(c["ok"] for c in checks.values()) else "degraded", "checks": checks}

"""One scheduler entry point (``manage.py run_scheduled``), called every few minutes by a timer.

Apps add jobs with ``register(name, when, func)``; ``when(now_local, last_run_local_or_None)`` says
whether the job is due. Each job runs at most once per slot even if two schedulers overlap (the
JobRun row is claimed with a conditional UPDATE).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    when: object
    func: object


REGISTRY: dict[str, Job] = {}


def register(name, when, func):
    REGISTRY[name] = Job(name, when, func)
    return func


def _slot(now, hour, minute=0):
    return timezone.make_aware(datetime.combine(now.date(), time(hour, minute)), now.tzinfo)


def daily(hour=1, minute=0, weekdays=None):
    """Due once a day after hour:minute local time (only on ``weekdays``, 0=Monday, when given)."""

    def when(now, last):
        if weekdays is not None and now.weekday() not in weekdays:
            return False
        slot = _slot(now, hour, minute)
        return now >= slot and (last is None or last < slot)

    return when


def every(minutes):
    def when(now, last):
        return last is None or now - last >= timedelta(minutes=minutes)

    return when


def run_due(now=None, only=None) -> dict[str, str]:
    from .models import JobRun

    now = timezone.localtime(now or timezone.now())
    results = {}
    for job in list(REGISTRY.values()):
        if only and job.name not in only:
            continue
        run, _created = JobRun.objects.get_or_create(name=job.name)
        last = timezone.localtime(run.last_run_at) if run.last_run_at else None
        if not job.when(now, last):
            continue
        claimed = JobRun.objects.filter(pk=run.pk, last_run_at=run.last_run_at).update(last_run_at=now)
        if not claimed:
            continue  # another scheduler took it
        try:
            job.func()
        except Exception as exc:
            logger.exception("scheduled job %s failed", job.name)
            JobRun.objects.filter(pk=run.pk).update(
                last_ok=False, last_error=f"{exc.__class__.__name__}: {exc}"
            )
            results[job.name] = f"error: {exc}"
            continue
        JobRun.objects.filter(pk=run.pk).update(last_ok=True, last_error="")
        results[job.name] = "ok"
    return results

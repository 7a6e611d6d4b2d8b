"""Counters and citizen deadlines run without a person: each app registers its job with the scheduler."""

from congtt.ops import scheduler


def test_buffered_counters_and_citizen_jobs_are_scheduled():
    assert {
        "counters.flush",
        "citizen.reminders",
        "citizen.purge_personal_data",
        "backup_full",
        "expire_accounts",
    } <= set(scheduler.REGISTRY)

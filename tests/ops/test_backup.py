"""Backups (OPS-1): round trip, corruption detection, scheduler, rotation, alerts."""

import io
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection as _connection
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from congtt.network.models import SiteProfile
from congtt.ops import scheduler
from congtt.ops.backup import create_backup, read_manifest, rotate, verify_backup
from congtt.ops.models import AccessEvent, BackupRecord, Incident, JobRun

VENDOR = _connection.vendor
DB_FILE = {"sqlite": "db.sqlite3", "postgresql": "db.dump"}[VENDOR]
# The suite runs on SQLite and again on PostgreSQL (.ci/run): each path is proven on its own leg.
postgresql_only = pytest.mark.skipif(
    VENDOR != "postgresql", reason="pg_dump/pg_restore path: run with DATABASE_URL=postgres://… (the PG leg)"
)


def _pg_databases():
    with _connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database")
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def dirs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.ADMINS = [("Quản trị", "qt@example.vn")]
    return tmp_path


def snapshot():
    Document = get_document_model()
    return {
        "pages": list(Page.objects.order_by("path").values_list("id", "path", "title", "url_path", "live")),
        "profiles": list(SiteProfile.objects.order_by("pk").values_list("pk", "agency_name", "hotline")),
        "events": list(AccessEvent.objects.order_by("pk").values_list("pk", "username", "kind")),
        "docs": [(d.pk, d.title, d.file.name, d.file.read()) for d in Document.objects.order_by("pk")],
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_verify_restore_round_trip(portal, department, dirs):
    Document = get_document_model()
    doc = Document(title="Quyết định 12/QĐ-UBND")
    doc.file.save("quyet-dinh-12.pdf", ContentFile(b"%PDF-1.4 noi dung quyet dinh"), save=True)
    AccessEvent.objects.create(kind="login", username="an", ip_address="10.0.0.1")
    before = snapshot()
    out = io.StringIO()
    call_command("backup", stdout=out)
    path = create_backup.__globals__["Path"](out.getvalue().split()[0])
    manifest = read_manifest(path)
    assert manifest["vendor"] == VENDOR and manifest["kind"] == "full"
    assert manifest["database_file"] == DB_FILE and (path / DB_FILE).stat().st_size > 0
    assert any(f["path"].endswith("quyet-dinh-12.pdf") for f in manifest["files"])
    assert manifest["counts"]["wagtailcore_page"] == len(before["pages"])
    verify_out = io.StringIO()
    call_command("verify_backup", str(path), stdout=verify_out)
    assert verify_out.getvalue().startswith("OK")

    # Damage the live data: pages, records and the file.
    Page.objects.filter(depth__gt=2).update(title="HỎNG")
    SiteProfile.objects.update(hotline="000")
    AccessEvent.objects.all().delete()
    doc.file.storage.delete(doc.file.name)
    Document.objects.all().delete()
    assert snapshot() != before

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(path))
    call_command("restore", str(path), "--yes", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_corrupted_backup_is_detected(portal, dirs):
    path = create_backup("full")
    assert verify_backup(path)["ok"]
    db_file = path / DB_FILE
    data = bytearray(db_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db_file.write_bytes(bytes(data))
    report = verify_backup(path)
    assert not report["ok"] and DB_FILE in report["errors"][0]
    with pytest.raises(CommandError, match="Bản sao lưu hỏng"):
        call_command("verify_backup", str(path))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_missing_rows_are_detected_even_with_matching_hashes(portal, dirs):
    """A manifest that claims more rows than the dump holds (e.g. a truncated dump re-hashed) fails."""
    import hashlib
    import json

    path = create_backup("db")
    manifest = read_manifest(path)
    manifest["counts"]["wagtailcore_page"] += 1
    (path / "manifest.json").write_text(json.dumps(manifest))
    report = verify_backup(path)
    assert not report["ok"] and "wagtailcore_page" in report["errors"][0]
    assert hashlib  # noqa


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgresql_only
def test_pg_verify_restores_into_a_scratch_database_and_drops_it(portal, dirs, monkeypatch):
    """verify_backup restores db.dump into its own scratch database, counts rows there, then drops it."""
    from congtt.ops import backup

    path = create_backup("db")
    assert sorted(p.name for p in path.iterdir()) == ["db.dump", "manifest.json"]
    names = []
    real_name = backup.scratch_database_name
    monkeypatch.setattr(backup, "scratch_database_name", lambda: names.append(real_name()) or names[-1])
    before = _pg_databases()
    report = verify_backup(path)
    assert report["ok"], report["errors"]
    assert report["counts"] == read_manifest(path)["counts"] and report["counts"]["wagtailcore_page"] > 1
    assert names and str(__import__("os").getpid()) in names[0] and names[0] not in _pg_databases()

    # A dump pg_restore cannot read (hashes re-written to match): a clear error, and the scratch DB is gone.
    (path / "db.dump").write_bytes(b"not a dump")
    manifest = read_manifest(path)
    manifest["files"] = [
        {**f, "sha256": backup.sha256_file(path / f["path"]), "size": (path / f["path"]).stat().st_size}
        for f in manifest["files"]
    ]
    (path / "manifest.json").write_text(__import__("json").dumps(manifest))
    report = verify_backup(path)
    assert not report["ok"] and "pg_restore" in report["errors"][0]
    assert _pg_databases() == before


@pytest.mark.django_db
def test_missing_pg_client_tools_give_a_clear_error(monkeypatch):
    from congtt.ops import backup

    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="postgresql-client"):
        backup.pg_tool("pg_dump")


@postgresql_only
def test_pg_client_matches_the_server_version():
    """pg_dump refuses a newer server; an older pg_restore cannot read a newer dump format."""
    import re
    import subprocess

    from congtt.ops import backup

    out = subprocess.run([backup.pg_tool("pg_dump"), "--version"], capture_output=True, text=True, check=True)
    client_major = int(re.search(r"(\d+)\.", out.stdout).group(1))
    assert client_major == _connection.pg_version // 10000


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rotation_keeps_n_newest(dirs):
    for _i in range(4):
        create_backup("db")
    removed = rotate(keep=2)
    assert len(removed) == 2
    assert len(list((dirs / "backups").iterdir())) == 2


def _local(y, m, d, h, mi=0):
    return timezone.make_aware(datetime(y, m, d, h, mi))


@pytest.mark.django_db
def test_scheduler_runs_due_jobs_once(dirs, monkeypatch):
    calls = []
    monkeypatch.setattr(scheduler, "REGISTRY", {})
    scheduler.register("demo", scheduler.daily(1), lambda: calls.append(1))
    monday_0030, monday_0130 = _local(2026, 11, 23, 0, 30), _local(2026, 11, 23, 1, 30)
    assert scheduler.run_due(monday_0030) == {}
    assert scheduler.run_due(monday_0130) == {"demo": "ok"}
    assert scheduler.run_due(monday_0130 + timedelta(minutes=5)) == {}
    assert scheduler.run_due(monday_0130 + timedelta(days=1)) == {"demo": "ok"}
    assert len(calls) == 2


@pytest.mark.django_db
def test_default_schedule_full_on_mon_wed_fri_db_otherwise(dirs, monkeypatch):
    from congtt.ops import jobs

    kinds = []
    monkeypatch.setattr(jobs, "run_backup", kinds.append)
    monkeypatch.setattr(scheduler, "REGISTRY", {})
    jobs.register_defaults()
    start = _local(2026, 11, 23, 2)  # a Monday
    for day in range(7):
        scheduler.run_due(start + timedelta(days=day), only=["backup_full", "backup_db"])
    assert kinds == ["full", "db", "full", "db", "full", "db", "db"]


@pytest.mark.django_db
def test_failed_backup_alerts_admins_and_health(dirs, monkeypatch, client):
    from django.contrib.auth import get_user_model

    from congtt.ops import backup, jobs

    def broken(target_dir):
        raise OSError("disk full")

    monkeypatch.setattr(backup, "_dump_database", broken)
    with pytest.raises(backup.BackupError):
        jobs.run_backup("full")
    assert BackupRecord.objects.get().ok is False
    incident = Incident.objects.get()
    assert incident.channel == "monitoring" and "disk full" in incident.description
    assert mail.outbox and "Sao lưu thất bại" in mail.outbox[0].subject
    public = client.get("/healthz").json()
    assert set(public["checks"]) == {"database", "cache"}  # no detail for the public
    assert public["checks"]["database"] == {"ok": True}
    client.force_login(
        get_user_model().objects.create_superuser("qt", "qt@example.vn", "Mat-khau-rat-dai-2024")
    )
    staff = client.get("/healthz").json()
    assert staff["checks"]["backup"]["ok"] is False and staff["status"] == "degraded"
    assert {"disk", "tasks"} <= set(staff["checks"]) and "media_free_mb" in staff["checks"]["disk"]


@pytest.mark.django_db
def test_missing_backup_is_alerted_by_the_watch_job(dirs, monkeypatch):
    from congtt.ops import jobs

    BackupRecord.objects.create(ok=True, finished_at=timezone.now() - timedelta(days=3))
    jobs.watch_backups()
    jobs.watch_backups()
    incident = Incident.objects.get()  # reused, not duplicated
    assert "Thiếu bản sao lưu" in incident.description and incident.actions_taken
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_run_scheduled_command_records_job_runs(dirs, monkeypatch):
    monkeypatch.setattr(scheduler, "REGISTRY", {})
    scheduler.register("hourly", scheduler.every(60), lambda: None)
    scheduler.register("broken", scheduler.every(60), lambda: 1 / 0)
    out = io.StringIO()
    call_command("run_scheduled", stdout=out)
    assert "hourly: ok" in out.getvalue() and "broken: error" in out.getvalue()
    assert JobRun.objects.get(name="broken").last_ok is False

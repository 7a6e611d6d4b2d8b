# ruff: noqa: S603, S607, S608 -- table names come from model metadata, commands and arguments from settings
"""Backups with a SHA-256 manifest, verified restore, and rotation (OPS-1).

A backup is a directory ``BACKUP_DIR/<YYYYmmdd-HHMMSS>[-db]/`` holding ``db.sqlite3`` (SQLite online
backup API) or ``db.dump`` (``pg_dump -Fc``), a copy of MEDIA_ROOT under ``media/`` (full backups),
and ``manifest.json``: every file with its SHA-256 and size, the database vendor, the app version and
the row count of every table (used by ``verify_backup`` to prove the restored copy is complete).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("congtt")
    except Exception:  # not installed as a distribution
        return "dev"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def table_counts(cursor_factory=None) -> dict[str, int]:
    """Row count of every table of an installed model, on the default database."""
    tables = sorted(
        {
            m._meta.db_table
            for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy
        }
    )
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env(db) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db, name=None) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return [*args, "-d", name or db["NAME"]]


def pg_tool(name: str) -> str:
    """Path of pg_dump/pg_restore, or a clear error when the client tools are not installed."""
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"Không tìm thấy chương trình {name}: cài gói postgresql-client cùng phiên bản với máy chủ PostgreSQL"
        )
    return path


def _run_pg(args: list[str], db) -> None:
    try:
        subprocess.run(args, env=_pg_env(db), check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace").strip()[-500:]
        raise BackupError(f"{Path(args[0]).name} lỗi (mã {exc.returncode}): {detail}") from exc


def scratch_database_name() -> str:
    """Unique per process (each pytest-xdist worker, each scheduler run) and per call."""
    return f"congtt_verify_{os.getpid()}_{uuid.uuid4().hex[:8]}"


def _dump_database(target_dir: Path) -> str:
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        dest = sqlite3.connect(target_dir / "db.sqlite3")
        try:
            if connection.in_atomic_block:
                # The online backup API would wait forever for our own open write transaction.
                raise BackupError("SQLite backup must run outside a transaction")
            connection.connection.backup(dest)
            dest.commit()
        finally:
            dest.close()
        return "db.sqlite3"
    if vendor == "postgresql":
        db = settings.DATABASES["default"]
        out = target_dir / "db.dump"
        _run_pg([pg_tool("pg_dump"), "-Fc", "-f", str(out), *_pg_args(db)], db)
        return "db.dump"
    raise BackupError(f"unsupported database vendor {vendor}")


def create_backup(kind: str = "full", backup_dir: Path | None = None) -> Path:
    """Write a backup; ``kind`` is "full" (database + media) or "db". Returns its directory."""
    from .models import BackupRecord

    started = time.monotonic()
    record = BackupRecord.objects.create(kind=kind)
    root = Path(backup_dir or settings.BACKUP_DIR)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = root / (stamp if kind == "full" else f"{stamp}-db")
    n = 1
    while target.exists():
        n += 1
        target = root / f"{stamp}-{n}{'' if kind == 'full' else '-db'}"
    try:
        target.mkdir(parents=True)
        counts = table_counts()
        db_file = _dump_database(target)
        if kind == "full" and Path(settings.MEDIA_ROOT).exists():
            shutil.copytree(settings.MEDIA_ROOT, target / "media", symlinks=False)
        files = []
        for path in sorted(p for p in target.rglob("*") if p.is_file()):
            files.append(
                {
                    "path": path.relative_to(target).as_posix(),
                    "sha256": sha256_file(path),
                    "size": path.stat().st_size,
                }
            )
        manifest = {
            "created_at": timezone.now().isoformat(),
            "kind": kind,
            "vendor": connection.vendor,
            "app_version": app_version(),
            "database_file": db_file,
            "files": files,
            "counts": counts,
        }
        (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    except Exception as exc:
        record.error = f"{exc.__class__.__name__}: {exc}"
        record.finished_at = timezone.now()
        record.save()
        shutil.rmtree(target, ignore_errors=True)
        raise BackupError(record.error) from exc
    record.ok = True
    record.path = str(target)
    record.size_bytes = sum(f["size"] for f in files)
    record.finished_at = timezone.now()
    record.save()
    record.seconds = time.monotonic() - started
    return target


def read_manifest(path: Path) -> dict:
    try:
        return json.loads((Path(path) / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"manifest unreadable: {exc}") from exc


def check_files(path: Path, manifest: dict) -> list[str]:
    errors = []
    for entry in manifest["files"]:
        file = Path(path) / entry["path"]
        if not file.is_file():
            errors.append(f"thiếu tệp {entry['path']}")
        elif file.stat().st_size != entry["size"] or sha256_file(file) != entry["sha256"]:
            errors.append(f"tệp {entry['path']} bị thay đổi (SHA-256 không khớp)")
    return errors


def _sqlite_counts(db_path: Path, tables) -> dict[str, int]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        con.execute("PRAGMA integrity_check")
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _pg_scratch_counts(dump: Path, tables) -> dict[str, int]:
    import psycopg

    db = settings.DATABASES["default"]
    scratch = scratch_database_name()
    restore = pg_tool("pg_restore")
    conninfo = {
        k: v
        for k, v in {
            "host": db.get("HOST"),
            "port": db.get("PORT"),
            "user": db.get("USER"),
            "password": db.get("PASSWORD"),
        }.items()
        if v
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        _run_pg([restore, "--no-owner", "--exit-on-error", *_pg_args(db, scratch), str(dump)], db)
        with psycopg.connect(dbname=scratch, **conninfo) as con:
            return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}"')


def verify_backup(path) -> dict:
    """Check every file's SHA-256, restore the database into a scratch copy and compare row counts."""
    path = Path(path)
    manifest = read_manifest(path)
    errors = check_files(path, manifest)
    db_file = path / manifest["database_file"]
    restored = {}
    if not errors:
        tables = list(manifest["counts"])
        try:
            if manifest["vendor"] == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    scratch = Path(tmp) / "scratch.sqlite3"
                    shutil.copy2(db_file, scratch)
                    restored = _sqlite_counts(scratch, tables)
            else:
                restored = _pg_scratch_counts(db_file, tables)
        except Exception as exc:
            errors.append(f"không khôi phục được cơ sở dữ liệu: {exc.__class__.__name__}: {exc}")
        for table, expected in manifest["counts"].items():
            if restored and restored.get(table) != expected:
                errors.append(f"bảng {table}: {restored.get(table)} dòng, bản kê ghi {expected}")
    return {"ok": not errors, "errors": errors, "counts": restored, "manifest": manifest}


def restore_backup(path) -> dict:
    """Replace the database (and media, for full backups) with the backup at ``path``."""
    path = Path(path)
    report = verify_backup(path)
    if not report["ok"]:
        raise BackupError("; ".join(report["errors"]))
    manifest = report["manifest"]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(f"backup is {manifest['vendor']}, database is {connection.vendor}")
    db_file = path / manifest["database_file"]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(db_file)
        with source:
            source.backup(connection.connection)
        source.close()
    else:
        for conn in connections.all():
            conn.close()
        db = settings.DATABASES["default"]
        _run_pg(
            [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", *_pg_args(db), str(db_file)], db
        )
    media = path / "media"
    if manifest["kind"] == "full":
        root = Path(settings.MEDIA_ROOT)
        if root.exists():
            shutil.rmtree(root)
        if media.exists():
            shutil.copytree(media, root)
        else:
            root.mkdir(parents=True)
    return report


def list_backups(backup_dir=None) -> list[Path]:
    root = Path(backup_dir or settings.BACKUP_DIR)
    if not root.exists():
        return []
    return sorted((p for p in root.iterdir() if (p / MANIFEST).is_file()), key=lambda p: p.name)


def rotate(keep: int | None = None, backup_dir=None) -> list[Path]:
    """Delete all but the ``keep`` newest backups; return what was removed."""
    keep = settings.BACKUP_KEEP if keep is None else keep
    backups = list_backups(backup_dir)
    removed = backups[: max(0, len(backups) - keep)]
    for path in removed:
        shutil.rmtree(path)
    return removed

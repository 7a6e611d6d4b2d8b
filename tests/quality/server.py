"""A throw-away production-like instance of congtt on a loopback port.

Fresh SQLite database in a temporary VAR_DIR, `migrate` + `load_demo`, `collectstatic`, then gunicorn
with DEBUG=0 (whitenoise serves the hashed static files with long cache headers).
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url: str, host: str | None = None, timeout: float = 30) -> tuple[int, str, dict]:
    """GET ``url`` (on 127.0.0.1), optionally with another Host header; never raises on 4xx/5xx."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), dict(exc.headers)


class Server:
    """Context manager: ``with Server() as srv: srv.url("langson.localhost", "/")``."""

    def __init__(self, log=print, keep: bool = False, var_dir: str = ""):
        """``var_dir``: reuse a VAR_DIR kept by an earlier run (--keep), skipping migrate/load_demo."""
        self.log = log
        self.keep = keep or bool(var_dir)
        self.reuse = bool(var_dir) and (Path(var_dir) / "port").exists()
        self.var_dir = Path(var_dir) if var_dir else Path(tempfile.mkdtemp(prefix="congtt-quality-"))
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.port = int((self.var_dir / "port").read_text()) if self.reuse else free_port()
        self.process = None
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "REDIS_URL", "CONGTT_TESTING", "STATIC_ROOT", "MEDIA_ROOT"}
        }
        self.env.update(
            {
                "VAR_DIR": str(self.var_dir),
                "DEBUG": "0",
                "PORT": str(self.port),
                "SITE_PORT": str(self.port),
                "SECRET_KEY": "quality-gate-not-secret-" + "x" * 40,
                "WAGTAILADMIN_BASE_URL": f"http://langson.localhost:{self.port}",
                "LOG_LEVEL": "ERROR",
            }
        )

    def manage(self, *args: str) -> None:
        started = time.monotonic()
        subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL
        )
        self.log(f"   manage.py {' '.join(args)}: {time.monotonic() - started:.0f}s")

    def __enter__(self):
        self.log(f"== starting congtt on 127.0.0.1:{self.port} (VAR_DIR={self.var_dir})")
        if not self.reuse:
            # collectstatic (whitenoise compresses every file) runs while the database is built.
            started = time.monotonic()
            static = subprocess.Popen(
                [str(PYTHON), "manage.py", "collectstatic", "--noinput"],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
            )
            self.manage("migrate", "--noinput")
            self.manage("load_demo")
            if static.wait() != 0:
                sys.exit("collectstatic failed")
            self.log(f"   manage.py collectstatic --noinput: {time.monotonic() - started:.0f}s")
            (self.var_dir / "port").write_text(str(self.port))
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "tests.quality.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.var_dir / "gunicorn.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, _ = http_get(self.base + "/healthz", timeout=5)
                if status < 500:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        self.__exit__(None, None, None)
        sys.exit("congtt did not start; see gunicorn.log")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if not self.keep:
            shutil.rmtree(self.var_dir, ignore_errors=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

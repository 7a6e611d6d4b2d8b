"""Settings for congtt, configured only by environment variables.

Every variable has a default that works on a developer machine: SQLite under
``var/``, local-memory cache, e-mail printed to the console. See README.md for
the production values.
"""

import os
import secrets
from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from congtt.ops.catalogues import carried_locale_dirs

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "congtt"

env = environ.Env()
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into var/."""
    if env.str("SECRET_KEY", default=""):
        return env.str("SECRET_KEY")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.bool("DEBUG", default=False)
TESTING = env.bool("CONGTT_TESTING", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "congtt.vntext",
    "congtt.workdays",
    "congtt.network",
    "congtt.content",
    "congtt.citizen",
    "congtt.legal",
    "congtt.procedures",
    "congtt.directory",
    "congtt.disclosures",
    "congtt.royalties",
    "congtt.reports",
    "congtt.pagecache",
    "congtt.editorial",
    "congtt.scale",
    "congtt.ops",
    "congtt.api",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # ops (SEC-2): login lock-out and two-factor
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # ops: request.user.is_verified()
    "django.contrib.messages.middleware.MessageMiddleware",
    "congtt.ops.middleware.AccountPolicyMiddleware",  # ops: 2FA + password expiry on admin URLs
    "congtt.ops.middleware.SecurityHeadersMiddleware",  # ops: CSP
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # ops: lock-out response; must be last
]

ROOT_URLCONF = "congtt.urls"
WSGI_APPLICATION = "congtt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "congtt.network.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL is set.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'congtt.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise local memory.
REDIS_URL = env.str("REDIS_URL", default="")
# One key space per run, and per pytest-xdist worker, so parallel test processes never share entries.
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="congtt")
if TESTING and os.environ.get("PYTEST_XDIST_WORKER"):
    _worker = os.environ["PYTEST_XDIST_WORKER"]  # "gw0", "gw1", ...
    CACHE_KEY_PREFIX += "-" + _worker
    if REDIS_URL:
        # cache.clear() is FLUSHDB on Redis, whatever the prefix: each worker gets its own database number.
        from urllib.parse import urlsplit, urlunsplit

        _url = urlsplit(REDIS_URL)
        _db = int(_url.path.strip("/") or 0) + 1 + int(_worker.removeprefix("gw") or 0)
        REDIS_URL = urlunsplit(_url._replace(path=f"/{_db % 16}"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "congtt.ops.rediscache.RedisCache",  # one Redis client per pool (ops/rediscache.py)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "congtt",
            "TIMEOUT": 600,
        }
    }

# E-mail: console by default; EMAIL_URL e.g. smtp+tls://user:pass@mail.example:587
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="congtt@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks, database backend; run `manage.py db_worker`).
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese at /, English at /en/, Chinese at /zh/ (TRN-1).
LANG_INFO.setdefault("zh", {"bidi": False, "code": "zh", "name": "Chinese", "name_local": "中文"})
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("Tiếng Anh")), ("zh", _("Tiếng Trung"))]
# The project's own catalogues, then the complete Vietnamese catalogues of Wagtail and wagtail-localize it
# carries (congtt/locale_wagtail/<package>/, issue 10): LOCALE_PATHS take precedence over the packages' own.
LOCALE_PATHS = [PACKAGE_DIR / "locale", *carried_locale_dirs()]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("zh-hans", "简体中文")]
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
# Translations never go live because their source did (wagtail-localize#511): publishing is a step of
# the editorial workflow (TRN-2).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

# Wagtail
WAGTAIL_SITE_NAME = env.str("PORTAL_NAME", default="Cổng thông tin điện tử tỉnh")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
ADMIN_PATH = env.str("ADMIN_PATH", default="quan-tri").strip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "odt",
    "ods",
    "ppt",
    "pptx",
    "zip",
    "rar",
    "txt",
    "csv",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # no embeds from other hosts: media is hosted on the portal.

# Security (production defaults switch on when DEBUG is off and not testing).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
HTTPS = env.bool("HTTPS", default=False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# The provincial portal's parent domain and the port used in demo hostnames.
PORTAL_DOMAIN = env.str("PORTAL_DOMAIN", default="langson.localhost")
SITE_PORT = env.int("SITE_PORT", default=env.int("PORT", default=8000))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- content (news, search, feeds) -------------------------------------------------------------
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.forms"), "wagtail.contrib.routable_page")
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.forms"), "wagtail.contrib.table_block")
# Video and audio hosted on the portal are uploaded as documents and played with <video>/<audio>.
WAGTAILDOCS_EXTENSIONS = [*WAGTAILDOCS_EXTENSIONS, "mp4", "webm", "mp3", "ogg", "oga", "m4a"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=200 * 1024 * 1024)

# --- reports: access statistics (PUB-8), EMC ---------------------------------------------------
# Counting middleware sits just before SessionMiddleware, i.e. BEFORE the page cache's Fetch
# middleware (after AuthenticationMiddleware), so cache hits pass through it and are counted.
# It never touches the database.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "congtt.reports.middleware.AccessStatsMiddleware",
)
# Buffered counters live in their own cache: Redis when REDIS_URL is set (shared by every worker and
# by `manage.py flush_stats`), else a file cache under var/ (one machine), locmem in tests.
STATS_CACHE = "stats"
if REDIS_URL:
    CACHES["stats"] = {**CACHES["default"], "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-stats", "TIMEOUT": None}
elif TESTING:
    CACHES["stats"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "congtt-stats",
        "OPTIONS": {"MAX_ENTRIES": 100000},
    }
else:
    CACHES["stats"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "stats-cache"),
        "OPTIONS": {"MAX_ENTRIES": 200000},
    }
STATS_TRUST_X_FORWARDED_FOR = env.bool("STATS_TRUST_X_FORWARDED_FOR", default=HTTPS)
# Origins the per-site EMC script may come from; the CSP must list them in script-src/connect-src.
EMC_SCRIPT_HOSTS = env.list("EMC_SCRIPT_HOSTS", default=["https://f-emc.ngsp.gov.vn"])
# Place name on the date line of exported administrative documents ("Lạng Sơn, ngày … tháng … năm …").
REPORT_PLACE = env.str("REPORT_PLACE", default="Lạng Sơn")

# --- citizen (questions, consultation, rating, forum) ---
# Self-hosted arithmetic CAPTCHA on public forms: on in production, off in DEBUG and tests.
CITIZEN_CAPTCHA = env.bool("CITIZEN_CAPTCHA", default=not (DEBUG or TESTING))
# Per-IP limits of public forms {scope: (count, seconds)}; see congtt/citizen/antispam.py.
# CITIZEN_RATE_LIMITS='{"ask": [1000000, 3600]}' overrides scopes (the benchmark does, on loopback).
CITIZEN_RATE_LIMITS = env.json("CITIZEN_RATE_LIMITS", default={})
# --- ops: security and operations (SEC-1..4, OPS-1..3) -----------------------------------
from datetime import timedelta  # noqa: E402

AUTHENTICATION_BACKENDS = [
    "congtt.ops.backends.LockoutBackend",  # django-axes: 5 failures per username+IP -> 30 min lock
    "congtt.ops.backends.GrantAwareModelBackend",  # refuses accounts past their grant's end date
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ops/locked_out.html"
AXES_IPWARE_PROXY_COUNT = 1 if HTTPS else 0
AXES_VERBOSE = False
PASSWORD_MAX_AGE_DAYS = env.int("PASSWORD_MAX_AGE_DAYS", default=90)
# 2FA is required for publishers/administrators. Off under CONGTT_TESTING so other apps' tests can
# keep using client.force_login(); tests/ops switch it on with override_settings(OTP_REQUIRED=True).
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=not TESTING)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60  # idle timeout: the expiry moves on every request
SESSION_SAVE_EVERY_REQUEST = True
CLAMD_SOCKET = env.str("CLAMD_SOCKET", default="")
WAGTAILDOCS_DOCUMENT_FORM_BASE = "congtt.ops.forms.ScannedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "congtt.ops.forms.ScannedImageForm"
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(VAR_DIR / "backups")))
BACKUP_KEEP = env.int("BACKUP_KEEP", default=10)
BACKUP_FULL_WEEKDAYS = env.list("BACKUP_FULL_WEEKDAYS", cast=int, default=[0, 2, 4])  # Mon, Wed, Fri
BACKUP_HOUR = env.int("BACKUP_HOUR", default=1)  # local time
BACKUP_MAX_AGE_HOURS = env.int("BACKUP_MAX_AGE_HOURS", default=26)
DISK_MIN_FREE_MB = env.int("DISK_MIN_FREE_MB", default=1024)
TASK_STALE_MINUTES = env.int("TASK_STALE_MINUTES", default=15)
ADMINS = [tuple(a.split(":", 1)) for a in env.list("ADMINS", default=[]) if ":" in a]
# --- end ops ----------------------------------------------------------------------------------
# --- Full-page cache (congtt.pagecache, issue 8; see docs/hieu-nang.md) ---
# Update runs its response phase last (sees Set-Cookie/Vary as sent); Fetch runs after
# LocaleMiddleware (language from the path) and AuthenticationMiddleware (all lazy before it).
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "congtt.pagecache.middleware.PageCacheUpdateMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "congtt.pagecache.middleware.PageCacheFetchMiddleware",
)
# 0 disables the page cache; off by default under tests (tests/pagecache switch it on).
PAGECACHE_SECONDS = env.int("PAGECACHE_SECONDS", default=0 if TESTING else 600)
# Buffered view/click counters (congtt.ops.counters): the cache that holds them and how often a
# request may flush them to the database (0: only the scheduler and `manage.py flush_counters`).
COUNTERS_CACHE = "default"
COUNTERS_FLUSH_SECONDS = env.int("COUNTERS_FLUSH_SECONDS", default=60)
PAGECACHE_EXCLUDE = env.list("PAGECACHE_EXCLUDE", default=[])  # extra path prefixes never cached

# nginx's proxy cache in front (deploy/nginx/congtt.conf): Wagtail's frontend cache sends PURGE for a page's
# URLs when it is published, unpublished or moved. FRONTEND_CACHE_URL is where nginx takes PURGE from the app
# host, e.g. http://127.0.0.1:8080 (the recipe's loopback listener); unset, nothing is purged.
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
    # Each edition is its own page with its own URL (Vietnamese unprefixed, /en/, /zh/), purged when it
    # is published: Wagtail's rewrite of every URL into each language prefix would purge /vi/… and the
    # other editions' prefixes with this edition's slugs, URLs that do not exist.
    WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- editorial (board mailboxes read into submissions every 10 minutes by the scheduler) -------
# EDITORIAL_MAILBOXES="sokhcn.langson.gov.vn=/var/mail/bbt-sokhcn,langson.gov.vn=imaps://u:p@mail/INBOX"
EDITORIAL_MAILBOXES = env.dict("EDITORIAL_MAILBOXES", default={})
EDITORIAL_TRANSLATOR_EMAILS = env.list("EDITORIAL_TRANSLATOR_EMAILS", default=[])
# --- scale (issue 8): search index with the `simple` text-search configuration on PostgreSQL ---
# Texts are indexed as typed and folded (congtt.vntext.fold); `simple` keeps every Vietnamese
# syllable (the server default, usually `english`, drops "an", "do", "to" as stop words and stems).
WAGTAILSEARCH_BACKENDS["default"].setdefault("SEARCH_CONFIG", "simple")
# --- end scale ---

"""Settings for Readiness, read from environment variables.

SQLite in a data directory by default; PostgreSQL when DATABASE_URL is set.
"""

import os
from collections.abc import Mapping
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str = "False") -> bool:
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


DATA_DIR = Path(os.getenv("READINESS_DATA_DIR", Path.cwd() / "data"))

DEBUG = envbool("READINESS_DEBUG", "False")
# --- Secret key (issue 15 item 9) -------------------------------------------------------
# Commands and tests may run on the public development key; the web server may not, unless
# DEBUG or READINESS_ALLOW_DEV_SECRET says so: `readiness.wsgi` refuses to start
# (`readiness.lib.deploy.refuse_unsafe_secret_key`), and `check --deploy` warns.
DEVELOPMENT_SECRET_KEY = "readiness-development-key-not-for-production"
SECRET_KEY = os.getenv("READINESS_SECRET_KEY", "") or DEVELOPMENT_SECRET_KEY
ALLOW_DEVELOPMENT_SECRET_KEY = envbool("READINESS_ALLOW_DEV_SECRET", "False")
# --- end of secret key ------------------------------------------------------------------

ALLOWED_HOSTS = os.getenv("READINESS_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "readiness.frameworks",
    "readiness.reviews",
    "readiness.assessment",
    "readiness.evidence",
    "readiness.indicators",
    "readiness.narratives",
    "readiness.actions",
    "readiness.reports",
    "readiness.countdown",
    "readiness.glance",
    "readiness.asks",
    "readiness.conversations",
    "readiness.notifications",
    "readiness.casework",
    "readiness.audits",
    "readiness.thresholds",
    "readiness.interviews",
    "readiness.demo",
    "readiness.lib",
    # --- issue 14: the personal data check on exports ---
    "readiness.privacy",
    # --- issue 14: backup and restore ---
    "readiness.backup",
    # --- issue 14: the audit log ---
    "readiness.audit",
    # --- issue 14: moving a review between installations ---
    "readiness.transfer",
    # --- issue 14: single sign-on (OpenID Connect) ---
    "readiness.sso",
    "axes",
    # --- issue 14: background work on a queue kept in the database ---
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "readiness.lib.csp.ContentSecurityPolicyMiddleware",
    # --- issue 14: the audit log learns who and from where of the request being served ---
    "readiness.audit.services.AuditContextMiddleware",
    "readiness.lib.hardening.RequestSizeMiddleware",
    "readiness.lib.hardening.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "readiness.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "readiness.lib.branding.branding",
            ],
        },
    },
]

WSGI_APPLICATION = "readiness.wsgi.application"

if os.getenv("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "readiness.sqlite3",
            "OPTIONS": {
                # Several people grade at once during the notice period: wait for a
                # lock rather than fail, and let readers run beside the writer (WAL).
                "timeout": envint("READINESS_SQLITE_TIMEOUT", "20"),
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's own login for now. Single sign-on (OIDC or SAML) is added by listing
# its backend here; nothing else in the code looks at how a user signed in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reviews:index"
LOGOUT_REDIRECT_URL = "login"

# --- issue 14: single sign-on (OpenID Connect) --------------------------------------------
# On when the READINESS_OIDC_ variables are set, and passwords off with
# READINESS_LOCAL_PASSWORDS=off (docs/deploy.md, "Single sign-on"); the variables are read in
# readiness/sso/config.py so that the tests can build the same settings.
from readiness.sso.config import backends as _sso_backends  # noqa: E402
from readiness.sso.config import oidc_settings as _oidc_settings  # noqa: E402

_sso = _oidc_settings(os.environ)
globals().update(_sso)
AUTHENTICATION_BACKENDS = _sso_backends(AUTHENTICATION_BACKENDS, _sso["SSO"])
# --- end of single sign-on ----------------------------------------------------------------


# --- Serving over HTTPS behind a reverse proxy (issue 14 item 1, issue 15 item 9) ----------
# docs/deploy.md documents these; under its settings `readiness check --deploy` is silent
# (tests/test_deploy.py runs it). READINESS_HTTPS=true says the site is only ever reached over
# HTTPS, and turns on secure cookies, HSTS and the redirect unless each is set apart.
HTTPS_ONLY = envbool("READINESS_HTTPS", "False")
# The proxy terminates TLS and says so in X-Forwarded-Proto; only trust that header when a
# proxy that sets (and strips) it stands in front, or a client could claim HTTPS itself.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("READINESS_BEHIND_PROXY", "False") else None
)
# Origins (scheme and host) from which a form may be posted, for example
# https://readiness.anytown.gov.uk; needed when the proxy's host differs from the one Django sees.
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.getenv("READINESS_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
SECURE_SSL_REDIRECT = envbool("READINESS_SSL_REDIRECT", str(HTTPS_ONLY))
# The proxy's health check comes over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("READINESS_HSTS_SECONDS", "31536000" if HTTPS_ONLY else "0")
# includeSubdomains covers the names under the service's own host, not the council's domain.
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("READINESS_HSTS_INCLUDE_SUBDOMAINS", "True")
# Preloading is a decision for whoever owns the registrable domain (the council's web team),
# made once for every service under it, not by one service: off unless asked for, and its
# deploy check's reminder (security.W021) is silenced for that reason alone.
SECURE_HSTS_PRELOAD = envbool("READINESS_HSTS_PRELOAD", "False")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("READINESS_SECURE_COOKIES", str(HTTPS_ONLY))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_SAMESITE = "Lax"
# A sign-in lasts at most this long, and ends when the browser closes (council PCs are shared).
SESSION_COOKIE_AGE = envint("READINESS_SESSION_SECONDS", str(8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# --- end of serving over HTTPS ----------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Only needed by `collectstatic` for a front-end web server; WhiteNoise serves from the package.
STATIC_ROOT = os.getenv("READINESS_STATIC_ROOT") or None
STATICFILES_DIRS = [BASE_DIR / "static"]
# Static files come straight from the package: no collectstatic step to forget.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Largest framework file accepted through the web (bytes).
FRAMEWORK_UPLOAD_MAX_BYTES = envint("READINESS_FRAMEWORK_UPLOAD_MAX_BYTES", str(2 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The council's own branding (never the GOV.UK name or crown).
READINESS_SERVICE_NAME = os.getenv("READINESS_SERVICE_NAME", "Readiness")
READINESS_ORGANISATION = os.getenv("READINESS_ORGANISATION", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # issue 14: every line of the audit logger is also stored for the lead's audit page.
        "audit_log": {"class": "readiness.audit.handler.AuditLogHandler"},
    },
    "loggers": {
        # Stored for the lead's audit page; also printed for the server's own log when
        # READINESS_AUDIT_TO_STDERR is set (never by default: a command's output stays its own).
        "readiness.audit": {
            "handlers": ["audit_log"]
            + (["console"] if envbool("READINESS_AUDIT_TO_STDERR", "False") else []),
            "level": "INFO",
            "propagate": False,
        },
    },
}

# Largest single evidence file accepted (bytes); Office files are also capped on their
# decompressed size when they are read.
EVIDENCE_UPLOAD_MAX_BYTES = envint("READINESS_EVIDENCE_UPLOAD_MAX_BYTES", str(50 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FILES = 1000
# How old the newest evidence on a line of enquiry may be before it is called stale.
EVIDENCE_STALE_AFTER_DAYS = envint("READINESS_EVIDENCE_STALE_AFTER_DAYS", "365")
# How old any one document may be (months before the inspection window opens, or today once
# it has) before it is named as out of date.
EVIDENCE_STALE_DOCUMENT_MONTHS = envint("READINESS_EVIDENCE_STALE_DOCUMENT_MONTHS", "24")

# --- issue 14: how long the audit log keeps an event (days); `readiness audit-log prune` deletes
# older ones. Two years by default: set it to the council's retention schedule.
AUDIT_RETENTION_DAYS = envint("READINESS_AUDIT_RETENTION_DAYS", "730")
# E-mail (readiness notify): printed to the console unless an SMTP host is set. Django's own
# names, so any Django mail guide applies.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", "False")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "30")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "readiness@localhost")
# Where links in e-mails point, and how many days before its due date an action item's
# owner is reminded.
READINESS_BASE_URL = os.getenv("READINESS_BASE_URL", "http://127.0.0.1:8000")
READINESS_NOTIFY_DUE_WITHIN_DAYS = envint("READINESS_NOTIFY_DUE_WITHIN_DAYS", "3")

# --- Hardening (issue 15) --------------------------------------------------------------
# Kept together so that other settings work can merge around it; docs/security.md explains
# each choice.

# All four of Django's password validators.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): after this many failures in the cool-off window an
# account is locked, and so is the address they came from, each on its own.
AXES_ENABLED = envbool("READINESS_SIGN_IN_THROTTLING", "True")
AXES_FAILURE_LIMIT = envint("READINESS_SIGN_IN_FAILURES", "10")
AXES_COOLOFF_TIME = envint("READINESS_SIGN_IN_LOCKOUT_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "readiness.lib.hardening.locked_out"

# Uploaded files go to disk in chunks, never wholly into memory; a request whose declared
# length is over the largest upload is refused before its body is read
# (lib/hardening.RequestSizeMiddleware).
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.TemporaryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
# The largest request body accepted at all: a few files at their limit plus the form.
REQUEST_MAX_BYTES = envint("READINESS_REQUEST_MAX_BYTES", str(250 * 1024 * 1024))
# --- end of hardening -------------------------------------------------------------------
# Days an invitation link works before it expires.
READINESS_INVITATION_DAYS = envint("READINESS_INVITATION_DAYS", "7")

# --- issue 14: background work ----------------------------------------------------------
# Long work (evidence ingest from the web) is a task on a queue kept in the database and run
# by `readiness worker` (docs/deploy.md, "Background work"). READINESS_TASKS_IMMEDIATE runs
# each task inside the request that enqueues it instead: the tests, and a quick look
# without a worker.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if envbool("READINESS_TASKS_IMMEDIATE", "False")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
# How much `readiness worker` lowers its own CPU priority (Unix niceness, 0 to 19) so that an
# ingest yields the cores to people's pages on the same machine (bench/load_test.py).
WORKER_NICE = envint("READINESS_WORKER_NICE", "10")
# --- end of background work -------------------------------------------------------------

# --- issue 14: evidence storage ---------------------------------------------------------
# Evidence files ("evidence") and uploads waiting for the worker ("uploads") go through
# Django's storage API (readiness/evidence/storage.py). By default they are folders of the
# data directory, as always; READINESS_STORAGE=s3 (implied by READINESS_S3_BUCKET) keeps them
# in an S3-compatible bucket through django-storages, under READINESS_S3_PREFIX. Credentials
# come from the standard AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or the
# machine's role), which boto3 reads itself (docs/deploy.md, "Evidence storage").
S3_BUCKET = os.getenv("READINESS_S3_BUCKET", "")
EVIDENCE_STORAGE = os.getenv("READINESS_STORAGE", "s3" if S3_BUCKET else "files").lower()


def s3_storage(folder: str, environ: Mapping[str, str] = os.environ) -> dict:
    prefix = environ.get("READINESS_S3_PREFIX", "").strip("/")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": environ.get("READINESS_S3_BUCKET", ""),
            "endpoint_url": environ.get("READINESS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("READINESS_S3_REGION") or None,
            "location": f"{prefix}/{folder}" if prefix else folder,
            "default_acl": None,  # private: the bucket's own policy, never public-read
            "file_overwrite": True,  # names are content hashes: the same name, the same bytes
            # A file read back spills to disk past this size instead of filling memory.
            "max_memory_size": 8 * 1024 * 1024,
        },
    }


def data_dir_storage(folder: str) -> dict:
    return {"BACKEND": "readiness.evidence.storage.DataDirStorage", "OPTIONS": {"folder": folder}}


_files = s3_storage if EVIDENCE_STORAGE == "s3" else data_dir_storage
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": _files("evidence"),
    "uploads": _files("uploads"),
}
# --- end of evidence storage ------------------------------------------------------------

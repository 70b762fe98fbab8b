"""Settings for Readiness, read from environment variables.

SQLite in a data directory by default; PostgreSQL when DATABASE_URL is set.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str = "False") -> bool:
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


DATA_DIR = Path(os.getenv("READINESS_DATA_DIR", Path.cwd() / "data"))

DEBUG = envbool("READINESS_DEBUG", "False")
SECRET_KEY = os.getenv("READINESS_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not envbool("READINESS_ALLOW_DEV_SECRET", "True"):
        raise RuntimeError("Set READINESS_SECRET_KEY in production.")
    # A development key only: production sets READINESS_SECRET_KEY and
    # READINESS_ALLOW_DEV_SECRET=false.
    SECRET_KEY = "readiness-development-key-not-for-production"

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
    "readiness.demo",
    "readiness.lib",
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
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reviews:index"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("READINESS_SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = envint("READINESS_SESSION_SECONDS", str(8 * 3600))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

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
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "readiness.audit": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Largest single evidence file accepted (bytes); Office files are also capped on their
# decompressed size when they are read.
EVIDENCE_UPLOAD_MAX_BYTES = envint("READINESS_EVIDENCE_UPLOAD_MAX_BYTES", str(50 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 1000
# How old the newest evidence on a line of enquiry may be before it is called stale.
EVIDENCE_STALE_AFTER_DAYS = envint("READINESS_EVIDENCE_STALE_AFTER_DAYS", "365")
# How old any one document may be (months before the inspection window opens, or today once
# it has) before it is named as out of date.
EVIDENCE_STALE_DOCUMENT_MONTHS = envint("READINESS_EVIDENCE_STALE_DOCUMENT_MONTHS", "24")

# E-mail (invitations) goes through Django's mail settings: the console backend prints
# messages unless an SMTP server is configured.
EMAIL_BACKEND = os.getenv(
    "READINESS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.getenv("READINESS_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("READINESS_EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("READINESS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("READINESS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("READINESS_EMAIL_TLS", "False")
DEFAULT_FROM_EMAIL = os.getenv("READINESS_FROM_EMAIL", "readiness@localhost")
# Days an invitation link works before it expires.
READINESS_INVITATION_DAYS = envint("READINESS_INVITATION_DAYS", "7")

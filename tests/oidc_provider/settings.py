"""A tiny Django project that is a real OpenID Connect provider (django-oidc-provider), started
by the single sign-on tests in its own process (`serve.py`). Its database is a SQLite file in
the test's temporary folder, named by OIDC_PROVIDER_DB."""

import os

SECRET_KEY = "oidc-provider-for-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.oidc_provider.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(os.path.dirname(__file__), "templates")],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["OIDC_PROVIDER_DB"]}
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
# Both sites are on 127.0.0.1, and browsers keep cookies by host, not port: the provider's
# cookies have their own names so that they never overwrite Readiness's.
SESSION_COOKIE_NAME = "provider_sessionid"
CSRF_COOKIE_NAME = "provider_csrftoken"
LOGIN_URL = "/accounts/login/"
# Hashing passwords properly would cost a quarter of a second a sign-in.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SITE_URL = None  # set by serve.py once the port is known: the issuer is SITE_URL + /openid
OIDC_USERINFO = "tests.oidc_provider.hooks.userinfo"
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
OIDC_IDTOKEN_PROCESSING_HOOK = "tests.oidc_provider.hooks.idtoken"
LOGGING = {"version": 1, "disable_existing_loggers": False}
WSGI_APPLICATION = "tests.oidc_provider.wsgi.application"

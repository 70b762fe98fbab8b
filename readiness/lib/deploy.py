"""What the web server checks before it serves anyone."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Django's own rule for a key worth having (its deploy check, security.W009).
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5

GENERATE = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"


def secret_key_problem(key: str, development_key: str) -> str | None:
    """Why KEY cannot sign sessions in production, or None when it can."""
    if key == development_key:
        return "READINESS_SECRET_KEY is not set, so the public development key would sign sessions"
    if key.startswith("django-insecure"):
        return "READINESS_SECRET_KEY is one of Django's generated development keys"
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        return (
            f"READINESS_SECRET_KEY is too weak (at least {SECRET_KEY_MIN_LENGTH} characters, "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} of them different)"
        )
    return None


def refuse_unsafe_secret_key() -> None:
    """Stop the web server outside DEBUG unless a real secret key is set: anyone who knows
    the key can forge a signed-in session."""
    if settings.DEBUG or settings.ALLOW_DEVELOPMENT_SECRET_KEY:
        return
    problem = secret_key_problem(settings.SECRET_KEY, settings.DEVELOPMENT_SECRET_KEY)
    if problem:
        raise ImproperlyConfigured(
            f"Readiness will not start: {problem}. Generate one with `{GENERATE}` and set "
            "READINESS_SECRET_KEY to it (docs/deploy.md). Only on your own machine, "
            "READINESS_ALLOW_DEV_SECRET=true starts it with the development key."
        )

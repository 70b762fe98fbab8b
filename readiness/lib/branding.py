"""Template context for the council's own branding."""

from django.conf import settings
from django.http import HttpRequest


def branding(request: HttpRequest) -> dict[str, str]:
    return {
        "service_name": settings.READINESS_SERVICE_NAME,
        "organisation_name": settings.READINESS_ORGANISATION,
    }

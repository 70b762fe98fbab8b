"""Template context for the council's own branding, and the branding of its reports."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest


def branding(request: HttpRequest) -> dict[str, str]:
    return {
        "service_name": settings.READINESS_SERVICE_NAME,
        "organisation_name": settings.READINESS_ORGANISATION,
    }


# --- the council's branding on reports (readiness.reports) --------------------------------
# READINESS_REPORT_COLOUR: a hex colour for headings and rules (default GOV.UK blue);
# READINESS_REPORT_LOGO: a PNG file (at most 1 MB) printed at the top of each report.

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
LOGO_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ReportBranding:
    organisation: str
    colour: str
    logo_png: bytes | None
    logo_alt: str


def _setting(name: str, default: str = "") -> str:
    return str(getattr(settings, name, None) or os.getenv(name, default))


def report_branding() -> ReportBranding:
    """The council's name, colour and logo for reports; a bad setting is a clear error."""
    colour = _setting("READINESS_REPORT_COLOUR", "#1d70b8")
    if not _HEX.fullmatch(colour):
        raise ImproperlyConfigured(
            f"READINESS_REPORT_COLOUR must be a colour like #1d70b8, not '{colour}'."
        )
    logo_path = _setting("READINESS_REPORT_LOGO")
    logo = None
    if logo_path:
        path = Path(logo_path)
        if not path.is_file():
            raise ImproperlyConfigured(f"READINESS_REPORT_LOGO: there is no file {path}.")
        if path.stat().st_size > LOGO_MAX_BYTES:
            raise ImproperlyConfigured("READINESS_REPORT_LOGO: the logo must be at most 1 MB.")
        logo = path.read_bytes()
        if not logo.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ImproperlyConfigured("READINESS_REPORT_LOGO must be a PNG image.")
    organisation = settings.READINESS_ORGANISATION
    return ReportBranding(
        organisation=organisation,
        colour=colour.lower(),
        logo_png=logo,
        logo_alt=f"{organisation} logo" if organisation else "Council logo",
    )

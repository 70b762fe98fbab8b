"""What a page needs to offer single sign-on (the sign-in page, an invitation's page)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse


def sso_context(next_url: str = "") -> dict[str, object]:
    """What a page needs to offer single sign-on: the provider's name, where to start (coming
    back to NEXT_URL), and whether the password form is shown at all."""
    sso = settings.SSO
    if not sso:
        return {"sso": None, "local_passwords": settings.LOCAL_PASSWORDS}
    start = reverse("sso:start") + (f"?{urlencode({'next': next_url})}" if next_url else "")
    return {
        "sso": {"provider_name": sso["provider_name"], "start_url": start},
        "local_passwords": settings.LOCAL_PASSWORDS,
    }

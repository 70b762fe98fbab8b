"""`readiness check` catches a storage setting that would fail only at the first upload."""

from __future__ import annotations

import importlib.util

from django.conf import settings
from django.core.checks import CheckMessage, Error


def storage_settings(**kwargs: object) -> list[CheckMessage]:
    kind = settings.EVIDENCE_STORAGE
    if kind not in ("files", "s3"):
        return [
            Error(
                f"READINESS_STORAGE is {kind!r}: it must be 'files' (the data directory) or 's3'.",
                id="readiness.E101",
            )
        ]
    if kind != "s3":
        return []
    found = []
    if not settings.S3_BUCKET:
        found.append(
            Error(
                "READINESS_STORAGE is s3 but READINESS_S3_BUCKET is not set.",
                hint="Name the bucket that holds the evidence files.",
                id="readiness.E102",
            )
        )
    if importlib.util.find_spec("storages") is None:
        found.append(
            Error(
                "READINESS_STORAGE is s3 but django-storages is not installed.",
                hint="pip install 'readiness[s3]'",
                id="readiness.E103",
            )
        )
    return found

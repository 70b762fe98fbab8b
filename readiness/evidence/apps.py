from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "readiness.evidence"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from .checks import storage_settings

        checks.register(storage_settings)

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "readiness.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the receivers)

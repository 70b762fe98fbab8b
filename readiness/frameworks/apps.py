from django.apps import AppConfig
from django.db.models.signals import post_migrate


class FrameworksConfig(AppConfig):
    name = "readiness.frameworks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signals import install_frameworks_after_migrate

        post_migrate.connect(install_frameworks_after_migrate, sender=self)

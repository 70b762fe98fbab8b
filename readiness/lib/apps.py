from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "readiness.lib"
    label = "lib"

    def ready(self) -> None:
        from . import signin_audit  # noqa: F401  (connects the sign-in audit receivers)

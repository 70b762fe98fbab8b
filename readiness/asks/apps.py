from django.apps import AppConfig


class AsksConfig(AppConfig):
    name = "readiness.asks"
    verbose_name = "Evidence requests"
    default_auto_field = "django.db.models.BigAutoField"

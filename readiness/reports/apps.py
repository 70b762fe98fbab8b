from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "readiness.reports"
    default_auto_field = "django.db.models.BigAutoField"

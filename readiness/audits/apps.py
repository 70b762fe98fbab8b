from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "readiness.audits"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Case file audits"

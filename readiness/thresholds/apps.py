from django.apps import AppConfig


class ThresholdsConfig(AppConfig):
    name = "readiness.thresholds"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Thresholds check"

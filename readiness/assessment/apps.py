from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "readiness.assessment"
    default_auto_field = "django.db.models.BigAutoField"

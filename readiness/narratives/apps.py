from django.apps import AppConfig


class NarrativesConfig(AppConfig):
    name = "readiness.narratives"
    default_auto_field = "django.db.models.BigAutoField"

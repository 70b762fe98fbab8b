from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "readiness.casework"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Case lists and samples"

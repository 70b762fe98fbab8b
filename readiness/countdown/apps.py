from django.apps import AppConfig


class CountdownConfig(AppConfig):
    name = "readiness.countdown"
    default_auto_field = "django.db.models.BigAutoField"

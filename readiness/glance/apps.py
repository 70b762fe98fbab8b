from django.apps import AppConfig


class GlanceConfig(AppConfig):
    name = "readiness.glance"
    default_auto_field = "django.db.models.BigAutoField"

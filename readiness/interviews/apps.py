from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "readiness.interviews"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Interviews and focus groups"

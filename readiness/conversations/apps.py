from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "readiness.conversations"
    verbose_name = "Comments"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "readiness.lib"
    label = "lib"

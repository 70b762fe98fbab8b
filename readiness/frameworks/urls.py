from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "frameworks"
urlpatterns = [
    path("", views.index, name="index"),
    path("load/", views.load, name="load"),
    path("<id:framework_id>/", views.detail, name="detail"),
]

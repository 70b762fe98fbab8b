from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "countdown"
urlpatterns = [
    path("reviews/<id:review_id>/countdown/", views.index, name="index"),
    path("reviews/<id:review_id>/countdown/call/", views.record_call, name="call"),
    path("reviews/<id:review_id>/countdown.json", views.as_json, name="index-json"),
    path("reviews/<id:review_id>/countdown.<str:format>", views.export, name="export"),
]

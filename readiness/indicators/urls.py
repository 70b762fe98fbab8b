from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "indicators"
urlpatterns = [
    path("reviews/<id:review_id>/indicators/", views.index, name="index"),
    path(
        "reviews/<id:review_id>/indicators.json",
        views.index,
        {"format": "json"},
        name="index-json",
    ),
    path("reviews/<id:review_id>/indicators/<slug:indicator_id>/", views.detail, name="detail"),
    path("reviews/<id:review_id>/data/", views.imports, name="imports"),
    path("reviews/<id:review_id>/data/<id:import_id>/", views.import_detail, name="import"),
    path("reviews/<id:review_id>/data/jobs/<id:job_id>/", views.import_job, name="import-job"),
]

from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "assessment"
urlpatterns = [
    path("reviews/<id:review_id>/grid/", views.grid, name="grid"),
    path("reviews/<id:review_id>/grid.json", views.grid, {"format": "json"}, name="grid-json"),
    path("reviews/<id:review_id>/judgements.<str:format>", views.export, name="export"),
    path("reviews/<id:review_id>/judgements/<slug:key>/", views.judgement, name="judgement"),
    path(
        "reviews/<id:review_id>/judgements/<slug:key>/evidence/",
        views.add_link,
        name="add-link",
    ),
    path("reviews/<id:review_id>/risks/", views.risks, name="risks"),
    path("reviews/<id:review_id>/risks.json", views.risks, {"format": "json"}, name="risks-json"),
]

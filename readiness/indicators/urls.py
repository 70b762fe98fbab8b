from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("reviews/<int:review_id>/indicators/", views.index, name="index"),
    path(
        "reviews/<int:review_id>/indicators.json",
        views.index,
        {"format": "json"},
        name="index-json",
    ),
    path("reviews/<int:review_id>/indicators/<slug:indicator_id>/", views.detail, name="detail"),
    path("reviews/<int:review_id>/data/", views.imports, name="imports"),
    path("reviews/<int:review_id>/data/<int:import_id>/", views.import_detail, name="import"),
]

from django.urls import path

from . import views

app_name = "thresholds"
base = "reviews/<id:review_id>/thresholds/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "<id:check_id>/", views.check, name="check"),
    path(base + "<id:check_id>.json", views.check, {"format": "json"}, name="check-json"),
    path(base + "<id:check_id>/links/", views.make_links, name="links"),
    path(base + "<id:check_id>/cases/new/", views.vignette, name="vignette-new"),
    path(base + "<id:check_id>/cases/<id:vignette_id>/", views.vignette, name="vignette"),
    path(
        base + "<id:check_id>/cases/<id:vignette_id>/move/",
        views.move_vignette,
        name="vignette-move",
    ),
    path(
        base + "<id:check_id>/cases/<id:vignette_id>/remove/",
        views.remove_vignette,
        name="vignette-remove",
    ),
    path("thresholds/answer/<str:token>/", views.answer, name="answer"),
]

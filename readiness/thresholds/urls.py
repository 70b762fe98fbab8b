from django.urls import path

from . import views

app_name = "thresholds"
base = "reviews/<id:review_id>/thresholds/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "<id:check_id>/", views.check, name="check"),
    path(base + "<id:check_id>.json", views.check, {"format": "json"}, name="check-json"),
    path(base + "<id:check_id>/links/", views.make_links, name="links"),
    path("thresholds/answer/<str:token>/", views.answer, name="answer"),
]

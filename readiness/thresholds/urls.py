from django.urls import path

from . import views

app_name = "thresholds"
base = "reviews/<int:review_id>/thresholds/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "<int:check_id>/", views.check, name="check"),
    path(base + "<int:check_id>.json", views.check, {"format": "json"}, name="check-json"),
    path(base + "<int:check_id>/links/", views.make_links, name="links"),
    path("thresholds/answer/<str:token>/", views.answer, name="answer"),
]

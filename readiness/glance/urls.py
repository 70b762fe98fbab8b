from django.urls import path

from . import views

app_name = "glance"
urlpatterns = [
    path("reviews/<id:review_id>/glance.json", views.at_a_glance, {"format": "json"}, name="json"),
]

from django.urls import path

from . import views

app_name = "glance"
urlpatterns = [
    path("reviews/<int:review_id>/glance.json", views.at_a_glance, {"format": "json"}, name="json"),
]

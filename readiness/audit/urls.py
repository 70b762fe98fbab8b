from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("reviews/<id:review_id>/audit/", views.log, name="log"),
    path("reviews/<id:review_id>/audit.csv", views.log_csv, name="csv"),
]

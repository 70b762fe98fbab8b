from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path(
        "reviews/<id:review_id>/personal-data/<str:export>/confirm/",
        views.confirm,
        name="confirm",
    ),
]

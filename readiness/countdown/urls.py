from django.urls import path

from . import views

app_name = "countdown"
urlpatterns = [
    path("reviews/<int:review_id>/countdown/", views.index, name="index"),
    path("reviews/<int:review_id>/countdown/call/", views.record_call, name="call"),
    path("reviews/<int:review_id>/countdown.json", views.as_json, name="index-json"),
    path("reviews/<int:review_id>/countdown.<str:format>", views.export, name="export"),
]

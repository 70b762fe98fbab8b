from django.urls import path

from . import views

app_name = "asks"
base = "reviews/<id:review_id>/requests/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(
        "reviews/<id:review_id>/requests.json", views.index, {"format": "json"}, name="index-json"
    ),  # fmt: skip
    path(
        "reviews/<id:review_id>/requests.xlsx", views.index, {"format": "xlsx"}, name="index-xlsx"
    ),  # fmt: skip
    path(base + "new/", views.new, name="new"),
    path(base + "<id:request_id>/", views.detail, name="detail"),
    path(base + "<id:request_id>/edit/", views.edit, name="edit"),
    path(base + "<id:request_id>/withdraw/", views.withdraw, name="withdraw"),
    path(base + "<id:request_id>/answer/", views.answer, name="answer"),
    path(base + "<id:request_id>/decline/", views.decline, name="decline"),
]

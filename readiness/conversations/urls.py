from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path(
        "reviews/<id:review_id>/comments/<str:target>/<id:target_id>/", views.add, name="add"
    ),  # fmt: skip
    path("reviews/<id:review_id>/comments/<id:comment_id>/", views.show, name="show"),
]

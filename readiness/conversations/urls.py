from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path(
        "reviews/<int:review_id>/comments/<str:target>/<int:target_id>/", views.add, name="add"
    ),  # fmt: skip
    path("reviews/<int:review_id>/comments/<int:comment_id>/", views.show, name="show"),
]

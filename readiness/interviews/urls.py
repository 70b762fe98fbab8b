from django.urls import path

from . import views

app_name = "interviews"
base = "reviews/<int:review_id>/interviews/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "new/", views.new, name="new"),
    path(base + "quotes/", views.quotes, name="quotes"),
    path(base + "quotes.json", views.quotes, {"format": "json"}, name="quotes-json"),
    path(base + "<int:interview_id>/", views.interview, name="interview"),
    path(base + "passages/<int:passage_id>/", views.passage, name="passage"),
]

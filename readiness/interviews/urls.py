from django.urls import path

from . import views

app_name = "interviews"
base = "reviews/<id:review_id>/interviews/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "new/", views.new, name="new"),
    path(base + "quotes/", views.quotes, name="quotes"),
    path(base + "quotes.json", views.quotes, {"format": "json"}, name="quotes-json"),
    path(base + "<id:interview_id>/", views.interview, name="interview"),
    path(base + "passages/<id:passage_id>/", views.passage, name="passage"),
]

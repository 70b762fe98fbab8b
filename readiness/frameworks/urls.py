from django.urls import path

from . import views

app_name = "frameworks"
urlpatterns = [
    path("", views.index, name="index"),
    path("load/", views.load, name="load"),
    path("<int:framework_id>/", views.detail, name="detail"),
]

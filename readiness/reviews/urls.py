from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.index, name="index"),
    path("reviews/new/", views.create, name="create"),
    path("reviews/<id:review_id>/", views.detail, name="detail"),
    path("reviews/<id:review_id>/members/", views.members, name="members"),
    path(
        "reviews/<id:review_id>/members/<id:membership_id>/remove/",
        views.remove,
        name="remove-member",
    ),
    path("reviews/<id:review_id>/phases/", views.phases, name="phases"),
    path(
        "reviews/<id:review_id>/phases/<id:phase_id>/start/",
        views.start_phase,
        name="start-phase",
    ),
]
urlpatterns += [
    path("reviews/<int:review_id>/members/invite/", views.invite, name="invite"),
    path(
        "reviews/<int:review_id>/members/<int:membership_id>/role/",
        views.change_role,
        name="change-role",
    ),
    path("reviews/<int:review_id>/settings/", views.review_settings, name="settings"),
    path(
        "reviews/<int:review_id>/agencies/<int:agency_id>/remove/",
        views.remove_agency,
        name="remove-agency",
    ),
    path("invitations/<str:token>/", views.join, name="join"),
]

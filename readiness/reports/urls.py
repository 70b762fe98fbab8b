from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "reports"
base = "reviews/<id:review_id>/report/"
urlpatterns = [
    path(base, views.report, name="report"),
    path(base + "readiness-report.<str:fmt>", views.download, name="download"),
    path(base + "self-evaluation.docx", views.sef, name="sef"),
    path(base + "prepare/", views.prepare, name="prepare"),
    path(base + "prepared/<id:build_id>/", views.build, name="build"),
    path(base + "prepared/<id:build_id>/file", views.build_file, name="build-file"),
    path(base + "template/", views.upload_template, name="template"),
    path(base + "template/remove/", views.remove_template, name="remove-template"),
    path(base + "activities/", views.add_activity, name="activities"),
    path(base + "activities/<id:activity_id>/remove/", views.remove_activity,
         name="remove-activity"),
]  # fmt: skip

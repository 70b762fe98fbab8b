from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "narratives"
base = "reviews/<id:review_id>/narratives/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(
        "reviews/<id:review_id>/narratives.json",
        views.index,
        {"format": "json"},
        name="index-json",
    ),
    path(base + "new/", views.edit, name="new"),
    path("reviews/<id:review_id>/briefs/", views.briefs, name="briefs"),
    path("reviews/<id:review_id>/briefs/<slug:service>.md", views.brief_text, name="brief"),
    path(base + "<slug:key>/", views.detail, name="detail"),
    path(base + "<slug:key>/edit/", views.edit, name="edit"),
    path(base + "<slug:key>.docx", views.export_docx, name="docx"),
    path(base + "<slug:key>.pdf", views.export_pdf, name="pdf"),
]
urlpatterns += [
    path(base + "<slug:key>/versions/<int:number>/approve/", views.approve, name="approve"),
]

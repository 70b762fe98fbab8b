from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import realign_views, review_views, views

app_name = "evidence"
base = "reviews/<id:review_id>/evidence/"
urlpatterns = [
    path(base, views.by_line, name="by-line"),
    path(
        "reviews/<id:review_id>/evidence.json",
        views.by_line,
        {"format": "json"},
        name="by-line-json",
    ),
    path(base + "agencies/", views.by_agency, name="by-agency"),
    path(base + "documents.json", views.by_agency, {"format": "json"}, name="documents-json"),
    path(base + "documents/<id:document_id>/", views.document, name="document"),
    path(base + "documents/<id:document_id>/correct/", views.correct, name="correct"),
    path(base + "documents/<id:document_id>/original/", views.original, name="original"),
    path(
        base + "documents/<id:document_id>/alignments/<id:alignment_id>/",
        views.decide_alignment,
        name="decide",
    ),
    path(
        base + "documents/<id:document_id>/alignments/add/",
        views.add_alignment,
        name="add-alignment",
    ),
    path(base + "lines/<id:line_id>/", review_views.line_evidence, name="line"),
    path(base + "judgements/<slug:key>/", review_views.judgement_evidence, name="judgement"),
    path(base + "decide/", review_views.decide_many_view, name="decide-many"),
    path(base + "documents/<id:document_id>/remove/", review_views.remove, name="remove"),
    path(base + "removed/", review_views.removed, name="removed"),
    path(base + "removed/<id:document_id>/restore/", review_views.restore, name="restore"),
    path(base + "upload/", views.upload, name="upload"),
    path(base + "upload/<id:job_id>/", views.upload_job, name="upload-job"),
    path(base + "analyses/", views.analyses, name="analyses"),
    path(base + "realign/", realign_views.realign, name="realign"),
    path(base + "realign/<id:job_id>/", realign_views.realign_job, name="realign-job"),
    path(base + "analyses.json", views.analyses, {"format": "json"}, name="analyses-json"),
    path(base + "search/", views.search, name="search"),
    path(base + "index.<str:format>", views.index_export, name="index"),
]

from django.urls import path

import readiness.lib.converters  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "actions"
review = "reviews/<id:review_id>/"
base = review + "actions/"
urlpatterns = [
    path(review + "findings/", views.findings, name="findings"),
    path(review + "findings.json", views.findings, {"format": "json"}, name="findings-json"),
    path(review + "findings/new/", views.finding_edit, name="new-finding"),
    path(review + "findings/<id:finding_id>/edit/", views.finding_edit, name="edit-finding"),
    path(review + "findings/carry-forward/", views.carry_forward, name="carry-forward"),
    path(base, views.plan, name="plan"),
    path(review + "actions.json", views.plan, {"format": "json"}, name="plan-json"),
    path(base + "new/", views.item_edit, name="new"),
    path(base + "action-plan.xlsx", views.export_xlsx, name="export"),
    path(base + "import/", views.import_xlsx, name="import"),
    path(base + "<str:code>/", views.item, name="item"),
    path(base + "<str:code>/edit/", views.item_edit, name="edit"),
    path(base + "<str:code>/progress/", views.add_progress, name="progress"),
    path(base + "<str:code>/milestones/", views.add_milestone, name="milestone"),
    path(
        base + "<str:code>/milestones/<id:milestone_id>/done/",
        views.milestone_done,
        name="milestone-done",
    ),
    path(
        base + "<str:code>/milestones/<id:milestone_id>/edit/",
        views.milestone_edit,
        name="milestone-edit",
    ),
    path(
        base + "<str:code>/milestones/<id:milestone_id>/remove/",
        views.milestone_remove,
        name="milestone-remove",
    ),
]

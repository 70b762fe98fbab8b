from django.urls import path

from . import views

app_name = "audits"
base = "reviews/<id:review_id>/audits/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "new/", views.new, name="new"),
    path(base + "dashboard/", views.dashboard, name="dashboard"),
    path(base + "dashboard.json", views.dashboard, {"format": "json"}, name="dashboard-json"),
    path(base + "agreement/", views.agreement_page, name="agreement"),
    path(base + "agreement.json", views.agreement_page, {"format": "json"}, name="agreement-json"),
    path(base + "audits.xlsx", views.export_xlsx, name="export"),
    path(base + "<id:audit_id>/", views.audit, name="audit"),
    path(base + "<id:audit_id>/moderate/", views.moderate, name="moderate"),
    path(base + "<id:audit_id>/cite/", views.cite, name="cite"),
    path(base + "<id:audit_id>/moderation/", views.moderation, name="moderation"),
    path(base + "<id:audit_id>/actions/", views.add_action, name="add-action"),
    path(base + "actions/<id:action_id>/done/", views.action_done, name="action-done"),
]

from django.urls import path

from . import views

app_name = "casework"
base = "reviews/<id:review_id>/cases/"
urlpatterns = [
    path(base, views.case_list, name="cases"),
    path(base + "import/", views.import_cases, name="import"),
    path(base + "import/<id:job_id>/", views.import_job, name="import-job"),
    path(base + "samples/draw/", views.draw, name="draw"),
    path(base + "samples/<id:sample_id>/", views.sample, name="sample"),
    path(
        base + "samples/<id:sample_id>.json", views.sample, {"format": "json"}, name="sample-json"
    ),
    path(base + "samples/<id:sample_id>.xlsx", views.sample_xlsx, name="sample-xlsx"),
]

from django.urls import path

from kinerja.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_job_upload, name="upload"),
    path("<int:pk>/", views.import_job_detail, name="job-detail"),
    path("<int:pk>/terapkan/", views.import_job_apply, name="job-apply"),
    path("<int:pk>/progres/", views.import_job_progress, name="job-progress"),
]

from django.urls import path

from kinerja.documents import views

app_name = "documents"
urlpatterns = [
    path("dokumen/skp/<int:pk>.pdf", views.work_plan_pdf, name="work-plan-pdf"),
    path("dokumen/skp/<int:pk>/versi/<int:version>.pdf", views.work_plan_version_pdf, name="work-plan-version-pdf"),
    path("verifikasi/", views.verify_form, name="verify-form"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
]

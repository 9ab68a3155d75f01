from django.urls import path

from kinerja.documents import views

app_name = "documents"
urlpatterns = [
    path("dokumen/skp/<int:pk>.pdf", views.work_plan_pdf, name="work-plan-pdf"),
    path("dokumen/skp/<int:pk>/versi/<int:version>.pdf", views.work_plan_version_pdf, name="work-plan-version-pdf"),
    path("dokumen/evaluasi/<int:pk>.pdf", views.evaluation_pdf, name="evaluation-pdf"),
    path("dokumen/evaluasi/<int:pk>/dokumen.pdf", views.evaluation_record_pdf, name="evaluation-record-pdf"),
    path("dokumen/capaian-organisasi/<int:pk>.pdf", views.org_rating_pdf, name="org-rating-pdf"),
    path("dokumen/forum/<int:pk>.pdf", views.forum_minutes_pdf, name="forum-minutes-pdf"),
    path("dokumen/paket/<int:pk>.zip", views.evaluation_batch_zip, name="evaluation-batch-zip"),
    path("verifikasi/", views.verify_form, name="verify-form"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
]

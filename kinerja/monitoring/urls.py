from django.urls import path

from kinerja.monitoring.views import dialogues, plans, progress, report, team

app_name = "monitoring"
urlpatterns = [
    path("", progress.today, name="today"),
    path("bukti/<int:pk>/", progress.evidence_download, name="evidence-download"),
    path("progres/<int:pk>/", team.progress_detail, name="progress-detail"),
    path("progres/<int:pk>/paraf/", team.progress_ack, name="progress-acknowledge"),
    path("progres/<int:pk>/komentar/", team.progress_comment_add, name="progress-comment"),
    path("tim/", team.team, name="team"),
    path("kalender/", team.calendar, name="calendar"),
    path("skp/<int:pk>/", plans.plan_progress, name="plan-progress"),
    path("iki/<int:pk>/realisasi/<int:period_pk>/", plans.realization_edit, name="realization-set"),
    path("skp/<int:pk>/umpan-balik/", plans.feedback_add, name="feedback-give"),
    path("umpan-balik/<int:pk>/balas/", plans.feedback_reply_add, name="feedback-reply"),
    path("dialog/", dialogues.dialogues, name="dialogues"),
    path("dialog/tindak-lanjut/<int:pk>/selesai/", dialogues.action_close, name="action-close"),
    path("apresiasi/", dialogues.appreciate, name="appreciate"),
    path("laporan/umpan-balik/", report.feedback_report, name="feedback-report"),
]

from django.urls import path

from kinerja.monitoring.api import appreciation, dialogues, evidence, feedback, progress, realization

urlpatterns = [
    path("progress/", progress.ProgressListApi.as_view(), name="progress-list"),
    path("progress/<int:pk>/", progress.ProgressDetailApi.as_view(), name="progress-detail"),
    path("progress/<int:pk>/acknowledge/", progress.ProgressAcknowledgeApi.as_view(), name="progress-acknowledge"),
    path("progress/<int:pk>/comments/", progress.ProgressCommentsApi.as_view(), name="progress-comments"),
    path("work-plans/<int:pk>/realisasi/", realization.PlanProgressApi.as_view(), name="work-plan-realisasi"),
    path(
        "indicators/<int:pk>/realisasi/<int:period>/",
        realization.RealizationSetApi.as_view(),
        name="indicator-realisasi",
    ),
    path("evidence/", evidence.EvidenceAttachApi.as_view(), name="evidence-attach"),
    path("evidence/<int:pk>/", evidence.EvidenceDetailApi.as_view(), name="evidence-detail"),
    path("work-plans/<int:pk>/feedback/", feedback.WorkPlanFeedbackApi.as_view(), name="work-plan-feedback"),
    path("feedback/<int:pk>/replies/", feedback.FeedbackReplyApi.as_view(), name="feedback-reply"),
    path("dialogues/", dialogues.DialogueListApi.as_view(), name="dialogue-list"),
    path("dialogue-actions/<int:pk>/close/", dialogues.DialogueActionCloseApi.as_view(), name="dialogue-action-close"),
    path("appreciations/", appreciation.AppreciationListApi.as_view(), name="appreciation-list"),
]

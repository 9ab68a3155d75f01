from django.urls import path

from kinerja.evaluation.api import batches, calculator, evaluations, forums, objections, org_ratings, periods

urlpatterns = [
    path("distribution-check/", calculator.DistributionCheckApi.as_view(), name="evaluation-distribution-check"),
    path("org-ratings/", org_ratings.OrgRatingListApi.as_view(), name="evaluation-org-rating-list"),
    path(
        "org-ratings/<int:unit_pk>/<int:period_pk>/",
        org_ratings.OrgRatingSetApi.as_view(),
        name="evaluation-org-rating-set",
    ),
    path("evaluations/", evaluations.EvaluationListApi.as_view(), name="evaluation-list"),
    path("evaluations/<int:pk>/", evaluations.EvaluationDetailApi.as_view(), name="evaluation-detail"),
    path(
        "evaluations/<int:pk>/self-assessment/",
        evaluations.EvaluationSelfAssessmentApi.as_view(),
        name="evaluation-self-assessment",
    ),
    path("evaluations/<int:pk>/rate/", evaluations.EvaluationRateApi.as_view(), name="evaluation-rate"),
    path("evaluations/<int:pk>/objection/", objections.ObjectionFileApi.as_view(), name="evaluation-objection-file"),
    path("evaluation-periods/<int:period_pk>/team/", periods.TeamApi.as_view(), name="evaluation-team"),
    path(
        "evaluation-periods/<int:period_pk>/publish/",
        periods.PeriodPublishApi.as_view(),
        name="evaluation-period-publish",
    ),
    path(
        "evaluation-periods/<int:period_pk>/forums/<int:agency_pk>/",
        forums.ForumApi.as_view(),
        name="evaluation-forum",
    ),
    path(
        "evaluation-periods/<int:period_pk>/forums/<int:agency_pk>/open/",
        forums.ForumOpenApi.as_view(),
        name="evaluation-forum-open",
    ),
    path(
        "evaluation-periods/<int:period_pk>/document-batches/<int:agency_pk>/",
        batches.BatchRequestApi.as_view(),
        name="evaluation-document-batch-request",
    ),
    path("forums/<int:pk>/", forums.ForumUpdateApi.as_view(), name="evaluation-forum-update"),
    path("forums/<int:pk>/adjustments/", forums.ForumAdjustApi.as_view(), name="evaluation-forum-adjust"),
    path(
        "forums/<int:pk>/apply-suggestion/",
        forums.ForumApplySuggestionApi.as_view(),
        name="evaluation-forum-apply-suggestion",
    ),
    path("forums/<int:pk>/lock/", forums.ForumLockApi.as_view(), name="evaluation-forum-lock"),
    path("objections/", objections.ObjectionListApi.as_view(), name="evaluation-objection-list"),
    path("objections/<int:pk>/", objections.ObjectionDetailApi.as_view(), name="evaluation-objection-detail"),
    path("objections/<int:pk>/explain/", objections.ObjectionExplainApi.as_view(), name="evaluation-objection-explain"),
    path("objections/<int:pk>/decide/", objections.ObjectionDecideApi.as_view(), name="evaluation-objection-decide"),
    path(
        "objection-attachments/<int:pk>/",
        objections.ObjectionAttachmentApi.as_view(),
        name="evaluation-objection-attachment",
    ),
    path("document-batches/<int:pk>/", batches.BatchDetailApi.as_view(), name="evaluation-document-batch-detail"),
]

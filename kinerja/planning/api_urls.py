from django.urls import path

from kinerja.planning.api import distribution, goals, overview, parts, work_plans, years

urlpatterns = [
    path("years/", years.YearListApi.as_view(), name="year-list"),
    path("years/open/", years.YearOpenApi.as_view(), name="year-open"),
    path("years/<int:year>/", years.YearDetailApi.as_view(), name="year-detail"),
    path("goals/", goals.GoalListApi.as_view(), name="goal-list"),
    path("goals/<int:pk>/", goals.GoalDetailApi.as_view(), name="goal-detail"),
    path("work-plans/", work_plans.WorkPlanListApi.as_view(), name="work-plan-list"),
    path("work-plans/start/", work_plans.WorkPlanStartApi.as_view(), name="work-plan-start"),
    path("work-plans/<int:pk>/", work_plans.WorkPlanDetailApi.as_view(), name="work-plan-detail"),
    path("work-plans/<int:pk>/submit/", work_plans.WorkPlanSubmitApi.as_view(), name="work-plan-submit"),
    path("work-plans/<int:pk>/return/", work_plans.WorkPlanReturnApi.as_view(), name="work-plan-return"),
    path("work-plans/<int:pk>/approve/", work_plans.WorkPlanApproveApi.as_view(), name="work-plan-approve"),
    path("work-plans/<int:pk>/revise/", work_plans.WorkPlanReviseApi.as_view(), name="work-plan-revise"),
    path("work-plans/<int:pk>/versions/", work_plans.WorkPlanVersionListApi.as_view(), name="work-plan-version-list"),
    path(
        "work-plans/<int:pk>/versions/<int:version>/",
        work_plans.WorkPlanVersionDetailApi.as_view(),
        name="work-plan-version-detail",
    ),
    path("work-plans/<int:pk>/items/", parts.PlanItemAddApi.as_view(), name="plan-item-add"),
    path(
        "work-plans/<int:pk>/expectations/<slug:value>/",
        parts.ExpectationSetApi.as_view(),
        name="work-plan-expectation",
    ),
    path("plan-items/<int:pk>/", parts.PlanItemDetailApi.as_view(), name="plan-item-detail"),
    path("plan-items/<int:pk>/indicators/", parts.IndicatorAddApi.as_view(), name="indicator-add"),
    path(
        "plan-items/<int:pk>/distribution/",
        distribution.ItemDistributionSetApi.as_view(),
        name="plan-item-distribution",
    ),
    path("indicators/<int:pk>/", parts.IndicatorDetailApi.as_view(), name="indicator-detail"),
    path("distribution/", distribution.DistributionListApi.as_view(), name="distribution-list"),
    path("review-queue/", overview.ReviewQueueApi.as_view(), name="review-queue"),
    path("cascade/", overview.CascadeApi.as_view(), name="cascade"),
    path("completion/", overview.CompletionApi.as_view(), name="completion"),
]

from django.urls import path

from kinerja.planning.views import cascade, distribution, items, plans, workflow, years

app_name = "planning"
urlpatterns = [
    path("", plans.my_plans, name="my-plans"),
    path("mulai/", plans.plan_start, name="plan-start"),
    path("<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("<int:pk>/versi/<int:version>/", plans.plan_version, name="plan-version"),
    path("<int:pk>/rhk/tambah/", items.item_add, name="item-add"),
    path("rhk/<int:pk>/ubah/", items.item_edit, name="item-edit"),
    path("rhk/<int:pk>/hapus/", items.item_delete, name="item-delete"),
    path("rhk/<int:pk>/iki/tambah/", items.indicator_add, name="indicator-add"),
    path("iki/<int:pk>/ubah/", items.indicator_edit, name="indicator-edit"),
    path("iki/<int:pk>/hapus/", items.indicator_delete, name="indicator-delete"),
    path("<int:pk>/lampiran/", items.plan_lampiran, name="plan-lampiran"),
    path("<int:pk>/pendekatan/", items.plan_approach, name="plan-approach"),
    path("<int:pk>/perilaku/<int:value_pk>/", items.expectation_set, name="expectation-set"),
    path("<int:pk>/ajukan/", workflow.plan_submit, name="plan-submit"),
    path("<int:pk>/kembalikan/", workflow.plan_return, name="plan-return"),
    path("<int:pk>/setujui/", workflow.plan_approve, name="plan-approve"),
    path("<int:pk>/revisi/", workflow.plan_revise, name="plan-revise"),
    path("penilaian/", workflow.review_queue, name="review-queue"),
    path("<int:pk>/matriks/", distribution.distribution, name="distribution"),
    path("kaskade/", cascade.cascade_home, name="cascade-home"),
    path("kaskade/<int:unit_pk>/", cascade.cascade, name="cascade"),
    path("sasaran/<int:unit_pk>/", cascade.goals, name="goals"),
    path("sasaran/<int:unit_pk>/tambah/", cascade.goal_add, name="goal-add"),
    path("sasaran/butir/<int:pk>/ubah/", cascade.goal_edit, name="goal-edit"),
    path("sasaran/butir/<int:pk>/hapus/", cascade.goal_delete, name="goal-delete"),
    path("tahun/", years.years, name="years"),
    path("tahun/buka/", years.year_open, name="year-open"),
    path("tahun/<int:year>/ubah/", years.year_edit, name="year-edit"),
    path("terlambat/", years.late, name="late"),
]

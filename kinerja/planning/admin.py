"""Django admin for BKPSDM's planning reference tables. SKPs themselves are read-only here:
their changes go through the workflow (services) so that every step is dated and attributed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kinerja.planning import services
from kinerja.planning.models import (
    BehaviourIndicator,
    BehaviourValue,
    EvaluationPeriod,
    PerformanceYear,
    WorkPlan,
    WorkPlanTemplate,
)


class EvaluationPeriodInline(admin.TabularInline):
    model = EvaluationPeriod
    extra = 0
    fields = ["kind", "number", "name", "start_date", "end_date", "realisasi_deadline", "evaluation_deadline"]


@admin.register(PerformanceYear)
class PerformanceYearAdmin(admin.ModelAdmin):
    list_display = ["year", "status", "period_type", "skp_draft_deadline", "skp_approval_deadline"]
    inlines = [EvaluationPeriodInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # years are opened on the SKP › Tahun page (year_open builds periods and rules)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: PerformanceYear, form: Any, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.year_update(actor=request.user, year=PerformanceYear.objects.get(pk=obj.pk), **changes)


class BehaviourIndicatorInline(admin.TabularInline):
    model = BehaviourIndicator
    extra = 0


@admin.register(BehaviourValue)
class BehaviourValueAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "code"]
    inlines = [BehaviourIndicatorInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WorkPlanTemplate)
class WorkPlanTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "created_at"]
    autocomplete_fields = ["position"]


@admin.register(WorkPlan)
class WorkPlanAdmin(admin.ModelAdmin):
    """Read-only listing for support staff; the SKP page is where SKPs change."""

    list_display = ["employee", "year", "status", "version", "unit", "penilai"]
    list_filter = ["status", "year"]
    search_fields = ["employee__name", "employee__nip"]
    list_select_related = ["employee", "year", "unit", "penilai"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

"""Django admin for BKPSDM's reference tables. Saves go through the services (paths, audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kinerja.audit import services as audit
from kinerja.organization import services
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position, Rank


@admin.register(Rank)
class RankAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "siasn_code", "employment_type", "order"]
    list_filter = ["employment_type"]
    ordering = ["employment_type", "order"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # reference data other records point to

    def save_model(self, request: HttpRequest, obj: Rank, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record(actor=request.user, verb="organization.rank.updated", target=obj, after=form.cleaned_data)


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code", "short_name"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path", "depth"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # units are deactivated, never deleted: history points to them

    def save_model(self, request: HttpRequest, obj: OrgUnit, form: Any, change: bool) -> None:
        services.org_unit_save(actor=request.user, unit=obj, reason="admin")


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "level", "unit", "reports_to", "is_unit_head", "is_active"]
    list_filter = ["kind", "is_unit_head", "is_active"]
    search_fields = ["name", "code", "unit__name"]
    autocomplete_fields = ["unit", "reports_to"]
    readonly_fields = ["path"]
    list_select_related = ["unit", "reports_to"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Position, form: Any, change: bool) -> None:
        services.position_save(actor=request.user, position=obj, reason="admin")


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["position"]
    fields = ["position", "kind", "start_date", "end_date", "decree_number"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["name", "nip", "employment_type", "rank", "is_active"]
    list_filter = ["employment_type", "is_active", "rank"]
    search_fields = ["name", "nip"]
    readonly_fields = ["birth_date", "tmt_cpns", "sex", "updated_at"]
    list_select_related = ["rank"]
    inlines = [AssignmentInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # employees leave (is_active=False); their records stay

    def save_model(self, request: HttpRequest, obj: Employee, form: Any, change: bool) -> None:
        data = {field: getattr(obj, field) for field in services.EMPLOYEE_FIELDS}
        # Editing: update this employee even when the NIP itself is corrected (matching by NIP would add a second one).
        saved, _ = services.employee_upsert(
            actor=request.user, data=data, reason="admin", employee_id=obj.pk if change else None
        )
        obj.pk = saved.pk

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            before = (
                None if instance.pk is None else audit.snapshot(Assignment.objects.get(pk=instance.pk), ["end_date"])
            )
            instance.save()
            audit.record(
                actor=request.user,
                verb="organization.assignment.changed",
                target=instance,
                org_unit=instance.position.unit,
                subject=instance.employee,
                before=before,
                after=audit.snapshot(instance, ["position", "kind", "start_date", "end_date", "decree_number"]),
                reason="admin",
            )
        formset.save_m2m()

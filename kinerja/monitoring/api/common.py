"""Pieces shared by the monitoring API views: id fields resolved through permissions, output shapes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers

from kinerja.monitoring.models import Evidence
from kinerja.organization import permissions as org_permissions
from kinerja.organization.models import Employee
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.api.common import PersonSerializer
from kinerja.planning.models import EvaluationPeriod, PlanItem

__all__ = [
    "EmployeeField",
    "EvidenceSerializer",
    "not_visible",
    "ItemRefSerializer",
    "PeriodField",
    "PersonSerializer",
    "PlanItemField",
    "UploadsField",
]


def not_visible(message: str) -> exceptions.NotFound:
    """A record named in the body that the caller may not see: 404, exactly as its own URL would answer.

    A 400 "no such record" for some ids and a 403 for others would tell a prober which ids exist.
    """
    return exceptions.NotFound(detail=message)


class PlanItemField(serializers.IntegerField):
    """An RHK the caller may see, by id (the service checks it is theirs to log against); 404 otherwise."""

    def to_internal_value(self, data: Any) -> PlanItem:
        pk = super().to_internal_value(data)
        item = (
            planning_permissions.plan_items_visible_to(self.context["request"].user)
            .select_related("work_plan__year", "work_plan__employee")
            .filter(pk=pk)
            .first()
        )
        if item is None:
            raise not_visible(_("There is no RHK with id %(id)s.") % {"id": pk})
        return item


class PeriodField(serializers.IntegerField):
    """An evaluation period of a year the caller may see, by id."""

    def to_internal_value(self, data: Any) -> EvaluationPeriod:
        pk = super().to_internal_value(data)
        years = planning_permissions.years_visible_to(self.context["request"].user)
        period = EvaluationPeriod.objects.filter(year__in=years, pk=pk).select_related("year").first()
        if period is None:
            raise serializers.ValidationError(_("There is no evaluation period with id %(id)s.") % {"id": pk})
        return period


class EmployeeField(serializers.IntegerField):
    """An employee the caller may see, by id; 404 otherwise."""

    def to_internal_value(self, data: Any) -> Employee:
        pk = super().to_internal_value(data)
        employee = org_permissions.employees_visible_to(self.context["request"].user).filter(pk=pk).first()
        if employee is None:
            raise not_visible(_("There is no employee with id %(id)s.") % {"id": pk})
        return employee


class UploadsField(serializers.ListField):
    """Evidence files sent as repeated multipart parts named ``files`` (checked by content in the service)."""

    child = serializers.FileField()

    def get_value(self, dictionary: Any) -> Any:
        # A multipart body carries repeated parts; a JSON body has no files at all.
        if hasattr(dictionary, "getlist"):
            files = dictionary.getlist(self.field_name)
            return files if files else serializers.empty
        return super().get_value(dictionary)


class ItemRefSerializer(serializers.Serializer):
    """An RHK named in a record: id and statement."""

    id = serializers.IntegerField()
    text = serializers.CharField()


class EvidenceSerializer(serializers.Serializer):
    """Bukti dukung: a file (downloaded through the API, never from the web server) or a link."""

    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    link = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, evidence: Evidence) -> str | None:
        if not evidence.file:
            return None
        return reverse("api:evidence-detail", kwargs={"pk": evidence.pk})

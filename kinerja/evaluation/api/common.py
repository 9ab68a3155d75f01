"""Pieces shared by the evaluation API views: the 409s, ids resolved through permissions, small output shapes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.permissions import get_visible_or_404
from kinerja.evaluation import exceptions as evaluation_exceptions
from kinerja.evaluation import permissions
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.api.common import EmployeeField, PeriodField, UploadsField, not_visible
from kinerja.organization import permissions as org_permissions
from kinerja.organization.choices import AGENCY_KINDS
from kinerja.organization.models import OrgUnit
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.api.common import PersonSerializer
from kinerja.planning.models import EvaluationPeriod

__all__ = [
    "CONFLICT",
    "AdjustmentSerializer",
    "EmployeeField",
    "EvaluationApi",
    "EvaluationField",
    "InvalidStateError",
    "OrgUnitRefSerializer",
    "PeriodField",
    "PeriodRefSerializer",
    "PersonSerializer",
    "StaleObjectError",
    "UploadsField",
    "adjustment_data",
    "agency_or_404",
    "period_or_404",
]

CONFLICT = OpenApiResponse(
    description="The record changed since you read it (code stale_object) or its state does not allow this "
    "step, e.g. already published or the forum is locked (code invalid_state)."
)


class InvalidStateError(exceptions.APIException):
    """The evaluation, forum or keberatan is not in a state that allows the step (e.g. rating a published one)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "invalid_state"
    default_detail = gettext_lazy("This record is not in a state that allows this action.")


class StaleObjectError(exceptions.APIException):
    """The lock_version sent is not the current one: someone else changed the record after the caller read it."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "stale_object"
    default_detail = gettext_lazy("Someone else changed this record after you read it. Reload it and try again.")


def _first_message(exc: Exception) -> str | None:
    messages = getattr(exc, "messages", None)
    if messages:
        return str(messages[0])
    return str(exc) or None


class EvaluationApi(APIView):
    """Base of the evaluation API views: a wrong state or a stale lock_version is a 409, not a 400.

    The client can tell "fix your input" (400) from "the record has moved on, reload it" (409).
    """

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, evaluation_exceptions.StaleObject):
            exc = StaleObjectError(detail=_first_message(exc))
        elif isinstance(exc, evaluation_exceptions.InvalidState):
            exc = InvalidStateError(detail=_first_message(exc))
        return super().handle_exception(exc)


class EvaluationField(serializers.IntegerField):
    """An evaluation the caller may see, by id; 404 otherwise (as its own URL would answer)."""

    def to_internal_value(self, data: Any) -> Evaluation:
        pk = super().to_internal_value(data)
        found = permissions.evaluations_visible_to(self.context["request"].user).filter(pk=pk).first()
        if found is None:
            raise not_visible(_("There is no evaluation with id %(id)s.") % {"id": pk})
        return found


def period_or_404(user: Any, pk: int) -> EvaluationPeriod:
    """An evaluation period of a year the caller may see (the year's calendar is public reference data)."""
    years = planning_permissions.years_visible_to(user)
    return get_visible_or_404(EvaluationPeriod.objects.filter(year__in=years).select_related("year"), pk=pk)


def agency_or_404(user: Any, pk: int) -> OrgUnit:
    """An OPD by id (the structure is visible to every user); 404 for a sub-unit or an unknown id."""
    return get_visible_or_404(org_permissions.org_units_visible_to(user).filter(kind__in=AGENCY_KINDS), pk=pk)


class PeriodRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")
    kind = serializers.CharField()
    number = serializers.IntegerField()
    year = serializers.IntegerField(source="year.year")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    locked = serializers.BooleanField(source="is_locked")


class OrgUnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class AdjustmentSerializer(serializers.Serializer):
    """One change of a predikat after the rating (calibration or keberatan), as adjustment_data builds it."""

    id = serializers.IntegerField()
    from_predikat = serializers.CharField()
    to_predikat = serializers.CharField()
    reason = serializers.CharField()
    source = serializers.CharField()
    by = serializers.CharField()
    at = serializers.DateTimeField()


def adjustment_data(adjustment: Any) -> dict[str, Any]:
    """An adjustment for AdjustmentSerializer; ``by`` is the person's name (the username for an account without one)."""
    by = adjustment.by
    return {
        "id": adjustment.pk, "from_predikat": adjustment.from_predikat, "to_predikat": adjustment.to_predikat,
        "reason": adjustment.reason, "source": adjustment.source,
        "by": by.employee.full_name if by.employee_id else by.get_username(), "at": adjustment.at,
    }  # fmt: skip

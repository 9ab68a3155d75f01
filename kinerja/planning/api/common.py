"""Pieces shared by the planning API views: the 409 for a wrong workflow state, id fields, small serializers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.organization import permissions as org_permissions
from kinerja.organization.models import OrgUnit
from kinerja.planning import permissions, selectors
from kinerja.planning.exceptions import TransitionNotAllowed
from kinerja.planning.models import PerformanceYear


class InvalidState(exceptions.APIException):
    """The SKP is not in a state that allows the action (e.g. approving a draft)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "invalid_state"
    default_detail = gettext_lazy("The SKP is not in a state that allows this action.")


class PlanningApi(APIView):
    """Base of the planning API views: a wrong workflow state is a 409, not a 400.

    TransitionNotAllowed is a ValidationError (so forms show it like any other message); the
    API tells clients apart "fix your input" (400) from "the SKP has moved on, reload it" (409).
    """

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, TransitionNotAllowed):
            messages = exc.messages
            exc = InvalidState(detail=messages[0] if messages else None)
        return super().handle_exception(exc)


class YearField(serializers.IntegerField):
    """A performance year given by its number (e.g. 2025), resolved to the PerformanceYear."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", gettext_lazy("The performance year, e.g. 2025."))
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> PerformanceYear:
        number = super().to_internal_value(data)
        year = permissions.years_visible_to(self.context["request"].user).filter(year=number).first()
        if year is None:
            raise serializers.ValidationError(_("There is no performance year %(year)s.") % {"year": number})
        return year

    def to_representation(self, value: Any) -> int:
        return int(value.year if isinstance(value, PerformanceYear) else value)


class UnitField(serializers.IntegerField):
    """A unit id resolved to a unit the caller may see (the structure is visible to every user)."""

    def to_internal_value(self, data: Any) -> OrgUnit:
        pk = super().to_internal_value(data)
        unit = org_permissions.org_units_visible_to(self.context["request"].user).filter(pk=pk).first()
        if unit is None:
            raise serializers.ValidationError(_("There is no unit with id %(id)s.") % {"id": pk})
        return unit


def year_or_current(filters: dict[str, Any]) -> PerformanceYear:
    """The year named in the query string, else the current one; a 400 naming ``year`` when there is none."""
    year = filters.get("year") or selectors.current_year()
    if year is None:
        raise exceptions.ValidationError({"year": [_("No performance year has been opened yet.")]})
    return year  # type: ignore[no-any-return]


class PersonSerializer(serializers.Serializer):
    """An employee as the SKP names them: id, name with titles, NIP."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    nip = serializers.CharField()

"""Step 1, capaian kinerja organisasi (PermenPANRB 6/2022 Ps 24): list units' predikat per period, set one."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.core.permissions import get_visible_or_404
from kinerja.evaluation import permissions, services
from kinerja.evaluation.api.common import (
    CONFLICT,
    EvaluationApi,
    OrgUnitRefSerializer,
    PeriodField,
    PeriodRefSerializer,
    period_or_404,
)
from kinerja.evaluation.choices import OrgPredikat
from kinerja.evaluation.exceptions import StaleObject
from kinerja.evaluation.models import OrganizationRating
from kinerja.organization import permissions as org_permissions
from kinerja.planning.api.common import UnitField


class OrgRatingSerializer(serializers.Serializer):
    """The predikat of a unit for a period, with the note and who signed the penetapan."""

    id = serializers.IntegerField()
    unit = OrgUnitRefSerializer()
    period = PeriodRefSerializer()
    predikat = serializers.CharField()
    predikat_display = serializers.CharField(source="get_predikat_display")
    note = serializers.CharField()
    signer = serializers.JSONField(help_text=gettext_lazy("Name, NIP and jabatan printed on the penetapan."))
    set_by = serializers.SerializerMethodField()
    set_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    lock_version = serializers.IntegerField()

    def get_set_by(self, rating: OrganizationRating) -> str:
        user = rating.set_by
        return user.employee.full_name if user.employee_id else user.get_username()


def _for_output(ratings: Any) -> Any:
    return ratings.select_related("unit", "period__year", "set_by__employee")


class OrgRatingListApi(EvaluationApi):
    """The capaian kinerja organisasi set so far (SAKIP results are public inside the government)."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        period = PeriodField(required=False, help_text=gettext_lazy("Evaluation period id."))
        unit = UnitField(required=False, help_text=gettext_lazy("Ratings of this unit and the units below it."))

    OutputSerializer = OrgRatingSerializer

    @extend_schema(
        operation_id="evaluation_org_rating_list",
        parameters=[FilterSerializer],
        responses={200: OrgRatingSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        ratings = permissions.org_ratings_visible_to(request.user)
        if "period" in filters:
            ratings = ratings.filter(period=filters["period"])
        if "unit" in filters:
            ratings = ratings.filter(unit__path__startswith=filters["unit"].path)
        ratings = _for_output(ratings).order_by("-period__start_date", "period__kind", "unit__path", "pk")
        return paginated_response(request=request, view=self, queryset=ratings, serializer_class=self.OutputSerializer)


class OrgRatingSetApi(EvaluationApi):
    """The leadership above a unit sets (or corrects) its predikat for a period, with a note."""

    class InputSerializer(serializers.Serializer):
        predikat = serializers.ChoiceField(choices=OrgPredikat.choices)
        note = serializers.CharField(max_length=5000)
        lock_version = serializers.IntegerField(
            allow_null=True,
            min_value=0,
            help_text=gettext_lazy(
                "The lock_version of the rating you read; null when the unit has no rating for the period yet. "
                "A stale one (or null once someone else set it) is refused with 409."
            ),
        )

    OutputSerializer = OrgRatingSerializer

    @extend_schema(
        operation_id="evaluation_org_rating_set",
        request=InputSerializer,
        responses={200: OrgRatingSerializer, 409: CONFLICT},
    )
    def put(self, request: Request, unit_pk: int, period_pk: int) -> Response:
        unit = get_visible_or_404(org_permissions.org_units_visible_to(request.user), pk=unit_pk)
        period = period_or_404(request.user, period_pk)
        if not permissions.can_set_org_rating(request.user, unit):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if (
            serializer.validated_data["lock_version"] is None
            and OrganizationRating.objects.filter(unit=unit, period=period).exists()
        ):
            # The caller read no rating, yet one exists now: their value would overwrite it unseen.
            raise StaleObject(
                _("Someone else set this capaian after you read it. Reload it and make your change again.")
            )
        rating = services.org_rating_set(actor=request.user, unit=unit, period=period, **serializer.validated_data)
        fresh = _for_output(OrganizationRating.objects).get(pk=rating.pk)
        return Response(self.OutputSerializer(fresh).data)

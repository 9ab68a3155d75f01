"""The kalkulator distribusi predikat over the API: any set of predikat against a year's pola distribusi."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.evaluation import permissions, selectors
from kinerja.evaluation.api.common import EvaluationApi
from kinerja.evaluation.choices import CURVE_ORDER, OrgPredikat
from kinerja.evaluation.forms.calculator import MAX_PEOPLE
from kinerja.planning.models import PerformanceYear
from kinerja.planning.selectors import current_year


class _PredikatCountsSerializer(serializers.Serializer):
    sangat_baik = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, default=0)
    baik = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, default=0)
    butuh_perbaikan = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, default=0)
    kurang = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, default=0)
    sangat_kurang = serializers.IntegerField(min_value=0, max_value=MAX_PEOPLE, default=0)


class _RuleSerializer(serializers.Serializer):
    predikat = serializers.ListField(child=serializers.CharField())
    kind = serializers.CharField()
    bound = serializers.IntegerField()
    count = serializers.IntegerField()
    limit = serializers.IntegerField()
    severity = serializers.ChoiceField(choices=["ok", "violation", "warning"])
    people = serializers.IntegerField(help_text="How many people must change for the rule to hold.")
    label = serializers.CharField()


class _MoveSerializer(serializers.Serializer):
    from_predikat = serializers.CharField()
    to_predikat = serializers.CharField()
    people = serializers.IntegerField()


class DistributionCheckApi(EvaluationApi):
    """Check a set of predikat counts against the pola distribusi of a year (SE MenPANRB 3/2023)."""

    class InputSerializer(serializers.Serializer):
        year = serializers.IntegerField(required=False, help_text="The performance year (default: the current one).")
        org_predikat = serializers.ChoiceField(choices=OrgPredikat.choices)
        counts = _PredikatCountsSerializer()

    class OutputSerializer(serializers.Serializer):
        year = serializers.IntegerField()
        org_predikat = serializers.CharField()
        total = serializers.IntegerField()
        small_unit = serializers.BooleanField()
        ok = serializers.BooleanField(help_text="No violation (warnings may remain).")
        rules = _RuleSerializer(many=True)
        allowed = serializers.DictField(
            child=serializers.ListField(child=serializers.IntegerField()), help_text="Per predikat: [min, max] people."
        )
        fewest_changes = _MoveSerializer(many=True)
        after_changes = serializers.DictField(child=serializers.IntegerField())
        feasible = serializers.BooleanField()

    @extend_schema(operation_id="evaluation_distribution_check", request=InputSerializer, responses=OutputSerializer)
    def post(self, request: Request) -> Response:
        if not permissions.can_use_calculator(request.user):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        year = current_year() if "year" not in data else PerformanceYear.objects.filter(year=data["year"]).first()
        if year is None:
            raise serializers.ValidationError({"year": [_("No such performance year.")]})
        calc = selectors.distribution_calculation(year, data["org_predikat"], data["counts"])
        check = calc.check
        return Response(
            self.OutputSerializer(
                {
                    "year": year.year,
                    "org_predikat": check.org_predikat,
                    "total": check.total,
                    "small_unit": check.small_unit,
                    "ok": check.ok,
                    "rules": [r.to_json() for r in check.results],
                    "allowed": {p: list(calc.curve[p]) for p in CURVE_ORDER},
                    "fewest_changes": [
                        {"from_predikat": m.from_predikat, "to_predikat": m.to_predikat, "people": m.people}
                        for m in calc.fit.moves
                    ],
                    "after_changes": {p: calc.fit.target.get(p, check.counts[p]) for p in CURVE_ORDER},
                    "feasible": calc.fit.feasible,
                }
            ).data
        )

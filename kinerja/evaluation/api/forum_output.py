"""The calibration forum as the API shows it: the compiled predikat with reasons, the check, the curve, the fit.

Built from selectors.forum_view (the same figures as the forum page), a constant number of queries.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kinerja.evaluation import permissions, selectors
from kinerja.evaluation.api.common import (
    AdjustmentSerializer,
    OrgUnitRefSerializer,
    PeriodRefSerializer,
    PersonSerializer,
    adjustment_data,
)
from kinerja.evaluation.choices import Predikat, Rating
from kinerja.organization.models import OrgUnit
from kinerja.planning.models import EvaluationPeriod


def _display(choices: type[Any], value: str) -> str:
    return str(choices(value).label) if value else ""


class _ForumSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    participants = PersonSerializer(many=True, source="participants.all")
    guests = serializers.CharField()
    held_on = serializers.DateField(allow_null=True)
    minutes = serializers.CharField()
    justification = serializers.CharField()
    opened_at = serializers.DateTimeField()
    locked_at = serializers.DateTimeField(allow_null=True)
    locked_check = serializers.JSONField(help_text="The distribution check as it stood at the lock.")
    lock_version = serializers.IntegerField()


class _ForumOrgRatingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    predikat = serializers.CharField()
    predikat_display = serializers.CharField(source="get_predikat_display")
    note = serializers.CharField()


class _RowSerializer(serializers.Serializer):
    """One person of the forum: the proposal with the penilai's reasons, and any change by the forum."""

    evaluation_id = serializers.IntegerField()
    employee = PersonSerializer()
    unit = OrgUnitRefSerializer()
    penilai = PersonSerializer(allow_null=True)
    is_unit_head = serializers.BooleanField()
    status = serializers.CharField()
    results_rating = serializers.CharField()
    results_rating_display = serializers.CharField()
    results_reason = serializers.CharField()
    behaviour_rating = serializers.CharField()
    behaviour_rating_display = serializers.CharField()
    behaviour_reason = serializers.CharField()
    proposed_predikat = serializers.CharField()
    predikat = serializers.CharField(help_text="What counts now ('' while unrated).")
    predikat_display = serializers.CharField()
    adjusted = serializers.BooleanField()
    calibration_reason = serializers.CharField()
    legacy_score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    adjustments = AdjustmentSerializer(many=True)
    hidden = serializers.BooleanField(
        help_text="The caller's own result, not published yet: its ratings, predikat and adjustments are blank."
    )


class _RuleResultSerializer(serializers.Serializer):
    predikat = serializers.ListField(child=serializers.CharField())
    kind = serializers.CharField()
    bound = serializers.IntegerField()
    count = serializers.IntegerField()
    limit = serializers.IntegerField()
    severity = serializers.ChoiceField(choices=[("ok", "ok"), ("violation", "violation"), ("warning", "warning")])
    people = serializers.IntegerField(help_text="How many people must change for the rule to hold.")
    label = serializers.CharField()


class _CheckSerializer(serializers.Serializer):
    org_predikat = serializers.CharField()
    total = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())
    small_unit = serializers.BooleanField()
    ok = serializers.BooleanField()
    results = _RuleResultSerializer(many=True)


class _FitSerializer(serializers.Serializer):
    class MoveSerializer(serializers.Serializer):
        _from = serializers.CharField()
        to = serializers.CharField()
        people = serializers.IntegerField()

        def get_fields(self) -> dict[str, Any]:
            # "from" is a Python keyword: declared as _from, published under its real name.
            fields = super().get_fields()
            fields["from"] = fields.pop("_from")
            return fields

    moves = MoveSerializer(many=True)
    target = serializers.DictField(child=serializers.IntegerField())
    total_moves = serializers.IntegerField()
    feasible = serializers.BooleanField()


class _ProposalSerializer(serializers.Serializer):
    evaluation_id = serializers.IntegerField()
    name = serializers.CharField()
    from_predikat = serializers.CharField()
    to_predikat = serializers.CharField()
    why = serializers.CharField()


class _ForumActionsSerializer(serializers.Serializer):
    can_manage = serializers.BooleanField()
    can_lock = serializers.BooleanField()


class ForumViewSerializer(serializers.Serializer):
    """The forum of an OPD and period; ``forum`` is null until it is opened, ``check`` until step 1 is done."""

    agency = OrgUnitRefSerializer()
    period = PeriodRefSerializer()
    forum = _ForumSerializer(allow_null=True)
    org_rating = _ForumOrgRatingSerializer(allow_null=True)
    total = serializers.IntegerField()
    unrated = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())
    rows = _RowSerializer(many=True)
    check = _CheckSerializer(allow_null=True)
    fit = _FitSerializer(allow_null=True)
    proposals = _ProposalSerializer(many=True)
    curve = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text="Per predikat: [fewest, most] people allowed.",
    )
    chart = serializers.JSONField()
    actions = _ForumActionsSerializer()


def _hidden_row(row: Any) -> dict[str, Any]:
    """The caller's own unpublished row: who and where, nothing of the result (seen once published)."""
    ev = row.evaluation
    blank = dict.fromkeys(
        ("results_rating", "results_rating_display", "results_reason", "behaviour_rating",
         "behaviour_rating_display", "behaviour_reason", "proposed_predikat", "predikat", "predikat_display",
         "calibration_reason"),
        "",
    )  # fmt: skip
    return {
        "evaluation_id": ev.pk, "employee": ev.employee, "unit": ev.unit, "penilai": ev.penilai,
        "is_unit_head": ev.is_unit_head, "status": ev.status, **blank, "adjusted": False, "legacy_score": None,
        "adjustments": [], "hidden": True,
    }  # fmt: skip


def _row(row: Any) -> dict[str, Any]:
    if row.own:
        return _hidden_row(row)
    ev = row.evaluation
    return {
        "hidden": False,
        "evaluation_id": ev.pk, "employee": ev.employee, "unit": ev.unit, "penilai": ev.penilai,
        "is_unit_head": ev.is_unit_head, "status": ev.status,
        "results_rating": ev.results_rating, "results_rating_display": _display(Rating, ev.results_rating),
        "results_reason": ev.results_reason,
        "behaviour_rating": ev.behaviour_rating, "behaviour_rating_display": _display(Rating, ev.behaviour_rating),
        "behaviour_reason": ev.behaviour_reason,
        "proposed_predikat": row.proposed, "predikat": row.predikat,
        "predikat_display": _display(Predikat, row.predikat),
        "adjusted": row.adjusted, "calibration_reason": ev.calibration_reason, "legacy_score": row.legacy_score,
        "adjustments": [adjustment_data(a) for a in row.adjustments],
    }  # fmt: skip


def forum_data(user: Any, agency: OrgUnit, period: EvaluationPeriod) -> dict[str, Any]:
    """The forum page's content for ``user`` (who may view it: the caller checked can_view_forum)."""
    view = selectors.forum_view(agency, period, viewer=user)
    data = {
        "agency": agency,
        "period": period,
        "forum": view.forum,
        "org_rating": view.org_rating,
        "total": view.total,
        "unrated": view.unrated,
        "counts": view.counts,
        "rows": [_row(row) for row in view.rows],
        "check": view.check.to_json() if view.check is not None else None,
        "fit": view.fit.to_json() if view.fit is not None else None,
        "proposals": [
            {
                "evaluation_id": p.evaluation_id,
                "name": p.name,
                "from_predikat": p.from_predikat,
                "to_predikat": p.to_predikat,
                "why": str(p.why),
            }
            for p in view.proposals
        ],  # fmt: skip
        "curve": {predikat: list(bounds) for predikat, bounds in view.curve.items()},
        "chart": view.chart,
        "actions": {
            "can_manage": permissions.can_manage_forum(user, agency),
            "can_lock": permissions.can_lock_forum(user, agency),
        },
    }
    return ForumViewSerializer(data).data  # type: ignore[return-value]

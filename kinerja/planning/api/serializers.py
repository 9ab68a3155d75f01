"""Output shapes of an SKP shared by several planning API views (card in lists, full detail, parts)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja.planning import permissions
from kinerja.planning.api.common import PersonSerializer
from kinerja.planning.models import PlanItem, WorkPlanEvent


class WorkPlanCardSerializer(serializers.Serializer):
    """An SKP in a list: whose, which year, where it stands. Needs select_related of the card relations."""

    id = serializers.IntegerField()
    employee = PersonSerializer()
    year = serializers.IntegerField(source="year.year")
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    version = serializers.IntegerField()
    approach = serializers.CharField()
    form_variant = serializers.CharField()
    position_id = serializers.IntegerField()
    position = serializers.CharField(source="position.name")
    unit_id = serializers.IntegerField()
    unit = serializers.CharField(source="unit.name")
    penilai = PersonSerializer(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    lock_version = serializers.IntegerField()


CARD_RELATIONS = ("employee", "year", "position", "unit", "penilai")


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    aspect = serializers.CharField()
    aspect_display = serializers.CharField(source="get_aspect_display")
    text = serializers.CharField()
    target_min = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_max = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_unit = serializers.CharField()
    target_text = serializers.CharField()
    lower_is_better = serializers.BooleanField()
    order = serializers.IntegerField()


class PlanItemSerializer(serializers.Serializer):
    """An RHK with the supervisor's RHK (or organisation goal) it intervenes and its IKI."""

    class SupportedItemSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        text = serializers.CharField()

    class SupportedGoalSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        code = serializers.CharField()
        statement = serializers.CharField()

    id = serializers.IntegerField()
    work_plan_id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_display = serializers.CharField(source="get_kind_display")
    text = serializers.CharField()
    perspective = serializers.CharField()
    order = serializers.IntegerField()
    supported_item = SupportedItemSerializer(allow_null=True)
    supported_goal = SupportedGoalSerializer(allow_null=True)
    indicators = IndicatorSerializer(many=True, source="indicators.all")


class ExpectationSerializer(serializers.Serializer):
    """A BerAKHLAK value with its three behaviours and the penilai's ekspektasi khusus."""

    value = serializers.CharField(source="value.code")
    name = serializers.CharField(source="value.name")
    behaviours = serializers.SerializerMethodField()
    special_expectation = serializers.CharField()

    def get_behaviours(self, expectation: Any) -> list[str]:
        return [indicator.text for indicator in expectation.value.indicators.all()]


class EventSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.SerializerMethodField()
    note = serializers.CharField()
    created_at = serializers.DateTimeField()

    def get_actor(self, event: WorkPlanEvent) -> str | None:
        user = event.actor
        if user is None:
            return None
        return user.employee.full_name if user.employee_id else user.get_username()


class WorkPlanDetailSerializer(WorkPlanCardSerializer):
    """The whole SKP. ``actions`` says what the caller may do now, so clients need not re-derive the rules."""

    class ActionsSerializer(serializers.Serializer):
        can_edit = serializers.BooleanField()
        can_submit = serializers.BooleanField()
        can_return = serializers.BooleanField()
        can_approve = serializers.BooleanField()
        can_revise = serializers.BooleanField()
        can_set_expectations = serializers.BooleanField()

    penilai_position_id = serializers.IntegerField(allow_null=True)
    atasan_penilai = PersonSerializer(allow_null=True)
    snapshot = serializers.JSONField()
    resource_support = serializers.CharField()
    accountability_scheme = serializers.CharField()
    consequences = serializers.CharField()
    return_note = serializers.CharField()
    revision_reason = serializers.CharField()
    items = PlanItemSerializer(many=True, source="items.all")
    expectations = ExpectationSerializer(many=True, source="behaviour_expectations.all")
    events = EventSerializer(many=True, source="events.all")
    actions = serializers.SerializerMethodField()

    @extend_schema_field(ActionsSerializer)
    def get_actions(self, plan: Any) -> dict[str, bool]:
        user = self.context["request"].user
        return {
            "can_edit": permissions.can_edit_work_plan(user, plan),
            "can_submit": permissions.can_submit_work_plan(user, plan),
            "can_return": permissions.can_return_work_plan(user, plan),
            "can_approve": permissions.can_approve_work_plan(user, plan),
            "can_revise": permissions.can_revise_work_plan(user, plan),
            "can_set_expectations": permissions.can_set_expectations(user, plan),
        }


def item_output(item: PlanItem) -> dict[str, Any]:
    return PlanItemSerializer(item).data  # type: ignore[return-value]

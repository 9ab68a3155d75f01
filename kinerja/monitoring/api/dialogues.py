"""Performance dialogues and coaching sessions: list, record with agreed actions, close an action."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.api import paginated_response, validated_filters
from kinerja.monitoring import permissions, services
from kinerja.monitoring.api.common import EmployeeField, PersonSerializer
from kinerja.monitoring.choices import DialogueKind
from kinerja.monitoring.models import Dialogue, DialogueAction
from kinerja.organization.models import Employee


def dialogues_for_output(dialogues: QuerySet[Dialogue]) -> QuerySet[Dialogue]:
    """Dialogues with their people and actions: a fixed number of queries however many there are."""
    return dialogues.select_related("employee", "led_by").prefetch_related(
        Prefetch("participants", queryset=Employee.objects.order_by("name", "pk")),
        Prefetch("actions", queryset=DialogueAction.objects.select_related("owner").order_by("due_date", "pk")),
    )


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    dialogue_id = serializers.IntegerField()
    description = serializers.CharField()
    owner = PersonSerializer()
    due_date = serializers.DateField()
    done = serializers.SerializerMethodField()
    done_at = serializers.DateTimeField(allow_null=True)
    done_note = serializers.CharField()

    def get_done(self, action: DialogueAction) -> bool:
        return action.done_at is not None


class DialogueSerializer(serializers.Serializer):
    """A dialogue with its participants and agreed actions. Needs dialogues_for_output()."""

    id = serializers.IntegerField()
    employee = PersonSerializer()
    led_by = PersonSerializer()
    kind = serializers.CharField()
    kind_display = serializers.CharField(source="get_kind_display")
    held_on = serializers.DateField()
    topics = serializers.CharField()
    summary = serializers.CharField()
    participants = PersonSerializer(many=True, source="participants.all")
    actions = ActionSerializer(many=True, source="actions.all")
    created_at = serializers.DateTimeField()


class DialogueListApi(APIView):
    """GET: the dialogues the caller may see. POST: a supervisor (or Admin OPD/BKPSDM) records one."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        employee = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Employee id."))
        kind = serializers.ChoiceField(choices=DialogueKind.choices, required=False)

    class InputSerializer(serializers.Serializer):
        class ActionInputSerializer(serializers.Serializer):
            description = serializers.CharField(max_length=4000)
            owner = EmployeeField(help_text=gettext_lazy("Employee id of who will do it."))
            due_date = serializers.DateField()

        employee = EmployeeField(help_text=gettext_lazy("Employee id of whom the session was about."))
        kind = serializers.ChoiceField(choices=DialogueKind.choices)
        held_on = serializers.DateField()
        topics = serializers.CharField(max_length=4000)
        summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)
        participants = serializers.ListField(child=EmployeeField(), required=False)
        actions = ActionInputSerializer(many=True, required=False)

    OutputSerializer = DialogueSerializer

    @extend_schema(
        operation_id="dialogue_list", parameters=[FilterSerializer], responses={200: DialogueSerializer(many=True)}
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        dialogues = permissions.dialogues_visible_to(request.user)
        if "employee" in filters:
            dialogues = dialogues.filter(employee_id=filters["employee"])
        if "kind" in filters:
            dialogues = dialogues.filter(kind=filters["kind"])
        dialogues = dialogues_for_output(dialogues).order_by("-held_on", "-created_at", "-pk")
        return paginated_response(
            request=request, view=self, queryset=dialogues, serializer_class=self.OutputSerializer
        )

    @extend_schema(operation_id="dialogue_record", request=InputSerializer, responses={201: DialogueSerializer})
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["actions"] = [dict(action) for action in data.get("actions", [])]
        dialogue = services.dialogue_record(actor=request.user, **data)
        fresh = dialogues_for_output(permissions.dialogues_visible_to(request.user)).get(pk=dialogue.pk)
        return Response(self.OutputSerializer(fresh).data, status=status.HTTP_201_CREATED)


class DialogueActionCloseApi(APIView):
    """The action's owner (or the dialogue's leader) closes it with its outcome."""

    class InputSerializer(serializers.Serializer):
        note = serializers.CharField(required=False, allow_blank=True, max_length=4000)

    OutputSerializer = ActionSerializer

    @extend_schema(operation_id="dialogue_action_close", request=InputSerializer, responses={200: ActionSerializer})
    def post(self, request: Request, pk: int) -> Response:
        action = permissions.get_dialogue_action_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        closed = services.dialogue_action_close(actor=request.user, action=action, **serializer.validated_data)
        return Response(self.OutputSerializer(closed).data, status=status.HTTP_200_OK)

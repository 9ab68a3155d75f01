"""Continuous feedback (umpan balik berkelanjutan) on an SKP: list with replies, give, reply."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.monitoring import permissions, services
from kinerja.monitoring.api.common import ItemRefSerializer, PeriodField
from kinerja.monitoring.choices import Reaction
from kinerja.monitoring.models import Feedback, FeedbackReply
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.models import BehaviourValue


def feedback_for_output(feedback: QuerySet[Feedback]) -> QuerySet[Feedback]:
    """Feedback with everything its output needs: a fixed number of queries however many threads."""
    replies = FeedbackReply.objects.select_related("author__employee").order_by("created_at", "pk")
    return feedback.select_related("item", "value", "author__employee").prefetch_related(
        Prefetch("replies", queryset=replies)
    )


class ReplySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author_id = serializers.IntegerField()
    author = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class FeedbackSerializer(serializers.Serializer):
    """One feedback thread. Needs feedback_for_output()."""

    class ValueRefSerializer(serializers.Serializer):
        code = serializers.CharField()
        name = serializers.CharField()

    id = serializers.IntegerField()
    work_plan_id = serializers.IntegerField()
    period_id = serializers.IntegerField(allow_null=True)
    item = ItemRefSerializer(allow_null=True)
    value = ValueRefSerializer(allow_null=True)
    author_id = serializers.IntegerField()
    author = serializers.CharField()
    text = serializers.CharField()
    reaction = serializers.CharField()
    reaction_display = serializers.CharField(source="get_reaction_display")
    created_at = serializers.DateTimeField()
    replies = ReplySerializer(many=True, source="replies.all")


class WorkPlanFeedbackApi(APIView):
    """GET: the feedback on an SKP, newest first, with replies. POST: the penilai gives feedback on an RHK or value."""

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(max_length=4000)
        item = serializers.IntegerField(required=False, allow_null=True, help_text=gettext_lazy("RHK id of this SKP."))
        value = serializers.SlugField(
            required=False, allow_null=True, help_text=gettext_lazy('A BerAKHLAK value code, e.g. "akuntabel".')
        )
        reaction = serializers.ChoiceField(choices=Reaction.choices, required=False, allow_blank=True, default="")
        period = PeriodField(required=False, allow_null=True)

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            plan = self.context["work_plan"]
            if attrs.get("item") is not None:
                item = plan.items.filter(pk=attrs["item"]).first()
                if item is None:
                    raise serializers.ValidationError({"item": [_("Choose an RHK of this SKP.")]})
                attrs["item"] = item
            if attrs.get("value") is not None:
                # The seven core values are public reference data (regulation.md §4.5).
                value = BehaviourValue.objects.filter(code=attrs["value"]).first()
                if value is None:
                    raise serializers.ValidationError({"value": [_("Choose one of the BerAKHLAK core values.")]})
                attrs["value"] = value
            return attrs

    OutputSerializer = FeedbackSerializer

    @extend_schema(operation_id="work_plan_feedback_list", responses={200: FeedbackSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        plan = planning_permissions.get_work_plan_for_user_or_404(request.user, pk)
        feedback = feedback_for_output(permissions.feedback_visible_to(request.user).filter(work_plan=plan))
        return Response(self.OutputSerializer(feedback.order_by("-created_at", "-pk"), many=True).data)

    @extend_schema(operation_id="feedback_give", request=InputSerializer, responses={201: FeedbackSerializer})
    def post(self, request: Request, pk: int) -> Response:
        plan = planning_permissions.get_work_plan_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data, context={"request": request, "work_plan": plan})
        serializer.is_valid(raise_exception=True)
        feedback = services.feedback_give(actor=request.user, work_plan=plan, **serializer.validated_data)
        fresh = feedback_for_output(permissions.feedback_visible_to(request.user)).get(pk=feedback.pk)
        return Response(self.OutputSerializer(fresh).data, status=status.HTTP_201_CREATED)


class FeedbackReplyApi(APIView):
    """The SKP's owner (or the feedback's author) replies; the other is notified."""

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(max_length=4000)

    OutputSerializer = FeedbackSerializer

    @extend_schema(operation_id="feedback_reply", request=InputSerializer, responses={201: FeedbackSerializer})
    def post(self, request: Request, pk: int) -> Response:
        feedback = permissions.get_feedback_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.feedback_reply(actor=request.user, feedback=feedback, text=serializer.validated_data["text"])
        fresh = feedback_for_output(permissions.feedback_visible_to(request.user)).get(pk=feedback.pk)
        return Response(self.OutputSerializer(fresh).data, status=status.HTTP_201_CREATED)

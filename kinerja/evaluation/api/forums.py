"""The calibration forum (forum evaluasi kinerja) of an OPD and period: read, open, minutes, adjust, lock.

SE MenPANRB 3/2023 (regulation.md §6.4): the compiled predikat against the allowed curve, the fewest changes
that would satisfy the rules (people decide), adjustments with a reason the employee reads, and the lock that
publishes the final predikat.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.api.common import (
    CONFLICT,
    EmployeeField,
    EvaluationApi,
    EvaluationField,
    agency_or_404,
    period_or_404,
)
from kinerja.evaluation.api.forum_output import ForumViewSerializer, forum_data
from kinerja.evaluation.choices import Predikat
from kinerja.evaluation.models import CalibrationForum

LOCK_VERSION_HELP = gettext_lazy("The forum's lock_version you read; a stale one is refused with 409.")


def _forum_response(request: Request, forum: CalibrationForum, *, status_code: int = status.HTTP_200_OK) -> Response:
    forum = permissions.get_forum_for_user_or_404(request.user, forum.pk)
    return Response(forum_data(request.user, forum.agency, forum.period), status=status_code)


def _managed_forum(request: Request, pk: int) -> CalibrationForum:
    forum = permissions.get_forum_for_user_or_404(request.user, pk)
    if not permissions.can_manage_forum(request.user, forum.agency):
        raise PermissionDenied  # the Auditor and the Pimpinan daerah watch; they do not calibrate
    return forum


class ForumApi(EvaluationApi):
    """The forum of an OPD for a period: the compiled predikat, the check against the curve, the fewest changes.

    Answers before the forum is opened too (``forum`` null), so the OPD sees where it stands.
    """

    OutputSerializer = ForumViewSerializer

    @extend_schema(operation_id="evaluation_forum", responses={200: ForumViewSerializer})
    def get(self, request: Request, agency_pk: int, period_pk: int) -> Response:
        agency = agency_or_404(request.user, agency_pk)
        period = period_or_404(request.user, period_pk)
        if not permissions.can_view_forum(request.user, agency):
            raise PermissionDenied
        return Response(forum_data(request.user, agency, period))


class ForumOpenApi(EvaluationApi):
    """Open the forum of an OPD for a period (idempotent): opens the evaluations of its approved SKP too."""

    OutputSerializer = ForumViewSerializer

    @extend_schema(
        operation_id="evaluation_forum_open",
        request=None,
        responses={200: ForumViewSerializer, 201: ForumViewSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, agency_pk: int, period_pk: int) -> Response:
        agency = agency_or_404(request.user, agency_pk)
        period = period_or_404(request.user, period_pk)
        if not permissions.can_manage_forum(request.user, agency):
            raise PermissionDenied
        existed = CalibrationForum.objects.filter(agency=agency, period=period).exists()
        forum = services.forum_open(actor=request.user, agency=agency, period=period)
        return _forum_response(request, forum, status_code=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


class ForumUpdateApi(EvaluationApi):
    """Participants, date, minutes (berita acara) and the justification for small-unit warnings.

    Fields left out keep their value.
    """

    class InputSerializer(serializers.Serializer):
        participants = serializers.ListField(
            child=EmployeeField(), required=False, help_text=gettext_lazy("Employee ids of the participants.")
        )
        guests = serializers.CharField(required=False, allow_blank=True, max_length=4000)
        held_on = serializers.DateField(required=False, allow_null=True)
        minutes = serializers.CharField(required=False, allow_blank=True, max_length=20000)
        justification = serializers.CharField(required=False, allow_blank=True, max_length=4000)
        lock_version = serializers.IntegerField(min_value=0, help_text=LOCK_VERSION_HELP)

    OutputSerializer = ForumViewSerializer

    @extend_schema(
        operation_id="evaluation_forum_update",
        request=InputSerializer,
        responses={200: ForumViewSerializer, 409: CONFLICT},
    )
    def patch(self, request: Request, pk: int) -> Response:
        forum = _managed_forum(request, pk)
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        current: dict[str, Any] = {
            "guests": forum.guests, "held_on": forum.held_on, "minutes": forum.minutes,
            "justification": forum.justification,
        }  # fmt: skip
        if "participants" not in data:
            data["participants"] = list(forum.participants.values_list("pk", flat=True))
        services.forum_update(actor=request.user, forum=forum, **{**current, **data})
        return _forum_response(request, forum)


class ForumAdjustApi(EvaluationApi):
    """The forum changes one person's predikat, with the reason the employee will read."""

    class InputSerializer(serializers.Serializer):
        evaluation = EvaluationField(help_text=gettext_lazy("Evaluation id of the person."))
        to_predikat = serializers.ChoiceField(choices=Predikat.choices)
        reason = serializers.CharField(max_length=4000)

    OutputSerializer = ForumViewSerializer

    @extend_schema(
        operation_id="evaluation_forum_adjust",
        request=InputSerializer,
        responses={200: ForumViewSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        forum = _managed_forum(request, pk)
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        services.forum_adjust(actor=request.user, forum=forum, **serializer.validated_data)
        return _forum_response(request, forum)


class ForumApplySuggestionApi(EvaluationApi):
    """Accept the proposed changes (all of them, or those listed), with one reason shown to each person."""

    class InputSerializer(serializers.Serializer):
        class ChangeSerializer(serializers.Serializer):
            evaluation = serializers.IntegerField(min_value=1, help_text=gettext_lazy("Evaluation id."))
            to_predikat = serializers.ChoiceField(choices=Predikat.choices)

        changes = ChangeSerializer(
            many=True,
            required=False,
            help_text=gettext_lazy("The proposals accepted; left out: every current proposal."),
        )
        reason = serializers.CharField(max_length=4000)

    OutputSerializer = ForumViewSerializer

    @extend_schema(
        operation_id="evaluation_forum_apply_suggestion",
        request=InputSerializer,
        responses={200: ForumViewSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        forum = _managed_forum(request, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "changes" in data:
            changes = [(change["evaluation"], change["to_predikat"]) for change in data["changes"]]
        else:
            proposals = selectors.forum_view(forum.agency, forum.period, viewer=request.user).proposals
            if not proposals:
                raise serializers.ValidationError({"changes": [_("There is no proposed change to accept.")]})
            changes = [(p.evaluation_id, p.to_predikat) for p in proposals]
        services.forum_apply_suggestion(actor=request.user, forum=forum, changes=changes, reason=data["reason"])
        return _forum_response(request, forum)


class ForumLockApi(EvaluationApi):
    """Lock the forum and publish everyone's final predikat (refused while anyone is unrated or a rule is broken)."""

    class InputSerializer(serializers.Serializer):
        lock_version = serializers.IntegerField(min_value=0, help_text=LOCK_VERSION_HELP)

    OutputSerializer = ForumViewSerializer

    @extend_schema(
        operation_id="evaluation_forum_lock",
        request=InputSerializer,
        responses={200: ForumViewSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        forum = permissions.get_forum_for_user_or_404(request.user, pk)
        if not permissions.can_lock_forum(request.user, forum.agency):
            raise PermissionDenied  # locking publishes: the OPD head or Admin BKPSDM
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.forum_lock(actor=request.user, forum=forum, **serializer.validated_data)
        return _forum_response(request, forum)

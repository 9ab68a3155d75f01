"""Account API: obtain and revoke an API token; "who am I" for API clients."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "locked_out"
    default_detail = gettext_lazy("Too many failed log-in attempts. Try again later.")


class AuthTokenApi(APIView):
    """POST: exchange a username or NIP and a password for an API token. DELETE: revoke the caller's token."""

    throttle_scope = "token"

    class InputSerializer(serializers.Serializer):
        username = serializers.CharField(max_length=150, help_text=gettext_lazy("Username or 18-digit NIP."))
        password = serializers.CharField(max_length=128, style={"input_type": "password"}, trim_whitespace=False)

    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField()

    def get_authenticators(self) -> list[BaseAuthentication]:
        # Obtaining a token needs no prior identity; skipping session auth also skips its CSRF check.
        if self.request is not None and self.request.method == "POST":
            return []
        return super().get_authenticators()

    def get_permissions(self) -> list[BasePermission]:
        if self.request.method == "POST":
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_throttles(self) -> list[BaseThrottle]:
        # Password guessing is slowed twice: per IP here, per username+IP by django-axes.
        return [ScopedRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="auth_token_obtain",
        request=InputSerializer,
        responses={200: OutputSerializer, 400: OpenApiResponse(description="Wrong username/NIP or password.")},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        django_request = request._request
        # Through authenticate() so that the NIP backend and django-axes see the attempt.
        user = authenticate(
            request=django_request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if getattr(django_request, "axes_locked_out", False):
            # Axes' middleware would swap our JSON for its HTML lockout page; answer in the API's shape.
            django_request.axes_locked_out = False
            raise LockedOut(
                _("Too many failed log-in attempts. Try again in %(minutes)d minutes.")
                % {"minutes": round(settings.AXES_COOLOFF_TIME * 60)}
            )
        if user is None:
            raise exceptions.ValidationError(
                {"non_field_errors": [_("The username/NIP or the password is wrong, or the account is inactive.")]}
            )
        token, _created = Token.objects.get_or_create(user=user)
        return Response(self.OutputSerializer({"token": token.key}).data)

    @extend_schema(operation_id="auth_token_revoke", request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class _HolderSerializer(serializers.Serializer):
    employee_id = serializers.IntegerField(source="employee.pk")
    name = serializers.CharField(source="employee.full_name")
    position_id = serializers.IntegerField(source="position.pk")
    position = serializers.CharField(source="position.name")
    kind = serializers.CharField(help_text=gettext_lazy("definitif, plt or plh"))


class MeApi(APIView):
    """The caller: employee card, situation today, granted roles and the roles that follow from the position tree."""

    class OutputSerializer(serializers.Serializer):
        class EmployeeSerializer(serializers.Serializer):
            id = serializers.IntegerField()
            nip = serializers.CharField()
            name = serializers.CharField()
            full_name = serializers.CharField()
            employment_type = serializers.CharField()
            rank = serializers.CharField(source="rank.code", allow_null=True, default=None)
            email = serializers.EmailField()

        class SituationSerializer(serializers.Serializer):
            day = serializers.DateField()
            position_id = serializers.IntegerField(source="position.pk", allow_null=True, default=None)
            position = serializers.CharField(source="position.name", allow_null=True, default=None)
            unit_id = serializers.IntegerField(source="unit.pk", allow_null=True, default=None)
            unit = serializers.CharField(source="unit.name", allow_null=True, default=None)
            pejabat_penilai = _HolderSerializer(allow_null=True)
            atasan_pejabat_penilai = _HolderSerializer(allow_null=True)

        class RoleSerializer(serializers.Serializer):
            role = serializers.CharField()
            role_display = serializers.CharField(source="get_role_display")
            scope_id = serializers.IntegerField(source="scope.pk")
            scope = serializers.CharField(source="scope.name")

        class UnitSerializer(serializers.Serializer):
            id = serializers.IntegerField()
            name = serializers.CharField()

        username = serializers.CharField()
        employee = EmployeeSerializer(allow_null=True)
        situation = SituationSerializer(allow_null=True)
        roles = RoleSerializer(many=True)
        is_supervisor = serializers.BooleanField()
        heads_unit = UnitSerializer(allow_null=True)

    @extend_schema(operation_id="me", responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        actor = actor_for(request.user)
        payload: dict[str, Any] = {
            "username": request.user.get_username(),
            "employee": actor.employee,
            "situation": org_selectors.situation_on(actor.employee) if actor.employee else None,
            "roles": actor.grants,
            "is_supervisor": actor.is_supervisor,
            "heads_unit": actor.heads_unit,
        }
        return Response(self.OutputSerializer(payload).data)

"""API helpers: one JSON error shape {"error": {"code", "message", "fields"}}, pagination, query filters."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular import openapi
from rest_framework import exceptions
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler


def _fields(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {str(k): [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in detail.items()}
    return {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        fields = _fields(exc.detail)
        message = _("The input is not valid.")
        if list(fields) == ["non_field_errors"]:
            message = fields["non_field_errors"][0]
    else:
        fields = {}
        message = str(exc.detail) if not isinstance(exc.detail, (list, dict)) else _("Request failed.")
    code = exc.default_code
    response.data = {"error": {"code": code, "message": message, "fields": fields}}
    return response


def paginated_response(
    *, request: Request, view: APIView, queryset: QuerySet[Any], serializer_class: type[BaseSerializer[Any]]
) -> Response:
    """A LimitOffset page of ``queryset``: {"count", "next", "previous", "results"}."""
    paginator = LimitOffsetPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    serializer = serializer_class(page, many=True, context={"request": request})
    return paginator.get_paginated_response(serializer.data)


def validated_filters(serializer_class: type[BaseSerializer[Any]], request: Request) -> dict[str, Any]:
    """Query-string filters checked by a FilterSerializer; bad ones raise a 400 naming the parameter."""
    serializer = serializer_class(data=request.query_params, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class AutoSchema(openapi.AutoSchema):
    """Names schema components after the enclosing API class.

    Every API nests an ``InputSerializer``/``OutputSerializer`` (style.md §2.2 rule 6); named by
    class name alone they would all collide as "Input"/"Output" in the OpenAPI components.
    """

    def get_serializer_name(self, serializer: BaseSerializer[Any], direction: str) -> str:
        parts = type(serializer).__qualname__.split(".")
        return "".join(_strip_suffix(part.lstrip("_")) for part in parts if part != "<locals>")


def _strip_suffix(name: str) -> str:
    for suffix in ("Serializer", "Api"):
        if name.endswith(suffix) and name != suffix:
            return name[: -len(suffix)]
    return name

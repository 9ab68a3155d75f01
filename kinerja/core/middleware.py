"""Benchmark support: report how many SQL queries a response cost, in a header."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class QueryCountHeaderMiddleware:
    """Adds ``X-Query-Count`` when KINERJA_QUERY_COUNT_HEADER is on (make bench only)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not settings.KINERJA_QUERY_COUNT_HEADER:
            raise MiddlewareNotUsed  # Django drops it from the chain: nothing to check per request
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response


class IndonesianFirstLocaleMiddleware:
    """Activate the language the user chose (the set_language cookie), otherwise Indonesian.

    Unlike Django's LocaleMiddleware, pages ignore the browser's Accept-Language: most office
    PCs and phones here send en-US, and the product is Indonesian first (product.md §4).
    API clients are programs that ask for a language on purpose, so /api/ honours the header.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            chosen = translation.get_language_from_request(request)
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response

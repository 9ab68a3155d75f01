"""The authorization matrix: every URL of the project, requested as every member of the cast.

1. Every URL pattern must have a Rule (``kinerja.<app>.tests.access_matrix`` for HTML pages,
   ``kinerja.<app>.tests.api_access_matrix`` for the API): a new page without a rule fails here.
2. For each rule, every cast member and an anonymous visitor request the URL: those allowed get
   the rule's status; the others are refused (403/404; anonymous: 302 to the login page for HTML,
   401 for the API).

Patterns outside our code are handled here: the Django admin (one check, below), ``set_language``,
the OpenAPI schema and its docs (public: they describe the interface, not data), and ``healthz``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.organization.tests.factories import EmployeeFactory

# Every app of ours, so a new app cannot slip past the matrix by not being listed here.
APPS = tuple(app.rsplit(".", 1)[1] for app in settings.INSTALLED_APPS if app.startswith("kinerja."))
MATRIX_MODULES = ("access_matrix", "api_access_matrix")
ANONYMOUS = "anonymous"

# Everything under /admin/ is Django's; one check below proves it refuses the whole cast.
ADMIN_NAMESPACE = "admin"

# Used only for names that no app's matrix module claims.
EXTERNAL_RULES: dict[str, Rule] = {
    "healthz": Rule(public=True),
    "set_language": Rule(
        public=True, method="post", data=lambda c: {"language": "en", "next": "/healthz"}, ok_status=(302,)
    ),
    # Public by decision: the schema documents the interface (no data), and integrators
    # (SIASN bridges, dashboards) read it before they have a token.
    "api-schema": Rule(public=True),
    "api-docs": Rule(public=True),
}


def iter_url_patterns(
    patterns: list[Any] | None = None, namespaces: tuple[str, ...] = (), prefix: str = ""
) -> Iterator[tuple[str | None, str]]:
    """Every URL pattern of the project as ("namespace:name" or None when unnamed, route)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from iter_url_patterns(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            yield (":".join((*namespaces, pattern.name)) if pattern.name else None), route


def load_rules() -> tuple[dict[str, Rule], dict[str, str], list[str]]:
    """RULES of every matrix module that exists, the module each came from, and conflicts."""
    rules: dict[str, Rule] = {}
    origin: dict[str, str] = {}
    problems: list[str] = []
    for app in APPS:
        for module_name in MATRIX_MODULES:
            dotted = f"kinerja.{app}.tests.{module_name}"
            try:
                module = importlib.import_module(dotted)
            except ModuleNotFoundError as exc:
                if exc.name == dotted:
                    continue  # that app has no pages of this kind (yet)
                raise
            for key, rule in module.RULES.items():
                if key in rules:
                    problems.append(f"{key}: declared in both {origin[key]} and {dotted}")
                    continue
                rules[key] = rule
                origin[key] = dotted
    for key, rule in EXTERNAL_RULES.items():
        rules.setdefault(key, rule)
        origin.setdefault(key, __name__)
    return rules, origin, problems


RULES, ORIGIN, CONFLICTS = load_rules()
URL_KEYS = sorted({key for key, _route in iter_url_patterns() if key is not None})
CHECKED_KEYS = [key for key in URL_KEYS if key in RULES and not key.startswith(f"{ADMIN_NAMESPACE}:")]


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years),
    # and this module builds one cast per URL.
    EmployeeFactory.reset_sequence()


def test_every_url_pattern_has_a_rule() -> None:
    missing = sorted(
        f"{key or '(unnamed)'}  ->  /{route}"
        for key, route in iter_url_patterns()
        if key is None or key not in RULES
        if not (key or "").startswith(f"{ADMIN_NAMESPACE}:") and not route.startswith("admin/")
    )
    assert not missing, "URL patterns without a Rule in any <app>/tests/(api_)access_matrix.py:\n" + "\n".join(missing)


def test_no_url_has_two_rules() -> None:
    assert not CONFLICTS, "\n".join(CONFLICTS)


def test_every_rule_names_an_existing_url_and_known_cast_members() -> None:
    stale = [f"{key} (from {ORIGIN[key]})" for key in RULES if key not in URL_KEYS]
    unknown = [f"{key}: {sorted(rule.allowed - EVERYONE)}" for key, rule in RULES.items() if rule.allowed - EVERYONE]
    assert not stale, "Rules for URL names that do not exist:\n" + "\n".join(stale)
    assert not unknown, "Rules allowing people who are not in the cast:\n" + "\n".join(unknown)


def _request(client: Client, rule: Rule, url: str, cast: Cast, is_api: bool) -> HttpResponse:
    data = rule.data(cast) if rule.data else {}
    if rule.method == "get":
        return client.get(url, data)
    send = getattr(client, rule.method)
    if is_api or rule.method in ("put", "patch", "delete"):
        return send(url, json.dumps(data), content_type="application/json")  # type: ignore[no-any-return]
    return send(url, data)  # type: ignore[no-any-return]


def _refusal_problem(response: HttpResponse, member: str, is_api: bool) -> str | None:
    status = response.status_code
    if member != ANONYMOUS:
        return None if status in (403, 404) else f"got {status}, expected 403 or 404"
    if is_api:
        return None if status == 401 else f"got {status}, expected 401"
    login = resolve_url(settings.LOGIN_URL)
    location = response.get("Location", "")
    if status == 302 and location.split("?")[0] == login:
        return None
    return f"got {status} {location}, expected 302 to {login}"


@pytest.mark.parametrize("key", CHECKED_KEYS)
def test_url_answers_each_cast_member_as_its_rule_says(key: str, cast: Cast) -> None:
    rule = RULES[key]
    if rule.skip_reason:
        pytest.skip(rule.skip_reason)
    url = reverse(key, kwargs=rule.kwargs(cast) if rule.kwargs else None)
    is_api = key.startswith("api:")
    problems: list[str] = []
    for member in sorted(EVERYONE) + [ANONYMOUS]:
        client = Client()
        if member != ANONYMOUS:
            client.force_login(cast.user(member))
        response = _request(client, rule, url, cast, is_api)
        if rule.public or member in rule.allowed:
            if response.status_code not in rule.ok_status:
                problems.append(f"{member}: got {response.status_code}, expected {rule.ok_status}")
            continue
        problem = _refusal_problem(response, member, is_api)
        if problem:
            problems.append(f"{member}: {problem}")
    assert not problems, f"{rule.method.upper()} {url} ({ORIGIN[key]}):\n" + "\n".join(problems)


# --- The Django admin ---------------------------------------------------------------------


def test_admin_refuses_every_cast_member_who_is_not_staff(cast: Cast) -> None:
    assert not any(u.is_staff or u.is_superuser for u in cast.users.values())
    admin_login = reverse("admin:login")
    for member in sorted(EVERYONE) + [ANONYMOUS]:
        client = Client()
        if member != ANONYMOUS:
            client.force_login(cast.user(member))
        response = client.get("/admin/")
        assert response.status_code == 302, member
        assert response["Location"].startswith(admin_login), member


def test_every_admin_page_without_arguments_refuses_a_logged_in_employee(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.user("admin_bkpsdm"))
    admin_login = reverse("admin:login")
    checked = 0
    for key, _route in iter_url_patterns():
        if not key or not key.startswith(f"{ADMIN_NAMESPACE}:") or key in ("admin:login", "admin:logout"):
            continue
        try:
            url = reverse(key)
        except NoReverseMatch:
            continue  # needs an object id; covered by the same admin_view wrapper
        response = client.get(url)
        assert response.status_code == 302, f"{key}: {response.status_code}"
        assert response["Location"].startswith(admin_login), key
        checked += 1
    assert checked > 10


def test_superuser_reaches_the_admin(cast: Cast) -> None:
    user = cast.user("admin_bkpsdm")
    user.is_staff = user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


# --- The API schema and docs: public by decision --------------------------------------------


def test_api_schema_is_public_and_valid_openapi_3(db: None) -> None:
    from drf_spectacular.validation import validate_schema

    response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/employees/" in schema["paths"]
    validate_schema(schema)


def test_api_docs_are_public_and_use_local_assets(db: None) -> None:
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "cdn.jsdelivr.net" not in page

"""Token authentication and "who am I" through the REST API."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.accounts.tests.factories import PASSWORD
from kinerja.core.testing import Cast
from kinerja.organization.tests.factories import EmployeeFactory

TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _fresh_state() -> None:
    # The token throttle counts in the cache, which outlives a test.
    cache.clear()
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


@pytest.fixture
def api() -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_token_url_is_named_auth_token() -> None:
    assert reverse("api:auth-token") == TOKEN_URL


def test_token_is_issued_for_username_and_password(cast: Cast, api: APIClient) -> None:
    response = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=cast.user("staff")).key}


def test_token_is_issued_for_nip_typed_with_spaces(cast: Cast, api: APIClient) -> None:
    nip = cast.employee("staff").nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    response = api.post(TOKEN_URL, {"username": spaced, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=cast.user("staff")).key


def test_second_request_returns_the_same_token(cast: Cast, api: APIClient) -> None:
    first = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json").json()
    second = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json").json()
    assert first == second


def test_wrong_password_is_a_400_in_the_one_error_shape(cast: Cast, api: APIClient) -> None:
    response = api.post(TOKEN_URL, {"username": "staff", "password": "wrong-password"}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "The username/NIP or the password is wrong, or the account is inactive."
    assert set(error["fields"]) == {"non_field_errors"}
    assert not Token.objects.exists()


def test_missing_password_names_the_field(cast: Cast, api: APIClient) -> None:
    response = api.post(TOKEN_URL, {"username": "staff"}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == "The input is not valid."
    assert error["fields"] == {"password": ["This field is required."]}


def test_inactive_account_gets_no_token(cast: Cast, api: APIClient) -> None:
    user = cast.user("staff")
    user.is_active = False
    user.save()
    response = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json")
    assert response.status_code == 400


def test_token_authenticates_later_requests(cast: Cast, api: APIClient) -> None:
    token = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json").json()["token"]
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["username"] == "staff"


def test_request_without_credentials_is_a_401_in_the_one_error_shape(cast: Cast, api: APIClient) -> None:
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response.json()["error"]["fields"] == {}


def test_unknown_token_is_a_401(cast: Cast) -> None:
    response = APIClient(HTTP_AUTHORIZATION="Token not-a-real-token").get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_delete_revokes_the_token(cast: Cast, api: APIClient) -> None:
    token = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json").json()["token"]
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.delete(TOKEN_URL).status_code == 204
    assert not Token.objects.filter(key=token).exists()
    assert client.get("/api/v1/me/").status_code == 401


def test_delete_without_credentials_is_a_401(cast: Cast, api: APIClient) -> None:
    assert api.delete(TOKEN_URL).status_code == 401


def test_token_requests_are_throttled_per_client(cast: Cast, api: APIClient) -> None:
    statuses = [
        api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json").status_code for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    response = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json")
    assert response.json()["error"]["code"] == "throttled"


def test_repeated_wrong_passwords_lock_the_login_with_a_json_error(cast: Cast, api: APIClient) -> None:
    for _ in range(4):
        bad = api.post(TOKEN_URL, {"username": "staff", "password": "wrong-password"}, format="json")
        assert bad.status_code == 400
    locked = api.post(TOKEN_URL, {"username": "staff", "password": "wrong-password"}, format="json")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["error"]["code"] == "locked_out"
    # Even the right password is refused while the lock lasts.
    right = api.post(TOKEN_URL, {"username": "staff", "password": PASSWORD}, format="json")
    assert right.status_code == 429
    assert not Token.objects.exists()


def test_me_shows_staff_card_situation_and_no_roles(cast: Cast, api: APIClient) -> None:
    api.force_authenticate(cast.user("staff"))
    body = api.get("/api/v1/me/").json()
    staff = cast.employee("staff")
    assert body["employee"]["id"] == staff.pk
    assert body["employee"]["nip"] == staff.nip
    assert body["employee"]["rank"] == "III/a"
    situation = body["situation"]
    assert situation["position"] == "Analis A1"
    assert situation["unit_id"] == cast.bidang_a1.pk
    assert situation["pejabat_penilai"]["employee_id"] == cast.employee("supervisor").pk
    assert situation["pejabat_penilai"]["kind"] == "definitif"
    assert situation["atasan_pejabat_penilai"]["employee_id"] == cast.employee("opd_head").pk
    assert body["roles"] == []
    assert body["is_supervisor"] is False
    assert body["heads_unit"] is None


def test_me_shows_the_supervisor_heads_the_bidang(cast: Cast, api: APIClient) -> None:
    api.force_authenticate(cast.user("supervisor"))
    body = api.get("/api/v1/me/").json()
    assert body["is_supervisor"] is True
    assert body["heads_unit"] == {"id": cast.bidang_a1.pk, "name": "Bidang A1"}


def test_me_lists_granted_roles_with_their_scope(cast: Cast, api: APIClient) -> None:
    api.force_authenticate(cast.user("admin_opd"))
    body = api.get("/api/v1/me/").json()
    assert body["roles"] == [
        {
            "role": "admin_opd",
            "role_display": "Admin OPD (pengelola kinerja)",
            "scope_id": cast.opd_a.pk,
            "scope": "Dinas A",
        }
    ]


def test_me_of_someone_without_a_post_has_an_empty_situation(cast: Cast, api: APIClient) -> None:
    api.force_authenticate(cast.user("auditor"))
    body = api.get("/api/v1/me/").json()
    assert body["situation"]["position"] is None
    assert body["situation"]["pejabat_penilai"] is None
    assert body["roles"][0]["role"] == "auditor"


def test_schema_names_each_api_serializer_after_its_api(db: None) -> None:
    # Needs REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "kinerja.core.api.AutoSchema": otherwise every nested
    # InputSerializer/OutputSerializer collides as one "Input"/"Output" component and the docs are wrong.
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    components = schema["components"]["schemas"]
    assert {"AuthTokenInput", "AuthTokenOutput", "MeOutput", "EmployeeDetailOutput"} <= set(components)
    assert "Output" not in components

"""Account pages over HTTP: log in by username or NIP, log out, change and reset the password."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.exceptions import NON_FIELD_ERRORS
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.forms import LoginForm
from kinerja.accounts.tests.factories import PASSWORD
from kinerja.core.testing import Cast
from kinerja.organization.tests.factories import EmployeeFactory

LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _fresh_nip_sequence() -> None:
    # Workaround until EmployeeFactory's NIP sequence stays valid past a few hundred employees.
    EmployeeFactory.reset_sequence()


def test_login_page_labels_the_field_nip_or_username(client: Client, db: None) -> None:
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_username"' in html
    assert "NIP atau nama pengguna" in html or "NIP or username" in html


def test_staff_logs_in_with_their_username_and_lands_on_home(client: Client, cast: Cast) -> None:
    response = client.post(LOGIN, {"username": "staff", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert client.get(reverse("core:home")).context["user"] == cast.user("staff")


def test_staff_logs_in_with_their_nip_typed_with_spaces(client: Client, cast: Cast) -> None:
    nip_with_spaces = cast.employee("staff").nip_display
    assert " " in nip_with_spaces
    response = client.post(LOGIN, {"username": nip_with_spaces, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == cast.user("staff")


def test_wrong_password_keeps_the_user_out_with_a_clear_message(client: Client, cast: Cast) -> None:
    response = client.post(LOGIN, {"username": "staff", "password": "not-the-password"})
    assert response.status_code == 200
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "invalid_login")
    with translation.override("id"):
        message = str(LoginForm.error_messages["invalid_login"])
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_wrong_passwords_lock_the_login_with_an_explanation(
    client: Client, cast: Cast, settings: object
) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "staff", "password": "not-the-password"})
    response = client.post(LOGIN, {"username": "staff", "password": PASSWORD})
    assert response.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in response.templates]
    assert "_auth_user_id" not in client.session


def test_login_redirects_to_the_requested_page(client: Client, cast: Cast) -> None:
    target = reverse("organization:employee-list")
    response = client.post(f"{LOGIN}?next={target}", {"username": "staff", "password": PASSWORD, "next": target})
    assert response["Location"] == target


def test_logout_is_a_post_and_ends_the_session(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_rejects_a_wrong_old_password_then_accepts_the_right_one(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    url = reverse("accounts:password-change")
    new = "Lhokseumawe-2026-baru"
    response = client.post(url, {"old_password": "wrong", "new_password1": new, "new_password2": new})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    response = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response["Location"] == reverse("accounts:password-change-done")
    cast.user("staff").refresh_from_db()
    assert cast.user("staff").check_password(new)


def test_password_reset_mails_a_link_that_sets_a_new_password(client: Client, cast: Cast) -> None:
    user = cast.user("staff")
    user.email = "alice@example.go.id"
    user.save(update_fields=["email"])
    response = client.post(reverse("accounts:password-reset"), {"email": "alice@example.go.id"})
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    new = "Lhokseumawe-2026-baru"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response["Location"] == reverse("accounts:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password(new)


def test_a_tampered_reset_link_explains_that_it_no_longer_works(client: Client, cast: Cast) -> None:
    url = reverse("accounts:password-reset-confirm", kwargs={"uidb64": "MQ", "token": "set-password"})
    response = client.get(url)
    assert response.status_code == 200
    assert reverse("accounts:password-reset") in response.content.decode()
    assert 'name="new_password1"' not in response.content.decode()

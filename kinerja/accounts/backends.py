"""Log in with a NIP (18 digits, spaces allowed) or a username."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from kinerja.organization.nip import normalize


class NipOrUsernameBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if username is None or password is None:
            return None
        user_model = get_user_model()
        candidate = normalize(username)
        lookup = (
            {"employee__nip": candidate}
            if candidate.isdigit() and len(candidate) == 18
            else {"username__iexact": username.strip()}
        )
        try:
            user = user_model.objects.get(**lookup)
        except user_model.DoesNotExist:
            # Spend the same time as a real check so timing does not reveal which logins exist.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

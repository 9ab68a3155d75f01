"""Run inside Django against one bench database: log the demo users in server-side and resolve the pages.

Sessions are created with the session store (not through the login form) so the benchmark does not depend on
the login page or trip the login throttle. Prints one JSON document for bench/run.py.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from pages import PAGES  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from kinerja.accounts.models import User  # noqa: E402

BACKEND = "kinerja.accounts.backends.NipOrUsernameBackend"


def session_for(user: User) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return str(store.session_key)


def main() -> None:
    sessions: dict[str, str] = {}
    tokens: dict[str, str] = {}
    resolved = []
    for page in PAGES:
        headers: dict[str, str] = {}
        if page.user is not None:
            user = User.objects.get(username=page.user)
            if page.auth == "token":
                if page.user not in tokens:
                    tokens[page.user] = Token.objects.get_or_create(user=user)[0].key
                headers["Authorization"] = f"Token {tokens[page.user]}"
            else:
                if page.user not in sessions:
                    sessions[page.user] = session_for(user)
                headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={sessions[page.user]}"
        path = page.path() if callable(page.path) else page.path
        resolved.append({"name": page.name, "path": path, "user": page.user, "auth": page.auth, "headers": headers})
    print(json.dumps({"pages": resolved}))


if __name__ == "__main__":
    main()

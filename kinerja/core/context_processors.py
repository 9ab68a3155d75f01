"""Template context shared by every page: the navigation of the user's roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"instance_name": settings.KINERJA_INSTANCE_NAME}

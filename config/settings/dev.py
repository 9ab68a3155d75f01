"""Local development: debug on, throw-away secret key."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings.base import *  # noqa: E402,F403

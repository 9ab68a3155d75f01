"""Who may open the core HTML pages (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

RULES = {
    # Every logged-in person has a home page; its content depends on their roles (test_views.py).
    "core:home": Rule(allowed=EVERYONE),
}

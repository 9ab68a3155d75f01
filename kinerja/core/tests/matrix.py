"""The vocabulary of the authorization matrix (see test_authorization_matrix.py).

Each app declares, in ``<app>/tests/access_matrix.py``, a dict ``RULES`` mapping every
URL name it owns (``"namespace:name"``, API ones as ``"api:name"``) to a Rule. The matrix
test resolves every URL pattern of the project and fails when one has no Rule, then
requests each one as every member of the cast (plus an anonymous visitor) and checks
the status against the Rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kinerja.core.testing import Cast

# Everyone in the cast (see kinerja/core/testing.py). "anonymous" is added by the test.
EVERYONE = frozenset(
    {
        "staff",
        "colleague",
        "supervisor",
        "opd_head",
        "other_staff",
        "other_head",
        "admin_opd",
        "admin_bkpsdm",
        "auditor",
        "leader",
    }
)


@dataclass(frozen=True)
class Rule:
    """Who may use one URL.

    allowed: cast members who get ``ok_status``; everyone else, and the anonymous
    visitor, must be refused (403/404, or a redirect to the login page for HTML).
    kwargs: builds the URL's arguments from the cast, e.g. ``lambda c: {"pk": c.employee("staff").pk}``.
    public: the URL needs no login at all (health check, login page, verification pages).
    skip_reason: for URLs that cannot be requested generically (say why).
    """

    allowed: frozenset[str] = field(default_factory=frozenset)
    kwargs: Callable[[Cast], dict[str, Any]] | None = None
    method: str = "get"
    data: Callable[[Cast], dict[str, Any]] | None = None
    ok_status: tuple[int, ...] = (200,)
    public: bool = False
    skip_reason: str = ""

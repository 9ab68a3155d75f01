"""Who may use the organisation API (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

# Alice (staff, Bidang A1 of Dinas A) is visible to her OPD, her superiors and the city-wide roles,
# not to Dinas B (product.md §2, organization/permissions.py).
SEES_STAFF = frozenset(
    {"staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"}
)

RULES = {
    # The structure of the government is visible to every logged-in user.
    "api:org-unit-list": Rule(allowed=EVERYONE),
    "api:org-unit-detail": Rule(allowed=EVERYONE, kwargs=lambda c: {"pk": c.bidang_a1.pk}),
    "api:position-list": Rule(allowed=EVERYONE),
    "api:position-detail": Rule(allowed=EVERYONE, kwargs=lambda c: {"pk": c.positions["staff"].pk}),
    # Everyone may list; the rows are scoped (test_api.py checks which).
    "api:employee-list": Rule(allowed=EVERYONE),
    "api:employee-detail": Rule(allowed=SEES_STAFF, kwargs=lambda c: {"pk": c.employee("staff").pk}),
}

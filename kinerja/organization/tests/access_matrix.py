"""Who may open the organisation pages (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

# Alice (staff, Bidang A1 of Dinas A) is visible to her OPD, her superiors and the city-wide roles,
# not to Dinas B (organization/permissions.py).
SEES_STAFF = frozenset(
    {"staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"}
)

RULES = {
    # Everyone may search; the rows are scoped (test_views.py checks which).
    "organization:employee-list": Rule(allowed=EVERYONE),
    "organization:employee-detail": Rule(allowed=SEES_STAFF, kwargs=lambda c: {"pk": c.employee("staff").pk}),
    # Every cast member has an employee record: a redirect to their own page.
    "organization:my-profile": Rule(allowed=EVERYONE, ok_status=(302,)),
    # The structure is public inside the government; holders' names are filtered (test_views.py).
    "organization:unit-list": Rule(allowed=EVERYONE),
    "organization:unit-detail": Rule(allowed=EVERYONE, kwargs=lambda c: {"pk": c.opd_a.pk}),
}

"""Who may open the audit pages (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import Rule

RULES = {
    # The browser is for auditors and HR admins (audit/permissions.py).
    "audit:event-list": Rule(allowed=frozenset({"admin_opd", "admin_bkpsdm", "auditor"})),
    # Alice's trail: herself, and trail roles who may see her personal data. Her colleagues and
    # superiors are refused (403); Dinas B and the anonymous visitor never learn she exists (404/login).
    "audit:employee-trail": Rule(
        allowed=frozenset({"staff", "admin_opd", "admin_bkpsdm", "auditor"}),
        kwargs=lambda c: {"pk": c.employee("staff").pk},
    ),
}

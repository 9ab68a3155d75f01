"""Who may use the audit API (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

RULES = {
    # Everyone may read the trail of their own record; the rows are scoped (test_api.py checks which).
    "api:audit-event-list": Rule(allowed=EVERYONE),
}

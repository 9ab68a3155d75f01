"""Who may use the account API (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

RULES = {
    # POST (obtain) is public and rate-limited; tested in test_api.py. The matrix checks that
    # revoking needs an identity: every member may revoke their own token, anonymous gets 401.
    "api:auth-token": Rule(allowed=EVERYONE, method="delete", ok_status=(204,)),
    "api:me": Rule(allowed=EVERYONE),
}

"""Who may open the account pages (see kinerja/core/tests/matrix.py)."""

from kinerja.core.tests.matrix import EVERYONE, Rule

RULES = {
    # The login page sends people who are already logged in on to their home page.
    "accounts:login": Rule(public=True, ok_status=(200, 302)),
    # Logging out needs no session: it ends one if there is one (POST only).
    "accounts:logout": Rule(public=True, method="post", ok_status=(302,)),
    "accounts:password-change": Rule(allowed=EVERYONE),
    "accounts:password-change-done": Rule(allowed=EVERYONE),
    # Password reset is for people who cannot log in.
    "accounts:password-reset": Rule(public=True),
    "accounts:password-reset-done": Rule(public=True),
    # An invalid link renders the "link no longer works" page.
    "accounts:password-reset-confirm": Rule(public=True, kwargs=lambda c: {"uidb64": "MQ", "token": "invalid-token"}),
    "accounts:password-reset-complete": Rule(public=True),
}

"""Who may open the import pages (see kinerja/core/tests/matrix.py): Admin BKPSDM only."""

from __future__ import annotations

from typing import Any

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import Rule
from kinerja.imports.tests.files import mini_city
from kinerja.imports.tests.helpers import check
from kinerja.imports.tests.synthetic import to_csv

ADMIN_BKPSDM = frozenset({"admin_bkpsdm"})


def _checked_job(cast: Cast) -> dict[str, Any]:
    """A job uploaded by Bea and checked without errors, ready to apply."""
    return {"pk": check(to_csv(mini_city()), actor=cast.user("admin_bkpsdm")).pk}


RULES = {
    "imports:upload": Rule(allowed=ADMIN_BKPSDM),
    "imports:job-detail": Rule(allowed=ADMIN_BKPSDM, kwargs=_checked_job),
    "imports:job-progress": Rule(allowed=ADMIN_BKPSDM, kwargs=_checked_job),
    # Bea applies the job (302 back to the job page); everyone else is refused before anything runs.
    "imports:job-apply": Rule(allowed=ADMIN_BKPSDM, kwargs=_checked_job, method="post", ok_status=(302,)),
}

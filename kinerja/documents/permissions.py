"""Who may download which document. Reading an SKP document is reading the SKP (planning/permissions.py).

The verification pages are public by design (product.md §3.8): they show only what the paper
already shows to whoever holds it, with the NIP partly masked.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kinerja.documents import selectors
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.models import WorkPlan, WorkPlanVersion


def get_work_plan_for_user_or_404(user: Any, pk: int) -> WorkPlan:
    return planning_permissions.get_work_plan_for_user_or_404(user, pk)


def get_work_plan_version_for_user_or_404(user: Any, pk: int, version: int) -> tuple[WorkPlan, WorkPlanVersion]:
    """An approved version of an SKP the user may read; 404 for an unseen SKP or a version never approved."""
    plan = planning_permissions.get_work_plan_for_user_or_404(user, pk)
    stored = selectors.approved_version(plan, version)
    if stored is None:
        raise Http404
    return plan, stored

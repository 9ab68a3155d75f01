"""Reads of keberatan: the timeline everyone involved sees, and what waits for the penilai or the atasan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.core.permissions import is_authenticated
from kinerja.evaluation import permissions
from kinerja.evaluation.choices import ObjectionOutcome, ObjectionStatus
from kinerja.evaluation.models import Objection
from kinerja.organization import selectors as org_selectors


@dataclass(frozen=True)
class TimelineStep:
    label: str
    at: dt.datetime | None  # None: not happened yet
    by: str  # the person's name ("" when nobody acted yet)
    text: str
    due: dt.date | None = None  # the deadline of a step still waited for

    @property
    def done(self) -> bool:
        return self.at is not None

    @property
    def overdue(self) -> bool:
        return self.at is None and self.due is not None and self.due < org_selectors.today()


def _name(user: Any) -> str:
    if user is None:
        return ""
    employee = getattr(user, "employee", None)
    return employee.name if employee is not None else user.get_username()


def objection_timeline(obj: Objection) -> list[TimelineStep]:
    """Published → filed → the penilai's explanation → the atasan's final decision (PP 30/2019 Ps 59)."""
    ev = obj.evaluation
    decision = obj.decision_reason
    if obj.outcome:
        decision = f"{ObjectionOutcome(obj.outcome).label}: {obj.decision_reason}"
    return [
        TimelineStep(label=_("Result published"), at=ev.published_at, by="", text=""),
        TimelineStep(label=_("Keberatan filed"), at=obj.filed_at, by=_name(obj.filed_by), text=obj.reasons),
        TimelineStep(
            label=_("Explanation of the pejabat penilai"),
            at=obj.explained_at,
            by=_name(obj.explained_by),
            text=obj.explanation,
            due=None if obj.explained_at else obj.explanation_due,
        ),
        TimelineStep(
            label=_("Decision of the atasan pejabat penilai (final)"),
            at=obj.decided_at,
            by=_name(obj.decided_by),
            text=decision,
            due=None if obj.decided_at else obj.decision_due,
        ),
    ]


def objections_waiting_for(user: Any) -> list[Objection]:
    """Keberatan the user must explain (as penilai) or decide (as atasan penilai), oldest deadline first.

    The database narrows to the ones the user could be involved in; the permission predicates decide.
    """
    if not is_authenticated(user):
        return []
    actor = actor_for(user)
    me = actor.employee.pk if actor.employee is not None else None
    involved = Q(pk__in=[])
    if me is not None:
        involved |= Q(evaluation__penilai_id=me) | Q(evaluation__atasan_penilai_id=me)
    for position in actor.positions:
        # Today's holder of the penilai's position, or of a position above it (a successor of the atasan).
        involved |= Q(evaluation__work_plan__penilai_position__path__startswith=position.path)
    leader_paths = [scope.path for scope in actor.scopes(Role.REGIONAL_LEADER)]
    if leader_paths:
        nobody_above = Q(evaluation__atasan_penilai__isnull=True) | Q(evaluation__penilai__isnull=True)
        involved |= nobody_above & org_selectors.under_paths("evaluation__unit__path", leader_paths)
    candidates = (
        Objection.objects.filter(involved, status__in=(ObjectionStatus.FILED, ObjectionStatus.EXPLAINED))
        .exclude(evaluation__employee_id=me)
        .select_related(
            "evaluation__employee",
            "evaluation__period__year",
            "evaluation__work_plan__unit",
            "evaluation__work_plan__penilai_position",
            "evaluation__unit",
            "evaluation__penilai",
            "evaluation__atasan_penilai",
        )  # fmt: skip
        .order_by("decision_due", "filed_at", "pk")
        .distinct()
    )
    return [
        obj
        for obj in candidates
        if permissions.can_explain_objection(user, obj) or permissions.can_decide_objection(user, obj)
    ]

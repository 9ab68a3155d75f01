"""Who may see and act on daily progress, realisasi, evidence, feedback, dialogues and appreciation.

Rules (product.md §3.3; regulation.md §5):
- a record about someone's SKP (progress, realisasi, evidence, feedback) is seen by whoever sees that SKP
  (planning.permissions.work_plans_visible_to: the owner, penilai, atasan penilai, positions above, scoped
  Admin OPD / Admin BKPSDM / Auditor / Pimpinan daerah). Colleagues do not see each other's evidence;
- the owner logs progress and fills realisasi of their own APPROVED SKP, never in a locked period
  (its evaluation is published: regulation.md §5, pendokumentasian ends with the evaluation);
- the pejabat penilai (or whoever acts as penilai today) acknowledges progress and gives umpan balik;
- dialogues are recorded by the employee's supervisors (position above) or by Admin OPD/BKPSDM in scope
  (counselling is often done by the pengelola kepegawaian);
- appreciation is given by a supervisor or a colleague of the same agency, never to oneself, and read by the
  recipient's agency and the scoped roles.
Services re-check these predicates, so the HTML pages and the API cannot differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import Actor, actor_for
from kinerja.core.permissions import covers, get_visible_or_404, is_authenticated, is_superuser
from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    DialogueAction,
    Evidence,
    Feedback,
    ProgressEntry,
    Realization,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, Indicator, PlanItem, WorkPlan
from kinerja.planning.permissions import SCOPED_READ_ROLES, acts_as_penilai, work_plans_visible_to

_DIALOGUE_ADMIN_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM)


def _is_owner(user: Any, plan: WorkPlan) -> bool:
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    return actor.employee is not None and actor.employee.pk == plan.employee_id


def is_day_locked(day: dt.date) -> bool:
    """A day inside a period whose evaluation is published (locked_at set) is read-only."""
    return EvaluationPeriod.objects.filter(start_date__lte=day, end_date__gte=day, locked_at__isnull=False).exists()


def _positions_above(actor: Actor, employee: Employee) -> bool:
    """Whether the actor holds a position strictly above one of the employee's positions today."""
    if not actor.positions:
        return False
    theirs = org_selectors.positions_held(employee)
    return any(p.path.startswith(mine.path) and p.pk != mine.pk for p in theirs for mine in actor.positions)


# --- Daily progress ---------------------------------------------------------------------


def progress_visible_to(user: Any) -> QuerySet[ProgressEntry]:
    if not is_authenticated(user):
        return ProgressEntry.objects.none()
    return ProgressEntry.objects.filter(item__work_plan__in=work_plans_visible_to(user))


def get_progress_for_user_or_404(user: Any, pk: Any) -> ProgressEntry:
    return get_visible_or_404(progress_visible_to(user).select_related("employee", "item__work_plan__unit"), pk=pk)


def can_add_progress(user: Any, item: PlanItem) -> bool:
    """The owner of an APPROVED SKP logs progress against its RHK (the day is checked by the service)."""
    plan = item.work_plan
    return plan.status == WorkPlanStatus.APPROVED and _is_owner(user, plan)


def can_edit_progress(user: Any, entry: ProgressEntry) -> bool:
    """The owner edits or deletes their entry until its period is locked."""
    return can_add_progress(user, entry.item) and not is_day_locked(entry.day)


def can_acknowledge_progress(user: Any, entry: ProgressEntry) -> bool:
    return acts_as_penilai(user, entry.item.work_plan)


def can_comment_progress(user: Any, entry: ProgressEntry) -> bool:
    """A conversation between the owner and the penilai."""
    plan = entry.item.work_plan
    return _is_owner(user, plan) or acts_as_penilai(user, plan)


# --- Realisasi ---------------------------------------------------------------------------


def realizations_visible_to(user: Any) -> QuerySet[Realization]:
    if not is_authenticated(user):
        return Realization.objects.none()
    return Realization.objects.filter(indicator__item__work_plan__in=work_plans_visible_to(user))


def get_realization_for_user_or_404(user: Any, pk: Any) -> Realization:
    return get_visible_or_404(
        realizations_visible_to(user).select_related("indicator__item__work_plan", "period"), pk=pk
    )


def can_set_realization(user: Any, indicator: Indicator, period: EvaluationPeriod) -> bool:
    """The owner of the APPROVED SKP, for a period of the SKP's year that is not locked."""
    plan = indicator.item.work_plan
    return (
        plan.status == WorkPlanStatus.APPROVED
        and period.year_id == plan.year_id
        and not period.is_locked
        and _is_owner(user, plan)
    )


# --- Evidence ----------------------------------------------------------------------------


def evidence_visible_to(user: Any) -> QuerySet[Evidence]:
    """Evidence of a progress entry or a realisasi the user may read; nobody else learns it exists."""
    if not is_authenticated(user):
        return Evidence.objects.none()
    plans = work_plans_visible_to(user)
    return Evidence.objects.filter(
        Q(progress_entry__item__work_plan__in=plans) | Q(realization__indicator__item__work_plan__in=plans)
    )


def get_evidence_for_user_or_404(user: Any, pk: Any) -> Evidence:
    """The download view's only way to a file: a guessed id of someone else's evidence is a 404."""
    return get_visible_or_404(evidence_visible_to(user).select_related("owner"), pk=pk)


def _evidence_plan(evidence: Evidence) -> WorkPlan:
    if evidence.progress_entry_id:
        return evidence.progress_entry.item.work_plan
    return evidence.realization.indicator.item.work_plan


def can_delete_evidence(user: Any, evidence: Evidence) -> bool:
    """The owner, while the record it supports is still editable."""
    if evidence.progress_entry_id:
        return can_edit_progress(user, evidence.progress_entry)
    realization = evidence.realization
    return can_set_realization(user, realization.indicator, realization.period)


# --- Feedback ----------------------------------------------------------------------------


def feedback_visible_to(user: Any) -> QuerySet[Feedback]:
    if not is_authenticated(user):
        return Feedback.objects.none()
    return Feedback.objects.filter(work_plan__in=work_plans_visible_to(user))


def get_feedback_for_user_or_404(user: Any, pk: Any) -> Feedback:
    return get_visible_or_404(
        feedback_visible_to(user).select_related("work_plan__employee", "work_plan__unit", "author"), pk=pk
    )


def can_give_feedback(user: Any, work_plan: WorkPlan) -> bool:
    """Umpan balik berkelanjutan is the penilai's, on an SKP in force (regulation.md §5)."""
    return work_plan.status == WorkPlanStatus.APPROVED and acts_as_penilai(user, work_plan)


def can_reply_feedback(user: Any, feedback: Feedback) -> bool:
    if not is_authenticated(user):
        return False
    return _is_owner(user, feedback.work_plan) or feedback.author_id == user.pk


# --- Dialogues ---------------------------------------------------------------------------


def dialogues_visible_to(user: Any) -> QuerySet[Dialogue]:
    """The employee, the leader, the participants, action owners, and whoever sees the employee's SKP."""
    if not is_authenticated(user):
        return Dialogue.objects.none()
    if is_superuser(user):
        return Dialogue.objects.all()
    actor = actor_for(user)
    plans = work_plans_visible_to(user)
    visible = Q(employee_id__in=plans.values("employee_id"))
    if actor.employee is not None:
        me = actor.employee.pk
        visible |= Q(employee_id=me) | Q(led_by_id=me) | Q(participants=me) | Q(actions__owner_id=me)
    return Dialogue.objects.filter(pk__in=Dialogue.objects.filter(visible).values("pk"))


def get_dialogue_for_user_or_404(user: Any, pk: Any) -> Dialogue:
    return get_visible_or_404(dialogues_visible_to(user).select_related("employee", "led_by"), pk=pk)


def get_dialogue_action_for_user_or_404(user: Any, pk: Any) -> DialogueAction:
    return get_visible_or_404(
        DialogueAction.objects.filter(dialogue__in=dialogues_visible_to(user)).select_related(
            "dialogue__employee", "owner"
        ),
        pk=pk,
    )


def can_record_dialogue(user: Any, employee: Employee) -> bool:
    """A supervisor of the employee (any position above theirs) or Admin OPD/BKPSDM in scope; not oneself."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    if actor.employee is not None and actor.employee.pk == employee.pk:
        return False
    if _positions_above(actor, employee):
        return True
    scopes = actor.scopes(*_DIALOGUE_ADMIN_ROLES)
    return bool(scopes) and any(covers(scopes, path) for path in org_selectors.unit_paths_of(employee))


def can_close_action(user: Any, action: DialogueAction) -> bool:
    """The action's owner, or whoever led the dialogue."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    if actor.employee is None:
        return False
    return actor.employee.pk in (action.owner_id, action.dialogue.led_by_id)


# --- Appreciation ------------------------------------------------------------------------


def appreciations_visible_to(user: Any) -> QuerySet[Appreciation]:
    """Appreciation is public inside the recipient's agency: that is its point (product.md §3.3)."""
    if not is_authenticated(user):
        return Appreciation.objects.none()
    if is_superuser(user):
        return Appreciation.objects.all()
    actor = actor_for(user)
    paths = [scope.path for scope in actor.scopes(*SCOPED_READ_ROLES)]
    if actor.agency is not None:
        paths.append(actor.agency.path)
    visible = org_selectors.under_paths("unit__path", paths)
    if actor.employee is not None:
        visible |= Q(recipient_id=actor.employee.pk)
    visible |= Q(author_id=user.pk)
    return Appreciation.objects.filter(visible)


def get_appreciation_for_user_or_404(user: Any, pk: Any) -> Appreciation:
    return get_visible_or_404(appreciations_visible_to(user).select_related("recipient", "author", "unit"), pk=pk)


def can_appreciate(user: Any, recipient: Employee) -> bool:
    """A supervisor (position above) or a colleague working in the same agency today; never oneself."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    if actor.employee is None or actor.employee.pk == recipient.pk:
        return False
    if _positions_above(actor, recipient):
        return True
    if actor.agency is None:
        return False
    return any(p.unit.path.startswith(actor.agency.path) for p in org_selectors.positions_held(recipient))


def can_view_feedback_report(user: Any) -> bool:
    """The coaching report is for those who follow the whole process: the audience of the late list."""
    from kinerja.planning import permissions as planning_permissions

    return planning_permissions.can_view_late_list(user)


def feedback_report_scopes(user: Any) -> list[OrgUnit]:
    from kinerja.planning import permissions as planning_permissions

    return planning_permissions.late_list_scopes(user)

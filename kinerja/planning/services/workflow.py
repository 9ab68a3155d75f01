"""The SKP workflow: submit, return, approve, revise (choices.WORK_PLAN_TRANSITIONS; regulation.md §4.7).

Each step checks the state, the actor's right (permissions.py) and its preconditions, writes a dated and
attributed WorkPlanEvent and an audit event, and notifies the other party after commit.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kinerja.organization.models import Employee
from kinerja.planning import permissions
from kinerja.planning import selectors as planning_selectors
from kinerja.planning.choices import WORK_PLAN_TRANSITIONS, ItemKind, WorkPlanStatus
from kinerja.planning.exceptions import TransitionNotAllowed
from kinerja.planning.models import WorkPlan, WorkPlanEvent, WorkPlanVersion
from kinerja.planning.services._common import bump_lock, clean_text, notify_on_commit, record, require, work_plan_url
from kinerja.planning.services.content import work_plan_content
from kinerja.planning.services.items import indicator_errors, link_errors


def _lock(plan: WorkPlan) -> None:
    """Re-read the row under a lock so two reviewers acting at once cannot both move it."""
    WorkPlan.objects.select_for_update().filter(pk=plan.pk).values_list("pk", flat=True).first()
    plan.refresh_from_db()


def _wrong_state_message(to_status: str) -> str:
    return {
        WorkPlanStatus.SUBMITTED: _("Only a draft or returned SKP can be submitted; this one is %(status)s."),
        WorkPlanStatus.RETURNED: _("Only a submitted SKP can be returned; this one is %(status)s."),
        WorkPlanStatus.APPROVED: _("Only a submitted SKP can be approved; this one is %(status)s."),
        WorkPlanStatus.DRAFT: _("Only an approved SKP can be revised; this one is %(status)s."),
    }[WorkPlanStatus(to_status)]


def _check_transition(plan: WorkPlan, to_status: str) -> None:
    """The state is checked before the actor's right, so a wrong state reads as such rather than as 403."""
    if to_status not in WORK_PLAN_TRANSITIONS[WorkPlanStatus(plan.status)]:
        message = _wrong_state_message(to_status) % {"status": plan.get_status_display().lower()}
        raise TransitionNotAllowed({"status": [message]})


def _move(actor: Any, plan: WorkPlan, to_status: str, verb: str, note: str = "") -> WorkPlanEvent:
    from_status = plan.status
    plan.status = to_status
    plan.save()
    bump_lock(plan)
    event = WorkPlanEvent.objects.create(
        work_plan=plan, version=plan.version, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    record(
        actor,
        f"planning.work_plan.{verb}",
        plan,
        before={"status": from_status, "version": plan.version},
        after={"status": to_status, "version": plan.version},
        reason=note,
    )
    return event


def _other_party(actor: Any, plan: WorkPlan) -> Employee | None:
    """The owner when the penilai acts, the penilai when the owner acts."""
    if getattr(actor, "employee_id", None) == plan.employee_id:
        return planning_selectors.penilai_now(plan)
    return plan.employee


def _content_errors(plan: WorkPlan) -> list[str]:
    """What must be complete before an SKP is submitted: main RHK, an IKI for each, and the cascade links."""
    items = list(
        plan.items.select_related("supported_item__work_plan", "supported_goal").prefetch_related("indicators")
    )
    errors = []
    if not any(item.kind == ItemKind.MAIN for item in items):
        errors.append(_("Add at least one main RHK."))
    for item in items:
        indicators = list(item.indicators.all())
        if not indicators:
            errors.append(_("RHK “%(rhk)s” has no indicator (IKI).") % {"rhk": item.text[:80]})
        for message in link_errors(plan, item.kind, item.supported_item, item.supported_goal).values():
            errors.append(_("RHK “%(rhk)s”: %(error)s") % {"rhk": item.text[:80], "error": message})
        for indicator in indicators:
            for messages in indicator_errors(plan.approach, indicator).values():
                errors.append(_("IKI “%(iki)s”: %(error)s") % {"iki": indicator.text[:80], "error": messages[0]})
    return errors


@transaction.atomic
def work_plan_submit(*, actor: Any, work_plan: WorkPlan) -> WorkPlan:
    """The owner submits the SKP to the penilai (Ajukan SKP).

    The first submission of version 1 is refused after the year's drafting deadline (BKPSDM extends the
    deadline if needed); a returned SKP may be resubmitted, and revisions are not bound by it.
    """
    _lock(work_plan)
    _check_transition(work_plan, WorkPlanStatus.SUBMITTED)
    require(permissions.can_submit_work_plan(actor, work_plan))
    deadline = work_plan.year.skp_draft_deadline
    first_submission = not work_plan.events.filter(to_status=WorkPlanStatus.SUBMITTED).exists()
    if work_plan.version == 1 and first_submission and timezone.localdate() > deadline:
        raise ValidationError(
            {"status": [_("The SKP drafting period closed on %(date)s. Ask Admin BKPSDM to extend the deadline.")
                        % {"date": formats.date_format(deadline, "j F Y")}]}
        )  # fmt: skip
    errors = _content_errors(work_plan)
    if errors:
        raise ValidationError({"items": errors})
    work_plan.submitted_at = timezone.now()
    _move(actor, work_plan, WorkPlanStatus.SUBMITTED, "submitted")
    owner = work_plan.employee.full_name
    notify_on_commit(
        planning_selectors.penilai_now(work_plan),
        "planning.work_plan.submitted",
        lambda: _("%(name)s submitted their SKP for approval.") % {"name": owner},
        url=work_plan_url(work_plan.pk),
    )
    return work_plan


@transaction.atomic
def work_plan_return(*, actor: Any, work_plan: WorkPlan, note: str) -> WorkPlan:
    """The penilai returns a submitted SKP with a note saying what to change."""
    _lock(work_plan)
    _check_transition(work_plan, WorkPlanStatus.RETURNED)
    require(permissions.can_return_work_plan(actor, work_plan))
    note = clean_text(note, "note")
    work_plan.return_note = note
    _move(actor, work_plan, WorkPlanStatus.RETURNED, "returned", note)
    notify_on_commit(
        work_plan.employee,
        "planning.work_plan.returned",
        lambda: _("Your SKP was returned for revision."),
        lambda: note,
        url=work_plan_url(work_plan.pk),
    )
    return work_plan


@transaction.atomic
def work_plan_approve(*, actor: Any, work_plan: WorkPlan) -> WorkPlan:
    """The penilai approves (menetapkan) the SKP; the approved content of this version is frozen."""
    _lock(work_plan)
    _check_transition(work_plan, WorkPlanStatus.APPROVED)
    require(permissions.can_approve_work_plan(actor, work_plan))
    now = timezone.now()
    work_plan.approved_at = now
    work_plan.approved_by = actor
    _move(actor, work_plan, WorkPlanStatus.APPROVED, "approved")
    WorkPlanVersion.objects.create(
        work_plan=work_plan,
        version=work_plan.version,
        content=work_plan_content(work_plan),
        approved_at=now,
        approved_by=actor,
    )
    notify_on_commit(
        work_plan.employee,
        "planning.work_plan.approved",
        lambda: _("Your SKP for %(year)d was approved.") % {"year": work_plan.year.year},
        url=work_plan_url(work_plan.pk),
    )
    return work_plan


@transaction.atomic
def work_plan_revise(*, actor: Any, work_plan: WorkPlan, reason: str) -> WorkPlan:
    """Reopen an approved SKP as a new draft version (owner or penilai); the approved version stays readable."""
    _lock(work_plan)
    _check_transition(work_plan, WorkPlanStatus.DRAFT)
    require(permissions.can_revise_work_plan(actor, work_plan))
    reason = clean_text(reason, "reason")
    work_plan.version += 1
    work_plan.revision_reason = reason
    work_plan.return_note = ""
    work_plan.submitted_at = None
    work_plan.approved_at = None
    work_plan.approved_by = None
    _move(actor, work_plan, WorkPlanStatus.DRAFT, "revised", reason)
    recipient = _other_party(actor, work_plan)
    actor_name = str(actor)
    notify_on_commit(
        recipient,
        "planning.work_plan.revised",
        lambda: (
            _("%(name)s opened a revision of the SKP for %(year)d.") % {"name": actor_name, "year": work_plan.year.year}
        ),
        lambda: reason,
        url=work_plan_url(work_plan.pk),
    )
    return work_plan

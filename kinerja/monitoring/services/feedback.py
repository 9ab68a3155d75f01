"""Umpan balik berkelanjutan: the penilai's feedback on an RHK or a BerAKHLAK value, and the thread's replies."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.monitoring import permissions
from kinerja.monitoring.choices import Reaction
from kinerja.monitoring.models import Feedback, FeedbackReply
from kinerja.monitoring.services._common import clean_text, notify_on_commit, page_url, record, require
from kinerja.planning.models import BehaviourValue, EvaluationPeriod, PlanItem, WorkPlan


def _name(actor: Any) -> str:
    return str(actor.employee) if getattr(actor, "employee_id", None) else actor.get_username()


def feedback_url(feedback: Feedback) -> str:
    return page_url("monitoring:plan-progress", pk=feedback.work_plan_id)


def feedback_give(
    *,
    actor: Any,
    work_plan: WorkPlan,
    text: str,
    item: PlanItem | None = None,
    value: BehaviourValue | None = None,
    reaction: str = "",
    period: EvaluationPeriod | None = None,
) -> Feedback:
    """Feedback of the penilai on one RHK or one core value of an approved SKP; the owner is told at once."""
    require(permissions.can_give_feedback(actor, work_plan))
    if (item is None) == (value is None):
        raise ValidationError({"item": [_("Choose either one RHK or one core value.")]})
    if item is not None and item.work_plan_id != work_plan.pk:
        raise ValidationError({"item": [_("Choose an RHK of this SKP.")]})
    if reaction not in Reaction.values:
        raise ValidationError({"reaction": [_("Choose one of the offered reactions.")]})
    if period is not None and period.year_id != work_plan.year_id:
        raise ValidationError({"period": [_("Choose a period of the SKP's year.")]})
    text = clean_text(text, "text")
    with transaction.atomic():
        feedback = Feedback.objects.create(
            work_plan=work_plan, item=item, value=value, reaction=reaction, period=period, author=actor, text=text
        )
        record(actor, "monitoring.feedback.given", feedback, work_plan.employee, unit=work_plan.unit)
        name = _name(actor)
        notify_on_commit(
            work_plan.employee,
            "monitoring.feedback.given",
            lambda: _("New feedback from %(name)s") % {"name": name},
            url=feedback_url(feedback),
            body=text[:300],
        )
    return feedback


def feedback_reply(*, actor: Any, feedback: Feedback, text: str) -> FeedbackReply:
    """A reply in the thread by the owner or the author; the other one is told."""
    require(permissions.can_reply_feedback(actor, feedback))
    text = clean_text(text, "text")
    plan = feedback.work_plan
    with transaction.atomic():
        reply = FeedbackReply.objects.create(feedback=feedback, author=actor, text=text)
        recipient = feedback.author if actor.pk != feedback.author_id else plan.employee
        name = _name(actor)
        notify_on_commit(
            recipient,
            "monitoring.feedback.replied",
            lambda: _("%(name)s replied to feedback") % {"name": name},
            url=feedback_url(feedback),
            body=text[:300],
        )
    return reply

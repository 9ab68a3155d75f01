"""Dialog kinerja and coaching / mentoring / counselling sessions with agreed actions (PermenPANRB 6/2022)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import permissions
from kinerja.monitoring.choices import DialogueKind
from kinerja.monitoring.models import Dialogue, DialogueAction
from kinerja.monitoring.services._common import clean_text, notify_on_commit, page_url, parse_day, record, require
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee


def dialogue_url(dialogue: Dialogue) -> str:
    return page_url("monitoring:dialogues")


def _clean_actions(actions: Sequence[dict[str, Any]], held_on: dt.date) -> list[tuple[str, Employee, dt.date]]:
    cleaned = []
    for number, action in enumerate(actions, start=1):
        description = str(action.get("description") or "").strip()
        owner = action.get("owner")
        if not description:
            raise ValidationError({"actions": [_("Action %(n)d: describe the agreed action.") % {"n": number}]})
        if not isinstance(owner, Employee):
            raise ValidationError({"actions": [_("Action %(n)d: choose who will do it.") % {"n": number}]})
        try:
            due = parse_day(action.get("due_date"), "actions")
        except ValidationError as exc:
            raise ValidationError({"actions": [_("Action %(n)d: enter a valid due date.") % {"n": number}]}) from exc
        if due < held_on:
            raise ValidationError(
                {"actions": [_("Action %(n)d: the due date cannot be before the dialogue.") % {"n": number}]}
            )
        cleaned.append((description[:4000], owner, due))
    return cleaned


def dialogue_record(
    *,
    actor: Any,
    employee: Employee,
    kind: str,
    held_on: Any,
    topics: str,
    summary: str = "",
    participants: Iterable[Employee] = (),
    actions: Sequence[dict[str, Any]] = (),
) -> Dialogue:
    """Record a dialogue held with an employee; the employee, participants and action owners are told."""
    require(permissions.can_record_dialogue(actor, employee))
    leader = actor_for(actor).employee
    if leader is None:
        raise PermissionDenied
    if kind not in DialogueKind.values:
        raise ValidationError({"kind": [_("Choose the kind of session.")]})
    held_on = parse_day(held_on, "held_on")
    if held_on > org_selectors.today():
        raise ValidationError({"held_on": [_("Record a dialogue once it has been held: the date is in the future.")]})
    topics = clean_text(topics, "topics")
    summary = clean_text(summary, "summary", required=False)
    cleaned = _clean_actions(actions, held_on)
    people = [p for p in participants if p.pk not in (employee.pk, leader.pk)]
    with transaction.atomic():
        dialogue = Dialogue.objects.create(
            employee=employee, led_by=leader, kind=kind, held_on=held_on, topics=topics, summary=summary,
            created_by=actor,
        )  # fmt: skip
        dialogue.participants.set(people)
        DialogueAction.objects.bulk_create(
            DialogueAction(dialogue=dialogue, description=d, owner=o, due_date=due) for d, o, due in cleaned
        )
        record(actor, "monitoring.dialogue.recorded", dialogue, employee)
        url = dialogue_url(dialogue)
        kind_label = DialogueKind(kind).label
        told = {leader.pk}
        for person in [employee, *people, *(o for _d, o, _due in cleaned)]:
            if person.pk in told:
                continue
            told.add(person.pk)
            notify_on_commit(
                person,
                "monitoring.dialogue.recorded",
                lambda: (
                    _("%(kind)s of %(day)s recorded by %(name)s")
                    % {"kind": kind_label, "day": held_on.isoformat(), "name": str(leader)}
                ),
                url=url,
            )
    return dialogue


def dialogue_action_close(*, actor: Any, action: DialogueAction, note: str = "") -> DialogueAction:
    """Close an agreed action with its outcome; the leader (or the owner, if the leader closed it) is told."""
    require(permissions.can_close_action(actor, action))
    if action.done_at is not None:
        raise ValidationError({"action": [_("This action is already closed.")]})
    note = clean_text(note, "note", required=False)
    dialogue = action.dialogue
    with transaction.atomic():
        action.done_at = timezone.now()
        action.done_note = note
        action.save(update_fields=["done_at", "done_note"])
        record(actor, "monitoring.dialogue_action.closed", action, dialogue.employee)
        me = actor_for(actor).employee
        recipient = dialogue.led_by if me is not None and me.pk == action.owner_id else action.owner
        if me is None or recipient.pk != me.pk:
            description = action.description[:80]
            notify_on_commit(
                recipient,
                "monitoring.dialogue_action.closed",
                lambda: _("Agreed action done: %(action)s") % {"action": description},
                url=dialogue_url(dialogue),
                body=note[:300],
            )
    return action

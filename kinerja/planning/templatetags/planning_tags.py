"""Template helpers of planning: status badges, the SKP deadline sentence, the home page's SKP card, the cascade."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.planning import selectors
from kinerja.planning.choices import ItemKind, WorkPlanStatus
from kinerja.planning.models import PerformanceYear, WorkPlan
from kinerja.planning.selectors.cascade import CascadeNode, PlanRef

register = template.Library()

STATUS_TONES = {
    WorkPlanStatus.DRAFT: "secondary",
    WorkPlanStatus.SUBMITTED: "info",
    WorkPlanStatus.RETURNED: "warning",
    WorkPlanStatus.APPROVED: "success",
}


@dataclass(frozen=True)
class Deadline:
    """An SKP deadline seen from today: "closes on …; N days left" or "closed on …"."""

    day: dt.date
    days_left: int

    @property
    def closed(self) -> bool:
        return self.days_left < 0


def drafting_deadline(year: PerformanceYear | None, today: dt.date | None = None) -> Deadline | None:
    if year is None:
        return None
    today = today or org_selectors.today()
    return Deadline(year.skp_draft_deadline, (year.skp_draft_deadline - today).days)


@register.filter
def status_tone(status: str) -> str:
    return STATUS_TONES.get(status, "secondary")


@register.inclusion_tag("planning/_deadline.html")
def skp_deadline(year: PerformanceYear | None) -> dict[str, Any]:
    return {"deadline": drafting_deadline(year)}


@register.inclusion_tag("planning/_my_skp_card.html", takes_context=True)
def my_skp_card(context: template.Context) -> dict[str, Any]:
    """The home page's SKP card: my current SKP (or that I have none yet) and, for a penilai, what waits."""
    request = context.get("request")
    user = getattr(request, "user", None)
    actor = actor_for(user)
    employee = actor.employee
    if employee is None or not actor.positions:
        return {"show": False}
    year = selectors.current_year()
    plan = None
    if year is not None:
        plan = selectors.work_plans_of(employee).filter(year=year).first()
    waiting = selectors.review_queue(employee).count() if actor.is_supervisor else None
    return {
        "show": True,
        "year": year,
        "plan": plan,
        "deadline": drafting_deadline(year),
        "waiting": waiting,
    }


@register.filter
def status_label(code: str) -> str:
    """The display name of a stored status code (frozen version content keeps codes, not labels)."""
    return str(WorkPlanStatus(code).label) if code in WorkPlanStatus.values else code


# --- The cascade tree ---------------------------------------------------------------------------------------
# Rendered here rather than by a recursive {% include %}: one include per RHK cost about 0.25 ms, so the
# cascade of a large OPD (1,700 RHK) spent ~400 ms in the template engine. Same markup, built with
# format_html (every value escaped).


class _CascadeHtml:
    """The nested lists of one cascade section; branches fold in <details>, open at the first level and
    wherever a flagged RHK lies below, so every flag is visible without a click."""

    def __init__(self) -> None:
        self.additional = format_html('<span class="badge text-bg-light border me-1">{}</span>', _("additional"))
        self.unlinked = format_html(
            '<span class="badge text-bg-danger mt-1" data-testid="flag-unlinked">'
            '<i class="bi bi-link-45deg" aria-hidden="true"></i> {}</span>',
            _("Supports nothing"),
        )
        self.uncarried = format_html(
            '<span class="badge text-bg-warning mt-1" data-testid="flag-uncarried">'
            '<i class="bi bi-person-dash" aria-hidden="true"></i> {}</span>',
            _("No subordinate carries it"),
        )
        self.badges: dict[str, SafeString] = {}

    def badge(self, plan: WorkPlan | PlanRef) -> SafeString:
        # The markup of components/_status_badge.html, made once per status.
        if plan.status not in self.badges:
            self.badges[plan.status] = format_html(
                '<span class="badge rounded-pill text-bg-{}">{}</span>',
                status_tone(plan.status),
                plan.get_status_display(),
            )
        return self.badges[plan.status]

    def card(self, node: CascadeNode, below: SafeString | str) -> SafeString:
        plan, item = node.work_plan, node.item
        return format_html(
            '<span class="cascade-card"><span class="d-block small text-body-secondary">'
            '<i class="bi bi-person me-1" aria-hidden="true"></i><span class="fw-medium text-body">{}</span> · {} {}'
            '</span><span class="d-block">{}{}</span>{}{}{}</span>',
            plan.employee.full_name,
            plan.position.name,
            self.badge(plan),
            self.additional if item.kind == ItemKind.ADDITIONAL else "",
            item.text,
            self.unlinked if node.supports_nothing else "",
            self.uncarried if node.not_carried else "",
            below,
        )

    def node(self, node: CascadeNode, depth: int) -> tuple[SafeString, bool]:
        """The <li> of one RHK and whether it or anything below it is flagged."""
        css = "cascade-node is-flagged" if node.flagged else "cascade-node"
        if not node.children:
            html = format_html('<li class="{}" data-testid="cascade-node">{}</li>', css, self.card(node, ""))
            return html, node.flagged
        children, flag_below = self.nodes(node.children, depth + 1)
        count = len(node.children)
        below = format_html(
            '<span class="cascade-toggle d-block small mt-1"><i class="bi bi-chevron-right" aria-hidden="true"></i> '
            "{}</span>",
            ngettext("%(count)d RHK carries it", "%(count)d RHK carry it", count) % {"count": count},
        )
        html = format_html(
            '<li class="{}" data-testid="cascade-node"><details class="cascade-branch"{}>'
            '<summary class="cascade-summary">{}</summary><ul class="cascade-children">{}</ul></details></li>',
            css,
            " open" if depth == 0 or flag_below else "",
            self.card(node, below),
            children,
        )
        return html, node.flagged or flag_below

    def nodes(self, nodes: list[CascadeNode], depth: int) -> tuple[SafeString, bool]:
        parts = [self.node(node, depth) for node in nodes]
        return format_html_join("", "{}", ((html,) for html, _flag in parts)), any(flag for _html, flag in parts)


@register.simple_tag
def cascade_list(nodes: list[CascadeNode]) -> SafeString:
    """``<ul>`` of a cascade section (the RHK under a goal, the unlinked, …) with everything below them."""
    html, _flagged = _CascadeHtml().nodes(nodes, 0)
    return format_html('<ul class="cascade-children cascade-root">{}</ul>', html)


@register.filter
def holds_flag(nodes: list[CascadeNode]) -> bool:
    """Whether any RHK in these branches is flagged (a folded section then opens to show it)."""
    return any(node.flagged for root in nodes for node in root.walk())

"""Template context shared by every page: the instance name and the navigation of the user's roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.notifications.selectors import unread_count


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    icon: str
    active: bool
    # A group shows as a dropdown of its children (the bar must fit a supervisor's menu at 1200 px).
    children: tuple[NavItem, ...] = ()
    key: str = ""


def _group(label: Any, icon: str, key: str, children: list[NavItem | None]) -> NavItem | None:
    present = tuple(child for child in children if child is not None)
    if not present:
        return None
    return NavItem(
        label=str(label), url="", icon=icon, active=any(c.active for c in present), children=present, key=key
    )


def _item(request: HttpRequest, label: Any, url_name: str, icon: str, *, section: str) -> NavItem | None:
    """A navbar entry, or None when its URL is not installed (apps are added independently)."""
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    match = getattr(request, "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match else ""
    active = current == url_name or (section != "" and current.startswith(section))
    return NavItem(label=str(label), url=url, icon=icon, active=active)


def _nav_items(request: HttpRequest) -> list[NavItem]:
    user = request.user
    actor = actor_for(user)
    superuser = bool(user.is_superuser)
    entries: list[NavItem | None] = [
        _item(request, _("Home"), "core:home", "bi-house", section=""),
        _group(
            _("Organisation"),
            "bi-diagram-3",
            "organisation",
            [
                _item(
                    request,
                    _("Employee directory"),
                    "organization:employee-list",
                    "bi-people",
                    section="organization:employee-",
                ),
                _item(
                    request,
                    _("Organisation structure"),
                    "organization:unit-list",
                    "bi-diagram-3",
                    section="organization:unit-",
                ),
                _item(request, _("Cascade"), "planning:cascade-home", "bi-diagram-2", section="planning:cascade"),
            ],
        ),
    ]
    # "My profile" lives in the user menu: the top bar must fit an HR admin's menu at 1200px.
    if actor.positions:
        entries.append(_item(request, _("My SKP"), "planning:my-plans", "bi-clipboard-data", section=""))
        entries.append(
            _item(request, _("Daily progress"), "monitoring:today", "bi-journal-text", section="monitoring:")
        )
    # Everyone has results to read, keberatan to follow or org capaian to see (SAKIP results are public).
    entries.append(_item(request, _("Evaluation"), "evaluation:home", "bi-award", section="evaluation:"))
    if actor.is_supervisor:
        entries.append(_item(request, _("SKP review"), "planning:review-queue", "bi-check2-square", section=""))
    if superuser or actor.has_role(Role.ADMIN_BKPSDM):
        entries.append(_item(request, _("Import data"), "imports:upload", "bi-upload", section="imports:"))
    if superuser or actor.has_role(Role.ADMIN_BKPSDM, Role.ADMIN_OPD, Role.AUDITOR):
        entries.append(_item(request, _("Audit"), "audit:event-list", "bi-journal-check", section="audit:"))
    return [entry for entry in entries if entry is not None]


def navigation(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"instance_name": settings.KINERJA_INSTANCE_NAME, "nav_items": []}
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.boosted:
        # An htmx fragment (a row, a progress poll every second) has no navbar: skip its queries.
        return context
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["nav_items"] = _nav_items(request)
        context["show_admin_link"] = bool(user.is_staff)
        # The bell's badge: one indexed COUNT per page.
        context["unread_notifications"] = unread_count(user)
    return context

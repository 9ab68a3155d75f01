"""HTML pages of the organisation: employee directory and profile, unit tree and org chart.

Every protected object is fetched through permissions.py; holders' names on the org chart are
filtered by employees_visible_to, because the structure is public but people are not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kinerja.accounts.selectors import actor_for
from kinerja.audit.permissions import can_browse_audit_trail
from kinerja.organization import nip as nip_codec
from kinerja.organization import permissions, selectors
from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind
from kinerja.organization.forms import EmployeeFilterForm
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

PAGE_SIZE = 25


@login_required
@require_GET
@vary_on_headers("HX-Request")
def employee_list(request: HttpRequest) -> HttpResponse:
    form = EmployeeFilterForm(request.GET or None, user=request.user)
    employees = permissions.employees_visible_to(request.user).filter(is_active=True)
    if form.is_valid():
        employees = selectors.employees_search(employees, form.cleaned_data["q"])
        unit = form.cleaned_data["unit"]
        if unit is not None:
            in_unit = Assignment.objects.active_on(selectors.today()).filter(
                kind=AssignmentKind.DEFINITIVE, position__unit__path__startswith=unit.path
            )
            employees = employees.filter(pk__in=in_unit.values("employee_id"))
    employees = selectors.with_current_post(employees).order_by("name", "pk")
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page_obj": page, "query": query.urlencode()}
    if request.htmx and not request.htmx.boosted:
        return render(request, "organization/_employee_rows.html", context)
    return render(request, "organization/employee_list.html", context)


@dataclass(frozen=True)
class DecodedIdentity:
    birth_date: dt.date | None
    tmt_cpns: dt.date | None
    sex: str
    valid: bool


def _decode(employee: Employee) -> DecodedIdentity:
    """What the NIP itself says; an invalid NIP (old data) is reported rather than hidden."""
    try:
        decoded = nip_codec.decode_pns(employee.nip) if employee.is_pns else nip_codec.decode_pppk(employee.nip)
    except ValidationError:
        return DecodedIdentity(None, None, "", valid=False)
    return DecodedIdentity(decoded.birth_date, decoded.tmt_cpns, decoded.sex, valid=True)


def _nip_mismatch(employee: Employee, decoded: DecodedIdentity) -> bool:
    """The NIP encodes birth date, TMT CPNS (month) and sex (Perka BKN 22/2007); flag records that disagree."""
    if not decoded.valid:
        return False
    if decoded.birth_date != employee.birth_date:
        return True
    if decoded.sex and employee.sex and decoded.sex != employee.sex:
        return True
    if decoded.tmt_cpns and employee.tmt_cpns:
        return (decoded.tmt_cpns.year, decoded.tmt_cpns.month) != (employee.tmt_cpns.year, employee.tmt_cpns.month)
    return False


@login_required
@require_GET
def employee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = permissions.get_employee_for_user_or_404(request.user, pk)
    situation = selectors.situation_on(employee)
    personal = permissions.can_view_personal_data(request.user, employee)
    actor = actor_for(request.user)
    is_self = actor.employee is not None and actor.employee.pk == employee.pk
    context = {
        "employee": employee,
        "situation": situation,
        "personal": personal,
        "is_self": is_self,
        # The trail page repeats this rule; here it only decides whether to offer the link.
        "show_trail_link": is_self or (personal and can_browse_audit_trail(request.user)),
    }
    if personal:
        decoded = _decode(employee)
        context["decoded"] = decoded
        context["nip_mismatch"] = _nip_mismatch(employee, decoded)
        context["history"] = list(selectors.assignment_history(employee))
        context["sex_display"] = employee.get_sex_display()
    return render(request, "organization/employee_detail.html", context)


@login_required
@require_GET
def my_profile(request: HttpRequest) -> HttpResponse:
    employee = actor_for(request.user).employee
    if employee is None:
        messages.info(request, _("Your account is not linked to an employee record, so it has no profile page."))
        return redirect("core:home")
    return redirect("organization:employee-detail", pk=employee.pk)


@dataclass
class TreeGroup:
    """A top-level unit (OPD, kecamatan, secretariat…) with the units below it."""

    unit: OrgUnit
    headcount: int
    descendants: list[tuple[OrgUnit, int]]


@login_required
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    units = list(permissions.org_units_visible_to(request.user).filter(is_active=True).order_by("path"))
    headcounts = selectors.subtree_headcounts(units)
    roots = [unit for unit in units if unit.parent_id is None]
    groups: dict[int, TreeGroup] = {}
    order: list[TreeGroup] = []
    for unit in units:
        ids = unit.ancestor_ids()
        if len(ids) == 2:
            group = TreeGroup(unit, headcounts.get(unit.pk, 0), [])
            groups[unit.pk] = group
            order.append(group)
        elif len(ids) > 2 and ids[1] in groups:
            groups[ids[1]].descendants.append((unit, headcounts.get(unit.pk, 0)))
    # Secretariats first, then agencies (OPD), then kecamatan, each alphabetically.
    kind_rank = {kind: index for index, kind in enumerate(AGENCY_KINDS)}
    order.sort(key=lambda group: (kind_rank.get(group.unit.kind, len(kind_rank)), group.unit.name))
    context = {
        "roots": [(root, headcounts.get(root.pk, 0)) for root in roots],
        "groups": order,
    }
    return render(request, "organization/unit_list.html", context)


@dataclass(frozen=True)
class ChartRow:
    position: Position
    depth: int
    holders: list[Assignment]
    hidden_holders: int


def _nest(chart: list[tuple[Position, list[Assignment]]], visible_ids: set[int]) -> list[ChartRow]:
    """Order the chart depth-first along reports_to, so each position follows the one it reports to."""
    by_id = {position.pk: (position, holders) for position, holders in chart}
    children: dict[int | None, list[int]] = {}
    for position, _holders in chart:
        parent = position.reports_to_id if position.reports_to_id in by_id else None
        children.setdefault(parent, []).append(position.pk)
    rows: list[ChartRow] = []
    stack = [(pk, 0) for pk in reversed(children.get(None, []))]
    while stack:
        pk, depth = stack.pop()
        position, holders = by_id[pk]
        shown = [a for a in holders if a.employee_id in visible_ids]
        rows.append(ChartRow(position, depth, shown, len(holders) - len(shown)))
        stack.extend((child, depth + 1) for child in reversed(children.get(pk, [])))
    return rows


@login_required
@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = permissions.get_org_unit_for_user_or_404(request.user, pk)
    chart = selectors.unit_chart(unit)
    holder_ids = {a.employee_id for _position, holders in chart for a in holders}
    visible_ids = set(
        permissions.employees_visible_to(request.user).filter(pk__in=holder_ids).values_list("pk", flat=True)
    )
    units = permissions.org_units_visible_to(request.user)
    context = {
        "unit": unit,
        "ancestors": list(units.filter(pk__in=unit.ancestor_ids()).exclude(pk=unit.pk).order_by("depth")),
        "children": list(units.filter(parent=unit, is_active=True).order_by("name")),
        "rows": _nest(chart, visible_ids),
        "counts": selectors.unit_subtree_counts(unit),
    }
    return render(request, "organization/unit_detail.html", context)

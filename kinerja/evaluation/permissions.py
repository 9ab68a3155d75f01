"""Who may see and act on evaluations, org ratings, calibration forums, keberatan and document batches.

Rules (product.md §3.4–3.6; regulation.md §2, §6–§8):
- an evaluation is seen by whoever sees its SKP (planning.permissions.work_plans_visible_to); its owner sees
  the result (ratings, reasons, predikat, calibration change) only once it is published;
- the pejabat penilai rates (planning.permissions.acts_as_penilai: the snapshot penilai, or whoever holds the
  penilai's position today once they left it, or the Pimpinan daerah for an SKP with nobody above);
- a keberatan is decided only by the atasan pejabat penilai (PP 30/2019 Ps 59): the snapshot atasan, or whoever
  holds today the position above the penilai's once the snapshot atasan left it, or, where the SKP has no atasan
  in the tree (the head of an OPD, the Sekda), the Pimpinan daerah (regulation.md §2: the Wali Kota is the atasan
  of JPT Pratama). Never the owner, never the penilai of a person with an atasan in the tree;
- the capaian kinerja organisasi of a unit is set by the holder of the position its head reports to; an OPD's
  also by the Pimpinan daerah (SE MenPANRB 3/2023: "pimpinan organisasi di atasnya"). Results are public inside
  the government (SAKIP);
- the calibration forum of an OPD is viewed by its head, its Admin OPD, Admin BKPSDM, Auditor and Pimpinan daerah
  in scope; managed by the head, Admin OPD and Admin BKPSDM; locked (= published) by the head or Admin BKPSDM.
Services re-check these predicates, so the HTML pages and the API cannot differ.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.models import User
from kinerja.accounts.selectors import Actor, actor_for
from kinerja.core.permissions import covers, get_visible_or_404, is_authenticated, is_superuser
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, ObjectionStatus
from kinerja.evaluation.models import (
    CalibrationForum,
    DocumentBatch,
    Evaluation,
    Objection,
    ObjectionAttachment,
    OrganizationRating,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AGENCY_KINDS
from kinerja.organization.models import Assignment, OrgUnit, Position
from kinerja.planning import permissions as planning_permissions

_FORUM_VIEW_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM, Role.AUDITOR, Role.REGIONAL_LEADER)
_FORUM_MANAGE_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM)
_FORUM_LOCK_ROLES = (Role.ADMIN_BKPSDM,)
_DECIDABLE = (ObjectionStatus.FILED, ObjectionStatus.EXPLAINED)


def _me(actor: Actor) -> int | None:
    return actor.employee.pk if actor.employee is not None else None


def _is_owner(user: Any, ev: Evaluation) -> bool:
    if not is_authenticated(user):
        return False
    me = _me(actor_for(user))
    return me is not None and me == ev.employee_id


def _forum_locked(ev: Evaluation) -> bool:
    """The OPD's forum lock publishes its population; the OPD head is calibrated outside it."""
    if ev.is_agency_head:
        return False
    return CalibrationForum.objects.filter(
        agency_id=ev.agency_id, period_id=ev.period_id, status=ForumStatus.LOCKED
    ).exists()


def _open_for_rating(ev: Evaluation) -> bool:
    return not ev.is_published and not ev.period.is_locked and not _forum_locked(ev)


# --- Evaluations ------------------------------------------------------------------------


def evaluations_visible_to(user: Any) -> QuerySet[Evaluation]:
    """Evaluations of SKP the user may read (the owner, penilai, atasan, positions above, scoped roles)."""
    if not is_authenticated(user):
        return Evaluation.objects.none()
    return Evaluation.objects.filter(work_plan__in=planning_permissions.work_plans_visible_to(user))


def get_evaluation_for_user_or_404(user: Any, pk: Any) -> Evaluation:
    return get_visible_or_404(
        evaluations_visible_to(user).select_related(
            "employee", "period__year", "work_plan__unit", "work_plan__penilai_position", "agency", "unit",
            "penilai", "atasan_penilai",
        ),
        pk=pk,
    )  # fmt: skip


def acts_as_penilai(user: Any, ev: Evaluation) -> bool:
    return planning_permissions.acts_as_penilai(user, ev.work_plan)


def _first_held_above(position: Position, exclude: set[int]) -> tuple[int | None, set[int]]:
    """The nearest position above ``position`` that someone (not excluded) holds today, and its holders.

    A vacant position passes the role up the line, as for the penilai (organization.selectors.situation_on).
    Position.path is the materialised reporting chain, so the chain is one query.
    """
    chain = [int(part) for part in position.path.strip("/").split("/") if part and int(part) != position.pk]
    if not chain:
        return None, set()
    holders: dict[int, set[int]] = {}
    for position_id, employee_id in (
        Assignment.objects.active_on(org_selectors.today())
        .filter(position_id__in=chain)
        .exclude(employee_id__in=exclude)
        .values_list("position_id", "employee_id")
    ):
        holders.setdefault(position_id, set()).add(employee_id)
    for position_id in reversed(chain):
        if position_id in holders:
            return position_id, holders[position_id]
    return None, set()


def _on_the_penilai_side(user: Any, actor: Actor, ev: Evaluation) -> bool:
    """Who rated, the snapshot penilai, or the holder today of the penilai's position: never their own judge.

    PP 30/2019 Ps 59 has the keberatan decided by someone above the one who rated; for an SKP rated by the
    Pimpinan daerah (no penilai in the tree) only the leader who rated is excluded, another leader decides.
    """
    if ev.rated_by_id is not None and ev.rated_by_id == user.pk:
        return True
    me = _me(actor)
    if me is not None and me == ev.penilai_id:
        return True
    return ev.work_plan.penilai_position_id is not None and acts_as_penilai(user, ev)


def atasan_penilai_now(ev: Evaluation) -> tuple[set[int], bool]:
    """Who decides a keberatan today: (employee ids, False), or (empty, True) when the Pimpinan daerah does.

    The snapshot atasan while they still hold the nearest held position above the penilai's; once they left it,
    whoever holds that position today (a vacant one passes the role up the line); where the SKP has nobody above
    in the tree (an OPD head, the Sekda), the Pimpinan daerah (regulation.md §2). So one person decides, never two.
    """
    if ev.atasan_penilai_id is not None:
        penilai_position = ev.work_plan.penilai_position
        if penilai_position is None:
            return {ev.atasan_penilai_id}, False  # nothing to compare with: the snapshot stands
        exclude = {ev.employee_id} | ({ev.penilai_id} if ev.penilai_id else set())
        position_id, holders = _first_held_above(penilai_position, exclude)
        if ev.atasan_penilai_id in holders:
            return {ev.atasan_penilai_id}, False
        if position_id is not None:
            return holders, False
    return set(), True


def _leaders_over(unit: OrgUnit) -> QuerySet[User]:
    """Accounts with the Pimpinan daerah role over the unit."""
    return User.objects.filter(role_grants__role=Role.REGIONAL_LEADER, role_grants__scope_id__in=unit.ancestor_ids())


def penilai_users(ev: Evaluation) -> list[User]:
    """The active accounts that act as penilai of the evaluation today (acts_as_penilai), for notices."""
    plan = ev.work_plan
    candidates = Q(pk__in=[])
    if plan.penilai_id is not None:
        candidates |= Q(employee_id=plan.penilai_id)
    if plan.penilai_position_id is not None:
        holders = Assignment.objects.active_on(org_selectors.today()).filter(position_id=plan.penilai_position_id)
        candidates |= Q(employee_id__in=holders.values("employee_id"))
    if plan.penilai_id is None:
        candidates |= Q(pk__in=_leaders_over(plan.unit).values("pk"))
    users = [user for user in User.objects.filter(candidates, is_active=True).distinct().order_by("pk")
             if acts_as_penilai(user, ev)]  # fmt: skip
    # Rated by one of several Pimpinan daerah: that one explains their rating.
    rated = [user for user in users if user.pk == ev.rated_by_id]
    return rated if plan.penilai_id is None and rated else users


def acts_as_atasan_penilai(user: Any, ev: Evaluation) -> bool:
    """Whether the user is the atasan pejabat penilai of this evaluation today (PP 30/2019 Ps 59)."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    me = _me(actor)
    if me is not None and me == ev.employee_id:
        return False
    if _on_the_penilai_side(user, actor, ev):
        return False
    deciders, by_leader = atasan_penilai_now(ev)
    if not by_leader:
        return me is not None and me in deciders
    # Nobody above in the tree: the Pimpinan daerah (the Wali Kota for JPT Pratama, regulation.md §2).
    return covers(actor.scopes(Role.REGIONAL_LEADER), ev.unit.path)


def atasan_penilai_users(ev: Evaluation) -> list[User]:
    """The active accounts that may decide the keberatan today (for notices and reminders), by acts_as_atasan."""
    deciders, by_leader = atasan_penilai_now(ev)
    users = _leaders_over(ev.unit) if by_leader else User.objects.filter(employee_id__in=deciders)
    users = users.filter(is_active=True).exclude(employee_id=ev.employee_id).distinct().order_by("pk")
    return [user for user in users if not _on_the_penilai_side(user, actor_for(user), ev)]


def can_self_assess(user: Any, ev: Evaluation) -> bool:
    """The owner writes the optional self-assessment until the result is published or the forum locked."""
    return ev.status in (EvaluationStatus.OPEN, EvaluationStatus.RATED) and _is_owner(user, ev) and _open_for_rating(ev)


def can_rate(user: Any, ev: Evaluation) -> bool:
    """The penilai rates (and re-rates) until the forum locks or the result is published."""
    return _open_for_rating(ev) and acts_as_penilai(user, ev)


def result_shown(user: Any, ev: Evaluation) -> bool:
    """For an evaluation already fetched through evaluations_visible_to (no query): the owner sees the result only
    once it is published (the forum may still change the predikat); everyone else who sees it, always."""
    employee_id = getattr(user, "employee_id", None)
    return ev.is_published or employee_id is None or ev.employee_id != employee_id


def can_view_result(user: Any, ev: Evaluation) -> bool:
    """Everyone who sees the evaluation sees the result, except the owner before publication."""
    return evaluations_visible_to(user).filter(pk=ev.pk).exists() and result_shown(user, ev)


def can_file_objection(user: Any, ev: Evaluation) -> bool:
    """The owner of a published result, once (the window is the service's, so it can say when it closed)."""
    return ev.is_published and _is_owner(user, ev) and not Objection.objects.filter(evaluation_id=ev.pk).exists()


# --- Keberatan ---------------------------------------------------------------------------


def objections_visible_to(user: Any) -> QuerySet[Objection]:
    if not is_authenticated(user):
        return Objection.objects.none()
    return Objection.objects.filter(evaluation__in=evaluations_visible_to(user))


def get_objection_for_user_or_404(user: Any, pk: Any) -> Objection:
    return get_visible_or_404(
        objections_visible_to(user).select_related(
            "evaluation__employee", "evaluation__period__year", "evaluation__work_plan__unit",
            "evaluation__work_plan__penilai_position", "evaluation__agency", "evaluation__unit",
            "evaluation__penilai", "evaluation__atasan_penilai", "filed_by", "explained_by", "decided_by",
        ),
        pk=pk,
    )  # fmt: skip


def can_explain_objection(user: Any, obj: Objection) -> bool:
    """The pejabat penilai explains the rating to the atasan (PP 30/2019 Ps 59(3))."""
    return obj.status == ObjectionStatus.FILED and acts_as_penilai(user, obj.evaluation)


def can_decide_objection(user: Any, obj: Objection) -> bool:
    """Only the atasan pejabat penilai decides, and the decision is final (PP 30/2019 Ps 59(4))."""
    return obj.status in _DECIDABLE and acts_as_atasan_penilai(user, obj.evaluation)


def get_objection_attachment_for_user_or_404(user: Any, pk: Any) -> ObjectionAttachment:
    return get_visible_or_404(
        ObjectionAttachment.objects.filter(objection__in=objections_visible_to(user)).select_related("objection"),
        pk=pk,
    )


# --- Capaian kinerja organisasi ------------------------------------------------------------


def org_ratings_visible_to(user: Any) -> QuerySet[OrganizationRating]:
    """SAKIP results are public inside the government: every logged-in user reads them."""
    if not is_authenticated(user):
        return OrganizationRating.objects.none()
    return OrganizationRating.objects.all()


def get_org_rating_for_user_or_404(user: Any, pk: Any) -> OrganizationRating:
    return get_visible_or_404(org_ratings_visible_to(user).select_related("unit", "period__year", "set_by"), pk=pk)


def _units_headed_below(positions: list[Position]) -> set[int]:
    """Units whose head reports to one of ``positions``, or to a vacant position below them (the role passes up)."""
    today = org_selectors.today()
    frontier = [p.pk for p in positions]
    seen = set(frontier)
    units: set[int] = set()
    while frontier:
        children = list(Position.objects.filter(reports_to__in=frontier).values_list("pk", "unit_id", "is_unit_head"))
        units.update(unit_id for _, unit_id, is_head in children if is_head)
        child_ids = [pk for pk, _, _ in children if pk not in seen]
        active = Assignment.objects.active_on(today).filter(position__in=child_ids)
        held = set(active.values_list("position_id", flat=True))
        frontier = [pk for pk in child_ids if pk not in held]
        seen.update(child_ids)
    return units


def units_rateable_by(user: Any) -> QuerySet[OrgUnit]:
    """Units whose capaian kinerja organisasi the user sets (SE MenPANRB 3/2023: the leadership above the unit)."""
    if not is_authenticated(user):
        return OrgUnit.objects.none()
    actor = actor_for(user)
    rateable = Q(pk__in=_units_headed_below(actor.positions)) if actor.positions else Q(pk__in=[])
    leader_paths = [scope.path for scope in actor.scopes(Role.REGIONAL_LEADER)]
    if leader_paths:
        # The Pimpinan daerah rates every OPD, and any unit whose head reports to nobody in the tree.
        heads_at_top = Position.objects.filter(is_unit_head=True, reports_to__isnull=True).values("unit_id")
        in_scope = org_selectors.under_paths("path", leader_paths)
        rateable |= in_scope & (Q(kind__in=AGENCY_KINDS) | Q(pk__in=heads_at_top))
    # The whole government's own result is not set in this system.
    return OrgUnit.objects.filter(rateable, is_active=True, parent__isnull=False)


def can_set_org_rating(user: Any, unit: OrgUnit) -> bool:
    return units_rateable_by(user).filter(pk=unit.pk).exists()


# --- Calibration forum, publication, documents ----------------------------------------------


def _heads_agency(actor: Actor, agency: OrgUnit) -> bool:
    """The OPD head today, definitive or Plt/Plh."""
    return any(p.is_unit_head and p.unit_id == agency.pk for p in actor.positions)


def can_view_forum(user: Any, agency: OrgUnit) -> bool:
    if not is_authenticated(user):
        return False
    if is_superuser(user):
        return True
    actor = actor_for(user)
    return _heads_agency(actor, agency) or covers(actor.scopes(*_FORUM_VIEW_ROLES), agency.path)


def can_manage_forum(user: Any, agency: OrgUnit) -> bool:
    """Adjustments, participants and minutes: the OPD head, its Admin OPD, Admin BKPSDM."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    return _heads_agency(actor, agency) or covers(actor.scopes(*_FORUM_MANAGE_ROLES), agency.path)


def can_lock_forum(user: Any, agency: OrgUnit) -> bool:
    """Locking publishes the OPD's predikat: the OPD head or Admin BKPSDM, not the Admin OPD alone."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    return _heads_agency(actor, agency) or covers(actor.scopes(*_FORUM_LOCK_ROLES), agency.path)


def forum_agencies_for(user: Any) -> QuerySet[OrgUnit]:
    """Agencies (OPD, kecamatan, secretariats) whose forum the user may view."""
    if not is_authenticated(user):
        return OrgUnit.objects.none()
    agencies = OrgUnit.objects.filter(kind__in=AGENCY_KINDS)
    if is_superuser(user):
        return agencies
    actor = actor_for(user)
    visible = org_selectors.under_paths("path", [scope.path for scope in actor.scopes(*_FORUM_VIEW_ROLES)])
    headed = [p.unit_id for p in actor.positions if p.is_unit_head]
    if headed:
        visible |= Q(pk__in=headed)
    return agencies.filter(visible)


def get_forum_for_user_or_404(user: Any, pk: Any) -> CalibrationForum:
    return get_visible_or_404(
        CalibrationForum.objects.filter(agency__in=forum_agencies_for(user)).select_related(
            "agency", "period__year", "opened_by", "locked_by"
        ),
        pk=pk,
    )


def can_publish_period(user: Any) -> bool:
    """City-wide publication (locks the period everywhere) is BKPSDM's."""
    if not is_authenticated(user):
        return False
    return is_superuser(user) or actor_for(user).has_role(Role.ADMIN_BKPSDM)


def can_generate_documents(user: Any, agency: OrgUnit) -> bool:
    return can_view_forum(user, agency)


def batches_visible_to(user: Any) -> QuerySet[DocumentBatch]:
    if not is_authenticated(user):
        return DocumentBatch.objects.none()
    return DocumentBatch.objects.filter(agency__in=forum_agencies_for(user))


def get_batch_for_user_or_404(user: Any, pk: Any) -> DocumentBatch:
    return get_visible_or_404(batches_visible_to(user).select_related("agency", "period__year"), pk=pk)


def can_use_calculator(user: Any) -> bool:
    """The distribution calculator shows rules only, no one's data: everyone logged in may use it."""
    return is_authenticated(user)

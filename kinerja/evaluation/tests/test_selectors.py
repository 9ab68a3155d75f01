"""Reads of evaluation: the cast, the evaluation page, the team, the forum, the keberatan timeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from kinerja.accounts.models import User
from kinerja.evaluation import rating, selectors
from kinerja.evaluation.choices import CURVE_ORDER, EvaluationStatus, ObjectionStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import CalibrationAdjustment, Evaluation
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import (
    CalibrationForumFactory,
    EvaluationFactory,
    ObjectionFactory,
    OrganizationRatingFactory,
)
from kinerja.monitoring.tests.factories import FeedbackFactory, RealizationFactory
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod
from kinerja.planning.tests.factories import WorkPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _other_period(cast: EvaluationCast, **lookup) -> EvaluationPeriod:
    return EvaluationPeriod.objects.exclude(pk=cast.period.pk).filter(year=cast.year, **lookup).first()


# --- The cast ----------------------------------------------------------------------------------


def test_the_cast_has_an_open_evaluation_per_approved_skp_of_dinas_a(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluations = Evaluation.objects.filter(period=cast.period)
    assert {e.employee.name for e in evaluations} == {"Alice", "Carol", "Sam", "Hana"}
    assert all(e.status == EvaluationStatus.OPEN and e.agency_id == cast.opd_a.pk for e in evaluations)
    staff = cast.evaluations["staff"]
    assert (staff.penilai, staff.atasan_penilai) == (cast.employee("supervisor"), cast.employee("opd_head"))
    assert (staff.is_unit_head, staff.is_agency_head) == (False, False)
    supervisor = cast.evaluations["supervisor"]
    assert (supervisor.penilai, supervisor.atasan_penilai) == (cast.employee("opd_head"), None)
    assert (supervisor.is_unit_head, supervisor.is_agency_head) == (True, False)
    head = cast.evaluations["opd_head"]
    assert (head.penilai, head.is_unit_head, head.is_agency_head) == (None, True, True)
    assert cast.colleague_plan.items.get().supported_item == cast.kabid_items[0]


def test_rate_and_publish_helpers_follow_the_matrix(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluation = rate(cast.evaluations["staff"], Rating.ABOVE, Rating.ABOVE, cast.user("supervisor"))
    assert (evaluation.status, evaluation.proposed_predikat) == (EvaluationStatus.RATED, Predikat.SANGAT_BAIK)
    publish(evaluation)
    fresh = cast.evaluation("staff")
    assert fresh.is_published and fresh.final_predikat == Predikat.SANGAT_BAIK and fresh.published_at is not None


# --- Org rating and the evaluation page ------------------------------------------------------


def test_the_effective_org_rating_is_the_units_own_else_the_nearest_ancestors(evaluation_cast):
    cast = evaluation_cast
    assert selectors.effective_org_rating(cast.bidang_a1, cast.period) is None
    opd = OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.ISTIMEWA)
    OrganizationRatingFactory(unit=cast.bidang_a1, period=_other_period(cast), predikat=OrgPredikat.KURANG)
    assert selectors.effective_org_rating(cast.bidang_a1, cast.period) == opd
    own = OrganizationRatingFactory(unit=cast.bidang_a1, period=cast.period, predikat=OrgPredikat.BAIK)
    assert selectors.effective_org_rating(cast.bidang_a1, cast.period) == own
    assert selectors.effective_org_rating(cast.opd_a, cast.period) == opd
    assert selectors.effective_org_rating(cast.opd_b, cast.period) is None


def test_the_evaluation_detail_shows_the_periods_evidence_and_the_suggestion(evaluation_cast):
    cast = evaluation_cast
    RealizationFactory(indicator=cast.staff_indicators[0], period=cast.period, value=Decimal("12"))
    this_period = FeedbackFactory(
        work_plan=cast.staff_plan, item=cast.staff_items[0], author=cast.user("supervisor"), period=cast.period
    )
    FeedbackFactory(
        work_plan=cast.staff_plan, item=cast.staff_items[0], author=cast.user("supervisor"), period=_other_period(cast)
    )
    detail = selectors.evaluation_detail(cast.evaluation("staff"))
    assert [row.item for row in detail.items] == list(cast.staff_items)
    assert detail.items[0].indicators[0].realization.value == Decimal("12")
    assert detail.feedback == [this_period]
    assert detail.periodic == [] and detail.objection is None and detail.adjustments == []
    assert detail.org_rating is None and detail.unit_head_results is None
    expected = rating.suggest(detail.items, detail.feedback)
    assert (detail.suggestion.results, detail.suggestion.behaviour) == (expected.results, expected.behaviour)
    assert detail.legacy_score == rating.legacy_score(detail.items)


def test_a_unit_heads_detail_carries_the_results_rating_of_the_units_capaian(evaluation_cast):
    cast = evaluation_cast
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.ISTIMEWA)
    sam = selectors.evaluation_detail(cast.evaluation("supervisor"))
    assert sam.org_rating.unit == cast.opd_a  # Bidang A1 has none of its own: Dinas A's holds
    assert sam.unit_head_results == Rating.ABOVE
    assert selectors.evaluation_detail(cast.evaluation("staff")).unit_head_results is None


def test_an_annual_detail_lists_the_periodic_evaluations_of_the_same_skp(evaluation_cast):
    cast = evaluation_cast
    annual = EvaluationFactory(work_plan=cast.staff_plan, period=_other_period(cast, kind=PeriodKind.ANNUAL))
    publish(rate(cast.evaluation("staff"), Rating.ABOVE, Rating.MEETS, cast.user("supervisor")))
    objection = ObjectionFactory(evaluation=annual)
    detail = selectors.evaluation_detail(annual)
    assert detail.periodic == [cast.evaluation("staff")]
    assert detail.objection == objection
    expected = rating.suggest_annual([(cast.period.name, Rating.ABOVE, Rating.MEETS)])
    assert detail.suggestion.results == expected.results


# --- The penilai's team, one's own results, the current period --------------------------------


def _team(employee, period):
    return {row.plan.employee.name: row for row in selectors.team_evaluations(employee, period)}


def test_the_team_is_every_skp_the_person_rates_in_the_period(evaluation_cast):
    cast = evaluation_cast
    rate(cast.evaluation("staff"), Rating.MEETS, Rating.BELOW, cast.user("supervisor"))
    team = _team(cast.employee("supervisor"), cast.period)
    assert set(team) == {"Alice", "Carol"}
    assert (team["Alice"].status, team["Alice"].predikat) == (EvaluationStatus.RATED, Predikat.KURANG)
    assert (team["Carol"].status, team["Carol"].predikat) == (EvaluationStatus.OPEN, "")
    assert set(_team(cast.employee("opd_head"), cast.period)) == {"Sam"}
    assert set(_team(cast.employee("leader"), cast.period)) == {"Hana"}  # the Pimpinan daerah rates OPD heads
    assert _team(cast.employee("staff"), cast.period) == {}


def test_the_team_shows_skp_without_an_opened_evaluation(evaluation_cast):
    cast = evaluation_cast
    Evaluation.objects.filter(pk=cast.evaluations["colleague"].pk).delete()
    team = _team(cast.employee("supervisor"), cast.period)
    assert (team["Carol"].evaluation, team["Carol"].status) == (None, selectors.NOT_OPENED)


def test_a_plt_inherits_the_team_of_a_penilai_who_left(evaluation_cast):
    cast = evaluation_cast
    today = org_selectors.today()
    Assignment.objects.filter(employee=cast.employee("supervisor")).update(end_date=today - dt.timedelta(days=1))
    plt = EmployeeFactory(name="Putra")
    AssignmentFactory(employee=plt, position=cast.positions["kabid"], kind=AssignmentKind.PLT, start_date=today)
    assert set(_team(plt, cast.period)) == {"Alice", "Carol"}


def test_my_evaluations_are_newest_first(evaluation_cast):
    cast = evaluation_cast
    periods = {(p.kind, p.number): p for p in EvaluationPeriod.objects.filter(year=cast.year)}
    first = periods[(PeriodKind.PERIODIC, 1)]
    fourth = periods[(PeriodKind.PERIODIC, 4)]
    annual = next(p for (kind, _), p in periods.items() if kind == PeriodKind.ANNUAL)
    made = {
        p.pk: EvaluationFactory(work_plan=cast.staff_plan, period=p) for p in {first, fourth, annual} - {cast.period}
    }
    made[cast.period.pk] = cast.evaluation("staff")
    mine = list(selectors.my_evaluations(cast.employee("staff")))
    assert [e.period for e in mine] == sorted(
        (e.period for e in made.values()), key=lambda p: (-p.end_date.toordinal(), p.kind != PeriodKind.ANNUAL)
    )
    assert mine[0].period == annual


def test_the_current_period_contains_today_else_is_the_last_started(evaluation_cast):
    cast = evaluation_cast
    assert selectors.current_period() == cast.period
    assert selectors.current_period(cast.year) == cast.period
    EvaluationPeriod.objects.filter(pk=cast.period.pk).update(start_date=timezone.localdate() + dt.timedelta(days=1))
    current = selectors.current_period(cast.year)
    assert current is not None and current.start_date <= org_selectors.today()


# --- The forum --------------------------------------------------------------------------------


def test_the_forum_without_an_org_rating_lists_the_people_but_checks_nothing(evaluation_cast):
    cast = evaluation_cast
    rate(cast.evaluation("staff"), Rating.ABOVE, Rating.ABOVE, cast.user("supervisor"))
    view = selectors.forum_view(cast.opd_a, cast.period)
    assert view.forum is None and view.org_rating is None and view.check is None and view.fit is None
    # The OPD head is calibrated outside her own OPD's forum.
    assert {row.evaluation.employee.name for row in view.rows} == {"Alice", "Carol", "Sam"}
    assert view.unrated == 2
    assert view.chart["counts"] == [0, 0, 0, 0, 1]
    assert view.chart["labels"] == [str(Predikat(p).label) for p in CURVE_ORDER]
    assert view.chart["target"] == []


def _rate_all(cast: EvaluationCast, results: str, behaviour: str) -> None:
    for name in ("staff", "colleague", "supervisor"):
        rate(cast.evaluation(name), results, behaviour, cast.user("supervisor"))


def test_the_forum_checks_the_curve_and_proposes_the_fewest_changes(evaluation_cast, settings):
    settings.KINERJA_SMALL_UNIT_SIZE = 3  # three people: the percentage rules bind (no small-unit warnings)
    cast = evaluation_cast
    forum = CalibrationForumFactory(agency=cast.opd_a, period=cast.period)
    org = OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.BAIK)
    _rate_all(cast, Rating.MEETS, Rating.MEETS)  # everyone Baik: at most 70% may be
    Evaluation.objects.filter(pk=cast.evaluations["colleague"].pk).update(legacy_score=Decimal("70"))
    Evaluation.objects.filter(pk=cast.evaluations["staff"].pk).update(legacy_score=Decimal("95"))
    view = selectors.forum_view(cast.opd_a, cast.period)
    assert (view.forum, view.org_rating, view.unrated) == (forum, org, 0)
    assert view.counts[Predikat.BAIK] == 3
    assert not view.check.ok
    assert view.fit.total_moves == len(view.proposals) >= 1
    # The lowest nilai of the donor predikat moves first.
    assert view.proposals[0].evaluation_id == cast.evaluations["colleague"].pk
    assert view.chart["counts"] == [0, 0, 0, 3, 0]
    assert view.chart["target"] == [view.fit.target.get(p, 0) for p in CURVE_ORDER]
    assert view.chart["min"] == [view.curve[p][0] for p in CURVE_ORDER]
    assert view.chart["max"] == [view.curve[p][1] for p in CURVE_ORDER]
    assert sum(view.chart["target"]) == 3


def test_the_forum_counts_the_final_predikat_of_an_adjusted_person(evaluation_cast):
    cast = evaluation_cast
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.BAIK)
    _rate_all(cast, Rating.MEETS, Rating.MEETS)
    Evaluation.objects.filter(pk=cast.evaluations["colleague"].pk).update(final_predikat=Predikat.BUTUH_PERBAIKAN)
    view = selectors.forum_view(cast.opd_a, cast.period)
    carol = next(row for row in view.rows if row.evaluation.employee.name == "Carol")
    assert (carol.proposed, carol.predikat, carol.adjusted) == (Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, True)
    assert view.counts[Predikat.BUTUH_PERBAIKAN] == 1 and view.counts[Predikat.BAIK] == 2


def _add_staff(cast: EvaluationCast, count: int) -> None:
    """More rated people in Bidang A1, each with an SKP and an evaluation of the period."""
    supervisor = cast.user("supervisor")
    for n in range(count):
        employee = EmployeeFactory(name=f"Pegawai {n:02d}")
        position = PositionFactory(name=f"Pelaksana A1 {n}", unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(employee=employee, position=position)
        User.objects.create(username=f"pegawai{n}", employee=employee)
        plan = WorkPlanFactory(employee=employee, year=cast.year)
        ev = EvaluationFactory(work_plan=plan, period=cast.period)
        rate(ev, Rating.MEETS, Rating.MEETS if n % 2 else Rating.ABOVE, supervisor)
        if n % 3 == 0:
            ev.legacy_score = Decimal(80 + n)
            ev.save()


def test_the_forum_page_runs_a_constant_number_of_queries_whatever_the_opd_size(evaluation_cast):
    cast = evaluation_cast
    forum = CalibrationForumFactory(agency=cast.opd_a, period=cast.period)
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.BAIK)
    _rate_all(cast, Rating.MEETS, Rating.MEETS)
    CalibrationAdjustment.objects.create(
        forum=forum, evaluation=cast.evaluation("staff"), from_predikat=Predikat.BAIK,
        to_predikat=Predikat.BUTUH_PERBAIKAN, reason="Kurva", by=cast.user("opd_head"),
    )  # fmt: skip
    period = EvaluationPeriod.objects.select_related("year").get(pk=cast.period.pk)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            view = selectors.forum_view(cast.opd_a, period)
            [row.evaluation.employee.name for row in view.rows]  # what the page reads of each row
            [(row.evaluation.unit.name, row.evaluation.penilai) for row in view.rows]
        return len(captured)

    small = queries()
    _add_staff(cast, 12)
    large = queries()
    assert selectors.forum_view(cast.opd_a, period).total == 15
    assert small == large <= 5, (small, large)


# --- Keberatan ----------------------------------------------------------------------------------


def test_the_timeline_shows_each_step_with_its_deadline_until_done(evaluation_cast):
    cast = evaluation_cast
    ev = publish(rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor")))
    objection = ObjectionFactory(evaluation=ev)
    steps = selectors.objection_timeline(objection)
    assert [s.label for s in steps] == [
        "Result published", "Keberatan filed", "Explanation of the pejabat penilai",
        "Decision of the atasan pejabat penilai (final)",
    ]  # fmt: skip
    assert [s.done for s in steps] == [True, True, False, False]
    assert steps[1].by == "Alice" and steps[1].text == objection.reasons
    assert (steps[2].due, steps[3].due) == (objection.explanation_due, objection.decision_due)
    objection.status = ObjectionStatus.DECIDED
    objection.explanation, objection.explained_at, objection.explained_by = "Sesuai bukti.", timezone.now(), None
    objection.outcome, objection.decision_reason = "kept", "Penilaian sudah sesuai bukti."
    objection.decided_at, objection.decided_by = timezone.now(), cast.user("opd_head")
    objection.save()
    steps = selectors.objection_timeline(objection)
    assert all(s.done for s in steps) and steps[3].due is None
    assert steps[3].by == "Hana" and steps[3].text == "Result kept: Penilaian sudah sesuai bukti."


def test_a_pending_step_past_its_deadline_is_overdue(evaluation_cast):
    cast = evaluation_cast
    ev = publish(rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor")))
    objection = ObjectionFactory(evaluation=ev, explanation_due=org_selectors.today() - dt.timedelta(days=1))
    assert selectors.objection_timeline(objection)[2].overdue


def _waiting(cast: EvaluationCast) -> dict[str, list]:
    names = ("staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "leader", "other_head")
    waiting = {name: selectors.objections_waiting_for(User.objects.get(pk=cast.user(name).pk)) for name in names}
    return {name: objections for name, objections in waiting.items() if objections}


def test_keberatan_wait_for_the_penilai_to_explain_and_the_atasan_to_decide(evaluation_cast):
    cast = evaluation_cast
    alices = ObjectionFactory(evaluation=publish(rate(cast.evaluation("staff"), "sesuai", "sesuai", None)))
    sams = ObjectionFactory(evaluation=publish(rate(cast.evaluation("supervisor"), "sesuai", "sesuai", None)))
    assert _waiting(cast) == {"supervisor": [alices], "opd_head": [alices, sams], "leader": [sams]}
    alices.status = ObjectionStatus.EXPLAINED
    alices.save()
    assert _waiting(cast) == {"opd_head": [alices, sams], "leader": [sams]}
    sams.status = ObjectionStatus.DECIDED
    sams.save()
    assert _waiting(cast) == {"opd_head": [alices]}

"""Opening performance years (periods, deadlines, rule tables) and organisation goals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.core.testing import Cast
from kinerja.planning import rules, services
from kinerja.planning.choices import PeriodKind, PeriodType, YearStatus
from kinerja.planning.models import OrganizationGoal
from kinerja.planning.tests.conftest import PlanningCast
from kinerja.planning.tests.factories import PerformanceYearFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fresh(cast: Cast, name: str) -> User:
    return User.objects.get(pk=cast.user(name).pk)


def test_bkpsdm_opens_a_year_with_four_quarters_and_an_annual_period(cast: Cast) -> None:
    year = services.year_open(actor=fresh(cast, "admin_bkpsdm"), year=2030)
    assert (year.start_date, year.end_date, year.status) == (
        dt.date(2030, 1, 1),
        dt.date(2030, 12, 31),
        YearStatus.OPEN,
    )
    assert (year.skp_draft_deadline, year.skp_approval_deadline) == (dt.date(2030, 1, 31), dt.date(2030, 2, 15))
    periods = list(year.periods.order_by("kind", "number"))
    assert [(p.kind, p.name) for p in periods] == [
        (PeriodKind.ANNUAL, "Tahunan"),
        (PeriodKind.PERIODIC, "Triwulan I"),
        (PeriodKind.PERIODIC, "Triwulan II"),
        (PeriodKind.PERIODIC, "Triwulan III"),
        (PeriodKind.PERIODIC, "Triwulan IV"),
    ]
    q1 = periods[1]
    assert (q1.start_date, q1.end_date) == (dt.date(2030, 1, 1), dt.date(2030, 3, 31))
    assert (q1.realisasi_deadline, q1.evaluation_deadline) == (dt.date(2030, 4, 5), dt.date(2030, 4, 15))
    assert year.predikat_matrix == rules.PREDIKAT_MATRIX
    assert year.distribution_rules == rules.DISTRIBUTION_RULES
    assert AuditEvent.objects.filter(verb="planning.year.opened", target_id=str(year.pk)).exists()


def test_a_monthly_year_has_twelve_months_ending_on_their_last_day(cast: Cast) -> None:
    year = services.year_open(actor=fresh(cast, "admin_bkpsdm"), year=2028, period_type=PeriodType.MONTHLY)
    months = list(year.periods.filter(kind=PeriodKind.PERIODIC).order_by("number"))
    assert len(months) == 12
    assert (months[1].name, months[1].end_date) == ("Februari", dt.date(2028, 2, 29))


def test_rule_tables_are_copied_from_the_previous_year(cast: Cast) -> None:
    bkpsdm = fresh(cast, "admin_bkpsdm")
    previous = services.year_open(actor=bkpsdm, year=2030)
    changed = {
        **previous.predikat_matrix,
        "di_atas": {"di_bawah": "butuh_perbaikan", "sesuai": "baik", "di_atas": "sangat_baik"},
    }
    services.year_update(actor=bkpsdm, year=previous, predikat_matrix=changed, appeal_window_days=21)
    year = services.year_open(actor=bkpsdm, year=2031)
    assert year.predikat_matrix == changed
    assert year.appeal_window_days == 21


def test_a_year_opens_once(cast: Cast) -> None:
    services.year_open(actor=fresh(cast, "admin_bkpsdm"), year=2030)
    with pytest.raises(ValidationError) as exc:
        services.year_open(actor=fresh(cast, "admin_bkpsdm"), year=2030)
    assert "already exists" in exc.value.message_dict["year"][0]


def test_an_approval_deadline_before_the_drafting_deadline_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError) as exc:
        services.year_open(
            actor=fresh(cast, "admin_bkpsdm"),
            year=2030,
            skp_draft_deadline=dt.date(2030, 2, 1),
            skp_approval_deadline=dt.date(2030, 1, 15),
        )
    assert "skp_approval_deadline" in exc.value.message_dict


@pytest.mark.parametrize("name", ["staff", "admin_opd", "opd_head", "leader", "auditor"])
def test_only_bkpsdm_opens_years(cast: Cast, name: str) -> None:
    with pytest.raises(PermissionDenied):
        services.year_open(actor=fresh(cast, name), year=2030)


def test_bkpsdm_extends_the_drafting_deadline_and_it_is_audited(cast: Cast) -> None:
    year = PerformanceYearFactory(year=2030, skp_draft_deadline=dt.date(2030, 1, 31))
    services.year_update(actor=fresh(cast, "admin_bkpsdm"), year=year, skp_draft_deadline=dt.date(2030, 2, 10))
    year.refresh_from_db()
    assert year.skp_draft_deadline == dt.date(2030, 2, 10)
    audit = AuditEvent.objects.get(verb="planning.year.updated")
    assert (audit.before["skp_draft_deadline"], audit.after["skp_draft_deadline"]) == ("2030-01-31", "2030-02-10")
    with pytest.raises(ValidationError) as exc:
        services.year_update(actor=fresh(cast, "admin_bkpsdm"), year=year, start_date=dt.date(2030, 2, 1))
    assert "start_date" in exc.value.message_dict


INDICATORS = [{"text": "Indeks kepuasan masyarakat", "target_value": "85", "target_unit": "indeks"}]


def test_admin_opd_adds_a_goal_of_their_agency_with_indicators(planning_cast: PlanningCast) -> None:
    goal = services.goal_create(
        actor=fresh(planning_cast, "admin_opd"),
        year=planning_cast.year,
        unit=planning_cast.opd_a,
        statement="Meningkatnya layanan",
        code="SS-9",
        indicators=INDICATORS,
    )
    indicator = goal.indicators.get()
    assert (indicator.text, str(indicator.target_value), indicator.target_unit) == (
        "Indeks kepuasan masyarakat",
        "85.00",
        "indeks",
    )
    assert goal.order == 4
    audit = AuditEvent.objects.get(verb="planning.goal.created")
    assert audit.org_unit == planning_cast.opd_a


@pytest.mark.parametrize(
    ("indicators", "fragment"),
    [
        ([], "at least one indicator"),
        ([{"text": "IKM", "target_value": "banyak", "target_unit": "indeks"}], "target_value"),
        ([{"text": "IKM"}], "number or as a narrative"),
        ([{"text": "IKM", "target_value": "80"}], "unit of measure"),
        ([{"text": "", "target_text": "Baik"}], "text"),
    ],
)
def test_a_goal_indicator_without_a_proper_target_is_refused(
    planning_cast: PlanningCast, indicators: list, fragment: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        services.goal_create(
            actor=fresh(planning_cast, "opd_head"),
            year=planning_cast.year,
            unit=planning_cast.opd_a,
            statement="Sasaran",
            indicators=indicators,
        )
    assert fragment in exc.value.message_dict["indicators"][0]
    assert OrganizationGoal.objects.filter(unit=planning_cast.opd_a).count() == 3


def test_goals_belong_to_agencies_not_to_divisions(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        services.goal_create(
            actor=fresh(planning_cast, "admin_bkpsdm"),
            year=planning_cast.year,
            unit=planning_cast.bidang_a1,
            statement="Sasaran",
            indicators=INDICATORS,
        )
    assert "unit" in exc.value.message_dict


@pytest.mark.parametrize("name", ["staff", "supervisor", "other_head", "auditor"])
def test_others_cannot_manage_the_goals_of_dinas_a(planning_cast: PlanningCast, name: str) -> None:
    with pytest.raises(PermissionDenied):
        services.goal_create(
            actor=fresh(planning_cast, name),
            year=planning_cast.year,
            unit=planning_cast.opd_a,
            statement="Sasaran",
            indicators=INDICATORS,
        )


def test_goal_update_replaces_its_indicators(planning_cast: PlanningCast) -> None:
    goal = planning_cast.goals[0]
    services.goal_update(
        actor=fresh(planning_cast, "opd_head"),
        goal=goal,
        statement="Sasaran baru",
        code="SS-1",
        indicators=[{"text": "Opini BPK", "target_text": "WTP"}],
    )
    goal.refresh_from_db()
    assert goal.statement == "Sasaran baru"
    assert list(goal.indicators.values_list("text", "target_text")) == [("Opini BPK", "WTP")]
    assert AuditEvent.objects.get(verb="planning.goal.updated").before["statement"] != "Sasaran baru"


def test_a_goal_that_an_rhk_supports_cannot_be_deleted_but_an_unserved_one_can(planning_cast: PlanningCast) -> None:
    head = fresh(planning_cast, "opd_head")
    with pytest.raises(ValidationError) as exc:
        services.goal_delete(actor=head, goal=planning_cast.goals[0])
    assert "1 RHK" in exc.value.message_dict["goal"][0]
    services.goal_delete(actor=head, goal=planning_cast.goals[2])
    assert not OrganizationGoal.objects.filter(pk=planning_cast.goals[2].pk).exists()
    assert AuditEvent.objects.filter(verb="planning.goal.deleted").count() == 1

import datetime as dt

from kinerja.organization import selectors, services
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.tests.factories import EmployeeFactory


def test_staff_penilai_is_kabid_and_atasan_is_opd_head(cast):
    situation = selectors.situation_on(cast.employee("staff"))
    assert situation.position == cast.positions["staff"]
    assert situation.unit == cast.bidang_a1
    assert situation.pejabat_penilai.employee == cast.employee("supervisor")
    assert situation.atasan_pejabat_penilai.employee == cast.employee("opd_head")


def test_vacant_supervisor_position_passes_penilai_up_the_line(cast):
    today = selectors.today()
    kabid_assignment = cast.employee("supervisor").assignments.get()
    services.assignment_end(actor=None, assignment=kabid_assignment, end_date=today - dt.timedelta(days=1))
    situation = selectors.situation_on(cast.employee("staff"), today)
    assert situation.pejabat_penilai.employee == cast.employee("opd_head")
    assert situation.atasan_pejabat_penilai is None


def test_plt_holder_becomes_penilai_while_position_is_vacant(cast):
    today = selectors.today()
    services.assignment_end(
        actor=None, assignment=cast.employee("supervisor").assignments.get(), end_date=today - dt.timedelta(days=10)
    )
    acting = EmployeeFactory(name="Plt Kabid")
    services.assignment_start(
        actor=None,
        employee=acting,
        position=cast.positions["kabid"],
        start_date=today - dt.timedelta(days=5),
        kind=AssignmentKind.PLT,
    )
    situation = selectors.situation_on(cast.employee("staff"), today)
    assert situation.pejabat_penilai.employee == acting
    assert situation.pejabat_penilai.is_acting
    assert situation.atasan_pejabat_penilai.employee == cast.employee("opd_head")
    # On a date before the Plt started, the role had already passed up to the OPD head.
    earlier = selectors.situation_on(cast.employee("staff"), today - dt.timedelta(days=7))
    assert earlier.pejabat_penilai.employee == cast.employee("opd_head")


def test_team_of_kabid_is_the_two_staff(cast):
    team = set(selectors.team_members(cast.employee("supervisor")))
    assert team == {cast.employee("staff"), cast.employee("colleague")}


def test_mutation_closes_previous_definitive_post(cast):
    today = selectors.today()
    staff = cast.employee("staff")
    services.assignment_start(actor=None, employee=staff, position=cast.positions["staff_b"], start_date=today)
    history = list(selectors.assignment_history(staff))
    assert history[0].position == cast.positions["staff_b"]
    assert history[1].end_date == today - dt.timedelta(days=1)
    assert selectors.situation_on(staff, today).pejabat_penilai.employee == cast.employee("other_head")
    assert selectors.situation_on(staff, today - dt.timedelta(days=1)).pejabat_penilai.employee == cast.employee(
        "supervisor"
    )

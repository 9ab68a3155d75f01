"""seed_demo builds a consistent, deterministic Kota Lhokseumawe with working demo accounts."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.utils import translation

from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant, User
from kinerja.audit.models import AuditEvent
from kinerja.demo import jobs
from kinerja.demo.builder import DEMO_PASSWORD
from kinerja.demo.people import LAST_TMT_YEAR, pns_range, rank_index
from kinerja.organization import nip as nip_codec
from kinerja.organization import selectors
from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind, EmploymentType, PositionKind, UnitKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

pytestmark = pytest.mark.django_db

SMALL = 120
DEMO_ACCOUNTS = ("pegawai", "penilai", "kepala.opd", "admin.opd", "admin.bkpsdm", "walikota", "auditor")
ENTRY_AGES = {"II/a": (19, 25), "II/c": (21, 27), "III/a": (22, 30), "III/b": (25, 30)}


def seed(*args: str, employees: int = SMALL, seed: int = 7) -> str:
    out = io.StringIO()
    # Messages are asserted in their English source form, whatever the catalogue says.
    with translation.override("en"):
        call_command("seed_demo", "--employees", str(employees), "--seed", str(seed), *args, stdout=out)
    return out.getvalue()


def people() -> list[tuple[str, str, str, str]]:
    return list(Employee.objects.order_by("nip").values_list("nip", "name", "back_title", "rank__code"))


def test_seed_creates_exactly_the_requested_number_of_employees_each_with_one_definitive_post() -> None:
    seed()
    assert Employee.objects.count() == SMALL
    definitive = Assignment.objects.filter(kind=AssignmentKind.DEFINITIVE)
    assert definitive.count() == SMALL
    assert definitive.values("employee").distinct().count() == SMALL


def test_same_seed_gives_the_same_people_and_another_seed_does_not() -> None:
    seed()
    first = people()
    seed("--reset")
    assert people() == first
    seed("--reset", seed=8)
    assert people() != first


def test_every_nip_is_valid_and_agrees_with_golongan_age_and_service() -> None:
    seed(employees=300)
    posts = {a.employee_id: a.position for a in Assignment.objects.filter(kind=AssignmentKind.DEFINITIVE)}
    for employee in Employee.objects.select_related("rank"):
        assert employee.rank.employment_type == employee.employment_type
        position = posts[employee.pk]
        if employee.employment_type == EmploymentType.PPPK:
            decoded = nip_codec.decode_pppk(employee.nip)
            assert decoded.birth_date == employee.birth_date
            assert employee.rank.code in {"V", "VII", "IX", "X"}
            assert 2021 <= int(employee.nip[8:12]) <= 2024 and employee.nip[12:14] == "21"
            assert position.kind in (PositionKind.FUNCTIONAL, PositionKind.EXECUTOR) and not position.is_unit_head
            continue
        decoded = nip_codec.decode_pns(employee.nip)
        assert (decoded.birth_date, decoded.tmt_cpns, decoded.sex) == (
            employee.birth_date,
            employee.tmt_cpns,
            employee.sex,
        )
        low, high = pns_range(position.kind, position.level)
        assert rank_index(low) <= rank_index(employee.rank.code) <= rank_index(high), position.name
        # One golongan per four years of service from the entry golongan of the person's education.
        years = LAST_TMT_YEAR - employee.tmt_cpns.year
        entry = jobs.PNS_ORDER[rank_index(employee.rank.code) - years // jobs.YEARS_PER_RANK]
        assert entry in ENTRY_AGES, (employee.nip, employee.rank.code)
        age_at_tmt = (employee.tmt_cpns - employee.birth_date).days // 365.25
        low_age, high_age = ENTRY_AGES[entry]
        assert low_age <= age_at_tmt <= high_age, employee.nip


def test_nip_sequence_numbers_keep_every_number_unique() -> None:
    seed(employees=300)
    nips = list(Employee.objects.values_list("nip", flat=True))
    assert len(nips) == len(set(nips))
    assert all(len(nip) == 18 and nip.isdigit() for nip in nips)


def test_about_a_third_of_the_employees_are_pppk() -> None:
    seed(employees=600)
    pppk = Employee.objects.filter(employment_type=EmploymentType.PPPK).count()
    assert 0.3 * 600 <= pppk <= 0.4 * 600


@pytest.mark.parametrize("username", DEMO_ACCOUNTS)
def test_demo_account_logs_in_with_the_demo_password(client, username: str) -> None:
    seed()
    # django-axes needs the request that Django's test client does not pass on its own.
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)


def test_any_employee_logs_in_with_their_nip(client) -> None:
    seed()
    user = User.objects.exclude(username__in=DEMO_ACCOUNTS).select_related("employee").first()
    assert user.username == user.employee.nip
    nip = nip_codec.format_nip(user.employee.nip)
    assert client.login(request=HttpRequest(), username=nip, password=DEMO_PASSWORD)


def test_penilai_is_the_pegawai_supervisor_and_kepala_opd_the_atasan() -> None:
    seed()
    accounts = {u.username: u for u in User.objects.select_related("employee")}
    situation = selectors.situation_on(accounts["pegawai"].employee)
    assert situation.position.kind == PositionKind.FUNCTIONAL
    assert situation.pejabat_penilai.employee == accounts["penilai"].employee
    assert situation.pejabat_penilai.position.kind == PositionKind.ADMINISTRATOR
    assert situation.atasan_pejabat_penilai.employee == accounts["kepala.opd"].employee
    assert situation.atasan_pejabat_penilai.position.unit.name == "Dinas Kesehatan"


def test_scoped_roles_are_granted_to_the_admins_the_auditor_and_the_walikota() -> None:
    seed()
    grants = {(g.user.username, g.role, g.scope.code) for g in RoleGrant.objects.select_related("user", "scope")}
    dinkes = OrgUnit.objects.get(name="Dinas Kesehatan")
    assert grants == {
        ("admin.opd", Role.ADMIN_OPD, dinkes.code),
        ("admin.bkpsdm", Role.ADMIN_BKPSDM, "1174"),
        ("walikota", Role.REGIONAL_LEADER, "1174"),
        ("auditor", Role.AUDITOR, "1174"),
    }
    walikota = User.objects.get(username="walikota")
    assert walikota.employee is None
    assert walikota.get_full_name() == "Dr. Sayuti Abubakar, S.H., M.H."
    admin_opd = User.objects.get(username="admin.opd").employee
    assert selectors.agency_of(selectors.situation_on(admin_opd).unit) == dinkes
    auditor = User.objects.get(username="auditor").employee
    assert selectors.agency_of(selectors.situation_on(auditor).unit).name == "Inspektorat"


def test_sekda_reports_to_nobody_and_every_head_of_an_opd_reports_to_the_sekda() -> None:
    seed(employees=600)
    sekda = Position.objects.get(reports_to__isnull=True)
    assert sekda.name == "Sekretaris Daerah"
    heads = Position.objects.filter(is_unit_head=True, unit__kind__in=AGENCY_KINDS).exclude(pk=sekda.pk)
    assert heads.count() == 31 + 4  # the OPD besides the Setda, and the four kecamatan
    assert set(heads.values_list("reports_to", flat=True)) == {sekda.pk}
    assert set(heads.filter(unit__kind=UnitKind.DISTRICT).values_list("kind", flat=True)) == {"administrator"}


def test_materialised_paths_match_the_trees() -> None:
    seed()
    for unit in OrgUnit.objects.select_related("parent"):
        assert unit.path == unit.compute_path()
        assert unit.depth == unit.path.count("/") - 2
    for position in Position.objects.select_related("reports_to"):
        assert position.path == position.compute_path()


def test_the_city_has_some_vacancies_and_some_acting_officials() -> None:
    seed(employees=600)
    assert Assignment.objects.filter(kind=AssignmentKind.PLT).exists()
    held = Assignment.objects.values("position")
    assert Position.objects.exclude(pk__in=held).exists()


def test_one_audit_event_records_the_seeding_with_its_counts() -> None:
    seed()
    events = list(AuditEvent.objects.all())
    # Besides it, only the evaluation steps the seeder plays through the services (demo/evaluation.py): org
    # ratings, forums, publication, keberatan; the bulk rows (people, SKPs, ratings) are not audited one by one.
    own = [e for e in events if not e.verb.startswith("evaluation.")]
    assert [e.verb for e in own] == ["demo.city.seeded"]
    assert own[0].after["employees"] == SMALL
    assert not any(e.verb == "evaluation.evaluation.rated" for e in events)


def test_if_empty_does_nothing_the_second_time() -> None:
    seed("--if-empty")
    before = people()
    events = AuditEvent.objects.count()
    output = seed("--if-empty", seed=99)
    assert "already exist" in output
    assert people() == before
    assert AuditEvent.objects.count() == events
    assert AuditEvent.objects.filter(verb="demo.city.seeded").count() == 1


def test_seeding_over_an_existing_city_without_reset_is_refused() -> None:
    seed()
    with pytest.raises(CommandError, match="--reset"):
        seed()


def test_reset_keeps_superusers_and_replaces_everyone_else() -> None:
    seed()
    User.objects.create_superuser("root", password="root-password-1")  # noqa: S106
    seed("--reset", seed=3)
    assert User.objects.filter(username="root", is_superuser=True).exists()
    assert Employee.objects.count() == SMALL
    assert User.objects.filter(is_superuser=False).count() == SMALL + 1  # everyone plus the walikota


def test_too_few_employees_is_refused_with_the_rule() -> None:
    with pytest.raises(CommandError, match="at least 20"):
        seed(employees=5)


def test_demo_accounts_hold_one_definitive_post_and_their_opd_has_no_vacancy() -> None:
    seed(employees=600)
    for username in ("pegawai", "penilai", "kepala.opd", "admin.opd", "admin.bkpsdm", "auditor"):
        employee = User.objects.get(username=username).employee
        assert list(Assignment.objects.filter(employee=employee).values_list("kind", flat=True)) == ["definitif"]
    dinkes = OrgUnit.objects.get(name="Dinas Kesehatan")
    in_dinkes = Position.objects.filter(unit__path__startswith=dinkes.path)
    assert not in_dinkes.exclude(pk__in=Assignment.objects.values("position")).exists()

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from kinerja.audit.models import AuditEvent
from kinerja.imports import services
from kinerja.imports.models import ImportStatus
from kinerja.imports.tests.files import HEAD_NIP, KABID_NIP, PPPK_NI, STAFF_NIP, mini_city, to_xlsx
from kinerja.imports.tests.helpers import check, check_and_apply
from kinerja.imports.tests.synthetic import to_csv
from kinerja.organization import selectors
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the wording of messages; the product's default language is Indonesian."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "samples"


def _table_sizes() -> tuple[int, int, int, int, int]:
    return (
        OrgUnit.objects.count(),
        Position.objects.count(),
        Employee.objects.count(),
        Assignment.objects.count(),
        AuditEvent.objects.count(),
    )


def test_preview_counts_what_would_change_and_writes_nothing():
    job = check(to_csv(mini_city()))
    assert job.status == ImportStatus.VALIDATED
    assert job.counts["units"] == {"create": 3, "update": 0, "unchanged": 0}
    assert job.counts["positions"] == {"create": 5, "update": 0, "unchanged": 0}
    assert job.counts["employees"] == {"create": 4, "update": 0, "unchanged": 0}
    assert job.counts["assignments"] == {"create": 4, "end": 0, "unchanged": 0}
    assert _table_sizes() == (0, 0, 0, 0, 0)


def test_valid_file_builds_the_tree_and_the_penilai_chain():
    job = check_and_apply(to_csv(mini_city()))
    assert job.status == ImportStatus.DONE
    root, dinas, bidang = (OrgUnit.objects.get(code=code) for code in ("K", "K.1", "K.1.1"))
    assert (root.path, root.depth) == (f"/{root.pk}/", 0)
    assert dinas.path == f"/{root.pk}/{dinas.pk}/"
    assert bidang.path == f"/{root.pk}/{dinas.pk}/{bidang.pk}/" and bidang.depth == 2
    head, kabid, analyst = (Position.objects.get(code=code) for code in ("KD1", "KB1", "AN1"))
    assert analyst.path == f"/{head.pk}/{kabid.pk}/{analyst.pk}/"
    assert head.is_unit_head and kabid.is_unit_head and not analyst.is_unit_head
    assert analyst.level == "ahli_pertama" and analyst.unit == bidang

    staff = Employee.objects.get(nip=STAFF_NIP)
    assert staff.full_name == "Syarifah Maulida, S.Psi."
    assert (staff.birth_date, staff.sex, staff.rank.code) == (dt.date(1992, 7, 9), "F", "III/b")
    situation = selectors.situation_on(staff, dt.date(2024, 1, 1))
    assert situation.position == analyst
    assert situation.pejabat_penilai.employee.nip == KABID_NIP
    assert situation.atasan_pejabat_penilai.employee.nip == HEAD_NIP
    pppk = Employee.objects.get(nip=PPPK_NI)
    assert (pppk.employment_type, pppk.rank.code, pppk.tmt_cpns) == ("pppk", "IX", None)
    assert Employee.objects.get(nip=KABID_NIP).rank.code == "IV/a"  # SIASN code 41
    assert not Position.objects.get(code="VAC1").assignments.exists()

    applied = AuditEvent.objects.get(verb="imports.import_job.applied")
    assert applied.after["employees"]["create"] == 4
    assert AuditEvent.objects.filter(verb="organization.employee.created").count() == 4
    assert AuditEvent.objects.filter(verb="organization.assignment.started", subject=staff).count() == 1


def test_reimporting_the_same_file_changes_nothing_and_writes_no_audit_events():
    check_and_apply(to_csv(mini_city()))
    before = _table_sizes()
    job = check_and_apply(to_csv(mini_city()))
    assert job.status == ImportStatus.DONE
    assert job.counts["employees"] == {"create": 0, "update": 0, "unchanged": 4}
    assert job.counts["assignments"] == {"create": 0, "end": 0, "unchanged": 4}
    # Only the import's own event is new.
    assert _table_sizes() == (*before[:4], before[4] + 1)


def test_changed_name_updates_the_employee_by_nip_with_an_audit_event():
    check_and_apply(to_csv(mini_city()))
    rows = mini_city()
    rows[3]["NAMA"] = "Syarifah Maulida Rahman"
    job = check_and_apply(to_csv(rows))
    assert job.counts["employees"] == {"create": 0, "update": 1, "unchanged": 3}
    staff = Employee.objects.get(nip=STAFF_NIP)
    assert staff.name == "Syarifah Maulida Rahman"
    event = AuditEvent.objects.get(verb="organization.employee.updated")
    assert event.subject == staff
    assert (event.before["name"], event.after["name"]) == ("Syarifah Maulida", "Syarifah Maulida Rahman")


def test_a_later_definitive_post_ends_the_previous_one_the_day_before():
    check_and_apply(to_csv(mini_city()))
    rows = mini_city()
    rows[3].update({"JABATAN_ID": "AN2", "JABATAN_NAMA": "Analis Kebijakan", "TMT_JABATAN": "01-07-2025"})
    job = check_and_apply(to_csv(rows))
    assert job.counts["assignments"] == {"create": 1, "end": 1, "unchanged": 3}
    old, new = Assignment.objects.filter(employee__nip=STAFF_NIP).order_by("start_date")
    assert old.end_date == dt.date(2025, 6, 30)
    assert (new.position.code, new.end_date) == ("AN2", None)


def test_plt_row_adds_an_acting_post_on_top_of_the_definitive_one():
    rows = mini_city()
    rows.append({"UNOR_ID": "K.1", "JABATAN_ID": "KD1", "NIP_BARU": KABID_NIP, "TMT_JABATAN": "01-02-2026",
                 "JENIS_PENUGASAN": "Plt"})  # fmt: skip
    rows[1].pop("NIP_BARU")
    for key in ("JENIS_PEGAWAI", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "GOL_AKHIR", "TMT_JABATAN"):
        rows[1].pop(key)
    check_and_apply(to_csv(rows))
    kinds = set(Assignment.objects.filter(employee__nip=KABID_NIP).values_list("kind", flat=True))
    assert kinds == {AssignmentKind.DEFINITIVE, AssignmentKind.PLT}
    situation = selectors.situation_on(Employee.objects.get(nip=STAFF_NIP), dt.date(2026, 3, 1))
    assert situation.atasan_pejabat_penilai is None  # the kabid is penilai; the head above is the kabid himself


def test_file_with_bad_rows_changes_nothing_and_reports_every_bad_row():
    rows = mini_city()
    other = "198703152011012003"
    rows += [
        {"UNOR_ID": "K.1.1", "JABATAN_ID": "B1", "JABATAN_NAMA": "X", "JENIS_JABATAN": "Pelaksana",
         "NIP_BARU": "12345", "NAMA": "Salah NIP", "TMT_JABATAN": "01-01-2020"},  # row 8
        {"UNOR_ID": "K.1.1", "JABATAN_ID": "B2", "JABATAN_NAMA": "X", "JENIS_JABATAN": "Pelaksana",
         "NIP_BARU": other, "NAMA": "Salah Gol", "GOL_AKHIR": "V/z", "TMT_JABATAN": "01-01-2020"},  # row 9
        {"UNOR_ID": "Z.9", "UNOR_NAMA": "Tanpa Induk", "UNOR_INDUK_ID": "NOPE", "UNOR_JENIS": "seksi"},  # row 10
        {"UNOR_ID": "K.1.1", "JABATAN_ID": "B3", "JABATAN_NAMA": "X", "JENIS_JABATAN": "Pelaksana",
         "NIP_BARU": STAFF_NIP, "NAMA": "Syarifah Maulida", "TMT_JABATAN": "01-01-2020"},  # row 11: duplicate
        {"UNOR_ID": "K.1.1", "JABATAN_ID": "B4", "JABATAN_NAMA": "Kepala Kedua", "JENIS_JABATAN": "Pengawas",
         "KEPALA_UNOR": "Y"},  # row 12: second head of K.1.1
        {"UNOR_ID": "K.1", "JABATAN_ID": "L1", "JABATAN_NAMA": "Loop 1", "JENIS_JABATAN": "Pelaksana",
         "JABATAN_ATASAN_ID": "L2"},  # row 13
        {"UNOR_ID": "K.1", "JABATAN_ID": "L2", "JABATAN_NAMA": "Loop 2", "JENIS_JABATAN": "Pelaksana",
         "JABATAN_ATASAN_ID": "L1"},  # row 14
        {"UNOR_ID": "K.1", "JABATAN_ID": "B5", "JABATAN_NAMA": "X", "JENIS_JABATAN": "Pelaksana",
         "JABATAN_ATASAN_ID": "MISSING"},  # row 15
        {"UNOR_ID": "K.1", "JABATAN_ID": "B6", "JABATAN_NAMA": "X", "JENIS_JABATAN": "Pelaksana",
         "NIP_BARU": "198812072012011001", "NAMA": "Salah Tanggal", "TMT_JABATAN": "31-02-2024"},  # row 16
    ]  # fmt: skip
    job = check(to_csv(rows))
    assert job.status == ImportStatus.INVALID
    reported = {(e["row"], e["column"]) for e in job.errors}
    assert {
        (8, "NIP_BARU"),
        (9, "GOL_AKHIR"),
        (10, "UNOR_INDUK_ID"),
        (11, "NIP_BARU"),
        (12, "KEPALA_UNOR"),
        (13, "JABATAN_ATASAN_ID"),
        (14, "JABATAN_ATASAN_ID"),
        (15, "JABATAN_ATASAN_ID"),
        (16, "TMT_JABATAN"),
    } <= reported
    messages = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert "18" in messages[(8, "NIP_BARU")]
    assert "row 5" in messages[(11, "NIP_BARU")]
    assert "NOPE" in messages[(10, "UNOR_INDUK_ID")]
    with pytest.raises(ValidationError):
        services.import_job_request_apply(job=job, actor=None)
    assert _table_sizes() == (0, 0, 0, 0, 0)


def test_apply_checks_the_file_again_and_writes_nothing_when_the_database_changed():
    check_and_apply(to_csv(mini_city()))
    rows = mini_city()
    rows.append({"UNOR_ID": "K.1.1", "JABATAN_ID": "NEW1", "JABATAN_NAMA": "Baru", "JENIS_JABATAN": "Pelaksana"})
    job = check(to_csv(rows))
    assert job.status == ImportStatus.VALIDATED
    # Meanwhile someone makes another position head of Bidang Satu... by moving the kabid's flag in the file's way.
    Position.objects.filter(code="KB1").update(is_unit_head=False)
    Position.objects.filter(code="AN1").update(is_unit_head=True)
    before = _table_sizes()
    services.import_job_request_apply(job=job, actor=None)
    services.import_job_apply(job=job)
    assert job.status == ImportStatus.INVALID
    assert any(e["column"] == "KEPALA_UNOR" for e in job.errors)
    assert _table_sizes() == before
    assert not Position.objects.filter(code="NEW1").exists()


def test_a_job_can_be_applied_only_once():
    job = check(to_csv(mini_city()))
    services.import_job_request_apply(job=job, actor=None)
    with pytest.raises(ValidationError):
        services.import_job_request_apply(job=job, actor=None)


@pytest.mark.parametrize("name", ["siasn_contoh.csv", "siasn_contoh.xlsx"])
def test_sample_files_import_cleanly_into_an_empty_database(name):
    job = check_and_apply((SAMPLES / name).read_bytes(), name)
    assert job.status == ImportStatus.DONE, job.errors
    assert job.counts["employees"]["create"] >= 15
    assert OrgUnit.objects.get(code="1174").children.count() >= 3
    assert Position.objects.filter(is_unit_head=True).count() >= 5
    assert Assignment.objects.filter(kind=AssignmentKind.PLT).count() == 1


def test_csv_and_xlsx_of_the_same_rows_give_the_same_preview():
    from_csv = check(to_csv(mini_city(), delimiter=";", bom=True))
    from_xlsx = check(to_xlsx(mini_city()), "data.xlsx")
    assert from_csv.status == from_xlsx.status == ImportStatus.VALIDATED
    assert from_csv.counts == from_xlsx.counts


def test_the_head_of_a_unit_can_change_hands_in_one_import():
    check_and_apply(to_csv(mini_city()))
    rows = mini_city()
    rows[2]["KEPALA_UNOR"] = "N"
    rows[3]["KEPALA_UNOR"] = "Y"
    job = check_and_apply(to_csv(rows))
    assert job.counts["positions"]["update"] == 2
    assert list(Position.objects.filter(unit__code="K.1.1", is_unit_head=True).values_list("code", flat=True)) == [
        "AN1"
    ]
    event = AuditEvent.objects.get(
        verb="organization.position.updated", target_id=str(Position.objects.get(code="KB1").pk)
    )
    assert (event.before["is_unit_head"], event.after["is_unit_head"]) == (True, False)

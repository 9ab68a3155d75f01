"""The test cast: one small city whose people cover every access rule.

    Pemerintah Kota (root)
    ├── Dinas A (OPD)            head: hana (kepala OPD A)
    │   └── Bidang A1            kabid: sam, reports to hana
    │         staff: alice, carol (report to sam); adi is Admin OPD of Dinas A
    └── Dinas B (OPD)            head: hugo; staff: bob
    Role grants on the root: bea (Admin BKPSDM), audrey (Auditor), wali (Pimpinan daerah).

Every permission test asks the same question of the same people: "can X see Y?".
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.accounts.choices import Role
from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import RoleGrantFactory, UserFactory
from kinerja.organization.choices import PositionKind, UnitKind
from kinerja.organization.models import Employee, OrgUnit, Position
from kinerja.organization.tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
)

CAST_NAMES = ("staff", "colleague", "supervisor", "opd_head", "other_staff", "admin_opd", "admin_bkpsdm", "auditor")


@dataclass
class Cast:
    root: OrgUnit
    opd_a: OrgUnit
    bidang_a1: OrgUnit
    opd_b: OrgUnit
    users: dict[str, User]
    employees: dict[str, Employee]
    positions: dict[str, Position]

    def user(self, name: str) -> User:
        return self.users[name]

    def employee(self, name: str) -> Employee:
        return self.employees[name]


def build_cast() -> Cast:
    root = OrgUnitFactory(code="ROOT", name="Pemerintah Kota Uji", kind=UnitKind.INSTANSI)
    opd_a = OrgUnitFactory(code="OPD-A", name="Dinas A", parent=root)
    bidang_a1 = OrgUnitFactory(code="OPD-A-1", name="Bidang A1", kind=UnitKind.DIVISION, parent=opd_a)
    opd_b = OrgUnitFactory(code="OPD-B", name="Dinas B", parent=root)

    head_a = PositionFactory(name="Kepala Dinas A", kind=PositionKind.JPT, unit=opd_a, is_unit_head=True)
    kabid = PositionFactory(
        name="Kepala Bidang A1", kind=PositionKind.ADMINISTRATOR, unit=bidang_a1, is_unit_head=True, reports_to=head_a
    )
    staff_pos = PositionFactory(name="Analis A1", kind=PositionKind.FUNCTIONAL, unit=bidang_a1, reports_to=kabid)
    colleague_pos = PositionFactory(name="Pengadministrasi A1", unit=bidang_a1, reports_to=kabid)
    admin_pos = PositionFactory(name="Pengelola Kepegawaian A", unit=opd_a, reports_to=head_a)
    head_b = PositionFactory(name="Kepala Dinas B", kind=PositionKind.JPT, unit=opd_b, is_unit_head=True)
    staff_b = PositionFactory(name="Staf B", unit=opd_b, reports_to=head_b)

    people = {
        "staff": ("Alice", staff_pos),
        "colleague": ("Carol", colleague_pos),
        "supervisor": ("Sam", kabid),
        "opd_head": ("Hana", head_a),
        "other_staff": ("Bob", staff_b),
        "other_head": ("Hugo", head_b),
        "admin_opd": ("Adi", admin_pos),
        "admin_bkpsdm": ("Bea", None),
        "auditor": ("Audrey", None),
        "leader": ("Wali", None),
    }
    users: dict[str, User] = {}
    employees: dict[str, Employee] = {}
    for key, (name, position) in people.items():
        employee = EmployeeFactory(name=name)
        employees[key] = employee
        if position is not None:
            AssignmentFactory(employee=employee, position=position)
        users[key] = UserFactory(username=key.replace("_", "."), employee=employee)
    RoleGrantFactory(user=users["admin_opd"], role=Role.ADMIN_OPD, scope=opd_a)
    RoleGrantFactory(user=users["admin_bkpsdm"], role=Role.ADMIN_BKPSDM, scope=root)
    RoleGrantFactory(user=users["auditor"], role=Role.AUDITOR, scope=root)
    RoleGrantFactory(user=users["leader"], role=Role.REGIONAL_LEADER, scope=root)
    positions = {"head_a": head_a, "kabid": kabid, "staff": staff_pos, "head_b": head_b, "staff_b": staff_b}
    return Cast(root, opd_a, bidang_a1, opd_b, users, employees, positions)

"""Seeding the demo city: plan in memory, then bulk-insert level by level and write one audit event.

Demo data is not an audited change, so no event is written per row; ``demo.city.seeded`` records the counts.
The few evaluation steps played through evaluation.services (org ratings, forums, publication, keberatan; see
evaluation.py) are audited by those services as usual.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from kinerja.accounts.choices import Role as AccessRole
from kinerja.accounts.models import RoleGrant, User
from kinerja.audit import services as audit
from kinerja.demo import city, jobs
from kinerja.demo.evaluation import seed_evaluation
from kinerja.demo.monitoring import seed_monitoring
from kinerja.demo.people import PPPK_LEVELS, REFERENCE_DATE, PeopleFactory, Role
from kinerja.demo.planning import seed_planning
from kinerja.demo.structure import CityPlan, Slot, StructurePlanner
from kinerja.organization.choices import AssignmentKind, EmploymentType, PositionKind, PositionLevel
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position, Rank

DEMO_PASSWORD = "kinerja-demo"  # noqa: S105 - the published password of the demo accounts
BATCH_SIZE = 900  # stays under SQLite's 999 bound parameters per statement for narrow rows
PPPK_SHARE = 0.35
VACANCY_SHARE = 0.04
MIN_EMPLOYEES = 20
FIRST_START = dt.date(2019, 1, 2)
WALIKOTA_FIRST_NAME, WALIKOTA_LAST_NAME = "Dr. Sayuti", "Abubakar, S.H., M.H."


@dataclass
class SeedResult:
    counts: dict[str, int] = field(default_factory=dict)
    root: OrgUnit | None = None


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


class CitySeeder:
    """Builds the whole demo city for ``employees`` people from ``seed``; same inputs, same city."""

    def __init__(self, employees: int, seed: int) -> None:
        if employees < MIN_EMPLOYEES:
            raise ValueError(f"employees must be at least {MIN_EMPLOYEES}")
        self.employees = employees
        self.rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
        self.planner = StructurePlanner(self.rng, employees)
        self.holders: dict[int, Employee] = {}  # id(slot) -> definitive holder
        self.assignments: list[Assignment] = []
        self.vacant: list[Slot] = []

    # --- planning ----------------------------------------------------------
    def _mark_keys(self, plan: CityPlan) -> list[Slot]:
        """Demo-critical posts: they are always filled, definitively, whatever the size."""
        planner = self.planner
        dinkes = plan.agencies[city.DEMO_AGENCY_KEY]
        bkpsdm = plan.agencies[city.BKPSDM.key]
        inspektorat = plan.agencies[city.INSPEKTORAT.key]
        sekda = plan.agencies[city.SETDA.key].head
        critical = [sekda, dinkes.head, dinkes.divisions[0], bkpsdm.head, bkpsdm.divisions[2], inspektorat.head,
                    inspektorat.divisions[0]]  # fmt: skip
        if dinkes.secretary is not None:
            critical.append(dinkes.secretary)
        for slot in critical:
            slot.tier = 0
        dinkes.head.key, dinkes.divisions[0].key = "kepala.opd", "penilai"

        def group_of(ap: Any, upper: Slot) -> Any:
            return next(g for g in ap.groups if g.upper is upper)

        def functional(name: str, level: str) -> Role:
            return Role(PositionKind.FUNCTIONAL, level, jobs.FUNCTIONALS[name])

        keyed = [
            ("pegawai", dinkes, dinkes.divisions[0], "Nutrisionis", PositionLevel.AHLI_MUDA),
            ("admin.opd", dinkes, dinkes.secretary, "Analis Sumber Daya Manusia Aparatur", PositionLevel.AHLI_MUDA),
            ("admin.bkpsdm", bkpsdm, bkpsdm.divisions[2], "Analis Sumber Daya Manusia Aparatur",
             PositionLevel.AHLI_MUDA),
            ("auditor", inspektorat, inspektorat.divisions[0], "Auditor", PositionLevel.AHLI_MUDA),
        ]  # fmt: skip
        for key, ap, upper, family, level in keyed:
            name = f"{family} {jobs.LEVEL_LABEL[level]}"
            slot = planner.place(ap, group_of(ap, upper), name, functional(family, level), tier=0)
            slot.key = key
            plan.keys[key] = slot
        plan.keys["penilai"], plan.keys["kepala.opd"] = dinkes.divisions[0], dinkes.head
        # Two colleagues of pegawai under penilai at every size: their SKPs wait in penilai's review queue.
        colleagues = [
            planner.place(dinkes, group_of(dinkes, dinkes.divisions[0]), f"{family} Ahli Muda",
                          functional(family, PositionLevel.AHLI_MUDA), tier=0)
            for family in ("Penyuluh Kesehatan Masyarakat", "Tenaga Sanitasi Lingkungan")
        ]  # fmt: skip
        return [plan.keys[key] for key, *_ in keyed] + colleagues

    def _choose_filled(self, plan: CityPlan, key_staff: list[Slot]) -> list[Slot]:
        structural = [s for s in plan.slots if s not in key_staff]
        # The demo OPD keeps every post filled, so the demo accounts see the same kind of neighbourhood at every
        # size (make bench compares query counts of their pages at 600 and 5,000 employees).
        optional = [s for s in structural if s.tier > 0 and s.agency.key != city.DEMO_AGENCY_KEY]
        vacancies = set(self.rng.sample(optional, round(len(optional) * VACANCY_SHARE)))
        self.vacant = [s for s in structural if s in vacancies]
        ordered = sorted((s for s in structural if s not in vacancies), key=lambda s: s.tier)
        room = self.employees - len(key_staff)
        self.vacant += ordered[room:]
        return ordered[:room] + key_staff

    def _add_staff(self, plan: CityPlan, count: int) -> list[Slot]:
        """Spread ``count`` JF/pelaksana posts over the agencies by weight (largest remainder)."""
        total = sum(a.weight for a in city.AGENCIES)
        exact = {a.key: count * a.weight / total for a in city.AGENCIES}
        shares = {key: int(value) for key, value in exact.items()}
        leftover = count - sum(shares.values())
        for key in sorted(exact, key=lambda k: (shares[k] - exact[k], k))[:leftover]:
            shares[key] += 1
        slots: list[Slot] = []
        for agency in city.AGENCIES:
            ap = plan.agencies[agency.key]
            n = shares[agency.key]
            in_units = round(n * agency.technical.share) if agency.technical and ap.technical_groups else 0
            for i in range(in_units):
                slots.append(self.planner.staff_slot(ap, ap.technical_groups[i % len(ap.technical_groups)]))
            # Secretariats get half the staff of a bidang.
            weighted = [g for g in ap.groups for _ in range(1 if g.upper is ap.secretary else 2)]
            for i in range(n - in_units):
                slots.append(self.planner.staff_slot(ap, weighted[i % len(weighted)]))
        return slots

    # --- people ------------------------------------------------------------
    def _people(self, filled: list[Slot], factory: PeopleFactory) -> dict[int, dt.date]:
        rng = self.rng
        eligible = [s for s in filled if s.role.level in PPPK_LEVELS and not s.key]
        pppk = set(rng.sample(eligible, min(len(eligible), round(self.employees * PPPK_SHARE))))
        starts: dict[int, dt.date] = {}
        for slot in filled:
            if slot in pppk:
                employee, appointed = factory.pppk(slot.role)
                earliest = appointed
            else:
                employee = factory.pns(slot.role)
                earliest = employee.tmt_cpns or FIRST_START
            self.holders[id(slot)] = employee
            start = max(_random_day(rng, FIRST_START, dt.date(2025, 6, 30)), earliest)
            starts[id(slot)] = start
        return starts

    def _acting(self, plan: CityPlan) -> list[tuple[Slot, Employee]]:
        """Half of the deliberate vacancies get a Plt: the secretary for a head or bidang, else the superior."""
        acting = []
        for slot in self.vacant:
            if self.rng.random() >= 0.5:
                continue
            ap = plan.agencies[slot.agency.key]
            if slot is ap.head or slot in ap.divisions:
                candidate = ap.secretary if ap.secretary is not slot else None
            elif slot is ap.secretary:
                candidate = next((d for d in ap.divisions if id(d) in self.holders), None)
            else:
                candidate = slot.parent
            # Holders of the demo-critical posts never act elsewhere: their pages must look alike at every size.
            if candidate is not None and candidate.tier > 0 and id(candidate) in self.holders:
                acting.append((slot, self.holders[id(candidate)]))
        return acting

    # --- persistence -------------------------------------------------------
    @staticmethod
    def _insert_levels(items: list[tuple[Any, int]]) -> None:
        """bulk_create parents before children so each foreign key has its id."""
        for depth in sorted({d for _, d in items}):
            level = [obj for obj, d in items if d == depth]
            type(level[0]).objects.bulk_create(level, batch_size=BATCH_SIZE)

    @staticmethod
    def _write_paths(model: type[OrgUnit] | type[Position], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        # One parameterised statement per row through executemany: much cheaper than bulk_update's CASE
        # expressions at 100,000 positions, on SQLite and PostgreSQL alike. Names come from _meta, not input.
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE id = %s", rows)  # noqa: S608

    def _save_tree(self, plan: CityPlan) -> None:
        """Insert both trees level by level, then store the materialised paths computed from the new ids."""
        self._insert_levels(plan.units)
        for unit, depth in plan.units:
            unit.depth = depth
            unit.path = f"{unit.parent.path if unit.parent else '/'}{unit.pk}/"
        self._write_paths(OrgUnit, ["path", "depth"], [(u.path, u.depth, u.pk) for u, _ in plan.units])
        self._insert_levels([(s.position, s.depth) for s in plan.slots])
        for slot in sorted(plan.slots, key=lambda s: s.depth):
            parent = slot.parent.position.path if slot.parent else "/"
            slot.position.path = f"{parent}{slot.position.pk}/"
        self._write_paths(Position, ["path"], [(s.position.path, s.position.pk) for s in plan.slots])

    def _save_people(self, filled: list[Slot], starts: dict[int, dt.date], acting: list[tuple[Slot, Employee]]) -> None:
        Employee.objects.bulk_create([self.holders[id(s)] for s in filled], batch_size=BATCH_SIZE)
        rng = self.rng
        for slot in filled:
            start = starts[id(slot)]
            structural = slot.role.kind not in (PositionKind.FUNCTIONAL, PositionKind.EXECUTOR)
            decree = f"821.2/{rng.randint(100, 999)}/{start.year}" if structural else ""
            self.assignments.append(
                Assignment(employee=self.holders[id(slot)], position=slot.position, start_date=start,
                           decree_number=decree)
            )  # fmt: skip
        for slot, employee in acting:
            start = _random_day(rng, dt.date(2025, 1, 2), dt.date(2025, 6, 30))
            self.assignments.append(
                Assignment(employee=employee, position=slot.position, kind=AssignmentKind.PLT, start_date=start,
                           decree_number=f"800.1.3.3/{rng.randint(100, 999)}/{start.year}")
            )  # fmt: skip
        Assignment.objects.bulk_create(self.assignments, batch_size=BATCH_SIZE)

    def _save_accounts(self, plan: CityPlan, filled: list[Slot]) -> list[User]:
        """Every employee can log in with their NIP; the named demo accounts replace it for their holders."""
        password = make_password(DEMO_PASSWORD)  # hashed once: Argon2 per user would take minutes
        joined = dt.datetime.combine(REFERENCE_DATE, dt.time(8), tzinfo=dt.UTC)
        named = {id(slot): key for key, slot in plan.keys.items()}
        users = []
        for slot in filled:
            employee = self.holders[id(slot)]
            username = named.get(id(slot), employee.nip)
            users.append(User(username=username, password=password, employee=employee, date_joined=joined))
        walikota = User(username="walikota", password=password, first_name=WALIKOTA_FIRST_NAME,
                        last_name=WALIKOTA_LAST_NAME, date_joined=joined)  # fmt: skip
        users.append(walikota)
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        by_name = {u.username: u for u in users}
        root = plan.root
        dinkes_unit = plan.agencies[city.DEMO_AGENCY_KEY].unit
        RoleGrant.objects.bulk_create(
            [
                RoleGrant(user=by_name["admin.opd"], role=AccessRole.ADMIN_OPD, scope=dinkes_unit),
                RoleGrant(user=by_name["admin.bkpsdm"], role=AccessRole.ADMIN_BKPSDM, scope=root),
                RoleGrant(user=walikota, role=AccessRole.REGIONAL_LEADER, scope=root),
                RoleGrant(user=by_name["auditor"], role=AccessRole.AUDITOR, scope=root),
            ]
        )
        return users

    @transaction.atomic
    def run(self) -> SeedResult:
        plan = self.planner.build()
        key_staff = self._mark_keys(plan)
        filled = self._choose_filled(plan, key_staff)
        filled += self._add_staff(plan, self.employees - len(filled))
        ranks = {rank.code: rank for rank in Rank.objects.all()}
        starts = self._people(filled, PeopleFactory(self.rng, ranks))
        acting = self._acting(plan)
        self._save_tree(plan)
        self._save_people(filled, starts, acting)
        users = self._save_accounts(plan, filled)
        employees = [self.holders[id(s)] for s in filled]
        counts = {
            "units": len(plan.units),
            "positions": len(plan.slots),
            "employees": len(employees),
            "pns": sum(1 for e in employees if e.employment_type == EmploymentType.PNS),
            "pppk": sum(1 for e in employees if e.employment_type == EmploymentType.PPPK),
            "vacant_positions": len(self.vacant) - len(acting),
            "acting_assignments": len(acting),
            "assignments": len(self.assignments),
            "users": len(users),
        }
        # The current and the previous performance year with goals and SKPs in every state (planning.py).
        counts.update(seed_planning(plan, self.holders, self.assignments, users, self.rng))
        # 2026 so far: daily progress, realisasi of the finished quarters, feedback, dialogues (monitoring.py).
        counts.update(seed_monitoring(self.rng))
        # Triwulan I rated, calibrated, published, with two keberatan; Triwulan IV in progress (evaluation.py).
        counts.update(seed_evaluation(self.rng))
        audit.record(actor=None, verb="demo.city.seeded", target=plan.root, org_unit=plan.root, after=counts)
        return SeedResult(counts=counts, root=plan.root)

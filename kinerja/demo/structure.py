"""Planning the demo city in memory: units, structural positions and staff positions, sized to the head count.

Each agency gets a share of the employees by its weight. Its skeleton (head, secretary, bidang) always exists;
seksi/subbagian, puskesmas and schools appear as the agency grows, so that structural posts stay near a fifth of
the staff at any size, and beyond the full structure more JF/pelaksana work in each seksi.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kinerja.demo import city, jobs
from kinerja.demo.people import Role
from kinerja.organization.choices import PositionKind, PositionLevel, UnitKind
from kinerja.organization.models import OrgUnit, Position

STRUCTURAL_SHARE = 0.22
SECRETARIAT_FUNCTIONALS = (
    "Analis Sumber Daya Manusia Aparatur", "Perencana", "Arsiparis", "Pranata Komputer",
    "Analis Keuangan Pusat dan Daerah",
)  # fmt: skip


@dataclass(eq=False)
class Slot:
    """One position of the plan, with what its holder must be and the tier that decides fill order."""

    position: Position
    role: Role
    agency: city.Agency
    tier: int  # 0 demo-critical, 1 heads of agencies, 2 Asisten/secretary/bidang, 3 seksi and UPTD, 4 staff
    depth: int  # distance from the Sekda along the reporting line
    parent: Slot | None = None
    key: str = ""  # demo account placed here ("pegawai", "penilai", …)


@dataclass
class Group:
    """Where staff work: a unit, its Administrator-level head and the Pengawas below it."""

    unit: OrgUnit
    upper: Slot
    lowers: list[Slot]
    functionals: tuple[str, ...]
    executors: tuple[str, ...] = jobs.GENERIC_EXECUTORS
    functional_share: float = 0.4
    technical: bool = False


@dataclass
class AgencyPlan:
    agency: city.Agency
    unit: OrgUnit
    head: Slot
    secretary: Slot | None = None
    divisions: list[Slot] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    technical_groups: list[Group] = field(default_factory=list)


@dataclass
class CityPlan:
    units: list[tuple[OrgUnit, int]] = field(default_factory=list)  # (unit, depth), parents first
    slots: list[Slot] = field(default_factory=list)
    agencies: dict[str, AgencyPlan] = field(default_factory=dict)
    keys: dict[str, Slot] = field(default_factory=dict)
    root: OrgUnit | None = None


class StructurePlanner:
    """Builds the CityPlan; the only randomness is staff composition, from the seeded generator."""

    def __init__(self, rng: random.Random, employees: int) -> None:
        self.rng = rng
        self.employees = employees
        self.plan = CityPlan()
        self._position_counter = 0
        total_weight = sum(a.weight for a in city.AGENCIES)
        self.headcount = {a.key: employees * a.weight / total_weight for a in city.AGENCIES}

    # --- units and positions ----------------------------------------------
    def _unit(self, code: str, name: str, kind: str, parent: OrgUnit | None, depth: int, short: str = "") -> OrgUnit:
        unit = OrgUnit(code=code, name=name, short_name=short, kind=kind, parent=parent)
        self.plan.units.append((unit, depth))
        return unit

    def _slot(self, name: str, unit: OrgUnit, role: Role, agency: city.Agency, tier: int, parent: Slot | None,
              head: bool = False) -> Slot:  # fmt: skip
        self._position_counter += 1
        position = Position(
            code=f"JAB-{self._position_counter:06d}",
            name=name,
            kind=role.kind,
            level=role.level,
            unit=unit,
            reports_to=parent.position if parent else None,
            is_unit_head=head,
        )
        slot = Slot(position, role, agency, tier, parent.depth + 1 if parent else 0, parent)
        self.plan.slots.append(slot)
        return slot

    @staticmethod
    def _head_role(kind: str, level: str = PositionLevel.NONE) -> Role:
        return Role(kind=kind, level=PositionLevel.JPT_PRATAMA if kind == PositionKind.JPT else level)

    def build(self) -> CityPlan:
        root = self._unit(city.ROOT_CODE, city.ROOT_NAME, UnitKind.INSTANSI, None, 0, short=city.ROOT_NAME)
        self.plan.root = root
        setda = city.AGENCIES[0]
        sekda = self._agency(setda, root, None)
        for agency in city.AGENCIES[1:]:
            self._agency(agency, root, sekda)
        return self.plan

    def _sizes(self, agency: city.Agency) -> tuple[int, int, int]:
        """(subbagian in the secretariat, seksi per bidang, technical units) for the agency's head count."""
        h = self.headcount[agency.key]
        subbags = 0 if h < 20 else 1 if h < 45 else 2 if h < 90 else 3
        subbags = min(subbags, len(agency.secretariat_sections)) if agency.secretariat else 0
        technical = 0
        if agency.technical is not None:
            spec = agency.technical
            technical = min(len(spec.units), round(h * spec.share / spec.staff_per_unit))
            if technical == 0 and h * spec.share >= spec.staff_per_unit / 2:
                technical = 1
        leaves = [d for top in agency.divisions for d in (top.children or (top,))]
        fixed = 2 + len(agency.divisions) + sum(len(d.children) for d in agency.divisions) + subbags + technical
        sections = int((STRUCTURAL_SHARE * h - fixed) / max(1, len(leaves)))
        return subbags, max(0, min(3, sections)), technical

    def _agency(self, agency: city.Agency, root: OrgUnit, sekda: Slot | None) -> Slot:
        subbags, sections, technical = self._sizes(agency)
        code = f"{city.ROOT_CODE}.{agency.key}"
        unit = self._unit(code, agency.name, agency.kind, root, 1, short=agency.short_name)
        head = self._slot(agency.head, unit, self._head_role(agency.head_kind), agency, 1, sekda, head=True)
        ap = AgencyPlan(agency=agency, unit=unit, head=head)
        self.plan.agencies[agency.key] = ap
        if agency.secretariat:
            name = f"Sekretariat {agency.name}" if agency.secretariat == "Sekretariat" else agency.secretariat
            title = f"Sekretaris {agency.name}" if agency.secretary == "Sekretaris" else agency.secretary
            sec_unit = self._unit(f"{code}.00", name, UnitKind.DIVISION, unit, 2)
            ap.secretary = self._slot(title, sec_unit, Role(PositionKind.ADMINISTRATOR, ""), agency, 2, head, True)
            lowers = self._sections(agency, sec_unit, ap.secretary, agency.secretariat_sections[:subbags], 3)
            ap.groups.append(Group(sec_unit, ap.secretary, lowers, SECRETARIAT_FUNCTIONALS, functional_share=0.3))
        for index, division in enumerate(agency.divisions, start=1):
            self._division(ap, division, f"{code}.{index:02d}", unit, head, 2, sections)
        if agency.technical is not None:
            spec = agency.technical
            for index, tu in enumerate(spec.units[:technical], start=1):
                boss = head if tu.reports_to_division is None else ap.divisions[tu.reports_to_division]
                tu_unit = self._unit(f"{code}.T{index:02d}", tu.name, UnitKind.TECHNICAL_UNIT, unit, 2)
                role = self._head_role(spec.head_kind, spec.head_level)
                if spec.head_kind == PositionKind.FUNCTIONAL:
                    role = Role(spec.head_kind, spec.head_level, jobs.FUNCTIONALS[spec.functionals[0]])
                tu_head = self._slot(f"Kepala {tu.name}", tu_unit, role, agency, 3, boss, head=True)
                group = Group(tu_unit, tu_head, [], spec.functionals, spec.executors, spec.functional_share, True)
                ap.technical_groups.append(group)
        for index, village in enumerate(agency.villages, start=1):
            self._unit(f"{code}.G{index:02d}", village, UnitKind.VILLAGE, unit, 2)
        return head

    def _division(self, ap: AgencyPlan, division: city.Division, code: str, parent_unit: OrgUnit, boss: Slot,
                  depth: int, sections: int) -> None:  # fmt: skip
        agency = ap.agency
        kind = UnitKind.SECTION if division.head_kind == PositionKind.SUPERVISOR else UnitKind.DIVISION
        unit = self._unit(code, division.name, kind, parent_unit, depth)
        tier = 3 if division.head_kind == PositionKind.SUPERVISOR else 2
        slot = self._slot(division.head_name, unit, self._head_role(division.head_kind), agency, tier, boss, True)
        if boss is ap.head:
            ap.divisions.append(slot)
        if division.children:
            for index, child in enumerate(division.children, start=1):
                self._division(ap, child, f"{code}.{index:02d}", unit, slot, depth + 1, sections)
            return
        lowers = self._sections(agency, unit, slot, division.sections[:sections], depth + 1, code)
        functionals = division.functionals or agency.functionals
        ap.groups.append(Group(unit, slot, lowers, functionals, functional_share=agency.functional_share))

    def _sections(self, agency: city.Agency, parent_unit: OrgUnit, boss: Slot, names: tuple[str, ...], depth: int,
                  code: str = "") -> list[Slot]:  # fmt: skip
        slots = []
        for index, name in enumerate(names, start=1):
            unit = self._unit(f"{code or parent_unit.code}.{index:02d}", name, UnitKind.SECTION, parent_unit, depth)
            role = Role(PositionKind.SUPERVISOR, "")
            slots.append(self._slot(f"Kepala {name}", unit, role, agency, 3, boss, head=True))
        return slots

    # --- staff ---------------------------------------------------------------
    def staff_slot(self, ap: AgencyPlan, group: Group, tier: int = 4) -> Slot:
        """One JF or pelaksana post in the group, reporting where PermenPANRB 6/2022 puts its penilai."""
        rng = self.rng
        if rng.random() < group.functional_share:
            family = jobs.FUNCTIONALS[rng.choice(group.functionals)]
            expert = family.expert and (not family.skilled or rng.random() < 0.6)
            if expert:
                level = rng.choices(
                    (PositionLevel.AHLI_PERTAMA, PositionLevel.AHLI_MUDA, PositionLevel.AHLI_MADYA), (50, 38, 12)
                )[0]
            else:
                level = rng.choices((PositionLevel.TERAMPIL, PositionLevel.MAHIR), (55, 45))[0]
            role = Role(PositionKind.FUNCTIONAL, level, family)
            name = f"{family.name} {jobs.LEVEL_LABEL[level]}"
        else:
            executor = jobs.EXECUTORS[rng.choice(group.executors)]
            role = Role(PositionKind.EXECUTOR, executor.level)
            name = executor.name
        return self.place(ap, group, name, role, tier)

    def place(self, ap: AgencyPlan, group: Group, name: str, role: Role, tier: int = 4) -> Slot:
        # Ahli Madya answer to the head of the OPD, Ahli Muda to the Administrator, the rest to the Pengawas
        # (regulation.md §2 table); in a puskesmas or school everyone answers to its head.
        if group.technical:
            boss, unit = group.upper, group.unit
        elif role.level == PositionLevel.AHLI_MADYA:
            boss, unit = ap.head, group.unit
        elif role.level == PositionLevel.AHLI_MUDA or not group.lowers:
            boss, unit = group.upper, group.unit
        else:
            boss = self.rng.choice(group.lowers)
            unit = boss.position.unit
        return self._slot(name, unit, role, ap.agency, tier, boss)

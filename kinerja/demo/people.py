"""Demo people whose NIP, age, golongan and years of service agree with one another.

A PNS enters at the golongan of their education (SMA II/a, D3 II/c, S1 III/a, S2 III/b; regulation.md §11.2),
aged 19–30 at TMT CPNS, and rises one golongan per four years of service (kenaikan pangkat reguler). So the
golongan a position needs fixes the minimum years of service, which fixes TMT CPNS and the birth date, which
the NIP encodes (Perka BKN 22/2007). PPPK have a fixed golongan by education (V, VII, IX, X) and an NI PPPK.
All dates are relative to REFERENCE_DATE, never to "now", so that a seed always yields the same city.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from kinerja.demo import jobs
from kinerja.demo.names import BIRTH_PLACES, person_name
from kinerja.organization import nip as nip_codec
from kinerja.organization.choices import EmploymentType, PositionKind, PositionLevel, Sex
from kinerja.organization.models import Employee, Rank

REFERENCE_DATE = dt.date(2025, 7, 1)
# The newest CPNS cohort in the demo has TMT in this year (the 2024 formation).
LAST_TMT_YEAR = REFERENCE_DATE.year - 1
RETIREMENT_AGE = 58  # BUP for Administrator, Pengawas, pelaksana and JF below Ahli Madya (UU ASN)
PPPK_MARKER = "21"  # digits 13–14 of NI PPPK as commonly seen (regulation.md §11.1, unverified)

STRUCTURAL = (PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.SUPERVISOR)
EXPERT_LEVELS = (PositionLevel.AHLI_PERTAMA, PositionLevel.AHLI_MUDA, PositionLevel.AHLI_MADYA)
PPPK_LEVELS = (
    PositionLevel.AHLI_PERTAMA,
    PositionLevel.TERAMPIL,
    PositionLevel.MAHIR,
    PositionLevel.KLEREK,
    PositionLevel.OPERATOR,
    PositionLevel.TEKNISI,
)


def rank_index(code: str) -> int:
    return jobs.PNS_ORDER.index(code)


def pns_range(kind: str, level: str) -> tuple[str, str]:
    """The golongan a PNS may hold in a position of this kind and level."""
    return jobs.PNS_RANGES[kind] if kind in STRUCTURAL else jobs.PNS_RANGES[level]


@dataclass(frozen=True)
class Role:
    """What the position asks of its holder."""

    kind: str
    level: str
    family: jobs.Functional | None = None


class NipAllocator:
    """Hands out the sequence number (digits 16–18) so no two people share a NIP or NI PPPK."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def allocate(self, prefix: str) -> str:
        sequence = self._next.get(prefix, 1)
        self._next[prefix] = sequence + 1
        return f"{prefix}{sequence:03d}"


class PeopleFactory:
    """Makes unsaved Employee rows; every random choice comes from the one seeded generator."""

    def __init__(self, rng: random.Random, ranks: dict[str, Rank]) -> None:
        self.rng = rng
        self.ranks = ranks
        self.nips = NipAllocator()

    # --- shared pieces -----------------------------------------------------
    def _sex(self, role: Role) -> str:
        if role.family is not None:
            share = role.family.female_share
        elif role.kind in STRUCTURAL:
            share = 0.3
        else:
            share = 0.45
        return Sex.FEMALE if self.rng.random() < share else Sex.MALE

    def _titles(self, role: Role, education: jobs.Education) -> tuple[str, str]:
        rng = self.rng
        if education is jobs.SMA:
            return "", ""
        family = role.family
        if education is jobs.D3:
            titles = family.diploma_titles if family and family.skilled else ("A.Md.",)
            return "", rng.choice(titles)
        degrees = family.degree_titles if family else jobs.GENERIC_DEGREES
        front = family.front_title if family and role.level in EXPERT_LEVELS else ""
        back = [title for title in (rng.choice(degrees),) if title]
        if education is jobs.S2:
            back.append(rng.choice(jobs.MASTER_TITLES))
            # A doctorate shows as "Dr." in front; common among JPT and senior lecturers-turned-officials.
            if role.kind == PositionKind.JPT and not front and rng.random() < 0.2:
                front = "Dr."
        return front, ", ".join(back)

    def _education_pns(self, role: Role, target: int) -> jobs.Education:
        rng = self.rng
        if role.kind in STRUCTURAL or role.level in EXPERT_LEVELS:
            master_share = 0.4 if role.kind in (PositionKind.JPT, PositionKind.ADMINISTRATOR) else 0.15
            if target >= rank_index("III/b") and rng.random() < master_share:
                return jobs.S2
            return jobs.S1
        if role.level in (PositionLevel.TERAMPIL, PositionLevel.MAHIR):
            return jobs.D3 if target >= rank_index("II/c") else jobs.SMA
        options = [jobs.SMA] * 6
        if target >= rank_index("II/c"):
            options += [jobs.D3] * 2
        if target >= rank_index("III/a"):
            options += [jobs.S1] * 2
        return rng.choice(options)

    def _education_pppk(self, role: Role) -> jobs.Education:
        if role.level == PositionLevel.AHLI_PERTAMA:
            return jobs.S2 if self.rng.random() < 0.1 else jobs.S1
        if role.level in (PositionLevel.TERAMPIL, PositionLevel.MAHIR):
            return jobs.D3
        return self.rng.choice([jobs.SMA, jobs.SMA, jobs.D3, jobs.S1])

    def _employee(self, role: Role, sex: str, education: jobs.Education, **fields: object) -> Employee:
        front, back = self._titles(role, education)
        return Employee(
            name=person_name(self.rng, sex),
            front_title=front,
            back_title=back,
            sex=sex,
            birth_place=self.rng.choice(BIRTH_PLACES),
            **fields,
        )

    # --- PNS and PPPK ------------------------------------------------------
    def pns(self, role: Role) -> Employee:
        """A PNS whose golongan suits the position and whose NIP agrees with age and service."""
        rng = self.rng
        low, high = pns_range(role.kind, role.level)
        target = rng.randint(rank_index(low), rank_index(high))
        education = self._education_pns(role, target)
        steps = target - rank_index(education.entry_rank)
        years = jobs.YEARS_PER_RANK * steps + rng.randint(0, jobs.YEARS_PER_RANK - 1)
        tmt = dt.date(LAST_TMT_YEAR - years, rng.choice((1, 3, 3, 4, 7, 10, 12)), 1)
        # Stay below the retirement age on the reference date.
        oldest_entry = RETIREMENT_AGE - 1 - (REFERENCE_DATE.year - tmt.year)
        entry_age = rng.randint(education.min_age, max(education.min_age, min(education.max_age, oldest_entry)))
        birth = dt.date(tmt.year - entry_age, tmt.month, 1) - dt.timedelta(days=rng.randint(1, 360))
        sex = self._sex(role)
        prefix = nip_codec.build_pns(birth, tmt, sex, 0)[:15]
        return self._employee(
            role,
            sex,
            education,
            nip=self.nips.allocate(prefix),
            employment_type=EmploymentType.PNS,
            birth_date=birth,
            tmt_cpns=tmt,
            rank=self.ranks[jobs.PNS_ORDER[target]],
        )

    def pppk(self, role: Role) -> tuple[Employee, dt.date]:
        """A PPPK and the date their first contract started (their NI PPPK carries its year)."""
        rng = self.rng
        education = self._education_pppk(role)
        appointed = dt.date(rng.choice((2021, 2022, 2023, 2023, 2024, 2024)), rng.choice((1, 3, 4, 7)), 1)
        birth = dt.date(appointed.year - rng.randint(max(22, education.min_age), 45), 1, 1) + dt.timedelta(
            days=rng.randint(0, 364)
        )
        sex = self._sex(role)
        sex_digit = "1" if sex == Sex.MALE else "2"
        prefix = f"{birth:%Y%m%d}{appointed.year}{PPPK_MARKER}{sex_digit}"
        employee = self._employee(
            role,
            sex,
            education,
            nip=self.nips.allocate(prefix),
            employment_type=EmploymentType.PPPK,
            birth_date=birth,
            tmt_cpns=None,
            rank=self.ranks[education.pppk_rank],
        )
        return employee, appointed


def service_start(employee: Employee, appointed: dt.date | None = None) -> dt.date:
    """The first day the person could hold a post: TMT CPNS for PNS, the contract start for PPPK."""
    if employee.tmt_cpns is not None:
        return employee.tmt_cpns
    return appointed or REFERENCE_DATE

"""factory_boy factories for the organisation domain. NIPs are valid and unique."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from kinerja.organization import nip as nip_codec
from kinerja.organization.choices import AssignmentKind, EmploymentType, PositionKind, UnitKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position, Rank


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Unit {n}")
    kind = UnitKind.AGENCY
    parent = None

    @factory.post_generation
    def set_path(obj: OrgUnit, create: bool, extracted: Any, **kwargs: Any) -> None:
        obj.path = obj.compute_path()
        obj.depth = obj.path.count("/") - 2
        obj.save(update_fields=["path", "depth"])


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"P{n:05d}")
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    kind = PositionKind.EXECUTOR
    unit = factory.SubFactory(OrgUnitFactory)
    reports_to = None

    @factory.post_generation
    def set_path(obj: Position, create: bool, extracted: Any, **kwargs: Any) -> None:
        obj.path = obj.compute_path()
        obj.save(update_fields=["path"])


def _pns_nip(n: int) -> str:
    birth = dt.date(1980, 1, 1) + dt.timedelta(days=(n * 37) % 3650)
    return nip_codec.build_pns(birth, dt.date(2008, 3, 1), "M" if n % 2 else "F", n % 999 + 1)


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    nip = factory.Sequence(_pns_nip)
    employment_type = EmploymentType.PNS
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    birth_date = factory.LazyAttribute(lambda o: nip_codec.decode_pns(o.nip).birth_date)
    tmt_cpns = factory.LazyAttribute(lambda o: nip_codec.decode_pns(o.nip).tmt_cpns)
    sex = factory.LazyAttribute(lambda o: nip_codec.decode_pns(o.nip).sex)
    rank = factory.LazyFunction(lambda: Rank.objects.get(code="III/a"))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    employee = factory.SubFactory(EmployeeFactory)
    position = factory.SubFactory(PositionFactory)
    kind = AssignmentKind.DEFINITIVE
    start_date = dt.date(2020, 1, 1)

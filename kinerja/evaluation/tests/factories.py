"""factory_boy factories for evaluation: org ratings, evaluations, forums and keberatan.

``EvaluationFactory(work_plan=...)`` copies employee, agency, unit, penilai and atasan penilai from the SKP as
``services.evaluations_open`` would, and defaults the period to the SKP year's periodic period containing today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.conf import settings

from kinerja.accounts.tests.factories import UserFactory
from kinerja.evaluation.choices import BatchStatus, EvaluationStatus, ForumStatus, ObjectionStatus, OrgPredikat
from kinerja.evaluation.models import (
    CalibrationForum,
    DocumentBatch,
    Evaluation,
    Objection,
    ObjectionAttachment,
    OrganizationRating,
)
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod, WorkPlan


def current_period_of(plan: WorkPlan) -> EvaluationPeriod:
    """The SKP year's periodic period containing today, else its first one."""
    today = org_selectors.today()
    periods = EvaluationPeriod.objects.filter(year_id=plan.year_id, kind=PeriodKind.PERIODIC).order_by("number")
    return periods.filter(start_date__lte=today, end_date__gte=today).first() or periods.first()  # type: ignore[return-value]


def _is_agency_head(plan: WorkPlan) -> bool:
    return plan.position.is_unit_head and org_selectors.agency_of(plan.unit).pk == plan.unit_id


class OrganizationRatingFactory(factory.django.DjangoModelFactory):
    """``OrganizationRatingFactory(unit=..., period=...)``: a BAIK capaian set by a new user unless told."""

    class Meta:
        model = OrganizationRating

    unit = None
    period = None
    predikat = OrgPredikat.BAIK
    note = "Capaian IKU sesuai target Perjanjian Kinerja."
    signer = factory.LazyFunction(dict)
    set_by = factory.SubFactory(UserFactory)


class EvaluationFactory(factory.django.DjangoModelFactory):
    """``EvaluationFactory(work_plan=...)``: an OPEN evaluation with the SKP's people and unit copied over."""

    class Meta:
        model = Evaluation

    work_plan = None
    period = factory.LazyAttribute(lambda o: current_period_of(o.work_plan))
    employee = factory.LazyAttribute(lambda o: o.work_plan.employee)
    agency = factory.LazyAttribute(lambda o: org_selectors.agency_of(o.work_plan.unit))
    unit = factory.LazyAttribute(lambda o: o.work_plan.unit)
    penilai = factory.LazyAttribute(lambda o: o.work_plan.penilai)
    atasan_penilai = factory.LazyAttribute(lambda o: o.work_plan.atasan_penilai)
    is_unit_head = factory.LazyAttribute(lambda o: o.work_plan.position.is_unit_head)
    is_agency_head = factory.LazyAttribute(lambda o: _is_agency_head(o.work_plan))
    status = EvaluationStatus.OPEN


class CalibrationForumFactory(factory.django.DjangoModelFactory):
    """``CalibrationForumFactory(agency=..., period=...)``: an OPEN forum."""

    class Meta:
        model = CalibrationForum
        skip_postgeneration_save = True

    agency = None
    period = None
    status = ForumStatus.OPEN
    opened_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def participants(obj: CalibrationForum, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.participants.set(extracted)


class ObjectionFactory(factory.django.DjangoModelFactory):
    """``ObjectionFactory(evaluation=...)``: FILED today by the owner, with the configured deadlines."""

    class Meta:
        model = Objection

    evaluation = None
    reasons = "Capaian laporan saya melebihi target, namun rating hasil kerja Sesuai Ekspektasi."
    status = ObjectionStatus.FILED
    filed_by = factory.LazyAttribute(lambda o: o.evaluation.employee.user)
    explanation_due = factory.LazyFunction(
        lambda: org_selectors.today() + dt.timedelta(days=settings.KINERJA_OBJECTION_EXPLANATION_DAYS)
    )
    decision_due = factory.LazyFunction(
        lambda: org_selectors.today() + dt.timedelta(days=settings.KINERJA_OBJECTION_DECISION_DAYS)
    )


class ObjectionAttachmentFactory(factory.django.DjangoModelFactory):
    """A small PDF attached to a keberatan (stored in whatever default storage the test uses)."""

    class Meta:
        model = ObjectionAttachment

    objection = None
    file = factory.django.FileField(filename="bukti.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "bukti.pdf"
    content_type = "application/pdf"
    size = 15


class DocumentBatchFactory(factory.django.DjangoModelFactory):
    """``DocumentBatchFactory(agency=..., period=...)``: a QUEUED batch requested by a new user unless told."""

    class Meta:
        model = DocumentBatch

    agency = None
    period = None
    status = BatchStatus.QUEUED
    requested_by = factory.SubFactory(UserFactory)

"""Organisation and people: units, positions (jabatan), employees, ranks and assignments.

Who supervises whom is never stored per person: it follows from the position
tree (Position.reports_to) and from who holds each position on a date
(Assignment), so that transfers and acting officials (Plt/Plh) need no retyping.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.organization import nip as nip_codec
from kinerja.organization.choices import (
    AGENCY_KINDS,
    AssignmentKind,
    EmploymentType,
    PositionKind,
    PositionLevel,
    Sex,
    UnitKind,
)


class Rank(models.Model):
    """Golongan ruang and pangkat (PNS I/a–IV/e) or PPPK golongan I–XVII; regulation.md §11.2."""

    code = models.CharField(_("golongan"), max_length=8, unique=True)
    siasn_code = models.CharField(_("SIASN code"), max_length=4, unique=True)
    name = models.CharField(_("pangkat"), max_length=64, blank=True)
    employment_type = models.CharField(_("employment type"), max_length=8, choices=EmploymentType.choices)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["employment_type", "order"]
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")

    def __str__(self) -> str:
        return f"{self.name}, {self.code}" if self.name else self.code


class OrgUnit(models.Model):
    """A unit of the government (unit organisasi, unor): instansi → OPD/kecamatan → bidang → seksi.

    ``path`` is the materialised chain of ids ("/1/4/17/") so a whole subtree is one
    indexed prefix query on SQLite and PostgreSQL alike.
    """

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(_("path"), max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self) -> str:
        return self.name

    @property
    def is_agency(self) -> bool:
        return self.kind in AGENCY_KINDS

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else "/"
        return f"{prefix}{self.pk}/"

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]


class Position(models.Model):
    """A jabatan in a unit, with the position it reports to (atasan jabatan)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("position name"), max_length=200)
    kind = models.CharField(_("position kind"), max_length=16, choices=PositionKind.choices)
    level = models.CharField(_("level (jenjang)"), max_length=16, choices=PositionLevel.choices, blank=True)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions")
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subordinate_positions",
    )
    is_unit_head = models.BooleanField(_("head of the unit"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    # Materialised chain of ids up the reporting line, so "everyone below me" is one prefix query.
    path = models.CharField(_("path"), max_length=255, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["unit__path", "-is_unit_head", "name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"], condition=Q(is_unit_head=True, is_active=True), name="one_active_head_per_unit"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def compute_path(self) -> str:
        prefix = self.reports_to.path if self.reports_to_id and self.reports_to else "/"
        return f"{prefix}{self.pk}/"


class Employee(models.Model):
    """An ASN: PNS identified by NIP, or PPPK identified by NI PPPK (both 18 digits)."""

    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    employment_type = models.CharField(_("employment type"), max_length=8, choices=EmploymentType.choices)
    name = models.CharField(_("name"), max_length=150)
    front_title = models.CharField(_("front academic title"), max_length=40, blank=True)
    back_title = models.CharField(_("back academic title"), max_length=60, blank=True)
    birth_date = models.DateField(_("birth date"))
    birth_place = models.CharField(_("birth place"), max_length=80, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    rank = models.ForeignKey(Rank, verbose_name=_("rank"), null=True, blank=True, on_delete=models.PROTECT)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        indexes = [models.Index(fields=["name"], name="employee_name_idx")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with academic titles as printed on official documents: "Dr. Ahmad, S.H., M.H."."""
        name = f"{self.front_title} {self.name}" if self.front_title else self.name
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def nip_display(self) -> str:
        return nip_codec.format_nip(self.nip)

    @property
    def is_pns(self) -> bool:
        return self.employment_type == EmploymentType.PNS


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def active_on(self, day: dt.date) -> AssignmentQuerySet:
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class Assignment(models.Model):
    """Who held which position from when to when: definitive, or acting (Plt/Plh)."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.CASCADE, related_name="assignments"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.PROTECT, related_name="assignments"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AssignmentKind.choices, default=AssignmentKind.DEFINITIVE)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    decree_number = models.CharField(_("decree number (SK)"), max_length=100, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [
            models.Index(fields=["position", "start_date"], name="assignment_position_idx"),
            models.Index(fields=["employee", "start_date"], name="assignment_employee_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="assignment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.position} ({self.get_kind_display()})"

    def is_active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)

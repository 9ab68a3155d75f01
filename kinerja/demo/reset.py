"""Removing the demo city: every unit, position, person and account except superusers, and what hangs off them
(performance years, goals, SKPs, monitoring records, evaluations, issued documents, notifications). BerAKHLAK
reference data stays."""

from __future__ import annotations

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, transaction

from kinerja.accounts.models import RoleGrant, User
from kinerja.audit.models import AuditEvent
from kinerja.documents.models import IssuedDocument
from kinerja.evaluation.models import (
    CalibrationAdjustment,
    CalibrationForum,
    DocumentBatch,
    Evaluation,
    ItemAssessment,
    Objection,
    ObjectionAttachment,
    OrganizationRating,
)
from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    DialogueAction,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressComment,
    ProgressEntry,
    Realization,
)
from kinerja.notifications.models import Notification
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position
from kinerja.planning.models import (
    BehaviourExpectation,
    Indicator,
    OrganizationGoal,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
    WorkPlanTemplate,
    WorkPlanVersion,
)


def has_city() -> bool:
    return OrgUnit.objects.exists()


def _monitoring_reset() -> None:
    """Monitoring rows point at RHK, periods, people and accounts with PROTECT, so they go before planning."""
    # Files uploaded while playing the demo leave storage with their rows (the bulk demo has links only).
    for evidence in Evidence.objects.exclude(file="").only("file"):
        evidence.file.delete(save=False)
    try:  # sent-reminder log of the reminders command, when its migration is present
        models = [apps.get_model("monitoring", "ReminderSent")]
    except LookupError:
        models = []
    models += [Evidence, ProgressComment, ProgressEntry, FeedbackReply, Feedback, DialogueAction,
               Dialogue.participants.through, Dialogue, Appreciation, Realization]  # fmt: skip
    for model in models:
        model.objects.all().delete()


def _evaluation_reset() -> None:
    """Evaluations point at SKPs, periods, people and accounts with PROTECT, so they go before planning."""
    # Keberatan attachments and document zips made while playing the demo leave storage with their rows.
    for model in (ObjectionAttachment, DocumentBatch):
        for row in model.objects.exclude(file="").only("file"):
            row.file.delete(save=False)
    for model in (ObjectionAttachment, Objection, CalibrationAdjustment, CalibrationForum.participants.through,
                  CalibrationForum, ItemAssessment, Evaluation, OrganizationRating, DocumentBatch):  # fmt: skip
        model.objects.all().delete()


def _planning_reset() -> None:
    """Planning rows point at people, positions and accounts with PROTECT, so they go first."""
    Notification.objects.all().delete()
    _monitoring_reset()
    IssuedDocument.objects.all().delete()
    _evaluation_reset()
    ResultDistribution.objects.all().delete()
    # Leaves first, each one DELETE statement, rather than letting the SKP cascade collect them in memory.
    for model in (Indicator, BehaviourExpectation, WorkPlanEvent, WorkPlanVersion):
        model.objects.all().delete()
    # RHK point at their supervisor's RHK with PROTECT: cut the links first.
    PlanItem.objects.update(supported_item=None)
    PlanItem.objects.all().delete()
    WorkPlan.objects.all().delete()
    WorkPlanTemplate.objects.all().delete()
    OrganizationGoal.objects.all().delete()
    PerformanceYear.objects.all().delete()


@transaction.atomic
def city_reset() -> dict[str, int]:
    """Delete demo data in an order the PROTECT foreign keys allow; returns what was deleted."""
    counts = {
        "units": OrgUnit.objects.count(),
        "employees": Employee.objects.count(),
        "users": User.objects.filter(is_superuser=False).count(),
    }
    # The audit trail is append-only on purpose (its queryset refuses delete()). A demo reset is the one
    # exception: every event points at demo people, units and accounts that are about to disappear, and the
    # PROTECT foreign keys would otherwise block the reset. So the guard is bypassed with raw SQL, here only.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(AuditEvent._meta.db_table)}")  # noqa: S608
    _planning_reset()
    # Old session cookies must not carry over to a new account that reuses a deleted user's id.
    Session.objects.all().delete()
    RoleGrant.objects.all().delete()
    User.objects.filter(is_superuser=True).update(employee=None)
    User.objects.filter(is_superuser=False).delete()
    Assignment.objects.all().delete()
    Employee.objects.all().delete()
    # Trees point at themselves with PROTECT: cut the links, then delete children and parents together.
    Position.objects.update(reports_to=None)
    Position.objects.all().delete()
    OrgUnit.objects.update(parent=None)
    OrgUnit.objects.all().delete()
    return counts

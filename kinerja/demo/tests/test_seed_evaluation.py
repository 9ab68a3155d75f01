"""seed_demo's evaluation data: Triwulan I rated, calibrated and published with two keberatan; Triwulan IV running."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation

from kinerja.accounts.models import User
from kinerja.evaluation import distribution, permissions
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, ObjectionOutcome, ObjectionStatus
from kinerja.evaluation.models import CalibrationForum, Evaluation, Objection, OrganizationRating
from kinerja.evaluation.selectors import forum_population as population
from kinerja.evaluation.services.forum import predikat_counts
from kinerja.notifications.models import Notification
from kinerja.organization.choices import AGENCY_KINDS
from kinerja.planning import rules
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, WorkPlan

pytestmark = pytest.mark.django_db

SMALL = 120
# kepala.opd's OPD needs at least KINERJA_SMALL_UNIT_SIZE people for a percentage rule to be a violation.
MEDIUM = 300


def seed(*args: str, employees: int = SMALL, seed: int = 7) -> None:
    with translation.override("en"):
        call_command("seed_demo", "--employees", str(employees), "--seed", str(seed), *args, stdout=io.StringIO())


def user(username: str) -> User:
    return User.objects.select_related("employee").get(username=username)


def period(number: int) -> EvaluationPeriod:
    return EvaluationPeriod.objects.select_related("year").get(year__year=2026, kind="periodic", number=number)


def fingerprint() -> list[tuple]:
    rows = Evaluation.objects.order_by("employee__nip", "period__number")
    return list(
        rows.values_list("employee__nip", "period__number", "status", "results_rating", "results_reason",
                         "behaviour_rating", "final_predikat", "calibration_reason", "rated_at")
    )  # fmt: skip


def test_triwulan_i_every_approved_skp_is_rated_calibrated_and_published_with_reasons() -> None:
    seed()
    q1 = period(1)
    evaluations = Evaluation.objects.filter(period=q1)
    approved = WorkPlan.objects.filter(year=q1.year, status=WorkPlanStatus.APPROVED)
    assert evaluations.count() == approved.count() > 0
    assert not evaluations.exclude(status=EvaluationStatus.PUBLISHED).exists()
    assert q1.locked_at is not None and timezone.localdate(q1.locked_at) == dt.date(2026, 4, 15)
    changed = Objection.objects.filter(outcome=ObjectionOutcome.CHANGED).values_list("evaluation", flat=True)
    for ev in evaluations.exclude(pk__in=changed):
        assert ev.results_reason and ev.behaviour_reason, ev.employee_id
        assert ev.proposed_predikat == rules.PREDIKAT_MATRIX[ev.results_rating][ev.behaviour_rating]
        assert ev.final_predikat == ev.proposed_predikat or ev.calibration_reason
        assert ev.rated_at < ev.published_at
        assert timezone.localdate(ev.published_at) <= dt.date(2026, 4, 15)
    # Plausible and varied: most Baik, several predikat present, reasons not all the same.
    predikat = Counter(evaluations.values_list("final_predikat", flat=True))
    assert predikat.most_common(1)[0][0] == rules.BAIK and len(predikat) >= 3
    assert len(set(evaluations.values_list("results_reason", flat=True))) > evaluations.count() // 4


def test_triwulan_i_unit_heads_take_the_capaian_of_their_unit_as_rating_hasil_kerja() -> None:
    seed()
    q1 = period(1)
    ratings = dict(OrganizationRating.objects.filter(period=q1).values_list("unit_id", "predikat"))
    heads = Evaluation.objects.filter(period=q1, is_unit_head=True).select_related("unit")
    assert heads.exists()
    for ev in heads:
        effective = next(ratings[pk] for pk in reversed(ev.unit.ancestor_ids() + [ev.unit_id]) if pk in ratings)
        assert ev.results_rating == rules.ORG_RESULTS_RATING[effective]


def test_triwulan_i_org_ratings_come_from_the_walikota_for_every_opd_and_from_opd_heads_below() -> None:
    seed()
    q1 = period(1)
    agencies = set(Evaluation.objects.filter(period=q1).values_list("agency", flat=True))
    by_walikota = OrganizationRating.objects.filter(period=q1, set_by__username="walikota")
    assert set(by_walikota.values_list("unit", flat=True)) == agencies
    below = OrganizationRating.objects.filter(period=q1).exclude(unit__in=agencies).select_related("unit", "set_by")
    assert below.exists()
    for rating in below:
        assert rating.unit.kind not in AGENCY_KINDS and rating.signer["name"]
        assert permissions.can_set_org_rating(rating.set_by, rating.unit)


def test_triwulan_i_forums_are_locked_with_minutes_participants_and_a_distribution_that_holds() -> None:
    seed()
    q1 = period(1)
    forums = CalibrationForum.objects.filter(period=q1)
    agencies = set(Evaluation.objects.filter(period=q1, is_agency_head=False).values_list("agency", flat=True))
    assert set(forums.values_list("agency", flat=True)) == agencies
    for forum in forums:
        assert forum.status == ForumStatus.LOCKED and forum.minutes and forum.participants.exists()
        assert forum.held_on and forum.locked_at.date() == forum.held_on <= dt.date(2026, 4, 14)
        # As it stood at the lock (the decided keberatan changed one result of kepala.opd's OPD afterwards).
        check = forum.locked_check
        assert (
            check["ok"]
            and check["org_predikat"] == OrganizationRating.objects.get(unit=forum.agency, period=q1).predikat
        )
        assert check["total"] == population(forum.agency, q1).count()
        warnings = [r for r in check["results"] if r["severity"] == "warning"]
        assert bool(warnings) == bool(forum.justification)


def test_two_keberatan_in_penilais_chain_one_decided_with_a_change_one_explained_awaiting_kepala_opd(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the notifications are written after commit
        seed()
    penilai, kepala = user("penilai"), user("kepala.opd")
    decided = Objection.objects.select_related("evaluation__period__year").get(status=ObjectionStatus.DECIDED)
    pending = Objection.objects.select_related("evaluation__period__year").get(status=ObjectionStatus.EXPLAINED)
    assert Objection.objects.count() == 2
    # penilai's own result, explained by kepala.opd, changed by the atasan (Kurang/Misconduct → Baik).
    ev = decided.evaluation
    assert ev.employee_id == penilai.employee_id and decided.explained_by == kepala
    assert decided.outcome == ObjectionOutcome.CHANGED and decided.previous["predikat"] == rules.KURANG
    assert ev.final_predikat == rules.BAIK and ev.behaviour_rating == rules.MEETS
    # One of penilai's team, explained by penilai, waiting for kepala.opd's decision.
    assert pending.evaluation.penilai_id == penilai.employee_id and pending.explained_by == penilai
    assert permissions.can_decide_objection(kepala, pending)
    assert not permissions.can_decide_objection(penilai, pending)
    for objection in (decided, pending):
        published = timezone.localdate(objection.evaluation.published_at)
        filed = timezone.localdate(objection.filed_at)
        assert published < filed <= published + dt.timedelta(days=objection.evaluation.period.year.appeal_window_days)
        assert objection.explanation_due == filed + dt.timedelta(days=settings.KINERJA_OBJECTION_EXPLANATION_DAYS)
        assert objection in permissions.objections_visible_to(penilai)
        assert objection in permissions.objections_visible_to(kepala)
    # Dated in April; only what waits for kepala.opd is unread.
    unread = Notification.objects.filter(read_at__isnull=True, verb__startswith="evaluation.")
    assert set(unread.values_list("recipient__username", flat=True)) == {"kepala.opd"}
    assert unread.filter(created_at__gte=timezone.now() - dt.timedelta(days=30)).count() == 0
    assert Notification.objects.filter(verb="evaluation.evaluation.published").count() > 0


def test_triwulan_iv_kepala_opds_forum_is_open_with_everyone_rated_and_a_violation_to_resolve() -> None:
    seed(employees=MEDIUM)
    q4, kepala = period(4), user("kepala.opd")
    forum = CalibrationForum.objects.get(period=q4)
    own = Evaluation.objects.get(period=q4, employee=kepala.employee)
    assert forum.agency_id == own.agency_id and forum.status == ForumStatus.OPEN and forum.opened_by == kepala
    people = population(forum.agency, q4)
    assert people.count() >= settings.KINERJA_SMALL_UNIT_SIZE
    assert not people.exclude(status=EvaluationStatus.RATED).exists()
    org = OrganizationRating.objects.get(unit=forum.agency, period=q4)
    assert org.set_by.username == "walikota"
    check = distribution.check_distribution(org.predikat, predikat_counts(people), q4.year.distribution_rules,
                                            small_unit_size=settings.KINERJA_SMALL_UNIT_SIZE)  # fmt: skip
    assert check.violations
    plan = distribution.fit(org.predikat, check.counts, q4.year.distribution_rules,
                            small_unit_size=settings.KINERJA_SMALL_UNIT_SIZE)  # fmt: skip
    assert plan.feasible and plan.total_moves >= 1
    assert permissions.can_lock_forum(kepala, forum.agency)


def test_triwulan_iv_elsewhere_some_rated_some_self_assessed_most_open_and_nothing_published() -> None:
    seed(employees=MEDIUM)
    q4 = period(4)
    forum = CalibrationForum.objects.get(period=q4)
    elsewhere = Evaluation.objects.filter(period=q4).exclude(agency=forum.agency)
    states = Counter(elsewhere.values_list("status", flat=True))
    assert states[EvaluationStatus.OPEN] > states[EvaluationStatus.RATED] > 0
    assert EvaluationStatus.PUBLISHED not in states
    assert elsewhere.filter(status=EvaluationStatus.OPEN).exclude(self_assessment="").exists()
    assert not elsewhere.filter(status=EvaluationStatus.RATED, is_unit_head=True).exists()
    assert q4.locked_at is None
    assert not Evaluation.objects.filter(period__number__in=(2, 3)).exists()


def test_same_seed_gives_the_same_evaluations_and_reset_replaces_them() -> None:
    seed()
    first = fingerprint()
    assert first
    seed("--reset")
    assert fingerprint() == first
    seed("--reset", seed=8)
    assert fingerprint() != first

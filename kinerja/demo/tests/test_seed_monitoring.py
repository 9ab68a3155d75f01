"""seed_demo's monitoring data: 2026 progress, realisasi, feedback, dialogues and appreciation, in bulk."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import Q
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.demo.monitoring import DEMO_TODAY
from kinerja.demo.monitoring_texts import HOLIDAYS_2026, subject_of
from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    DialogueAction,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressEntry,
    Realization,
)
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import WorkPlan

pytestmark = pytest.mark.django_db

SMALL = 120


def seed(*args: str, seed: int = 7) -> None:
    with translation.override("en"):
        call_command("seed_demo", "--employees", str(SMALL), "--seed", str(seed), *args, stdout=io.StringIO())


def employee_of(username: str):  # noqa: ANN201 - an Employee
    return User.objects.select_related("employee").get(username=username).employee


def plan_of(username: str) -> WorkPlan:
    return WorkPlan.objects.get(employee=employee_of(username), year__year=2026)


def fingerprint() -> list[tuple]:
    entries = ProgressEntry.objects.order_by("employee__nip", "day", "item__order", "description")
    values = Realization.objects.order_by(
        "indicator__item__work_plan__employee__nip", "period__number", "indicator__text"
    )
    return [
        *entries.values_list("employee__nip", "day", "item__text", "description", "link"),
        *values.values_list("indicator__item__work_plan__employee__nip", "period__name", "value", "narrative"),
        *Feedback.objects.order_by("work_plan__employee__nip", "created_at").values_list("text", "created_at"),
    ]


def test_penilai_and_his_team_log_progress_on_most_working_days_of_the_year_for_their_own_rhk() -> None:
    seed()
    penilai = employee_of("penilai")
    plans = WorkPlan.objects.filter(Q(employee=penilai) | Q(penilai=penilai), year__year=2026,
                                    status=WorkPlanStatus.APPROVED).prefetch_related("items")  # fmt: skip
    assert plans.count() >= 2  # penilai and at least one team member
    for plan in plans:
        entries = list(ProgressEntry.objects.filter(employee=plan.employee).select_related("item"))
        days = {e.day for e in entries}
        assert len(days) > 120, plan.employee  # since January, with gaps
        assert any(d >= DEMO_TODAY - dt.timedelta(days=4) for d in days)  # this week too
        for entry in entries:
            assert entry.item.work_plan_id == plan.pk
            assert plan.start_date <= entry.day <= min(DEMO_TODAY, plan.end_date)
            assert entry.day.weekday() < 5 and entry.day not in HOLIDAYS_2026
            assert entry.description.startswith(subject_of(entry.item.text))
        assert any(e.link.startswith("https://") for e in entries)
        assert any(e.acknowledged_by_id for e in entries)


def test_only_approved_2026_skps_have_progress_and_pegawai_has_none_before_starting_his_skp() -> None:
    seed()
    assert not ProgressEntry.objects.filter(employee=employee_of("pegawai")).exists()
    assert ProgressEntry.objects.count() > 0
    assert not ProgressEntry.objects.exclude(item__work_plan__status=WorkPlanStatus.APPROVED).exists()
    assert not ProgressEntry.objects.exclude(item__work_plan__year__year=2026).exists()
    assert not ProgressEntry.objects.filter(day__gt=DEMO_TODAY).exists()


def test_realisasi_fill_the_finished_quarters_around_the_targets_including_lower_is_better_ones() -> None:
    seed()
    assert set(Realization.objects.values_list("period__name", flat=True)) == {
        "Triwulan I", "Triwulan II", "Triwulan III"}  # fmt: skip
    assert not Realization.objects.exclude(indicator__item__work_plan__status=WorkPlanStatus.APPROVED).exists()
    for r in Realization.objects.select_related("indicator__item__work_plan", "period"):
        indicator, plan = r.indicator, r.indicator.item.work_plan
        assert r.period.start_date <= plan.end_date and r.period.end_date >= plan.start_date
        assert r.updated_by.employee_id == plan.employee_id
        if indicator.target_min is None:
            assert r.value is None and r.narrative
        else:
            assert r.value is not None and not r.narrative
            assert indicator.target_min * 0 <= r.value <= indicator.target_min * 2
    kepala = plan_of("kepala.opd")
    lower = Realization.objects.filter(indicator__item__work_plan=kepala, indicator__lower_is_better=True)
    assert lower.count() >= 3  # e.g. angka kematian ibu, three quarters
    assert Evidence.objects.filter(realization__isnull=False).exclude(link="").exists()
    assert not Evidence.objects.exclude(file="").exists()  # links only: nothing written to storage


def test_penilai_receives_feedback_from_kepala_opd_on_rhk_and_core_values_and_replies_to_some() -> None:
    seed()
    plan = plan_of("penilai")
    feedback = Feedback.objects.filter(work_plan=plan)
    assert set(feedback.values_list("author__username", flat=True)) == {"kepala.opd"}
    assert feedback.filter(item__isnull=False).exists() and feedback.filter(value__isnull=False).exists()
    for f in Feedback.objects.select_related("work_plan", "author"):
        assert f.author.employee_id == f.work_plan.penilai_id  # always the SKP's penilai
        assert f.created_at.date() <= DEMO_TODAY
    replies = FeedbackReply.objects.select_related("feedback__work_plan", "author")
    assert replies.exists()
    assert all(r.author.employee_id == r.feedback.work_plan.employee_id for r in replies)
    assert all(r.created_at >= r.feedback.created_at for r in replies)


def test_dialogues_have_agreed_actions_some_done_some_open_and_some_due_soon_for_penilai() -> None:
    seed()
    penilai = employee_of("penilai")
    assert Dialogue.objects.filter(employee=penilai, led_by=employee_of("kepala.opd")).exists()
    assert Dialogue.objects.filter(led_by=penilai, kind="coaching").exists()
    actions = DialogueAction.objects.all()
    assert actions.filter(done_at__isnull=False).exists() and actions.filter(done_at__isnull=True).exists()
    soon = actions.filter(owner=penilai, done_at__isnull=True, due_date__gt=DEMO_TODAY,
                          due_date__lte=DEMO_TODAY + dt.timedelta(days=14))  # fmt: skip
    assert soon.exists()
    for action in actions.filter(done_at__isnull=False):
        assert action.done_at.date() <= DEMO_TODAY and action.done_note


def test_appreciations_go_to_someone_else_in_the_recipients_unit() -> None:
    seed()
    given = Appreciation.objects.select_related("author", "recipient")
    assert given.filter(recipient__in=[employee_of("penilai")]).exists() or given.count() > 0
    for appreciation in given:
        assert appreciation.author.employee_id != appreciation.recipient_id
        plan = WorkPlan.objects.get(employee=appreciation.recipient, year__year=2026)
        assert appreciation.unit_id == plan.unit_id


def test_same_seed_gives_the_same_monitoring_data_and_reset_removes_it_first() -> None:
    seed()
    first = fingerprint()
    assert first
    seed("--reset")
    assert fingerprint() == first
    seed("--reset", seed=8)
    assert fingerprint() != first


def test_reset_also_deletes_files_uploaded_while_playing_the_demo() -> None:
    seed()
    entry = ProgressEntry.objects.select_related("employee").first()
    evidence = Evidence(owner=entry.employee, progress_entry=entry, sha256="ab" * 32, original_name="foto.png", size=3)
    evidence.file.save("foto.png", ContentFile(b"png"), save=True)
    storage, name = evidence.file.storage, evidence.file.name
    assert storage.exists(name)
    seed("--reset")
    assert not storage.exists(name)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


def test_every_demo_account_with_an_approved_skp_has_each_kind_of_record_whatever_the_chance() -> None:
    seed()
    for username in ("penilai", "kepala.opd", "admin.opd", "admin.bkpsdm", "auditor"):
        plan = plan_of(username)
        if plan.status != WorkPlanStatus.APPROVED:
            continue
        employee = plan.employee
        assert ProgressEntry.objects.filter(employee=employee, day__gte=DEMO_TODAY - dt.timedelta(days=30)).exists()
        assert Realization.objects.filter(indicator__item__work_plan=plan).exists()
        assert Appreciation.objects.filter(recipient=employee).exists(), username
        if plan.penilai_id:
            assert Feedback.objects.filter(work_plan=plan).exists(), username
            assert Dialogue.objects.filter(employee=employee).exists(), username

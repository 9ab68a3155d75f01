"""Daily progress and realisasi services: who may write, which days and periods, what bad input says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from kinerja.audit.models import AuditEvent
from kinerja.monitoring import services
from kinerja.monitoring.models import ProgressComment, ProgressEntry, Realization
from kinerja.monitoring.tests.factories import PE_BYTES, ProgressEntryFactory
from kinerja.monitoring.tests.helpers import png, stored_files, upload
from kinerja.notifications.models import Notification
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import Approach, PeriodKind
from kinerja.planning.models import EvaluationPeriod


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the wording of messages; the product's default language is Indonesian."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def _lock(period: EvaluationPeriod) -> None:
    period.locked_at = timezone.now()
    period.save(update_fields=["locked_at"])


def test_alice_logs_todays_progress_with_a_photo(monitoring_cast):
    entry = services.progress_add(
        actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0], day=org_selectors.today(),
        description="Menyusun laporan layanan minggu ini", files=[png()],
    )  # fmt: skip
    assert entry.employee == monitoring_cast.employee("staff")
    assert entry.evidence.get().content_type == "image/png"
    assert len(stored_files()) == 1


def test_progress_accepts_an_iso_date_string(monitoring_cast):
    day = monitoring_cast.period.start_date
    entry = services.progress_add(
        actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0], day=day.isoformat(), description="x"
    )
    assert entry.day == day


def test_progress_for_a_future_day_is_refused_naming_the_day(monitoring_cast):
    with pytest.raises(ValidationError) as exc:
        services.progress_add(
            actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0],
            day=org_selectors.today() + dt.timedelta(days=1), description="x",
        )  # fmt: skip
    assert "future" in exc.value.message_dict["day"][0]


def test_progress_outside_the_skp_dates_is_refused(monitoring_cast):
    plan = monitoring_cast.staff_plan
    plan.start_date = monitoring_cast.period.start_date
    plan.save()
    with pytest.raises(ValidationError) as exc:
        services.progress_add(
            actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0],
            day=plan.start_date - dt.timedelta(days=1), description="x",
        )  # fmt: skip
    assert "day" in exc.value.message_dict


def test_progress_in_a_locked_period_is_refused(monitoring_cast):
    first = EvaluationPeriod.objects.get(year=monitoring_cast.year, kind=PeriodKind.PERIODIC, number=1)
    _lock(first)
    with pytest.raises(ValidationError) as exc:
        services.progress_add(
            actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0], day=first.start_date,
            description="x",
        )  # fmt: skip
    assert "locked" in exc.value.message_dict["day"][0]
    assert ProgressEntry.objects.count() == 0


def test_an_entry_of_a_locked_period_can_be_neither_edited_nor_deleted(monitoring_cast):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    _lock(monitoring_cast.period)
    alice = monitoring_cast.user("staff")
    with pytest.raises(ValidationError):
        services.progress_update(actor=alice, entry=entry, description="changed")
    with pytest.raises(ValidationError):
        services.progress_delete(actor=alice, entry=entry)
    assert ProgressEntry.objects.get().description == entry.description


def test_an_empty_description_is_refused_naming_it(monitoring_cast):
    with pytest.raises(ValidationError) as exc:
        services.progress_add(
            actor=monitoring_cast.user("staff"), item=monitoring_cast.staff_items[0], day=org_selectors.today(),
            description="  ",
        )  # fmt: skip
    assert "description" in exc.value.message_dict


@pytest.mark.parametrize("name", ["colleague", "supervisor", "admin_opd", "other_staff"])
def test_only_the_owner_logs_progress_on_their_rhk(monitoring_cast, name):
    with pytest.raises(PermissionDenied):
        services.progress_add(
            actor=monitoring_cast.user(name), item=monitoring_cast.staff_items[0], day=org_selectors.today(),
            description="x",
        )  # fmt: skip


def test_the_owner_edits_and_deletes_their_entry_with_an_audit_trail(monitoring_cast):
    alice = monitoring_cast.user("staff")
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    services.progress_update(actor=alice, entry=entry, description="Revised", item=monitoring_cast.staff_items[1])
    entry.refresh_from_db()
    assert (entry.description, entry.item) == ("Revised", monitoring_cast.staff_items[1])
    services.progress_delete(actor=alice, entry=entry)
    assert ProgressEntry.objects.count() == 0
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"monitoring.progress.updated", "monitoring.progress.deleted"} <= verbs


def test_an_entry_cannot_move_to_someone_elses_rhk(monitoring_cast):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    with pytest.raises(ValidationError) as exc:
        services.progress_update(actor=monitoring_cast.user("staff"), entry=entry, item=monitoring_cast.kabid_items[0])
    assert "item" in exc.value.message_dict


def test_the_penilai_acknowledges_and_the_owner_is_notified(monitoring_cast, django_capture_on_commit_callbacks):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_acknowledge(actor=monitoring_cast.user("supervisor"), entry=entry)
    entry.refresh_from_db()
    assert entry.acknowledged_by == monitoring_cast.user("supervisor")
    note = Notification.objects.get(recipient=monitoring_cast.user("staff"))
    assert note.verb == "monitoring.progress.acknowledged"


@pytest.mark.parametrize("name", ["staff", "colleague", "opd_head", "admin_opd"])
def test_only_the_penilai_acknowledges_progress(monitoring_cast, name):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    with pytest.raises(PermissionDenied):
        services.progress_acknowledge(actor=monitoring_cast.user(name), entry=entry)


def test_comments_go_between_owner_and_penilai_and_notify_the_other(
    monitoring_cast, django_capture_on_commit_callbacks
):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_comment(actor=monitoring_cast.user("supervisor"), entry=entry, text="Lampirkan daftar hadir")
        services.progress_comment(actor=monitoring_cast.user("staff"), entry=entry, text="Baik, Pak")
    assert ProgressComment.objects.count() == 2
    assert Notification.objects.filter(recipient=monitoring_cast.user("staff")).count() == 1
    assert Notification.objects.filter(recipient=monitoring_cast.user("supervisor")).count() == 1
    with pytest.raises(PermissionDenied):
        services.progress_comment(actor=monitoring_cast.user("colleague"), entry=entry, text="?")


# --- Realisasi ---------------------------------------------------------------------------


def test_alice_fills_a_realisasi_with_a_pdf(monitoring_cast):
    realization = services.realization_set(
        actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
        period=monitoring_cast.period, value="12,5", files=[upload()], links=["https://drive.example.go.id/r"],
    )  # fmt: skip
    assert realization.value == Decimal("12.50")
    assert realization.evidence.count() == 2
    assert AuditEvent.objects.filter(verb="monitoring.realization.set").exists()


def test_setting_a_realisasi_again_replaces_the_value(monitoring_cast):
    alice = monitoring_cast.user("staff")
    kwargs = {"actor": alice, "indicator": monitoring_cast.staff_indicators[0], "period": monitoring_cast.period}
    services.realization_set(**kwargs, value=3)
    services.realization_set(**kwargs, value=4)
    assert Realization.objects.get().value == Decimal("4.00")


@pytest.mark.parametrize(
    ("value", "message"), [("abc", "number"), ("-1", "negative"), ("", "number"), (None, "number")]
)
def test_a_bad_realisasi_number_is_refused_naming_value(monitoring_cast, value, message):
    with pytest.raises(ValidationError) as exc:
        services.realization_set(
            actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
            period=monitoring_cast.period, value=value,
        )  # fmt: skip
    assert message in exc.value.message_dict["value"][0]
    assert Realization.objects.count() == 0


def test_a_qualitative_skp_needs_a_narrative(monitoring_cast):
    monitoring_cast.staff_plan.approach = Approach.QUALITATIVE
    monitoring_cast.staff_plan.save()
    kwargs = {
        "actor": monitoring_cast.user("staff"),
        "indicator": monitoring_cast.staff_indicators[0],
        "period": monitoring_cast.period,
    }
    with pytest.raises(ValidationError) as exc:
        services.realization_set(**kwargs)
    assert "narrative" in exc.value.message_dict
    assert services.realization_set(**kwargs, narrative="Semua laporan tepat waktu").value is None


def test_a_realisasi_of_a_locked_period_is_refused(monitoring_cast):
    _lock(monitoring_cast.period)
    with pytest.raises(ValidationError) as exc:
        services.realization_set(
            actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
            period=monitoring_cast.period, value=3,
        )  # fmt: skip
    assert "period" in exc.value.message_dict


def test_a_rejected_realisasi_file_leaves_no_realisasi_and_no_file(monitoring_cast):
    with pytest.raises(ValidationError):
        services.realization_set(
            actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
            period=monitoring_cast.period, value=3, files=[upload(), upload("laporan.pdf", PE_BYTES)],
        )  # fmt: skip
    assert Realization.objects.count() == 0
    assert stored_files() == []


@pytest.mark.parametrize("name", ["supervisor", "colleague", "admin_opd"])
def test_only_the_owner_sets_realisasi(monitoring_cast, name):
    with pytest.raises(PermissionDenied):
        services.realization_set(
            actor=monitoring_cast.user(name), indicator=monitoring_cast.staff_indicators[0],
            period=monitoring_cast.period, value=3,
        )  # fmt: skip

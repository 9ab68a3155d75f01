"""Evidence files: checked by content, size-limited, stored privately; a rejected file leaves nothing behind."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.utils import translation

from kinerja.monitoring import services
from kinerja.monitoring.models import Evidence, ProgressEntry
from kinerja.monitoring.tests.factories import ELF_BYTES, PDF_BYTES, PE_BYTES, PNG_BYTES, ProgressEntryFactory
from kinerja.monitoring.tests.helpers import png, stored_files, upload


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the wording of messages; the product's default language is Indonesian."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(monitoring_cast):
    return ProgressEntryFactory(item=monitoring_cast.staff_items[0])


@pytest.mark.parametrize("header", [ELF_BYTES, PE_BYTES], ids=["elf", "pe"])
def test_a_disguised_executable_named_foto_jpg_is_rejected_and_nothing_is_stored(monitoring_cast, entry, header):
    alice = monitoring_cast.user("staff")
    with pytest.raises(ValidationError) as exc:
        services.evidence_attach(
            actor=alice, owner=entry.employee, upload=upload("foto.jpg", header, "image/jpeg"), progress_entry=entry
        )
    assert "file" in exc.value.message_dict
    assert "not accepted" in exc.value.message_dict["file"][0]
    assert Evidence.objects.count() == 0
    assert stored_files() == []


def test_a_disguised_executable_among_progress_files_leaves_no_entry_and_no_file(monitoring_cast):
    alice = monitoring_cast.user("staff")
    with pytest.raises(ValidationError) as exc:
        services.progress_add(
            actor=alice, item=monitoring_cast.staff_items[0], day=monitoring_cast.period.start_date,
            description="Rapat koordinasi", files=[png(), upload("foto.jpg", ELF_BYTES, "image/jpeg")],
        )  # fmt: skip
    assert "file" in exc.value.message_dict
    assert ProgressEntry.objects.count() == 0
    assert stored_files() == []


def test_a_real_png_is_accepted_whatever_its_name_and_stored_privately_with_its_hash(monitoring_cast, entry):
    alice = monitoring_cast.user("staff")
    evidence = services.evidence_attach(
        actor=alice, owner=entry.employee, upload=upload("IMG 001.jpeg", PNG_BYTES, "text/plain"), progress_entry=entry
    )
    assert evidence.content_type == "image/png"
    assert evidence.sha256 == hashlib.sha256(PNG_BYTES).hexdigest()
    assert evidence.size == len(PNG_BYTES)
    assert evidence.original_name == "IMG 001.jpeg"
    assert evidence.file.name.startswith("private/evidence/")
    assert "IMG" not in evidence.file.name
    assert default_storage.open(evidence.file.name).read() == PNG_BYTES


def test_a_real_pdf_is_accepted_as_realisasi_evidence(monitoring_cast):
    alice = monitoring_cast.user("staff")
    realization = services.realization_set(
        actor=alice, indicator=monitoring_cast.staff_indicators[0], period=monitoring_cast.period, value="3"
    )
    evidence = services.evidence_attach(
        actor=alice, owner=realization.indicator.item.work_plan.employee, upload=upload(), realization=realization
    )
    assert evidence.content_type == "application/pdf"
    assert stored_files() == [evidence.file.name]


def test_an_oversize_file_is_rejected_naming_the_limit(monitoring_cast, entry, settings):
    settings.KINERJA_EVIDENCE_MAX_BYTES = 50
    with pytest.raises(ValidationError) as exc:
        services.evidence_attach(
            actor=monitoring_cast.user("staff"), owner=entry.employee, upload=upload(), progress_entry=entry
        )
    assert "too large" in exc.value.message_dict["file"][0]
    assert stored_files() == []


def test_an_empty_file_is_rejected(monitoring_cast, entry):
    with pytest.raises(ValidationError) as exc:
        services.evidence_attach(
            actor=monitoring_cast.user("staff"), owner=entry.employee, upload=upload(content=b""), progress_entry=entry
        )
    assert "file" in exc.value.message_dict


def test_a_link_is_evidence_too_but_must_be_a_web_address(monitoring_cast, entry):
    alice = monitoring_cast.user("staff")
    evidence = services.evidence_attach(
        actor=alice, owner=entry.employee, link="https://drive.example.go.id/x", progress_entry=entry
    )
    assert evidence.link == "https://drive.example.go.id/x"
    with pytest.raises(ValidationError) as exc:
        services.evidence_attach(actor=alice, owner=entry.employee, link="javascript:alert(1)", progress_entry=entry)
    assert "link" in exc.value.message_dict


def test_someone_else_cannot_attach_evidence_to_alices_entry(monitoring_cast, entry):
    for name in ("colleague", "supervisor", "admin_opd"):
        with pytest.raises(PermissionDenied):
            services.evidence_attach(
                actor=monitoring_cast.user(name), owner=entry.employee, upload=upload(), progress_entry=entry
            )
    assert stored_files() == []


def test_deleting_evidence_removes_its_file_once_committed(monitoring_cast, entry, django_capture_on_commit_callbacks):
    alice = monitoring_cast.user("staff")
    evidence = services.evidence_attach(actor=alice, owner=entry.employee, upload=upload(), progress_entry=entry)
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_delete(actor=alice, evidence=evidence)
    assert Evidence.objects.count() == 0
    assert stored_files() == []


def test_evidence_of_a_locked_period_cannot_be_deleted(monitoring_cast, entry):
    alice = monitoring_cast.user("staff")
    evidence = services.evidence_attach(actor=alice, owner=entry.employee, upload=upload(), progress_entry=entry)
    monitoring_cast.period.locked_at = "2026-01-01T00:00:00Z"
    monitoring_cast.period.save()
    with pytest.raises(PermissionDenied):
        services.evidence_delete(actor=alice, evidence=evidence)
    assert default_storage.open(evidence.file.name).read() == PDF_BYTES

"""Bulk documents of an OPD: the zip holds both documents of every published evaluation, progress, failure, access."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.documents import evaluation_document
from kinerja.documents.tests.conftest import pdf_text
from kinerja.evaluation.choices import BatchStatus, Rating
from kinerja.evaluation.models import DocumentBatch
from kinerja.evaluation.services.batches import batch_request
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import OrganizationRatingFactory


@pytest.fixture(autouse=True)
def english() -> Any:
    with translation.override("en"):
        yield


def fresh(cast: EvaluationCast, name: str) -> User:
    return User.objects.get(pk=cast.user(name).pk)


@pytest.fixture
def published(evaluation_cast: EvaluationCast) -> EvaluationCast:
    """Alice, carol and sam published; hana (the OPD head) still open, so not in the zip."""
    c = evaluation_cast
    OrganizationRatingFactory(unit=c.opd_a, period=c.period, set_by=c.user("leader"))
    for name, results, behaviour in (
        ("staff", Rating.ABOVE, Rating.ABOVE),
        ("colleague", Rating.MEETS, Rating.MEETS),
        ("supervisor", Rating.MEETS, Rating.BELOW),
    ):
        publish(rate(c.evaluation(name), results, behaviour, c.user("supervisor")))
    return c


def request(c: EvaluationCast, name: str = "opd_head") -> DocumentBatch:
    return batch_request(actor=fresh(c, name), agency=c.opd_a, period=c.period)


def test_the_zip_holds_both_documents_of_every_published_evaluation_and_the_batch_reaches_its_total(
    published: EvaluationCast,
) -> None:
    c = published
    batch = request(c)
    assert batch.status == BatchStatus.DONE
    assert batch.total == 6
    assert batch.done == 6
    assert batch.percent == 100
    assert batch.finished_at is not None
    assert batch.file.name.startswith(f"private/dokumen/{batch.pk}/")
    with batch.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        names = archive.namelist()
        assert len(names) == 6
        assert all(name.endswith(".pdf") for name in names)
        for person in ("staff", "colleague", "supervisor"):
            nip = c.employee(person).nip
            mine = [name for name in names if name.startswith(f"{nip} ")]
            assert len(mine) == 2, person
            texts = [pdf_text(archive.read(name)) for name in mine]
            assert any("DOKUMEN EVALUASI KINERJA PEGAWAI" in text for text in texts)
            assert any("REALISASI BERDASARKAN BUKTI DUKUNG" in text for text in texts)
            assert all(c.employee(person).full_name in text and "Kode verifikasi" in text for text in texts)
        assert not [name for name in names if name.startswith(f"{c.employee('opd_head').nip} ")]
    assert AuditEvent.objects.filter(verb="evaluation.document_batch.requested", target_id=str(batch.pk)).exists()


def test_done_is_counted_after_each_document(published: EvaluationCast, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = evaluation_document.evaluation_pdf

    def spy(evaluation: Any, **kwargs: Any) -> Any:
        seen.append(DocumentBatch.objects.get().done)
        return real(evaluation, **kwargs)

    monkeypatch.setattr(evaluation_document, "evaluation_pdf", spy)
    request(published)
    # Each person's first document starts after the two of the previous person were counted.
    assert seen == [0, 2, 4]


def test_a_crash_marks_the_batch_failed_with_the_error(
    published: EvaluationCast, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(evaluation: Any, **kwargs: Any) -> Any:
        raise RuntimeError("font cache unreadable")

    monkeypatch.setattr(evaluation_document, "dokumen_pdf", broken)
    batch = request(published)
    assert batch.status == BatchStatus.FAILED
    assert "font cache unreadable" in batch.error
    assert batch.finished_at is not None
    assert not batch.file


def test_nothing_published_is_refused_naming_the_period(evaluation_cast: EvaluationCast) -> None:
    with pytest.raises(ValidationError) as error:
        request(evaluation_cast)
    assert "has no published evaluation" in error.value.message_dict["period"][0]
    assert not DocumentBatch.objects.exists()


def test_only_those_who_view_the_forum_may_request(published: EvaluationCast) -> None:
    for name in ("colleague", "supervisor", "other_head"):
        with pytest.raises(PermissionDenied):
            request(published, name)
    assert request(published, "admin_opd").status == BatchStatus.DONE


def test_a_batch_still_queued_is_returned_instead_of_a_second_one(published: EvaluationCast) -> None:
    c = published
    queued = DocumentBatch.objects.create(agency=c.opd_a, period=c.period, requested_by=c.user("opd_head"))
    assert request(c).pk == queued.pk
    assert DocumentBatch.objects.count() == 1


def test_the_zip_downloads_once_done_for_forum_viewers_only(published: EvaluationCast) -> None:
    c = published
    batch = request(c)
    url = reverse("documents:evaluation-batch-zip", args=[batch.pk])
    client = Client()
    client.force_login(c.user("auditor"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    assert len(zipfile.ZipFile(io.BytesIO(content)).namelist()) == 6
    client.force_login(c.user("colleague"))
    assert client.get(url).status_code == 404
    queued = DocumentBatch.objects.create(agency=c.opd_a, period=c.period, requested_by=c.user("opd_head"))
    client.force_login(c.user("opd_head"))
    assert client.get(reverse("documents:evaluation-batch-zip", args=[queued.pk])).status_code == 404

"""The SKP PDF: official labels and content read back from the PDF text, issuing, drafts, old versions, access."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.documents.models import IssuedDocument
from kinerja.documents.services import CODE_ALPHABET, CODE_LENGTH
from kinerja.documents.tests.conftest import (
    EXTRA_RHK,
    RETURN_NOTE,
    REVISION_REASON,
    History,
    fresh,
    pdf_text,
    start_alice_plan,
)
from kinerja.planning.models import BehaviourValue
from kinerja.planning.tests.conftest import PlanningCast

BERAKHLAK = ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif")


def download(cast: PlanningCast, name: str, url: str, **extra: str) -> tuple[int, bytes]:
    client = Client()
    client.force_login(cast.user(name))
    response = client.get(url, **extra)
    return response.status_code, response.content


def current_url(plan_pk: int) -> str:
    return reverse("documents:work-plan-pdf", args=[plan_pk])


def version_url(plan_pk: int, version: int) -> str:
    return reverse("documents:work-plan-version-pdf", args=[plan_pk, version])


def test_approved_skp_prints_the_official_form_with_identity_results_and_behaviour(history: History) -> None:
    status, content = download(history.cast, "staff", current_url(history.plan.pk))
    assert status == 200
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    for label in (
        "PEMERINTAH KOTA LHOKSEUMAWE",
        "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER",
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "PANGKAT/GOL. RUANG",
        "UNIT KERJA",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
        "A. UTAMA",
        "B. TAMBAHAN",
        "PERILAKU KERJA",
        "EKSPEKTASI KHUSUS PIMPINAN",
        "Pegawai yang Dinilai",
        "Pejabat Penilai Kinerja",
    ):
        assert label in text, label
    assert str(history.cast.year.year) in text
    assert history.cast.employee("staff").full_name in text
    assert history.cast.employee("supervisor").full_name in text
    assert history.cast.employee("staff").nip_display in text
    # The RHK sam distributed, the RHK of sam they intervene, their IKI and targets, and the tambahan RHK of v2.
    assert "Terselenggaranya layanan Bidang A1 sesuai standar" in text
    assert "Tersusunnya bahan laporan kinerja Bidang A1" in text
    assert "Tersusunnya laporan kinerja Bidang A1" in text
    assert "Jumlah Tersusunnya bahan laporan kinerja Bidang A1" in text
    assert "12 laporan" in text
    assert "Kuantitas" in text
    assert text.index("A. UTAMA") < text.index("Tersusunnya bahan laporan") < text.index("B. TAMBAHAN")
    assert text.index("B. TAMBAHAN") < text.index(EXTRA_RHK) < text.index("PERILAKU KERJA")
    assert "2 kegiatan" in text
    for value in BERAKHLAK:
        assert value in text, value
    for indicator in BehaviourValue.objects.get(order=2).indicators.all():
        assert " ".join(indicator.text.split()) in text
    assert "Menjadi panutan dalam pelayanan prima" in text


def test_lampiran_and_history_of_both_versions_follow_the_skp(history: History) -> None:
    _status, content = download(history.cast, "staff", current_url(history.plan.pk))
    text = pdf_text(content)
    lampiran = text.index("LAMPIRAN SASARAN KINERJA PEGAWAI")
    for heading in ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"):
        assert text.index(heading, lampiran) > lampiran
    assert "1. Komputer dan printer 2. Akses aplikasi e-Kinerja" in text
    assert "Hasil kerja dilaporkan setiap triwulan" in text
    assert "2. Pembinaan bila tidak" in text
    history_at = text.index("RIWAYAT DOKUMEN")
    steps = text[history_at:]
    # v1: submitted, returned with its note, submitted, approved; v2: revision with its reason, submitted, approved.
    assert steps.count("Diajukan") == 3
    assert steps.count("Disetujui") == 2
    assert "Dikembalikan untuk diperbaiki" in steps
    assert RETURN_NOTE in steps
    assert "Direvisi (versi baru)" in steps
    assert REVISION_REASON in steps
    assert steps.index(RETURN_NOTE) < steps.index(REVISION_REASON)
    assert history.cast.employee("supervisor").full_name in steps


def test_approved_skp_carries_one_verification_code_on_every_download(history: History) -> None:
    _status, first = download(history.cast, "staff", current_url(history.plan.pk))
    _status, again = download(history.cast, "supervisor", current_url(history.plan.pk))
    document = IssuedDocument.objects.get()
    assert document.version == 2
    assert len(document.code) == CODE_LENGTH
    assert set(document.code) <= set(CODE_ALPHABET)
    assert document.subject == history.cast.employee("staff")
    verify_url = "http://testserver" + reverse("documents:verify", args=[document.code])
    for content in (first, again):
        text = pdf_text(content)
        assert f"Kode verifikasi: {document.code}" in text
        assert "Dokumen ini dapat diverifikasi di" in text
        assert verify_url in text.replace(" ", "")
        assert "Halaman 1 dari" in text
        assert "DRAF" not in text
    assert AuditEvent.objects.filter(verb="documents.document.issued").count() == 1


def test_a_draft_prints_with_a_draf_watermark_and_no_verification_code(planning_cast: PlanningCast) -> None:
    plan = start_alice_plan(planning_cast)
    status, content = download(planning_cast, "staff", current_url(plan.pk))
    assert status == 200
    text = pdf_text(content)
    assert "DRAF" in text
    assert "Kode verifikasi" not in text
    assert "belum memiliki kode verifikasi" in text
    assert "Tersusunnya bahan laporan kinerja Bidang A1" in text
    assert not IssuedDocument.objects.exists()


def test_an_old_approved_version_prints_from_its_frozen_content(history: History) -> None:
    status, content = download(history.cast, "staff", version_url(history.plan.pk, 1))
    assert status == 200
    text = pdf_text(content)
    assert "versi 1" in text
    assert EXTRA_RHK not in text  # added in version 2
    assert "Tersusunnya bahan laporan kinerja Bidang A1" in text
    assert "DRAF" not in text
    codes = set(IssuedDocument.objects.values_list("version", flat=True))
    assert codes == {1}
    assert f"Kode verifikasi: {IssuedDocument.objects.get().code}" in text


def test_a_version_never_approved_is_not_found(history: History) -> None:
    status, _content = download(history.cast, "staff", version_url(history.plan.pk, 3))
    assert status == 404


def test_a_revision_in_progress_prints_as_draft_while_the_approved_version_stays_downloadable(
    history: History,
) -> None:
    from kinerja.planning import services

    services.work_plan_revise(actor=fresh(history.cast, "staff"), work_plan=history.plan, reason="Pindah bidang")
    _status, current = download(history.cast, "staff", current_url(history.plan.pk))
    assert "DRAF" in pdf_text(current)
    assert "versi 3" in pdf_text(current)
    status, approved = download(history.cast, "staff", version_url(history.plan.pk, 2))
    assert status == 200
    assert "Kode verifikasi" in pdf_text(approved)


def test_the_document_is_indonesian_even_for_a_reader_who_chose_english(history: History) -> None:
    client = Client()
    client.force_login(history.cast.user("staff"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = pdf_text(client.get(current_url(history.plan.pk)).content)
    assert "DESEMBER" in text
    assert "Halaman 1 dari" in text


def test_the_head_of_an_agency_gets_the_jpt_form(planning_cast: PlanningCast) -> None:
    _status, content = download(planning_cast, "opd_head", current_url(planning_cast.head_plan.pk))
    text = pdf_text(content)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in text
    # The goal of Dinas A that her RHK intervenes stands in the "pimpinan" column.
    assert "Meningkatnya kualitas pelayanan publik Dinas A" in text


def test_a_qualitative_skp_merges_indicator_and_target(planning_cast: PlanningCast) -> None:
    from kinerja.planning import services

    carol = fresh(planning_cast, "colleague")
    plan = services.work_plan_start(
        actor=carol, employee=planning_cast.employee("colleague"), year=planning_cast.year,
        approach="kualitatif", source="distribution",
    )  # fmt: skip
    item = plan.items.first()
    services.indicator_add(
        actor=fresh(planning_cast, "colleague"), item=item, aspect="kualitas",
        text="Layanan diselesaikan sesuai SOP", target_text="Tanpa keluhan masyarakat",
    )  # fmt: skip
    text = pdf_text(download(planning_cast, "colleague", current_url(plan.pk))[1])
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in text
    assert "UKURAN KEBERHASILAN/INDIKATOR KINERJA INDIVIDU DAN TARGET" in text
    assert "Layanan diselesaikan sesuai SOP" in text
    assert "Tanpa keluhan masyarakat" in text


@pytest.mark.parametrize("name", ["other_staff", "other_head", "colleague"])
def test_people_who_may_not_see_the_skp_get_404(history: History, name: str) -> None:
    assert download(history.cast, name, current_url(history.plan.pk))[0] == 404
    assert download(history.cast, name, version_url(history.plan.pk, 1))[0] == 404
    assert not IssuedDocument.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(history: History) -> None:
    response = Client().get(current_url(history.plan.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

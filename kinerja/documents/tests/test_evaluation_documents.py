"""The evaluation documents read back from the PDF text: labels, people, ratings, predikat, keberatan, DRAF, codes.

World: kinerja/documents/tests/evaluation_world.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kinerja.documents.choices import DocumentKind
from kinerja.documents.models import IssuedDocument
from kinerja.documents.pdf_common import period_marks
from kinerja.documents.tests.conftest import pdf_text
from kinerja.documents.tests.evaluation_world import (
    BEHAVIOUR_FEEDBACK,
    DECISION,
    EXPLANATION,
    FEEDBACK,
    REASONS,
    decide_changed,
    doc_url,
    get,
    record_url,
    text_of,
)
from kinerja.evaluation.choices import Rating
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import EvaluationFactory, ObjectionFactory
from kinerja.planning.choices import PeriodKind, PeriodType


@pytest.fixture(autouse=True)
def english() -> Any:
    with translation.override("en"):
        yield


# --- Evaluasi Kinerja Pegawai -------------------------------------------------------------------


def test_published_evaluation_prints_the_official_form_with_realisasi_feedback_ratings_and_predikat(
    published: EvaluationCast,
) -> None:
    c = published
    text = text_of(c, "supervisor", doc_url(c.evaluation("staff")))
    for label in (
        "PEMERINTAH KOTA LHOKSEUMAWE",
        "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER",
        "EVALUASI KINERJA PEGAWAI",
        "PERIODE: TRIWULAN I/II/III/IV-AKHIR",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "CAPAIAN KINERJA ORGANISASI BAIK",
        "POLA DISTRIBUSI",
        "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
        "Frekuensi Pegawai",
        "Sangat Kurang",
        "Kurang/Misconduct",
        "Baik paling banyak 70% pegawai",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        "RATING HASIL KERJA DIATAS EKSPEKTASI",
        "PERILAKU KERJA",
        "RATING PERILAKU KERJA DIATAS EKSPEKTASI",
        "PREDIKAT KINERJA PEGAWAI SANGAT BAIK",
        "Pejabat Penilai Kinerja",
    ):
        assert label in text, label
    assert c.employee("staff").full_name in text
    assert c.employee("supervisor").full_name in text
    assert "Tersusunnya laporan layanan A1" in text
    assert "10 laporan" in text  # realisasi with its unit
    assert FEEDBACK in text
    assert BEHAVIOUR_FEEDBACK in text
    document = IssuedDocument.objects.get(kind=DocumentKind.EVALUATION)
    assert f"Kode verifikasi: {document.code}" in text
    assert "DRAF" not in text


def test_before_publication_the_penilai_gets_a_draf_without_a_code(rated: EvaluationCast) -> None:
    for url in (doc_url(rated.evaluation("staff")), record_url(rated.evaluation("staff"))):
        text = text_of(rated, "supervisor", url)
        assert "DRAF" in text
        assert "belum memiliki kode verifikasi" in text
        assert "Kode verifikasi" not in text
    assert not IssuedDocument.objects.exists()


@pytest.mark.parametrize(
    ("period", "kept"),
    [
        ({"kind": PeriodKind.PERIODIC, "number": 2, "type": PeriodType.QUARTERLY}, ["II"]),
        ({"kind": PeriodKind.PERIODIC, "number": 4, "type": PeriodType.QUARTERLY}, ["IV"]),
        ({"kind": PeriodKind.ANNUAL, "number": 1, "type": PeriodType.QUARTERLY}, ["AKHIR"]),
        ({"kind": PeriodKind.PERIODIC, "number": 3, "type": PeriodType.MONTHLY, "name": "Maret"}, ["BULAN MARET"]),
    ],
)
def test_the_period_line_strikes_out_every_period_but_the_evaluated_one(period: dict, kept: list[str]) -> None:
    marks = period_marks(period)
    assert [mark["label"] for mark in marks if not mark["struck"]] == kept
    if period["type"] == PeriodType.QUARTERLY:
        assert "".join(mark["label"] + mark["sep"] for mark in marks) == "I/II/III/IV-AKHIR"


def test_the_owner_gets_the_documents_only_once_published(rated: EvaluationCast) -> None:
    alice = rated.evaluation("staff")
    assert get(rated, "staff", doc_url(alice)).status_code == 403
    assert get(rated, "staff", record_url(alice)).status_code == 403
    publish(alice)
    assert get(rated, "staff", doc_url(alice)).status_code == 200
    assert get(rated, "staff", record_url(alice)).status_code == 200


def test_outsiders_and_colleagues_cannot_download(published: EvaluationCast) -> None:
    alice = published.evaluation("staff")
    assert get(published, "colleague", doc_url(alice)).status_code == 404
    assert get(published, "other_head", record_url(alice)).status_code == 404
    assert get(published, None, doc_url(alice)).status_code == 302


def test_a_unit_head_in_the_quarter_strikes_the_other_periods(published: EvaluationCast) -> None:
    c = published
    text = text_of(c, "opd_head", doc_url(c.evaluation("supervisor")))
    assert "RATING PERILAKU KERJA DIBAWAH EKSPEKTASI" in text
    assert "PREDIKAT KINERJA PEGAWAI KURANG/MISCONDUCT" in text
    assert "capaian kinerja organisasi unit yang dipimpin" in text


# --- Dokumen Evaluasi Kinerja Pegawai --------------------------------------------------------


def test_dokumen_evaluasi_prints_sections_1_to_5_and_no_keberatan_when_none_was_filed(
    published: EvaluationCast,
) -> None:
    c = published
    text = text_of(c, "staff", record_url(c.evaluation("staff")))
    for label in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "1 PEGAWAI YANG DINILAI",
        "2 PEJABAT PENILAI KINERJA",
        "3 ATASAN PEJABAT PENILAI KINERJA",
        "4 EVALUASI KINERJA",
        "CAPAIAN KINERJA ORGANISASI BAIK",
        "PREDIKAT KINERJA PEGAWAI SANGAT BAIK",
        "5 CATATAN/REKOMENDASI",
        "6. Lhokseumawe",
        "7. Lhokseumawe",
        "Pegawai yang Dinilai",
    ):
        assert label in text, label
    for name in ("staff", "supervisor", "opd_head"):
        assert c.employee(name).full_name in text
    assert "KEBERATAN" not in text
    assert IssuedDocument.objects.filter(kind=DocumentKind.EVALUATION_DOCUMENT).count() == 1


def test_a_filed_keberatan_adds_sections_6_to_8_and_numbers_the_signatures_after_them(
    published: EvaluationCast,
) -> None:
    c = published
    ObjectionFactory(evaluation=c.evaluation("staff"), reasons=REASONS)
    text = text_of(c, "staff", record_url(c.evaluation("staff")))
    assert "6 KEBERATAN" in text
    assert REASONS in text
    assert "7 PENJELASAN PEJABAT PENILAI ATAS KEBERATAN" in text
    assert "Belum ada penjelasan." in text
    assert "8 KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA" in text
    assert "Belum diputuskan." in text
    assert "9. Lhokseumawe" in text
    assert "10. Lhokseumawe" in text


def test_after_the_decision_the_documents_print_the_decided_result(published: EvaluationCast) -> None:
    c = published
    decide_changed(c)
    text = text_of(c, "staff", record_url(c.evaluation("staff")))
    assert EXPLANATION in text
    assert "Hasil evaluasi diubah (bersifat final)" in text
    assert DECISION in text
    assert "SEBELUM KEBERATAN" in text
    assert "PREDIKAT KINERJA PEGAWAI SANGAT BAIK BAIK" in text  # before → decided
    assert "Atasan Pejabat Penilai Kinerja" in text
    assert "11. Lhokseumawe" in text
    evaluation_text = text_of(c, "staff", doc_url(c.evaluation("staff")))
    assert "RATING PERILAKU KERJA SESUAI EKSPEKTASI" in evaluation_text
    assert "PREDIKAT KINERJA PEGAWAI BAIK" in evaluation_text


def test_the_annual_document_prints_periode_akhir_and_the_periodic_predikat_of_the_year(
    published: EvaluationCast,
) -> None:
    c = published
    annual_period = c.year.periods.get(kind=PeriodKind.ANNUAL)
    annual = EvaluationFactory(work_plan=c.staff_plan, period=annual_period)
    publish(rate(annual, Rating.MEETS, Rating.MEETS, c.user("supervisor")))
    response = get(c, "staff", record_url(annual))
    assert "-AKHIR-" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Dokumen Evaluasi Kinerja Pegawai AKHIR TAHUN" in text  # the footer names the period
    assert "PREDIKAT KINERJA PERIODIK" in text
    assert f"{c.period.name}: SANGAT BAIK" in text
    assert "PREDIKAT KINERJA PEGAWAI BAIK" in text


# --- Verification ----------------------------------------------------------------------------


def test_issued_evaluation_documents_verify_as_genuine_then_changed_after_a_keberatan_decision(
    published: EvaluationCast,
) -> None:
    c = published
    alice = c.evaluation("staff")
    text_of(c, "staff", doc_url(alice))
    text_of(c, "staff", record_url(alice))
    codes = list(IssuedDocument.objects.values_list("code", flat=True))
    assert len(codes) == 2
    for code in codes:
        response = Client().get(reverse("documents:verify", args=[code]))
        assert response.context["unchanged"] is True
        assert c.employee("staff").full_name in response.content.decode()
    decide_changed(c)
    for code in codes:
        response = Client().get(reverse("documents:verify", args=[code]))
        assert response.context["changed"] is True
    # A new download prints the decided result under a new code, which is genuine.
    text_of(c, "staff", record_url(alice))
    newest = IssuedDocument.objects.exclude(code__in=codes).get()
    assert Client().get(reverse("documents:verify", args=[newest.code])).context["unchanged"] is True


def test_the_same_content_keeps_its_code_on_every_download(published: EvaluationCast) -> None:
    alice = published.evaluation("staff")
    first = text_of(published, "staff", doc_url(alice))
    second = text_of(published, "supervisor", doc_url(alice))
    code = IssuedDocument.objects.get().code
    assert code in first and code in second

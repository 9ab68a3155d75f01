"""The penetapan of capaian kinerja organisasi and the berita acara of the forum, read back from the PDF text.

World: kinerja/documents/tests/evaluation_world.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from kinerja.documents.choices import DocumentKind
from kinerja.documents.models import IssuedDocument
from kinerja.documents.tests.evaluation_world import text_of
from kinerja.evaluation.choices import ForumStatus, Predikat
from kinerja.evaluation.models import CalibrationAdjustment, OrganizationRating
from kinerja.evaluation.tests.conftest import EvaluationCast, publish
from kinerja.evaluation.tests.factories import CalibrationForumFactory


@pytest.fixture(autouse=True)
def english() -> Any:
    with translation.override("en"):
        yield


# --- Penetapan capaian kinerja organisasi ------------------------------------------------------


def rating_of(c: EvaluationCast) -> OrganizationRating:
    return OrganizationRating.objects.get(unit=c.opd_a, period=c.period)


def test_penetapan_prints_the_predikat_the_rules_and_the_signer_and_counts_once_published(
    rated: EvaluationCast,
) -> None:
    c = rated
    rating = rating_of(c)
    url = reverse("documents:org-rating-pdf", args=[rating.pk])
    text = text_of(c, "colleague", url)
    for label in (
        "PENETAPAN CAPAIAN KINERJA ORGANISASI",
        "POLA DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
        "UNIT KERJA Dinas A",
        "CAPAIAN KINERJA ORGANISASI BAIK",
        "Capaian IKU sesuai target Perjanjian Kinerja.",
        "Baik paling banyak 70% pegawai",
        "Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct",
        "Frekuensi Pegawai",
        "belum ada predikat pegawai",  # nobody published yet: the shape only
        "Wali Kota Uji",
    ):
        assert label in text, label
    for name in ("staff", "colleague", "supervisor"):
        publish(c.evaluation(name))
    text = text_of(c, "colleague", url)
    assert "JUMLAH 3 100" in text
    assert "Memenuhi" in text
    assert "belum ada predikat pegawai" not in text


def test_penetapan_verifies_and_turns_changed_when_the_rating_is_set_again(rated: EvaluationCast) -> None:
    rating = rating_of(rated)
    text_of(rated, "staff", reverse("documents:org-rating-pdf", args=[rating.pk]))
    document = IssuedDocument.objects.get(kind=DocumentKind.ORG_RATING)
    assert Client().get(reverse("documents:verify", args=[document.code])).context["unchanged"] is True
    rating.predikat = "istimewa"
    rating.save()
    assert Client().get(reverse("documents:verify", args=[document.code])).context["changed"] is True


# --- Berita acara of the forum -------------------------------------------------------------------


def locked_forum(c: EvaluationCast) -> Any:
    forum = CalibrationForumFactory(
        agency=c.opd_a, period=c.period, participants=[c.employee("opd_head"), c.employee("admin_opd")],
        held_on=dt.date(c.period.end_date.year, c.period.end_date.month, 1), guests="Perwakilan BKPSDM",
        minutes="Forum menyepakati penyesuaian satu predikat.",
    )  # fmt: skip
    carol = c.evaluation("colleague")
    CalibrationAdjustment.objects.create(
        forum=forum, evaluation=carol, from_predikat=Predikat.BAIK, to_predikat=Predikat.BUTUH_PERBAIKAN,
        reason="Dua surat layanan melewati tenggat", by=c.user("opd_head"),
    )  # fmt: skip
    carol.final_predikat = Predikat.BUTUH_PERBAIKAN
    carol.calibration_reason = "Dua surat layanan melewati tenggat"
    carol.save()
    forum.status = ForumStatus.LOCKED
    forum.locked_at = timezone.now()
    forum.locked_by = c.user("opd_head")
    forum.locked_check = {
        "org_predikat": "baik", "total": 3, "small_unit": True, "ok": True,
        "counts": {"sangat_baik": 1, "baik": 0, "butuh_perbaikan": 1, "kurang": 1, "sangat_kurang": 0},
    }  # fmt: skip
    forum.save()
    return forum


def test_berita_acara_prints_participants_distribution_adjustments_minutes_and_the_head(
    published: EvaluationCast,
) -> None:
    c = published
    forum = locked_forum(c)
    text = text_of(c, "admin_opd", reverse("documents:forum-minutes-pdf", args=[forum.pk]))
    for label in (
        "BERITA ACARA",
        "FORUM EVALUASI KINERJA PEGAWAI",
        "DINAS A",
        "PESERTA FORUM",
        "Perwakilan BKPSDM",
        "DISTRIBUSI PREDIKAT KINERJA PEGAWAI PADA SAAT DIKUNCI",
        "PENYESUAIAN PREDIKAT",
        "Dua surat layanan melewati tenggat",
        "NOTULEN",
        "Forum menyepakati penyesuaian satu predikat.",
        "Kode verifikasi",
    ):
        assert label in text, label
    assert c.employee("admin_opd").full_name in text
    assert c.employee("colleague").full_name in text
    assert text.count(c.employee("opd_head").full_name) >= 2  # participant and signer
    assert "Lhokseumawe, " in text and "Kepala Dinas A" in text
    assert "JUMLAH 3 100" in text
    document = IssuedDocument.objects.get(kind=DocumentKind.FORUM_MINUTES)
    assert Client().get(reverse("documents:verify", args=[document.code])).context["unchanged"] is True


def test_an_open_forum_prints_a_draf_berita_acara(rated: EvaluationCast) -> None:
    forum = CalibrationForumFactory(agency=rated.opd_a, period=rated.period)
    text = text_of(rated, "opd_head", reverse("documents:forum-minutes-pdf", args=[forum.pk]))
    assert "DRAF" in text
    assert "Forum evaluasi kinerja belum dikunci" in text
    assert not IssuedDocument.objects.exists()

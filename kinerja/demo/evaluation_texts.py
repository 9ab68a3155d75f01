"""Texts of the demo evaluation data, in Indonesian: the penilai's reasons, notes, self-assessments, capaian
organisasi, forum minutes and the two keberatan.

A reason is built from the realisasi it rests on (average capaian, how many IKI met their target), so two
people with the same rating still read different, fitting sentences.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from kinerja.planning import rules

BERAKHLAK = ("berorientasi pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


def pct(value: Decimal | float) -> str:
    """88.5 → "88,5" (Indonesian decimal comma)."""
    text = f"{float(value):.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- rating hasil kerja ---------------------------------------------------------------------------
RESULTS = {
    rules.ABOVE: (
        "Rata-rata capaian IKI RHK utama {capaian}%; {met} dari {total} IKI melampaui target dan tidak ada RHK "
        "utama di bawah ekspektasi.",
        "Seluruh RHK utama tercapai dengan capaian rata-rata {capaian}%, {met} dari {total} IKI di atas target; "
        "hasil kerja melebihi ekspektasi triwulan ini.",
        "Capaian {capaian}% dengan kualitas laporan yang sangat baik; {met} dari {total} IKI melampaui target.",
    ),
    rules.MEETS: (
        "Rata-rata capaian IKI RHK utama {capaian}%; {met} dari {total} IKI memenuhi target, sisanya mendekati target.",
        "Sebagian besar hasil kerja sesuai ekspektasi (capaian rata-rata {capaian}%); {met} dari {total} IKI tercapai.",
        "Hasil kerja sesuai rencana aksi; capaian rata-rata {capaian}%, {met} dari {total} IKI memenuhi target.",
    ),
    rules.BELOW: (
        "Capaian rata-rata IKI RHK utama hanya {capaian}%; {met} dari {total} IKI mencapai target.",
        "Sebagian besar RHK utama di bawah target (capaian rata-rata {capaian}%); perlu rencana perbaikan "
        "pada triwulan berikutnya.",
        "Realisasi tertinggal dari rencana aksi: capaian rata-rata {capaian}%, hanya {met} dari {total} IKI tercapai.",
    ),
}
# The penilai decides, not the system: where they depart from the suggestion they say why.
OVERRIDE = {
    rules.ABOVE: "Capaian angka {capaian}%, tetapi kualitas dan kompleksitas hasil kerja melampaui ekspektasi: "
    "pegawai menuntaskan tugas tambahan yang mendesak dari pimpinan.",
    rules.MEETS: "Capaian angka {capaian}%; setelah memperhitungkan kendala di luar kendali pegawai dan kualitas "
    "laporan, hasil kerja dinilai sesuai ekspektasi.",
    rules.BELOW: "Capaian angka {capaian}%, namun sebagian laporan harus diperbaiki berulang kali dan bukti "
    "dukung tidak lengkap; hasil kerja di bawah ekspektasi.",
}
RESULTS_QUALITATIVE = {
    rules.ABOVE: "Seluruh RHK kualitatif terlaksana melampaui ukuran keberhasilan yang disepakati.",
    rules.MEETS: "RHK kualitatif terlaksana sesuai ukuran keberhasilan; laporan dan bukti dukung lengkap.",
    rules.BELOW: "Sebagian besar RHK kualitatif belum terlaksana sesuai ukuran keberhasilan yang disepakati.",
}
FEEDBACK_REASON = "Umpan balik triwulan: {excellent} apresiasi, {attention} catatan perlu perhatian."
RESULTS_NO_REALISASI = "Realisasi triwulan belum diisi; penilaian berdasarkan progres harian dan laporan kegiatan."
# A unit head's rating hasil kerja is the capaian kinerja organisasi of the unit (PermenPANRB 6/2022 Ps 25).
RESULTS_UNIT_HEAD = "Mengikuti capaian kinerja organisasi {unit}: {predikat} (PermenPANRB 6/2022 Pasal 25)."
ORG_LABEL = {
    rules.ISTIMEWA: "Istimewa",
    rules.BAIK: "Baik",
    rules.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    rules.KURANG: "Kurang",
    rules.SANGAT_KURANG: "Sangat Kurang",
}

# --- rating perilaku kerja ------------------------------------------------------------------------
BEHAVIOUR = {
    rules.ABOVE: (
        "Menjadi teladan dalam nilai {value} dan {value2}; sering membantu rekan kerja tanpa diminta.",
        "Perilaku {value} sangat menonjol, diapresiasi masyarakat dan rekan kerja.",
        "Konsisten {value} dan {value2}; berinisiatif memperbaiki cara kerja tim.",
    ),
    rules.MEETS: (
        "Perilaku kerja sesuai panduan BerAKHLAK; {value} dan {value2} dalam pelaksanaan tugas.",
        "Menunjukkan sikap {value} sesuai ekspektasi; hadir dan melapor tepat waktu.",
        "Sesuai ekspektasi pada ketujuh nilai BerAKHLAK, terutama {value}.",
        "Kerja sama dengan tim berjalan baik; perilaku {value} sesuai ekspektasi.",
    ),
    rules.BELOW: (
        "Beberapa kali terlambat menyampaikan laporan meski sudah diingatkan; nilai {value} perlu ditingkatkan.",
        "Perilaku {value} belum sesuai ekspektasi; sudah dibahas dalam dialog kinerja.",
    ),
}
NOTES = (
    "Pertahankan kinerja dan bagikan praktik baik kepada rekan satu tim.",
    "Diusulkan mengikuti pelatihan teknis sesuai jabatan pada tahun berikutnya.",
    "Lengkapi bukti dukung setiap akhir bulan agar penilaian lebih mudah.",
    "Tingkatkan koordinasi lintas bidang untuk RHK yang bergantung pada data bidang lain.",
    "",
    "",
)
SELF_ASSESSMENTS = (
    "Seluruh RHK utama saya laksanakan sesuai rencana aksi; bukti dukung terlampir pada realisasi.",
    "Target triwulan sebagian besar tercapai. Kendala utama ada pada keterlambatan data dari unit lain.",
    "Saya menyelesaikan semua kegiatan terjadwal dan membantu tim pada kegiatan tambahan.",
    "Realisasi beberapa IKI belum mencapai target karena kegiatan dijadwalkan ulang; akan saya kejar.",
)

# --- capaian kinerja organisasi (step 1) ----------------------------------------------------------
ORG_NOTES = {
    rules.ISTIMEWA: (
        "Seluruh rencana aksi triwulan tercapai melampaui target periodik yang disepakati dengan pimpinan.",
        "Capaian IKU triwulan di atas target; inovasi layanan diapresiasi masyarakat.",
    ),
    rules.BAIK: (
        "Rencana aksi triwulan tercapai sesuai target periodik; capaian IKU sesuai Perjanjian Kinerja.",
        "Sebagian besar target periodik tercapai; dua rencana aksi bergeser ke triwulan berikutnya.",
        "Capaian IKU sesuai target; serapan anggaran sesuai rencana.",
    ),
    rules.BUTUH_PERBAIKAN: (
        "Sebagian rencana aksi belum tercapai; realisasi IKU di bawah target periodik.",
        "Capaian IKU triwulan di bawah target karena keterlambatan pengadaan; perlu percepatan.",
    ),
}

# --- forum evaluasi -------------------------------------------------------------------------------
FORUM_GUESTS = "Perwakilan BKPSDM Kota Lhokseumawe; Perwakilan Inspektorat Kota Lhokseumawe"
FORUM_MINUTES = (
    "Pada hari ini, {day}, telah dilaksanakan forum evaluasi kinerja pegawai {agency} untuk {period} tahun "
    "{year}. Forum membahas usulan predikat kinerja {total} pegawai berdasarkan capaian kinerja organisasi "
    "{org}. {changes} Seluruh peserta menyetujui hasil kalibrasi dan predikat kinerja pegawai ditetapkan "
    "sebagaimana terlampir."
)
FORUM_CHANGES = "Forum menyesuaikan predikat {count} pegawai agar sesuai pola distribusi (SE MenPANRB 3/2023)."
FORUM_NO_CHANGES = "Distribusi usulan predikat telah sesuai pola distribusi sehingga tidak ada penyesuaian."
FORUM_JUSTIFICATION = (
    "Jumlah pegawai kurang dari sepuluh orang sehingga ketentuan persentase pola distribusi tidak dapat "
    "diterapkan secara utuh; forum menetapkan predikat sesuai kontribusi masing-masing pegawai."
)
SUGGESTION_REASON = "Penyesuaian agar distribusi predikat sesuai pola distribusi capaian kinerja organisasi {org}."

# --- keberatan ------------------------------------------------------------------------------------
DECIDED = {
    "reasons": (
        "Saya keberatan atas rating perilaku kerja Di Bawah Ekspektasi. Keterlambatan laporan bulan Februari "
        "terjadi karena saya ditugaskan menangani KLB campak di Kecamatan Muara Dua atas perintah Kepala Dinas "
        "(surat tugas terlampir), bukan karena kelalaian."
    ),
    "explanation": (
        "Rating perilaku diberikan karena dua laporan bulanan terlambat. Saya membenarkan bahwa pada periode "
        "tersebut yang bersangkutan ditugaskan menangani KLB campak dan surat tugasnya ada."
    ),
    "decision": (
        "Keterlambatan laporan disebabkan penugasan resmi penanganan KLB. Rating perilaku kerja diubah menjadi "
        "Sesuai Ekspektasi sehingga predikat menjadi Baik. Keputusan ini bersifat final (PP 30/2019 Pasal 59)."
    ),
}
PENDING = {
    "results_reason": (
        "Bukti dukung realisasi kegiatan posyandu bulan Maret tidak tersedia pada batas waktu pengisian; capaian "
        "yang dapat diverifikasi berada di bawah target."
    ),
    "reasons": (
        "Saya keberatan atas predikat yang ditetapkan. Realisasi IKI saya pada Triwulan I tercapai, namun bukti "
        "dukung kegiatan posyandu bulan Maret belum diperhitungkan karena diunggah setelah batas waktu akibat "
        "gangguan jaringan di puskesmas."
    ),
    "explanation": (
        "Penilaian didasarkan pada realisasi dan bukti dukung yang tersedia pada batas waktu pengisian. Bukti "
        "dukung bulan Maret memang diunggah terlambat; jika diperhitungkan, capaian IKI yang bersangkutan "
        "memenuhi target. Mohon keputusan atasan pejabat penilai."
    ),
}


DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")  # fmt: skip


def long_date(day: dt.date) -> str:
    """ "Senin, 13 April 2026", as minutes are dated."""
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def results_reason(rng: random.Random, rating: str, capaian: Decimal | None, met: int, total: int) -> str:
    if total == 0:
        return RESULTS_QUALITATIVE[rating] if capaian is None else RESULTS_NO_REALISASI
    return rng.choice(RESULTS[rating]).format(capaian=pct(capaian or 0), met=met, total=total)


def behaviour_reason(rng: random.Random, rating: str) -> str:
    value, value2 = rng.sample(BERAKHLAK, 2)
    return rng.choice(BEHAVIOUR[rating]).format(value=value, value2=value2)

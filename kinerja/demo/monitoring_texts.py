"""Texts of the demo monitoring data: daily progress, feedback, dialogues and appreciation, in Indonesian.

Daily entries are built from the RHK they serve ("Terlaksananya pemantauan status gizi balita" → "Pemantauan
status gizi balita: …"), so each description fits its RHK whatever the jabatan.
"""

from __future__ import annotations

import datetime as dt
import random

# Hari libur nasional and cuti bersama of 2026 that fall on weekdays (SKB 3 Menteri; dates of the Islamic
# holidays follow the government calendar and are approximate here, unverified).
HOLIDAYS_2026 = frozenset(
    dt.date(2026, m, d)
    for m, d in (
        (1, 1), (1, 16), (2, 17), (3, 19), (3, 20), (3, 23), (3, 24), (4, 3), (5, 1), (5, 14), (5, 15),
        (5, 27), (6, 1), (6, 16), (8, 17), (8, 25), (12, 24), (12, 25),
    )
)  # fmt: skip

# Prefixes of RHK statements ("-nya" nominalisations) and the activity the day's work is a step of.
STEPS = (
    "pengumpulan dan pencatatan data lapangan",
    "koordinasi dengan tim kerja dan lintas bidang",
    "penyusunan draf laporan",
    "verifikasi dan validasi data",
    "pelaksanaan kegiatan sesuai jadwal rencana aksi",
    "rapat evaluasi internal bersama tim",
    "pemutakhiran data pada aplikasi",
    "perbaikan dokumen sesuai arahan atasan",
    "penyampaian laporan kepada atasan langsung",
    "pengarsipan bukti dukung kegiatan",
    "pendampingan petugas di lapangan",
    "penyiapan bahan rapat koordinasi",
)

COUNTED_STEPS = frozenset(STEPS[i] for i in (0, 3, 4, 6))

FEEDBACK_ON_ITEMS = (
    ("Progres RHK ini sudah sesuai rencana aksi, pertahankan.", "good"),
    ("Capaian triwulan ini sangat baik, terima kasih atas kerja kerasnya.", "excellent"),
    ("Bukti dukung belum lengkap, mohon lampirkan dokumentasi kegiatan.", "attention"),
    ("Realisasi masih di bawah target, mari kita bahas kendalanya minggu ini.", "attention"),
    ("Laporan sudah rapi; ke depan sertakan juga analisis singkat hasilnya.", "good"),
    ("Koordinasi dengan puskesmas perlu lebih intens agar target tercapai.", ""),
    ("Data sudah tervalidasi dengan baik, lanjutkan.", "good"),
)
FEEDBACK_ON_VALUES = (
    ("Sikap pelayanan kepada masyarakat sangat baik, banyak apresiasi dari warga.", "excellent"),
    ("Mohon lebih tepat waktu dalam menyampaikan laporan mingguan.", "attention"),
    ("Terima kasih sudah membantu rekan kerja yang baru bergabung.", "good"),
    ("Inisiatif memanfaatkan aplikasi untuk pencatatan patut dicontoh.", "excellent"),
    ("Kerja sama dengan bidang lain sudah baik, pertahankan.", "good"),
)
REPLIES = (
    "Terima kasih, Pak/Bu. Akan saya tindak lanjuti.",
    "Baik, bukti dukung sudah saya lengkapi hari ini.",
    "Siap, kendalanya ada pada data dari puskesmas yang terlambat; sudah saya koordinasikan.",
    "Terima kasih atas masukannya, akan saya perbaiki pada laporan berikutnya.",
)
NARRATIVES = (
    "Kegiatan terlaksana sesuai rencana aksi; seluruh laporan disampaikan tepat waktu dan diterima tanpa perbaikan.",
    "Sebagian besar kegiatan terlaksana; dua kegiatan dijadwalkan ulang karena kendala anggaran.",
    "Hasil kerja sesuai standar yang disepakati, dengan dokumentasi lengkap pada setiap kegiatan.",
)

DIALOGUE_TOPICS = (
    "Evaluasi capaian triwulan III dan rencana tindak lanjut triwulan IV",
    "Kendala pengumpulan data dan dukungan yang dibutuhkan",
    "Pengembangan kompetensi dan rencana pelatihan tahun depan",
)
COACHING_TOPICS = (
    "Teknik penyusunan laporan yang ringkas dan berbasis data",
    "Pemanfaatan aplikasi untuk pencatatan kegiatan harian",
    "Komunikasi efektif dengan masyarakat dan lintas sektor",
)
SUMMARIES = (
    "Pegawai menyampaikan progres dan kendala; disepakati langkah perbaikan dan dukungan dari atasan.",
    "Diskusi berjalan baik; pegawai berkomitmen menyelesaikan target yang tertinggal sebelum akhir triwulan.",
)
EMPLOYEE_ACTIONS = (
    "Melengkapi bukti dukung realisasi triwulan III",
    "Menyusun jadwal kegiatan triwulan IV",
    "Mengikuti pelatihan penyusunan laporan berbasis data",
    "Memutakhirkan data pada aplikasi sebelum akhir bulan",
)
SUPERVISOR_ACTIONS = (
    "Mengusulkan pegawai mengikuti diklat teknis",
    "Mengoordinasikan dukungan data dengan bidang lain",
)
DONE_NOTES = ("Sudah dilaksanakan.", "Selesai; dokumen terlampir pada progres harian.")

APPRECIATIONS = (
    "Terima kasih telah menyelesaikan laporan triwulan lebih cepat dari jadwal.",
    "Pelayanan yang ramah dan sigap saat kegiatan posyandu, warga sangat terbantu.",
    "Inisiatif merapikan data di aplikasi sangat memudahkan pekerjaan tim.",
    "Kerja keras saat kegiatan lapangan akhir pekan patut dicontoh.",
    "Berhasil menuntaskan verifikasi data lebih awal, hebat!",
)


def subject_of(item_text: str) -> str:
    """The RHK's subject as a noun phrase: "Terlaksananya pemantauan status gizi" → "Pemantauan status gizi"."""
    first, _, rest = item_text.partition(" ")
    subject = rest if first.lower().endswith("nya") and rest else item_text
    return subject[:1].upper() + subject[1:]


# Steps typical of an RHK's domain, picked by a keyword of the RHK statement (first match wins).
DOMAIN_STEPS = (
    (
        "gizi",
        (
            "penimbangan dan pengukuran balita di posyandu",
            "input data status gizi ke aplikasi e-PPGBM",
            "konseling gizi bagi ibu balita",
            "validasi data gizi bersama bidan desa",
        ),
    ),
    ("konseling", ("sesi konseling gizi bagi ibu hamil", "penyusunan materi konseling")),
    ("penyuluhan", ("penyuluhan PHBS di sekolah", "penyuluhan kesehatan di gampong", "penyiapan media penyuluhan")),
    ("perilaku hidup", ("penyuluhan PHBS di sekolah", "kunjungan rumah tangga sasaran PHBS")),
    (
        "inspeksi",
        ("inspeksi sanitasi tempat umum", "pengambilan sampel air bersih", "penyusunan berita acara inspeksi"),
    ),
    ("surveilans", ("rekap laporan surveilans mingguan (W2)", "verifikasi sinyal kewaspadaan dini")),
    ("laboratorium", ("pemeriksaan sampel laboratorium", "kalibrasi alat dan pencatatan hasil")),
    ("kefarmasian", ("pengkajian resep", "pelayanan informasi obat kepada pasien")),
    ("obat", ("pencatatan stok obat", "penyusunan LPLPO bulanan")),
    ("pasien", ("pelayanan pasien rawat jalan", "pencatatan rekam medis pasien")),
    ("ibu dan anak", ("pemeriksaan antenatal ibu hamil", "kunjungan nifas", "pencatatan kohort ibu")),
    ("pembelajaran", ("mengajar sesuai jadwal", "penilaian hasil belajar peserta didik", "penyusunan modul ajar")),
    ("audit", ("reviu kertas kerja audit", "konfirmasi temuan kepada auditi", "penyusunan draf laporan hasil audit")),
    ("persuratan", ("pengagendaan surat masuk", "distribusi disposisi surat", "pengarsipan surat keluar")),
    ("keuangan", ("verifikasi dokumen SPJ", "input transaksi pada SIPD", "rekonsiliasi belanja bulanan")),
    ("kepegawaian", ("pemutakhiran data pegawai pada SIASN", "verifikasi usulan kenaikan pangkat")),
    ("arsip", ("penataan berkas arsip dinamis", "pendataan arsip inaktif")),
    ("patroli", ("patroli ketertiban di pusat kota", "penertiban pedagang di badan jalan")),
)


def _steps_for(item_text: str) -> tuple[str, ...]:
    lowered = item_text.lower()
    return next((steps for keyword, steps in DOMAIN_STEPS if keyword in lowered), STEPS)


def progress_text(rng: random.Random, item_text: str, amount: tuple[int, str] | None) -> str:
    steps = _steps_for(item_text)
    # Domain steps mostly, with the generic office work (reports, coordination) in between.
    step = rng.choice(steps if steps is STEPS or rng.random() < 0.7 else STEPS)
    text = f"{subject_of(item_text)}: {step}"
    if amount is not None and (step not in STEPS or step in COUNTED_STEPS):  # no count for a meeting
        text += f"; {amount[0]} {amount[1]} tercatat hari ini"
    return text + "."


def evidence_link(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return f"https://drive.google.com/file/d/{''.join(rng.choices(alphabet, k=28))}/view"


PROGRESS_COMMENTS = (
    "Bagus, tolong lampirkan foto kegiatannya.",
    "Sudah sesuai, lanjutkan.",
    "Apakah data ini sudah dikonfirmasi ke puskesmas?",
    "Mohon jumlahnya dicocokkan dengan register.",
)
COMMENT_REPLIES = ("Baik, sudah saya lampirkan.", "Sudah dikonfirmasi, Pak/Bu.", "Siap, segera saya cocokkan.")

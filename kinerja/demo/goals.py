"""Texts of the demo planning data: each OPD's Perjanjian Kinerja and the RHK/IKI its people write.

Goals (sasaran) and their indicators are typical of a kota's Renstra per urusan; the numbers are plausible
2026 targets, not Lhokseumawe's published ones (unverified). RHK are phrased as results, not activities
("kalimat yang menggambarkan pencapaian atau hasil", PermenPANRB 8/2021; regulation.md §4.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja.planning.choices import Aspect, Perspective


@dataclass(frozen=True)
class Measure:
    """An indicator with its 2026 target; ``lower`` marks "lower is better" (angka kematian, pengangguran)."""

    text: str
    target: float
    unit: str
    aspect: str = Aspect.QUANTITY
    lower: bool = False

    def target_for(self, year: int) -> float:
        """Targets step one year at a time: a year earlier asked ~5% less (or allowed ~5% more)."""
        if year >= 2026 or self.unit in ("level", "dokumen"):
            return self.target
        factor = 1.05 if self.lower else 0.95
        return round(self.target * factor ** (2026 - year), 2)


@dataclass(frozen=True)
class Goal:
    statement: str
    measures: tuple[Measure, ...]
    perspective: str = Perspective.SERVICE_RECIPIENTS


def _m(text: str, target: float, unit: str, *, lower: bool = False) -> Measure:
    aspect = Aspect.QUALITY if unit in ("%", "nilai", "indeks", "level", "skor") or lower else Aspect.QUANTITY
    return Measure(text, target, unit, aspect, lower)


def _g(statement: str, *measures: Measure) -> Goal:
    return Goal(statement, measures)


# Per agency key (kinerja.demo.city): the sasaran strategis of its Perjanjian Kinerja.
AGENCY_GOALS: dict[str, tuple[Goal, ...]] = {
    "01": (_g("Meningkatnya efektivitas koordinasi penyelenggaraan pemerintahan daerah",
              _m("Persentase kebijakan daerah yang ditetapkan tepat waktu", 90, "%"),
              _m("Indeks Reformasi Birokrasi", 70, "nilai")),),
    "02": (_g("Meningkatnya kualitas fasilitasi fungsi Dewan Perwakilan Rakyat Kota",
              _m("Persentase rancangan qanun yang difasilitasi hingga penetapan", 85, "%")),),
    "03": (_g("Meningkatnya kualitas pengawasan internal pemerintah daerah",
              _m("Level kapabilitas APIP", 3, "level"),
              _m("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 85, "%")),),
    "04": (_g("Meningkatnya kualitas perencanaan pembangunan daerah",
              _m("Persentase konsistensi program RKPD dengan RPJMD", 95, "%")),),
    "05": (_g("Meningkatnya kualitas pengelolaan keuangan dan aset daerah",
              _m("Persentase temuan BPK yang ditindaklanjuti", 90, "%"),
              _m("Persentase aset tanah pemerintah kota yang bersertifikat", 80, "%")),),
    "06": (_g("Meningkatnya profesionalitas aparatur sipil negara",
              _m("Indeks Profesionalitas ASN", 75, "nilai"),
              _m("Indeks Sistem Merit", 0.75, "indeks")),),
    "07": (_g("Meningkatnya mutu dan akses pendidikan dasar",
              _m("Angka partisipasi murni SD/MI", 99, "%"),
              _m("Angka putus sekolah SD dan SMP", 0.1, "%", lower=True),
              _m("Persentase satuan pendidikan dengan capaian literasi minimum baik", 70, "%")),
           _g("Meningkatnya pelestarian kebudayaan daerah",
              _m("Jumlah cagar budaya yang dilestarikan", 12, "situs"))),
    "08": (_g("Meningkatnya derajat kesehatan masyarakat",
              _m("Angka kematian ibu", 85, "per 100.000 kelahiran hidup", lower=True),
              _m("Angka kematian bayi", 12, "per 1.000 kelahiran hidup", lower=True),
              _m("Prevalensi stunting pada balita", 14, "%", lower=True)),
           _g("Meningkatnya mutu dan akses pelayanan kesehatan",
              _m("Persentase puskesmas terakreditasi paripurna", 50, "%"),
              _m("Cakupan kepesertaan jaminan kesehatan nasional", 98, "%"))),
    "09": (_g("Meningkatnya kesejahteraan sosial penyandang masalah kesejahteraan sosial",
              _m("Persentase PPKS yang tertangani", 80, "%")),),
    "10": (_g("Meningkatnya daya saing industri, perdagangan, koperasi dan usaha kecil menengah",
              _m("Persentase koperasi aktif", 60, "%"),
              _m("Pertumbuhan jumlah usaha mikro", 5, "%")),),
    "11": (_g("Menurunnya risiko bencana daerah",
              _m("Indeks risiko bencana", 120, "indeks", lower=True),
              _m("Persentase kejadian bencana yang ditangani dalam 24 jam", 100, "%")),),
    "12": (_g("Meningkatnya ketenteraman, ketertiban umum dan pelaksanaan syariat Islam",
              _m("Persentase penegakan qanun dan peraturan wali kota", 90, "%"),
              _m("Persentase pelanggaran syariat yang ditindaklanjuti", 95, "%")),),
    "13": (_g("Meningkatnya pengamalan syariat Islam dalam kehidupan masyarakat",
              _m("Jumlah gampong yang menerapkan qanun syariat Islam", 68, "gampong")),),
    "14": (_g("Meningkatnya peran ulama dalam pembangunan daerah",
              _m("Jumlah fatwa dan tausiyah yang diterbitkan", 12, "dokumen")),),
    "15": (_g("Meningkatnya kualitas lingkungan hidup",
              _m("Indeks kualitas lingkungan hidup", 68, "indeks"),
              _m("Persentase sampah yang tertangani", 85, "%")),),
    "16": (_g("Meningkatnya ketahanan pangan dan produksi pertanian dan perikanan",
              _m("Skor pola pangan harapan", 88, "skor"),
              _m("Produksi perikanan tangkap dan budidaya", 12000, "ton")),),
    "17": (_g("Meningkatnya kualitas infrastruktur jalan dan sumber daya air",
              _m("Persentase jalan kota dalam kondisi mantap", 80, "%"),
              _m("Luas genangan banjir", 45, "hektare", lower=True)),),
    "18": (_g("Meningkatnya kinerja pelayanan transportasi",
              _m("Persentase kendaraan wajib uji yang lulus uji", 90, "%")),),
    "19": (_g("Meningkatnya kualitas pelayanan administrasi kependudukan",
              _m("Persentase penduduk wajib KTP yang memiliki KTP elektronik", 98, "%"),
              _m("Persentase anak yang memiliki akta kelahiran", 95, "%")),),
    "20": (_g("Meningkatnya iklim investasi dan kualitas pelayanan perizinan",
              _m("Realisasi nilai investasi", 350, "miliar rupiah"),
              _m("Indeks kepuasan masyarakat terhadap layanan perizinan", 85, "nilai")),),
    "21": (_g("Meningkatnya penyelenggaraan sistem pemerintahan berbasis elektronik",
              _m("Indeks SPBE", 3, "indeks")),),
    "22": (_g("Meningkatnya perlindungan perempuan dan anak",
              _m("Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani", 100, "%")),),
    "23": (_g("Meningkatnya kualitas perumahan dan kawasan permukiman",
              _m("Luas kawasan permukiman kumuh", 40, "hektare", lower=True)),),
    "24": (_g("Menurunnya tingkat pengangguran terbuka",
              _m("Tingkat pengangguran terbuka", 9, "%", lower=True)),),
    "25": (_g("Meningkatnya kunjungan wisata dan prestasi olahraga",
              _m("Jumlah kunjungan wisatawan", 150000, "orang"),
              _m("Jumlah medali tingkat provinsi", 40, "medali")),),
    "26": (_g("Meningkatnya pengelolaan zakat, infak dan harta agama",
              _m("Realisasi penghimpunan zakat dan infak", 20, "miliar rupiah")),),
    "27": (_g("Meningkatnya ketahanan ideologi dan politik masyarakat",
              _m("Persentase konflik sosial yang tertangani", 100, "%")),),
    "28": (_g("Meningkatnya mutu pelayanan rumah sakit",
              _m("Indeks kepuasan pasien", 85, "nilai"),
              _m("Angka kematian pasien lebih dari 48 jam (NDR)", 25, "per mil", lower=True)),),
    "29": (_g("Meningkatnya budaya literasi dan tertib arsip",
              _m("Tingkat kegemaran membaca masyarakat", 60, "nilai"),
              _m("Nilai pengawasan kearsipan", 70, "nilai")),),
    "30": (_g("Meningkatnya kemandirian gampong",
              _m("Jumlah gampong berstatus mandiri", 20, "gampong")),),
    "31": (_g("Meningkatnya mutu pendidikan dayah",
              _m("Persentase dayah terakreditasi", 60, "%")),),
    "32": (_g("Meningkatnya pelestarian adat istiadat Aceh",
              _m("Jumlah sengketa yang diselesaikan melalui peradilan adat", 40, "perkara")),),
}  # fmt: skip

DISTRICT_GOALS = (
    _g("Meningkatnya kualitas pelayanan publik di kecamatan",
       _m("Indeks kepuasan masyarakat terhadap layanan kecamatan", 82, "nilai")),
    _g("Meningkatnya ketenteraman dan ketertiban umum di kecamatan",
       _m("Persentase gangguan ketenteraman dan ketertiban yang tertangani", 100, "%")),
)  # fmt: skip


def goals_for(agency_key: str, short_name: str, district: bool) -> list[Goal]:
    """The sasaran of one agency, always ending with the accountability goal every OPD signs."""
    own = DISTRICT_GOALS if district else AGENCY_GOALS.get(agency_key, ())
    accountability = Goal(
        f"Meningkatnya akuntabilitas kinerja dan keuangan {short_name}",
        (_m("Nilai SAKIP perangkat daerah", 72, "nilai"), _m("Persentase realisasi anggaran", 95, "%")),
        Perspective.BUDGET,
    )
    return [*own, accountability]


# --- RHK of people below the head ----------------------------------------------------------------------

_PREFIXES = re.compile(r"^(Bidang|Seksi|Subbagian|Subbidang|Bagian|Asisten)\s+")


_PROPER_NOUNS = {"Aceh", "Islam", "Lhokseumawe", "Banda", "Sakti", "Muara", "Dua", "Satu", "Blang", "Mangat"}


def topic_of(unit_name: str) -> str:
    """'Bidang Kesehatan Masyarakat' → 'kesehatan masyarakat'; names and acronyms (PAUD, SMP, Aceh) keep their case."""
    for prefix, topic in (("Sekretariat ", "kesekretariatan "), ("Inspektur Pembantu ", "pengawasan ")):
        if unit_name.startswith(prefix):
            return topic + unit_name.removeprefix(prefix)
    stripped = _PREFIXES.sub("", unit_name)
    if stripped == unit_name:
        return unit_name
    words = stripped.split(" ")
    return " ".join(w if w.isupper() or w in _PROPER_NOUNS else w.lower() for w in words)


@dataclass(frozen=True)
class Result:
    text: str
    measures: tuple[Measure, ...]


def _r(text: str, *measures: Measure) -> Result:
    return Result(text, measures)


def _q(text: str, target: float, unit: str) -> Measure:
    return Measure(text, target, unit, Aspect.QUANTITY)


def _k(text: str, target: float, unit: str) -> Measure:
    return Measure(text, target, unit, Aspect.QUALITY)


def _t(text: str, target: float) -> Measure:
    return Measure(text, target, "bulan", Aspect.TIME)


def administrator_results(topic: str) -> list[Result]:
    return [
        _r(f"Meningkatnya capaian program {topic}",
           _k(f"Persentase capaian indikator program {topic}", 100, "%"),
           _t("Laporan capaian program disampaikan tepat waktu setiap triwulan", 12)),
        _r(f"Terwujudnya tata kelola {topic} yang akuntabel",
           _q(f"Jumlah dokumen perencanaan dan pelaporan {topic} yang ditetapkan", 6, "dokumen")),
    ]  # fmt: skip


def supervisor_results(topic: str) -> list[Result]:
    return [
        _r(f"Terlaksananya kegiatan {topic} sesuai rencana aksi",
           _q(f"Jumlah kegiatan {topic} yang dilaksanakan", 8, "kegiatan"),
           _t("Kegiatan selesai sesuai jadwal", 12)),
        _r(f"Tersedianya data dan laporan {topic} yang akurat",
           _q(f"Jumlah laporan {topic} yang disusun", 12, "laporan"),
           _k("Persentase laporan yang diterima tanpa perbaikan", 90, "%")),
    ]  # fmt: skip


def executive_results(topic: str) -> list[Result]:
    """Asisten Sekda (JPT) coordinate the bagian below them."""
    return [
        _r(
            f"Terkoordinasinya perumusan kebijakan {topic}",
            _k(f"Persentase rekomendasi kebijakan {topic} yang ditindaklanjuti", 85, "%"),
        ),
    ]


def technical_head_results(unit_name: str) -> list[Result]:
    if unit_name.startswith("Puskesmas"):
        return [
            _r(f"Meningkatnya mutu pelayanan kesehatan dasar di {unit_name}",
               _k(f"Indeks kepuasan masyarakat terhadap layanan {unit_name}", 85, "nilai"),
               _k("Cakupan pelayanan antenatal K6", 95, "%")),
            _r(f"Menurunnya kasus balita stunting di wilayah kerja {unit_name}",
               Measure("Jumlah balita stunting di wilayah kerja", 40, "balita", Aspect.QUALITY, lower=True)),
        ]  # fmt: skip
    return [
        _r(f"Meningkatnya mutu pembelajaran di {unit_name}",
           _k("Persentase peserta didik yang mencapai kompetensi minimum literasi", 75, "%"),
           _q("Jumlah guru yang mengikuti pengembangan keprofesian berkelanjutan", 10, "orang")),
    ]  # fmt: skip


# By jabatan fungsional family or jabatan pelaksana name.
STAFF_RESULTS: dict[str, list[Result]] = {
    "Nutrisionis": [
        _r("Terlaksananya pemantauan status gizi balita",
           _q("Jumlah balita yang dipantau status gizinya", 240, "balita"),
           _k("Persentase data status gizi yang tervalidasi", 95, "%")),
        _r("Tersedianya konseling gizi bagi ibu hamil dan ibu balita", _q("Jumlah sesi konseling gizi", 48, "sesi")),
    ],
    "Perawat": [_r("Terlaksananya asuhan keperawatan pasien sesuai standar",
                   _q("Jumlah pasien yang mendapat asuhan keperawatan", 600, "pasien"),
                   _k("Persentase dokumentasi asuhan keperawatan yang lengkap", 95, "%"))],
    "Bidan": [_r("Terlaksananya pelayanan kesehatan ibu dan anak sesuai standar",
                 _q("Jumlah ibu hamil yang mendapat pelayanan antenatal", 180, "orang"),
                 _q("Jumlah persalinan yang ditolong tenaga kesehatan", 60, "persalinan"))],
    "Dokter": [_r("Terlaksananya pelayanan medis pasien sesuai standar",
                  _q("Jumlah pasien yang dilayani", 1500, "pasien"),
                  _k("Persentase rujukan yang sesuai indikasi medis", 95, "%"))],
    "Dokter Gigi": [_r("Terlaksananya pelayanan kesehatan gigi dan mulut", _q("Jumlah pasien gigi yang dilayani", 900,
                                                                              "pasien"))],
    "Epidemiolog Kesehatan": [_r("Tersedianya data surveilans penyakit yang tepat waktu",
                                 _q("Jumlah laporan surveilans mingguan", 52, "laporan"),
                                 _k("Persentase laporan yang tepat waktu", 90, "%"))],
    "Penyuluh Kesehatan Masyarakat": [_r("Meningkatnya perilaku hidup bersih dan sehat masyarakat",
                                         _q("Jumlah kegiatan penyuluhan kesehatan", 36, "kegiatan"))],
    "Tenaga Sanitasi Lingkungan": [_r("Terlaksananya inspeksi kesehatan lingkungan",
                                      _q("Jumlah tempat umum yang diinspeksi", 80, "lokasi"))],
    "Apoteker": [_r("Terlaksananya pelayanan kefarmasian sesuai standar",
                    _q("Jumlah resep yang dikaji", 3000, "resep"))],
    "Tenaga Teknis Kefarmasian": [_r("Tersedianya obat dan bahan medis habis pakai yang tercatat tertib",
                                     _q("Jumlah laporan pemakaian dan lembar permintaan obat", 12, "laporan"))],
    "Pranata Laboratorium Kesehatan": [_r("Terlaksananya pemeriksaan laboratorium sesuai standar",
                                          _q("Jumlah sampel yang diperiksa", 2400, "sampel"))],
    "Guru": [_r("Terlaksananya pembelajaran yang bermutu", _q("Jumlah jam tatap muka per minggu", 24, "jam"),
                _k("Persentase peserta didik yang tuntas kriteria ketercapaian tujuan pembelajaran", 85, "%"))],
    "Pustakawan": [_r("Meningkatnya layanan perpustakaan", _q("Jumlah pemustaka yang dilayani", 1200, "orang"))],
    "Analis Sumber Daya Manusia Aparatur": [
        _r("Tersedianya data kinerja dan kepegawaian yang mutakhir",
           _q("Jumlah data kepegawaian yang dimutakhirkan", 250, "data"),
           _k("Persentase data yang sesuai dengan SIASN", 98, "%")),
        _r("Tersusunnya rekomendasi pengembangan kompetensi pegawai",
           _q("Jumlah rekomendasi yang disusun", 4, "dokumen")),
    ],
    "Auditor": [_r("Tersusunnya laporan hasil audit yang berkualitas",
                   _q("Jumlah laporan hasil audit", 8, "laporan"),
                   _k("Persentase rekomendasi audit yang disepakati auditi", 90, "%"))],
    "Perencana": [_r("Tersusunnya dokumen perencanaan yang berkualitas",
                     _q("Jumlah dokumen perencanaan", 4, "dokumen"))],
    "Analis Kebijakan": [_r("Tersusunnya rekomendasi kebijakan berbasis data",
                            _q("Jumlah rekomendasi kebijakan", 3, "rekomendasi"))],
    "Pranata Komputer": [_r("Tersedianya layanan sistem informasi yang andal",
                            _k("Persentase ketersediaan layanan aplikasi", 98, "%"))],
    "Arsiparis": [_r("Terkelolanya arsip dinamis secara tertib", _q("Jumlah berkas arsip yang ditata", 600, "berkas"))],
    "Polisi Pamong Praja": [_r("Terlaksananya patroli ketenteraman dan ketertiban umum",
                               _q("Jumlah patroli yang dilaksanakan", 96, "patroli"))],
    "Pengadministrasi Perkantoran": [_r("Tertibnya administrasi persuratan unit kerja",
                                        _q("Jumlah surat yang diagendakan dan didistribusikan", 900, "surat"))],
    "Pengelola Keuangan": [_r("Tersusunnya pertanggungjawaban keuangan yang tertib",
                              _q("Jumlah dokumen SPJ yang diverifikasi", 240, "dokumen"))],
    "Pengemudi": [_r("Terlaksananya layanan transportasi dinas yang aman", _q("Jumlah perjalanan dinas", 200,
                                                                             "perjalanan"))],
    "Operator Layanan Kesehatan": [_r("Terlaksananya pendaftaran pasien yang tertib",
                                      _q("Jumlah pasien yang didaftarkan", 5000, "pasien"))],
}  # fmt: skip


def staff_results(family: str, topic: str) -> list[Result]:
    known = STAFF_RESULTS.get(family)
    if known:
        return known
    return [
        _r(f"Terlaksananya tugas {family.lower()} pada {topic}",
           _q(f"Jumlah laporan hasil kerja {topic}", 12, "laporan"),
           _k("Persentase hasil kerja yang diterima tanpa perbaikan", 90, "%")),
    ]  # fmt: skip


ADDITIONAL_RESULTS = (
    _r("Terlaksananya tugas sebagai anggota Tim Pembangunan Zona Integritas", _q("Jumlah laporan tim", 4, "laporan")),
    _r("Terlaksananya tugas sebagai narasumber kegiatan peningkatan kapasitas", _q("Jumlah kegiatan", 2, "kegiatan")),
    _r("Terlaksananya tugas sebagai anggota Tim Percepatan Penurunan Stunting", _q("Jumlah laporan tim", 4, "laporan")),
)

SPECIAL_EXPECTATIONS = (
    "Menjadi role model dalam memberikan pelayanan prima kepada masyarakat",
    "Menyampaikan laporan kinerja tepat waktu dengan bukti dukung lengkap",
    "Bersedia mengajarkan pengetahuan dan keterampilan kepada rekan kerja",
    "Membangun suasana kerja yang saling menghargai di unit kerja",
    "Menjaga kerahasiaan data pribadi masyarakat yang dilayani",
    "Mengusulkan perbaikan proses kerja yang memanfaatkan teknologi informasi",
    "Aktif berkoordinasi lintas bidang untuk mencapai sasaran organisasi",
)

RESOURCE_SUPPORT = "Komputer/laptop dan koneksi internet\nAnggaran kegiatan sesuai DPA {year}"
ACCOUNTABILITY_SCHEME = (
    "Hasil kerja dilaporkan setiap triwulan kepada pejabat penilai kinerja\n"
    "Bukti dukung diunggah paling lambat 5 hari setelah akhir triwulan"
)
CONSEQUENCES = (
    "Pertimbangan penghargaan apabila hasil kerja di atas ekspektasi\n"
    "Rekomendasi pengembangan kompetensi apabila ekspektasi tidak tercapai"
)
RETURN_NOTES = (
    "Target IKI belum terukur; mohon cantumkan jumlah dan satuannya.",
    "RHK masih berupa kegiatan, mohon dirumuskan sebagai hasil kerja.",
    "Tambahkan IKI aspek kualitas pada RHK pertama.",
)
REVISION_REASONS = (
    "Penyesuaian target setelah perubahan anggaran (APBK Perubahan).",
    "Penambahan RHK sesuai penugasan baru dari pimpinan.",
)

"""The structure of the demo Pemerintah Kota Lhokseumawe (regulation.md §12).

Names seen in sources for Lhokseumawe are used where known (Setdako and its Asisten, Sekretariat DPRK,
BKPSDM, BPKD, Bappeda, Disdikbud, Dinkes, Dinsos, Disperindagkop UKM, BPBD, Satpol PP dan WH, DSI,
Sekretariat MPU, DLHK, DKPPP, the four kecamatan); the remaining OPD are the usual ones of a kota and
are unverified for Lhokseumawe. ``weight`` is each agency's rough share of the city's ASN: education and
health employ most of them. SMA/SMK belong to the province and are deliberately absent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja.organization.choices import PositionKind, PositionLevel, UnitKind

ROOT_CODE = "1174"  # BPS code of Kota Lhokseumawe
ROOT_NAME = "Pemerintah Kota Lhokseumawe"
SECRETARIAT_SECTIONS = ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Program dan Pelaporan")
KECAMATAN_SECTIONS = ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan dan Program")


@dataclass(frozen=True)
class Division:
    """A bidang/bagian (Administrator head), an Asisten (JPT) or a kecamatan seksi (Pengawas)."""

    name: str
    sections: tuple[str, ...] = ()
    functionals: tuple[str, ...] = ()
    children: tuple[Division, ...] = ()
    head_kind: str = PositionKind.ADMINISTRATOR
    head: str = ""

    @property
    def head_name(self) -> str:
        return self.head or f"Kepala {self.name}"


@dataclass(frozen=True)
class TechnicalUnit:
    """A UPTD-like unit (puskesmas, school) whose staff all report to its head."""

    name: str
    reports_to_division: int | None  # index into Agency.divisions; None = the head of the agency


@dataclass(frozen=True)
class TechnicalUnits:
    units: tuple[TechnicalUnit, ...]
    staff_per_unit: int
    share: float  # share of the agency's staff working in these units
    head_kind: str
    head_level: str
    functionals: tuple[str, ...]
    executors: tuple[str, ...]
    functional_share: float


@dataclass(frozen=True)
class Agency:
    """An OPD, a secretariat or a kecamatan: the units whose head leads a whole organisation."""

    key: str
    name: str
    short_name: str
    head: str
    weight: int
    divisions: tuple[Division, ...]
    functionals: tuple[str, ...] = ("Analis Kebijakan", "Perencana", "Pranata Komputer", "Arsiparis")
    functional_share: float = 0.4
    kind: str = UnitKind.AGENCY
    head_kind: str = PositionKind.JPT
    secretariat: str = "Sekretariat"
    secretary: str = "Sekretaris"
    secretariat_sections: tuple[str, ...] = SECRETARIAT_SECTIONS
    technical: TechnicalUnits | None = None
    villages: tuple[str, ...] = field(default_factory=tuple)


def _d(name: str, *sections: str, jf: tuple[str, ...] = ()) -> Division:
    return Division(name=name, sections=sections, functionals=jf)


def _schools() -> tuple[TechnicalUnit, ...]:
    """72 SD and 18 SMP negeri, interleaved 4:1 so that any prefix keeps the city's mix."""
    units: list[TechnicalUnit] = []
    for n in range(1, 19):
        units.extend(TechnicalUnit(f"SD Negeri {4 * (n - 1) + i} Lhokseumawe", 1) for i in range(1, 5))
        units.append(TechnicalUnit(f"SMP Negeri {n} Lhokseumawe", 2))
    return tuple(units)


_HEALTH_JF = (
    "Perawat", "Perawat", "Perawat", "Bidan", "Bidan", "Bidan", "Dokter", "Dokter Gigi", "Apoteker",
    "Tenaga Teknis Kefarmasian", "Nutrisionis", "Tenaga Sanitasi Lingkungan", "Pranata Laboratorium Kesehatan",
    "Penyuluh Kesehatan Masyarakat", "Epidemiolog Kesehatan",
)  # fmt: skip
_HOSPITAL_JF = (*_HEALTH_JF, "Perawat", "Perawat", "Fisioterapis", "Radiografer", "Perekam Medis")
_SETDA_JF = (
    "Analis Kebijakan",
    "Perancang Peraturan Perundang-undangan",
    "Analis Hukum",
    "Pranata Hubungan Masyarakat",
)

SETDA = Agency(
    key="01", name="Sekretariat Daerah Kota Lhokseumawe", short_name="Setdako", head="Sekretaris Daerah",
    kind=UnitKind.SECRETARIAT, weight=170, secretariat="", functionals=_SETDA_JF,
    divisions=(
        Division("Asisten Pemerintahan, Keistimewaan Aceh dan Kesejahteraan Rakyat", head_kind=PositionKind.JPT,
                 head="Asisten Pemerintahan, Keistimewaan Aceh dan Kesejahteraan Rakyat", children=(
            _d("Bagian Pemerintahan", "Subbagian Pemerintahan Umum", "Subbagian Otonomi Daerah",
               "Subbagian Kerja Sama"),
            _d("Bagian Hukum", "Subbagian Perundang-undangan", "Subbagian Bantuan Hukum",
               "Subbagian Dokumentasi Hukum", jf=("Perancang Peraturan Perundang-undangan", "Analis Hukum")),
            _d("Bagian Kesejahteraan Rakyat dan Keistimewaan Aceh", "Subbagian Kesejahteraan Rakyat",
               "Subbagian Keistimewaan Aceh"),
        )),
        Division("Asisten Perekonomian dan Pembangunan", head_kind=PositionKind.JPT,
                 head="Asisten Perekonomian dan Pembangunan", children=(
            _d("Bagian Perekonomian dan Sumber Daya Alam", "Subbagian Perekonomian", "Subbagian Sumber Daya Alam"),
            _d("Bagian Administrasi Pembangunan", "Subbagian Pengendalian Program", "Subbagian Evaluasi"),
            _d("Bagian Pengadaan Barang dan Jasa", "Subbagian Pengelolaan Pengadaan", "Subbagian Pembinaan",
               jf=("Pengelola Pengadaan Barang/Jasa",)),
        )),
        Division("Asisten Administrasi Umum", head_kind=PositionKind.JPT, head="Asisten Administrasi Umum",
                 children=(
            _d("Bagian Umum", "Subbagian Tata Usaha Pimpinan", "Subbagian Rumah Tangga", "Subbagian Keuangan"),
            _d("Bagian Organisasi", "Subbagian Kelembagaan", "Subbagian Reformasi Birokrasi"),
            _d("Bagian Protokol dan Komunikasi Pimpinan", "Subbagian Protokol", "Subbagian Dokumentasi Pimpinan",
               jf=("Pranata Hubungan Masyarakat",)),
        )),
    ),
)  # fmt: skip

DINKES = Agency(
    key="08", name="Dinas Kesehatan", short_name="Dinkes", head="Kepala Dinas Kesehatan", weight=900,
    functionals=_HEALTH_JF, functional_share=0.8,
    divisions=(
        _d("Bidang Kesehatan Masyarakat", "Seksi Kesehatan Keluarga dan Gizi", "Seksi Promosi Kesehatan",
           "Seksi Kesehatan Lingkungan", jf=("Nutrisionis", "Penyuluh Kesehatan Masyarakat",
                                             "Tenaga Sanitasi Lingkungan")),
        _d("Bidang Pencegahan dan Pengendalian Penyakit", "Seksi Surveilans dan Imunisasi",
           "Seksi Pencegahan Penyakit Menular", "Seksi Penyakit Tidak Menular dan Kesehatan Jiwa",
           jf=("Epidemiolog Kesehatan", "Perawat", "Pranata Laboratorium Kesehatan")),
        _d("Bidang Pelayanan Kesehatan", "Seksi Pelayanan Kesehatan Primer", "Seksi Pelayanan Kesehatan Rujukan",
           "Seksi Mutu Pelayanan Kesehatan", jf=("Dokter", "Perawat", "Bidan", "Administrator Kesehatan")),
        _d("Bidang Sumber Daya Kesehatan", "Seksi Kefarmasian dan Alat Kesehatan",
           "Seksi Sumber Daya Manusia Kesehatan",
           jf=("Apoteker", "Tenaga Teknis Kefarmasian", "Administrator Kesehatan")),
    ),
    technical=TechnicalUnits(
        units=tuple(TechnicalUnit(f"Puskesmas {name}", None) for name in (
            "Banda Sakti", "Muara Dua", "Muara Satu", "Blang Mangat", "Mon Geudong", "Blang Cut")),
        staff_per_unit=25, share=0.6, head_kind=PositionKind.SUPERVISOR, head_level=PositionLevel.NONE,
        functionals=_HEALTH_JF, executors=("Operator Layanan Kesehatan", "Pengadministrasi Perkantoran",
                                           "Teknisi Perawatan Sarana dan Prasarana Kesehatan"),
        functional_share=0.85,
    ),
)  # fmt: skip

DISDIKBUD = Agency(
    key="07", name="Dinas Pendidikan dan Kebudayaan", short_name="Disdikbud",
    head="Kepala Dinas Pendidikan dan Kebudayaan", weight=2200, functional_share=0.3,
    functionals=("Analis Kebijakan", "Perencana", "Pranata Komputer", "Pamong Budaya", "Pustakawan"),
    divisions=(
        _d("Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal", "Seksi Kurikulum PAUD",
           "Seksi Kelembagaan PAUD dan Nonformal"),
        _d("Bidang Pembinaan Sekolah Dasar", "Seksi Kurikulum dan Penilaian SD", "Seksi Peserta Didik SD",
           "Seksi Sarana dan Prasarana SD"),
        _d("Bidang Pembinaan Sekolah Menengah Pertama", "Seksi Kurikulum dan Penilaian SMP",
           "Seksi Peserta Didik SMP", "Seksi Sarana dan Prasarana SMP"),
        _d("Bidang Kebudayaan", "Seksi Cagar Budaya dan Permuseuman", "Seksi Kesenian dan Tradisi",
           jf=("Pamong Budaya",)),
    ),
    technical=TechnicalUnits(
        units=_schools(), staff_per_unit=22, share=0.93, head_kind=PositionKind.FUNCTIONAL,
        head_level=PositionLevel.AHLI_MADYA, functionals=("Guru", "Guru", "Guru", "Guru", "Guru", "Pustakawan"),
        executors=("Pengadministrasi Perkantoran", "Operator Layanan Operasional", "Teknisi Sarana dan Prasarana"),
        functional_share=0.88,
    ),
)  # fmt: skip

BKPSDM = Agency(
    key="06", name="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", short_name="BKPSDM",
    head="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", weight=45, functional_share=0.55,
    functionals=("Analis Sumber Daya Manusia Aparatur", "Analis Sumber Daya Manusia Aparatur", "Pranata Komputer"),
    divisions=(
        _d("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Subbidang Pengadaan dan Pemberhentian",
           "Subbidang Data dan Informasi Kepegawaian"),
        _d("Bidang Mutasi dan Promosi", "Subbidang Mutasi", "Subbidang Promosi dan Kepangkatan"),
        _d("Bidang Penilaian Kinerja Aparatur dan Penghargaan", "Subbidang Penilaian Kinerja",
           "Subbidang Disiplin dan Penghargaan"),
        _d("Bidang Pengembangan Kompetensi Aparatur", "Subbidang Pengembangan Kompetensi Teknis",
           "Subbidang Pengembangan Kompetensi Manajerial"),
    ),
)  # fmt: skip

INSPEKTORAT = Agency(
    key="03", name="Inspektorat", short_name="Inspektorat", head="Inspektur", weight=50, functional_share=0.8,
    functionals=("Auditor", "Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah"),
    divisions=tuple(
        Division(f"Inspektur Pembantu Wilayah {n}", head=f"Inspektur Pembantu Wilayah {n}") for n in ("I", "II", "III")
    ) + (Division("Inspektur Pembantu Khusus", head="Inspektur Pembantu Khusus"),),
)  # fmt: skip


def _opd(key: str, name: str, short: str, weight: int, divisions: tuple[Division, ...], **kwargs: object) -> Agency:
    head = kwargs.pop("head", f"Kepala {name}")
    return Agency(key=key, name=name, short_name=short, head=str(head), weight=weight, divisions=divisions, **kwargs)  # type: ignore[arg-type]


def _kecamatan(key: str, name: str, villages: tuple[str, ...]) -> Agency:
    sections = ("Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat",
                "Seksi Kesejahteraan Sosial dan Keistimewaan Aceh")  # fmt: skip
    return Agency(
        key=key, name=f"Kecamatan {name}", short_name=name, head=f"Camat {name}", weight=35,
        kind=UnitKind.DISTRICT, head_kind=PositionKind.ADMINISTRATOR, secretariat=f"Sekretariat Kecamatan {name}",
        secretary=f"Sekretaris Kecamatan {name}", secretariat_sections=KECAMATAN_SECTIONS, functional_share=0.1,
        divisions=tuple(Division(s, head_kind=PositionKind.SUPERVISOR) for s in sections), villages=villages,
        functionals=("Penggerak Swadaya Masyarakat", "Analis Kebijakan"),
    )  # fmt: skip


AGENCIES: tuple[Agency, ...] = (
    SETDA,
    _opd("02", "Sekretariat Dewan Perwakilan Rakyat Kota", "Setwan DPRK", 60, (
        _d("Bagian Umum dan Keuangan", "Subbagian Tata Usaha", "Subbagian Keuangan"),
        _d("Bagian Persidangan dan Perundang-undangan", "Subbagian Persidangan", "Subbagian Perundang-undangan"),
        _d("Bagian Fasilitasi Penganggaran dan Pengawasan", "Subbagian Penganggaran", "Subbagian Pengawasan"),
    ), head="Sekretaris DPRK", kind=UnitKind.SECRETARIAT, secretariat="", functionals=_SETDA_JF),
    INSPEKTORAT,
    _opd("04", "Badan Perencanaan Pembangunan Daerah", "Bappeda", 45, (
        _d("Bidang Perencanaan, Pengendalian dan Evaluasi", "Subbidang Perencanaan", "Subbidang Pengendalian"),
        _d("Bidang Pemerintahan dan Pembangunan Manusia", "Subbidang Pemerintahan", "Subbidang Pembangunan Manusia"),
        _d("Bidang Perekonomian dan Sumber Daya Alam", "Subbidang Perekonomian", "Subbidang Sumber Daya Alam"),
        _d("Bidang Infrastruktur dan Kewilayahan", "Subbidang Infrastruktur", "Subbidang Kewilayahan"),
    ), functionals=("Perencana", "Perencana", "Statistisi", "Analis Kebijakan"), functional_share=0.6),
    _opd("05", "Badan Pengelolaan Keuangan Daerah", "BPKD", 70, (
        _d("Bidang Anggaran", "Subbidang Penyusunan Anggaran", "Subbidang Pengendalian Anggaran"),
        _d("Bidang Perbendaharaan", "Subbidang Belanja", "Subbidang Kas Daerah"),
        _d("Bidang Akuntansi dan Pelaporan", "Subbidang Akuntansi", "Subbidang Pelaporan"),
        _d("Bidang Aset Daerah", "Subbidang Penatausahaan Aset", "Subbidang Pemanfaatan Aset"),
    ), functionals=("Analis Keuangan Pusat dan Daerah", "Analis Anggaran", "Pranata Komputer")),
    BKPSDM,
    DISDIKBUD,
    DINKES,
    _opd("09", "Dinas Sosial", "Dinsos", 45, (
        _d("Bidang Rehabilitasi Sosial", "Seksi Rehabilitasi Sosial Anak dan Lansia", "Seksi Rehabilitasi Disabilitas"),
        _d("Bidang Perlindungan dan Jaminan Sosial", "Seksi Perlindungan Korban Bencana", "Seksi Jaminan Sosial"),
        _d("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Seksi Pemberdayaan Sosial",
           "Seksi Penanganan Fakir Miskin"),
    ), functionals=("Pekerja Sosial", "Penyuluh Sosial", "Pranata Komputer")),
    _opd("10", "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah", "Disperindagkop UKM", 50, (
        _d("Bidang Perindustrian", "Seksi Industri Agro dan Kimia", "Seksi Industri Logam dan Aneka"),
        _d("Bidang Perdagangan", "Seksi Distribusi dan Pasar", "Seksi Metrologi Legal"),
        _d("Bidang Koperasi dan Usaha Mikro", "Seksi Kelembagaan Koperasi", "Seksi Pemberdayaan Usaha Mikro"),
    ), functionals=("Pengawas Perdagangan", "Penera", "Pengawas Koperasi")),
    _opd("11", "Badan Penanggulangan Bencana Daerah", "BPBD", 45, (
        _d("Bidang Pencegahan dan Kesiapsiagaan", "Seksi Pencegahan", "Seksi Kesiapsiagaan"),
        _d("Bidang Kedaruratan dan Logistik", "Seksi Kedaruratan", "Seksi Logistik"),
        _d("Bidang Rehabilitasi dan Rekonstruksi", "Seksi Rehabilitasi", "Seksi Rekonstruksi"),
    ), functionals=("Analis Kebencanaan", "Pemadam Kebakaran")),
    _opd("12", "Satuan Polisi Pamong Praja dan Wilayatul Hisbah", "Satpol PP dan WH", 200, (
        _d("Bidang Penegakan Peraturan Daerah dan Qanun", "Seksi Penyelidikan dan Penyidikan", "Seksi Pembinaan"),
        _d("Bidang Ketertiban Umum dan Ketenteraman Masyarakat", "Seksi Operasi dan Pengendalian",
           "Seksi Kerja Sama"),
        _d("Bidang Pengawasan Syariat Islam", "Seksi Pengawasan", "Seksi Pembinaan Syariat"),
        _d("Bidang Perlindungan Masyarakat", "Seksi Satuan Perlindungan Masyarakat", "Seksi Bina Potensi"),
    ), functionals=("Polisi Pamong Praja", "Polisi Pamong Praja", "Pemadam Kebakaran"), functional_share=0.6),
    _opd("13", "Dinas Syariat Islam", "DSI", 40, (
        _d("Bidang Bina Hukum Syariat Islam", "Seksi Hukum Syariat", "Seksi Pengkajian"),
        _d("Bidang Dakwah dan Syiar Islam", "Seksi Dakwah", "Seksi Syiar"),
        _d("Bidang Sarana Keagamaan", "Seksi Pembinaan Masjid dan Meunasah", "Seksi Sarana Ibadah"),
    ), functionals=("Penyuluh Agama Islam", "Analis Kebijakan")),
    _opd("14", "Sekretariat Majelis Permusyawaratan Ulama", "Sekretariat MPU", 25, (
        _d("Bagian Persidangan dan Fatwa", "Subbagian Persidangan", "Subbagian Fatwa"),
        _d("Bagian Hubungan Ulama dan Umara", "Subbagian Kerja Sama", "Subbagian Pengkajian"),
        _d("Bagian Umum dan Keuangan", "Subbagian Umum", "Subbagian Keuangan"),
    ), head="Kepala Sekretariat MPU", kind=UnitKind.SECRETARIAT, secretariat=""),
    _opd("15", "Dinas Lingkungan Hidup dan Kebersihan", "DLHK", 150, (
        _d("Bidang Tata Lingkungan", "Seksi Kajian Dampak Lingkungan", "Seksi Pemeliharaan Lingkungan"),
        _d("Bidang Pengendalian Pencemaran", "Seksi Pemantauan Pencemaran", "Seksi Penegakan Hukum Lingkungan"),
        _d("Bidang Kebersihan dan Persampahan", "Seksi Pengelolaan Sampah", "Seksi Sarana Kebersihan"),
        _d("Bidang Pertamanan", "Seksi Taman Kota", "Seksi Ruang Terbuka Hijau"),
    ), functionals=("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup"), functional_share=0.2),
    _opd("16", "Dinas Kelautan, Perikanan, Pertanian dan Pangan", "DKPPP", 90, (
        _d("Bidang Kelautan dan Perikanan", "Seksi Perikanan Tangkap", "Seksi Perikanan Budidaya"),
        _d("Bidang Pertanian", "Seksi Tanaman Pangan dan Hortikultura", "Seksi Peternakan dan Kesehatan Hewan"),
        _d("Bidang Ketahanan Pangan", "Seksi Ketersediaan Pangan", "Seksi Keamanan Pangan"),
    ), functionals=("Penyuluh Pertanian", "Penyuluh Perikanan", "Pengawas Mutu Hasil Pertanian", "Medik Veteriner"),
        functional_share=0.6),
    _opd("17", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", 90, (
        _d("Bidang Bina Marga", "Seksi Pembangunan Jalan dan Jembatan", "Seksi Pemeliharaan Jalan dan Jembatan"),
        _d("Bidang Sumber Daya Air", "Seksi Irigasi dan Drainase", "Seksi Pengendalian Banjir"),
        _d("Bidang Cipta Karya", "Seksi Bangunan Gedung", "Seksi Air Minum dan Sanitasi"),
        _d("Bidang Penataan Ruang", "Seksi Perencanaan Tata Ruang", "Seksi Pengendalian Pemanfaatan Ruang"),
    ), functionals=("Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang")),
    _opd("18", "Dinas Perhubungan", "Dishub", 80, (
        _d("Bidang Lalu Lintas", "Seksi Manajemen Lalu Lintas", "Seksi Perparkiran"),
        _d("Bidang Angkutan", "Seksi Angkutan Orang", "Seksi Angkutan Barang"),
        _d("Bidang Sarana dan Prasarana", "Seksi Pengujian Kendaraan Bermotor", "Seksi Perlengkapan Jalan"),
    ), functionals=("Penguji Kendaraan Bermotor",), functional_share=0.25),
    _opd("19", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", 55, (
        _d("Bidang Pelayanan Pendaftaran Penduduk", "Seksi Identitas Penduduk", "Seksi Pindah Datang"),
        _d("Bidang Pelayanan Pencatatan Sipil", "Seksi Kelahiran dan Kematian", "Seksi Perkawinan dan Perceraian"),
        _d("Bidang Pengelolaan Informasi Administrasi Kependudukan", "Seksi Sistem Informasi", "Seksi Pengolahan Data"),
    ), functionals=("Administrator Database Kependudukan", "Pranata Komputer")),
    _opd("20", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", 40, (
        _d("Bidang Penanaman Modal", "Seksi Promosi Penanaman Modal", "Seksi Pengendalian Penanaman Modal"),
        _d("Bidang Pelayanan Perizinan", "Seksi Perizinan Usaha", "Seksi Perizinan Non-usaha"),
        _d("Bidang Pengaduan dan Informasi", "Seksi Pengaduan", "Seksi Data dan Informasi"),
    ), functionals=("Analis Perizinan", "Pranata Komputer")),
    _opd("21", "Dinas Komunikasi, Informatika dan Persandian", "Diskominfo", 40, (
        _d("Bidang Informasi dan Komunikasi Publik", "Seksi Pengelolaan Informasi", "Seksi Komunikasi Publik"),
        _d("Bidang Aplikasi Informatika", "Seksi Layanan E-Government", "Seksi Infrastruktur TIK"),
        _d("Bidang Statistik dan Persandian", "Seksi Statistik Sektoral", "Seksi Keamanan Informasi"),
    ), functionals=("Pranata Komputer", "Pranata Hubungan Masyarakat", "Statistisi"), functional_share=0.55),
    _opd("22", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", 35, (
        _d("Bidang Pemberdayaan Perempuan", "Seksi Kualitas Hidup Perempuan", "Seksi Pengarusutamaan Gender"),
        _d("Bidang Perlindungan Anak", "Seksi Pemenuhan Hak Anak", "Seksi Perlindungan Khusus Anak"),
        _d("Bidang Pengendalian Penduduk dan Keluarga Berencana", "Seksi Pengendalian Penduduk",
           "Seksi Keluarga Berencana"),
    ), functionals=("Penata Kependudukan dan Keluarga Berencana", "Analis Kebijakan")),
    _opd("23", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", 40, (
        _d("Bidang Perumahan", "Seksi Pendataan Perumahan", "Seksi Pembangunan Perumahan"),
        _d("Bidang Kawasan Permukiman", "Seksi Peningkatan Kualitas Permukiman", "Seksi Prasarana Permukiman"),
        _d("Bidang Pertanahan", "Seksi Pengadaan Tanah", "Seksi Penyelesaian Sengketa Tanah"),
    ), functionals=("Penata Ruang", "Teknik Jalan dan Jembatan")),
    _opd("24", "Dinas Tenaga Kerja", "Disnaker", 30, (
        _d("Bidang Penempatan dan Perluasan Kerja", "Seksi Penempatan Tenaga Kerja", "Seksi Perluasan Kerja"),
        _d("Bidang Pelatihan dan Produktivitas", "Seksi Pelatihan Kerja", "Seksi Produktivitas"),
        _d("Bidang Hubungan Industrial", "Seksi Persyaratan Kerja", "Seksi Penyelesaian Perselisihan"),
    ), functionals=("Pengantar Kerja", "Mediator Hubungan Industrial")),
    _opd("25", "Dinas Pemuda, Olahraga dan Pariwisata", "Disparpora", 40, (
        _d("Bidang Kepemudaan", "Seksi Pemberdayaan Pemuda", "Seksi Kepeloporan Pemuda"),
        _d("Bidang Keolahragaan", "Seksi Pembinaan Olahraga Prestasi", "Seksi Sarana Olahraga"),
        _d("Bidang Pariwisata", "Seksi Destinasi Pariwisata", "Seksi Pemasaran Pariwisata"),
    ), functionals=("Adyatama Kepariwisataan dan Ekonomi Kreatif", "Pelatih Olahraga")),
    _opd("26", "Sekretariat Baitul Mal", "Baitul Mal", 25, (
        _d("Bagian Perencanaan dan Pelaporan", "Subbagian Perencanaan", "Subbagian Pelaporan"),
        _d("Bagian Pengumpulan dan Pendistribusian", "Subbagian Pengumpulan Zakat", "Subbagian Pendistribusian"),
        _d("Bagian Umum dan Keuangan", "Subbagian Umum", "Subbagian Keuangan"),
    ), head="Kepala Sekretariat Baitul Mal", kind=UnitKind.SECRETARIAT, secretariat=""),
    _opd("27", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", 30, (
        _d("Bidang Ideologi dan Wawasan Kebangsaan", "Subbidang Ideologi", "Subbidang Wawasan Kebangsaan"),
        _d("Bidang Politik Dalam Negeri", "Subbidang Pendidikan Politik", "Subbidang Fasilitasi Pemilu"),
        _d("Bidang Ketahanan Ekonomi, Sosial dan Budaya", "Subbidang Ketahanan Ekonomi", "Subbidang Ormas"),
    )),
    _opd("28", "Rumah Sakit Umum Daerah Arun", "RSUD Arun", 400, (
        _d("Bidang Pelayanan Medik", "Seksi Pelayanan Rawat Jalan", "Seksi Pelayanan Rawat Inap",
           "Seksi Gawat Darurat"),
        _d("Bidang Keperawatan", "Seksi Asuhan Keperawatan", "Seksi Mutu Keperawatan"),
        _d("Bidang Penunjang Medik", "Seksi Penunjang Diagnostik", "Seksi Farmasi dan Gizi"),
    ), head="Direktur Rumah Sakit Umum Daerah Arun", functionals=_HOSPITAL_JF, functional_share=0.85,
        secretariat="Bagian Tata Usaha", secretary="Kepala Bagian Tata Usaha"),
    _opd("29", "Dinas Perpustakaan dan Kearsipan", "Dispusip", 35, (
        _d("Bidang Perpustakaan", "Seksi Layanan Perpustakaan", "Seksi Pengembangan Koleksi"),
        _d("Bidang Kearsipan", "Seksi Pengelolaan Arsip", "Seksi Pembinaan Kearsipan"),
        _d("Bidang Pembudayaan Kegemaran Membaca", "Seksi Literasi", "Seksi Perpustakaan Gampong"),
    ), functionals=("Pustakawan", "Arsiparis"), functional_share=0.6),
    _opd("30", "Dinas Pemberdayaan Masyarakat Gampong", "DPMG", 35, (
        _d("Bidang Pemerintahan Gampong", "Seksi Administrasi Pemerintahan Gampong", "Seksi Aparatur Gampong"),
        _d("Bidang Pemberdayaan Masyarakat", "Seksi Kelembagaan Masyarakat", "Seksi Partisipasi Masyarakat"),
        _d("Bidang Usaha Ekonomi Gampong", "Seksi Badan Usaha Milik Gampong", "Seksi Teknologi Tepat Guna"),
    ), functionals=("Penggerak Swadaya Masyarakat", "Analis Kebijakan")),
    _opd("31", "Dinas Pendidikan Dayah", "Disdik Dayah", 30, (
        _d("Bidang Pembinaan Dayah", "Seksi Kurikulum Dayah", "Seksi Kelembagaan Dayah"),
        _d("Bidang Sarana dan Prasarana Dayah", "Seksi Pembangunan Sarana", "Seksi Pemeliharaan Sarana"),
        _d("Bidang Pembinaan Santri dan Tenaga Pendidik", "Seksi Santri", "Seksi Tenaga Pendidik Dayah"),
    ), functionals=("Penyuluh Agama Islam", "Analis Kebijakan")),
    _opd("32", "Sekretariat Majelis Adat Aceh", "Sekretariat MAA", 20, (
        _d("Bagian Pembinaan Adat", "Subbagian Pembinaan Adat", "Subbagian Peradilan Adat"),
        _d("Bagian Pelestarian Adat", "Subbagian Pelestarian", "Subbagian Dokumentasi Adat"),
        _d("Bagian Umum", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"),
    ), head="Kepala Sekretariat MAA", kind=UnitKind.SECRETARIAT, secretariat="", functionals=("Pamong Budaya",)),
    _kecamatan("33", "Banda Sakti", ("Gampong Kampung Jawa Lama", "Gampong Pusong Baru", "Gampong Keude Aceh",
                                      "Gampong Mon Geudong")),
    _kecamatan("34", "Muara Dua", ("Gampong Cunda", "Gampong Meunasah Mee", "Gampong Uteun Bayi")),
    _kecamatan("35", "Muara Satu", ("Gampong Batuphat Timur", "Gampong Batuphat Barat", "Gampong Paloh Punti")),
    _kecamatan("36", "Blang Mangat", ("Gampong Mesjid Punteut", "Gampong Blang Cut", "Gampong Alue Lim")),
)  # fmt: skip

DEMO_AGENCY_KEY = DINKES.key  # the OPD of the demo accounts pegawai, penilai, kepala.opd and admin.opd

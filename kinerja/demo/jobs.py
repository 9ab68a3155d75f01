"""Jabatan fungsional and pelaksana of the demo city, with the golongan each level may hold.

Golongan ranges follow regulation.md §11.3 (JF keahlian Ahli Pertama III/a–III/b, Ahli Muda III/c–III/d,
Ahli Madya IV/a–IV/c; keterampilan Terampil II/b–II/d, Mahir III/a–III/b) and the usual kota practice for
structural posts (JPT Pratama IV/b–IV/c, Administrator III/d–IV/a, Pengawas III/b–III/d). Pelaksana names
are the PermenPANRB 45/2022 nomenclature (Klerek, Operator, Teknisi).
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.organization.choices import PositionKind, PositionLevel

PNS_ORDER = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
]  # fmt: skip

# (lowest, highest) golongan a PNS may hold in a position of this kind/level.
PNS_RANGES: dict[str, tuple[str, str]] = {
    PositionKind.JPT: ("IV/b", "IV/c"),
    PositionKind.ADMINISTRATOR: ("III/d", "IV/a"),
    PositionKind.SUPERVISOR: ("III/b", "III/d"),
    PositionLevel.AHLI_PERTAMA: ("III/a", "III/b"),
    PositionLevel.AHLI_MUDA: ("III/c", "III/d"),
    PositionLevel.AHLI_MADYA: ("IV/a", "IV/c"),
    PositionLevel.TERAMPIL: ("II/b", "II/d"),
    PositionLevel.MAHIR: ("III/a", "III/b"),
    PositionLevel.KLEREK: ("II/a", "III/b"),
    PositionLevel.OPERATOR: ("II/a", "III/a"),
    PositionLevel.TEKNISI: ("II/a", "III/a"),
}


@dataclass(frozen=True)
class Education:
    """Entry level of a CPNS: the golongan at appointment and the usual age range at TMT CPNS."""

    code: str
    entry_rank: str
    min_age: int
    max_age: int
    pppk_rank: str  # PPPK golongan for the same education (Perpres 11/2024 table)


SMA = Education("sma", "II/a", 19, 25, "V")
D3 = Education("d3", "II/c", 21, 27, "VII")
S1 = Education("s1", "III/a", 22, 30, "IX")
S2 = Education("s2", "III/b", 25, 30, "X")

# Regular promotion (kenaikan pangkat reguler) every four years.
YEARS_PER_RANK = 4


@dataclass(frozen=True)
class Functional:
    """A jabatan fungsional family: which levels exist, and the titles its holders carry."""

    name: str
    expert: bool = True
    skilled: bool = False
    degree_titles: tuple[str, ...] = ("S.E.", "S.Sos.", "S.H.", "S.IP.")
    diploma_titles: tuple[str, ...] = ("A.Md.",)
    front_title: str = ""
    female_share: float = 0.5


_F = Functional
FUNCTIONALS: dict[str, Functional] = {
    f.name: f
    for f in [
        _F("Guru", degree_titles=("S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si.", "S.Ag."), female_share=0.68),
        _F("Dokter", degree_titles=("",), front_title="dr.", female_share=0.6),
        _F("Dokter Gigi", degree_titles=("",), front_title="drg.", female_share=0.7),
        _F("Perawat", skilled=True, degree_titles=("S.Kep.",), diploma_titles=("A.Md.Kep.",), front_title="Ns.",
           female_share=0.7),
        _F("Bidan", skilled=True, degree_titles=("S.Tr.Keb.",), diploma_titles=("A.Md.Keb.",), female_share=1.0),
        _F("Apoteker", degree_titles=("S.Farm.",), front_title="apt.", female_share=0.7),
        _F("Tenaga Teknis Kefarmasian", expert=False, skilled=True, diploma_titles=("A.Md.Farm.",), female_share=0.7),
        _F("Nutrisionis", skilled=True, degree_titles=("S.Gz.",), diploma_titles=("A.Md.Gz.",), female_share=0.8),
        _F("Tenaga Sanitasi Lingkungan", skilled=True, degree_titles=("S.K.M.",), diploma_titles=("A.Md.KL.",)),
        _F("Pranata Laboratorium Kesehatan", skilled=True, degree_titles=("S.Tr.Kes.",),
           diploma_titles=("A.Md.AK.",), female_share=0.6),
        _F("Epidemiolog Kesehatan", degree_titles=("S.K.M.",)),
        _F("Penyuluh Kesehatan Masyarakat", degree_titles=("S.K.M.",), female_share=0.6),
        _F("Administrator Kesehatan", degree_titles=("S.K.M.", "S.E.")),
        _F("Fisioterapis", skilled=True, degree_titles=("S.Ft.",), diploma_titles=("A.Md.Ft.",)),
        _F("Radiografer", skilled=True, degree_titles=("S.Tr.Rad.",), diploma_titles=("A.Md.Rad.",)),
        _F("Perekam Medis", skilled=True, degree_titles=("S.Tr.RMIK",), diploma_titles=("A.Md.RMIK",)),
        _F("Analis Kebijakan", degree_titles=("S.IP.", "S.Sos.", "S.H.", "S.E.")),
        _F("Perencana", degree_titles=("S.T.", "S.E.", "S.P.", "S.Si.")),
        _F("Pranata Komputer", skilled=True, degree_titles=("S.Kom.", "S.T."), diploma_titles=("A.Md.Kom.",)),
        _F("Arsiparis", skilled=True, degree_titles=("S.Sos.", "S.IP."), diploma_titles=("A.Md.",)),
        _F("Pustakawan", skilled=True, degree_titles=("S.IP.", "S.Hum."), diploma_titles=("A.Md.",)),
        _F("Analis Sumber Daya Manusia Aparatur", degree_titles=("S.Psi.", "S.E.", "S.Sos.", "S.H.")),
        _F("Analis Keuangan Pusat dan Daerah", degree_titles=("S.E.", "S.Ak.")),
        _F("Analis Anggaran", degree_titles=("S.E.", "S.Ak.")),
        _F("Pengelola Pengadaan Barang/Jasa", degree_titles=("S.E.", "S.T.")),
        _F("Auditor", skilled=True, degree_titles=("S.E.", "S.Ak.", "S.H."), diploma_titles=("A.Md.Ak.",)),
        _F("Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", degree_titles=("S.STP", "S.IP.", "S.H.")),
        _F("Perancang Peraturan Perundang-undangan", degree_titles=("S.H.",)),
        _F("Analis Hukum", degree_titles=("S.H.",)),
        _F("Pranata Hubungan Masyarakat", skilled=True, degree_titles=("S.I.Kom.", "S.Sos."),
           diploma_titles=("A.Md.",)),
        _F("Statistisi", skilled=True, degree_titles=("S.Si.", "S.Stat."), diploma_titles=("A.Md.",)),
        _F("Pekerja Sosial", skilled=True, degree_titles=("S.Sos.",), diploma_titles=("A.Md.",), female_share=0.6),
        _F("Penyuluh Sosial", degree_titles=("S.Sos.",)),
        _F("Pengawas Koperasi", degree_titles=("S.E.",)),
        _F("Penera", skilled=True, degree_titles=("S.T.",), diploma_titles=("A.Md.T.",), female_share=0.3),
        _F("Pengawas Perdagangan", degree_titles=("S.E.",)),
        _F("Analis Kebencanaan", degree_titles=("S.T.", "S.Si.")),
        _F("Polisi Pamong Praja", skilled=True, degree_titles=("S.H.", "S.Sos."), diploma_titles=("A.Md.",),
           female_share=0.2),
        _F("Pemadam Kebakaran", expert=False, skilled=True, diploma_titles=("A.Md.",), female_share=0.05),
        _F("Penyuluh Agama Islam", degree_titles=("S.Ag.", "S.Pd.I.", "S.H.I.")),
        _F("Pengendali Dampak Lingkungan", degree_titles=("S.T.", "S.Si.")),
        _F("Pengawas Lingkungan Hidup", degree_titles=("S.T.", "S.Si.")),
        _F("Penyuluh Pertanian", skilled=True, degree_titles=("S.P.",), diploma_titles=("A.Md.P.",)),
        _F("Pengawas Mutu Hasil Pertanian", degree_titles=("S.P.",)),
        _F("Penyuluh Perikanan", skilled=True, degree_titles=("S.Pi.",), diploma_titles=("A.Md.Pi.",)),
        _F("Medik Veteriner", degree_titles=("",), front_title="drh."),
        _F("Teknik Jalan dan Jembatan", skilled=True, degree_titles=("S.T.",), diploma_titles=("A.Md.T.",),
           female_share=0.25),
        _F("Teknik Pengairan", skilled=True, degree_titles=("S.T.",), diploma_titles=("A.Md.T.",), female_share=0.25),
        _F("Penata Ruang", degree_titles=("S.T.", "S.PWK.")),
        _F("Penguji Kendaraan Bermotor", skilled=True, degree_titles=("S.T.",), diploma_titles=("A.Md.T.",),
           female_share=0.15),
        _F("Administrator Database Kependudukan", skilled=True, degree_titles=("S.Kom.",),
           diploma_titles=("A.Md.Kom.",)),
        _F("Penata Kependudukan dan Keluarga Berencana", degree_titles=("S.Sos.", "S.K.M.")),
        _F("Analis Perizinan", degree_titles=("S.H.", "S.E.", "S.T.")),
        _F("Penggerak Swadaya Masyarakat", degree_titles=("S.Sos.", "S.IP.")),
        _F("Pengantar Kerja", degree_titles=("S.Psi.", "S.E.")),
        _F("Mediator Hubungan Industrial", degree_titles=("S.H.",)),
        _F("Pamong Budaya", degree_titles=("S.Hum.", "S.Sn.")),
        _F("Adyatama Kepariwisataan dan Ekonomi Kreatif", degree_titles=("S.Par.", "S.E.")),
        _F("Pelatih Olahraga", degree_titles=("S.Or.", "S.Pd.")),
    ]
}  # fmt: skip


@dataclass(frozen=True)
class Executor:
    """A jabatan pelaksana with its group (Klerek, Operator, Teknisi)."""

    name: str
    level: str


EXECUTORS: dict[str, Executor] = {
    e.name: e
    for e in [
        Executor("Pengadministrasi Perkantoran", PositionLevel.KLEREK),
        Executor("Penata Layanan Operasional", PositionLevel.KLEREK),
        Executor("Pengolah Data dan Informasi", PositionLevel.KLEREK),
        Executor("Penelaah Teknis Kebijakan", PositionLevel.KLEREK),
        Executor("Pengelola Keuangan", PositionLevel.KLEREK),
        Executor("Operator Layanan Operasional", PositionLevel.OPERATOR),
        Executor("Operator Layanan Kesehatan", PositionLevel.OPERATOR),
        Executor("Pengemudi", PositionLevel.OPERATOR),
        Executor("Teknisi Sarana dan Prasarana", PositionLevel.TEKNISI),
        Executor("Teknisi Perawatan Sarana dan Prasarana Kesehatan", PositionLevel.TEKNISI),
    ]
}

GENERIC_EXECUTORS = (
    "Pengadministrasi Perkantoran",
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Penelaah Teknis Kebijakan",
    "Pengelola Keuangan",
    "Operator Layanan Operasional",
    "Pengemudi",
    "Teknisi Sarana dan Prasarana",
)

LEVEL_LABEL = {
    PositionLevel.AHLI_PERTAMA: "Ahli Pertama",
    PositionLevel.AHLI_MUDA: "Ahli Muda",
    PositionLevel.AHLI_MADYA: "Ahli Madya",
    PositionLevel.TERAMPIL: "Terampil",
    PositionLevel.MAHIR: "Mahir",
}

GENERIC_DEGREES = ("S.E.", "S.H.", "S.Sos.", "S.IP.", "S.Kom.", "S.T.", "S.Ag.", "S.Pd.", "S.Si.", "S.STP")
MASTER_TITLES = ("M.Si.", "M.M.", "M.H.", "M.Pd.", "M.Kes.", "M.T.", "M.A.P.", "M.Kom.", "M.E.")

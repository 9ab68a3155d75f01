"""Small import files for the tests: a valid mini city and helpers to build CSV/XLSX bytes."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from kinerja.organization import nip as nip_codec

HEAD_NIP = nip_codec.build_pns(dt.date(1975, 6, 20), dt.date(2000, 12, 1), "M", 1)
KABID_NIP = nip_codec.build_pns(dt.date(1980, 5, 23), dt.date(2005, 1, 1), "M", 2)
STAFF_NIP = nip_codec.build_pns(dt.date(1992, 7, 9), dt.date(2019, 2, 1), "F", 1)
PPPK_NI = "199511302023212012"


def mini_city() -> list[dict[str, str]]:
    """Kota Uji → Dinas Satu → Bidang Satu; head, kabid, one analyst, one PPPK, one vacant position."""
    return [
        {"UNOR_ID": "K", "UNOR_NAMA": "Pemerintah Kota Uji", "UNOR_JENIS": "instansi"},
        {
            "UNOR_ID": "K.1", "UNOR_NAMA": "Dinas Satu", "UNOR_INDUK_ID": "K", "UNOR_JENIS": "opd",
            "JABATAN_ID": "KD1", "JABATAN_NAMA": "Kepala Dinas Satu", "JENIS_JABATAN": "JPT",
            "JENJANG_JABATAN": "JPT Pratama", "KEPALA_UNOR": "Y",
            "NIP_BARU": HEAD_NIP, "JENIS_PEGAWAI": "PNS", "NAMA": "Hasan Basri", "GELAR_DEPAN": "Dr.",
            "GELAR_BELAKANG": "S.H., M.H.", "GOL_AKHIR": "IV/c", "TMT_JABATAN": "03-01-2023",
        },
        {
            "UNOR_ID": "K.1.1", "UNOR_NAMA": "Bidang Satu", "UNOR_INDUK_ID": "K.1", "UNOR_JENIS": "bidang",
            "JABATAN_ID": "KB1", "JABATAN_NAMA": "Kepala Bidang Satu", "JENIS_JABATAN": "Administrator",
            "JABATAN_ATASAN_ID": "KD1", "KEPALA_UNOR": "Y",
            "NIP_BARU": KABID_NIP, "NAMA": "Zulkifli", "GOL_AKHIR": "41", "TMT_JABATAN": "2022-09-12",
        },
        {
            "UNOR_ID": "K.1.1", "JABATAN_ID": "AN1", "JABATAN_NAMA": "Analis SDM Aparatur",
            "JENIS_JABATAN": "Fungsional", "JENJANG_JABATAN": "Ahli Pertama", "JABATAN_ATASAN_ID": "KB1",
            "NIP_BARU": STAFF_NIP, "NAMA": "Syarifah Maulida", "GELAR_BELAKANG": "S.Psi.", "GOL_AKHIR": "III/b",
            "EMAIL": "syarifah@example.go.id", "TMT_JABATAN": "01-03-2020",
        },
        {
            "UNOR_ID": "K.1.1", "JABATAN_ID": "PK1", "JABATAN_NAMA": "Pranata Komputer",
            "JENIS_JABATAN": "Fungsional", "JENJANG_JABATAN": "Ahli Pertama", "JABATAN_ATASAN_ID": "KB1",
            "NIP_BARU": PPPK_NI, "JENIS_PEGAWAI": "PPPK", "NAMA": "Nanda Safitri", "GOL_AKHIR": "IX",
            "TMT_JABATAN": "01-07-2023",
        },
        {
            "UNOR_ID": "K.1.1", "JABATAN_ID": "VAC1", "JABATAN_NAMA": "Pengolah Data", "JENIS_JABATAN": "Pelaksana",
            "JENJANG_JABATAN": "Operator", "JABATAN_ATASAN_ID": "KB1",
        },
    ]  # fmt: skip


def to_xlsx(rows: list[dict[str, object]]) -> bytes:
    header = list(dict.fromkeys(key for row in rows for key in row))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([name.lower() for name in header])  # headers are case-insensitive
    for row in rows:
        sheet.append([row.get(name) for name in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""A synthetic city export of any size, for the 5,000-row performance check (make bench) and tests."""

from __future__ import annotations

import csv
import datetime as dt
import io

from kinerja.organization import nip as nip_codec

HEADER = [
    "UNOR_ID", "UNOR_NAMA", "UNOR_INDUK_ID", "UNOR_JENIS", "JABATAN_ID", "JABATAN_NAMA", "JENIS_JABATAN",
    "JENJANG_JABATAN", "JABATAN_ATASAN_ID", "KEPALA_UNOR", "NIP_BARU", "JENIS_PEGAWAI", "NAMA", "GELAR_BELAKANG",
    "GOL_AKHIR", "TMT_JABATAN",
]  # fmt: skip


def city_rows(employees: int, *, staff_per_division: int = 30, divisions_per_agency: int = 4) -> list[dict[str, str]]:
    """Root → agencies → divisions; every agency and division has a head; staff report to their division head."""
    rows: list[dict[str, str]] = [
        {"UNOR_ID": "X", "UNOR_NAMA": "Pemerintah Kota Sintetis", "UNOR_JENIS": "instansi"},
    ]
    serial = 0

    def person(position_code: str) -> dict[str, str]:
        nonlocal serial
        serial += 1
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=serial % 9000)
        nip = nip_codec.build_pns(birth, dt.date(birth.year + 25, 1 + serial % 12, 1), "M", 1 + serial // 9000)
        return {"NIP_BARU": nip, "JENIS_PEGAWAI": "PNS", "NAMA": f"Pegawai {serial}", "GELAR_BELAKANG": "S.E.",
                "GOL_AKHIR": "III/a", "TMT_JABATAN": "01-01-2024", "JABATAN_ID": position_code}  # fmt: skip

    agency = 0
    while serial < employees:
        agency += 1
        unit = f"X.{agency:02d}"
        head = f"J{agency:02d}"
        rows.append({"UNOR_ID": unit, "UNOR_NAMA": f"Dinas {agency}", "UNOR_INDUK_ID": "X", "UNOR_JENIS": "opd",
                     "JABATAN_NAMA": f"Kepala Dinas {agency}", "JENIS_JABATAN": "JPT", "JENJANG_JABATAN": "JPT Pratama",
                     "KEPALA_UNOR": "Y"} | person(head))  # fmt: skip
        for division in range(1, divisions_per_agency + 1):
            if serial >= employees:
                break
            div_unit, div_head = f"{unit}.{division}", f"{head}.{division}"
            rows.append({"UNOR_ID": div_unit, "UNOR_NAMA": f"Bidang {agency}.{division}", "UNOR_INDUK_ID": unit,
                         "UNOR_JENIS": "bidang", "JABATAN_NAMA": "Kepala Bidang", "JENIS_JABATAN": "Administrator",
                         "JABATAN_ATASAN_ID": head, "KEPALA_UNOR": "Y"} | person(div_head))  # fmt: skip
            for staff in range(1, staff_per_division + 1):
                if serial >= employees:
                    break
                rows.append({"UNOR_ID": div_unit, "JABATAN_NAMA": f"Pelaksana {staff}", "JENIS_JABATAN": "Pelaksana",
                             "JABATAN_ATASAN_ID": div_head} | person(f"{div_head}.{staff}"))  # fmt: skip
    return rows


def to_csv(rows: list[dict[str, str]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    """CSV bytes with every column any row uses (the synthetic city's order first)."""
    extra = [key for row in rows for key in row if key not in HEADER]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER + list(dict.fromkeys(extra)), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode()

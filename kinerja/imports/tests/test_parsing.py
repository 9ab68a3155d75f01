import datetime as dt

import pytest

from kinerja.imports import parsing
from kinerja.imports.tests.files import HEAD_NIP, mini_city, to_xlsx
from kinerja.imports.tests.synthetic import to_csv


def test_csv_with_semicolons_and_bom_parses_with_case_insensitive_headers():
    data = to_csv(mini_city(), delimiter=";", bom=True).replace(b"UNOR_NAMA", b"Unor Nama")
    table = parsing.read_table(data, parsing.CSV)
    assert len(table.rows) == 6
    number, first = table.rows[0]
    assert number == 2
    assert first["UNOR_ID"] == "K"
    assert first["UNOR_NAMA"] == "Pemerintah Kota Uji"
    assert table.errors == []


def test_xlsx_parses_with_dates_and_numbers_as_text():
    rows = mini_city()
    rows[1]["TMT_JABATAN"] = dt.datetime(2023, 1, 3)
    rows[2]["GOL_AKHIR"] = 41
    table = parsing.read_table(to_xlsx(rows), parsing.XLSX)
    assert len(table.rows) == 6
    assert table.rows[1][1]["TMT_JABATAN"] == dt.date(2023, 1, 3)
    assert table.rows[1][1]["NIP_BARU"] == HEAD_NIP
    assert table.rows[2][1]["GOL_AKHIR"] == "41"


def test_xlsx_nip_stored_as_a_number_is_reported_because_it_lost_digits():
    rows = mini_city()
    rows[1]["NIP_BARU"] = float(HEAD_NIP)
    table = parsing.read_table(to_xlsx(rows), parsing.XLSX)
    assert [(e.row, e.column) for e in table.errors] == [(3, "NIP_BARU")]


def test_missing_unit_code_column_is_a_file_error_and_unknown_columns_are_ignored():
    table = parsing.read_table(b"NAMA,AGAMA\nAli,Islam\n", parsing.CSV)
    assert [(e.row, e.column) for e in table.errors] == [(None, "UNOR_ID")]
    assert table.ignored == ["AGAMA"]


def test_non_utf8_csv_and_broken_xlsx_are_unreadable():
    with pytest.raises(parsing.FileUnreadable):
        parsing.read_table("UNOR_ID\nDinas Pendidikan dan Kebudayaan é\n".encode("latin-1"), parsing.CSV)
    with pytest.raises(parsing.FileUnreadable):
        parsing.read_table(b"PK\x03\x04 not really a zip", parsing.XLSX)


def test_format_is_detected_from_content_before_name():
    assert parsing.detect_format("data.csv", b"PK\x03\x04") == parsing.XLSX
    assert parsing.detect_format("data.txt", b"UNOR_ID") == parsing.CSV

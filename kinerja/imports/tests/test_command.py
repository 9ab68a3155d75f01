from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from kinerja.imports.models import ImportJob
from kinerja.imports.tests.files import mini_city
from kinerja.imports.tests.synthetic import to_csv
from kinerja.organization.models import Employee, OrgUnit


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the wording of messages; the product's default language is Indonesian."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def _write(tmp_path: Path, rows, name: str = "pegawai.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(to_csv(rows))
    return path


def test_command_without_apply_prints_the_preview_and_writes_nothing(tmp_path, capsys):
    call_command("import_people", str(_write(tmp_path, mini_city())))
    out = capsys.readouterr().out
    assert "Employees: 4 new" in out
    assert not Employee.objects.exists()


def test_command_with_apply_writes_and_a_second_run_changes_nothing(tmp_path, capsys):
    path = _write(tmp_path, mini_city())
    call_command("import_people", str(path), "--apply")
    assert Employee.objects.count() == 4
    call_command("import_people", str(path), "--apply", "--format", "csv")
    assert "Employees: 0 new, 0 changed, 4 unchanged" in capsys.readouterr().out


def test_command_exits_1_on_an_invalid_file_and_writes_nothing(tmp_path, capsys):
    rows = mini_city()
    rows[2]["NIP_BARU"] = "19800523200501100"
    rows[3]["UNOR_INDUK_ID"] = "TIDAK-ADA"
    with pytest.raises(CommandError) as raised:
        call_command("import_people", str(_write(tmp_path, rows)), "--apply")
    assert raised.value.returncode == 1
    err = capsys.readouterr().err
    assert "Row 4, column NIP_BARU:" in err
    assert "Row 5, column UNOR_INDUK_ID:" in err
    assert not OrgUnit.objects.exists()
    assert ImportJob.objects.get().status == "invalid"

"""Every command of ours answers --help (argparse needs real strings; our help texts are translated)."""

from __future__ import annotations

import pytest
from django.core.management import get_commands, load_command_class

OURS = sorted(name for name, app in get_commands().items() if app.startswith("kinerja."))


@pytest.mark.parametrize("name", OURS)
def test_help_prints(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("manage.py", name)
    parser.print_help()
    assert name in capsys.readouterr().out


def test_there_are_commands_to_check() -> None:
    assert {"seed_demo", "send_deadline_reminders", "publish_period", "import_people"} <= set(OURS)

"""The base of our management commands: help texts are translatable."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class TranslatedCommand(BaseCommand):
    """A command whose class-level ``help`` may be a lazy translation.

    argparse formats help texts with regular expressions, which need a real string: the lazy text is
    resolved here, once the active language is known. Argument help texts use ``gettext`` in add_arguments.
    """

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

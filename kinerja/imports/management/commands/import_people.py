"""Import units, positions and employees from a SIASN-style CSV/XLSX export (docs/import.md).

Without --apply it only prints the preview and every error. With --apply it applies the file in
one transaction; the exit code is 1 when the file has errors, and then nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kinerja.imports import parsing, services
from kinerja.imports.models import ImportJob, ImportStatus


class Command(BaseCommand):
    help = "Check (and with --apply, import) units, positions and employees from a SIASN-style CSV/XLSX file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--apply", action="store_true", help="Write the changes (all-or-nothing).")
        parser.add_argument("--format", choices=parsing.FORMATS, default="", help="Default: from the file itself.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        job = services.import_job_create(
            actor=None, content=path.read_bytes(), name=path.name, file_format=options["format"]
        )
        services.import_job_validate(job=job)
        self._report(job)
        if job.status != ImportStatus.VALIDATED:
            raise CommandError(_("The file has errors; nothing was written."), returncode=1)
        if not options["apply"]:
            self.stdout.write(_("Checked only; run again with --apply to write the changes."))
            return
        services.import_job_request_apply(job=job, actor=None)
        services.import_job_apply(job=job)
        if job.status != ImportStatus.DONE:
            self._report(job)
            raise CommandError(_("The file has errors; nothing was written."), returncode=1)
        self.stdout.write(self.style.SUCCESS(_("Import #%(id)s applied.") % {"id": job.pk}))

    def _report(self, job: ImportJob) -> None:
        counts = job.counts
        if counts.get("units"):
            self.stdout.write(_("Rows: %(rows)s") % {"rows": job.rows_total})
            for key, label in (
                ("units", _("Units")),
                ("positions", _("Positions")),
                ("employees", _("Employees")),
            ):
                self.stdout.write(
                    _("%(label)s: %(create)s new, %(update)s changed, %(unchanged)s unchanged")
                    % {"label": label, **counts[key]}
                )
            self.stdout.write(
                _("Posts: %(create)s new, %(end)s ended, %(unchanged)s unchanged") % counts["assignments"]
            )
            if counts.get("ignored_columns"):
                self.stdout.write(_("Ignored columns: %(names)s") % {"names": ", ".join(counts["ignored_columns"])})
        for error in job.errors:
            if error["row"]:
                line = _("Row %(row)s, column %(column)s: %(message)s") % error
            elif error["column"]:
                line = _("Column %(column)s: %(message)s") % error
            else:
                line = error["message"]
            self.stderr.write(line)

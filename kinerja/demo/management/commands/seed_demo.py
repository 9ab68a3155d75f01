"""``manage.py seed_demo``: load the demo Kota Lhokseumawe (make run loads 600 employees, make seed any size)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.core.management.base import TranslatedCommand
from kinerja.demo import reset
from kinerja.demo.builder import MIN_EMPLOYEES, CitySeeder

DEFAULT_EMPLOYEES = 600
DEFAULT_SEED = 1174


class Command(TranslatedCommand):
    help = gettext_lazy("Load the demo city of Kota Lhokseumawe with its people and demo accounts.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--employees", type=int, default=DEFAULT_EMPLOYEES, help=_("Number of ASN."))
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=_("Random seed."))
        parser.add_argument("--reset", action="store_true", help=_("Delete the existing city first."))
        parser.add_argument("--if-empty", action="store_true", help=_("Do nothing when an organisation unit exists."))

    def handle(self, *args: Any, **options: Any) -> None:
        employees: int = options["employees"]
        if employees < MIN_EMPLOYEES:
            raise CommandError(
                _("--employees must be at least %(minimum)d (the demo accounts need their posts filled).")
                % {"minimum": MIN_EMPLOYEES}
            )
        if options["if_empty"] and reset.has_city():
            self.stdout.write(_("Organisation units already exist; the demo city was not loaded."))
            return
        started = time.perf_counter()
        if options["reset"]:
            try:
                deleted = reset.city_reset()
            except ProtectedError as exc:
                raise CommandError(
                    _("Cannot reset: other records still refer to the demo city (%(error)s).") % {"error": exc}
                ) from exc
            self.stdout.write(_("Deleted %(units)d units, %(employees)d employees and %(users)d accounts.") % deleted)
        elif reset.has_city():
            raise CommandError(
                _("Organisation units already exist. Use --reset to replace them or --if-empty to keep them.")
            )
        result = CitySeeder(employees, options["seed"]).run()
        elapsed = time.perf_counter() - started
        counts = ", ".join(f"{name}={value}" for name, value in result.counts.items())
        self.stdout.write(self.style.SUCCESS(_("Demo city loaded in %(seconds).1f s: %(counts)s.") % {
            "seconds": elapsed, "counts": counts}))  # fmt: skip
        self.stdout.write(
            _("Demo accounts (password %(password)s): pegawai, penilai, kepala.opd, admin.opd, admin.bkpsdm, "
              "walikota, auditor; every employee can also log in with their NIP.") % {"password": "kinerja-demo"}
        )  # fmt: skip

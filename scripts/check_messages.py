"""Fail when the Indonesian catalogue is stale, incomplete, fuzzy or does not compile.

Run by `make messages-check` (and so by CI). It regenerates the catalogue into a
temporary copy of the tree's locale folder and compares message ids, so the
committed file is never modified.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
IGNORES = [".venv", "node_modules", "static", "staticfiles", "screenshots", "bench"]


def ids(catalogue: polib.POFile) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in catalogue if not e.obsolete}


def main() -> int:
    if not PO.exists():
        print(f"missing catalogue: {PO.relative_to(ROOT)}")
        return 1
    committed = polib.pofile(str(PO))
    problems: list[str] = []
    untranslated = [e.msgid for e in committed.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in committed.fuzzy_entries()]
    problems += [f"untranslated: {m!r}" for m in untranslated]
    problems += [f"fuzzy: {m!r}" for m in fuzzy]

    backup = Path(tempfile.mkdtemp()) / "django.po"
    shutil.copy2(PO, backup)
    try:
        cmd = [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-location", "--no-obsolete"]
        for ignore in IGNORES:
            cmd += ["--ignore", ignore]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env={**os.environ})
        fresh = polib.pofile(str(PO))
    finally:
        shutil.copy2(backup, PO)
    missing = ids(fresh) - ids(committed)
    problems += [f"not in the catalogue (run make messages): {m!r}" for _, m in sorted(missing, key=str)]

    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(PO)], capture_output=True, text=True)
    if result.returncode != 0:
        problems.append(f"msgfmt --check failed: {result.stderr.strip()}")

    for problem in problems:
        print(problem)
    print(f"messages: {len(ids(committed))} ids, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

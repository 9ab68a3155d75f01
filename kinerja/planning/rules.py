"""Current values of the rule tables that are versioned per performance year.

A year copies these when it is opened; BKPSDM may then change that year's tables without
touching code. Sources: regulation.md §6.3 (matrix, PermenPANRB 6/2022 lampiran as
implemented nationally), §6.4 (pola distribusi, SE MenPANRB 3/2023), §8 (keberatan, PP 30/2019 Ps 59).
"""

from __future__ import annotations

from typing import Any

# Ratings of hasil kerja and perilaku kerja.
ABOVE = "di_atas"
MEETS = "sesuai"
BELOW = "di_bawah"

# Predikat kinerja pegawai.
SANGAT_BAIK = "sangat_baik"
BAIK = "baik"
BUTUH_PERBAIKAN = "butuh_perbaikan"
KURANG = "kurang"  # "Kurang/Misconduct"
SANGAT_KURANG = "sangat_kurang"

# Capaian kinerja organisasi.
ISTIMEWA = "istimewa"

# rating hasil kerja → rating perilaku kerja → predikat
PREDIKAT_MATRIX: dict[str, dict[str, str]] = {
    ABOVE: {BELOW: KURANG, MEETS: BAIK, ABOVE: SANGAT_BAIK},
    MEETS: {BELOW: KURANG, MEETS: BAIK, ABOVE: BAIK},
    BELOW: {BELOW: SANGAT_KURANG, MEETS: BUTUH_PERBAIKAN, ABOVE: BUTUH_PERBAIKAN},
}

# capaian organisasi → rules on the share of employee predikat. Each rule names the predikat it
# counts and one bound: max_pct / min_pct (percent of the unit) or min_count / max_count (people).
DISTRIBUTION_RULES: dict[str, list[dict[str, Any]]] = {
    ISTIMEWA: [
        {"predikat": [SANGAT_BAIK], "max_pct": 70},
    ],
    BAIK: [
        {"predikat": [BAIK], "max_pct": 70},
        {"predikat": [BUTUH_PERBAIKAN, KURANG], "min_count": 1},
    ],
    BUTUH_PERBAIKAN: [
        {"predikat": [BUTUH_PERBAIKAN], "min_pct": 60},
        {"predikat": [SANGAT_BAIK], "max_pct": 10},
    ],
    KURANG: [
        {"predikat": [KURANG], "min_pct": 60},
        {"predikat": [BUTUH_PERBAIKAN], "min_pct": 10},
        {"predikat": [SANGAT_BAIK], "max_pct": 10},
    ],
    SANGAT_KURANG: [
        {"predikat": [SANGAT_KURANG], "min_pct": 60},
        {"predikat": [KURANG, BUTUH_PERBAIKAN], "min_pct": 10},
        {"predikat": [SANGAT_BAIK], "max_count": 0},
    ],
}

# A unit head's rating hasil kerja is the unit's capaian kinerja organisasi (PermenPANRB 6/2022 Ps 25;
# regulation.md §6.1 step 3). The regulation names no mapping; this one reads the org predikat on the same
# three-level scale: above the organisation's targets, on them, or below them.
ORG_RESULTS_RATING: dict[str, str] = {
    ISTIMEWA: ABOVE,
    BAIK: MEETS,
    BUTUH_PERBAIKAN: BELOW,
    KURANG: BELOW,
    SANGAT_KURANG: BELOW,
}

APPEAL_WINDOW_DAYS = 14

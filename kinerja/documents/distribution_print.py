"""The pola distribusi as the documents print it: the curve, the counts per predikat and the rules in Indonesian.

The rule sentences are written here, not taken from ``RuleResult.label``: that label is interface text in the
reader's language, while the paper is always Indonesian (ADR 0001). The numbers come from
``evaluation.distribution`` (SE MenPANRB 3/2023; regulation.md §6.4), so the paper and the forum agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings

from kinerja.documents import curve_svg
from kinerja.documents.pdf_common import number, org_predikat_label, predikat_label
from kinerja.evaluation import distribution
from kinerja.evaluation.choices import CURVE_ORDER

_SEVERITY = {"ok": "Memenuhi", "violation": "Tidak memenuhi", "warning": "Peringatan (unit kecil)"}


def rule_text(rule: Mapping[str, Any]) -> str:
    """One rule of the table in the words of the SE: 'Baik paling banyak 70%'."""
    names = " dan/atau ".join(curve_svg.AXIS_LABELS.get(p, p) for p in rule.get("predikat", []))
    if "max_pct" in rule:
        return f"{names} paling banyak {rule['max_pct']}% pegawai"
    if "min_pct" in rule:
        return f"{names} paling sedikit {rule['min_pct']}% pegawai"
    if "max_count" in rule:
        if int(rule["max_count"]) == 0:
            return f"Tidak ada pegawai dengan predikat {names}"
        return f"{names} paling banyak {rule['max_count']} orang"
    if "min_count" in rule:
        return f"Harus ada pegawai dengan predikat {names} (paling sedikit {rule['min_count']} orang)"
    return names


def _bands(org_predikat: str, total: int, rules: Mapping[str, list[dict]]) -> dict[str, tuple[int, int]]:
    return {str(k): (int(v[0]), int(v[1])) for k, v in distribution.curve(org_predikat, total, rules).items()}


def block(
    org_predikat: str, total: int, counts: Mapping[str, int] | None, rule_list: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Everything a document prints about one pola distribusi.

    ``counts`` None: no evaluation yet, the shape is drawn for an illustrative unit and nothing is checked.
    """
    rules_by_org = {org_predikat: list(rule_list)}
    has_counts = counts is not None and total > 0
    drawn_total = total if has_counts else curve_svg.ILLUSTRATIVE_TOTAL
    bands = _bands(org_predikat, drawn_total, rules_by_org)
    check = None
    if has_counts:
        check = distribution.check_distribution(
            org_predikat, dict(counts or {}), rules_by_org, small_unit_size=settings.KINERJA_SMALL_UNIT_SIZE
        )
    rows = []
    for predikat in [str(p) for p in reversed(CURVE_ORDER)]:
        low, high = bands.get(predikat, (0, drawn_total))
        count = int((counts or {}).get(predikat, 0)) if has_counts else None
        rows.append(
            {
                "label": predikat_label(predikat),
                "count": count,
                "share": number(round(count * 100 / total, 1)) if count is not None else "",
                "allowed": f"{low}–{high}" if low != high else str(low),
                "outside": count is not None and not (low <= count <= high),
            }
        )
    rule_rows = []
    # check_distribution answers every rule of the table once, in the table's order.
    results: list[Any] = list(check.results) if check is not None else [None] * len(rule_list)
    for rule, result in zip(rule_list, results, strict=True):
        rule_rows.append(
            {
                "text": rule_text(rule),
                "count": result.count if result else None,
                "limit": result.limit if result else None,
                "status": _SEVERITY.get(result.severity, "") if result else "",
                "bad": bool(result and result.severity != "ok"),
            }
        )
    return {
        "org_label": org_predikat_label(org_predikat),
        "caption": (
            "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI "
            f"{org_predikat_label(org_predikat)}"
        ),
        "svg": curve_svg.render_curve(
            org_predikat, drawn_total, bands, rule_list, dict(counts or {}) if has_counts else None
        ),
        "illustrative": not has_counts,
        "illustrative_total": curve_svg.ILLUSTRATIVE_TOTAL,
        "total": total,
        "rows": rows,
        "rules": rule_rows,
        "small_unit": bool(check and check.small_unit),
    }

"""The kurva distribusi as inline SVG (regulation.md §6.4): the allowed band, the expected curve, the actual counts.

The official form prints an image titled "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA
ORGANISASI [X]": x-axis Sangat Kurang → Kurang/Misconduct → Butuh Perbaikan → Baik → Sangat Baik, y-axis
"Frekuensi Pegawai", a curve peaking at the predikat that SE MenPANRB 3/2023 makes the largest group. We draw
that curve from the year's rule table, shade what the rules allow per predikat (``distribution.curve``) and
put the unit's actual counts on top, so the paper shows both the rule and how the unit stands against it.

Pure functions, no database: the SVG is built from plain numbers and drawn by WeasyPrint as vector text and
lines (the labels stay extractable text in the PDF). Labels are the official Indonesian ones (ADR 0001).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from kinerja.evaluation.choices import CURVE_ORDER
from kinerja.planning import rules

# Axis labels as printed on the form (regulation.md §6.4).
AXIS_LABELS = {
    rules.SANGAT_KURANG: "Sangat Kurang",
    rules.KURANG: "Kurang/Misconduct",
    rules.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    rules.BAIK: "Baik",
    rules.SANGAT_BAIK: "Sangat Baik",
}
# The predikat SE MenPANRB 3/2023 makes the largest group for each capaian organisasi (the curve's peak).
PEAK = {
    rules.ISTIMEWA: rules.SANGAT_BAIK,
    rules.BAIK: rules.BAIK,
    rules.BUTUH_PERBAIKAN: rules.BUTUH_PERBAIKAN,
    rules.KURANG: rules.KURANG,
    rules.SANGAT_KURANG: rules.SANGAT_KURANG,
}
# When no evaluation exists yet the shape is drawn for an illustrative unit of this size.
ILLUSTRATIVE_TOTAL = 10

_W, _H = 640, 205
_LEFT, _RIGHT, _TOP, _BOTTOM = 54, 12, 14, 58
_FONT = 'font-family="Liberation Sans, DejaVu Sans, sans-serif"'


def expected_shape(org_predikat: str, total: int, rule_list: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """The curve the form draws: the peak predikat at its rule's share, the rest falling away with distance.

    Predikat a rule forbids (``max_count: 0``) stay at zero. The shares add up to ``total``.
    """
    order = [str(p) for p in CURVE_ORDER]
    peak = PEAK.get(org_predikat, rules.BAIK)
    forbidden = {p for rule in rule_list if rule.get("max_count") == 0 for p in rule.get("predikat", [])}
    share = 0.5
    for rule in rule_list:
        if list(rule.get("predikat", [])) == [peak]:
            bound = rule.get("max_pct", rule.get("min_pct"))
            if bound is not None:
                share = float(bound) / 100
    peak_index = order.index(peak)
    weights = {
        p: 0.0 if p in forbidden or p == peak else 1 / (1 + abs(i - peak_index)) ** 2 for i, p in enumerate(order)
    }
    rest = sum(weights.values())
    shape = {p: (total * (1 - share) * w / rest if rest else 0.0) for p, w in weights.items()}
    shape[peak] = total * share if rest else float(total)
    return shape


def _smooth_path(points: list[tuple[float, float]]) -> str:
    """A Catmull-Rom spline through the points, as cubic Béziers (a smooth curve like the form's)."""
    if not points:
        return ""
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(parts)


def _axis(value: float) -> tuple[int, int]:
    """The y-axis maximum and tick step: round numbers, at most six steps, the maximum at or above ``value``."""
    value = max(value, 1.0)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value / step <= 6:
            return step * math.ceil(value / step), step
    return math.ceil(value), math.ceil(value)


def render_curve(
    org_predikat: str,
    total: int,
    bands: Mapping[str, tuple[int, int]],
    rule_list: Sequence[Mapping[str, Any]],
    counts: Mapping[str, int] | None,
) -> str:
    """SVG markup of the kurva distribusi.

    ``bands``: per predikat (min people, max people) the rules allow for ``total`` people
    (``distribution.curve``); ``counts``: the unit's actual predikat, or None when there are none yet.
    """
    order = [str(p) for p in CURVE_ORDER]
    shape = expected_shape(org_predikat, total, rule_list)
    ceilings = [float(high) for _low, high in bands.values()]
    highest = max([float(total) * 0.75, *shape.values(), *ceilings, *(counts or {}).values(), 1.0])
    top, step = _axis(highest)
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM
    slot = plot_w / len(order)

    def x_of(index: int) -> float:
        return _LEFT + slot * (index + 0.5)

    def y_of(value: float) -> float:
        return _TOP + plot_h - plot_h * min(value, top) / top

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="100%" class="curve" {_FONT} '
        'font-size="11" role="img">'
    ]
    for tick in range(0, top + 1, step):
        y = y_of(tick)
        out.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_W - _RIGHT}" y2="{y:.1f}" stroke="#ddd" stroke-width="0.6"/>'
        )
        out.append(f'<text x="{_LEFT - 5}" y="{y + 3.5:.1f}" text-anchor="end" fill="#333">{tick}</text>')
    for i, predikat in enumerate(order):
        low, high = bands.get(predikat, (0, total))
        x = x_of(i) - slot * 0.36
        y_high, y_low = y_of(high), y_of(low)
        out.append(
            f'<rect x="{x:.1f}" y="{y_high:.1f}" width="{slot * 0.72:.1f}" height="{max(y_low - y_high, 1.2):.1f}" '
            'fill="#dcebf7" stroke="#6f9fca" stroke-width="0.8" stroke-dasharray="3,2"/>'
        )
        if counts is not None:
            count = int(counts.get(predikat, 0))
            y = y_of(count)
            bar_x = x_of(i) - slot * 0.13
            height = _TOP + plot_h - y
            outside = count < low or count > high
            fill = "#b3261e" if outside else "#333"
            out.append(
                f'<rect x="{bar_x:.1f}" y="{y:.1f}" width="{slot * 0.26:.1f}" height="{height:.1f}" fill="{fill}"/>'
            )
            out.append(
                f'<text x="{x_of(i):.1f}" y="{y - 4:.1f}" text-anchor="middle" font-weight="bold" '
                f'fill="{fill}">{count}</text>'
            )
        label = escape(AXIS_LABELS.get(predikat, predikat))
        out.append(f'<text x="{x_of(i):.1f}" y="{_TOP + plot_h + 15}" text-anchor="middle" fill="#000">{label}</text>')
    points = [(x_of(i), y_of(shape[p])) for i, p in enumerate(order)]
    out.append(f'<path d="{_smooth_path(points)}" fill="none" stroke="#1f5f99" stroke-width="2"/>')
    axis_y = _TOP + plot_h
    out.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{axis_y}" stroke="#000" stroke-width="1"/>')
    out.append(f'<line x1="{_LEFT}" y1="{axis_y}" x2="{_W - _RIGHT}" y2="{axis_y}" stroke="#000" stroke-width="1"/>')
    middle = _TOP + plot_h / 2
    out.append(
        f'<text x="14" y="{middle:.1f}" text-anchor="middle" transform="rotate(-90 14 {middle:.1f})" '
        'fill="#000">Frekuensi Pegawai</text>'
    )
    out.append(_legend(counts is not None, axis_y + 34))
    out.append("</svg>")
    return "".join(out)


def _legend(with_counts: bool, y: float) -> str:
    entries = [
        '<rect x="{x}" y="{y0}" width="14" height="9" fill="#dcebf7" stroke="#6f9fca" stroke-dasharray="3,2"/>'
        '<text x="{tx}" y="{y1}">Rentang yang diizinkan</text>',
        '<line x1="{x}" y1="{ym}" x2="{x2}" y2="{ym}" stroke="#1f5f99" stroke-width="2"/>'
        '<text x="{tx}" y="{y1}">Kurva distribusi</text>',
    ]
    if with_counts:
        entries.append(
            '<rect x="{x}" y="{y0}" width="14" height="9" fill="#333"/><text x="{tx}" y="{y1}">Jumlah pegawai</text>'
        )
        entries.append(
            '<rect x="{x}" y="{y0}" width="14" height="9" fill="#b3261e"/>'
            '<text x="{tx}" y="{y1}">Di luar rentang</text>'
        )
    parts = []
    for n, entry in enumerate(entries):
        x = _LEFT + n * 148
        parts.append(entry.format(x=x, x2=x + 14, tx=x + 19, y0=y - 8, y1=y, ym=y - 3.5))
    return f'<g font-size="10" fill="#000">{"".join(parts)}</g>'

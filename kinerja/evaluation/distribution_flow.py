"""The fewest changes for evaluation.distribution.fit and the allowed bands for curve: a min-cost flow.

A plan's cost is the number of people whose predikat changes. The hard rules (those whose failure is a
violation) bound sums of counts over sets of predikat. When those sets are laminar (any two are disjoint or
nested; true of every rule in regulation.md §6.4), the problem is a min-cost flow, so integral and exact:
  source → origin i (capacity: the people now in i) → final j (cost 0 when j == i, else BIG + steps(i, j))
  → the smallest rule set containing j → … → the largest → sink, each set edge split into a mandatory part
  (its lower bound, cost −HUGE) and an optional part (up to its upper bound, cost 0).
HUGE outweighs any plan, so lower bounds are met whenever possible; BIG outweighs any number of steps, so the
plan moves the fewest people and, among plans moving that many, the fewest steps along the curve: people go to
an adjacent predikat whenever a minimal plan allows it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from kinerja.evaluation.choices import CURVE_ORDER, Predikat

PREDIKAT = tuple(p.value for p in Predikat)  # best first
# Position on the curve's x-axis (Sangat Kurang = 0 … Sangat Baik = 4): the steps a move spans.
RANK = {str(p): i for i, p in enumerate(CURVE_ORDER)}


def laminar(sets: Iterable[frozenset[str]]) -> bool:
    return all(not (a & b) or a <= b or b <= a for a in sets for b in sets)


def min_cost_plan(
    supply: Mapping[str, int] | None, total: int, sets: dict[frozenset[str], list[int]], weight: Mapping[str, int]
) -> tuple[dict[tuple[str, str], int], dict[str, int]] | None:
    """Min-cost flow of the module docstring: people per (from, to) and the target; None when no target is allowed.

    supply None: anyone may end anywhere at no cost (used by curve); ``weight`` adds a cost per person ending in a
    predikat (curve minimises and maximises one predikat with it)."""
    graph: list[list[list[int]]] = []

    def node() -> int:
        graph.append([])
        return len(graph) - 1

    def edge(u: int, v: int, cap: int, cost: int) -> tuple[int, int]:
        graph[u].append([v, cap, cost, len(graph[v])])
        graph[v].append([u, 0, -cost, len(graph[u]) - 1])
        return u, len(graph[u]) - 1

    big = 4 * total + 1
    huge = total * (big + 4 + 1) + 1
    source, sink = node(), node()
    final = {p: node() for p in PREDIKAT}
    set_node = {s: node() for s in sets}
    mandatory = []
    for s, (lo, hi) in sets.items():
        parents = [o for o in sets if s < o]
        up = set_node[min(parents, key=len)] if parents else sink
        mandatory.append(edge(set_node[s], up, lo, -huge))
        edge(set_node[s], up, hi - lo, 0)
    ends = {}
    for p in PREDIKAT:
        holders = [s for s in sets if p in s]
        up = set_node[min(holders, key=len)] if holders else sink
        ends[p] = edge(final[p], up, total, weight.get(p, 0))
    moves: dict[tuple[str, str], tuple[int, int]] = {}
    for p in PREDIKAT:
        if supply is None:
            edge(source, final[p], total, 0)
            continue
        origin = node()
        edge(source, origin, supply[p], 0)
        for q in PREDIKAT:
            moves[p, q] = edge(origin, final[q], total, 0 if p == q else big + abs(RANK[p] - RANK[q]))
    if push(graph, source, sink, total) < total or any(graph[u][i][1] for u, i in mandatory):
        return None

    def carried(handle: tuple[int, int]) -> int:
        u, i = handle
        to, _cap, _cost, rev = graph[u][i]
        return graph[to][rev][1]

    return {(p, q): carried(h) for (p, q), h in moves.items()}, {p: carried(h) for p, h in ends.items()}


def push(graph: list[list[list[int]]], source: int, sink: int, want: int) -> int:
    """Successive shortest paths (Bellman-Ford queue: costs may be negative, the start graph has no cycle)."""
    flow = 0
    while flow < want:
        dist: list[int | None] = [None] * len(graph)
        prev: list[tuple[int, int] | None] = [None] * len(graph)
        dist[source] = 0
        queue, queued = deque([source]), {source}
        while queue:
            u = queue.popleft()
            queued.discard(u)
            for i, (v, cap, cost, _rev) in enumerate(graph[u]):
                if cap > 0 and (dist[v] is None or dist[u] + cost < dist[v]):
                    dist[v], prev[v] = dist[u] + cost, (u, i)
                    if v not in queued:
                        queued.add(v)
                        queue.append(v)
        if dist[sink] is None:
            break
        push, v = want - flow, sink
        while v != source:
            u, i = prev[v]
            push, v = min(push, graph[u][i][1]), u
        v = sink
        while v != source:
            u, i = prev[v]
            e = graph[u][i]
            e[1] -= push
            graph[v][e[3]][1] += push
            v = u
        flow += push
    return flow


def steps(counts: Mapping[str, int], target: Mapping[str, int]) -> int:
    """The fewest steps along the curve from counts to target (earth mover's distance on a line)."""
    run, steps = 0, 0
    for p in CURVE_ORDER:
        run += counts[p] - target[p]
        steps += abs(run)
    return steps

"""Gradual semantics against formal-argumentation, on the same graphs, in one run.

Run:  .venv/bin/python benchmarks/gradual.py [--acyclic 1000 10000 100000 1000000]
          [--cyclic 1000 10000 100000] [--timeout 120]

Graphs (seed 1): *acyclic*, items in a random order, each attacking and supporting one later
item; *cyclic*, about two attacks and two supports per item between random items. Each
semantics (DF-QuAD, quadratic energy) is computed by argmap (`argmap.gradual.strengths`,
tolerance 1e-9) and by formal-argumentation (`dfquad_strengths`; quadratic energy:
`quadratic_energy_strengths_discrete`, the same iteration, tolerance 1e-9), each in a forked
child with a hard timeout; seconds include building each tool's graph from the same lists.
Prints seconds, peak MiB, the ratio formal-argumentation / argmap, and the largest
difference between the two answers.
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import partial
from typing import Any

from timing import in_child

from argmap.gradual import WeightedGraph, strengths
from argmap.table import format_table

Edges = list[tuple[str, str]]


def acyclic(n: int, rng: random.Random) -> tuple[list[str], list[float], Edges, Edges]:
    items = [f"n{i}" for i in range(n)]
    attacks = [(items[i], items[rng.randrange(i + 1, n)]) for i in range(n - 1)]
    supports = [(items[i], items[rng.randrange(i + 1, n)]) for i in range(n - 1)]
    supports = list(set(supports) - set(attacks))
    return items, [rng.random() for _ in range(n)], attacks, supports


def cyclic(n: int, rng: random.Random) -> tuple[list[str], list[float], Edges, Edges]:
    items = [f"n{i}" for i in range(n)]

    def edges() -> set[tuple[str, str]]:
        pairs = {(rng.randrange(n), rng.randrange(n)) for _ in range(2 * n)}
        return {(items[a], items[b]) for a, b in pairs if a != b}

    attacks = edges()
    return items, [rng.random() for _ in range(n)], list(attacks), list(edges() - attacks)


def run_argmap(graph: tuple[list[str], list[float], Edges, Edges], semantics: str) -> Any:
    items, base, attacks, supports = graph
    return strengths(WeightedGraph(items, base, attacks, supports), semantics, tolerance=1e-9)


def run_formal(graph: tuple[list[str], list[float], Edges, Edges], semantics: str) -> Any:
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import (
        WeightedBipolarGraph,
        quadratic_energy_strengths_discrete,
    )

    items, base, attacks, supports = graph
    g = WeightedBipolarGraph(
        frozenset(items),
        dict(zip(items, base, strict=True)),
        frozenset(attacks),
        frozenset(supports),
    )
    if semantics == "dfquad":
        return dfquad_strengths(g, tolerance=1e-9).strengths
    return quadratic_energy_strengths_discrete(g, tolerance=1e-9).strengths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--acyclic", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--cyclic", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    rows = []
    plan = [("acyclic", n) for n in args.acyclic] + [("cyclic", n) for n in args.cyclic]
    for shape, n in plan:
        graph = (acyclic if shape == "acyclic" else cyclic)(n, random.Random(1))
        for semantics in ("dfquad", "quadratic-energy"):
            print(f"{shape} {n} {semantics} ...", file=sys.stderr, flush=True)
            ours = in_child(partial(run_argmap, graph, semantics), args.timeout)
            theirs = in_child(partial(run_formal, graph, semantics), args.timeout)
            cells: list[object] = [shape, n, semantics]
            for found in (ours, theirs):
                cells.append(
                    found if isinstance(found, str) else f"{found[0]:.3f} / {found[1]:.0f}"
                )
            if isinstance(ours, str) or isinstance(theirs, str):
                cells += ["", ""]
            else:
                cells.append(f"{theirs[0] / ours[0]:.0f}")
                cells.append(f"{max(abs(ours[2][k] - theirs[2][k]) for k in ours[2]):.1e}")
            rows.append(cells)
    headers = [
        "graph",
        "items",
        "semantics",
        "argmap s / MiB",
        "formal-arg s / MiB",
        "formal / argmap",
        "max difference",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

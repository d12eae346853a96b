"""Gradual semantics against formal-argumentation, on the same graphs, in one run.

Run:  .venv/bin/python benchmarks/gradual.py [--acyclic 1000 10000 100000 1000000]
          [--cyclic 1000 10000 100000] [--timeout 120]

Graphs (seed 1): *acyclic*, items in a random order, each attacking and supporting one later
item; *cyclic*, about two attacks and two supports per item between random items. Each
semantics (DF-QuAD, quadratic energy) is computed by argmap (`argmap.gradual.strengths`,
tolerance 1e-9) and by formal-argumentation (`dfquad_strengths`; quadratic energy:
`quadratic_energy_strengths_discrete`, the same iteration, tolerance 1e-9), each in a forked
child with a hard timeout. Seconds include building each tool's graph from its input:
argmap twice, from the named lists formal-argumentation also gets (`WeightedGraph`, a dict
of strengths by name back) and from index arrays (`ArrayGraph`, an array back); the
formal-argumentation graph from the named lists. Prints seconds, peak MiB, the ratios
formal-argumentation / argmap, and the largest difference between the answers.
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import partial
from typing import Any

import numpy as np
from timing import in_child

from argmap.gradual import ArrayGraph, WeightedGraph, strengths
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


def as_arrays(
    graph: tuple[list[str], list[float], Edges, Edges],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The graph as arrays, items numbered in order (made before the clock starts)."""
    items, base, attacks, supports = graph
    index = {name: i for i, name in enumerate(items)}

    def pairs(named: Edges) -> np.ndarray:
        return np.array([(index[a], index[b]) for a, b in named], dtype=np.int64).reshape(-1, 2)

    return np.array(base), pairs(attacks), pairs(supports)


def run_arrays(arrays: tuple[np.ndarray, np.ndarray, np.ndarray], semantics: str) -> Any:
    return strengths(ArrayGraph(*arrays), semantics, tolerance=1e-9)


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
        arrays = as_arrays(graph)
        for semantics in ("dfquad", "quadratic-energy"):
            print(f"{shape} {n} {semantics} ...", file=sys.stderr, flush=True)
            ours = in_child(partial(run_argmap, graph, semantics), args.timeout)
            fast = in_child(partial(run_arrays, arrays, semantics), args.timeout)
            if not isinstance(fast, str):  # by name, as the others answer (off the clock)
                fast = (fast[0], fast[1], dict(zip(graph[0], fast[2].tolist(), strict=True)))
            theirs = in_child(partial(run_formal, graph, semantics), args.timeout)
            cells: list[object] = [shape, n, semantics]
            for found in (ours, fast, theirs):
                cells.append(
                    found if isinstance(found, str) else f"{found[0]:.4f} / {found[1]:.0f}"
                )
            for mine in (ours, fast):
                if isinstance(mine, str) or isinstance(theirs, str):
                    cells.append("")
                else:
                    cells.append(f"{theirs[0] / mine[0]:.0f}")
            answers = [x[2] for x in (ours, fast, theirs) if not isinstance(x, str)]
            cells.append(
                f"{max(abs(a[k] - b[k]) for a in answers for b in answers for k in a):.1e}"
                if len(answers) > 1
                else ""
            )
            rows.append(cells)
    headers = [
        "graph",
        "items",
        "semantics",
        "named s / MiB",
        "arrays s / MiB",
        "formal-arg s / MiB",
        "formal/named",
        "formal/arrays",
        "max diff",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

"""How fast extensions come: the first N of a framework with exponentially many, against clingo.

Run:  .venv/bin/pip install -e '.[bench]'      # clingo
      .venv/bin/python benchmarks/enumeration.py [--first 10000] [--timeout 60]

Frameworks (each has far more than N stable and preferred extensions):

- ``pairs-split``: 20 disjoint mutual attacks (2^20 extensions; several components);
- ``pairs-joined``: the same 20 pairs, each ``a_i`` also attacking one extra argument,
  so the framework is one component;
- ``mutual-1000``: ``benchmarks/semantics.py``'s mutual-attack-heavy random framework of
  1,000 arguments (seed 18).

For stable and preferred, argmap (``iter_extensions``, stopped after N) and clingo with the
ASPARTIX-style encodings of ``benchmarks/semantics.py`` (``-n N``; preferred by domain
heuristics, ``--enum-mode=domRec``), once handing each extension to Python as a set (as
argmap does) and once only counting them (clingo's own rate). Each run is a forked child
with a hard timeout; seconds include building the tool's framework. Prints extensions per
second (N over the seconds to the N-th) and each clingo run's time over argmap's; every
extension a tool hands over is checked against the definitions.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Callable
from functools import partial

from semantics import (
    CLINGO_COMPLETE,
    CLINGO_PREFERRED_HEURISTIC,
    CLINGO_STABLE,
    Pairs,
    mutual,
)
from timing import in_child

import argmap
from argmap.framework import AF
from argmap.table import format_table


def pairs_split(k: int = 20) -> tuple[int, Pairs]:
    return 2 * k, [p for i in range(k) for p in ((2 * i, 2 * i + 1), (2 * i + 1, 2 * i))]


def pairs_joined(k: int = 20) -> tuple[int, Pairs]:
    n, pairs = pairs_split(k)
    return n + 1, [*pairs, *((2 * i, n) for i in range(k))]


def mutual_1000() -> tuple[int, Pairs]:
    return 1000, mutual(1000, random.Random(18))


FAMILIES = {"pairs-split": pairs_split, "pairs-joined": pairs_joined, "mutual-1000": mutual_1000}


def run_argmap(semantics: str, n: int, pairs: Pairs, first: int) -> list[frozenset[str]]:
    af = AF.from_indexed(n, pairs)
    return list(itertools.islice(argmap.iter_extensions(af, semantics), first))


def run_clingo(
    semantics: str, n: int, pairs: Pairs, first: int, decode: bool = True
) -> list[frozenset[str]] | int:
    """clingo's first extensions as sets (or, without ``decode``, only how many it found)."""
    import clingo

    facts = "".join(f"arg({i + 1})." for i in range(n)) + "".join(
        f"att({a + 1},{b + 1})." for a, b in pairs
    )
    if semantics == "stable":
        program, options = CLINGO_STABLE, [str(first)]
    else:
        program = CLINGO_COMPLETE + CLINGO_PREFERRED_HEURISTIC
        options = [str(first), "--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control([*options, "--warn=none"])
    ctl.add("base", [], facts + program)
    ctl.ground([("base", [])])
    models: list[frozenset[str]] = []
    if not decode:
        ctl.solve()
        return int(ctl.statistics["summary"]["models"]["enumerated"])
    ctl.solve(
        on_model=lambda m: models.append(
            frozenset(str(s.arguments[0]) for s in m.symbols(shown=True) if s.name == "in")
        )
    )
    return models


def run_clingo_count(semantics: str, n: int, pairs: Pairs, first: int) -> int:
    found = run_clingo(semantics, n, pairs, first, decode=False)
    assert isinstance(found, int)
    return found


TOOLS: dict[str, Callable[[str, int, Pairs, int], object]] = {
    "argmap": run_argmap,
    "clingo": run_clingo,
    "clingo count": run_clingo_count,
}
"""``clingo count``: clingo's own rate, the extensions counted, not handed to Python."""


def checked(af: AF, semantics: str, found: list[frozenset[str]]) -> bool:
    """Every extension found is one, and none repeats."""
    return len(set(found)) == len(found) and all(
        argmap.is_extension(af, e, semantics) for e in found
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--first", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=FAMILIES)
    args = parser.parse_args()
    rows = []
    for family in args.families:
        n, pairs = FAMILIES[family]()
        af = AF.from_indexed(n, [(a, b) for a, b in pairs])
        for semantics in ("stable", "preferred"):
            print(f"{family} {semantics} ...", file=sys.stderr, flush=True)
            cells: list[object] = [family, semantics]
            seconds = {}
            for tool, run in TOOLS.items():
                result = in_child(partial(run, semantics, n, pairs, args.first), args.timeout)
                if isinstance(result, str):
                    cells.append(result)
                    continue
                time, _, found = result
                count = found if isinstance(found, int) else len(found)
                wrong = not isinstance(found, int) and not checked(af, semantics, found)
                seconds[tool] = time
                cells.append(f"{count / time:,.0f}{' WRONG' if wrong else ''}")
            for peer in ("clingo", "clingo count"):
                both = peer in seconds and "argmap" in seconds
                cells.append(f"{seconds[peer] / seconds['argmap']:.2f}" if both else "")
            rows.append(cells)
    headers = [
        "framework",
        "semantics",
        *(f"{tool} per s" for tool in TOOLS),
        "clingo / argmap",
        "count / argmap",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

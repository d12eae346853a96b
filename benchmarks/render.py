"""How long drawing a map takes, split between argmap's own work and Graphviz's ``dot``.

Run:  .venv/bin/python benchmarks/render.py [--sizes 50 200 1000] [--repeat 3]

Synthetic maps shaped like essays (a tree of supports from evidence to recommendations, a
few attacks; see ``benchmarks/corpus.py``). argmap's part is computing the grounded
labelling and writing the DOT; ``dot``'s part is laying it out and writing SVG. Prints the
median seconds of each over the repeats and argmap's share of the total.
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import partial

from corpus import synthetic_essay
from timing import measure

from argmap.model import ArgumentMap
from argmap.render.dot import run_dot
from argmap.render.essay import essay_diagram, statuses
from argmap.table import format_table


def draw_dot(m: ArgumentMap) -> str:
    """argmap's part: the grounded labelling and the DOT text."""
    return essay_diagram(m, statuses(m, "grounded")).source


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        print(f"{size} nodes ...", file=sys.stderr, flush=True)
        m = synthetic_essay("bench", size, random.Random(1))
        source = essay_diagram(m, statuses(m, "grounded")).source

        mine, mine_peak = measure(partial(draw_dot, m), args.repeat)
        dot, _ = measure(partial(run_dot, source, "svg"), args.repeat)
        rows.append(
            [
                size,
                len(m.edges),
                f"{len(source) / 1024:.0f}",
                f"{mine:.3f} / {mine_peak:.1f}",
                f"{dot:.3f}",
                f"{100 * mine / (mine + dot):.1f}%",
            ]
        )
    print(
        format_table(["nodes", "edges", "DOT KiB", "argmap s / MiB", "dot s", "argmap share"], rows)
    )


if __name__ == "__main__":
    main()

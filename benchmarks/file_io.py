"""How long reading, checking and writing maps takes, by map size.

Run:  .venv/bin/python benchmarks/file_io.py [--sizes 100 1000 10000] [--repeat 3]

Prints a table: nodes, edges, file size, and for each operation the median seconds over the
repeats and the peak memory (tracemalloc) of one run.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from functools import partial
from pathlib import Path

from timing import measure

import argmap
from argmap.table import format_table


def synthetic_map(size: int, seed: int = 1) -> argmap.ArgumentMap:
    """A map of ``size`` nodes with about two supports and one attack per node."""
    rng = random.Random(seed)
    kinds = ["claim"] * 6 + ["evidence"] * 3 + ["recommendation"]
    nodes = [
        argmap.Node(
            f"n{i}",
            kind,
            f"Proposition number {i}, paraphrased at a realistic length for an essay's claim.",
            locator=argmap.Locator(rng.randint(1, 40), "a few words"),
            tags=["tag"],
            actors=["United States"] if kind == "recommendation" else (),
        )
        for i, kind in enumerate(rng.choice(kinds) for _ in range(size))
    ]
    seen: set[tuple[str, int, int]] = set()
    edges = []
    for i in range(size):
        for kind, count in (("support", 2), ("attack", 1)):
            for _ in range(count):
                j = rng.randrange(size)
                if j == i or (kind, i, j) in seen:
                    continue
                seen.add((kind, i, j))
                edges.append(
                    argmap.Edge(
                        kind, f"n{i}", f"n{j}", id=f"s{i}-{j}" if kind == "support" else None
                    )
                )
    supports = [e for e in edges if e.id is not None]
    for e in rng.sample(supports, k=max(1, len(supports) // 50)):
        edges.append(argmap.Edge("attack", f"n{rng.randrange(size)}", e.id or ""))
    return argmap.ArgumentMap("bench", f"Synthetic map of {size} nodes", nodes=nodes, edges=edges)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            print(f"measuring {size} nodes ...", flush=True)
            m = synthetic_map(size)
            path = Path(folder) / f"m{size}.yaml"
            argmap.write_map(m, path)
            loaded = argmap.read_map(path)
            assert loaded == m
            read = measure(partial(argmap.read_map, path), args.repeat)
            check = measure(partial(argmap.check, [path]), args.repeat)
            write = measure(partial(argmap.write_map, loaded, path), args.repeat)
            graph = measure(partial(argmap.to_networkx, m), args.repeat)
            rows.append(
                [
                    size,
                    len(m.edges),
                    f"{path.stat().st_size / 2**10:.0f}",
                    *(f"{s:.3f} / {mib:.1f}" for s, mib in (read, check, write, graph)),
                ]
            )
    headers = [
        "nodes",
        "edges",
        "KiB",
        "read s / MiB",
        "check s / MiB",
        "write-back s / MiB",
        "networkx s / MiB",
    ]
    print()
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

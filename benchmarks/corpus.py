"""How long the cross-essay analyses take, by number of essays.

Run:  .venv/bin/python benchmarks/corpus.py [--essays 10 100 1000] [--nodes 20] [--repeat 3]
      .venv/bin/python benchmarks/corpus.py --cli [--essays 1000]

Synthetic corpora: each essay is a tree of supports from evidence up to its
recommendations (``--nodes`` nodes, a few attacks between them, one of them a rival view the
essay rejects); each essay shares one recommendation with the next essay (an equivalence
group) and its first claim contradicts a claim of a random other essay (a relation). Prints,
per corpus size, the median seconds over the repeats and the peak memory (tracemalloc) of
one run, for: reading the corpus (merging it, every essay's and the merged framework's
grounded extension), conflicts, consensus (with an explanation per recommendation) and
consistency (at most 1,000 maximal subsets listed).

With ``--cli``, each corpus is written to a folder and the commands are timed end to end,
one process each (reading the YAML files included): ``argmap check``, ``conflicts``,
``consensus`` and ``check --consistency``; wall and CPU seconds of one run.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from functools import partial
from typing import Any

from timing import measure

import argmap
from argmap.analysis.conflicts import conflicts_of
from argmap.analysis.consensus import consensus_of
from argmap.analysis.consistency import consistency_of
from argmap.analysis.reading import reading as read
from argmap.table import format_table


def synthetic_essay(essay: str, size: int, rng: random.Random) -> argmap.ArgumentMap:
    """A tree of supports from evidence to recommendations, with a rejected rival view."""
    recommendations = max(1, size // 7)
    evidence = max(1, size // 3)
    claims = size - recommendations - evidence - 1
    nodes = [
        argmap.Node(f"r{i}", "recommendation", f"{essay}: do thing {i}.", actors=["US"])
        for i in range(recommendations)
    ]
    nodes += [argmap.Node(f"c{i}", "claim", f"{essay}: claim {i}.") for i in range(claims)]
    nodes += [argmap.Node(f"e{i}", "evidence", f"{essay}: fact {i}.") for i in range(evidence)]
    nodes.append(argmap.Node("rival", "claim", f"{essay}: the view it rejects."))
    above = [f"r{i}" for i in range(recommendations)]
    edges = []
    for i in range(claims):
        edges.append(argmap.Edge("support", f"c{i}", rng.choice(above)))
        above.append(f"c{i}")
    for i in range(evidence):
        edges.append(argmap.Edge("support", f"e{i}", rng.choice(above[recommendations:] or above)))
    edges.append(argmap.Edge("attack", "c0" if claims else "e0", "rival"))
    edges.append(argmap.Edge("attack", "rival", "r0"))
    return argmap.ArgumentMap(essay, f"Essay {essay}", nodes, edges)


def synthetic_corpus(essays: int, size: int, seed: int = 1) -> argmap.Corpus:
    """``essays`` synthetic essays linked in a ring of shared recommendations."""
    rng = random.Random(seed)
    maps = [synthetic_essay(f"essay{i:04d}", size, rng) for i in range(essays)]
    groups = [
        argmap.Equivalence([f"{maps[i].id}:r0", f"{maps[(i + 1) % essays].id}:r1"])
        for i in range(0, essays - 1, 2)
    ]
    relations = []
    for i in range(essays):
        j = rng.randrange(essays)
        if j != i:
            relations.append(
                argmap.Relation("contradiction", f"{maps[i].id}:c0", f"{maps[j].id}:c1")
            )
    unique = {(r.source, r.target) for r in relations}
    relations = [
        r for r in relations if (r.target, r.source) not in unique or str(r.source) < str(r.target)
    ]
    return argmap.Corpus(maps, groups, relations)


COMMANDS = (["check"], ["conflicts"], ["consensus"], ["check", "--consistency"])
"""The corpus commands timed end to end by ``--cli``."""


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``argmap`` process (its exit status is not checked:
    ``check`` exits 1 on the warnings a synthetic corpus has)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main_cli(essays: list[int], nodes: int) -> None:
    """Time the corpus commands end to end on corpora written to folders."""
    rows = []
    for n in essays:
        print(f"{n} essays ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory() as folder:
            argmap.write_corpus(synthetic_corpus(n, nodes), folder)
            cells: list[Any] = [n]
            for command in COMMANDS:
                wall, cpu = run_cli([*command, folder])
                cells.append(f"{wall:.2f} / {cpu:.2f}")
            rows.append(cells)
    headers = ["essays", *(f"{' '.join(c)} wall / CPU s" for c in COMMANDS)]
    print(format_table(headers, rows))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--essays", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--nodes", type=int, default=20, help="nodes per essay")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="time the commands end to end")
    args = parser.parse_args()
    if args.cli:
        main_cli(args.essays, args.nodes)
        return
    rows = []
    for n in args.essays:
        corpus = synthetic_corpus(n, args.nodes)
        print(f"{n} essays ...", file=sys.stderr, flush=True)
        reading = read(corpus)
        conflicts = conflicts_of(reading)
        cells: list[Any] = [n, sum(len(m.nodes) for m in corpus.maps)]
        for task in (
            partial(read, corpus),
            partial(conflicts_of, reading),
            partial(consensus_of, reading, conflicts, "majority"),
            partial(consistency_of, corpus.essay_ids, conflicts),
        ):
            seconds, peak = measure(task, args.repeat if n < 1000 else 1)
            cells.append(f"{seconds:.3f} / {peak:.1f}")
        total = sum(float(c.split(" / ")[0]) for c in cells[2:])
        rows.append([*cells, f"{total:.2f}", len(conflicts)])
    headers = [
        "essays",
        "nodes",
        "read s / MiB",
        "conflicts s / MiB",
        "consensus s / MiB",
        "consistency s / MiB",
        "total s",
        "conflicts found",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

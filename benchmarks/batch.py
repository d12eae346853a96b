"""argmap batch: maps per second on 1 and 2 (all) worker processes of a local Dask cluster.

Run:  .venv/bin/python benchmarks/batch.py [--maps 1000 10000] [--workers 1 2] [--real]
          [--no-in-process]

Synthetic essay-sized maps (20 to 200 nodes each, seed 1; the trees of supports with a rival
view of benchmarks/corpus.py) are written as one JSON-lines file; each run checks and solves
every map — each node's grounded label and each recommendation's credulous acceptance
under preferred (SAT) — and writes Parquet. Prints maps, workers, wall seconds (the
cluster's start included), maps per second, the in-process rate (``--scheduler none``, one
core) and the peak resident memory of a worker. ``--real`` also runs the maps of
``../shared/corpora/`` (AIF, Argdown, Kialo, microtexts, SADFace files).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus import synthetic_essay

from argmap.batch import Task, run_batch
from argmap.table import format_table

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def write_maps(path: Path, count: int, seed: int = 1) -> None:
    """``count`` synthetic maps, one JSON object (argmap's own format) per line."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            m = synthetic_essay(f"essay{i:06d}", rng.randint(20, 200), rng)
            doc = {
                "id": m.id,
                "title": m.title,
                "nodes": [
                    {
                        "id": n.id,
                        "kind": str(n.kind),
                        "text": n.text,
                        **({"actors": list(n.actors)} if n.actors else {}),
                    }
                    for n in m.nodes
                ],
                "edges": [{str(e.kind): f"{e.source} -> {e.target}"} for e in m.edges],
            }
            out.write(json.dumps(doc) + "\n")


def peak_worker_mib(scheduler: str) -> float:
    """The largest peak resident memory among the cluster's workers, in MiB."""
    from dask.distributed import Client

    def peak() -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with Client(scheduler) as client:
        return float(max(client.run(peak).values()))


def timed(paths: list[Path], workers: int | None, out: Path) -> tuple[float, int, float | None]:
    """(wall seconds, maps, worker peak MiB) of one batch; ``workers`` None: in process."""
    start = time.perf_counter()
    if workers is None:
        summary = run_batch(paths, out, Task(), scheduler="none")
        return time.perf_counter() - start, summary.maps, None
    from dask.distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    try:
        summary = run_batch(paths, out, Task(), scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - start
        return seconds, summary.maps, peak_worker_mib(cluster.scheduler_address)
    finally:
        cluster.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--maps", type=int, nargs="*", default=[1000])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--real", action="store_true")
    parser.add_argument(
        "--no-in-process", action="store_true", help="skip the in-process reference run"
    )
    args = parser.parse_args()
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs: list[tuple[str, list[Path]]] = []
        for count in args.maps:
            path = folder / f"maps-{count}.jsonl"
            write_maps(path, count)
            inputs.append((f"synthetic {count:,}", [path]))
        if args.real:
            inputs.append(("shared/corpora", [CORPORA]))
        for name, paths in inputs:
            runs = args.workers if args.no_in_process else [None, *args.workers]
            for workers in runs:
                print(f"{name}, workers {workers or 'in process'} ...", file=sys.stderr, flush=True)
                out = folder / f"out-{len(rows)}"
                seconds, maps, peak = timed(paths, workers, out)
                rows.append(
                    [
                        name,
                        maps,
                        "in process" if workers is None else workers,
                        f"{seconds:.1f}",
                        f"{maps / seconds:,.0f}",
                        "" if peak is None else f"{peak:.0f}",
                    ]
                )
    headers = ["maps", "count", "workers", "wall s", "maps/s", "worker peak MiB"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

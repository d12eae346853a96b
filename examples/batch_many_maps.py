"""Validate and solve many maps at once, in parallel on Dask, and read the rows back.

Run from the project folder:  python examples/batch_many_maps.py
(writes into $ARGMAP_EXAMPLE_OUT, or a temporary folder; needs argmap[batch])

`run_batch` reads every map of some folders and JSON-lines files, computes each node's
status and each recommendation's credulous acceptance, and writes Parquet rows; a map
that cannot be read gets its located error in its row, and the rest go on.
"""

import os
import tempfile
from pathlib import Path

from dask.distributed import LocalCluster

from argmap.batch import Task, read_rows, run_batch


def main() -> None:
    """Batch the bundled maps and two more, and read the rows back."""
    out = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())
    (out / "more").mkdir(parents=True, exist_ok=True)
    (out / "more" / "maps.jsonl").write_text(
        '{"id": "toy", "title": "Toy", "nodes": [{"id": "e", "kind": "evidence", "text": "It fell."},'
        ' {"id": "r", "kind": "recommendation", "text": "Act.", "actors": ["US"]}],'
        ' "edges": [{"support": "e -> r"}]}\n'
        '{"id": "broken", "title": "Broken", "nodes": [{"id": "a", "kind": "clam", "text": "A."}]}\n',
        encoding="utf-8",
    )

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0")
    try:
        summary = run_batch(
            ["maps", out / "more"],
            out / "results",
            Task(strength="euler"),
            scheduler=cluster.scheduler_address,
        )
    finally:
        cluster.close()
    print(f"{summary.maps} maps, {summary.failed} failed, {summary.nodes} nodes")
    for row in read_rows(out / "results", "maps"):
        print(f"  {row['source']}: {row['accepted'] if row['ok'] else row['error']}")
    strongest = max(
        (n for n in read_rows(out / "results", "nodes") if n["kind"] == "recommendation"),
        key=lambda n: n["strength"],
    )
    print(
        "strongest recommendation:",
        strongest["map"],
        strongest["node"],
        round(strongest["strength"], 3),
    )


if __name__ == "__main__":  # Dask starts its workers as new processes, which import this
    main()

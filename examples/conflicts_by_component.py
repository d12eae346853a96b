"""Conflicts and consensus of a corpus, component by component, as tasks on Dask.

Run from the project folder:  python examples/conflicts_by_component.py
(needs argmap[batch])

Essays interact only through the corpus file's links, so a corpus falls apart into
components that no equivalence or relation joins. `components` splits it; each component
is read as a corpus of its own — here, or on a Dask cluster — and the conflicts and
consensus are the whole corpus's. The command line does the same with `argmap conflicts
FOLDER --workers N` (or `--scheduler ADDRESS`).
"""

from dask.distributed import LocalCluster

import argmap
from argmap.analysis.conflicts import conflicts_of
from argmap.batch.components import (
    component_conflicts,
    component_consensus,
    components,
    per_component,
)


def main() -> None:
    """The bundled corpus beside two essays linked to each other and to nothing else."""
    bundled = argmap.read_corpus("maps")
    hawk = argmap.ArgumentMap(
        "hawk", "Hawk", [argmap.Node("r", "recommendation", "Expand the drills.", actors=["US"])]
    )
    dove = argmap.ArgumentMap(
        "dove", "Dove", [argmap.Node("c", "claim", "Drills provoke a crisis.")]
    )
    corpus = argmap.Corpus(
        [*bundled.maps, hawk, dove],
        bundled.equivalences,
        [*bundled.relations, argmap.Relation("attack", "dove:c", "hawk:r")],
    )
    print("components:", [len(part.maps) for part in components(corpus)])

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    try:
        found = component_conflicts(corpus, scheduler=cluster.scheduler_address)
        agreed = component_consensus(corpus, "majority", scheduler=cluster.scheduler_address)
    finally:
        cluster.close()
    for c in found:
        print(f"  {c.attacker} attacks {c.target}: {c.resolution}")
    print("consensus:", [item.node for item in agreed.selected])

    # any analysis of a reading, one component at a time (here, in this process)
    print("conflicts per component:", [len(c) for c in per_component(corpus, conflicts_of)])


if __name__ == "__main__":  # Dask starts its workers as new processes, which import this
    main()

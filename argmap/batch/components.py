"""Corpus analysis of many maps, one connected component at a time, in parallel on Dask.

Essays interact only through the corpus file's links: an equivalence group or a relation
joins the essays of its members. A corpus of thousands of essays falls apart into
*components* that nothing joins (:func:`components`), and every conflict lies within one:
its attacker and its target are in linked essays, its derivation runs through their
nodes, and the merged framework that settles it is the union of the components' own.
:func:`component_conflicts` reads each component as a corpus of its own and finds its
conflicts — as independent tasks on a Dask cluster (or in this process) — and gives the
same conflicts as :func:`~argmap.analysis.conflicts.conflicts_of` on the whole corpus,
which the tests check.

>>> import argmap
>>> corpus = argmap.read_corpus("maps")
>>> [len(c.maps) for c in components(corpus)]
[6]
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.reading import reading
from argmap.model import Corpus
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Acceptance, Semantics, Support

__all__ = ["component_conflicts", "components"]


def components(corpus: Corpus) -> list[Corpus]:
    """The corpus split into the parts no equivalence or relation joins, in corpus order.

    Each part keeps its essays, the equivalences and relations among them, and the corpus's
    metadata; an essay linked to nothing is a part of its own.
    """
    parent = {m.id: m.id for m in corpus.maps}

    def root(essay: str) -> str:
        while parent[essay] != essay:
            parent[essay] = parent[parent[essay]]
            essay = parent[essay]
        return essay

    links = [[ref.essay for ref in g.members] for g in corpus.equivalences]
    links += [[r.source.essay, r.target.essay] for r in corpus.relations]
    for essays in links:
        first = root(essays[0])
        for other in essays[1:]:
            parent[root(other)] = first
    parts: dict[str, list[str]] = {}
    for m in corpus.maps:
        parts.setdefault(root(m.id), []).append(m.id)
    found = []
    for essays in parts.values():
        inside = set(essays)
        found.append(
            Corpus(
                [corpus.essay(e) for e in essays],
                [g for g in corpus.equivalences if g.members[0].essay in inside],
                [r for r in corpus.relations if r.source.essay in inside],
                id=corpus.id,
                title=corpus.title,
                summary=corpus.summary,
            )
        )
    return found


def _conflicts(
    part: Corpus, semantics: Semantics, support: Support, mode: Acceptance
) -> list[Conflict]:
    """One component's conflicts (a Dask task)."""
    return conflicts_of(reading(part, semantics, support, mode=mode))


def component_conflicts(
    corpus: Corpus,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    scheduler: str | None = "none",
    workers: int | None = None,
) -> list[Conflict]:
    """Every conflict of the corpus, found component by component (see the module).

    ``scheduler``: ``"none"`` (the default) in this process, ``None`` a local Dask cluster
    of ``workers`` processes, or a Dask scheduler's address. Components come back in corpus
    order, each with its conflicts in the order :func:`conflicts_of` gives them.
    """
    chosen = (Semantics.parse(semantics), Support.parse(support), Acceptance.parse(mode))
    parts = [p for p in components(corpus) if p.equivalences or p.relations]
    return [c for found in _run(parts, chosen, scheduler, workers) for c in found]


def _run(
    parts: list[Corpus],
    chosen: tuple[Semantics, Support, Acceptance],
    scheduler: str | None,
    workers: int | None,
) -> Iterator[list[Conflict]]:
    if scheduler == "none":
        for part in parts:
            yield _conflicts(part, *chosen)
        return
    from argmap.batch import dask_client

    with dask_client(scheduler, workers) as client:
        # a few tasks per worker, each of many components: small components are quick,
        # and a task's scheduling and pickling would cost more than its work
        tasks = 4 * max(1, len(client.scheduler_info()["workers"]))
        size = max(1, -(-len(parts) // tasks))
        chunks = [parts[i : i + size] for i in range(0, len(parts), size)]
        futures = [client.submit(_chunk, chunk, chosen, pure=False) for chunk in chunks]
        for found in client.gather(futures):
            yield from found


def _chunk(
    parts: list[Corpus], chosen: tuple[Semantics, Support, Acceptance]
) -> list[list[Conflict]]:
    """The conflicts of each of some components (one Dask task)."""
    return [_conflicts(part, *chosen) for part in parts]

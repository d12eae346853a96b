"""Corpus analysis of many maps, one connected component at a time, in parallel on Dask.

Essays interact only through the corpus file's links: an equivalence group or a relation
joins the essays of its members. A corpus of thousands of essays falls apart into
*components* that nothing joins (:func:`components`), and every conflict lies within one:
its attacker and its target are in linked essays, its derivation runs through their
nodes, and the merged framework that settles it is the union of the components' own; so
does every recommendation group with its endorsers and opposers.
:func:`component_conflicts` and :func:`component_consensus` read each component as a
corpus of its own — as independent tasks on a Dask cluster (or in this process) — and give
the same conflicts and consensus as :func:`~argmap.analysis.conflicts.conflicts_of` and
:func:`~argmap.analysis.consensus.consensus` on the whole corpus, which the tests check.

>>> import argmap
>>> corpus = argmap.read_corpus("maps")
>>> [len(c.maps) for c in components(corpus)]
[6]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import networkx as nx

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import Consensus, combined, consensus_of
from argmap.analysis.reading import reading
from argmap.model import Corpus
from argmap.options import (
    DEFAULT_ROLES,
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    ConsensusRule,
    Role,
    Semantics,
    Support,
    parse_roles,
)

__all__ = ["component_conflicts", "component_consensus", "components"]

T = TypeVar("T")


def components(corpus: Corpus) -> list[Corpus]:
    """The corpus split into the parts no equivalence or relation joins, in corpus order.

    Each part keeps its essays, the equivalences and relations among them, and the corpus's
    metadata; an essay linked to nothing is a part of its own.
    """
    joined: nx.Graph[str] = nx.Graph()
    joined.add_nodes_from(m.id for m in corpus.maps)
    links = [[ref.essay for ref in g.members] for g in corpus.equivalences]
    links += [[r.source.essay, r.target.essay] for r in corpus.relations]
    joined.add_edges_from((essays[0], other) for essays in links for other in essays[1:])
    place = {m.id: i for i, m in enumerate(corpus.maps)}
    parts = sorted(
        (sorted(part, key=place.__getitem__) for part in nx.connected_components(joined)),
        key=lambda essays: place[essays[0]],
    )
    found = []
    for essays in parts:
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
    found = _run(components(corpus), _conflicts, chosen, scheduler, workers)
    return [c for part in found for c in part]


def _consensus(
    part: Corpus, semantics: Semantics, support: Support, mode: Acceptance, roles: tuple[Role, ...]
) -> Consensus:
    """One component's consensus items (a Dask task); the rule is applied to the whole."""
    found = reading(part, semantics, support, mode=mode)
    return consensus_of(found, conflicts_of(found), ConsensusRule.UNANIMITY, roles=roles)


def component_consensus(
    corpus: Corpus,
    rule: str | ConsensusRule = ConsensusRule.MAJORITY,
    *,
    quorum: int | None = None,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
    scheduler: str | None = "none",
    workers: int | None = None,
) -> Consensus:
    """The corpus's consensus, its recommendation groups found component by component.

    As :func:`~argmap.analysis.consensus.consensus` on the whole corpus (which the tests
    check): each component's groups with their endorsers, opposers and status, ranked
    together and the rule applied to the whole corpus's count (:func:`combined`).
    ``scheduler`` as for :func:`component_conflicts`.
    """
    chosen = (
        Semantics.parse(semantics),
        Support.parse(support),
        Acceptance.parse(mode),
        parse_roles(roles),
    )
    parts = list(_run(components(corpus), _consensus, chosen, scheduler, workers))
    return combined(parts, corpus, rule, quorum, roles=chosen[3])


def _run(
    parts: list[Corpus],
    task: Callable[..., T],
    chosen: tuple[Any, ...],
    scheduler: str | None,
    workers: int | None,
) -> Iterator[T]:
    """``task(part, *chosen)`` of each part, in order: here, or in chunks on Dask."""
    if scheduler == "none":
        for part in parts:
            yield task(part, *chosen)
        return
    from argmap.batch import chunked, dask_client

    with dask_client(scheduler, workers) as client:
        # a few tasks per worker, each of many components: small components are quick,
        # and a task's scheduling and pickling would cost more than its work
        tasks = 4 * max(1, len(client.scheduler_info()["workers"]))
        size = max(1, -(-len(parts) // tasks))
        chunks = chunked(parts, size)
        futures = [client.submit(_chunk, chunk, task, chosen, pure=False) for chunk in chunks]
        for found in client.gather(futures):
            yield from found


def _chunk(parts: list[Corpus], task: Callable[..., T], chosen: tuple[Any, ...]) -> list[T]:
    """``task`` of each of some components (one Dask task)."""
    return [task(part, *chosen) for part in parts]

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

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import networkx as nx

from argmap.analysis.conflicts import Conflict, conflicts_of, in_order
from argmap.analysis.consensus import Consensus, combined, consensus_of
from argmap.analysis.reading import Reading, reading
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

__all__ = ["component_conflicts", "component_consensus", "components", "per_component"]

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
    of ``workers`` processes, or a Dask scheduler's address. The conflicts come in the
    order :func:`conflicts_of` gives the whole corpus's (:func:`in_order`).
    """
    found = per_component(
        corpus,
        conflicts_of,
        semantics=semantics,
        support=support,
        mode=mode,
        scheduler=scheduler,
        workers=workers,
    )
    return in_order((c for part in found for c in part), corpus)


def _consensus(found: Reading, roles: tuple[Role, ...]) -> Consensus:
    """One component's consensus items; the rule is applied to the whole."""
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
    chosen = parse_roles(roles)
    parts = per_component(
        corpus,
        _consensus,
        chosen,
        semantics=semantics,
        support=support,
        mode=mode,
        scheduler=scheduler,
        workers=workers,
    )
    return combined(parts, corpus, rule, quorum, roles=chosen)


@attrs.frozen
class _Reading:
    """How each component is read (the options of :func:`~argmap.analysis.reading.reading`)."""

    semantics: Semantics
    support: Support
    mode: Acceptance
    timeout: float | None

    def of(self, part: Corpus) -> Reading:
        return reading(part, self.semantics, self.support, mode=self.mode, timeout=self.timeout)


def per_component(
    corpus: Corpus,
    analyse: Callable[..., T],
    *args: Any,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
    scheduler: str | None = "none",
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[T]:
    """``analyse(reading, *args)`` of each component's reading, in corpus order.

    Each component (:func:`components`) is read as a corpus of its own under the options
    of :func:`~argmap.analysis.reading.reading`, here or as Dask tasks (``scheduler`` as
    for :func:`component_conflicts`); ``analyse`` runs where the reading is made, so it
    must be importable by the workers (a module's function, not a lambda), and only its
    answer travels back. Under stable semantics, if one component's merged framework has
    no extension, neither has the whole corpus's (the one semantics where parts do not
    combine: :attr:`~argmap.options.Semantics.may_have_none`); the corpus is then read
    whole, in this process, and its answer is the one item of the list. ``progress(done,
    total)`` is called as components are done.

    >>> import argmap
    >>> from argmap.analysis.conflicts import conflicts_of
    >>> [len(found) for found in per_component(argmap.read_corpus("maps"), conflicts_of)]
    [4]
    """
    how = _Reading(
        Semantics.parse(semantics), Support.parse(support), Acceptance.parse(mode), timeout
    )
    parts = components(corpus)
    report = progress or (lambda done, total: None)
    if scheduler == "none":
        found = []
        for done, part in enumerate(parts, 1):
            found += _chunk([part], how, analyse, args)
            report(done, len(parts))
    else:
        found = _on_dask(parts, how, (analyse, args), (scheduler, workers), report)
    if how.semantics.may_have_none and not all(has for _, has in found):
        # one component without a stable extension: the whole corpus has none either
        return [analyse(how.of(corpus), *args)]
    return [answer for answer, _ in found]


def _on_dask(
    parts: list[Corpus],
    how: _Reading,
    task: tuple[Callable[..., T], tuple[Any, ...]],
    where: tuple[str | None, int | None],
    report: Callable[[int, int], None],
) -> list[tuple[T, bool]]:
    """What :func:`_chunk` gives, the parts in chunks as Dask tasks.

    ``task``: (analyse, args); ``where``: (scheduler, workers).
    """
    from dask.distributed import as_completed

    from argmap.batch import chunked, dask_client

    with dask_client(*where) as client:
        # a few tasks per worker, each of many components: small components are quick,
        # and a task's scheduling and pickling would cost more than its work
        tasks = 4 * max(1, len(client.scheduler_info()["workers"]))
        chunks = chunked(parts, max(1, -(-len(parts) // tasks)))
        futures = [client.submit(_chunk, chunk, how, *task, pure=False) for chunk in chunks]
        place = {future.key: i for i, future in enumerate(futures)}
        found: dict[int, list[tuple[T, bool]]] = {}
        for future in as_completed(futures):
            found[place[future.key]] = future.result()
            report(sum(len(chunk) for chunk in found.values()), len(parts))
        return [pair for i in range(len(futures)) for pair in found[i]]


def _chunk(
    parts: list[Corpus], how: _Reading, analyse: Callable[..., T], args: tuple[Any, ...]
) -> list[tuple[T, bool]]:
    """Each component's answer, and whether its merged framework has an extension.

    One Dask task: a few components each.
    """
    found = []
    for part in parts:
        read = how.of(part)
        found.append((analyse(read, *args), bool(read.framework_extensions)))
    return found

"""Which essays can be held together: jointly consistent subsets of a corpus.

A set of essays is *jointly consistent* when the union of what they accept is conflict-free
in the merged framework: no conflict (see :mod:`argmap.analysis.conflicts`) sets one of them
against another, and none is set against itself by the corpus's links. A conflict through a
relation marked ``hindsight`` (a later essay's report of events after another was written)
is later evidence, not a disagreement: it is listed apart and does not make two essays
inconsistent. Consistency is
decided pair by pair, so the consistent sets are the independent sets of the graph whose
edges are the conflicting pairs; the *maximal* consistent subsets are its maximal
independent sets (the maximal cliques of the complementary graph).

Only the maps whose :class:`~argmap.options.Role` is among ``roles`` are considered (essays
by default): reader comments are left out unless asked for, and conflicts with them ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

import attrs

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.merge import readonly
from argmap.analysis.reading import Reading, as_reading
from argmap.model import Corpus
from argmap.options import (
    DEFAULT_ROLES,
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    Role,
    Semantics,
    Support,
    parse_roles,
)
from argmap.semantics.components import lazy_product

__all__ = ["Consistency", "consistency", "consistency_of", "maximal_independent_sets"]


@attrs.frozen(eq=False)
class Consistency:
    """The consistency of a corpus's essays, pair by pair and as maximal subsets."""

    essays: tuple[str, ...]
    clashes: Mapping[tuple[str, str], tuple[Conflict, ...]] = attrs.field(converter=readonly)
    """A sorted pair of essays → the conflicts between them."""
    self_inconsistent: Mapping[str, tuple[Conflict, ...]] = attrs.field(converter=readonly)
    """An essay → conflicts between nodes it accepts itself, once linked to the corpus."""
    maximal: tuple[frozenset[str], ...]
    """The maximal jointly consistent subsets, largest first (at most ``limit`` of them)."""
    truncated: bool = False
    """Whether there are more maximal subsets than were listed."""
    left_out: tuple[str, ...] = ()
    """The maps of the corpus not considered (their role was not asked for)."""
    later_evidence: Mapping[tuple[str, str], tuple[Conflict, ...]] = attrs.field(
        factory=dict, converter=readonly
    )
    """(later essay, earlier essay) → conflicts through hindsight relations, not counted."""

    def is_consistent(self, essays: Iterable[str]) -> bool:
        """Whether a set of essays is jointly consistent."""
        chosen = sorted(set(essays))
        if any(e in self.self_inconsistent for e in chosen):
            return False
        return not any((a, b) in self.clashes for a in chosen for b in chosen if a < b)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "essays": list(self.essays),
            "maximal_consistent_subsets": [sorted(s) for s in self.maximal],
            "truncated": self.truncated,
            "left_out": list(self.left_out),
            "clashes": [
                {"essays": list(pair), "conflicts": [c.to_dict() for c in found]}
                for pair, found in self.clashes.items()
            ],
            "self_inconsistent": {
                e: [c.to_dict() for c in found] for e, found in self.self_inconsistent.items()
            },
            "later_evidence": [
                {"essays": list(pair), "conflicts": [c.to_dict() for c in found]}
                for pair, found in self.later_evidence.items()
            ],
        }


def maximal_independent_sets(
    nodes: Iterable[str], edges: Collection[tuple[str, str]]
) -> Iterator[frozenset[str]]:
    """The maximal independent sets of a graph, one connected component at a time.

    A maximal consistent subset of essays is a maximal independent set of the graph of
    conflicting pairs. That graph is sparse (a few conflicts per essay), so each of its
    connected components is enumerated on its own, by Bron-Kerbosch with pivoting on the
    complement, whose steps only visit the few conflicting neighbours of a node; the sets of
    the whole graph are the products of the components' sets (listed lazily). Edges with an
    end outside ``nodes`` are ignored. A graph without nodes has one, empty, set.

    >>> sorted(sorted(s) for s in maximal_independent_sets("abcd", [("a", "b"), ("b", "c")]))
    [['a', 'c', 'd'], ['b', 'd']]
    """
    names = list(dict.fromkeys(nodes))
    conflicts: dict[str, set[str]] = {n: set() for n in names}
    for a, b in edges:
        if a in conflicts and b in conflicts and a != b:
            conflicts[a].add(b)
            conflicts[b].add(a)
    components = []
    seen: set[str] = set()
    for start in names:
        if start in seen:
            continue
        component, todo = [start], [start]
        seen.add(start)
        while todo:
            for other in sorted(conflicts[todo.pop()] - seen):
                seen.add(other)
                component.append(other)
                todo.append(other)
        components.append(component)
    per_component = [_component_sets(c, conflicts) for c in components if len(c) > 1]
    alone = frozenset(c[0] for c in components if len(c) == 1)
    for parts in lazy_product(per_component):
        yield alone.union(*parts)


def _component_sets(
    component: list[str], conflicts: Mapping[str, set[str]]
) -> Iterator[frozenset[str]]:
    """The maximal independent sets of one connected component (Bron-Kerbosch, pivoting)."""
    order = {n: i for i, n in enumerate(component)}

    def sets() -> Iterator[frozenset[str]]:
        stack: list[tuple[frozenset[str], set[str], set[str]]] = [
            (frozenset(), set(component), set())
        ]
        while stack:
            chosen, candidates, excluded = stack.pop()
            if not candidates:
                if not excluded:
                    yield chosen
                continue
            # the pivot: the node with the fewest candidates among it and its conflicts
            pivot = min(
                (*candidates, *excluded),
                key=lambda u: (len(candidates & conflicts[u]) + (u in candidates), order[u]),
            )
            branch = sorted(candidates & (conflicts[pivot] | {pivot}), key=order.__getitem__)
            steps = []
            for v in branch:
                steps.append(
                    (
                        chosen | {v},
                        candidates - conflicts[v] - {v},
                        excluded - conflicts[v] - {v},
                    )
                )
                candidates = candidates - {v}
                excluded = excluded | {v}
            stack.extend(reversed(steps))

    return sets()


def consistency_of(
    essays: Iterable[str], conflicts: Iterable[Conflict], limit: int = 1000
) -> Consistency:
    """Group conflicts by the essays they oppose and find the maximal consistent subsets.

    A large corpus can have exponentially many maximal consistent subsets; at most
    ``limit`` are listed (``truncated`` says whether there were more). Conflicts with an
    essay not in ``essays`` are ignored.

    >>> [sorted(s) for s in consistency_of(["a", "b", "c"], []).maximal]
    [['a', 'b', 'c']]
    """
    names = tuple(sorted(essays))
    considered = set(names)
    clashes: dict[tuple[str, str], list[Conflict]] = {}
    selves: dict[str, list[Conflict]] = {}
    later: dict[tuple[str, str], list[Conflict]] = {}
    for conflict in conflicts:
        for a, b in conflict.pairs:
            if a not in considered or b not in considered:
                continue
            if conflict.hindsight:
                later.setdefault((a, b), []).append(conflict)
                continue
            if a == b:
                selves.setdefault(a, []).append(conflict)
                continue
            pair = (min(a, b), max(a, b))
            if conflict not in clashes.setdefault(pair, []):
                clashes[pair].append(conflict)
    usable = [e for e in names if e not in selves]
    found = list(islice(maximal_independent_sets(usable, clashes), limit + 1))
    maximal = sorted(found[:limit], key=lambda s: (-len(s), sorted(s)))
    return Consistency(
        names,
        {pair: tuple(found) for pair, found in sorted(clashes.items())},
        {essay: tuple(found) for essay, found in sorted(selves.items())},
        tuple(maximal),
        truncated=len(found) > limit,
        later_evidence={pair: tuple(found) for pair, found in sorted(later.items())},
    )


def consistency(
    source: Corpus | Reading,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
    limit: int = 1000,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
) -> Consistency:
    """Which essays of a corpus (or reading) can be held together (see :func:`consistency_of`).

    Only the maps whose role is in ``roles`` are considered: essays by default;
    ``roles=("essay", "comments")`` includes reader comments.
    """
    chosen = parse_roles(roles)
    found = as_reading(source, semantics, support, mode=mode, timeout=timeout)
    maps = found.corpus.maps
    result = consistency_of([m.id for m in maps if m.role in chosen], conflicts_of(found), limit)
    left_out = tuple(m.id for m in maps if m.role not in chosen)
    return attrs.evolve(result, left_out=left_out)

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

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

import attrs
import networkx as nx

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

__all__ = ["Consistency", "consistency", "consistency_of"]


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
    compatible: nx.Graph[str] = nx.Graph()
    compatible.add_nodes_from(usable)
    compatible.add_edges_from(
        (a, b) for i, a in enumerate(usable) for b in usable[i + 1 :] if (a, b) not in clashes
    )
    cliques = islice(nx.find_cliques(compatible), limit + 1) if usable else iter([[]])
    found = [frozenset(clique) for clique in cliques]
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

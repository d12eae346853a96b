"""Merging the essays' frameworks into one (Coste-Marquis et al., AIJ 171, 2007).

Each essay contributes its own attack graph (under the chosen reading of support) over the
merged node ids. Over all arguments, essay ``E`` has a view of each pair ``(a, b)``: attack
or no attack when it contains both arguments, ignorance otherwise. The distance from a
candidate framework to an essay counts the pairs on which they disagree (ignorance costs
nothing). A merging operator picks the candidates closest to the profile:

- ``sum``: least total distance: an attack is kept when more of the essays that contain both
  arguments assert it than deny it (a tie leaves both options open);
- ``max``: least largest distance to any one essay;
- ``leximax``: least sorted vector of distances, largest first (refines ``max``).

Under the defeasible reading an essay's framework is that of its argument trees
(:mod:`argmap.bipolar.trees`), each named in merged ids by its conclusion and the reasons it
uses, so that two essays share an argument when they conclude the same node by the same
reasons; a node is accepted when an argument concluding it is (refused beyond
:data:`argmap.bipolar.trees.LIMIT` trees per essay). The other readings use their attack
graphs over the merged nodes.

Only pairs on which the essays disagree are searched; every candidate follows the essays
where they agree (for ``sum`` and ``leximax`` that loses no optimum; for ``max`` it picks
the optima that do so). Pairs no essay knows are taken as no attack. ``max`` and
``leximax`` search all combinations of the disputed pairs, so they refuse more than
:data:`MAX_DISPUTED` of them; ``sum`` decides pair by pair and only enumerates ties.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Any

import attrs

from argmap.analysis.merge import MergedCorpus, merge
from argmap.bipolar import attack_graph, trees
from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap, Corpus, NodeRef
from argmap.options import (
    DEFAULT_ROLES,
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    FusionOperator,
    Role,
    Semantics,
    Status,
    Support,
    parse_roles,
)
from argmap.semantics import extensions
from argmap.semantics.sat import Deadline

__all__ = ["MAX_DISPUTED", "Fusion", "fuse"]

MAX_DISPUTED = 16
"""The most disputed pairs (or, for ``sum``, tied pairs) searched exhaustively."""

Pair = tuple[str, str]


@attrs.frozen(eq=False)
class Fusion:
    """The frameworks a merging operator selects, and what they accept."""

    operator: FusionOperator
    semantics: Semantics
    arguments: tuple[str, ...]
    agreed: frozenset[Pair]
    """Attacks every essay containing both arguments asserts (and at least one does)."""
    disputed: tuple[Pair, ...]
    """Pairs on which the essays that contain both arguments disagree."""
    frameworks: tuple[AF, ...]
    """The selected frameworks (several when the operator ties)."""
    distances: tuple[tuple[int, ...], ...]
    """Per selected framework, its distance to each essay (in corpus order)."""
    extensions: tuple[tuple[frozenset[str], ...], ...]
    """Per selected framework, its extensions."""
    conclusions: dict[str, str] = attrs.field(factory=dict)
    """Argument → the merged node it concludes, where they differ (argument trees)."""
    essays: tuple[str, ...] = ()
    """The maps merged (by role: essays by default), in corpus order; ``distances`` follow it."""

    def _accepted(self) -> list[frozenset[str]]:
        """Per extension of every selected framework, the nodes its arguments conclude."""
        return [
            frozenset(self.conclusions.get(a, a) for a in e)
            for found in self.extensions
            for e in found
        ]

    @property
    def skeptical(self) -> frozenset[str]:
        """The nodes concluded in every extension of every selected framework."""
        every = self._accepted()
        return frozenset.intersection(*every) if every else frozenset()

    @property
    def credulous(self) -> frozenset[str]:
        """The nodes concluded in some extension of some selected framework."""
        return frozenset().union(*self._accepted())

    def status(self, node: str) -> Status:
        """``skeptical``, ``credulous`` or ``rejected`` across the selected frameworks."""
        if node in self.skeptical:
            return Status.SKEPTICAL
        return Status.CREDULOUS if node in self.credulous else Status.REJECTED

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "operator": str(self.operator),
            "essays": list(self.essays),
            "semantics": str(self.semantics),
            "disputed": [list(p) for p in self.disputed],
            "frameworks": [
                {
                    "attacks": sorted(map(list, af.attacks)),
                    "distances": list(d),
                    "extensions": [sorted(e) for e in found],
                }
                for af, d, found in zip(
                    self.frameworks, self.distances, self.extensions, strict=True
                )
            ],
            "skeptical": sorted(self.skeptical),
            "credulous": sorted(self.credulous),
        }


Profile = list[tuple[frozenset[str], frozenset[Pair]]]


def _tree_profile(
    maps: Iterable[ArgumentMap], merged: MergedCorpus
) -> tuple[Profile, dict[str, str]]:
    """Per essay: its argument trees and their attacks, named in merged ids.

    A tree with no reason is named by its node; any other by its conclusion and its
    reasons (premises → conclusion, merged), so that essays stating the same reasons share it.
    """
    profile: Profile = []
    conclusions: dict[str, str] = {}
    for m in maps:
        graph = ReasonGraph.of(m)
        af, found = trees.argument_framework(graph)

        def node(local: str, essay: str = m.id) -> str:
            return merged.node_of[NodeRef(essay, local)]

        reason = {
            r.id: f"{' + '.join(sorted({node(p) for p in r.premises}))} -> {node(r.conclusion)}"
            for r in graph.reasons
        }
        names = {
            a: node(t.conclusion)
            if not t.reasons
            else f"{node(t.conclusion)} ⇐ {'; '.join(sorted(reason[r] for r in t.reasons))}"
            for a, t in found.items()
        }
        conclusions.update({names[a]: node(t.conclusion) for a, t in found.items() if t.reasons})
        attacks = frozenset((names[a], names[b]) for a, b in af.attacks)
        profile.append((frozenset(names.values()), attacks))
    return profile, conclusions


def _profile(maps: Iterable[ArgumentMap], merged: MergedCorpus, support: Support) -> Profile:
    """Per essay: its arguments and attacks, as merged ids (its reified supports its own)."""
    profile = []
    for m in maps:
        graph = attack_graph(m, support)

        def name(argument: str, essay: str = m.id) -> str:
            ref = NodeRef(essay, argument)
            return merged.node_of.get(ref, str(ref))

        arguments = frozenset(name(a) for a in graph.arguments)
        attacks = frozenset((name(a.attacker), name(a.target)) for a in graph.attacks)
        profile.append((arguments, attacks))
    return profile


def _votes(
    profile: list[tuple[frozenset[str], frozenset[Pair]]], pairs: Iterable[Pair]
) -> dict[Pair, tuple[int, int]]:
    """Per pair: how many essays containing both arguments assert, and deny, the attack."""
    votes = {}
    for a, b in pairs:
        knowing = [attacks for arguments, attacks in profile if a in arguments and b in arguments]
        yes = sum((a, b) in attacks for attacks in knowing)
        votes[(a, b)] = (yes, len(knowing) - yes)
    return votes


def fuse(
    corpus: Corpus,
    operator: str | FusionOperator = FusionOperator.SUM,
    *,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
) -> Fusion:
    """Merge the essays' frameworks with a Coste-Marquis operator and compute extensions.

    Only the maps whose role is in ``roles`` take part (essays by default, as in
    :func:`~argmap.analysis.consensus.consensus`); ``roles=("essay", "comments")`` merges
    reader comments too.

    Raises
    ------
    ArgmapError
        For an unknown operator, or too many disputed pairs to search.
    """
    operator = FusionOperator.parse(operator)
    chosen = Semantics.parse(semantics)
    deadline = Deadline(timeout)
    counted = [m for m in corpus.maps if m.role in parse_roles(roles)]
    merged = merge(corpus)
    reading = Support.parse(support)
    conclusions: dict[str, str] = {}
    if reading is Support.DEFEASIBLE:
        profile, conclusions = _tree_profile(counted, merged)
    else:
        profile = _profile(counted, merged, reading)
    arguments = tuple(sorted(frozenset().union(*(a for a, _ in profile))))
    # only pairs inside some essay can be known; of those, only asserted ones can be disputed
    candidates = {pair for _, attacks in profile for pair in attacks}
    votes = _votes(profile, candidates)
    agreed = frozenset(p for p, (yes, no) in votes.items() if no == 0)
    disputed = tuple(sorted(p for p, (yes, no) in votes.items() if yes and no))
    if operator is FusionOperator.SUM:
        fixed = agreed | {p for p in disputed if votes[p][0] > votes[p][1]}
        free = [p for p in disputed if votes[p][0] == votes[p][1]]
    else:
        fixed, free = agreed, list(disputed)
    if len(free) > MAX_DISPUTED:
        raise ArgmapError(
            f"{len(free)} disputed attacks to search (at most {MAX_DISPUTED}): "
            f"the '{operator}' merge is intractable here; try 'sum'"
        )
    scored = []
    for choice in product((False, True), repeat=len(free)):
        deadline.remaining()
        attacks = fixed | {p for p, keep in zip(free, choice, strict=True) if keep}
        distances = tuple(
            _distance(attacks, arguments_e, attacks_e) for arguments_e, attacks_e in profile
        )
        scored.append((attacks, distances))
    key = _OBJECTIVES[operator]
    best = min(key(d) for _, d in scored)
    chosen_frameworks = [(attacks, d) for attacks, d in scored if key(d) == best]
    frameworks = tuple(AF(arguments, sorted(attacks)) for attacks, _ in chosen_frameworks)
    found = tuple(tuple(extensions(af, chosen, timeout=deadline.remaining())) for af in frameworks)
    return Fusion(
        operator,
        chosen,
        arguments,
        agreed,
        disputed,
        frameworks,
        tuple(d for _, d in chosen_frameworks),
        found,
        conclusions,
        tuple(m.id for m in counted),
    )


def _total(d: tuple[int, ...]) -> tuple[int, ...]:
    return (sum(d),)


def _largest(d: tuple[int, ...]) -> tuple[int, ...]:
    return (max(d, default=0),)


def _sorted_down(d: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted(d, reverse=True))


_OBJECTIVES = {
    FusionOperator.SUM: _total,
    FusionOperator.MAX: _largest,
    FusionOperator.LEXIMAX: _sorted_down,
}
"""What each operator minimises, from the distances to the essays."""


def _distance(attacks: frozenset[Pair], arguments: frozenset[str], known: frozenset[Pair]) -> int:
    """Pairs inside an essay's arguments on which a framework and the essay disagree."""
    mine = {(a, b) for a, b in attacks if a in arguments and b in arguments}
    return len(mine ^ known)

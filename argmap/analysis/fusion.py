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
from argmap.bipolar import attack_graph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import Corpus, NodeRef
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, FusionOperator, Semantics, Support
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

    @property
    def skeptical(self) -> frozenset[str]:
        """The arguments in every extension of every selected framework."""
        every = [e for found in self.extensions for e in found]
        return frozenset.intersection(*every) if every else frozenset()

    @property
    def credulous(self) -> frozenset[str]:
        """The arguments in some extension of some selected framework."""
        return frozenset().union(*(e for found in self.extensions for e in found))

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "operator": str(self.operator),
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


def _profile(
    corpus: Corpus, merged: MergedCorpus, support: Support
) -> list[tuple[frozenset[str], frozenset[Pair]]]:
    """Per essay: its arguments and attacks, as merged ids (its reified supports its own)."""
    profile = []
    for m in corpus.maps:
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
) -> Fusion:
    """Merge the essays' frameworks with a Coste-Marquis operator and compute extensions.

    Raises
    ------
    ArgmapError
        For an unknown operator, or too many disputed pairs to search.
    """
    operator = FusionOperator.parse(operator)
    chosen = Semantics.parse(semantics)
    deadline = Deadline(timeout)
    merged = merge(corpus)
    profile = _profile(corpus, merged, Support.parse(support))
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

"""What each essay accepts on its own terms, and where its own recommendations clash.

An essay *accepts* a node when the node is in its map's extensions under the chosen
semantics and reading of support: in every extension (``skeptical``, the default) or in
some (``credulous``). For single-status semantics (grounded, ideal, eager) the two agree.

An essay has an *internal tension* when no extension of its own map contains all of its
recommendations: they are not jointly acceptable.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.analysis.merge import readonly
from argmap.bipolar import attack_graph, extensions
from argmap.model import ArgumentMap
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Acceptance, Semantics, Support

__all__ = ["EssayStatus", "Tension", "essay_status"]


@attrs.frozen
class Tension:
    """Recommendations of one essay that its own map does not accept together."""

    essay: str
    recommendations: tuple[str, ...]
    """The essay's recommendations missing from the extension that keeps the most of them."""
    attackers: Mapping[str, tuple[str, ...]] = attrs.field(eq=False, converter=readonly)
    """For each, its attackers inside that extension (empty: it is merely undecided)."""

    def describe(self) -> str:
        """The tension in words."""
        parts = []
        for r in self.recommendations:
            by = self.attackers.get(r, ())
            parts.append(f"{r} (attacked by {', '.join(by)})" if by else f"{r} (undecided)")
        return f"{self.essay}: its recommendations are not jointly acceptable: " + "; ".join(parts)


@attrs.frozen(eq=False)
class EssayStatus:
    """One essay's extensions and what it accepts."""

    essay: str
    semantics: Semantics
    support: Support
    extensions: tuple[frozenset[str], ...]
    tension: Tension | None

    @property
    def skeptical(self) -> frozenset[str]:
        """The nodes in every extension."""
        if not self.extensions:
            return frozenset()
        return frozenset.intersection(*self.extensions)

    @property
    def credulous(self) -> frozenset[str]:
        """The nodes in some extension."""
        return frozenset().union(*self.extensions)

    def accepted(self, mode: str | Acceptance = Acceptance.SKEPTICAL) -> frozenset[str]:
        """The accepted nodes in ``mode`` (``skeptical`` or ``credulous``).

        Raises
        ------
        ArgmapError
            For an unknown mode.
        """
        if Acceptance.parse(mode) is Acceptance.SKEPTICAL:
            return self.skeptical
        return self.credulous


def essay_status(
    m: ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    timeout: float | None = None,
) -> EssayStatus:
    """Compute an essay's extensions, and its internal tension if it has one.

    >>> import argmap
    >>> m = argmap.map_from_yaml('''
    ... id: toy
    ... title: Toy
    ... nodes:
    ...   - {id: r1, kind: recommendation, text: Raise taxes., actors: [State]}
    ...   - {id: r2, kind: recommendation, text: Cut taxes., actors: [State]}
    ... edges:
    ...   - attack: r1 -> r2
    ... ''')
    >>> essay_status(m).tension.describe()
    'toy: its recommendations are not jointly acceptable: r2 (attacked by r1)'
    """
    chosen, reading = Semantics.parse(semantics), Support.parse(support)
    found = tuple(extensions(m, chosen, support=reading, timeout=timeout))
    recommendations = [r.id for r in m.recommendations]
    tension = None
    if recommendations and not any(set(recommendations) <= e for e in found):
        best = max(found, key=lambda e: sum(r in e for r in recommendations), default=frozenset())
        missing = tuple(r for r in recommendations if r not in best)
        graph = attack_graph(m, reading)
        attackers = {
            r: tuple(
                dict.fromkeys(
                    graph.conclusion(a.attacker)
                    for a in graph.attacks
                    if graph.conclusion(a.target) == r and graph.conclusion(a.attacker) in best
                )
            )
            for r in missing
        }
        tension = Tension(m.id, missing, attackers)
    return EssayStatus(m.id, chosen, reading, found, tension)

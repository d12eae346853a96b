"""Consensus recommendations: what the essays recommend together, and what defeats it.

Recommendations are grouped by equivalence (one merged node per group). For each group:

- its *endorsers* are the essays that state it and accept it in their own map;
- its *opposers* are the other essays that accept a node attacking it: directly in the
  merged map, or by a derived attack that makes a conflict (see
  :mod:`argmap.analysis.conflicts`); an endorser that rejects another essay's reasons for
  it is not an opposer;
- its *status* is skeptical, credulous or rejected in the merged framework, with an
  explanation naming the attackers and defenders that decide it.

An aggregation rule picks the consensus among the groups, for ``n`` essays:

- ``unanimity``: every essay endorses it;
- ``majority``: more than half of the essays endorse it;
- ``quorum``: at least ``k`` essays endorse it;
- ``skeptical``: it is in every extension of the merged framework (nothing accepted
  defeats it there).

The three counting rules look at endorsements only (so unanimity ⊆ majority ⊆ quorum 1, and
adding an essay never adds to the unanimous set); ``skeptical`` weighs the arguments.
Groups are ranked by how many essays endorse them, then by how few oppose them.

Only maps whose :class:`~argmap.options.Role` is among ``roles`` count (essays by default):
they make the ``n`` above and the endorsers and opposers. Reader comments are left out
unless asked for; a recommendation endorsed only by maps left out still appears, with
those maps under ``uncounted_endorsers`` (and ``uncounted_opposers``).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import attrs

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.merge import readonly
from argmap.analysis.reading import Reading, as_reading
from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.explanation import Explanation
from argmap.gradual import settled_strengths
from argmap.model import Corpus, NodeKind, NodeRef
from argmap.options import (
    DEFAULT_ROLES,
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    ConsensusRule,
    GradualSemantics,
    Role,
    Semantics,
    Status,
    Support,
    parse_roles,
)

__all__ = ["Consensus", "ConsensusItem", "Stance", "combined", "consensus", "consensus_of"]


class Stance(enum.StrEnum):
    """Where one essay stands on one recommendation group: a cell of the matrix."""

    ENDORSES = "endorses"
    """The essay states the recommendation (a member of the group) and accepts it."""
    OPPOSES = "opposes"
    """The essay accepts a node attacking it, or undermining what it rests on."""
    SILENT = "silent"
    """Neither."""

    @property
    def mark(self) -> str:
        """One character for the terminal: ``+``, ``-`` or ``.``."""
        return {"endorses": "+", "opposes": "-", "silent": "."}[self.value]


@attrs.frozen(eq=False)
class ConsensusItem:
    """One recommendation (or equivalence group of them) across the corpus."""

    node: str
    """The merged node."""
    text: str
    members: tuple[NodeRef, ...]
    endorsers: tuple[str, ...]
    opposers: tuple[str, ...]
    status: Status
    explanation: Explanation
    uncounted_endorsers: tuple[str, ...] = ()
    """Maps left out of the count (comments, by default) that state and accept it."""
    uncounted_opposers: tuple[str, ...] = ()
    """Maps left out of the count that oppose it."""
    later_evidence: tuple[str, ...] = ()
    """Essays whose report of later events (a ``hindsight`` relation) tells against it: not
    opposers, since they did not disagree with its authors when it was written."""

    @property
    def only_uncounted(self) -> bool:
        """Whether only maps left out of the count (no counted essay) endorse it."""
        return not self.endorsers and bool(self.uncounted_endorsers)

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready data."""
        return {
            "node": self.node,
            "text": self.text,
            "members": [str(m) for m in self.members],
            "endorsers": list(self.endorsers),
            "opposers": list(self.opposers),
            "uncounted_endorsers": list(self.uncounted_endorsers),
            "uncounted_opposers": list(self.uncounted_opposers),
            "only_uncounted": self.only_uncounted,
            "later_evidence": list(self.later_evidence),
            "status": self.status,
            "explanation": self.explanation.to_dict(),
        }


def _readonly_rows(value: Mapping[str, Mapping[str, float]]) -> Mapping[str, Mapping[str, float]]:
    return readonly({k: readonly(row) for k, row in value.items()})


@attrs.frozen(eq=False)
class Consensus:
    """Every recommendation group, ranked, and those the rule selects."""

    rule: ConsensusRule
    quorum: int | None
    essays: int
    """How many maps are counted (those whose role is in ``roles``)."""
    items: tuple[ConsensusItem, ...]
    selected: tuple[ConsensusItem, ...]
    roles: tuple[Role, ...] = DEFAULT_ROLES
    """The roles of the maps counted."""
    counted: tuple[str, ...] = ()
    """The ids of the maps counted."""
    left_out: tuple[str, ...] = ()
    """The ids of the maps left out of the count (their role is not in ``roles``)."""
    strength: GradualSemantics | None = None
    """The gradual semantics of :attr:`strengths`, if strengths were asked for
    (:meth:`with_strengths`)."""
    strengths: Mapping[str, Mapping[str, float]] = attrs.field(
        factory=dict, converter=_readonly_rows
    )
    """Recommendation group → essay → how strongly the essay's own statement of it stands in
    the essay's map: the strength of its member there (the strongest, if it has several)."""

    def with_strengths(
        self,
        corpus: Corpus | Reading,
        semantics: str | GradualSemantics = GradualSemantics.DFQUAD,
        *,
        graded: Mapping[str, Mapping[str, float] | None] | None = None,
    ) -> Consensus:
        """The same consensus with each group's strength in each essay that states it.

        A strength is read in the essay's own map (:func:`~argmap.gradual.map_strengths`),
        from its weights and its reasons and objections, not from the other essays'; an
        essay whose strengths do not settle (a cycle) gets none. ``graded``: essays'
        strengths under ``semantics`` already computed (essay id → strengths, ``None`` where
        they do not settle), not computed again.

        >>> import argmap
        >>> corpus = argmap.Corpus(
        ...     [argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")])])
        >>> dict(consensus(corpus).with_strengths(corpus, "euler").strengths["a:r"])
        {'a': 0.5}
        """
        chosen = GradualSemantics.parse(semantics)
        source = corpus.corpus if isinstance(corpus, Reading) else corpus
        wanted = {m.essay for i in self.items for m in i.members}
        known = graded or {}
        essays = {
            m.id: known[m.id] if m.id in known else settled_strengths(m, chosen)
            for m in source.maps
            if m.id in wanted
        }
        found: dict[str, dict[str, float]] = {}
        for item in self.items:
            row = found.setdefault(item.node, {})
            for ref in item.members:
                value = (essays.get(ref.essay) or {}).get(ref.node)
                if value is not None:
                    row[ref.essay] = max(value, row.get(ref.essay, 0.0))
        return attrs.evolve(self, strength=chosen, strengths=found)

    def stance(self, item: ConsensusItem, essay: str) -> Stance:
        """Whether ``essay`` endorses, opposes or is silent on ``item``."""
        if essay in item.endorsers:
            return Stance.ENDORSES
        return Stance.OPPOSES if essay in item.opposers else Stance.SILENT

    def matrix(self) -> dict[str, Any]:
        """Recommendation groups by counted essays: who endorses, opposes, or is silent.

        Rows follow the ranking of ``items``; columns are the counted maps, in corpus order.
        As JSON-ready data: ``{"essays": [...], "rows": [{"node": ..., "cells": {essay:
        "endorses" | "opposes" | "silent"}}]}``; with :attr:`strengths`, each row also has
        ``"strengths": {essay: value}`` for the counted essays that state it.

        >>> import argmap
        >>> corpus = argmap.Corpus(
        ...     [argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")]),
        ...      argmap.ArgumentMap("b", "B", [argmap.Node("x", "claim", "Acting fails.")])],
        ...     relations=[argmap.Relation("attack", "b:x", "a:r")])
        >>> consensus(corpus).matrix()["rows"]
        [{'node': 'a:r', 'cells': {'a': 'endorses', 'b': 'opposes'}}]
        """
        rows: list[dict[str, Any]] = []
        for i in self.items:
            row: dict[str, Any] = {
                "node": i.node,
                "cells": {e: str(self.stance(i, e)) for e in self.counted},
            }
            if self.strength is not None:
                graded = self.strengths.get(i.node, {})
                row["strengths"] = {e: graded[e] for e in self.counted if e in graded}
            rows.append(row)
        return {"essays": list(self.counted), "rows": rows}

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {
            "rule": str(self.rule),
            "quorum": self.quorum,
            "essays": self.essays,
            "roles": [str(r) for r in self.roles],
            "counted": list(self.counted),
            "left_out": list(self.left_out),
            "consensus": [i.node for i in self.selected],
            "strength": None if self.strength is None else str(self.strength),
            "recommendations": [i.to_dict() for i in self.items],
            "matrix": self.matrix(),
        }


def _passes(item: ConsensusItem, rule: ConsensusRule, n: int, k: int | None) -> bool:
    endorsed = len(item.endorsers)
    if rule is ConsensusRule.UNANIMITY:
        return endorsed == n
    if rule is ConsensusRule.MAJORITY:
        return 2 * endorsed > n
    if rule is ConsensusRule.QUORUM:
        return k is not None and endorsed >= k
    return item.status is Status.SKEPTICAL


def _undermining(
    reading: Reading, opposing: dict[str, set[str]], later: dict[str, set[str]]
) -> None:
    """Under the defeasible reading, who attacks what a recommendation rests on opposes it.

    An essay that accepts an attacker of a node (or an undercutter of a reason) that every
    argument for a recommendation uses opposes that recommendation, as an attack on it would;
    through a hindsight relation, it is later evidence instead.
    """
    merged = reading.merged
    graph = ReasonGraph.of(merged.map)
    hindsight = {(e.source, e.target) for e in merged.map.attacks if e.key in merged.hindsight}
    against: dict[str, set[str]] = {}
    afterwards: dict[str, set[str]] = {}
    for attacker, target in (*graph.attacks, *graph.undercuts):
        side = afterwards if (attacker, target) in hindsight else against
        side.setdefault(target, set()).update(reading.accepting(attacker))
    for node in merged.map.recommendations:
        for used in graph.rests_on(node.id):
            opposing.setdefault(node.id, set()).update(against.get(used, ()))
            later.setdefault(node.id, set()).update(afterwards.get(used, ()))


def _opposition(
    reading: Reading, conflicts: Iterable[Conflict]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Node → the essays opposing it, and node → the essays with later evidence against it."""
    merged = reading.merged
    opposing: dict[str, set[str]] = {}
    later: dict[str, set[str]] = {}
    for edge in merged.map.attacks:  # the attacks as stated, before any synthetic node
        side = later if edge.key in merged.hindsight else opposing
        side.setdefault(edge.target, set()).update(reading.accepting(edge.source))
    for conflict in conflicts:
        side = later if conflict.hindsight else opposing
        side.setdefault(conflict.target, set()).update(a for a, b in conflict.pairs if a != b)
        if conflict.mutual:  # the target's essays oppose the attacker in return
            side.setdefault(conflict.attacker, set()).update(b for a, b in conflict.pairs if a != b)
    if reading.support is Support.DEFEASIBLE:
        _undermining(reading, opposing, later)
    return opposing, later


def _split(essays: Iterable[str], counted: Collection[str]) -> tuple[tuple[str, ...], ...]:
    """``essays`` sorted, as (those counted, those left out)."""
    ordered = sorted(essays)
    return tuple(e for e in ordered if e in counted), tuple(e for e in ordered if e not in counted)


def consensus_of(
    reading: Reading,
    conflicts: Iterable[Conflict],
    rule: str | ConsensusRule = ConsensusRule.MAJORITY,
    quorum: int | None = None,
    *,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
) -> Consensus:
    """Rank the corpus's recommendations and select the consensus under ``rule``.

    Only the maps whose role is in ``roles`` are counted (see the module docstring).

    Raises
    ------
    ArgmapError
        For an unknown rule or role, or ``quorum`` without a positive ``k``.
    """
    rule = ConsensusRule.parse(rule)
    chosen = parse_roles(roles)
    counted = {m.id for m in reading.corpus.maps if m.role in chosen}
    if rule is ConsensusRule.QUORUM and (quorum is None or quorum < 1):
        raise ArgmapError("the quorum rule needs a quorum of at least 1 essay")
    merged = reading.merged
    opposing, later = _opposition(reading, conflicts)
    items = []
    for node in merged.map.nodes:
        members = merged.members[node.id]
        if not any(reading.corpus.node(m).kind is NodeKind.RECOMMENDATION for m in members):
            continue
        endorsers, other_endorsers = _split(reading.accepting(node.id), counted)
        own = set(reading.accepting(node.id))
        opposers, other_opposers = _split(opposing.get(node.id, set()) - own, counted)
        why = reading.explain(node.id)
        items.append(
            ConsensusItem(
                node.id,
                node.text,
                members,
                endorsers,
                opposers,
                reading.status(node.id),
                why,
                other_endorsers,
                other_opposers,
                tuple(sorted(later.get(node.id, set()) - own - set(opposers))),
            )
        )
    return _ranked(items, reading.corpus, rule, quorum, chosen)


def _ranked(
    items: Iterable[ConsensusItem],
    corpus: Corpus,
    rule: ConsensusRule,
    quorum: int | None,
    chosen: tuple[Role, ...],
) -> Consensus:
    """Items ranked by endorsers, then opposers, and the rule applied to the corpus's count."""
    counted = {m.id for m in corpus.maps if m.role in chosen}
    ranked = sorted(items, key=lambda i: (-len(i.endorsers), len(i.opposers), i.node))
    n = len(counted)
    selected = tuple(i for i in ranked if _passes(i, rule, n, quorum))
    ids = corpus.essay_ids
    return Consensus(
        rule,
        quorum,
        n,
        tuple(ranked),
        selected,
        chosen,
        tuple(e for e in ids if e in counted),
        tuple(e for e in ids if e not in counted),
    )


def combined(
    parts: Iterable[Consensus],
    corpus: Corpus,
    rule: str | ConsensusRule = ConsensusRule.MAJORITY,
    quorum: int | None = None,
    *,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
) -> Consensus:
    """The consensus of a corpus from those of its parts that nothing links.

    Each part (a component of :func:`argmap.batch.components.components`) has its own
    recommendation groups, endorsers, opposers and merged status; ranked together, with
    the rule counting the whole corpus's essays, they are the whole corpus's consensus.

    Raises
    ------
    ArgmapError
        For an unknown rule or role, or ``quorum`` without a positive ``k``.
    """
    chosen_rule = ConsensusRule.parse(rule)
    if chosen_rule is ConsensusRule.QUORUM and (quorum is None or quorum < 1):
        raise ArgmapError("the quorum rule needs a quorum of at least 1 essay")
    items = [i for part in parts for i in part.items]
    return _ranked(items, corpus, chosen_rule, quorum, parse_roles(roles))


def consensus(
    source: Corpus | Reading,
    rule: str | ConsensusRule = ConsensusRule.MAJORITY,
    *,
    quorum: int | None = None,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
    roles: Iterable[str | Role] = DEFAULT_ROLES,
) -> Consensus:
    """The recommendations of a corpus (or reading) ranked, and those ``rule`` selects.

    ``rule`` is ``unanimity``, ``majority``, ``quorum`` (with ``quorum=k``) or ``skeptical``
    (in every extension of the merged framework). Only maps whose role is in ``roles`` are
    counted: essays by default; ``roles=("essay", "comments")`` counts reader comments too.

    >>> import argmap
    >>> corpus = argmap.Corpus(
    ...     [argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")]),
    ...      argmap.ArgumentMap("b", "B", [argmap.Node("x", "recommendation", "Act now.")])],
    ...     equivalences=[argmap.Equivalence(["a:r", "b:x"], id="act")])
    >>> [(i.node, i.endorsers) for i in consensus(corpus, "unanimity").selected]
    [('act', ('a', 'b'))]
    """
    found = as_reading(source, semantics, support, mode=mode, timeout=timeout)
    return consensus_of(found, conflicts_of(found), rule, quorum, roles=roles)

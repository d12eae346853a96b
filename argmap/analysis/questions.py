"""Critical questions: which each recommendation's reasons answer, and which they leave open.

For each recommendation of a map, its *reasons* are the supports that lead to it: those
whose conclusion it is (depth 1), those supporting their premises (depth 2), and so on.
Each reason whose scheme the catalogue knows (:mod:`argmap.schemes`) brings the scheme's
critical questions; a question is *answered* when an edge of the map says it answers it
(``answers:``), else *open*.

Open questions are ranked by how much they matter to the recommendation. A "no" to a
question is read as a new, unattacked claim attacking what the question targets: the
premise filling its role, the reason's conclusion, or the reason itself (an undercut; so
too for a premise the essay leaves unstated). First come the *decisive* questions, whose
"no" would take the recommendation out of the accepted set under the map's semantics (the
question hits a reason it cannot do without), then the others by how far the "no" lowers
the recommendation's DF-QuAD strength (:mod:`argmap.gradual`, the new claim at 0.5), then
by depth.

With ``assume=True`` the open questions enter the semantics, Carneades-style, as undecided
undercutters: each open question becomes a claim that undercuts its reason and is in
mutual attack with its own dismissal, so that nothing settles it either way. The
recommendation's status then says what its acceptance rests on: *accepted* only if no open
question touches a reason it needs.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: g, kind: claim, text: Stability is the goal.}
...   - {id: c, kind: claim, text: Cooperation brings stability.}
...   - {id: x, kind: claim, text: Cooperation provokes China.}
...   - {id: y, kind: claim, text: China is provoked anyway.}
...   - {id: r, kind: recommendation, text: Cooperate., actors: [US]}
... edges:
...   - {support: g + c -> r, id: s, scheme: practical-reasoning,
...      roles: {goal: g, means: c}}
...   - {attack: x -> r}
...   - {attack: y -> x, answers: "s:side-effects"}
... ''')
>>> found = critical_questions(m, assume=True)[0]
>>> found.status, found.assumed, [(q.question.id, q.decisive) for q in found.open][:2]
('in', 'undec', [('other-goals', True), ('alternatives', True)])
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.bipolar import node_statuses
from argmap.gradual import settled_strengths
from argmap.model import ArgumentMap, Edge, Node
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Semantics, Support
from argmap.schemes import (
    Catalogue,
    CriticalQuestion,
    SchemedReason,
    Target,
    answers_of,
    builtin,
    schemed_reasons,
)

__all__ = ["OpenQuestion", "Questions", "ReasonQuestions", "critical_questions", "with_questions"]


@attrs.frozen
class OpenQuestion:
    """A critical question of a reason that nothing in the map answers, and its weight."""

    reason: str
    question: CriticalQuestion
    depth: int
    """1 for a reason of the recommendation itself, 2 for a reason of one of its premises, …"""
    decisive: bool
    """Whether an unanswered "no" (an unattacked undercut of the reason) would take the
    recommendation out of the accepted set."""
    drop: float | None
    """How far that undercut lowers the recommendation's DF-QuAD strength (``None`` where
    the map's strengths do not settle)."""
    also: tuple[str, ...] = ()
    """Other reasons the same question is asked of: a question on the conclusion is one
    question about the conclusion, whichever of its reasons (of one scheme) raises it."""
    attacks: str = ""
    """What a "no" to it attacks: the premise filling its role, the conclusion, or the
    reason (its key)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "reason": self.reason,
            "also": list(self.also),
            **self.question.to_dict(),
            "attacks": self.attacks,
            "depth": self.depth,
            "decisive": self.decisive,
            "strength_drop": self.drop,
        }


@attrs.frozen
class ReasonQuestions:
    """One schemed reason on the way to a recommendation: its questions, answered or open."""

    reason: SchemedReason
    depth: int
    answered: dict[str, tuple[str, ...]]
    """Question id → the keys of the edges that answer it."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "reason": self.reason.key,
            "scheme": self.reason.scheme.id,
            "roles": dict(self.reason.roles),
            "depth": self.depth,
            "questions": [
                {**q.to_dict(), "answered_by": list(self.answered.get(q.id, ()))}
                for q in self.reason.scheme.questions
            ],
        }


@attrs.frozen
class Questions:
    """A recommendation's schemed reasons, and its open critical questions, most telling first."""

    recommendation: Node
    status: str
    """Its status under the semantics asked (``in``/``out``/``undec``, or skeptical, …)."""
    reasons: tuple[ReasonQuestions, ...]
    open: tuple[OpenQuestion, ...]
    unschemed: tuple[str, ...]
    """The keys of its own reasons (depth 1) that name no scheme the catalogue knows."""
    assumed: str | None = None
    """Its status with every open question entered as an undecided undercutter, if asked."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``argmap questions --json`` prints it."""
        return {
            "recommendation": self.recommendation.id,
            "text": self.recommendation.text,
            "status": self.status,
            "reasons": [r.to_dict() for r in self.reasons],
            "open": [q.to_dict() for q in self.open],
            "unschemed": list(self.unschemed),
            "assumed_status": self.assumed,
        }


def _reasons_to(m: ArgumentMap, target: str) -> list[tuple[Edge, int]]:
    """The supports leading to ``target``, nearest first, each with its depth."""
    into: dict[str, list[Edge]] = {}
    for e in m.supports:
        into.setdefault(e.target, []).append(e)
    found: dict[str, tuple[Edge, int]] = {}
    frontier, depth = [target], 1
    while frontier:
        following: list[str] = []
        for node in frontier:
            for e in into.get(node, ()):
                if e.key not in found:
                    found[e.key] = (e, depth)
                    following.extend(e.premises)
        frontier, depth = following, depth + 1
    return list(found.values())


_ACCEPTED = {"in", "skeptical"}


def _named(
    nodes: list[Node], edges: list[Edge], key: str, renamed: dict[str, str] | None = None
) -> str:
    """The id an attack on node or reason ``key`` targets; a reason without an id gets one.

    (An undercut names its reason by id; a support without one has no undercut yet, so it
    can take a fresh id unnoticed.) ``renamed`` remembers the ids given, for the next call.
    """
    renamed = {} if renamed is None else renamed
    if key in renamed:
        return renamed[key]
    taken = {n.id for n in nodes} | {e.key for e in edges}
    for i, e in enumerate(edges):
        if e.key == key and e.id is None:
            n = 1
            while f"reason-{n}" in taken:
                n += 1
            edges[i] = attrs.evolve(e, id=f"reason-{n}")
            renamed[key] = f"reason-{n}"
            return renamed[key]
    return key


def _challenged(m: ArgumentMap, target: str, weight: float | None = None) -> ArgumentMap:
    """The map with one new unattacked claim attacking ``target`` (a node, or a reason)."""
    nodes, edges = list(m.nodes), list(m.edges)
    aimed = _named(nodes, edges, target)
    n = 0
    while f"open-question-{n}" in m:
        n += 1
    claim = Node(f"open-question-{n}", "claim", "An open critical question.", weight=weight)
    return ArgumentMap(m.id, m.title, [*nodes, claim], [*edges, Edge("attack", claim.id, aimed)])


def _aimed_at(reason: SchemedReason, question: CriticalQuestion) -> str:
    """What a "no" to the question attacks.

    The premise of its role, the conclusion, or the reason itself (an undercut; also for a
    premise the essay leaves unstated).
    """
    if question.target is Target.CONCLUSION:
        return reason.edge.target
    if question.target is Target.PREMISE:
        premise = reason.roles.get(question.role or "")
        if premise is not None:
            return premise
    return reason.key


def _instance(reason: SchemedReason, question: CriticalQuestion) -> tuple[str, str]:
    """Which question is asked: of the conclusion (whichever reason asks), or of the reason."""
    if question.target is Target.CONCLUSION:
        return reason.edge.target, question.id
    return reason.key, question.id


def _answered_instances(
    schemed: dict[str, SchemedReason], answered: dict[tuple[str, str], list[str]]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """The questions the map answers (see :func:`_instance`) → the edges answering them."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for (key, question_id), keys in answered.items():
        question = schemed[key].scheme.question(question_id)
        if question is not None:
            instance = _instance(schemed[key], question)
            found[instance] = (*found.get(instance, ()), *keys)
    return found


@attrs.define
class _Asking:
    """What ranking a map's open questions needs: statuses, strengths, the answered ones."""

    m: ArgumentMap
    semantics: Semantics
    support: Support
    timeout: float | None
    schemed: dict[str, SchemedReason]
    settled: dict[tuple[str, str], tuple[str, ...]]
    status: dict[str, str] = attrs.field(init=False)
    strength: dict[str, float] | None = attrs.field(init=False)
    challenged: dict[str, tuple[dict[str, str], dict[str, float] | None]] = attrs.field(
        init=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        self.status = node_statuses(
            self.m, self.semantics, support=self.support, timeout=self.timeout
        )
        self.strength = settled_strengths(self.m)

    def challenge(self, target: str) -> tuple[dict[str, str], dict[str, float] | None]:
        """Statuses and strengths once an unanswered "no" attacks ``target``."""
        if target not in self.challenged:
            changed = _challenged(self.m, target, weight=0.5)
            statuses = node_statuses(
                changed, self.semantics, support=self.support, timeout=self.timeout
            )
            self.challenged[target] = (statuses, settled_strengths(changed))
        return self.challenged[target]

    def ask(
        self,
        recommendation: str,
        reason: SchemedReason,
        depth: int,
        asked: dict[tuple[str, str], OpenQuestion],
    ) -> ReasonQuestions:
        """A reason's questions: the answered ones, and the open ones added to ``asked``."""
        mine = {}
        for q in reason.scheme.questions:
            instance = _instance(reason, q)
            if instance in self.settled:
                mine[q.id] = self.settled[instance]
            elif instance in asked:
                earlier = asked[instance]
                asked[instance] = attrs.evolve(earlier, also=(*earlier.also, reason.key))
            else:
                aimed = _aimed_at(reason, q)
                after, graded = self.challenge(aimed)
                decisive = (
                    self.status[recommendation] in _ACCEPTED
                    and after[recommendation] not in _ACCEPTED
                )
                drop = (
                    self.strength[recommendation] - graded[recommendation]
                    if self.strength and graded
                    else None
                )
                asked[instance] = OpenQuestion(reason.key, q, depth, decisive, drop, (), aimed)
        return ReasonQuestions(reason, depth, mine)


def critical_questions(
    m: ArgumentMap,
    catalogue: Catalogue | None = None,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    assume: bool = False,
    timeout: float | None = None,
) -> list[Questions]:
    """Per recommendation of ``m``: its schemed reasons and its open questions, ranked.

    See the module docstring. ``catalogue`` is the built-in one by default.
    """
    catalogue = catalogue or builtin()
    chosen, reading = Semantics.parse(semantics), Support.parse(support)
    schemed = schemed_reasons(m, catalogue)
    settled = _answered_instances(schemed, answers_of(m, catalogue))
    asking = _Asking(m, chosen, reading, timeout, schemed, settled)
    assumed = (
        node_statuses(with_questions(m, catalogue), chosen, support=reading, timeout=timeout)
        if assume
        else None
    )
    found = []
    for r in m.recommendations:
        reasons, unschemed = [], []
        asked: dict[tuple[str, str], OpenQuestion] = {}
        for edge, depth in _reasons_to(m, r.id):
            reason = schemed.get(edge.key)
            if reason is None:
                if depth == 1:
                    unschemed.append(edge.key)
            else:
                reasons.append(asking.ask(r.id, reason, depth, asked))
        ranked = sorted(asked.values(), key=lambda o: (not o.decisive, -(o.drop or 0.0), o.depth))
        found.append(
            Questions(
                r,
                asking.status[r.id],
                tuple(reasons),
                tuple(ranked),
                tuple(unschemed),
                assumed[r.id] if assumed is not None else None,
            )
        )
    return found


def with_questions(m: ArgumentMap, catalogue: Catalogue | None = None) -> ArgumentMap:
    """The map with each open critical question entered as an undecided attacker.

    Per open question of a schemed reason, two claims attack each other: the question,
    which attacks what a "no" to it would attack (the reason: an undercut; a premise; or
    the conclusion), and its dismissal. Nothing else attacks either, so the question stays
    undecided under grounded and is credulously accepted under preferred: what it attacks
    stands only where the question would be answered in its favour.
    """
    catalogue = catalogue or builtin()
    schemed = schemed_reasons(m, catalogue)
    settled = _answered_instances(schemed, answers_of(m, catalogue))
    nodes: list[Node] = list(m.nodes)
    edges: list[Edge] = list(m.edges)
    taken = {n.id for n in m.nodes} | {e.key for e in m.edges}
    asked: set[tuple[str, str]] = set()
    renamed: dict[str, str] = {}
    count = 0
    for key, reason in schemed.items():
        for q in reason.scheme.questions:
            instance = _instance(reason, q)
            if instance in settled or instance in asked:
                continue
            asked.add(instance)
            count += 1
            while f"cq-{count}" in taken or f"cq-{count}-dismissed" in taken:
                count += 1
            ask, dismiss = f"cq-{count}", f"cq-{count}-dismissed"
            nodes += [
                Node(ask, "claim", f"Open question on {key} ({q.id}): {q.text}"),
                Node(dismiss, "claim", f"The question {q.id} on {key} is answered in its favour."),
            ]
            edges += [
                Edge("attack", ask, _named(nodes, edges, _aimed_at(reason, q), renamed)),
                Edge("attack", ask, dismiss),
                Edge("attack", dismiss, ask),
            ]
    return ArgumentMap(m.id, m.title, nodes, edges)

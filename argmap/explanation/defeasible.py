"""Explanations under the defeasible reading: nodes, their reasons, and who defeats them.

The defeasible engine (:mod:`argmap.bipolar.defeasible`) never builds argument trees, so
explanations are told at the level of the map: a node is accepted (labelled IN) through a
premise or a reason whose premises are accepted and whose attackers and undercutters are
rejected (OUT); rejected when an accepted node attacks it, or every reason for it fails (a
premise rejected, or an accepted undercutter), or nothing can establish it (its reasons
rest on a cycle of support); undecided (UNDEC) otherwise. Each node is explained once (the
steps form a graph, shared where reused), and the steps follow the rounds of the grounded
construction, so an accepted node never rests on itself.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: a, kind: evidence, text: A.}
...   - {id: b, kind: evidence, text: B.}
...   - {id: c, kind: claim, text: C.}
...   - {id: x, kind: claim, text: X.}
... edges:
...   - support: a -> c
...   - support: b -> c
...   - attack: x -> a
... ''')
>>> print(argmap.explain(m, "c"))
c is accepted (grounded): through the reason b -> c, whose premise b is accepted; it has no attackers.
  b is accepted: a premise of the map, unattacked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from argmap.bipolar import defeasible
from argmap.bipolar.reasons import Reason, ReasonGraph
from argmap.errors import ArgmapError
from argmap.explanation.steps import DefenceGraph, Link, Step
from argmap.model import ArgumentMap
from argmap.options import Semantics, Support
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline

T = TypeVar("T")

__all__ = ["DefeasibleBackend", "defeasible_reading"]


@attrs.frozen(eq=False)
class DefeasibleBackend:
    """What :func:`argmap.explanation.explain` asks, answered by the defeasible engine."""

    graph: ReasonGraph
    attackers_of: dict[str, tuple[str, ...]] = attrs.field(init=False)
    undercutters_of: dict[str, tuple[str, ...]] = attrs.field(init=False)
    established: frozenset[str] = attrs.field(init=False)
    _memo: dict[object, object] = attrs.field(init=False, factory=dict, repr=False)
    """What is asked of the whole graph once (the grounded labelling, its ranks), kept for
    the next question: explaining many nodes of one map does not redo it."""

    @attackers_of.default
    def _attackers_of(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for a, b in self.graph.attacks:
            found.setdefault(b, []).append(a)
        return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}

    @undercutters_of.default
    def _undercutters_of(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for u, r in self.graph.undercuts:
            found.setdefault(r, []).append(u)
        return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}

    @established.default
    def _established_default(self) -> frozenset[str]:
        return self.graph.established()

    def check(self, node: str) -> None:
        """Raise :class:`~argmap.errors.ArgmapError` if the map has no such node."""
        if node not in self.graph.nodes:
            raise ArgmapError(f"there is no argument '{node}' to explain")

    def missing(self, node: str) -> str | None:
        """Why no argument concludes the node (its reasons rest on a cycle of support)."""
        if node in self.established:
            return None
        return (
            "no argument concludes it: every reason for it rests on a cycle of support "
            "with no premise below"
        )

    def self_attacking(self, node: str) -> bool:
        """Whether the node attacks itself (so every argument for it attacks itself)."""
        return node in self.attackers_of.get(node, ())

    def single(self, semantics: Semantics, deadline: Deadline) -> frozenset[str]:
        """The extension of a single-status semantics."""

        def compute() -> frozenset[str]:
            (extension,) = defeasible.extensions(
                self.graph, semantics, timeout=deadline.remaining()
            )
            return extension

        return self._once(("single", semantics), compute)

    def _once(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` for the backend's later questions."""
        if key not in self._memo:
            self._memo[key] = compute()
        found: T = self._memo[key]  # type: ignore[assignment]
        return found

    def label(self, node: str, extension: frozenset[str]) -> Label:
        """The node's label in the labelling ``extension`` induces."""
        return defeasible.labelling_of(self.graph, extension)[node]

    def containing(
        self, node: str, semantics: Semantics, deadline: Deadline
    ) -> frozenset[str] | None:
        """An extension that accepts the node, or ``None``."""
        return defeasible.credulous_witness(
            self.graph, node, semantics, timeout=deadline.remaining()
        )

    def lacking(self, node: str, semantics: Semantics, deadline: Deadline) -> frozenset[str] | None:
        """An extension that does not accept the node, or ``None``."""
        return defeasible.skeptical_counterexample(
            self.graph, node, semantics, timeout=deadline.remaining()
        )

    def has_extension(self, semantics: Semantics, deadline: Deadline) -> bool:
        """Whether there is any extension."""
        found = defeasible.iter_extensions(self.graph, semantics, timeout=deadline.remaining())
        return next(found, None) is not None

    def attackers(self, node: str, extension: frozenset[str]) -> tuple[Link, ...]:
        """The nodes of ``extension`` that attack the node."""
        return tuple(Link(a) for a in self.attackers_of.get(node, ()) if a in extension)

    def conclusion(self, argument: str) -> str:
        """Arguments are told by their conclusions: the node itself."""
        return argument

    def elements(self, extension: frozenset[str]) -> frozenset[str]:
        """An extension is a set of nodes already."""
        return extension

    def defence(self, node: str, deadline: Deadline) -> DefenceGraph:
        """The grounded explanation rooted at the node, each node explained once."""

        def compute() -> _Explainer:
            labels = defeasible.labelling_of(self.graph, defeasible.grounded(self.graph))
            return _Explainer(self, labels, _Ranks(self, labels).compute(deadline))

        explainer = self._once("explainer", compute)
        steps: dict[str, Step] = {}
        stack = [node]
        while stack:
            name = stack.pop()
            if name in steps:
                continue
            step = explainer.step(name)
            steps[name] = step
            stack += [
                link.argument for link in reversed(step.because) if link.argument not in steps
            ]
        return DefenceGraph(node, tuple(steps.values()))


def _key(reason: Reason) -> str:
    """A reason as the user reads it: its id if it has one, else ``a + b -> c``."""
    if ":" not in reason.id:
        return reason.id
    return f"{' + '.join(reason.premises)} -> {reason.conclusion}"


def _names(items: Sequence[str]) -> str:
    return ", ".join(items)


@attrs.define
class _Ranks:
    """The round of the grounded construction in which each IN or OUT node is settled.

    An IN node is settled once its attackers are all settled OUT and a reason (or its being
    a premise) is settled; an OUT node once an attacker is settled IN, or every reason for it
    is settled failed. Following ranks downwards never loops.
    """

    backend: DefeasibleBackend
    labels: dict[str, Label]
    rank: dict[str, int] = attrs.Factory(dict)

    def compute(self, deadline: Deadline) -> dict[str, int]:
        """Settle round by round until nothing more settles."""
        nodes = [n for n in self.backend.graph.nodes if self.labels[n] is not Label.UNDEC]
        rounds = 0
        while True:
            deadline.remaining()
            settled = [n for n in nodes if n not in self.rank and self.settle(n)]
            if not settled:
                return self.rank
            self.rank.update(dict.fromkeys(settled, rounds))
            rounds += 1

    def done(self, nodes: Iterable[str], label: Label) -> bool:
        """Whether every one of ``nodes`` is settled with ``label``."""
        return all(n in self.rank and self.labels[n] is label for n in nodes)

    def settle(self, node: str) -> bool:
        """Whether the node's label is settled by what earlier rounds settled."""
        b = self.backend
        if self.labels[node] is Label.IN:
            if not self.done(b.attackers_of.get(node, ()), Label.OUT):
                return False
            reasons = b.graph.reasons_for(node)
            return not reasons or any(self.usable(r) for r in reasons)
        if node not in b.established:
            return True
        if any(self.done([a], Label.IN) for a in b.attackers_of.get(node, ())):
            return True
        reasons = b.graph.reasons_for(node)
        return bool(reasons) and all(self.failed(r) for r in reasons)

    def usable(self, reason: Reason) -> bool:
        undercutters = self.backend.undercutters_of.get(reason.id, ())
        return self.done(reason.premises, Label.IN) and self.done(undercutters, Label.OUT)

    def failed(self, reason: Reason) -> bool:
        undercutters = self.backend.undercutters_of.get(reason.id, ())
        premise_out = any(self.done([p], Label.OUT) for p in reason.premises)
        return premise_out or any(self.done([u], Label.IN) for u in undercutters)


@attrs.frozen
class _Explainer:
    """One node's step, from the grounded labels and ranks."""

    backend: DefeasibleBackend
    labels: dict[str, Label]
    ranks: dict[str, int]

    def rank(self, node: str) -> int:
        return self.ranks.get(node, len(self.ranks) + 1)

    def step(self, node: str) -> Step:
        label = self.labels[node]
        if label is Label.IN:
            return self.accepted(node)
        if label is Label.OUT:
            return self.defeated(node)
        return self.open(node)

    def accepted(self, node: str) -> Step:
        b = self.backend
        attackers = b.attackers_of.get(node, ())
        against = f"every attacker ({_names(attackers)}) is rejected" if attackers else ""
        reasons = [r for r in b.graph.reasons_for(node) if self.holds(r)]
        if not b.graph.reasons_for(node):
            text = (
                f"a premise of the map; {against}."
                if against
                else "a premise of the map, unattacked."
            )
            return Step(node, Label.IN, text, tuple(Link(a) for a in attackers))
        reason = min(reasons, key=lambda r: max((self.rank(p) for p in r.premises), default=0))
        undercutters = b.undercutters_of.get(reason.id, ())
        premises = "premise" if len(reason.premises) == 1 else "premises"
        parts = [
            f"through the reason {_key(reason)}, whose {premises} {_names(reason.premises)} {'is' if len(reason.premises) == 1 else 'are'} accepted"
        ]
        if undercutters:
            parts.append(f"its undercutters {_names(undercutters)} are rejected")
        parts.append(against or "it has no attackers")
        links = [*reason.premises, *undercutters, *attackers]
        return Step(
            node, Label.IN, "; ".join(parts) + ".", tuple(Link(x) for x in dict.fromkeys(links))
        )

    def holds(self, reason: Reason) -> bool:
        undercutters = self.backend.undercutters_of.get(reason.id, ())
        return all(self.labels[p] is Label.IN for p in reason.premises) and all(
            self.labels[u] is Label.OUT for u in undercutters
        )

    def defeated(self, node: str) -> Step:
        b = self.backend
        killers = [a for a in b.attackers_of.get(node, ()) if self.labels[a] is Label.IN]
        if killers:
            killer = min(killers, key=self.rank)
            return Step(
                node, Label.OUT, f"attacked by {killer}, which is accepted.", (Link(killer),)
            )
        missing = b.missing(node)
        if missing is not None:
            return Step(node, Label.OUT, f"{missing}.")
        failures, links = [], []
        for reason in b.graph.reasons_for(node):
            out = [p for p in reason.premises if self.labels[p] is Label.OUT]
            cut = [u for u in b.undercutters_of.get(reason.id, ()) if self.labels[u] is Label.IN]
            why = (
                f"premise {out[0]} is rejected"
                if out
                else f"undercut by {cut[0]}, which is accepted"
            )
            failures.append(f"{_key(reason)} ({why})")
            links.append(out[0] if out else cut[0])
        text = f"every reason for it fails: {'; '.join(failures)}."
        return Step(node, Label.OUT, text, tuple(Link(x) for x in dict.fromkeys(links)))

    def open(self, node: str) -> Step:
        b = self.backend
        open_attackers = [
            a for a in b.attackers_of.get(node, ()) if self.labels[a] is not Label.OUT
        ]
        pending = [
            p
            for r in b.graph.reasons_for(node)
            for p in (*r.premises, *b.undercutters_of.get(r.id, ()))
            if self.labels[p] is Label.UNDEC
        ]
        parts = []
        if open_attackers:
            parts.append(f"attacked by {_names(open_attackers)}, not rejected")
        if pending:
            parts.append(f"its reasons wait on {_names(list(dict.fromkeys(pending)))}, undecided")
        text = "undecided: " + ("; ".join(parts) if parts else "it attacks itself") + "."
        links = [x for x in dict.fromkeys([*open_attackers, *pending]) if x != node]
        return Step(node, Label.UNDEC, text, tuple(Link(x) for x in links))


def defeasible_reading(m: ArgumentMap, support: Support) -> DefeasibleBackend:
    """The defeasible reading's backend for a map."""
    return DefeasibleBackend(ReasonGraph.of(m))

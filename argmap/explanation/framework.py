"""Explanations through an abstract framework: a bare one, or a map's attack graph.

The readings of support that go through an attack graph (``none``, ``deductive``,
``necessary``, ``evidential``) are explained by :class:`FrameworkBackend`: extensions are
the framework's, derived attacks are told by their path, and under evidential support a
node is accepted when one of its supported arguments is.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from argmap.bipolar import AttackKind, DerivedAttack, DerivedGraph, attack_graph
from argmap.errors import ArgmapError
from argmap.explanation.steps import CHECK_EVERY, DefenceGraph, Link, Step, is_, listed
from argmap.framework import AF
from argmap.model import ArgumentMap
from argmap.options import Semantics, Support
from argmap.semantics import (
    credulous_witness,
    extensions,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.grounded import IN, OUT, grounded_ranks
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline, SatFramework

__all__ = ["FrameworkBackend", "framework_reading"]


@attrs.frozen(eq=False)
class FrameworkBackend:
    """Explanations over an abstract framework, bare or the attack graph of a map.

    Parameters
    ----------
    af
        The framework.
    graph
        The map's attack graph under a reading of support, or ``None`` for a bare
        framework; it tells a node's arguments (several under evidential support) and how
        each derived attack arises.
    nodes
        The map's node ids.
    """

    af: AF
    graph: DerivedGraph | None = None
    nodes: frozenset[str] = frozenset()
    """The map's node ids (empty for a bare framework)."""
    derived: dict[tuple[str, str], DerivedAttack] = attrs.field(init=False)
    """For each attack that only the reading implies, its first derivation."""

    @derived.default
    def _derived(self) -> dict[tuple[str, str], DerivedAttack]:
        if self.graph is None:
            return {}
        direct = {(d.attacker, d.target) for d in self.graph.attacks if d.kind is AttackKind.DIRECT}
        found: dict[tuple[str, str], DerivedAttack] = {}
        for d in self.graph.attacks:
            if (d.attacker, d.target) not in direct:
                found.setdefault((d.attacker, d.target), d)
        return found

    def arguments(self, node: str) -> tuple[str, ...]:
        """The framework's arguments that stand for ``node``."""
        if self.graph is None or node in self.af:
            return (node,) if node in self.af else ()
        return self.graph.arguments_for(node)

    def check(self, node: str) -> None:
        """Raise :class:`~argmap.errors.ArgmapError` if there is no such node."""
        if not self.arguments(node) and self.missing(node) is None:
            raise ArgmapError(f"there is no argument '{node}' to explain")

    def missing(self, node: str) -> str | None:
        """Why a node has no argument (no justification under necessary or evidential)."""
        if self.graph is None or self.arguments(node) or node not in self.nodes:
            return None
        if self.graph.support is Support.EVIDENTIAL:
            return (
                "no chain of support links it to evidence, so under evidential support "
                "no argument for it can stand"
            )
        if self.graph.support is Support.NECESSARY:
            return (
                "no justification derives it: its reasons rest on a cycle of support, "
                "and circular support alone establishes nothing"
            )
        return None

    def self_attacking(self, node: str) -> bool:
        """Whether every argument for the node attacks itself."""
        found = [self.af.index[a] for a in self.arguments(node)]
        return bool(found) and all(self.af.attacks_index(a, a) for a in found)

    def single(self, semantics: Semantics, deadline: Deadline) -> frozenset[str]:
        """The extension of a single-status semantics."""
        if semantics is Semantics.GROUNDED:
            labels, _ = grounded_ranks(self.af)
            return self.af.names(i for i, x in enumerate(labels) if x == IN)
        (extension,) = extensions(self.af, semantics, timeout=deadline.remaining())
        return extension

    def label(self, node: str, extension: frozenset[str]) -> Label:
        """IN if an argument for the node is in ``extension``, OUT if all are attacked."""
        found = self.arguments(node)
        if any(a in extension for a in found):
            return Label.IN
        af = self.af
        hit = all(
            any(af.arguments[b] in extension for b in af.attackers[af.index[a]]) for a in found
        )
        return Label.OUT if hit else Label.UNDEC

    def containing(
        self, node: str, semantics: Semantics, deadline: Deadline
    ) -> frozenset[str] | None:
        """An extension with an argument for the node."""
        for a in self.arguments(node):
            found = credulous_witness(self.af, a, semantics, timeout=deadline.remaining())
            if found is not None:
                return found
        return None

    def lacking(self, node: str, semantics: Semantics, deadline: Deadline) -> frozenset[str] | None:
        """An extension with no argument for the node."""
        found = self.arguments(node)
        if len(found) == 1:
            return skeptical_counterexample(
                self.af, found[0], semantics, timeout=deadline.remaining()
            )
        if not found:
            return some_extension(self.af, semantics, timeout=deadline.remaining())
        lacking = _lacking_all(self.af, sorted(self.af.indices(found)), semantics, deadline)
        return None if lacking is None else self.af.names(lacking)

    def has_extension(self, semantics: Semantics, deadline: Deadline) -> bool:
        """Whether there is an extension."""
        return some_extension(self.af, semantics, timeout=deadline.remaining()) is not None

    def how(self, attacker: str, target: str) -> str | None:
        """How a derived attack arises; ``None`` for a direct one."""
        found = self.derived.get((attacker, target))
        return None if found is None else found.describe()

    def attackers(self, node: str, extension: frozenset[str]) -> tuple[Link, ...]:
        """The members of ``extension`` that attack an argument for the node."""
        af, found = self.af, dict[str, Link]()
        for a in self.arguments(node):
            for b in af.attackers[af.index[a]]:
                name = af.arguments[b]
                if name in extension:
                    found.setdefault(name, Link(name, self.how(name, a)))
        return tuple(found.values())

    def conclusion(self, argument: str) -> str:
        """The node an argument stands for."""
        return argument if self.graph is None else self.graph.conclusion(argument)

    def elements(self, extension: frozenset[str]) -> frozenset[str]:
        """A framework's extension as is; a map's as the map elements it accepts."""
        return extension if self.graph is None else self.graph.project(extension)

    def defence(self, node: str, deadline: Deadline) -> DefenceGraph:
        """The grounded defence graph: each argument reached explained once."""
        labels, ranks = grounded_ranks(self.af)
        found = self.arguments(node)
        steps: dict[str, Step] = {}
        if found != (node,):
            steps[node] = self._node_step(node, found, labels)
        stack = [link.argument for link in reversed(steps[node].because)] if steps else [node]
        while stack:
            name = stack.pop()
            if name in steps:
                continue
            if len(steps) % CHECK_EVERY == 0:
                deadline.remaining()
            step = self._step(self.af.index[name], labels, ranks)
            steps[name] = step
            stack += [
                link.argument for link in reversed(step.because) if link.argument not in steps
            ]
        return DefenceGraph(node, tuple(steps.values()))

    def _node_step(self, node: str, found: Sequence[str], labels: list[int]) -> Step:
        """Under evidential support: a node, through its supported arguments."""
        codes = [labels[self.af.index[a]] for a in found]
        accepted = [a for a, x in zip(found, codes, strict=True) if x == IN]
        if accepted:
            return Step(
                node, Label.IN, f"its argument {accepted[0]} is accepted.", (Link(accepted[0]),)
            )
        if not found:
            return Step(node, Label.OUT, f"{self.missing(node)}.")
        open_ = [a for a, x in zip(found, codes, strict=True) if x != OUT]
        if not open_:
            return Step(
                node, Label.OUT, "every argument for it is rejected.", tuple(Link(a) for a in found)
            )
        return Step(
            node,
            Label.UNDEC,
            f"no argument for it is accepted, but {listed(open_)} {is_(open_)} not rejected either.",
            tuple(Link(a) for a in open_),
        )

    def _step(self, a: int, labels: list[int], ranks: list[int]) -> Step:
        """One argument's step in the grounded labelling."""
        af, name = self.af, self.af.arguments[a]
        if labels[a] == IN:
            links = tuple(
                Link(af.arguments[b], self.how(af.arguments[b], name)) for b in af.attackers[a]
            )
            return Step(name, Label.IN, _in_reason(links), links)
        if labels[a] == OUT:
            killer = min(
                (b for b in af.attackers[a] if labels[b] == IN),
                key=lambda b: (ranks[b], self.how(af.arguments[b], name) is not None, b),
            )
            link = Link(af.arguments[killer], self.how(af.arguments[killer], name))
            return Step(name, Label.OUT, f"attacked by {link}, which is accepted.", (link,))
        open_ = [
            Link(af.arguments[b], self.how(af.arguments[b], name))
            for b in af.attackers[a]
            if labels[b] != OUT
        ]
        reason = f"no attacker is accepted, but {listed(open_)} {is_(open_)} not rejected either."
        if af.attacks_index(a, a):
            reason = "it attacks itself. " + reason
        return Step(name, Label.UNDEC, reason, tuple(x for x in open_ if x.argument != name))


def _in_reason(links: Sequence[Link]) -> str:
    """Why an argument whose attackers are all rejected is accepted, and how derived attacks arise."""
    if not links:
        return "it has no attackers."
    derived = [f"{link.argument} by {link.how}" for link in links if link.how is not None]
    return (
        f"every attacker is rejected ({'; '.join(derived)})."
        if derived
        else "every attacker is rejected."
    )


def _lacking_all(
    af: AF, members: list[int], chosen: Semantics, deadline: Deadline
) -> frozenset[int] | None:
    """An extension containing none of ``members``, or ``None`` if every one has one.

    The skeptical question for a node several arguments stand for (evidential support):
    the same SAT procedures as :func:`argmap.semantics.skeptical_counterexample`, under
    the assumption that every member is out of the set.
    """
    if chosen.unique or chosen is Semantics.COMPLETE:
        unique = Semantics.GROUNDED if chosen is Semantics.COMPLETE else chosen
        (extension,) = extensions(af, unique, timeout=deadline.remaining())
        found = af.indices(extension)
        return None if found & set(members) else found
    if chosen in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        return frozenset()  # the empty set is always an extension
    with SatFramework(af, deadline) as sat:
        if chosen is Semantics.STABLE:
            return sat.exists("stable", exclude=members)
        if chosen is Semantics.PREFERRED:
            return sat.preferred_lacking(members)
        base = "complete" if chosen is Semantics.SEMI_STABLE else "conflict-free"
        return sat.range_maximal_under(base, [-sat.IN(a) for a in members])


def framework_reading(m: ArgumentMap, support: Support) -> FrameworkBackend:
    """A reading through the map's attack graph (none, deductive, necessary, evidential)."""
    graph = attack_graph(m, support)
    return FrameworkBackend(graph.af(), graph, frozenset(n.id for n in m.nodes))

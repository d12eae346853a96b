"""A map as reasons: what every reading of support works from.

A *reason* is one or more premises that jointly support one conclusion (a support edge,
with its linked premises). Several reasons for one conclusion are *convergent*: each is
enough on its own. An *attack* goes from a node to a node; an *undercut* from a node to a
reason (it denies that the premises support the conclusion). A node no reason concludes is
a *premise* of the map.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: a, kind: evidence, text: A.}
...   - {id: b, kind: evidence, text: B.}
...   - {id: c, kind: claim, text: C.}
...   - {id: u, kind: claim, text: U.}
... edges:
...   - {support: a -> c, id: r1}
...   - attack: u -> r1
...   - attack: u -> b
... ''')
>>> g = ReasonGraph.of(m)
>>> g.reasons
(Reason(id='r1', premises=('a',), conclusion='c'),)
>>> g.attacks, g.undercuts
((('u', 'b'),), (('u', 'r1'),))
>>> g.premise_nodes()
('a', 'b', 'u')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from argmap.model import ArgumentMap

__all__ = ["Reason", "ReasonGraph"]


@attrs.frozen
class Reason:
    """Premises that jointly support a conclusion; ``id`` is the support edge's key."""

    id: str
    premises: tuple[str, ...]
    conclusion: str


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in value)


@attrs.frozen(slots=False)
class ReasonGraph:
    """Nodes, reasons, attacks between nodes and undercuts of reasons.

    Parameters
    ----------
    nodes
        Node ids, in map order.
    reasons
        Every reason (support edge), in map order.
    attacks
        ``(attacker, attacked)`` node pairs.
    undercuts
        ``(undercutter, reason id)`` pairs.
    """

    nodes: tuple[str, ...] = attrs.field(converter=_names)
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    undercuts: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    @classmethod
    def of(cls, m: ArgumentMap) -> ReasonGraph:
        """The reasons, attacks and undercuts of a map."""
        reasons = [Reason(e.key, e.premises, e.target) for e in m.supports]
        attacks: list[tuple[str, str]] = []
        undercuts: list[tuple[str, str]] = []
        for edge in m.attacks:
            (undercuts if m.is_undercut(edge) else attacks).append((edge.source, edge.target))
        return cls([n.id for n in m.nodes], reasons, attacks, undercuts)

    @functools.cached_property
    def _concluding(self) -> dict[str, tuple[Reason, ...]]:
        """Node → the reasons concluding it, in map order."""
        concluding: dict[str, list[Reason]] = {}
        for r in self.reasons:
            concluding.setdefault(r.conclusion, []).append(r)
        return {node: tuple(found) for node, found in concluding.items()}

    def reasons_for(self, node: str) -> tuple[Reason, ...]:
        """The reasons concluding ``node`` (convergent when more than one)."""
        return self._concluding.get(node, ())

    def established(self, without: frozenset[str] = frozenset()) -> frozenset[str]:
        """The nodes some argument concludes, using no node or reason in ``without``.

        The least fixpoint from the premises: circular support alone establishes nothing.
        (Computed by counting each reason's premises still missing: linear in the graph.)

        >>> g = ReasonGraph(["a", "b", "c"], [Reason("r", ("a",), "c"), Reason("s", ("c",), "b")])
        >>> sorted(g.established()), sorted(g.established(frozenset({"r"})))
        (['a', 'b', 'c'], ['a'])
        """
        found = {n for n in self.premise_nodes() if n not in without}
        missing: list[int] = []
        waiting: dict[str, list[int]] = {}
        usable = [r for r in self.reasons if r.id not in without and r.conclusion not in without]
        for i, r in enumerate(usable):
            premises = set(r.premises)
            missing.append(len(premises))
            for p in premises:
                waiting.setdefault(p, []).append(i)
        todo = list(found)
        while todo:
            for i in waiting.get(todo.pop(), ()):
                missing[i] -= 1
                if missing[i] == 0 and usable[i].conclusion not in found:
                    found.add(usable[i].conclusion)
                    todo.append(usable[i].conclusion)
        return frozenset(found)

    def rests_on(self, node: str) -> frozenset[str]:
        """The other nodes and the reasons that every argument for ``node`` uses.

        Attacking one of them defeats the node (under the defeasible reading); attacking
        one of several convergent reasons does not. Only what ``node`` is reached from by
        reasons can be used, so the question is asked of that part of the graph alone.

        >>> g = ReasonGraph(
        ...     ["e", "c", "d", "r"],
        ...     [Reason("s1", ("e",), "c"), Reason("s2", ("c",), "r"), Reason("s3", ("d",), "r")],
        ... )
        >>> sorted(g.rests_on("c")), sorted(g.rests_on("r"))
        (['e', 's1'], [])
        """
        part = self._above(node)
        if node not in part.established():
            return frozenset()
        used = {p for r in part.reasons for p in r.premises} | {r.id for r in part.reasons}
        return frozenset(
            x for x in used if x != node and node not in part.established(frozenset({x}))
        )

    def _above(self, node: str) -> ReasonGraph:
        """The part of the graph ``node`` is reached from: the reasons for it, and so on up."""
        nodes = {node: None}
        reasons: dict[str, Reason] = {}
        todo = [node]
        while todo:
            for r in self.reasons_for(todo.pop()):
                if r.id in reasons:
                    continue
                reasons[r.id] = r
                for p in r.premises:
                    if p not in nodes:
                        nodes[p] = None
                        todo.append(p)
        return ReasonGraph(list(nodes), list(reasons.values()))

    def premise_nodes(self) -> tuple[str, ...]:
        """The nodes no reason concludes: the map's premises, in map order."""
        concluded = {r.conclusion for r in self.reasons}
        return tuple(n for n in self.nodes if n not in concluded)

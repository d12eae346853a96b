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
        one of several convergent reasons does not. Empty for a node no argument concludes.

        >>> g = ReasonGraph(
        ...     ["e", "c", "d", "r"],
        ...     [Reason("s1", ("e",), "c"), Reason("s2", ("c",), "r"), Reason("s3", ("d",), "r")],
        ... )
        >>> sorted(g.rests_on("c")), sorted(g.rests_on("r"))
        (['e', 's1'], [])
        """
        return self._necessary.get(node, frozenset()) - {node}

    @functools.cached_property
    def _necessary(self) -> dict[str, frozenset[str]]:
        """Each established node → the nodes and reasons every argument for it uses (itself too).

        The greatest solution of: a premise needs itself; a concluded node needs itself and
        what every one of its usable reasons needs (the reason, and what each of its
        premises needs) — computed by shrinking from "everything" until nothing changes.
        The greatest solution is the one of well-founded arguments (circular support yields
        smaller, spurious solutions); the tests check it against removing each element in
        turn and asking :meth:`established` again.
        """
        established = self.established()
        usable = [r for r in self.reasons if set(r.premises) <= established]
        need: dict[str, frozenset[str] | None] = dict.fromkeys(established)  # None: all
        for n in self.premise_nodes():
            if n in established:
                need[n] = frozenset({n})
        feeding: dict[str, list[Reason]] = {}
        by_conclusion: dict[str, list[Reason]] = {}
        for r in usable:
            by_conclusion.setdefault(r.conclusion, []).append(r)
            for p in set(r.premises):
                feeding.setdefault(p, []).append(r)
        todo = dict.fromkeys(by_conclusion)
        while todo:
            node = next(iter(todo))
            del todo[node]
            found: frozenset[str] | None = None
            for r in by_conclusion[node]:
                premises = [need[p] for p in r.premises]
                if any(x is None for x in premises):
                    continue  # everything: no restriction on the intersection
                through = frozenset({r.id}).union(*(x for x in premises if x is not None))
                found = through if found is None else found & through
            if found is not None:
                found |= {node}
            if found != need[node]:
                need[node] = found
                todo.update(dict.fromkeys(r.conclusion for r in feeding.get(node, ())))
        return {n: x for n, x in need.items() if x is not None}

    def premise_nodes(self) -> tuple[str, ...]:
        """The nodes no reason concludes: the map's premises, in map order."""
        concluded = {r.conclusion for r in self.reasons}
        return tuple(n for n in self.nodes if n not in concluded)

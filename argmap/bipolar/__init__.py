"""From a bipolar map to an attack graph: the standard interpretations of support.

A map has supports as well as attacks; Dung's semantics need attacks only. Each
interpretation of support derives the attacks that support implies (Cayrol and
Lagasquie-Schiex, 2013), writing ``a ⇒ b`` for a chain of one or more supports:

- ``none``: supports are ignored; the direct attacks remain.
- ``deductive`` (if ``a`` is accepted, so is what it supports):
  *supported* attack, ``a ⇒ x`` and ``x`` attacks ``b``: ``a`` attacks ``b``;
  *mediated* attack, ``b ⇒ x`` and ``a`` attacks ``x``: ``a`` attacks ``b``.
- ``necessary`` (what ``a`` supports cannot be accepted without ``a``):
  *secondary* attack, ``a`` attacks ``x`` and ``x ⇒ b``: ``a`` attacks ``b``;
  *extended* attack, ``x ⇒ a`` and ``x`` attacks ``b``: ``a`` attacks ``b``.

- ``evidential`` (an argument stands only on a chain of support from evidence; Oren and
  Norman 2008): each *supported argument* is a node together with one minimal support chain
  ``e ⇒ ... ⇒ a`` from an evidence node, named by the chain (``"e ⇒ x ⇒ a"``; a piece of
  evidence stands on its own and keeps its id). A supported argument ending in ``a``
  attacks every supported argument whose chain contains a node ``a`` attacks: attacking a
  premise, or an inference, brings the whole chain down. A node with no chain from
  evidence has no argument and cannot be accepted, and its attacks count for nothing. This
  is the translation of evidential argumentation into Dung's frameworks given by Polberg
  and Oren (2014).

Derived attacks are built from direct attacks and support chains only, never from other
derived attacks (the definitions do not close them transitively). Every attack keeps the
path that produced it.

An undercut (an attack on a support edge) is handled by *reifying* the support: the edge
``a -> b`` with id ``s`` becomes the argument ``s`` (the inference) on the chain
``a ⇒ s ⇒ b``, and the undercutter attacks ``s``. Under ``none`` supports, and so
undercuts, play no part.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: e, kind: evidence, text: E.}
...   - {id: c, kind: claim, text: C.}
...   - {id: x, kind: claim, text: X.}
... edges:
...   - support: e -> c
...   - attack: x -> e
... ''')
>>> [(a.attacker, a.target, str(a.kind)) for a in attack_graph(m, "necessary").attacks]
[('x', 'e', 'direct'), ('x', 'c', 'secondary')]
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable

import attrs

from argmap import semantics as _semantics
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap, EdgeKind, NodeKind
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Semantics, Support
from argmap.semantics.names import Label

__all__ = [
    "AttackKind",
    "DerivedAttack",
    "DerivedGraph",
    "Support",
    "attack_graph",
    "extensions",
    "labelling",
]

CHAIN = " ⇒ "
"""Joins the nodes of a support chain into the name of an evidential argument."""
MAX_CHAINS = 100_000
"""More supported arguments than this under evidential support is an error, not a wait."""


class AttackKind(enum.StrEnum):
    """How an attack of the attack graph arises (see the module docstring)."""

    DIRECT = "direct"
    SUPPORTED = "supported"
    MEDIATED = "mediated"
    SECONDARY = "secondary"
    EXTENDED = "extended"
    EVIDENTIAL = "evidential"

    @property
    def leans_on_attacker_chain(self) -> bool:
        """Whether the derivation runs through a support chain on the attacker's side."""
        return self in (AttackKind.SUPPORTED, AttackKind.EXTENDED)


@attrs.frozen
class DerivedAttack:
    """An attack of the attack graph and how it arises.

    ``kind`` is ``direct``, ``supported``, ``mediated``, ``secondary``, ``extended`` or
    (under evidential support) ``evidential``; ``path`` lists the map's nodes from the
    attacker's end of the reasoning to the target's, e.g. ``("a", "x", "b")`` for ``a ⇒ x``
    attacking ``b``. An evidential attack's path is the attacker's chain, then the target's
    chain from the node attacked on.
    """

    attacker: str
    target: str
    kind: AttackKind = attrs.field(converter=AttackKind)
    path: tuple[str, ...] = ()

    def describe(self) -> str:
        """The derivation in words."""
        if self.kind is AttackKind.DIRECT:
            return f"{self.attacker} attacks {self.target}"
        chain = " ⇒ ".join
        p = self.path
        if self.kind is AttackKind.SUPPORTED:
            return f"supported attack: {chain(p[:-1])}, and {p[-2]} attacks {p[-1]}"
        if self.kind is AttackKind.MEDIATED:
            return f"mediated attack: {p[0]} attacks {p[1]}, and {chain(p[:0:-1])}"
        if self.kind is AttackKind.SECONDARY:
            return f"secondary attack: {p[0]} attacks {p[1]}, and {chain(p[1:])}"
        if self.kind is AttackKind.EVIDENTIAL:
            k = len(self.attacker.split(CHAIN))  # the attacker's chain is p[:k]
            rest = f", on which {chain(p[k:])} rests" if len(p) > k + 1 else ""
            return f"evidential attack: {chain(p[:k])}, and {p[k - 1]} attacks {p[k]}{rest}"
        return f"extended attack: {chain(p[-2::-1])}, and {p[-2]} attacks {p[-1]}"


@attrs.frozen
class DerivedGraph:
    """The arguments and attacks a map stands for under one interpretation of support."""

    arguments: tuple[str, ...]
    attacks: tuple[DerivedAttack, ...]
    support: Support
    inferences: tuple[str, ...] = ()
    """Reified support edges (arguments that are not nodes of the map)."""
    conclusions: tuple[str, ...] = ()
    """Under evidential support: the node each argument concludes (aligned with
    ``arguments``); otherwise empty, as every argument is its own conclusion."""

    def conclusion(self, argument: str) -> str:
        """The map element (node or reified support) an argument stands for."""
        if not self.conclusions:
            return argument
        return self.conclusions[self.arguments.index(argument)]

    def arguments_for(self, node: str) -> tuple[str, ...]:
        """The arguments concluding ``node``.

        Under evidential support, none if no chain links the node to evidence.
        """
        if not self.conclusions:
            return (node,) if node in self.arguments else ()
        return tuple(a for a, c in zip(self.arguments, self.conclusions, strict=True) if c == node)

    def project(self, arguments: Iterable[str]) -> frozenset[str]:
        """The map elements a set of arguments stands for."""
        return frozenset(self.conclusion(a) for a in arguments)

    def af(self) -> AF:
        """The abstract framework: the arguments and every attack, derived or direct."""
        return AF(self.arguments, ((a.attacker, a.target) for a in self.attacks))

    def derivations(self, attacker: str, target: str) -> tuple[DerivedAttack, ...]:
        """Every way ``attacker`` comes to attack ``target``."""
        return tuple(a for a in self.attacks if a.attacker == attacker and a.target == target)


def _chains(
    starts: Iterable[str], step: dict[str, list[str]]
) -> dict[str, dict[str, tuple[str, ...]]]:
    """For each start, a shortest support path to everything reachable in one or more steps."""
    paths: dict[str, dict[str, tuple[str, ...]]] = {}
    for start in starts:
        found: dict[str, tuple[str, ...]] = {}
        queue: deque[tuple[str, tuple[str, ...]]] = deque([(start, (start,))])
        while queue:
            node, path = queue.popleft()
            for nxt in step.get(node, ()):
                if nxt not in found and nxt != start:
                    found[nxt] = (*path, nxt)
                    queue.append((nxt, found[nxt]))
        paths[start] = found
    return paths


def attack_graph(m: ArgumentMap, support: str | Support = DEFAULT_SUPPORT) -> DerivedGraph:
    """The attack graph of a map under an interpretation of support.

    Parameters
    ----------
    m
        The map.
    support
        ``none``, ``deductive`` or ``necessary`` (the default; see ``docs/semantics.md``).

    Returns
    -------
    DerivedGraph
        Its arguments (the nodes, plus reified undercut supports) and its attacks, direct
        first, then derived, each once per (attacker, target, kind) with a shortest path.
    """
    reading = Support.parse(support)
    undercut = {e.target for e in m.undercuts}
    inferences = (
        [e.key for e in m.supports if e.key in undercut] if reading is not Support.NONE else []
    )
    arguments = [n.id for n in m.nodes] + inferences
    direct, supports = _split_edges(m, reading, inferences)
    if reading is Support.EVIDENTIAL:
        return _evidential(m, direct, supports, tuple(inferences))
    attacks: dict[tuple[str, str, AttackKind], DerivedAttack] = {}
    for a, b in direct:
        _add_attack(attacks, a, b, AttackKind.DIRECT, (a, b))
    if reading is not Support.NONE:
        _add_derived_attacks(attacks, reading, arguments, direct, supports)
    ordered = sorted(attacks.values(), key=lambda d: d.kind is not AttackKind.DIRECT)
    return DerivedGraph(tuple(arguments), tuple(ordered), reading, tuple(inferences))


def _split_edges(
    m: ArgumentMap, reading: Support, inferences: list[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The direct attacks and the support steps of a map, in edge order.

    Parameters
    ----------
    m
        The map.
    reading
        The interpretation of support; under ``none`` undercuts are dropped.
    inferences
        The keys of the undercut supports reified as arguments; each becomes two steps,
        source to inference and inference to target.

    Returns
    -------
    tuple[list[tuple[str, str]], list[tuple[str, str]]]
        The (attacker, target) pairs and the (supporter, supported) pairs.
    """
    direct: list[tuple[str, str]] = []
    supports: list[tuple[str, str]] = []
    for edge in m.edges:
        if edge.kind is EdgeKind.ATTACK:
            if not m.is_undercut(edge) or reading is not Support.NONE:
                direct.append((edge.source, edge.target))
        elif edge.key in inferences:
            supports += [(edge.source, edge.key), (edge.key, edge.target)]
        else:
            supports.append((edge.source, edge.target))
    return direct, supports


def _add_attack(
    attacks: dict[tuple[str, str, AttackKind], DerivedAttack],
    attacker: str,
    target: str,
    kind: AttackKind,
    path: tuple[str, ...],
) -> None:
    """Record an attack unless one of that kind between those arguments is recorded."""
    attacks.setdefault((attacker, target, kind), DerivedAttack(attacker, target, kind, path))


def _add_derived_attacks(
    attacks: dict[tuple[str, str, AttackKind], DerivedAttack],
    reading: Support,
    arguments: list[str],
    direct: list[tuple[str, str]],
    supports: list[tuple[str, str]],
) -> None:
    """Record the attacks that support chains derive from each direct attack.

    Parameters
    ----------
    attacks
        The attacks recorded so far, updated in place; the first path found is kept.
    reading
        ``deductive`` (supported and mediated attacks) or ``necessary`` (secondary and
        extended attacks).
    arguments
        The arguments, from which support chains start.
    direct
        The direct attacks, in order.
    supports
        The support steps.
    """
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    for a, b in supports:
        forward.setdefault(a, []).append(b)
        backward.setdefault(b, []).append(a)
    down = _chains(arguments, forward)  # down[a][x]: path a ⇒ x
    up = _chains(arguments, backward)  # up[b][x]: path b ⇐ x, i.e. x ⇒ b reversed
    for x, b in direct:  # x attacks b
        if reading is Support.DEDUCTIVE:
            for a, path in up[x].items():  # a ⇒ x: supported attack a -> b
                _add_attack(attacks, a, b, AttackKind.SUPPORTED, (*reversed(path), b))
            for c, path in up[b].items():  # c ⇒ b, x attacks b: mediated attack x -> c
                _add_attack(attacks, x, c, AttackKind.MEDIATED, (x, *path))
        else:
            for c, path in down[b].items():  # b ⇒ c: secondary attack x -> c
                _add_attack(attacks, x, c, AttackKind.SECONDARY, (x, *path))
            for a, path in down[x].items():  # x ⇒ a: extended attack a -> b
                _add_attack(attacks, a, b, AttackKind.EXTENDED, (*reversed(path), b))


def _minimal_chains(evidence: list[str], supports: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Every minimal support chain from evidence.

    A chain is a simple path that starts at a piece of evidence and passes through no other;
    it is minimal when its nodes contain no other chain's to the same end.
    """
    forward: dict[str, list[str]] = {}
    for a, b in supports:
        forward.setdefault(a, []).append(b)
    is_evidence = set(evidence)
    chains: list[tuple[str, ...]] = []
    stack: list[tuple[str, ...]] = [(e,) for e in reversed(evidence)]
    while stack:
        path = stack.pop()
        chains.append(path)
        if len(chains) > MAX_CHAINS:
            raise ArgmapError(
                f"more than {MAX_CHAINS} support chains from evidence: the evidential reading "
                "is too large for this map"
            )
        stack += [
            (*path, b)
            for b in reversed(forward.get(path[-1], []))
            if b not in path and b not in is_evidence
        ]
    by_end: dict[str, list[frozenset[str]]] = {}
    for path in chains:
        by_end.setdefault(path[-1], []).append(frozenset(path))
    return [p for p in chains if not any(other < set(p) for other in by_end[p[-1]])]


def _evidential(
    m: ArgumentMap,
    direct: list[tuple[str, str]],
    supports: list[tuple[str, str]],
    inferences: tuple[str, ...],
) -> DerivedGraph:
    """The supported arguments of a map and the attacks between them (see module doc)."""
    evidence = [n.id for n in m.nodes if n.kind is NodeKind.EVIDENCE]
    chains = _minimal_chains(evidence, supports)
    resting_on: dict[str, list[tuple[tuple[str, ...], int]]] = {}  # node -> (chain, position)
    for path in chains:
        for k, node in enumerate(path):
            resting_on.setdefault(node, []).append((path, k))
    ending_at: dict[str, list[tuple[str, ...]]] = {}
    for path in chains:
        ending_at.setdefault(path[-1], []).append(path)
    attacks: dict[tuple[str, str], DerivedAttack] = {}
    for a, x in direct:
        for attacker in ending_at.get(a, []):
            for target, k in resting_on.get(x, []):
                kind = (
                    AttackKind.DIRECT
                    if len(attacker) == len(target) == 1
                    else AttackKind.EVIDENTIAL
                )
                pair = (CHAIN.join(attacker), CHAIN.join(target))
                attacks.setdefault(pair, DerivedAttack(*pair, kind, (*attacker, *target[k:])))
    return DerivedGraph(
        tuple(CHAIN.join(p) for p in chains),
        tuple(attacks.values()),
        Support.EVIDENTIAL,
        inferences,
        tuple(p[-1] for p in chains),
    )


def extensions(
    target: AF | ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> list[frozenset[str]]:
    """The extensions of a framework, or of a map under an interpretation of support.

    A map's extensions list its nodes: reified support edges are left out and, under
    evidential support, each supported argument counts as its conclusion. ``support`` is
    ignored for a framework.

    >>> import argmap
    >>> m = argmap.map_from_yaml('''
    ... id: toy
    ... title: Toy
    ... nodes:
    ...   - {id: a, kind: claim, text: A.}
    ...   - {id: b, kind: claim, text: B.}
    ... edges:
    ...   - attack: a -> b
    ...   - attack: b -> a
    ... ''')
    >>> [sorted(e) for e in extensions(m, "preferred")]
    [['a'], ['b']]
    """
    if isinstance(target, AF):
        return _semantics.extensions(target, semantics, timeout=timeout)
    graph = attack_graph(target, support)
    nodes = {n.id for n in target.nodes}
    found = _semantics.extensions(graph.af(), semantics, timeout=timeout)
    return list(dict.fromkeys(graph.project(e) & nodes for e in found))


def labelling(
    target: AF | ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> dict[str, Label]:
    """Each argument's (or node's) label, in, out or undec, under a single-status semantics.

    Under evidential support a node is IN when one of its supported arguments is, OUT when
    all are (or it has none: nothing links it to evidence), UNDEC otherwise.
    """
    if isinstance(target, AF):
        return _semantics.labelling(target, semantics, timeout=timeout)
    graph = attack_graph(target, support)
    labels = _semantics.labelling(graph.af(), semantics, timeout=timeout)
    result = {}
    for node in target.nodes:
        mine = {labels[a] for a in graph.arguments_for(node.id)}
        result[node.id] = next((x for x in (Label.IN, Label.UNDEC) if x in mine), Label.OUT)
    return result

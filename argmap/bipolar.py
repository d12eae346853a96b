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
>>> [(a.attacker, a.target, a.kind) for a in attack_graph(m, "necessary").attacks]
[('x', 'e', 'direct'), ('x', 'c', 'secondary')]
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable

import attrs

from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap, EdgeKind

__all__ = ["DerivedAttack", "DerivedGraph", "Support", "attack_graph"]


class Support(enum.StrEnum):
    """How support edges are read (see the module docstring)."""

    NONE = "none"
    DEDUCTIVE = "deductive"
    NECESSARY = "necessary"

    @classmethod
    def named(cls, name: str | Support) -> Support:
        """The interpretation called ``name``.

        Raises
        ------
        ArgmapError
            For an unknown name.
        """
        try:
            return cls(name)
        except ValueError:
            known = ", ".join(s.value for s in cls)
            raise ArgmapError(f"unknown support interpretation '{name}'; known: {known}") from None


@attrs.frozen
class DerivedAttack:
    """An attack of the attack graph and how it arises.

    ``kind`` is ``direct``, ``supported``, ``mediated``, ``secondary`` or ``extended``;
    ``path`` lists the arguments from the attacker's end of the reasoning to the target's,
    e.g. ``("a", "x", "b")`` for ``a ⇒ x`` attacking ``b``.
    """

    attacker: str
    target: str
    kind: str
    path: tuple[str, ...]

    def describe(self) -> str:
        """The derivation in words."""
        if self.kind == "direct":
            return f"{self.attacker} attacks {self.target}"
        chain = " ⇒ ".join
        p = self.path
        if self.kind == "supported":
            return f"supported attack: {chain(p[:-1])}, and {p[-2]} attacks {p[-1]}"
        if self.kind == "mediated":
            return f"mediated attack: {p[0]} attacks {p[1]}, and {chain(p[:0:-1])}"
        if self.kind == "secondary":
            return f"secondary attack: {p[0]} attacks {p[1]}, and {chain(p[1:])}"
        return f"extended attack: {chain(p[-2::-1])}, and {p[-2]} attacks {p[-1]}"


@attrs.frozen
class DerivedGraph:
    """The arguments and attacks a map stands for under one interpretation of support."""

    arguments: tuple[str, ...]
    attacks: tuple[DerivedAttack, ...]
    support: Support
    inferences: tuple[str, ...] = ()
    """Reified support edges (arguments that are not nodes of the map)."""

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


def attack_graph(m: ArgumentMap, support: str | Support = "necessary") -> DerivedGraph:
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
    reading = Support.named(support)
    arguments = [n.id for n in m.nodes]
    direct: list[tuple[str, str]] = []
    supports: list[tuple[str, str]] = []
    undercut = {e.target for e in m.undercuts}
    inferences = (
        [e.key for e in m.supports if e.key in undercut] if reading is not Support.NONE else []
    )
    arguments += inferences
    for edge in m.edges:
        if edge.kind is EdgeKind.ATTACK:
            if not m.is_undercut(edge) or reading is not Support.NONE:
                direct.append((edge.source, edge.target))
        elif edge.key in inferences:
            supports += [(edge.source, edge.key), (edge.key, edge.target)]
        else:
            supports.append((edge.source, edge.target))

    attacks: dict[tuple[str, str, str], DerivedAttack] = {}

    def add(attacker: str, target: str, kind: str, path: tuple[str, ...]) -> None:
        attacks.setdefault((attacker, target, kind), DerivedAttack(attacker, target, kind, path))

    for a, b in direct:
        add(a, b, "direct", (a, b))
    if reading is not Support.NONE:
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
                    add(a, b, "supported", (*reversed(path), b))
                for c, path in up[b].items():  # c ⇒ b, x attacks b: mediated attack x -> c
                    add(x, c, "mediated", (x, *path))
            else:
                for c, path in down[b].items():  # b ⇒ c: secondary attack x -> c
                    add(x, c, "secondary", (x, *path))
                for a, path in down[x].items():  # x ⇒ a: extended attack a -> b
                    add(a, b, "extended", (*reversed(path), b))
    ordered = sorted(attacks.values(), key=lambda d: d.kind != "direct")
    return DerivedGraph(tuple(arguments), tuple(ordered), reading, tuple(inferences))

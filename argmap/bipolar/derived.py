"""The attack graph of a map under a reading of support: arguments, attacks, derivations."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from argmap.framework import AF
from argmap.options import Support

__all__ = ["CHAIN", "MAX_CHAINS", "AttackKind", "DerivedAttack", "DerivedGraph"]

CHAIN = " ⇒ "
"""Joins a reason's premises to its conclusion in the name of an argument (``"e ⇒ c"``)."""
MAX_CHAINS = 100_000
"""More arguments than this under necessary or evidential support is an error, not a wait."""


class AttackKind(enum.StrEnum):
    """How an attack of the attack graph arises (see :mod:`argmap.bipolar`)."""

    DIRECT = "direct"
    SUPPORTED = "supported"
    MEDIATED = "mediated"
    SUPER_MEDIATED = "super-mediated"
    SECONDARY = "secondary"
    EXTENDED = "extended"
    EVIDENTIAL = "evidential"

    @property
    def leans_on_attacker_chain(self) -> bool:
        """Whether the derivation runs through a support chain on the attacker's side."""
        return self in (AttackKind.SUPPORTED, AttackKind.SUPER_MEDIATED, AttackKind.EXTENDED)


def _default_hit(self: DerivedAttack) -> int:
    """Where the attack lands in the path when the kind alone says it."""
    if self.kind in (AttackKind.SUPPORTED, AttackKind.EXTENDED):
        return max(len(self.path) - 1, 1)
    return 1


@attrs.frozen
class DerivedAttack:
    """An attack of the attack graph and how it arises.

    ``path`` lists the map's elements (nodes, and reasons where a reason is attacked) along
    the derivation, and ``path[hit - 1]`` attacks ``path[hit]``:

    - ``direct``: ``(a, b)``;
    - ``supported`` (deductive): ``(a, …, x, b)``, ``a ⇒ … ⇒ x`` and ``x`` attacks ``b``;
    - ``mediated`` (deductive): ``(a, y, …, b)``, ``a`` attacks ``y`` and ``b ⇒ … ⇒ y``;
    - ``super-mediated`` (deductive): ``(a, …, x, y, …, b)``: both at once;
    - ``secondary`` (necessary) and ``evidential``: ``(a, x, …, b)``: ``a`` attacks ``x``
      (a node or a reason) on which the target argument for ``b`` rests, ``x ⇒ … ⇒ b``;
    - ``extended``: ``(b, …, x, y)`` read backwards, ``x ⇒ … ⇒ b`` and ``x`` attacks ``y``
      (kept for frameworks built by hand; no reading derives it now).
    """

    attacker: str
    target: str
    kind: AttackKind = attrs.field(converter=AttackKind)
    path: tuple[str, ...] = ()
    hit: int = attrs.field(default=attrs.Factory(_default_hit, takes_self=True))

    def describe(self) -> str:
        """The derivation in words.

        >>> DerivedAttack("a", "b", "super-mediated", ("a", "x", "y", "b"), 2).describe()
        'super-mediated attack: a ⇒ x, x attacks y, and b ⇒ y'
        """
        p, k = self.path, self.hit
        if self.kind is AttackKind.DIRECT:
            return f"{self.attacker} attacks {self.target}"
        chain = CHAIN.join
        if self.kind is AttackKind.EXTENDED:
            return f"extended attack: {chain(p[-2::-1])}, and {p[-2]} attacks {p[-1]}"
        hits = f"{p[k - 1]} attacks {p[k]}"
        if self.kind is AttackKind.EVIDENTIAL:
            rest = f", on which {chain(p[k:])} rests" if len(p) > k + 1 else ""
            return f"evidential attack: {self.attacker}, and {hits}{rest}"
        if self.kind is AttackKind.SECONDARY:
            return f"secondary attack: {hits}, and {chain(p[k:])}"
        parts = [chain(p[:k])] if k > 1 else []
        parts.append(hits)
        if len(p) > k + 1:
            parts.append(chain(p[: k - 1 : -1]))
        return f"{self.kind} attack: {', '.join(parts[:-1])}, and {parts[-1]}"


@attrs.frozen
class DerivedGraph:
    """The arguments and attacks a map stands for under one reading of support."""

    arguments: tuple[str, ...]
    attacks: tuple[DerivedAttack, ...]
    support: Support
    inferences: tuple[str, ...] = ()
    """Reasons that are arguments of their own (not nodes of the map)."""
    conclusions: tuple[str, ...] = ()
    """The map element each argument concludes (aligned with ``arguments``), when arguments
    are not simply the map's elements (necessary and evidential support); otherwise empty."""

    def conclusion(self, argument: str) -> str:
        """The map element (node or reason) an argument stands for."""
        if not self.conclusions:
            return argument
        return self.conclusions[self.arguments.index(argument)]

    def arguments_for(self, node: str) -> tuple[str, ...]:
        """The arguments concluding ``node``: none if nothing can establish it."""
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

"""Deductive support: the d-attack closure of Cayrol and Lagasquie-Schiex.

Under deductive support, accepting an argument commits to what it supports. Cayrol and
Lagasquie-Schiex (2013; 2015) turn this into attacks: writing ``a ⇒* x`` for
a chain of zero or more supports, ``a`` *d-attacks* ``b`` when ``a ⇒* x``, ``x`` attacks
``y`` and ``b ⇒* y``. With both chains empty it is the direct attack; with only the first,
a *supported* attack; with only the second, a *mediated* attack; with both, a
*super-mediated* attack. The complete, grounded, preferred and stable extensions of the
d-attack framework are then closed under support (what the closure is for; tested here).

Reasons. A reason with one premise ``a`` is the support ``a ⇒ c``. A reason that is
undercut becomes an argument ``r`` of its own, ``a ⇒ r ⇒ c``, which the undercutter
attacks. A *linked* reason (premises ``a``, ``b``) becomes the argument ``r``, "a and b,
so c", with ``r ⇒ a``, ``r ⇒ b`` and ``r ⇒ c``: accepting the reason commits to its
premises and to its conclusion. The premises accepted one by one do not force ``c``: that
needs a collective attack (an attacker of ``c`` conflicts with ``a`` and ``b`` together,
Nielsen and Parsons 2006), which a Dung framework cannot state.
"""

from __future__ import annotations

from collections import deque

from argmap.bipolar.derived import AttackKind, DerivedAttack, DerivedGraph
from argmap.bipolar.reasons import ReasonGraph
from argmap.options import Support

__all__ = ["deductive_graph", "deductive_steps", "none_graph"]


def reified(g: ReasonGraph) -> tuple[str, ...]:
    """The reasons that are arguments of their own: undercut or linked, in map order."""
    undercut = {r for _, r in g.undercuts}
    return tuple(r.id for r in g.reasons if r.id in undercut or len(r.premises) > 1)


def deductive_steps(g: ReasonGraph) -> list[tuple[str, str]]:
    """The deductive supports between arguments, reasons reified (see the module docstring).

    >>> from argmap.bipolar.reasons import Reason
    >>> g = ReasonGraph("abc", [Reason("r", ("a", "b"), "c"), Reason("s", ("c",), "a")])
    >>> deductive_steps(g)
    [('r', 'a'), ('r', 'b'), ('r', 'c'), ('c', 'a')]
    """
    own = set(reified(g))
    steps: list[tuple[str, str]] = []
    for r in g.reasons:
        if len(r.premises) > 1:
            steps += [(r.id, p) for p in r.premises] + [(r.id, r.conclusion)]
        elif r.id in own:
            steps += [(r.premises[0], r.id), (r.id, r.conclusion)]
        else:
            steps.append((r.premises[0], r.conclusion))
    return steps


def none_graph(g: ReasonGraph) -> DerivedGraph:
    """Supports and undercuts ignored: the nodes and the attacks between them."""
    attacks = tuple(DerivedAttack(a, b, AttackKind.DIRECT, (a, b)) for a, b in g.attacks)
    return DerivedGraph(g.nodes, attacks, Support.NONE)


def _upward(steps: list[tuple[str, str]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """For each argument ``x``, a shortest chain ``a ⇒ … ⇒ x`` from each ``a ⇒* x``."""
    backward: dict[str, list[str]] = {}
    for a, b in steps:
        backward.setdefault(b, []).append(a)
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for x in {b for _, b in steps} | {a for a, _ in steps}:
        chains: dict[str, tuple[str, ...]] = {x: (x,)}
        queue = deque([x])
        while queue:
            y = queue.popleft()
            for a in backward.get(y, ()):
                if a not in chains:
                    chains[a] = (a, *chains[y])
                    queue.append(a)
        found[x] = chains
    return found


def deductive_graph(g: ReasonGraph) -> DerivedGraph:
    """The d-attack framework: direct, supported, mediated and super-mediated attacks.

    Each attack is kept once per (attacker, target), with the simplest derivation found
    (direct first, then by shortest path).
    """
    inferences = reified(g)
    steps = deductive_steps(g)
    up = _upward(steps)
    attacks: dict[tuple[str, str], DerivedAttack] = {}
    for x, y in (*g.attacks, *g.undercuts):
        for a, ahead in up.get(x, {x: (x,)}).items():
            for b, behind in up.get(y, {y: (y,)}).items():
                kind = _KINDS[(a != x, b != y)]
                path = (*ahead, *reversed(behind))
                attack = DerivedAttack(a, b, kind, path, len(ahead))
                old = attacks.get((a, b))
                if old is None or len(path) < len(old.path):  # a direct attack is shortest
                    attacks[(a, b)] = attack
    ordered = sorted(attacks.values(), key=lambda d: d.kind is not AttackKind.DIRECT)
    return DerivedGraph((*g.nodes, *inferences), tuple(ordered), Support.DEDUCTIVE, inferences)


_KINDS = {
    (False, False): AttackKind.DIRECT,
    (True, False): AttackKind.SUPPORTED,
    (False, True): AttackKind.MEDIATED,
    (True, True): AttackKind.SUPER_MEDIATED,
}

"""Brute-force readings of support, written from the published definitions, for tests.

Each function enumerates every subset of the map's elements (nodes, and reasons as
arguments of their own), so keep maps tiny (about ten elements). Each returns the
distinct extensions projected onto the nodes, sorted. The engine
(:func:`argmap.bipolar.extensions`) is tested against them.

- :func:`afn_extensions`: argumentation frameworks with necessities over sets (Nouioua
  and Risch 2011; Nouioua 2013). A reason ``r`` with premises ``P`` and conclusion ``c``
  gives ``{p} N r`` for each premise (a reason needs all its premises) and
  ``{r1, …, rk} N c`` over the reasons for ``c`` (a node needs one of its reasons). A set
  ``S`` is *coherent* when some enumeration of it meets, for each member, each of its
  necessity sets earlier (*powerful*; for a finite set this also makes it closed under
  ``N⁻¹``); *strongly coherent* when also conflict-free. ``S`` *defends* ``a`` when, for
  each attacker ``b`` of ``a`` and each coherent ``C`` containing ``b``, ``S`` attacks a
  member of ``C`` (it suffices to check the ⊆-minimal such ``C``). Admissible: strongly
  coherent and defending its members; preferred: ⊆-maximal admissible; complete:
  admissible and containing each ``a`` it defends that leaves it coherent when added; grounded: the
  least complete; stable: strongly coherent and, for each ``a`` outside, attacking a
  member of every coherent set containing ``a``.
- :func:`eas_extensions`: evidential argumentation systems (Oren and Norman 2008). The
  support relation links a set to an argument: ``(P, r)`` for a reason and ``({r}, c)``
  from the reason to its conclusion; evidence is supported by the environment. ``S``
  *e-supports* ``a`` when ``a`` is evidence or some ``(T, a)`` has ``T ⊆ S`` and each
  member of ``T`` e-supported by ``S`` without ``a``. ``S`` carries out an *e-supported attack*
  on ``a`` when a member of ``S`` e-supported by ``S`` attacks ``a``. ``a`` is
  *acceptable* w.r.t. ``S`` when ``S`` e-supports ``a`` and, for every ⊆-minimal ``X``
  carrying out an e-supported attack on ``a``, ``S`` carries out one on a member of ``X``.
  Admissible: conflict-free with every member acceptable; complete: admissible and
  containing every argument acceptable w.r.t. it; grounded: the least complete; preferred:
  ⊆-maximal admissible; stable: conflict-free, self-supporting, and e-attacking, for each
  ``a`` outside, ``a`` or a member of each minimal e-support of ``a``.
- :func:`d_attack_extensions`: Dung's semantics of the d-attack framework (Cayrol and
  Lagasquie-Schiex 2013; 2015): ``a`` d-attacks ``b`` when ``a ⇒* x``, ``x``
  attacks ``y`` and ``b ⇒* y``, over the deductive supports of
  :func:`argmap.bipolar.deductive.deductive_steps` (computed here from the reflexive and
  transitive closure, by iteration).
- :func:`none_extensions`: Dung's semantics of the direct attacks between nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from itertools import combinations

from argmap.bipolar.deductive import deductive_steps, reified
from argmap.bipolar.reasons import ReasonGraph
from argmap.framework import AF
from argmap.semantics.reference import reference_extensions

__all__ = ["afn_extensions", "d_attack_extensions", "eas_extensions", "none_extensions"]

Set = frozenset[str]
SEMANTICS = ("complete", "grounded", "preferred", "stable")
"""The semantics both AFN and EAS define."""


def _subsets(items: Iterable[str]) -> list[Set]:
    items = list(items)
    return [frozenset(c) for k in range(len(items) + 1) for c in combinations(items, k)]


def _elements(g: ReasonGraph) -> tuple[str, ...]:
    return (*g.nodes, *(r.id for r in g.reasons))


def _project(g: ReasonGraph, found: Iterable[Set]) -> list[Set]:
    nodes = set(g.nodes)
    distinct = {s & nodes for s in found}
    return sorted(distinct, key=lambda e: (len(e), sorted(e)))


def _maximal(sets: list[Set]) -> list[Set]:
    return [s for s in sets if not any(s < t for t in sets)]


def _least(sets: list[Set]) -> list[Set]:
    return [s for s in sets if all(s <= t for t in sets)]


class _Frame:
    """Attacks of a reified map: node attacks and undercuts (on reason ids)."""

    def __init__(self, g: ReasonGraph) -> None:
        self.elements = _elements(g)
        self.attacks = frozenset((*g.attacks, *g.undercuts))

    def conflict_free(self, s: Set) -> bool:
        return not any((a, b) in self.attacks for a in s for b in s)

    def hits(self, s: Iterable[str], c: Iterable[str]) -> bool:
        """Whether a member of ``s`` attacks a member of ``c``."""
        cs = set(c)
        return any((a, b) in self.attacks for a in s for b in cs)

    def attackers(self, a: str) -> list[str]:
        return [x for x, y in self.attacks if y == a]


# -- argumentation frameworks with necessities --------------------------------------------


def _needs(g: ReasonGraph) -> dict[str, list[Set]]:
    needs: dict[str, list[Set]] = {x: [] for x in _elements(g)}
    for r in g.reasons:
        needs[r.id] += [frozenset([p]) for p in r.premises]
    for node in g.nodes:
        mine = frozenset(r.id for r in g.reasons_for(node))
        if mine:
            needs[node].append(mine)
    return needs


def _powerful(s: Set, needs: dict[str, list[Set]]) -> bool:
    placed: set[str] = set()
    while True:
        more = {x for x in s - placed if all(e & placed for e in needs[x])}
        if not more:
            return placed == s
        placed |= more


def afn_extensions(g: ReasonGraph, semantics: str) -> list[Set]:
    """The extensions of the map read as an AFN over sets (see the module docstring)."""
    f = _Frame(g)
    needs = _needs(g)
    every = _subsets(f.elements)
    coherent = [s for s in every if _powerful(s, needs)]
    minimal = {x: _maximal_inverse([c for c in coherent if x in c]) for x in f.elements}

    def defends(s: Set, a: str) -> bool:
        return all(f.hits(s, c) for b in f.attackers(a) for c in minimal[b])

    strong = [s for s in coherent if f.conflict_free(s)]
    adm = [s for s in strong if all(defends(s, a) for a in s)]
    co = [
        s
        for s in adm
        if not any(defends(s, a) and _powerful(s | {a}, needs) for a in set(f.elements) - s)
    ]
    stable = [
        s for s in strong if all(f.hits(s, c) for a in set(f.elements) - s for c in minimal[a])
    ]
    return _chosen(g, semantics, co, adm, stable)


def _maximal_inverse(sets: list[Set]) -> list[Set]:
    """The ⊆-minimal sets."""
    return [s for s in sets if not any(t < s for t in sets)]


# -- evidential argumentation systems -----------------------------------------------------


def eas_extensions(g: ReasonGraph, evidence: Iterable[str], semantics: str) -> list[Set]:
    """The extensions of the map read as an EAS (see the module docstring)."""
    f = _Frame(g)
    base = frozenset(evidence)
    supports: dict[str, list[Set]] = {x: [] for x in f.elements}
    for r in g.reasons:
        supports[r.id].append(frozenset(r.premises))
        supports[r.conclusion].append(frozenset([r.id]))

    @cache
    def e_supports(s: Set, a: str) -> bool:
        if a in base:
            return True
        rest = s - {a}
        return any(t <= s and all(e_supports(rest, x) for x in t) for t in supports[a])

    def e_attacks(s: Set, a: str) -> bool:
        return any((x, a) in f.attacks and e_supports(s, x) for x in s)

    every = _subsets(f.elements)
    min_attack = {a: _maximal_inverse([x for x in every if e_attacks(x, a)]) for a in f.elements}
    min_support = {a: _maximal_inverse([y for y in every if e_supports(y, a)]) for a in f.elements}

    def acceptable(s: Set, a: str) -> bool:
        return e_supports(s, a) and all(any(e_attacks(s, x) for x in xs) for xs in min_attack[a])

    adm = [s for s in every if f.conflict_free(s) and all(acceptable(s, a) for a in s)]
    co = [s for s in adm if all(a in s for a in f.elements if acceptable(s, a))]
    stable = [
        s
        for s in every
        if f.conflict_free(s)
        and all(e_supports(s, a) for a in s)
        and all(
            any(e_attacks(s, x) for x in y | {a})
            for a in set(f.elements) - s
            for y in min_support[a]
        )
    ]
    return _chosen(g, semantics, co, adm, stable)


# -- deductive support and none ------------------------------------------------------------


def _star(steps: Iterable[tuple[str, str]], elements: Iterable[str]) -> set[tuple[str, str]]:
    """The reflexive and transitive closure of the support steps."""
    result = {(x, x) for x in elements} | set(steps)
    while True:
        more = {(a, d) for a, b in result for c, d in result if b == c} - result
        if not more:
            return result
        result |= more


def d_attacks(g: ReasonGraph) -> set[tuple[str, str]]:
    """Every d-attack, from the definition: ``a ⇒* x``, ``x`` attacks ``y``, ``b ⇒* y``."""
    elements = (*g.nodes, *reified(g))
    star = _star(deductive_steps(g), elements)
    direct = {*g.attacks, *g.undercuts}
    return {(a, b) for a, x in star for b, y in star if (x, y) in direct}


def d_attack_extensions(g: ReasonGraph, semantics: str) -> list[Set]:
    """Dung's semantics of the d-attack framework, projected onto the nodes."""
    af = AF((*g.nodes, *reified(g)), d_attacks(g))
    return _project(g, reference_extensions(af, semantics))


def none_extensions(g: ReasonGraph, semantics: str) -> list[Set]:
    """Dung's semantics of the direct attacks between nodes."""
    return _project(g, reference_extensions(AF(g.nodes, g.attacks), semantics))


def _chosen(
    g: ReasonGraph, semantics: str, complete: list[Set], admissible: list[Set], stable: list[Set]
) -> list[Set]:
    """The sets ``semantics`` picks from the complete, admissible and stable ones, as nodes."""
    pick: dict[str, Callable[[], list[Set]]] = {
        "complete": lambda: complete,
        "grounded": lambda: _least(complete),
        "preferred": lambda: _maximal(admissible),
        "stable": lambda: stable,
    }
    return _project(g, pick[semantics]())

r"""Gradual semantics: how strongly each node stands, from base scores, attacks and supports.

A :class:`WeightedGraph` (a quantitative bipolar argumentation framework) gives every item a
base score in [0, 1], attacks and supports between items, and *reasons*: items whose base
score is not fixed but is the strength of their weakest premise (Pollock's weakest-link
principle), which is how a map's linked premises enter (:func:`map_graph`). Every semantics
computes a strength per item as a function of its base score and of the strengths of its
attackers and supporters:

- **DF-QuAD** (Rago et al. 2016): attackers and supporters are each aggregated by the
  probabilistic sum ``1 - Π(1 - s)``; if attack ``a`` outweighs support ``s`` the base score
  ``w`` falls to ``w - w·(a - s)``, else it rises to ``w + (1 - w)·(s - a)``.
- **Quadratic energy** (Potyka 2018): energy ``E = Σ supporters - Σ attackers``,
  ``h(x) = max(x, 0)² / (1 + max(x, 0)²)``, strength ``w - w·h(-E) + (1 - w)·h(E)``.
- **Euler-based** (Amgoud and Ben-Naim 2017): ``1 - (1 - w²) / (1 + w·e^E)``.
- **h-categoriser** (Besnard and Hunter 2001, weighted): ``w / (1 + Σ attackers)``; it reads
  attacks only, and refuses a graph with supports.

On an acyclic graph the strengths are computed in one pass, item after item in an order in
which every attacker, supporter and premise comes first. On a cyclic one they are the limit
of iterating the equations from the base scores — each round computes every strength from
the previous round's (``step`` 1), or moves each strength a ``step`` (0 < step < 1) of the
way there, Euler's method on the continuous-time formulation (Potyka 2018) — until no
strength changes by more than ``tolerance``; a graph on which they do not settle within
``max_iterations`` rounds raises :class:`NotConverged`.

>>> g = WeightedGraph(["a", "b", "c"], [0.5, 0.8, 0.6], attacks=[("b", "a")],
...                   supports=[("c", "a")])
>>> {k: round(v, 4) for k, v in strengths(g, "dfquad").items()}
{'a': 0.4, 'b': 0.8, 'c': 0.6}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import numpy as np

from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.options import GradualSemantics

__all__ = [
    "BIPOLAR_SEMANTICS",
    "DEFAULT_WEIGHT",
    "NotConverged",
    "WeightedGraph",
    "map_graph",
    "map_strengths",
    "strengths",
]

DEFAULT_WEIGHT = 0.5
"""The base score of a node whose map gives no ``weight``: neither for nor against."""


BIPOLAR_SEMANTICS = (
    GradualSemantics.DFQUAD,
    GradualSemantics.QUADRATIC_ENERGY,
    GradualSemantics.EULER,
)
"""The gradual semantics that read supports (all but the h-categoriser), as maps need."""


class NotConverged(ArgmapError):
    """The strengths of a cyclic graph did not settle within the iteration limit."""


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _scores(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in value)


def _reasons(value: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(v) for k, v in value.items()}


@attrs.frozen
class WeightedGraph:
    """Items with base scores, attacks and supports between them, and reasons.

    ``reasons`` maps an item to its premises: its base score is then the strength of its
    weakest premise (its own entry in ``base`` is not used). Every name in an attack, a
    support or a reason must be an item.
    """

    items: tuple[str, ...] = attrs.field(converter=_names)
    base: tuple[float, ...] = attrs.field(converter=_scores)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    supports: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    reasons: dict[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_reasons)

    def __attrs_post_init__(self) -> None:
        problems = []
        if len(self.base) != len(self.items):
            problems.append(f"{len(self.items)} items but {len(self.base)} base scores")
        if len(set(self.items)) != len(self.items):
            problems.append("an item is named twice")
        problems += [
            f"the base score of '{n}' is {w}, not in [0, 1]"
            for n, w in zip(self.items, self.base, strict=False)
            if not 0.0 <= w <= 1.0
        ]
        known = set(self.items)
        named = [x for pair in (*self.attacks, *self.supports) for x in pair]
        named += [*self.reasons, *(p for ps in self.reasons.values() for p in ps)]
        problems += [f"'{x}' is no item" for x in dict.fromkeys(named) if x not in known]
        problems += [f"reason '{r}' has no premise" for r, ps in self.reasons.items() if not ps]
        if problems:
            raise ArgmapError("not a weighted graph: " + "; ".join(problems))


@attrs.frozen
class _Arrays:
    """A graph as index arrays: sources and targets of attacks and supports, reasons' premises."""

    n: int
    base: np.ndarray
    attack: tuple[np.ndarray, np.ndarray]
    support: tuple[np.ndarray, np.ndarray]
    reason: tuple[np.ndarray, np.ndarray]  # (reason item, premise item), one pair per premise

    @classmethod
    def of(cls, g: WeightedGraph) -> _Arrays:
        index = {name: i for i, name in enumerate(g.items)}

        def arrays(pairs: Iterable[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
            found = np.array([(index[a], index[b]) for a, b in pairs], dtype=np.int64)
            found = found.reshape(-1, 2)
            return found[:, 0], found[:, 1]

        links = [(r, p) for r, ps in g.reasons.items() for p in ps]
        return cls(
            len(g.items),
            np.array(g.base, dtype=float),
            arrays(g.attacks),
            arrays(g.supports),
            arrays(links),
        )


@attrs.frozen
class _Incoming:
    """The attacks and supports into some items: local target indices, sources' strengths."""

    count: int
    attack: tuple[np.ndarray, np.ndarray]
    support: tuple[np.ndarray, np.ndarray]


def _h(x: np.ndarray) -> np.ndarray:
    positive = np.maximum(x, 0.0)
    squared: np.ndarray = positive * positive
    return squared / (1.0 + squared)


def _combine(semantics: GradualSemantics, w: np.ndarray, into: _Incoming) -> np.ndarray:
    """The strengths of ``into.count`` items with base scores ``w`` and the given incoming."""
    k = into.count

    def total(edges: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        return np.bincount(edges[0], weights=edges[1], minlength=k)

    def probabilistic(edges: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        product = np.ones(k)
        np.multiply.at(product, edges[0], 1.0 - edges[1])
        return 1.0 - product

    if semantics is GradualSemantics.DFQUAD:
        attack, support = probabilistic(into.attack), probabilistic(into.support)
        out: np.ndarray = np.where(
            attack >= support, w - w * (attack - support), w + (1.0 - w) * (support - attack)
        )
        return out
    if semantics is GradualSemantics.H_CATEGORISER:
        result: np.ndarray = w / (1.0 + total(into.attack))
        return result
    energy = total(into.support) - total(into.attack)
    if semantics is GradualSemantics.QUADRATIC_ENERGY:
        quadratic: np.ndarray = w - w * _h(-energy) + (1.0 - w) * _h(energy)
        return quadratic
    with np.errstate(over="ignore"):
        euler: np.ndarray = 1.0 - (1.0 - w * w) / (1.0 + w * np.exp(energy))
    return euler


def _weakest_premise(w: np.ndarray, reasons: np.ndarray, premises: np.ndarray) -> np.ndarray:
    """Base scores ``w`` with each reason's (index into ``w``) its weakest premise's strength.

    ``reasons`` and ``premises`` are parallel: one (reason, premise strength) per premise.
    """
    if not len(reasons):
        return w
    weakest = np.full(len(w), np.inf)
    np.minimum.at(weakest, reasons, premises)
    return np.where(np.isinf(weakest), w, weakest)


def _step(a: _Arrays, semantics: GradualSemantics, s: np.ndarray) -> np.ndarray:
    """Every item's strength computed from the strengths ``s``."""
    into = _Incoming(a.n, (a.attack[1], s[a.attack[0]]), (a.support[1], s[a.support[0]]))
    return _combine(semantics, _weakest_premise(a.base, a.reason[0], s[a.reason[1]]), into)


def _by_level(
    edges: tuple[np.ndarray, np.ndarray], level_of: np.ndarray, levels: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edges (source, target) sorted by their target's level, and where each level starts."""
    order = np.argsort(level_of[edges[1]], kind="stable")
    sources, targets = edges[0][order], edges[1][order]
    starts = np.searchsorted(level_of[targets], np.arange(levels + 1))
    return sources, targets, starts


def _one_pass(a: _Arrays, semantics: GradualSemantics, levels: list[np.ndarray]) -> np.ndarray:
    """The strengths of an acyclic graph, level by level, each item computed once."""
    s = a.base.copy()
    level_of = np.empty(a.n, dtype=np.int64)
    for k, level in enumerate(levels):
        level_of[level] = k
    attack = _by_level(a.attack, level_of, len(levels))
    support = _by_level(a.support, level_of, len(levels))
    premise = _by_level((a.reason[1], a.reason[0]), level_of, len(levels))
    local = np.zeros(a.n, dtype=np.int64)
    for k, level in enumerate(levels):
        local[level] = np.arange(len(level))
        lo, hi = premise[2][k], premise[2][k + 1]  # the premises of this level's reasons
        w = _weakest_premise(a.base[level], local[premise[1][lo:hi]], s[premise[0][lo:hi]])
        spans = [
            (e[0][e[2][k] : e[2][k + 1]], e[1][e[2][k] : e[2][k + 1]]) for e in (attack, support)
        ]
        into = _Incoming(len(level), *((local[targets], s[sources]) for sources, targets in spans))
        s[level] = _combine(semantics, w, into)
    return s


def _order(a: _Arrays) -> list[np.ndarray] | None:
    """The items in levels, each after every item it depends on; ``None`` if there is a cycle."""
    sources = np.concatenate([a.attack[0], a.support[0], a.reason[1]])
    targets = np.concatenate([a.attack[1], a.support[1], a.reason[0]])
    waiting = np.bincount(targets, minlength=a.n)
    order = np.argsort(sources, kind="stable")
    starts = np.searchsorted(sources[order], np.arange(a.n + 1))
    level = np.flatnonzero(waiting == 0)
    levels, done = [], 0
    while len(level):
        levels.append(level)
        done += len(level)
        spans = [order[starts[i] : starts[i + 1]] for i in level]
        freed = targets[np.concatenate(spans)] if spans else np.empty(0, dtype=np.int64)
        np.subtract.at(waiting, freed, 1)
        level = np.unique(freed[waiting[freed] == 0])
    return levels if done == a.n else None


def strengths(
    graph: WeightedGraph,
    semantics: str | GradualSemantics = GradualSemantics.DFQUAD,
    *,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
    step: float = 1.0,
) -> dict[str, float]:
    """Each item's strength in [0, 1] under a gradual semantics (see the module docstring).

    Raises
    ------
    ArgmapError
        If the h-categoriser is asked of a graph with supports, or ``step`` is not in (0, 1].
    NotConverged
        If a cyclic graph's strengths do not settle within ``max_iterations`` rounds.
    """
    chosen = GradualSemantics.parse(semantics)
    if chosen is GradualSemantics.H_CATEGORISER and (graph.supports or graph.reasons):
        raise ArgmapError(
            "the h-categoriser reads attacks only; this graph has supports "
            "(use dfquad, quadratic-energy or euler)"
        )
    if not 0.0 < step <= 1.0:
        raise ArgmapError(f"step must be in (0, 1], not {step}")
    a = _Arrays.of(graph)
    levels = _order(a)
    if levels is not None:  # acyclic: one pass, each level once its sources are final
        return dict(zip(graph.items, _one_pass(a, chosen, levels).tolist(), strict=True))
    s = a.base.copy()
    change = np.inf
    for _ in range(max_iterations):
        target = _step(a, chosen, s)
        moved = s + step * (target - s)
        change = float(np.max(np.abs(moved - s))) if a.n else 0.0
        s = moved
        if change <= tolerance:
            return dict(zip(graph.items, s.tolist(), strict=True))
    raise NotConverged(
        f"the {chosen} strengths did not settle in {max_iterations} rounds (the last changed "
        f"a strength by {change:.3g}); try a smaller step (continuous-time) or more rounds"
    )


def map_graph(m: ArgumentMap, default: float = DEFAULT_WEIGHT) -> WeightedGraph:
    """A map as a weighted graph: its nodes, and one item per reason (support edge).

    A node's base score is its ``weight`` (``default`` when it has none). A reason, named by
    its support edge's key, takes its weakest premise's strength as base score, is attacked
    by the nodes that undercut it, and supports its conclusion; attacks between nodes stay
    attacks.

    >>> import argmap
    >>> m = argmap.ArgumentMap("m", "M", [argmap.Node("e", "evidence", "E.", weight=0.9),
    ...     argmap.Node("r", "recommendation", "Do it.", actors=["US"])],
    ...     [argmap.Edge("support", "e", "r", id="why")])
    >>> g = map_graph(m)
    >>> g.items, g.base, g.supports, g.reasons
    (('e', 'r', 'why'), (0.9, 0.5, 1.0), (('why', 'r'),), {'why': ('e',)})
    """
    graph = ReasonGraph.of(m)
    base = [default if n.weight is None else n.weight for n in m.nodes]  # ReasonGraph's order
    return WeightedGraph(
        [*graph.nodes, *(r.id for r in graph.reasons)],
        [*base, *(1.0 for _ in graph.reasons)],
        attacks=[*graph.attacks, *graph.undercuts],
        supports=[(r.id, r.conclusion) for r in graph.reasons],
        reasons={r.id: r.premises for r in graph.reasons},
    )


def map_strengths(
    m: ArgumentMap,
    semantics: str | GradualSemantics = GradualSemantics.DFQUAD,
    *,
    default: float = DEFAULT_WEIGHT,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
    step: float = 1.0,
) -> dict[str, float]:
    """The strength of every node and every reason of a map (see :func:`map_graph`).

    Raises
    ------
    ArgmapError
        As :func:`strengths` (the h-categoriser refuses a map with supports).
    NotConverged
        If the map's strengths do not settle (a cycle of attacks or supports).
    """
    return strengths(
        map_graph(m, default),
        semantics,
        tolerance=tolerance,
        max_iterations=max_iterations,
        step=step,
    )

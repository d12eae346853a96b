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

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import overload

import attrs
import numpy as np

from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.options import GradualSemantics

__all__ = [
    "BIPOLAR_SEMANTICS",
    "DEFAULT_WEIGHT",
    "ArrayGraph",
    "NotConverged",
    "WeightedGraph",
    "map_graph",
    "map_strengths",
    "settled_strengths",
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
    pairs = list(value)
    if not pairs:
        return ()
    sources, targets = zip(*pairs, strict=True)  # map and zip: no Python frame per pair
    return tuple(zip(map(str, sources), map(str, targets), strict=True))


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


def _scores_array(value: object) -> np.ndarray:
    return np.asarray(value, dtype=float).reshape(-1)


def _index_pairs(value: object) -> np.ndarray:
    found = np.asarray(value)
    if found.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    if found.ndim != 2 or found.shape[1] != 2 or not np.issubdtype(found.dtype, np.integer):
        raise ArgmapError(
            f"not a weighted graph: expected integer index pairs of shape (m, 2), not an "
            f"array of shape {found.shape} and type {found.dtype}"
        )
    return found.astype(np.int64, copy=False)


@attrs.frozen(eq=False)
class ArrayGraph:
    """A weighted graph as numpy arrays, for large graphs: items are the indices 0 … n-1.

    ``base`` holds the n base scores; ``attacks`` and ``supports`` are integer arrays of
    shape (m, 2), one (source, target) pair a row; ``reasons`` has one (reason, premise)
    row per premise (a reason item's base score is its weakest premise's strength).
    :func:`strengths` of an ``ArrayGraph`` returns the strengths as an array in item order,
    with no name looked up on the way.

    >>> g = ArrayGraph([0.5, 0.8, 0.6], attacks=[[1, 0]], supports=[[2, 0]])
    >>> strengths(g, "dfquad").round(4).tolist()
    [0.4, 0.8, 0.6]
    """

    base: np.ndarray = attrs.field(converter=_scores_array)
    attacks: np.ndarray = attrs.field(default=(), converter=_index_pairs)
    supports: np.ndarray = attrs.field(default=(), converter=_index_pairs)
    reasons: np.ndarray = attrs.field(default=(), converter=_index_pairs)

    def __attrs_post_init__(self) -> None:
        n, problems = len(self.base), []
        outside = ~((self.base >= 0.0) & (self.base <= 1.0))  # NaN included
        if outside.any():
            first = int(np.flatnonzero(outside)[0])
            problems.append(
                f"{int(outside.sum())} base score(s) not in [0, 1] (item {first}: "
                f"{self.base[first]})"
            )
        for name, pairs in (
            ("attacks", self.attacks),
            ("supports", self.supports),
            ("reasons", self.reasons),
        ):
            if pairs.size and (pairs.min() < 0 or pairs.max() >= n):
                problems.append(f"{name} name an item outside 0 … {n - 1}")
        if problems:
            raise ArgmapError("not a weighted graph: " + "; ".join(problems))

    @classmethod
    def of(cls, graph: WeightedGraph) -> ArrayGraph:
        """The arrays of a graph whose items are named (in the order of ``graph.items``)."""
        index = {name: i for i, name in enumerate(graph.items)}

        def pairs(named: Sequence[tuple[str, str]]) -> np.ndarray:
            ends = itertools.chain.from_iterable(named)
            flat = np.fromiter(map(index.__getitem__, ends), dtype=np.int64, count=2 * len(named))
            return flat.reshape(-1, 2)

        links = [(r, p) for r, ps in graph.reasons.items() for p in ps]
        return cls(graph.base, pairs(graph.attacks), pairs(graph.supports), pairs(links))

    @property
    def n(self) -> int:
        """How many items."""
        return len(self.base)


def _h(x: np.ndarray) -> np.ndarray:
    positive = np.maximum(x, 0.0)
    squared: np.ndarray = positive * positive
    return squared / (1.0 + squared)


def _combine(
    semantics: GradualSemantics, w: np.ndarray, slots: np.ndarray, values: np.ndarray
) -> np.ndarray:
    """The strengths of ``k = len(w)`` items with base scores ``w`` and incoming edges.

    One row per edge into them: ``slots`` is the target's index for an attack and ``k`` +
    the index for a support, ``values`` the source's strength. Both aggregates come out of
    one ``multiply.at`` (DF-QuAD's products) or one ``bincount`` (the sums).
    """
    k = len(w)
    if semantics is GradualSemantics.DFQUAD:
        product = np.ones(2 * k)
        np.multiply.at(product, slots, 1.0 - values)
        attack, support = 1.0 - product[:k], 1.0 - product[k:]
        out: np.ndarray = np.where(
            attack >= support, w - w * (attack - support), w + (1.0 - w) * (support - attack)
        )
        return out
    sums = np.bincount(slots, weights=values, minlength=2 * k)
    if semantics is GradualSemantics.H_CATEGORISER:
        result: np.ndarray = w / (1.0 + sums[:k])
        return result
    energy = sums[k:] - sums[:k]
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


@attrs.frozen
class _Edges:
    """A graph's edges laid out for computing: every attack and support in one list."""

    sources: np.ndarray
    targets: np.ndarray
    supports: np.ndarray
    """1 for a support, 0 for an attack, per edge."""
    reasons: np.ndarray
    premises: np.ndarray
    """The (reason, premise) links as two columns, one row per premise."""

    @classmethod
    def of(cls, a: ArrayGraph) -> _Edges:
        both = np.concatenate([a.attacks, a.supports])
        flags = np.zeros(len(both), dtype=np.int64)
        flags[len(a.attacks) :] = 1
        return cls(
            np.ascontiguousarray(both[:, 0]),
            np.ascontiguousarray(both[:, 1]),
            flags,
            np.ascontiguousarray(a.reasons[:, 0]),
            np.ascontiguousarray(a.reasons[:, 1]),
        )


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (``np.unique`` without its first call's lazy import)."""
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    found: np.ndarray = values[keep]
    return found


def _order(a: ArrayGraph, edges: _Edges) -> list[np.ndarray] | None:
    """The items in levels, each after every item it depends on; ``None`` if there is a cycle.

    Kahn's algorithm a level at a time: the edges out of a level are found by one gather
    over the edges sorted by source, not one slice per item.
    """
    sources = np.concatenate([edges.sources, edges.premises])
    targets = np.concatenate([edges.targets, edges.reasons])
    waiting = np.bincount(targets, minlength=a.n)
    onward = targets[np.argsort(sources, kind="stable")]  # targets grouped by source
    starts = np.zeros(a.n + 1, dtype=np.int64)
    np.cumsum(np.bincount(sources, minlength=a.n), out=starts[1:])
    level = np.flatnonzero(waiting == 0)
    levels, done = [], 0
    while len(level):
        levels.append(level)
        done += len(level)
        counts = starts[level + 1] - starts[level]
        total = int(counts.sum())
        if not total:
            break
        # item j's edges are onward[starts[j] : starts[j] + counts[j]], laid end to end
        shift = starts[level] - np.cumsum(counts) + counts
        freed = onward[np.repeat(shift, counts) + np.arange(total)]
        np.subtract.at(waiting, freed, 1)
        level = _distinct(freed[waiting[freed] == 0])
    return levels if done == a.n else None


def _one_pass(
    a: ArrayGraph, semantics: GradualSemantics, levels: list[np.ndarray], edges: _Edges
) -> np.ndarray:
    """The strengths of an acyclic graph, level by level, each item computed once."""
    s = a.base.copy()
    level_of = np.empty(a.n, dtype=np.int64)
    for k, level in enumerate(levels):
        level_of[level] = k
    count = len(levels)

    def by_level(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
        """Rows sorted by the level of the first column's item, and where each level starts."""
        order = np.argsort(level_of[columns[0]], kind="stable")
        found = [c[order] for c in columns]
        return found, np.searchsorted(level_of[found[0]], np.arange(count + 1))

    (targets, sources, supports), starts = by_level(edges.targets, edges.sources, edges.supports)
    (reasons, premises), premise_starts = by_level(edges.reasons, edges.premises)
    local = np.zeros(a.n, dtype=np.int64)
    for k, level in enumerate(levels):
        local[level] = np.arange(len(level))
        w = a.base[level]
        lo, hi = premise_starts[k], premise_starts[k + 1]  # the premises of its reasons
        if hi > lo:
            w = _weakest_premise(w, local[reasons[lo:hi]], s[premises[lo:hi]])
        lo, hi = starts[k], starts[k + 1]
        slots = local[targets[lo:hi]] + len(level) * supports[lo:hi]
        s[level] = _combine(semantics, w, slots, s[sources[lo:hi]])
    return s


def _iterate(
    a: ArrayGraph,
    semantics: GradualSemantics,
    edges: _Edges,
    tolerance: float,
    max_iterations: int,
    step: float,
) -> np.ndarray:
    """The strengths of a cyclic graph: rounds of every item's equation until they settle."""
    slots = edges.targets + a.n * edges.supports
    s = a.base.copy()
    change = np.inf
    for _ in range(max_iterations):
        w = _weakest_premise(a.base, edges.reasons, s[edges.premises])
        target = _combine(semantics, w, slots, s[edges.sources])
        moved = s + step * (target - s) if step < 1.0 else target
        change = float(np.max(np.abs(moved - s))) if a.n else 0.0
        s = moved
        if change <= tolerance:
            return s
    raise NotConverged(
        f"the {semantics} strengths did not settle in {max_iterations} rounds (the last changed "
        f"a strength by {change:.3g}); try a smaller step (continuous-time) or more rounds"
    )


def _solve(
    a: ArrayGraph,
    semantics: GradualSemantics,
    tolerance: float,
    max_iterations: int,
    step: float,
) -> np.ndarray:
    """The strengths of every item, in item order (see :func:`strengths`)."""
    if semantics is GradualSemantics.H_CATEGORISER and (len(a.supports) or len(a.reasons)):
        raise ArgmapError(
            "the h-categoriser reads attacks only; this graph has supports "
            "(use dfquad, quadratic-energy or euler)"
        )
    if not 0.0 < step <= 1.0:
        raise ArgmapError(f"step must be in (0, 1], not {step}")
    edges = _Edges.of(a)
    levels = _order(a, edges)
    if levels is not None:  # acyclic: one pass, each level once its sources are final
        return _one_pass(a, semantics, levels, edges)
    return _iterate(a, semantics, edges, tolerance, max_iterations, step)


@overload
def strengths(
    graph: WeightedGraph,
    semantics: str | GradualSemantics = ...,
    *,
    tolerance: float = ...,
    max_iterations: int = ...,
    step: float = ...,
) -> dict[str, float]: ...


@overload
def strengths(
    graph: ArrayGraph,
    semantics: str | GradualSemantics = ...,
    *,
    tolerance: float = ...,
    max_iterations: int = ...,
    step: float = ...,
) -> np.ndarray: ...


def strengths(
    graph: WeightedGraph | ArrayGraph,
    semantics: str | GradualSemantics = GradualSemantics.DFQUAD,
    *,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
    step: float = 1.0,
) -> dict[str, float] | np.ndarray:
    """Each item's strength in [0, 1] under a gradual semantics (see the module docstring).

    By name for a :class:`WeightedGraph`; as an array in item order for an
    :class:`ArrayGraph`.

    Raises
    ------
    ArgmapError
        If the h-categoriser is asked of a graph with supports, or ``step`` is not in (0, 1].
    NotConverged
        If a cyclic graph's strengths do not settle within ``max_iterations`` rounds.
    """
    chosen = GradualSemantics.parse(semantics)
    if isinstance(graph, ArrayGraph):
        return _solve(graph, chosen, tolerance, max_iterations, step)
    found = _solve(ArrayGraph.of(graph), chosen, tolerance, max_iterations, step)
    return dict(zip(graph.items, found.tolist(), strict=True))


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


def settled_strengths(
    m: ArgumentMap, semantics: str | GradualSemantics = GradualSemantics.DFQUAD
) -> dict[str, float] | None:
    """:func:`map_strengths`, or ``None`` for a map whose strengths do not settle (a cycle).

    For the views that show strengths where there are some and say so where there are none.

    >>> import argmap
    >>> m = argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")])
    >>> settled_strengths(m, "euler")
    {'r': 0.5}
    """
    try:
        return map_strengths(m, semantics)
    except NotConverged:
        return None

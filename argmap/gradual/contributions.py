r"""Why a node is as strong as it is: contributions, and what would change it.

For a *target* item of a :class:`~argmap.gradual.WeightedGraph` under a gradual semantics:

- :func:`removal_contributions`: for each other item, the target's strength minus its
  strength without that item (and its edges, and any reason it is a premise of: a reason
  that loses a premise holds nothing, strength 0) — how much the item adds (positive) or
  takes away (negative);
- :func:`gradient_contributions`: the derivative of the target's strength with respect to
  each item's base score (a central difference), the local effect of a small change of that
  judgement;
- :func:`shapley_contributions`: each item's Shapley value in the game whose players are the
  target's other items and whose value is the target's strength with only some of them
  present; exact, so for at most :data:`SHAPLEY_LIMIT` players (a larger graph raises
  rather than guesses);
- :func:`sensitivity`: per item, the smallest change of its base score alone that moves the
  target's strength across a threshold (if any does), with the chain of items through which
  it acts.

>>> from argmap.gradual import WeightedGraph
>>> g = WeightedGraph(["r", "pro", "con"], [0.5, 0.6, 0.9],
...                   attacks=[("con", "r")], supports=[("pro", "r")])
>>> {k: round(v, 3) for k, v in removal_contributions(g, "r", "dfquad").items()}
{'pro': 0.3, 'con': -0.45}
>>> [(s.item, round(s.base, 3)) for s in sensitivity(g, "r", "dfquad", threshold=0.5)]
[('pro', 0.9), ('con', 0.6)]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from argmap.errors import ArgmapError
from argmap.gradual import ArrayGraph, WeightedGraph, strengths
from argmap.options import GradualSemantics

__all__ = [
    "SHAPLEY_LIMIT",
    "Sensitivity",
    "gradient_contributions",
    "removal_contributions",
    "sensitivity",
    "shapley_contributions",
]

SHAPLEY_LIMIT = 12
"""The most players (items other than the target that reach it) Shapley values are computed for."""


def _check(graph: WeightedGraph, target: str) -> None:
    if target not in graph.items:
        raise ArgmapError(f"'{target}' is not an item of the graph")


def _links(graph: WeightedGraph) -> Iterator[tuple[str, str]]:
    """Every (source, target) an item's strength flows along: attacks, supports, premises."""
    yield from graph.attacks
    yield from graph.supports
    for reason, premises in graph.reasons.items():
        for premise in premises:
            yield premise, reason


def _upstream(graph: WeightedGraph, target: str) -> list[str]:
    """The items with a path to ``target`` (through attacks, supports and premises), in order."""
    into: dict[str, list[str]] = {}
    for a, b in _links(graph):
        into.setdefault(b, []).append(a)
    seen, todo = {target}, [target]
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return [item for item in graph.items if item in seen and item != target]


def _without(graph: WeightedGraph, gone: Iterable[str]) -> WeightedGraph:
    """The graph without some items, their edges and the reasons they are premises of."""
    out = set(gone)
    out |= {r for r, ps in graph.reasons.items() if out & set(ps)}
    kept = [(i, w) for i, w in zip(graph.items, graph.base, strict=True) if i not in out]
    return WeightedGraph(
        [i for i, _ in kept],
        [w for _, w in kept],
        [(a, b) for a, b in graph.attacks if a not in out and b not in out],
        [(a, b) for a, b in graph.supports if a not in out and b not in out],
        {r: ps for r, ps in graph.reasons.items() if r not in out},
    )


def _strength(graph: WeightedGraph, target: str, semantics: str | GradualSemantics) -> float:
    """The target's strength; 0 when it is gone (a reason that lost a premise holds nothing)."""
    if target not in graph.items:
        return 0.0
    return strengths(graph, semantics)[target]


def _varying(
    arrays: ArrayGraph,
    index: Mapping[str, int],
    item: str,
    target: str,
    semantics: str | GradualSemantics,
) -> Callable[[float], float]:
    """The target's strength as a function of one item's base score, the others kept."""
    i, t = index[item], index[target]

    def at(score: float) -> float:
        base = arrays.base.copy()
        base[i] = score
        return float(strengths(attrs.evolve(arrays, base=base), semantics)[t])

    return at


def removal_contributions(
    graph: WeightedGraph, target: str, semantics: str | GradualSemantics = "dfquad"
) -> dict[str, float]:
    """Per item that reaches ``target``: its strength with the item minus without it."""
    _check(graph, target)
    whole = strengths(graph, semantics)[target]
    return {
        item: whole - _strength(_without(graph, [item]), target, semantics)
        for item in _upstream(graph, target)
    }


def gradient_contributions(
    graph: WeightedGraph,
    target: str,
    semantics: str | GradualSemantics = "dfquad",
    h: float = 1e-6,
) -> dict[str, float]:
    """Per item that reaches ``target``: d strength(target) / d base(item), by central difference.

    A reason's base score is its weakest premise's strength, not a judgement: it has none.
    """
    _check(graph, target)
    arrays, index = ArrayGraph.of(graph), {name: i for i, name in enumerate(graph.items)}
    found = {}
    for item in _upstream(graph, target):
        if item in graph.reasons:
            continue
        w = graph.base[index[item]]
        lo, hi = max(0.0, w - h), min(1.0, w + h)
        at = _varying(arrays, index, item, target, semantics)
        found[item] = (at(hi) - at(lo)) / (hi - lo)
    return found


def shapley_contributions(
    graph: WeightedGraph, target: str, semantics: str | GradualSemantics = "dfquad"
) -> dict[str, float]:
    """Each item's Shapley value for the target's strength (items present or removed).

    The values add up to the target's strength with every item minus its strength alone.

    Raises
    ------
    ArgmapError
        If more than :data:`SHAPLEY_LIMIT` items reach the target (2^n strengths would be
        computed); use removal or gradient contributions then.
    """
    _check(graph, target)
    players = _upstream(graph, target)
    if len(players) > SHAPLEY_LIMIT:
        raise ArgmapError(
            f"{len(players)} items reach '{target}': exact Shapley values would take 2^"
            f"{len(players)} computations (the limit is {SHAPLEY_LIMIT} items); use removal "
            "or gradient contributions"
        )
    value: dict[frozenset[str], float] = {}
    for size in range(len(players) + 1):
        for chosen in itertools.combinations(players, size):
            gone = [p for p in players if p not in chosen]
            value[frozenset(chosen)] = _strength(_without(graph, gone), target, semantics)
    n = len(players)
    found = {}
    for p in players:
        others = [q for q in players if q != p]
        total = 0.0
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for coalition in itertools.combinations(others, size):
                joined = frozenset(coalition)
                total += weight * (value[joined | {p}] - value[joined])
        found[p] = total
    return found


@attrs.frozen
class Sensitivity:
    """The smallest change of one item's base score that moves the target across a threshold.

    ``base`` is the new base score (``change`` = new - old), ``strength`` the target's strength
    then, ``path`` the chain of items from the item to the target through which it acts.
    """

    item: str
    base: float
    change: float
    strength: float
    path: tuple[str, ...]


def _path(graph: WeightedGraph, source: str, target: str) -> tuple[str, ...]:
    """A shortest chain of items from ``source`` to ``target``."""
    out: dict[str, list[str]] = {}
    for a, b in _links(graph):
        out.setdefault(a, []).append(b)
    previous: dict[str, str] = {}
    frontier = [source]
    while frontier and target not in previous:
        following = []
        for item in frontier:
            for nxt in out.get(item, ()):
                if nxt not in previous and nxt != source:
                    previous[nxt] = item
                    following.append(nxt)
        frontier = following
    chain = [target]
    while chain[-1] != source:
        chain.append(previous[chain[-1]])
    return tuple(reversed(chain))


def sensitivity(
    graph: WeightedGraph,
    target: str,
    semantics: str | GradualSemantics = "dfquad",
    threshold: float = 0.5,
    steps: int = 200,
) -> list[Sensitivity]:
    """Per item that can, the smallest change of its base score that moves the target across.

    The target's strength moves to the other side of ``threshold``, the others' base scores
    kept; smallest change first. Each item's base score is tried on a grid of ``steps`` values on each side of its own,
    nearest first; the first crossing is refined by bisection to 1e-9.
    """
    _check(graph, target)
    before = strengths(graph, semantics)[target]
    above = before >= threshold
    arrays, index = ArrayGraph.of(graph), {name: i for i, name in enumerate(graph.items)}

    results = []
    for item in _upstream(graph, target):
        if item in graph.reasons:
            continue
        w = graph.base[index[item]]
        at = _varying(arrays, index, item, target, semantics)

        def crosses(score: float, at: Callable[[float], float] = at) -> bool:
            return (at(score) >= threshold) != above

        candidates = sorted(
            {min(1.0, max(0.0, w + d * k / steps)) for k in range(1, steps + 1) for d in (-1, 1)},
            key=lambda x: (abs(x - w), x),
        )
        hit = next((x for x in candidates if crosses(x)), None)
        if hit is None:
            continue
        inside, outside = w, hit  # bisection between the last score that does not cross
        while abs(outside - inside) > 1e-9:
            middle = (inside + outside) / 2
            if crosses(middle):
                outside = middle
            else:
                inside = middle
        strength = at(outside)
        results.append(
            Sensitivity(item, outside, outside - w, strength, _path(graph, item, target))
        )
    return sorted(results, key=lambda s: abs(s.change))

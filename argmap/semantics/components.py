"""The weakly connected components of a framework, each as a framework of its own.

No attack joins two components, so most semantics split over them (Baumann 2011, "Splitting
an argumentation framework"): :func:`argmap.semantics.iter_extensions` enumerates each
component alone and combines the results.

>>> [p.members.tolist() for p in components(AF(["a", "b", "c"], [("a", "b")]))]
[[0, 1], [2]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TypeVar

import numpy as np

from argmap.framework import AF

__all__ = ["Component", "component_labels", "components", "lazy_product"]

T = TypeVar("T")


class Component(NamedTuple):
    """One component: its arguments (ascending indices of the whole) and its framework."""

    members: np.ndarray
    af: AF


def component_labels(af: AF) -> np.ndarray:
    """For each argument, the smallest index in its weakly connected component.

    Minimum-label propagation over the attacks with pointer jumping: a handful of rounds
    of array arithmetic, whatever the shape.

    >>> component_labels(AF(["a", "b", "c", "d"], [("b", "a"), ("d", "c")])).tolist()
    [0, 0, 2, 2]
    """
    n, adjacency = len(af), af.adjacency
    source = np.repeat(np.arange(n, dtype=np.int64), np.diff(adjacency.out_start))
    target = adjacency.out_index
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[source], label[target])
        new = label.copy()
        np.minimum.at(new, source, low)
        np.minimum.at(new, target, low)
        while not np.array_equal(jumped := new[new], new):
            new = jumped
        if np.array_equal(new, label):
            return label
        label = new


def components(af: AF) -> list[Component]:
    """The weakly connected components, in the order of their smallest argument."""
    n, adjacency = len(af), af.adjacency
    if n == 0:
        return []
    _, which = np.unique(component_labels(af), return_inverse=True)
    count = int(which.max()) + 1
    if count == 1:
        return [Component(np.arange(n, dtype=np.int64), af)]
    order = np.argsort(which, kind="stable")
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(which, minlength=count), out=starts[1:])
    local = np.empty(n, dtype=np.int64)
    local[order] = np.arange(n, dtype=np.int64) - starts[which[order]]
    source = np.repeat(np.arange(n, dtype=np.int64), np.diff(adjacency.out_start))
    target = adjacency.out_index
    by_component = np.argsort(which[source], kind="stable")
    edge_starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(which[source], minlength=count), out=edge_starts[1:])
    ends = np.stack((local[source], local[target]), axis=1)[by_component].ravel()
    return [
        Component(
            order[starts[c] : starts[c + 1]],
            AF.numbered(
                int(starts[c + 1] - starts[c]), ends[2 * edge_starts[c] : 2 * edge_starts[c + 1]]
            ),
        )
        for c in range(count)
    ]


def lazy_product(parts: Sequence[Iterator[T]]) -> Iterator[tuple[T, ...]]:
    """``itertools.product`` of iterators, lazily: the combinations of one item of each part.

    ``itertools.product`` reads every part whole before its first combination; here the
    first part is read once, as the combinations go, and the others are kept as they are
    read (the last part varies fastest). Nothing if a part is empty; one empty combination
    if there are no parts. What the parts of a split framework (or of any graph whose
    components are solved alone) combine through.

    >>> list(lazy_product([iter("ab"), iter("xy")]))
    [('a', 'x'), ('a', 'y'), ('b', 'x'), ('b', 'y')]
    >>> list(lazy_product([])), list(lazy_product([iter("ab"), iter("")]))
    ([()], [])
    """
    if not parts:
        yield ()
        return
    outer, inner = parts[0], parts[1:]
    caches: list[list[T]] = [[] for _ in inner]

    def has(k: int, j: int) -> bool:
        """Whether part ``k`` has an item ``j`` (read from the part if not cached yet)."""
        cache = caches[k]
        if j == len(cache):
            for item in inner[k]:
                cache.append(item)
                break
        return j < len(cache)

    if not all(has(k, 0) for k in range(len(inner))):
        return
    for head in outer:
        position = [0] * len(inner)
        while True:
            yield (head, *(caches[k][j] for k, j in enumerate(position)))
            if not _advance(position, has):
                break


def _advance(position: list[int], has: Callable[[int, int], bool]) -> bool:
    """Step an odometer over the parts' items (the last fastest); ``False`` past its end."""
    for k in reversed(range(len(position))):
        position[k] += 1
        if has(k, position[k]):
            return True
        position[k] = 0
    return False

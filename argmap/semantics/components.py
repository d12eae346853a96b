"""The weakly connected components of a framework, each as a framework of its own.

No attack joins two components, so most semantics split over them (Baumann 2011, "Splitting
an argumentation framework"): :func:`argmap.semantics.iter_extensions` enumerates each
component alone and combines the results.

>>> [p.members.tolist() for p in components(AF(["a", "b", "c"], [("a", "b")]))]
[[0, 1], [2]]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from argmap.framework import AF

__all__ = ["Component", "component_labels", "components"]


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

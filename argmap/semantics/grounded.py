"""The grounded extension in linear time, by propagating labels.

An argument is IN once all its attackers are OUT, and OUT once one attacker is IN; what is
never reached stays UNDEC. Each argument and attack is visited a bounded number of times:
O(arguments + attacks), with no fixpoint iteration over sets.
"""

from __future__ import annotations

import numpy as np

from argmap.framework import AF

__all__ = ["grounded_labels", "grounded_ranks"]

UNDEC, IN, OUT = 0, 1, 2


def grounded_ranks(af: AF) -> tuple[list[int], list[int]]:
    """Labels as :func:`grounded_labels`, and the round in which each was decided.

    Unattacked arguments are IN in round 0; what they attack is OUT in round 0; an argument
    whose attackers are all OUT by round ``r`` is IN in round ``r + 1``. Undecided
    arguments have rank -1. Ranks make explanations well-founded: an IN argument's
    defenders are IN in earlier rounds.

    >>> grounded_ranks(AF(["a", "b", "c"], [("a", "b"), ("b", "c")]))
    ([1, 2, 1], [0, 0, 1])
    """
    label, rank = af.memoized("grounded", _grounded_ranks)
    return label.copy(), rank.copy()


def _grounded_ranks(af: AF) -> tuple[list[int], list[int]]:
    n, adjacency = len(af), af.adjacency
    start, index = adjacency.out_start.tolist(), adjacency.out_index.tolist()
    label, rank = [UNDEC] * n, [-1] * n
    live = np.diff(adjacency.in_start).tolist()  # attackers not yet OUT
    frontier, level = [i for i in range(n) if live[i] == 0], 0
    while frontier:
        following = []
        for a in frontier:
            label[a], rank[a] = IN, level
            for b in index[start[a] : start[a + 1]]:
                if label[b] != UNDEC:
                    continue
                label[b], rank[b] = OUT, level
                for c in index[start[b] : start[b + 1]]:
                    live[c] -= 1
                    if live[c] == 0 and label[c] == UNDEC:
                        following.append(c)
        frontier, level = following, level + 1
    return label, rank


def grounded_labels(af: AF) -> list[int]:
    """Per argument index: ``IN`` (1), ``OUT`` (2) or ``UNDEC`` (0) in the grounded labelling.

    >>> af = AF(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labels(af)
    [1, 2, 1, 0]
    """
    return grounded_ranks(af)[0]

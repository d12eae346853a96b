"""The grounded extension in linear time, by propagating labels.

An argument is IN once all its attackers are OUT, and OUT once one attacker is IN; what is
never reached stays UNDEC. Each argument and attack is visited a bounded number of times:
O(arguments + attacks), with no fixpoint iteration over sets.
"""

from __future__ import annotations

from collections import deque

from argmap.framework import AF

__all__ = ["grounded_labels"]

UNDEC, IN, OUT = 0, 1, 2


def grounded_labels(af: AF) -> list[int]:
    """Per argument index: ``IN`` (1), ``OUT`` (2) or ``UNDEC`` (0) in the grounded labelling.

    >>> af = AF(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labels(af)
    [1, 2, 1, 0]
    """
    n = len(af)
    label = [UNDEC] * n
    live = [len(attackers) for attackers in af.attackers]  # attackers not yet OUT
    queue = deque(i for i in range(n) if live[i] == 0)
    targets = af.targets
    while queue:
        a = queue.popleft()
        label[a] = IN
        for b in targets[a]:
            if label[b] != UNDEC:
                continue
            label[b] = OUT
            for c in targets[b]:
                live[c] -= 1
                if live[c] == 0 and label[c] == UNDEC:
                    queue.append(c)
    return label

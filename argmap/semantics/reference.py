"""Every semantics by brute force, straight from the definitions: the tests' oracle.

Exponential in the number of arguments: for frameworks of a dozen arguments or fewer. The
definitions are those of Dung (1995) for conflict-free, admissible, complete, grounded,
preferred and stable; Caminada (2006) for semi-stable; Verheij (1996) for stage; Dung,
Mancarella and Toni (2007) for ideal; Caminada (2007) for eager.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import NamedTuple

from argmap.framework import AF

__all__ = ["reference_extensions"]

Ext = frozenset[int]


def _subsets(n: int) -> list[Ext]:
    return [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]


def _conflict_free(af: AF, s: Ext) -> bool:
    return not any(af.attacks_index(a, b) for a in s for b in s)


def _defends(af: AF, s: Ext, a: int) -> bool:
    return all(any(af.attacks_index(c, b) for c in s) for b in af.attackers[a])


def _admissible(af: AF, s: Ext) -> bool:
    return _conflict_free(af, s) and all(_defends(af, s, a) for a in s)


def _complete(af: AF, s: Ext) -> bool:
    return _admissible(af, s) and all(a in s for a in range(len(af)) if _defends(af, s, a))


def _stable(af: AF, s: Ext) -> bool:
    return _conflict_free(af, s) and all(
        any(af.attacks_index(c, a) for c in s) for a in range(len(af)) if a not in s
    )


def _range(af: AF, s: Ext) -> Ext:
    return s | frozenset(b for a in s for b in af.targets[a])


def _maximal(sets: list[Ext], key: Callable[[Ext], Ext] = lambda s: s) -> list[Ext]:
    return [s for s in sets if not any(key(s) < key(t) for t in sets)]


def _largest_admissible_within(af: AF, bound: Ext, all_sets: list[Ext]) -> Ext:
    candidates = [s for s in all_sets if s <= bound and _admissible(af, s)]
    (largest,) = _maximal(candidates)  # the admissible subsets of a set are closed under union
    return largest


class _Sets(NamedTuple):
    """The sets of arguments every semantics is picked from."""

    af: AF
    every: list[Ext]
    cf: list[Ext]
    adm: list[Ext]
    co: list[Ext]


def _grounded(x: _Sets) -> list[Ext]:
    result = [min(x.co, key=len)]
    assert all(result[0] <= s for s in x.co)
    return result


def _ideal(x: _Sets) -> list[Ext]:
    preferred = _maximal(x.adm)
    return [_largest_admissible_within(x.af, frozenset.intersection(*preferred), x.every)]


def _eager(x: _Sets) -> list[Ext]:
    semi = _maximal(x.co, key=lambda s: _range(x.af, s))
    return [_largest_admissible_within(x.af, frozenset.intersection(*semi), x.every)]


_SEMANTICS: dict[str, Callable[[_Sets], list[Ext]]] = {
    "conflict-free": lambda x: x.cf,
    "admissible": lambda x: x.adm,
    "complete": lambda x: x.co,
    "grounded": _grounded,
    "preferred": lambda x: _maximal(x.adm),
    "stable": lambda x: [s for s in x.cf if _stable(x.af, s)],
    "semi-stable": lambda x: _maximal(x.co, key=lambda s: _range(x.af, s)),
    "stage": lambda x: _maximal(x.cf, key=lambda s: _range(x.af, s)),
    "ideal": _ideal,
    "eager": _eager,
}
"""Each semantics by its canonical name: its extensions, picked from the sets."""


def reference_extensions(af: AF, semantics: str) -> list[frozenset[str]]:
    """The extensions of ``af`` under ``semantics`` (a canonical name), by enumeration."""
    n = len(af)
    every = _subsets(n)
    cf = [s for s in every if _conflict_free(af, s)]
    adm = [s for s in cf if _admissible(af, s)]
    co = [s for s in adm if _complete(af, s)]
    pick = _SEMANTICS.get(semantics)
    if pick is None:
        raise ValueError(f"unknown semantics {semantics!r}")
    result = pick(_Sets(af, every, cf, adm, co))
    return sorted((af.names(s) for s in result), key=lambda e: (len(e), sorted(e)))

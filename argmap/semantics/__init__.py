"""Extensions, labellings and acceptance under Dung's semantics: one entry point.

Semantics are named as in the literature (``"preferred"``, ``"semi-stable"``) or by their
ICCMA abbreviations (``"PR"``, ``"SST"``). Grounded is computed in linear time by label
propagation; the others through a SAT solver. Every call that can run long takes a
``timeout`` in seconds and raises :class:`SolverTimeout` (an ``ArgmapError``) when it runs
out.

>>> from argmap.framework import AF
>>> af = AF(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "c")])
>>> [sorted(e) for e in extensions(af, "preferred")]
[['a', 'c'], ['a', 'd'], ['b', 'd']]
>>> sorted(extensions(af, "grounded")[0])
[]
>>> is_credulously_accepted(af, "c", "stable"), is_skeptically_accepted(af, "d", "preferred")
(True, False)
>>> labelling(AF(["a", "b"], [("a", "b")]), "grounded")
{'a': <Label.IN: 'in'>, 'b': <Label.OUT: 'out'>}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np

from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.options import Status
from argmap.semantics.components import Component, components, lazy_product
from argmap.semantics.grounded import IN, OUT, UNDEC, grounded_labels
from argmap.semantics.names import DEFAULT_SEMANTICS, Label, Semantics
from argmap.semantics.sat import (
    ENUMERATION_SOLVER,
    SOLVER,
    Deadline,
    SatFramework,
    SolverTimeout,
    indices,
)

__all__ = [
    "Label",
    "Semantics",
    "SolverTimeout",
    "Status",
    "acceptance",
    "count_extensions",
    "credulous_witness",
    "extensions",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_credulously_accepted",
    "is_eager",
    "is_extension",
    "is_grounded",
    "is_ideal",
    "is_preferred",
    "is_semi_stable",
    "is_skeptically_accepted",
    "is_stable",
    "is_stage",
    "iter_extensions",
    "labelling",
    "labelling_of",
    "skeptical_counterexample",
    "some_extension",
]

Indices = frozenset[int]


def _grounded(af: AF) -> Indices:
    return frozenset(i for i, label in enumerate(grounded_labels(af)) if label == IN)


def _attack_columns(af: AF) -> tuple[np.ndarray, np.ndarray]:
    """The attacks as two arrays: ``attacker[k]`` attacks ``attacked[k]``."""
    adjacency, n = af.adjacency, len(af)
    attacked = np.repeat(np.arange(n, dtype=np.int64), np.diff(adjacency.in_start))
    return adjacency.in_index, attacked


def _largest_admissible_within(af: AF, bound: Iterable[int]) -> Indices:
    """The ⊆-largest admissible subset of a conflict-free set (greatest fixpoint).

    Drop every member with an attacker the set does not attack, until none is dropped;
    each round is array arithmetic over the attacks.
    """
    attacker, attacked = _attack_columns(af)
    current = np.zeros(len(af), dtype=bool)
    current[np.fromiter(bound, dtype=np.int64)] = True
    while True:
        hit = np.zeros(len(af), dtype=bool)
        hit[attacked[current[attacker]]] = True
        undefended = np.zeros(len(af), dtype=bool)
        undefended[attacked[~hit[attacker]]] = True
        kept = current & ~undefended
        if np.array_equal(kept, current):
            return indices(current)
        current = kept


def _skeptical_within(
    first: Indices | None, known: Indices, counterexample: Callable[[int], Indices | None]
) -> Indices:
    """The arguments in every extension.

    Given one extension, some arguments ``known`` to be in every one, and a finder of an
    extension lacking a given argument.
    """
    candidates = set(first if first is not None else ()) - known
    accepted: set[int] = set(known)
    while candidates:
        a = candidates.pop()
        counter = counterexample(a)
        if counter is None:
            accepted.add(a)
        else:
            candidates &= counter
    return frozenset(accepted)


def _ideal(sat: SatFramework) -> Indices:
    """The ideal extension, without enumerating the preferred ones.

    Let ``CA`` be the credulously preferred arguments (those in some admissible set). The
    ideal extension is the ⊆-largest admissible subset of ``CA`` minus the arguments
    ``CA`` attacks (Dunne 2009, "The computational complexity of ideal semantics", AIJ
    173: an argument some admissible set attacks is OUT in some admissible labelling, so
    in no ideal set). Why: the ideal set ``I`` is admissible and inside every preferred
    extension, so ``I ⊆ CA``, and a member attacked by some ``y ∈ CA`` would share a
    preferred extension with ``y``. Conversely the largest admissible ``T`` inside the
    rest is neither attacked by a preferred ``P ⊆ CA`` nor attacks it (``P`` would
    counter-attack), so ``T`` together with ``P`` is admissible and ``T ⊆ P`` by maximality.

    ``CA`` comes from one incremental solver (:meth:`SatFramework.credulous_mask`), the
    rest from array arithmetic: no solver per candidate.
    """
    credulous = sat.credulous_mask()
    attacker, attacked = _attack_columns(sat.af)
    out = np.zeros(sat.n, dtype=bool)
    out[attacked[credulous[attacker]]] = True
    return _largest_admissible_within(sat.af, np.flatnonzero(credulous & ~out).tolist())


def _eager(sat: SatFramework) -> Indices:
    """The largest admissible subset of the intersection of the semi-stable extensions.

    The intersection by a counterexample loop over one semi-stable extension's members
    (the grounded ones are in every complete extension already), every query on the same
    warm solver (:meth:`SatFramework.range_maximal_under`).
    """
    first = sat.range_maximal_under("complete", [])
    core = _skeptical_within(
        first,
        _grounded(sat.af),
        lambda a: sat.range_maximal_under("complete", [-sat.IN(a)]),
    )
    return _largest_admissible_within(sat.af, core)


_SPLITS = frozenset(
    {
        Semantics.CONFLICT_FREE,
        Semantics.ADMISSIBLE,
        Semantics.COMPLETE,
        Semantics.STABLE,
        Semantics.PREFERRED,
        Semantics.SEMI_STABLE,
        Semantics.STAGE,
    }
)
"""The semantics whose extensions are the products of the components' (Baumann 2011)."""

_DECIDED = _SPLITS - {Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE}
"""Those under which a component the grounded labelling decides has one extension: its
grounded part (it is then stable, so also the only complete, preferred, semi-stable and
stage one)."""


def _iter_whole(
    af: AF, semantics: Semantics, deadline: Deadline, enumerator: str
) -> Iterator[Indices]:
    """The extensions by SAT on the framework as one piece."""
    with SatFramework(af, deadline, enumerator) as sat:
        if semantics is Semantics.GROUNDED:
            yield _grounded(af)
        elif semantics is Semantics.IDEAL:
            yield _ideal(sat)
        elif semantics is Semantics.EAGER:
            yield _eager(sat)
        elif semantics is Semantics.PREFERRED:
            yield from sat.enumerate_preferred()
        elif semantics is Semantics.SEMI_STABLE:
            yield from sat.enumerate_range_maximal("complete")
        elif semantics is Semantics.STAGE:
            yield from sat.enumerate_range_maximal("conflict-free")
        else:
            yield from sat.enumerate_base(semantics.value)


def _iter_indices(
    af: AF, semantics: Semantics, deadline: Deadline, enumerator: str = ENUMERATION_SOLVER
) -> Iterator[Indices]:
    """The extensions; for a framework of several components, the products of theirs.

    Splitting (Baumann 2011): with no attack between two parts of a framework, its
    conflict-free, admissible, complete, stable, preferred, semi-stable and stage
    extensions are exactly the unions of one extension of each part (so none, under
    stable, if one part has none). Each component is enumerated by its own solver; the
    products are yielded lazily, the largest component outermost (never stored) and the
    others cached as they are first enumerated.
    """
    parts = components(af) if semantics in _SPLITS else []
    if len(parts) < 2:
        yield from _iter_whole(af, semantics, deadline, enumerator)
        return
    fixed: Indices = frozenset()
    if semantics in _DECIDED:
        labels = np.asarray(grounded_labels(af))
        open_ = [bool((labels[p.members] == UNDEC).any()) for p in parts]
        decided = [p.members for p, undecided in zip(parts, open_, strict=True) if not undecided]
        if decided:
            members = np.concatenate(decided)
            fixed = frozenset(members[labels[members] == IN].tolist())
        parts = [p for p, undecided in zip(parts, open_, strict=True) if undecided]
    if not parts:
        yield fixed
        return
    parts.sort(key=lambda p: -len(p.members))
    factors = [_in_whole(p, semantics, deadline, enumerator) for p in parts]
    for combination in lazy_product(factors):
        yield fixed.union(*combination)


def _in_whole(
    part: Component, semantics: Semantics, deadline: Deadline, enumerator: str
) -> Iterator[Indices]:
    """A component's extensions, in indices of the whole framework."""
    for found in _iter_whole(part.af, semantics, deadline, enumerator):
        yield frozenset(part.members[np.fromiter(found, dtype=np.int64)].tolist())


def iter_extensions(
    af: AF, semantics: str | Semantics, *, timeout: float | None = None
) -> Iterator[frozenset[str]]:
    """Yield the extensions one at a time (for frameworks with very many of them).

    The ``timeout`` covers the whole enumeration.
    """
    chosen = Semantics.parse(semantics)
    deadline = Deadline(timeout)
    for found in _iter_indices(af, chosen, deadline):
        yield af.names(found)


def extensions(
    af: AF, semantics: str | Semantics, *, timeout: float | None = None
) -> list[frozenset[str]]:
    """Every extension of ``af`` under ``semantics``, smallest first, then by names.

    Raises
    ------
    ArgmapError
        For an unknown semantics.
    SolverTimeout
        If ``timeout`` seconds pass first.
    """
    found = list(iter_extensions(af, semantics, timeout=timeout))
    if len(found) < 2:
        return found
    return sorted(found, key=lambda e: (len(e), sorted(e)))


def count_extensions(af: AF, semantics: str | Semantics, *, timeout: float | None = None) -> int:
    """How many extensions there are (enumerated, not stored)."""
    return sum(1 for _ in iter_extensions(af, semantics, timeout=timeout))


def some_extension(
    af: AF, semantics: str | Semantics, *, timeout: float | None = None
) -> frozenset[str] | None:
    """One extension, or ``None`` if there is none (only stable may have none).

    Under complete, admissible and conflict-free: the grounded extension (it is complete,
    hence admissible and conflict-free), in linear time and without a solver. Otherwise
    on CaDiCaL, faster than the enumerations' Glucose at a single answer.

    >>> sorted(some_extension(AF(["a", "b", "c"], [("a", "b"), ("b", "c")]), "complete"))
    ['a', 'c']
    """
    chosen = Semantics.parse(semantics)
    if chosen in (Semantics.COMPLETE, Semantics.ADMISSIBLE, Semantics.CONFLICT_FREE):
        return af.names(_grounded(af))
    found = next(_iter_indices(af, chosen, Deadline(timeout), SOLVER), None)
    return None if found is None else af.names(found)


def _argument(af: AF, argument: str) -> int:
    if argument not in af:
        raise ArgmapError(f"the framework has no argument '{argument}'")
    return af.index[argument]


def credulous_witness(
    af: AF, argument: str, semantics: str | Semantics, *, timeout: float | None = None
) -> frozenset[str] | None:
    """An extension that contains ``argument``, or ``None`` if no extension does."""
    chosen, a = Semantics.parse(semantics), _argument(af, argument)
    sat = SatFramework(af, Deadline(timeout))
    found: Indices | None
    if chosen.unique:
        extension = next(_iter_indices(af, chosen, sat.deadline))
        found = extension if a in extension else None
    elif chosen is Semantics.CONFLICT_FREE:
        found = None if af.attacks_index(a, a) else frozenset([a])
    elif chosen is Semantics.PREFERRED:
        start = sat.exists("admissible", include=[a])
        if start is None:
            return None
        solver = sat.solver("admissible")
        try:
            found = sat.maximise_in(solver, start)
        finally:
            solver.close()
    elif chosen in (Semantics.ADMISSIBLE, Semantics.COMPLETE, Semantics.STABLE):
        found = sat.exists(chosen.value, include=[a])
    else:
        base = "complete" if chosen is Semantics.SEMI_STABLE else "conflict-free"
        found = sat.range_maximal_witness(base, a, member=True)
    return None if found is None else af.names(found)


def skeptical_counterexample(
    af: AF, argument: str, semantics: str | Semantics, *, timeout: float | None = None
) -> frozenset[str] | None:
    """An extension that leaves ``argument`` out, or ``None`` if every extension has it."""
    chosen, a = Semantics.parse(semantics), _argument(af, argument)
    sat = SatFramework(af, Deadline(timeout))
    found: Indices | None
    if chosen.unique or chosen is Semantics.COMPLETE:
        # the grounded extension is the least complete one: a complete extension lacks a iff it does
        unique = Semantics.GROUNDED if chosen is Semantics.COMPLETE else chosen
        extension = next(_iter_indices(af, unique, sat.deadline))
        found = None if a in extension else extension
    elif chosen in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        found = frozenset()  # the empty set is always an extension
    elif chosen is Semantics.PREFERRED:
        found = sat.preferred_counterexample(a)
    elif chosen is Semantics.STABLE:
        found = sat.exists("stable", exclude=[a])
    else:
        base = "complete" if chosen is Semantics.SEMI_STABLE else "conflict-free"
        found = sat.range_maximal_witness(base, a, member=False)
    return None if found is None else af.names(found)


def acceptance(argument: str, found: Iterable[frozenset[str]]) -> Status:
    """How an argument fares across a list of extensions.

    ``skeptical`` in every one of them, ``credulous`` in some, ``rejected`` in none (also
    when there are no extensions).

    >>> acceptance("a", [frozenset("ab"), frozenset("a")]), acceptance("b", [frozenset("ab")])
    (<Status.SKEPTICAL: 'skeptical'>, <Status.SKEPTICAL: 'skeptical'>)
    >>> acceptance("b", [frozenset("ab"), frozenset("a")]), acceptance("c", [])
    (<Status.CREDULOUS: 'credulous'>, <Status.REJECTED: 'rejected'>)
    """
    inside = [argument in e for e in found]
    if inside and all(inside):
        return Status.SKEPTICAL
    return Status.CREDULOUS if any(inside) else Status.REJECTED


def is_credulously_accepted(
    af: AF, argument: str, semantics: str | Semantics, *, timeout: float | None = None
) -> bool:
    """Whether ``argument`` is in at least one extension."""
    return credulous_witness(af, argument, semantics, timeout=timeout) is not None


def is_skeptically_accepted(
    af: AF, argument: str, semantics: str | Semantics, *, timeout: float | None = None
) -> bool:
    """Whether ``argument`` is in every extension (vacuously so when there is none)."""
    return skeptical_counterexample(af, argument, semantics, timeout=timeout) is None


def labelling_of(af: AF, extension: Iterable[str]) -> dict[str, Label]:
    """The labelling an extension induces: IN its members, OUT what they attack, else UNDEC."""
    inside = af.indices(extension)
    attacked = {b for a in inside for b in af.targets[a]}
    return {
        name: Label.IN if i in inside else Label.OUT if i in attacked else Label.UNDEC
        for i, name in enumerate(af.arguments)
    }


def labelling(
    af: AF, semantics: str | Semantics = DEFAULT_SEMANTICS, *, timeout: float | None = None
) -> dict[str, Label]:
    """The labelling under a single-status semantics: grounded, ideal or eager.

    Raises
    ------
    ArgmapError
        For a semantics with several extensions (use :func:`labelling_of` on each).
    """
    chosen = Semantics.parse(semantics)
    if chosen is Semantics.GROUNDED:
        codes = grounded_labels(af)
        return {
            name: Label.IN if codes[i] == IN else Label.OUT if codes[i] == OUT else Label.UNDEC
            for i, name in enumerate(af.arguments)
        }
    if not chosen.unique:
        raise ArgmapError(
            f"{chosen} semantics can have several extensions: use labelling_of(af, extension) for each"
        )
    (extension,) = extensions(af, chosen, timeout=timeout)
    return labelling_of(af, extension)


# -- checkers ----------------------------------------------------------------------------


def is_conflict_free(af: AF, extension: Iterable[str]) -> bool:
    """No member attacks a member."""
    s = af.indices(extension)
    return not any(b in s for a in s for b in af.targets[a])


def _defended(af: AF, s: Indices) -> set[int]:
    attacked = {b for a in s for b in af.targets[a]}
    return {a for a in range(len(af)) if all(b in attacked for b in af.attackers[a])}


def is_admissible(af: AF, extension: Iterable[str]) -> bool:
    """Conflict-free, and every member is defended by the set."""
    s = af.indices(extension)
    return is_conflict_free(af, af.names(s)) and s <= _defended(af, s)


def is_complete(af: AF, extension: Iterable[str]) -> bool:
    """Admissible, and containing every argument it defends."""
    s = af.indices(extension)
    return is_admissible(af, af.names(s)) and _defended(af, s) <= s


def is_stable(af: AF, extension: Iterable[str]) -> bool:
    """Conflict-free, and attacking every argument outside it."""
    s = af.indices(extension)
    attacked = {b for a in s for b in af.targets[a]}
    return is_conflict_free(af, af.names(s)) and all(
        a in s or a in attacked for a in range(len(af))
    )


def is_extension(
    af: AF, extension: Iterable[str], semantics: str | Semantics, *, timeout: float | None = None
) -> bool:
    """Whether a set of arguments is an extension under ``semantics``."""
    chosen = Semantics.parse(semantics)
    names = frozenset(extension)
    af.indices(names)  # unknown names raise
    simple = {
        Semantics.CONFLICT_FREE: is_conflict_free,
        Semantics.ADMISSIBLE: is_admissible,
        Semantics.COMPLETE: is_complete,
        Semantics.STABLE: is_stable,
    }
    if chosen in simple:
        return simple[chosen](af, names)
    if chosen is Semantics.PREFERRED:
        return is_preferred(af, names, timeout=timeout)
    if chosen.unique:
        return names == extensions(af, chosen, timeout=timeout)[0]
    return names in extensions(af, chosen, timeout=timeout)


def is_grounded(af: AF, extension: Iterable[str]) -> bool:
    """Whether a set is the grounded extension."""
    return frozenset(extension) == af.names(_grounded(af))


def is_preferred(af: AF, extension: Iterable[str], *, timeout: float | None = None) -> bool:
    """Whether a set is a preferred extension: admissible, and no admissible set is larger.

    One SAT call: a complete extension strictly containing it would refute it.
    """
    s = af.indices(extension)
    if not is_admissible(af, af.names(s)):
        return False
    sat = SatFramework(af, Deadline(timeout))
    solver = sat.solver("complete")
    try:
        return sat.maximise_in(solver, s) == s
    finally:
        solver.close()


def is_semi_stable(af: AF, extension: Iterable[str], *, timeout: float | None = None) -> bool:
    """Whether a set is a semi-stable extension."""
    return is_extension(af, extension, Semantics.SEMI_STABLE, timeout=timeout)


def is_stage(af: AF, extension: Iterable[str], *, timeout: float | None = None) -> bool:
    """Whether a set is a stage extension."""
    return is_extension(af, extension, Semantics.STAGE, timeout=timeout)


def is_ideal(af: AF, extension: Iterable[str], *, timeout: float | None = None) -> bool:
    """Whether a set is the ideal extension."""
    return is_extension(af, extension, Semantics.IDEAL, timeout=timeout)


def is_eager(af: AF, extension: Iterable[str], *, timeout: float | None = None) -> bool:
    """Whether a set is the eager extension."""
    return is_extension(af, extension, Semantics.EAGER, timeout=timeout)

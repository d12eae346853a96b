"""The NP-hard tasks through a SAT solver (python-sat), with the standard encodings.

Each argument ``i`` of ``n`` has two variables: ``IN(i) = i + 1`` and ``OUT(i) = n + i + 1``
(UNDEC is neither). For range-based semantics a third, ``RANGE(i) = 2n + i + 1``, is true
exactly when ``i`` is IN or OUT. The base encodings:

- *conflict-free*: no attack between two IN arguments; OUT means attacked by an IN one;
- *admissible*: an IN argument has all attackers OUT; an OUT argument has an IN attacker;
- *complete*: a complete labelling (IN iff all attackers OUT, OUT iff some attacker IN);
- *stable*: conflict-free, every argument IN or attacked by an IN one (IN variables only).

On these: enumeration with blocking clauses; preferred by iterative maximisation of the IN
set, semi-stable and stage by maximisation of the range (enumerating every extension of
each maximal range); skeptical preferred, semi-stable and stage by counterexample-guided
loops, as the ICCMA competition's SAT-based solvers do.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, islice

import numpy as np
from pysat.solvers import Solver

from argmap.errors import ArgmapError
from argmap.framework import AF

__all__ = ["Deadline", "IncrementalSolver", "SatFramework", "SolverTimeout"]

SOLVER = "cadical153"
"""The solver for acceptance and single answers (hard queries: CaDiCaL)."""

ENUMERATION_SOLVER = "glucose4"
"""The solver for enumerating base extensions (conflict-free, admissible, complete, stable):
many easy incremental calls, where Glucose answers about twice as fast as CaDiCaL
(docs/performance.md). Preferred, semi-stable and stage enumeration stay on CaDiCaL: each
extension is grown to a maximal set, which CaDiCaL (deciding variables true first) does in
a few calls where Glucose takes one per argument added (10,000-argument random framework,
every preferred extension: 10.6 s on Glucose, 0.09 s on CaDiCaL)."""


class SolverTimeout(ArgmapError):
    """A computation ran past its ``timeout``."""


class Deadline:
    """A point in time after which work stops with :class:`SolverTimeout`.

    >>> Deadline(None).remaining() is None
    True
    >>> Deadline(0.0).remaining()
    Traceback (most recent call last):
    ...
    argmap.semantics.sat.SolverTimeout: timed out after 0 s
    """

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.at = None if timeout is None else time.monotonic() + timeout

    def remaining(self) -> float | None:
        """Seconds left, or ``None`` without a limit.

        Raises
        ------
        SolverTimeout
            If none are left.
        """
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0:
            raise SolverTimeout(f"timed out after {self.timeout:.3g} s")
        return left


CHUNK = 1 << 16
"""Clauses built, or loaded into the solver, between two looks at the deadline."""

SLICE = 0.05
"""Seconds a bounded solver call aims to take before the deadline is looked at again."""


class IncrementalSolver:
    """One incremental solver (CaDiCaL) that honours a deadline.

    CaDiCaL cannot be interrupted from another thread through python-sat, but it can be
    given a budget of conflicts: with a deadline, each :meth:`solve` runs as a loop of
    bounded calls, the deadline looked at between them and each budget sized from the last
    call's speed so that one takes about :data:`SLICE` seconds. The solver keeps what it
    learned from one bounded call to the next. Without a deadline, one unbounded call.

    ``clauses`` (they may come from a generator) are loaded a chunk of :data:`CHUNK` at a
    time, the deadline looked at before each (:meth:`extend`).

    >>> sat = IncrementalSolver([[1, 2], [-1]], Deadline(10))
    >>> sat.solve(), sat.solve([-2])
    ([-1, 2], None)
    >>> sat.close()
    """

    def __init__(
        self, clauses: Iterable[list[int]], deadline: Deadline, name: str = SOLVER
    ) -> None:
        self.solver = Solver(name=name)
        self.deadline = deadline
        self.budget = 1000
        self._preferred: np.ndarray | None = None
        self._add = _clause_adder(self.solver)
        try:
            iterator = iter(clauses)
            self.extend(iter(lambda: list(islice(iterator, CHUNK)), []))
        except BaseException:
            self.solver.delete()
            raise

    def extend(self, chunks: Iterable[Sequence[list[int]]]) -> None:
        """Load chunks of clauses, the deadline looked at before each chunk.

        A chunk is loaded by one C-level loop over it (``map`` of the solver's own function
        that adds a clause), so no Python code runs per clause: python-sat has no call that
        loads many clauses at once (``append_formula`` and ``bootstrap_with`` loop in Python
        over ``add_clause``).

        Raises
        ------
        SolverTimeout
            If the deadline passes between two chunks.
        """
        add = self._add
        for chunk in chunks:
            self.deadline.remaining()
            deque(map(add, chunk), maxlen=0)

    def solve(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        """A model under the assumptions, or ``None`` if there is none.

        Raises
        ------
        SolverTimeout
            If the deadline passes first (within about :data:`SLICE` seconds of it).
        """
        if self.deadline.remaining() is None:
            found = self.solver.solve(assumptions=list(assumptions))
        else:
            found = self._bounded(list(assumptions))
        return self.solver.get_model() if found else None

    def _bounded(self, assumptions: list[int]) -> bool:
        """Bounded calls until one decides, the deadline looked at in between."""
        while True:
            self.solver.conf_budget(self.budget)
            started = time.monotonic()
            found = self.solver.solve_limited(assumptions=assumptions)
            if found is not None:
                return bool(found)
            left = self.deadline.remaining()  # raises once the time is up
            took = max(time.monotonic() - started, 1e-4)
            aim = min(SLICE, left or SLICE)
            self.budget = int(min(max(self.budget * aim / took, 100), 10_000_000))

    def add(self, clause: list[int]) -> None:
        """Add a clause."""
        self._add(clause)

    def prefer(self, literals: np.ndarray) -> None:
        """Have the solver try these literals first when it decides (its phases).

        Only a heuristic, kept for later calls: models stay models of the clauses. Growing
        a set towards a maximal one, preferring its variables true lets each call add many
        members at once instead of one.
        """
        if self._preferred is not literals:
            self.solver.set_phases(literals.tolist())
            self._preferred = literals

    def close(self) -> None:
        """Free the solver."""
        self.solver.delete()
        self._add = self.solver.add_clause  # a no-op now: never the freed solver's handle


def indices(mask: np.ndarray) -> frozenset[int]:
    """The arguments a boolean array marks, as indices.

    >>> sorted(indices(np.array([True, False, True])))
    [0, 2]
    """
    return frozenset(np.flatnonzero(mask).tolist())


def _clause_adder(solver: Solver) -> Callable[[list[int]], object]:
    """The function that adds one clause to ``solver``, as directly as python-sat allows.

    For CaDiCaL, its C entry point (``pysolvers.cadical153_add_cl``) bound to the solver's
    handle: the same call ``Solver.add_clause`` makes through two Python methods, which
    cost more than the C call itself when a framework's hundreds of thousands of clauses
    are loaded. Any other backend (or a python-sat without that entry point) goes through
    ``add_clause``.
    """
    add: Callable[[list[int]], object] = solver.add_clause
    handle = getattr(getattr(solver, "solver", None), "cadical", None)
    if handle is None:  # not CaDiCaL
        return add
    try:
        from pysolvers import cadical153_add_cl  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - python-sat's own extension module
        return add
    direct: Callable[[list[int]], object] = partial(cadical153_add_cl, handle)
    return direct  # a C-level callable: no Python frame per clause


class SatFramework:
    """SAT encodings of one framework; methods answer in argument indices."""

    def __init__(
        self, af: AF, deadline: Deadline | None = None, enumerator: str = ENUMERATION_SOLVER
    ) -> None:
        self.af = af
        self.enumerator = enumerator  # the solver enumerations run on
        self.n = len(af)
        self.deadline = deadline or Deadline(None)
        self._next = 3 * self.n + 1  # fresh variables (activation literals) start here
        self._ins = np.arange(1, self.n + 1, dtype=np.int64)  # the IN variables
        self._positive = {0: self._ins, 2 * self.n: self._ins + 2 * self.n}  # IN, RANGE
        self._warm: dict[tuple[str, bool], IncrementalSolver] = {}

    # -- variables -----------------------------------------------------------------------

    def IN(self, i: int) -> int:
        """The variable true when argument ``i`` is labelled IN."""
        return i + 1

    def OUT(self, i: int) -> int:
        """The variable true when argument ``i`` is labelled OUT."""
        return self.n + i + 1

    def RANGE(self, i: int) -> int:
        """The variable true when argument ``i`` is IN or OUT (in the range)."""
        return 2 * self.n + i + 1

    def fresh(self) -> int:
        """A new variable, for activation literals."""
        self._next += 1
        return self._next

    # -- encodings -----------------------------------------------------------------------

    def clauses(self, base: str, with_range: bool = False) -> list[list[int]]:
        """The clauses of a base encoding: conflict-free, admissible, complete or stable.

        >>> SatFramework(AF(["a", "b"], [("a", "b")])).clauses("stable")
        [[-2, -1], [1], [2, 1]]
        """
        return list(self.iter_clauses(base, with_range))

    def iter_clauses(self, base: str, with_range: bool = False) -> Iterator[list[int]]:
        """The clauses of :meth:`clauses`, built a chunk at a time under the deadline.

        Built with array arithmetic over the framework's adjacency (one row of literals per
        attack or per argument), so no Python code runs per literal; the deadline is looked
        at before each chunk of :data:`CHUNK` clauses, and no more than a chunk of them is
        held as Python lists at a time (:meth:`clause_chunks`).
        """
        return chain.from_iterable(self.clause_chunks(base, with_range))

    def clause_chunks(self, base: str, with_range: bool = False) -> Iterator[list[list[int]]]:
        """The clauses of :meth:`iter_clauses` as lists of at most :data:`CHUNK` clauses."""
        n, adjacency = self.n, self.af.adjacency
        ins = np.arange(1, n + 1, dtype=np.int64)
        outs = ins + n
        starts = adjacency.in_start
        attacker = adjacency.in_index  # attack k is attacker[k] -> attacked[k]
        attacked = np.repeat(np.arange(n, dtype=np.int64), np.diff(starts))
        columns, rows = self._column_chunks, self._row_chunks
        if base == "stable" and not with_range:
            # IN variables suffice: conflict-free, and each argument IN or attacked by an IN one
            yield from columns(-(attacked + 1), -(attacker + 1))
            yield from rows(ins, starts, attacker + 1)
            return
        yield from columns(-ins, -outs)  # not both IN and OUT
        if base == "conflict-free":
            yield from columns(-(attacked + 1), -(attacker + 1))
        else:
            yield from columns(-(attacked + 1), attacker + 1 + n)  # IN: every attacker OUT
        yield from rows(-outs, starts, attacker + 1)  # OUT: some attacker IN
        if base in ("complete", "stable", "conflict-free"):
            yield from columns(-(attacker + 1), attacked + 1 + n)  # attacked by IN: OUT
        if base in ("complete", "stable"):
            yield from rows(ins, starts, -(attacker + 1 + n))  # all attackers OUT: IN
        if base == "stable":
            yield from columns(ins, outs)
        if with_range:
            ranges = ins + 2 * n
            yield from columns(-ranges, ins, outs)
            yield from columns(ranges, -ins)
            yield from columns(ranges, -outs)

    def _columns(self, *literals: np.ndarray) -> Iterator[list[int]]:
        """Clauses whose ``k``-th one is ``[literals[0][k], literals[1][k], ...]``."""
        return chain.from_iterable(self._column_chunks(*literals))

    def _column_chunks(self, *literals: np.ndarray) -> Iterator[list[list[int]]]:
        """The clauses of :meth:`_columns`, :data:`CHUNK` at a time."""
        for start in range(0, len(literals[0]), CHUNK):
            self.deadline.remaining()
            part = [column[start : start + CHUNK] for column in literals]
            yield np.stack(part, axis=1).tolist()

    def _rows(
        self, heads: np.ndarray, starts: np.ndarray, members: np.ndarray
    ) -> Iterator[list[int]]:
        """One clause per argument ``a``: ``heads[a]`` then ``members[starts[a]:starts[a + 1]]``."""
        return chain.from_iterable(self._row_chunks(heads, starts, members))

    def _row_chunks(
        self, heads: np.ndarray, starts: np.ndarray, members: np.ndarray
    ) -> Iterator[list[list[int]]]:
        """The clauses of :meth:`_rows`, :data:`CHUNK` at a time."""
        for first in range(0, len(heads), CHUNK):
            self.deadline.remaining()
            last = min(first + CHUNK, len(heads))
            bounds = starts[first : last + 1]
            head = heads[first:last].tolist()
            start = (bounds - bounds[0]).tolist()
            member = members[bounds[0] : bounds[-1]].tolist()
            yield [[h, *member[start[k] : start[k + 1]]] for k, h in enumerate(head)]

    def solver(self, base: str, with_range: bool = False, name: str = SOLVER) -> IncrementalSolver:
        """A fresh solver loaded with a base encoding (``name``: python-sat's solver name)."""
        sat = IncrementalSolver((), self.deadline, name)
        try:
            sat.extend(self.clause_chunks(base, with_range))
        except BaseException:
            sat.close()
            raise
        return sat

    def warm(self, base: str, with_range: bool = False) -> IncrementalSolver:
        """The framework's one solver for a base encoding, built at first use and kept.

        Queries on it switch their own clauses on and off with activation literals, so what
        the solver learned answering one query serves the next; :meth:`close` frees it.
        """
        key = (base, with_range)
        if key not in self._warm:
            self._warm[key] = self.solver(base, with_range)
        return self._warm[key]

    def close(self) -> None:
        """Free the solvers :meth:`warm` built."""
        for sat in self._warm.values():
            sat.close()
        self._warm.clear()

    def __enter__(self) -> SatFramework:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- models and clauses, as arrays -----------------------------------------------------

    def in_mask(self, model: list[int]) -> np.ndarray:
        """Which arguments a model labels IN (a boolean array)."""
        return np.asarray(model[: self.n]) > 0

    def range_mask(self, model: list[int]) -> np.ndarray:
        """Which arguments are IN or OUT in a model with range variables."""
        return np.asarray(model[2 * self.n : 3 * self.n]) > 0

    def in_set(self, model: list[int]) -> frozenset[int]:
        """The IN arguments of a model."""
        return indices(self.in_mask(model))

    def range_set(self, model: list[int]) -> frozenset[int]:
        """The arguments IN or OUT in a model with range variables."""
        return indices(self.range_mask(model))

    def mask(self, s: Iterable[int]) -> np.ndarray:
        """A set of arguments as a boolean array."""
        out = np.zeros(self.n, dtype=bool)
        out[np.fromiter(s, dtype=np.int64)] = True
        return out

    def _block(self, inside: np.ndarray) -> list[int]:
        """A clause excluding exactly the IN set ``inside`` (a mask)."""
        clause: list[int] = np.where(inside, -self._ins, self._ins).tolist()
        return clause

    def _outside(self, offset: int, inside: np.ndarray) -> list[int]:
        """A clause: the variable at ``offset`` (0 IN, 2n RANGE) holds for some argument outside."""
        clause: list[int] = (self._ins[~inside] + offset).tolist()
        return clause

    def _inside(self, offset: int, inside: np.ndarray) -> list[int]:
        """The variables at ``offset`` of the arguments inside, as assumptions."""
        literals: list[int] = (self._ins[inside] + offset).tolist()
        return literals

    # -- enumeration ---------------------------------------------------------------------

    def enumerate_base(self, base: str) -> Iterator[frozenset[int]]:
        """Every extension of a base encoding (each IN set once)."""
        sat = self.solver(base, name=self.enumerator)
        try:
            while (model := sat.solve()) is not None:
                inside = self.in_mask(model)
                yield indices(inside)
                sat.add(self._block(inside))
        finally:
            sat.close()

    def _strict_superset(
        self, sat: IncrementalSolver, offset: int, inside: np.ndarray, guards: Sequence[int] = ()
    ) -> list[int] | None:
        """A model where the variable at ``offset`` holds on all of ``inside`` and more.

        The extra clause is switched on by a fresh activation literal for this one call;
        ``guards`` are further assumptions (the activation literals of the caller's query).
        """
        outside = self._outside(offset, inside)
        if not outside:
            return None
        act = self.fresh()
        sat.add([-act, *outside])
        model = sat.solve([*guards, act, *self._inside(offset, inside)])
        sat.add([-act])
        return model

    def _grown(
        self, sat: IncrementalSolver, offset: int, inside: np.ndarray, guards: Sequence[int] = ()
    ) -> list[int] | None:
        """A model with a ⊆-maximal IN set (``offset`` 0) or range (``2n``) around ``inside``.

        ``None`` when ``inside`` is maximal already.
        """
        decode = self.in_mask if offset == 0 else self.range_mask
        sat.prefer(self._positive[offset])
        model = None
        while (bigger := self._strict_superset(sat, offset, inside, guards)) is not None:
            model, inside = bigger, decode(bigger)
        return model

    def _maximise(
        self, sat: IncrementalSolver, model: list[int], offset: int, guards: Sequence[int] = ()
    ) -> list[int]:
        """Grow a model's IN set (``offset`` 0) or range (``2n``) until it is ⊆-maximal."""
        decode = self.in_mask if offset == 0 else self.range_mask
        return self._grown(sat, offset, decode(model), guards) or model

    def maximise_in(self, sat: IncrementalSolver, start: frozenset[int]) -> frozenset[int]:
        """Grow an IN set until no extension of the solver's encoding strictly contains it."""
        model = self._grown(sat, 0, self.mask(start))
        return start if model is None else self.in_set(model)

    def enumerate_preferred(self) -> Iterator[frozenset[int]]:
        """Every preferred extension: maximise an admissible set, then exclude its subsets."""
        sat = self.solver("admissible")  # CaDiCaL: see ENUMERATION_SOLVER
        try:
            while (model := sat.solve()) is not None:
                found = self.in_mask(self._maximise(sat, model, 0))
                yield indices(found)
                outside = self._outside(0, found)
                if not outside:
                    return
                sat.add(outside)
        finally:
            sat.close()

    def _maximise_range(
        self, sat: IncrementalSolver, model: list[int], guards: Sequence[int] = ()
    ) -> list[int]:
        """Grow a model's range until it is maximal; returns a model with that range."""
        return self._maximise(sat, model, 2 * self.n, guards)

    def enumerate_range_maximal(self, base: str) -> Iterator[frozenset[int]]:
        """Semi-stable (base complete) or stage (base conflict-free) extensions.

        For each maximal range, every extension with exactly that range is listed, then
        every range it contains is excluded.
        """
        sat = self.solver(base, with_range=True)  # range maximisation: CaDiCaL is faster
        ranges = 2 * self.n
        try:
            while (model := sat.solve()) is not None:
                best = self.range_mask(self._maximise_range(sat, model))
                exact = self._inside(ranges, best)  # the range is maximal: ⊇ is =
                act = self.fresh()
                while (found := sat.solve([act, *exact])) is not None:
                    inside = self.in_mask(found)
                    yield indices(inside)
                    sat.add([-act, *self._block(inside)])
                sat.add([-act])
                outside = self._outside(ranges, best)
                if not outside:
                    return
                sat.add(outside)
        finally:
            sat.close()

    # -- acceptance ----------------------------------------------------------------------

    def exists(
        self, base: str, include: Sequence[int] = (), exclude: Sequence[int] = ()
    ) -> frozenset[int] | None:
        """Some extension of a base encoding with and without the given arguments."""
        sat = self.warm(base)
        model = sat.solve([*(self.IN(a) for a in include), *(-self.IN(a) for a in exclude)])
        return None if model is None else self.in_set(model)

    def credulous_mask(self) -> np.ndarray:
        """The arguments in some admissible set (the credulously preferred ones), as a mask.

        One solver, one call per round: an admissible set with some argument not yet known
        to be credulous (a clause switched on by that round's activation literal); all its
        members are credulous. Done when there is none.
        """
        sat = self.warm("admissible")
        sat.prefer(self._positive[0])  # large admissible sets: few rounds
        known = np.zeros(self.n, dtype=bool)
        while True:
            rest = self._outside(0, known)
            if not rest:
                return known
            act = self.fresh()
            sat.add([-act, *rest])
            model = sat.solve([act])
            sat.add([-act])
            if model is None:
                return known
            known |= self.in_mask(model)

    def preferred_counterexample(self, a: int) -> frozenset[int] | None:
        """A preferred extension without ``a``, or ``None`` if ``a`` is in all of them."""
        return self.preferred_lacking([a])

    def preferred_lacking(self, members: Sequence[int]) -> frozenset[int] | None:
        """A preferred extension containing none of ``members``, or ``None``.

        Counterexample-guided on the framework's one complete solver: take a complete
        extension without them, maximise it; if the maximum still lacks them it is the
        answer, else exclude its subsets (a clause of this query's activation literal; a
        superset of a candidate is never such a subset, so growing under it is sound) and
        go on.
        """
        sat = self.warm("complete")
        act = self.fresh()
        avoid = [act, *(-self.IN(a) for a in members)]
        try:
            while (model := sat.solve(avoid)) is not None:
                maximal = self.in_mask(self._maximise(sat, model, 0, [act]))
                if not maximal[list(members)].any():
                    return indices(maximal)
                outside = self._outside(0, maximal)
                if not outside:
                    return None
                sat.add([-act, *outside])
            return None
        finally:
            sat.add([-act])

    def range_maximal_witness(self, base: str, a: int, member: bool) -> frozenset[int] | None:
        """A semi-stable/stage extension that contains ``a`` (or lacks it, if not ``member``)."""
        return self.range_maximal_under(base, [self.IN(a) if member else -self.IN(a)])

    def range_maximal_under(self, base: str, assumptions: Sequence[int]) -> frozenset[int] | None:
        """A semi-stable or stage extension where ``assumptions`` hold, or ``None``.

        ``base`` is complete (semi-stable) or conflict-free (stage); ``assumptions`` are
        literals ``±IN(a)``. On the framework's one solver for ``base`` with ranges:

        1. a candidate: an extension of ``base`` where the assumptions hold;
        2. its range grown to a maximal one ``R`` (if it was maximal, the candidate is the
           answer); every range inside the candidate's, not maximal, is excluded for good;
        3. an extension with range exactly ``R`` where the assumptions hold is the answer;
        4. else every range inside ``R`` is excluded for this query (a clause on its
           activation literal) and the next candidate is asked for.

        A range grown from a candidate is never inside an excluded one, so growing under
        the query's clauses is sound, and each round removes a maximal range and all the
        ranges below it.
        """
        sat = self.warm(base, with_range=True)
        ranges = 2 * self.n
        act = self.fresh()
        asked = [act, *assumptions]
        try:
            while (model := sat.solve(asked)) is not None:
                current = self.range_mask(model)
                best = self.range_mask(self._maximise_range(sat, model, [act]))
                if np.array_equal(best, current):
                    return self.in_set(model)
                sat.add(self._outside(ranges, current))  # not maximal, for every query
                found = sat.solve([*asked, *self._inside(ranges, best)])
                if found is not None:
                    return self.in_set(found)
                sat.add([-act, *self._outside(ranges, best)])
            return None
        finally:
            sat.add([-act])

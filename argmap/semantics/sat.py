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

    def __init__(self, clauses: Iterable[list[int]], deadline: Deadline) -> None:
        self.solver = Solver(name=SOLVER)
        self.deadline = deadline
        self.budget = 1000
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

    def close(self) -> None:
        """Free the solver."""
        self.solver.delete()
        self._add = self.solver.add_clause  # a no-op now: never the freed solver's handle


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
    if SOLVER != "cadical153" or handle is None:
        return add
    try:
        from pysolvers import cadical153_add_cl  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - python-sat's own extension module
        return add
    direct: Callable[[list[int]], object] = partial(cadical153_add_cl, handle)
    return direct  # a C-level callable: no Python frame per clause


class SatFramework:
    """SAT encodings of one framework; methods answer in argument indices."""

    def __init__(self, af: AF, deadline: Deadline | None = None) -> None:
        self.af = af
        self.n = len(af)
        self.deadline = deadline or Deadline(None)
        self._next = 3 * self.n + 1  # fresh variables (activation literals) start here

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

    def solver(self, base: str, with_range: bool = False) -> IncrementalSolver:
        """A fresh solver loaded with a base encoding."""
        sat = IncrementalSolver((), self.deadline)
        try:
            sat.extend(self.clause_chunks(base, with_range))
        except BaseException:
            sat.close()
            raise
        return sat

    def in_set(self, model: list[int]) -> frozenset[int]:
        """The IN arguments of a model (decoded by numpy, not a Python test per argument)."""
        values = np.fromiter(model, dtype=np.int64, count=self.n)
        return frozenset(np.flatnonzero(values > 0).tolist())

    def range_set(self, model: list[int]) -> frozenset[int]:
        """The arguments IN or OUT in a model with range variables."""
        values = np.fromiter(model, dtype=np.int64, count=3 * self.n)[2 * self.n :]
        return frozenset(np.flatnonzero(values > 0).tolist())

    def _block(self, s: frozenset[int]) -> list[int]:
        """A clause excluding exactly the IN set ``s``."""
        return [-self.IN(a) if a in s else self.IN(a) for a in range(self.n)]

    # -- enumeration ---------------------------------------------------------------------

    def enumerate_base(self, base: str) -> Iterator[frozenset[int]]:
        """Every extension of a base encoding (each IN set once)."""
        sat = self.solver(base)
        try:
            while (model := sat.solve()) is not None:
                found = self.in_set(model)
                yield found
                sat.add(self._block(found))
        finally:
            sat.close()

    def _outside(self, var: Callable[[int], int], s: frozenset[int]) -> list[int]:
        """A clause: ``var`` holds for some argument not in ``s``."""
        return [var(a) for a in range(self.n) if a not in s]

    def _strict_superset(
        self, sat: IncrementalSolver, var: Callable[[int], int], s: frozenset[int]
    ) -> list[int] | None:
        """A model where ``var`` holds on all of ``s`` and more, or ``None``.

        The extra clause is switched on by a fresh activation literal for this one call.
        """
        act = self.fresh()
        sat.add([-act, *self._outside(var, s)])
        model = sat.solve([act, *(var(a) for a in s)])
        sat.add([-act])
        return model

    def maximise_in(self, sat: IncrementalSolver, start: frozenset[int]) -> frozenset[int]:
        """Grow an IN set until no extension of the solver's encoding strictly contains it."""
        current = start
        while (model := self._strict_superset(sat, self.IN, current)) is not None:
            current = self.in_set(model)
        return current

    def enumerate_preferred(self) -> Iterator[frozenset[int]]:
        """Every preferred extension: maximise a complete extension, then exclude its subsets."""
        sat = self.solver("admissible")
        try:
            while (model := sat.solve()) is not None:
                found = self.maximise_in(sat, self.in_set(model))
                yield found
                outside = self._outside(self.IN, found)
                if not outside:
                    return
                sat.add(outside)
        finally:
            sat.close()

    def _maximise_range(self, sat: IncrementalSolver, model: list[int]) -> list[int]:
        """Grow a model's range until it is maximal; returns a model with that range."""
        while (bigger := self._strict_superset(sat, self.RANGE, self.range_set(model))) is not None:
            model = bigger
        return model

    def enumerate_range_maximal(self, base: str) -> Iterator[frozenset[int]]:
        """Semi-stable (base complete) or stage (base conflict-free) extensions.

        For each maximal range, every extension with exactly that range is listed, then
        every range it contains is excluded.
        """
        sat = self.solver(base, with_range=True)
        try:
            while (model := sat.solve()) is not None:
                best = self.range_set(self._maximise_range(sat, model))
                exact = [self.RANGE(a) if a in best else -self.RANGE(a) for a in range(self.n)]
                act = self.fresh()
                while (found := sat.solve([act, *exact])) is not None:
                    extension = self.in_set(found)
                    yield extension
                    sat.add([-act, *self._block(extension)])
                sat.add([-act])
                outside = self._outside(self.RANGE, best)
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
        sat = self.solver(base)
        try:
            model = sat.solve([*(self.IN(a) for a in include), *(-self.IN(a) for a in exclude)])
            return None if model is None else self.in_set(model)
        finally:
            sat.close()

    def preferred_counterexample(self, a: int) -> frozenset[int] | None:
        """A preferred extension without ``a``, or ``None`` if ``a`` is in all of them."""
        return self.preferred_lacking([a])

    def preferred_lacking(self, members: Sequence[int]) -> frozenset[int] | None:
        """A preferred extension containing none of ``members``, or ``None``.

        Counterexample-guided: take a complete extension without them, maximise it; if the
        maximum still lacks them it is the answer, else exclude its subsets and go on.
        """
        avoid = [-self.IN(a) for a in members]
        candidates = self.solver("complete")
        grow = self.solver("complete")
        try:
            while (model := candidates.solve(avoid)) is not None:
                maximal = self.maximise_in(grow, self.in_set(model))
                if not maximal.intersection(members):
                    return maximal
                outside = self._outside(self.IN, maximal)
                if not outside:
                    return None
                candidates.add(outside)
            return None
        finally:
            candidates.close()
            grow.close()

    def range_maximal_witness(self, base: str, a: int, member: bool) -> frozenset[int] | None:
        """A semi-stable/stage extension that contains ``a`` (or lacks it, if not ``member``)."""
        return self.range_maximal_under(base, [self.IN(a) if member else -self.IN(a)])

    def range_maximal_under(self, base: str, assumptions: Sequence[int]) -> frozenset[int] | None:
        """A semi-stable or stage extension where ``assumptions`` hold, or ``None``.

        ``base`` is complete (semi-stable) or conflict-free (stage); ``assumptions`` are
        literals ``±IN(a)``.

        Counterexample-guided: a candidate whose range is not maximal rules out every
        candidate whose range it contains.
        """
        candidates = self.solver(base, with_range=True)
        check = self.solver(base, with_range=True)
        try:
            while (model := candidates.solve(assumptions)) is not None:
                current = self.range_set(model)
                if self._strict_superset(check, self.RANGE, current) is None:
                    return self.in_set(model)
                candidates.add(self._outside(self.RANGE, current))
            return None
        finally:
            candidates.close()
            check.close()

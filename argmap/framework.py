"""Abstract argumentation frameworks (Dung 1995): arguments and an attack relation.

An :class:`AF` keeps its arguments' names and an indexed representation for the
algorithms: argument ``i`` is ``arguments[i]``, ``attackers[i]`` and ``targets[i]`` list the
indices attacking it and attacked by it.

>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> af.attackers_of("c")
('b',)
>>> len(af), af.attack_count
(3, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from heapq import merge
from itertools import chain
from pathlib import Path
from typing import NamedTuple, TypeVar, cast, overload

import numpy as np

from argmap.errors import ArgmapError
from argmap.formats.iccma import MAX_ARGUMENTS, Frame, format_frame, parse_frame, scan_i23
from argmap.formats.text import read_text, write_text

__all__ = [
    "AF",
    "MAX_ARGUMENTS",
    "Adjacency",
    "NumberIndex",
    "Numbered",
    "NumberedAt",
    "Split",
    "format_af",
    "framework_format",
    "parse_af",
    "read_af",
    "write_af",
]

T = TypeVar("T")


class AF:
    """An abstract argumentation framework: a set of arguments and who attacks whom.

    Parameters
    ----------
    arguments
        Distinct argument names, in the order to index them.
    attacks
        ``(attacker, attacked)`` pairs of argument names; self-attacks are allowed and a
        repeated pair counts once.

    Raises
    ------
    ArgmapError
        On a repeated argument name or an attack naming an unknown argument.
    """

    __slots__ = (
        "_attackers",
        "_index",
        "_memo",
        "_targets",
        "adjacency",
        "arguments",
        "attack_count",
    )

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse every assignment from outside: a framework never changes once built."""
        raise AttributeError(f"an AF is immutable: cannot set '{name}'")

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        names = tuple(arguments)
        index = {name: i for i, name in enumerate(names)}
        if len(index) != len(names):
            raise ArgmapError(f"argument '{_repeated(names)}' is listed twice")
        try:
            ends = [index[name] for name in chain.from_iterable(attacks)]
        except KeyError as exc:
            raise ArgmapError(f"an attack names an unknown argument '{exc.args[0]}'") from None
        self._build(names, np.array(ends, dtype=np.int64))
        self._set("_index", index)

    def _build(self, names: Sequence[str], ends: np.ndarray) -> None:
        """Index the attacks: ``ends`` is attacker, attacked, attacker, ... as indices.

        Attacks are sorted and de-duplicated as one integer key each, then kept as two
        compressed sparse rows (targets by attacker, attackers by target): no Python work
        per attack, which is what lets a framework of millions of attacks build in seconds.
        """
        n = len(names)
        if len(ends) % 2:
            raise ArgmapError("an attack needs an attacker and an attacked argument")
        keys = _sorted_unique(ends[0::2] * n + ends[1::2])
        source, target = np.divmod(keys, n) if n else (keys, keys)
        # the same attacks ordered by target: sort one key per attack again, not argsort
        by_target = np.sort(target * n + source) if n else keys
        attacked, attacker = np.divmod(by_target, n) if n else (keys, keys)
        adjacency = Adjacency(_offsets(source, n), target, _offsets(attacked, n), attacker)
        for column in adjacency:
            column.flags.writeable = False
        self._set("arguments", names)
        self._set("attack_count", len(keys))
        self._set("adjacency", adjacency)
        self._set("_attackers", None)
        self._set("_targets", None)
        self._set("_memo", {})

    arguments: Sequence[str]
    """The arguments' names; argument ``i`` is ``arguments[i]`` (a tuple, :class:`Numbered` or
    :class:`NumberedAt`)."""
    attack_count: int
    """How many (distinct) attacks there are."""
    adjacency: Adjacency
    """The attacks as compressed sparse rows (read-only numpy arrays)."""
    _index: Mapping[str, int] | None
    _attackers: tuple[tuple[int, ...], ...] | None
    _targets: tuple[tuple[int, ...], ...] | None
    _memo: dict[str, object]

    def memoized(self, key: str, compute: Callable[[AF], T]) -> T:
        """``compute(self)``, computed once per framework and key and then remembered.

        A framework never changes, so neither does what is computed from it; the
        semantics keep the grounded labelling this way. The value is shared: treat it as
        read-only.

        >>> af = AF(["a"])
        >>> af.memoized("size", len), af.memoized("size", lambda _: 0)
        (1, 1)
        """
        memo: dict[str, object] = self._memo
        if key not in memo:
            memo[key] = compute(self)
        return cast("T", memo[key])

    @classmethod
    def from_file(cls, path: str | Path, fmt: str | None = None) -> AF:
        """Read an ICCMA file (i23, apx or tgf; by default from the extension).

        Raises
        ------
        ArgmapError
            Naming the file and line of what is wrong.
        """
        return read_af(path, fmt)

    @classmethod
    def from_indexed(
        cls,
        n: int,
        attacks: Iterable[tuple[int, int]],
        names: Sequence[str] | None = None,
    ) -> AF:
        """A framework from 0-based index pairs; arguments are named ``"1"`` to ``str(n)``.

        The fast way to build a large framework: no name is looked up per attack, and the
        name index is built only when a name is first looked up.

        >>> AF.from_indexed(3, [(0, 1), (1, 2)]).attackers_of("3")
        ('2',)

        Raises
        ------
        ArgmapError
            If an index is out of range or ``names`` has the wrong length.
        """
        arguments = tuple(names) if names is not None else Numbered(n)
        if len(arguments) != n:
            raise ArgmapError(f"{len(arguments)} names given for {n} arguments")
        ends = np.fromiter(chain.from_iterable(attacks), dtype=np.int64)
        if len(ends) and (ends.min() < 0 or ends.max() >= n):
            bad = int(np.flatnonzero((ends < 0) | (ends >= n))[0]) // 2
            pair = (int(ends[2 * bad]), int(ends[2 * bad + 1]))
            raise ArgmapError(f"attack {pair} has an index outside 0..{n - 1}")
        af = cls.__new__(cls)
        af._build(arguments, ends)
        af._set("_index", None)
        if names is not None and len(af.index) != n:
            raise ArgmapError(f"argument '{_repeated(arguments)}' is listed twice")
        return af

    @classmethod
    def numbered(cls, n: int, ends: np.ndarray) -> AF:
        """A framework of arguments ``"1"`` to ``str(n)`` from 0-based attack ends.

        ``ends`` is attacker, attacked, attacker, ... (indices checked by the caller). The
        names are not stored (:class:`Numbered`): a framework of ten million arguments and
        no attacks takes tens of bytes per argument.

        >>> AF.numbered(3, np.array([0, 2])).attackers_of("3")
        ('1',)
        """
        af = cls.__new__(cls)
        names = Numbered(n)
        af._build(names, ends)
        af._set("_index", NumberIndex(names))
        return af

    @classmethod
    def _of_ends(
        cls, names: Sequence[str], ends: np.ndarray, index: Mapping[str, int] | None = None
    ) -> AF:
        """A framework of ``names`` from checked 0-based attack ends.

        The name index is ``index`` if given, else built on first use.
        """
        af = cls.__new__(cls)
        af._build(names, ends)
        af._set("_index", index)
        return af

    @property
    def index(self) -> Mapping[str, int]:
        """Argument name to index (built on first use; computed for numbered arguments)."""
        if self._index is None:
            index: Mapping[str, int]
            if isinstance(self.arguments, Numbered | NumberedAt):
                index = NumberIndex(self.arguments)
            else:
                index = {name: i for i, name in enumerate(self.arguments)}
            self._set("_index", index)
            return index
        return self._index

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, name: object) -> bool:
        return name in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.arguments)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AF):
            return NotImplemented
        return set(self.arguments) == set(other.arguments) and self.attacks == other.attacks

    def __hash__(self) -> int:
        return hash((frozenset(self.arguments), self.attacks))

    def __repr__(self) -> str:
        return f"AF({len(self)} arguments, {self.attack_count} attacks)"

    @property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        """Per argument index, the indices of its attackers (ascending)."""
        if self._attackers is None:
            rows = self.adjacency.rows(incoming=True)
            self._set("_attackers", rows)
            return rows
        return self._attackers

    @property
    def targets(self) -> tuple[tuple[int, ...], ...]:
        """Per argument index, the indices it attacks (ascending)."""
        if self._targets is None:
            rows = self.adjacency.rows(incoming=False)
            self._set("_targets", rows)
            return rows
        return self._targets

    @property
    def attacks(self) -> frozenset[tuple[str, str]]:
        """The attack relation as name pairs."""
        names = self.arguments
        return frozenset(
            (names[a], names[b]) for a, targets in enumerate(self.targets) for b in targets
        )

    def attack_pairs(self) -> Iterator[tuple[int, int]]:
        """The attack relation as index pairs, ordered by attacker then target."""
        for a, targets in enumerate(self.targets):
            for b in targets:
                yield a, b

    def attacks_index(self, attacker: int, attacked: int) -> bool:
        """Whether argument index ``attacker`` attacks index ``attacked``."""
        return attacked in self.targets[attacker]

    def attackers_of(self, name: str) -> tuple[str, ...]:
        """The names of the arguments attacking ``name``."""
        return tuple(self.arguments[i] for i in self.attackers[self._at(name)])

    def targets_of(self, name: str) -> tuple[str, ...]:
        """The names of the arguments ``name`` attacks."""
        return tuple(self.arguments[i] for i in self.targets[self._at(name)])

    def _at(self, name: str) -> int:
        try:
            return self.index[name]
        except KeyError:
            raise ArgmapError(f"the framework has no argument '{name}'") from None

    def indices(self, names: Iterable[str]) -> frozenset[int]:
        """The indices of a set of argument names.

        Raises
        ------
        ArgmapError
            If a name is not an argument of the framework.
        """
        return frozenset(self._at(name) for name in names)

    def names(self, indices: Iterable[int]) -> frozenset[str]:
        """The names of a set of argument indices."""
        names = self.arguments
        if isinstance(names, NumberedAt):  # written from the numbers in one array operation
            chosen = np.fromiter(indices, dtype=np.int64)
            return frozenset(map(str, (names.at[chosen] + 1).tolist()))
        return frozenset(names[i] for i in indices)


class Split:
    """A framework as its *core*, the arguments in some attack, and the *isolated* rest.

    An isolated argument attacks nothing and nothing attacks it, so under every semantics
    argmap offers it belongs to every extension, and the extensions of the whole are those
    of the core with every isolated argument added (the splitting property of Baumann,
    "Splitting an argumentation framework", LPNMR 2011). Solving the core alone makes the
    cost follow the attacks in the file, not the ``p af N`` header: the isolated arguments
    are a count and the gaps between the core's numbers, never a list.

    >>> s = Split.of(AF(["a", "b", "c", "d"], [("b", "c")]))
    >>> s.core, len(s), s.isolated_count, list(s.isolated())
    (AF(2 arguments, 1 attacks), 4, 2, ['a', 'd'])
    >>> list(s.whole(["b"])), s.is_isolated("d"), "e" in s
    (['a', 'b', 'd'], True, False)
    """

    __slots__ = ("_at", "_index", "_names", "core")

    def __init__(
        self, names: Sequence[str], index: Mapping[str, int], at: np.ndarray, core: AF
    ) -> None:
        self._names = names
        self._index = index
        self._at = at
        self.core = core
        """The arguments in some attack, named as in the whole framework."""

    @classmethod
    def of(cls, af: AF) -> Split:
        """The split of a framework already built."""
        adjacency = af.adjacency
        degree = np.diff(adjacency.out_start) + np.diff(adjacency.in_start)
        at = np.flatnonzero(degree)
        source = np.repeat(np.arange(len(af), dtype=np.int64), np.diff(adjacency.out_start))
        return cls._build(af.arguments, af.index, at, source, adjacency.out_index)

    @classmethod
    def read(cls, path: str | Path, fmt: str | None = None) -> Split:
        """The split of an ICCMA file; for i23, memory follows the file's attacks.

        Raises
        ------
        ArgmapError
            As :func:`read_af`.
        """
        fmt = framework_format(path, fmt)
        if fmt != "i23":
            return cls.of(read_af(path, fmt))
        n, ends = scan_i23(read_text(Path(path)), str(path))
        if 4 * len(ends) >= n:  # a mark per argument costs less than sorting the ends
            mark = np.zeros(n, dtype=bool)
            mark[ends] = True
            at = np.flatnonzero(mark)
            rank = np.cumsum(mark, dtype=np.int64) - 1
            core_ends = rank[ends]
            del mark, rank
        else:  # memory follows the attacks, not the header
            at = _sorted_unique(ends)
            core_ends = np.searchsorted(at, ends)
        names = NumberedAt(at)
        core = AF._of_ends(names, core_ends, NumberIndex(names))
        return cls(Numbered(n), NumberIndex(Numbered(n)), at, core)

    @classmethod
    def _build(
        cls,
        names: Sequence[str],
        index: Mapping[str, int],
        at: np.ndarray,
        source: np.ndarray,
        target: np.ndarray,
    ) -> Split:
        ends = np.empty(2 * len(source), dtype=np.int64)
        ends[0::2] = np.searchsorted(at, source)
        ends[1::2] = np.searchsorted(at, target)
        core_names = NumberedAt(at) if isinstance(names, Numbered) else _names_at(names, at)
        return cls(names, index, at, AF._of_ends(core_names, ends))

    def __len__(self) -> int:
        """How many arguments the whole framework has."""
        return len(self._names)

    @property
    def isolated_count(self) -> int:
        """How many arguments are in no attack."""
        return len(self._names) - len(self._at)

    def _isolated_at(self) -> Iterator[int]:
        previous = 0
        for k in _chunked(self._at):
            yield from range(previous, k)
            previous = k + 1
        yield from range(previous, len(self._names))

    def isolated(self) -> Iterator[str]:
        """The isolated arguments' names, in the framework's order, made one at a time."""
        return map(self._names.__getitem__, self._isolated_at())

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is an argument of the whole framework."""
        return name in self._index

    def is_isolated(self, name: str) -> bool:
        """Whether ``name`` (an argument of the framework) is in no attack."""
        return name in self._index and name not in self.core

    def whole(self, core_extension: Iterable[str]) -> Iterator[str]:
        """A core extension with every isolated argument added, in the framework's order.

        The names are made one at a time: an extension of ten million arguments is written
        without ever being held.
        """
        at = self._at
        index = self.core.index
        if isinstance(index, NumberIndex) and isinstance(index.names, NumberedAt):  # by number
            members = _numbers_in(list(core_extension), at)
        else:
            members = sorted(int(at[index[name]]) for name in core_extension)
        return map(self._names.__getitem__, merge(members, self._isolated_at()))


def _number(name: object, n: int) -> int | None:
    """The index of ``name`` among ``"1"`` to ``str(n)``, or ``None``."""
    if not (isinstance(name, str) and 0 < len(name) <= 19 and name.isascii() and name.isdigit()):
        return None
    if name[0] == "0":
        return None
    k = int(name)
    return k - 1 if k <= n else None


class _NumberNames(Sequence[str]):
    """Argument names that are numbers, looked up by computing (:meth:`_find`), not stored."""

    __slots__ = ()

    def _find(self, name: object) -> int | None:
        raise NotImplementedError

    def __contains__(self, name: object) -> bool:
        return self._find(name) is not None

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """The index of a name (``ValueError`` if it is not one)."""
        k = self._find(value)
        if k is None or k < start or (stop is not None and k >= stop):
            raise ValueError(f"{value!r} is not an argument")
        return k


class Numbered(_NumberNames):
    """The argument names ``"1"`` to ``str(n)``, made when asked for rather than stored.

    >>> names = Numbered(3)
    >>> list(names), names[-1], "2" in names, "02" in names, names.index("3")
    (['1', '2', '3'], '3', True, False, 2)
    """

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(str(k + 1) for k in range(self.n)[i])
        k = i + self.n if i < 0 else i
        if not 0 <= k < self.n:
            raise IndexError("argument index out of range")
        return str(k + 1)

    def __iter__(self) -> Iterator[str]:
        return map(str, range(1, self.n + 1))

    def _find(self, name: object) -> int | None:
        return _number(name, self.n)

    def __repr__(self) -> str:
        return f"Numbered({self.n})"


def _chunked(values: np.ndarray) -> Iterator[int]:
    """The integers of an array as Python ints, converted 65,536 at a time."""
    for start in range(0, len(values), 1 << 16):
        yield from values[start : start + (1 << 16)].tolist()


def _names_at(names: Sequence[str], at: np.ndarray) -> tuple[str, ...]:
    """The names at the positions ``at``, as a tuple."""
    return tuple(names[i] for i in at.tolist())


class NumberedAt(_NumberNames):
    """The names ``str(k + 1)`` of an ascending array of 0-based numbers ``at``.

    The arguments of the core of a numbered framework (:meth:`Split.read`): argument ``i``
    is ``at[i] + 1``, written when asked for.

    >>> names = NumberedAt(np.array([1, 4, 6]))
    >>> list(names), names[1], "5" in names, "2" in names, names.index("7")
    (['2', '5', '7'], '5', True, True, 2)
    """

    __slots__ = ("at",)

    def __init__(self, at: np.ndarray) -> None:
        self.at = at

    def __len__(self) -> int:
        return len(self.at)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(str(k + 1) for k in self.at[i].tolist())
        return str(int(self.at[i]) + 1)

    def __iter__(self) -> Iterator[str]:
        return (str(k + 1) for k in _chunked(self.at))

    def _find(self, name: object) -> int | None:
        return _position(name, self.at)

    def __repr__(self) -> str:
        return f"NumberedAt({len(self.at)} numbers)"


def _position(name: object, at: np.ndarray) -> int | None:
    """Where the number ``name`` names is in the ascending ``at`` (0-based), or ``None``."""
    k = _number(name, int(at[-1]) + 1) if len(at) else None
    if k is None:
        return None
    i = int(at.searchsorted(k))
    return i if i < len(at) and int(at[i]) == k else None


def _numbers_in(names: list[str], at: np.ndarray) -> list[int]:
    """The 0-based numbers of ``names``, sorted; each must be ``str(k + 1)`` of a ``k`` in ``at``.

    The lookups of :class:`NumberIndex` on :class:`NumberedAt` names, done for all names in one binary search.

    Raises
    ------
    KeyError
        Naming the first name that is not one.
    """
    limit = int(at[-1]) + 1 if len(at) else 0
    numbers = [_number(name, limit) for name in names]
    if None in numbers:
        raise KeyError(names[numbers.index(None)])
    wanted = np.array(numbers, dtype=np.int64)
    place = np.minimum(at.searchsorted(wanted), max(len(at) - 1, 0))
    missing = np.flatnonzero(at[place] != wanted) if len(at) else np.arange(len(wanted))
    if len(missing):
        raise KeyError(names[int(missing[0])])
    return sorted(wanted.tolist())


class NumberIndex(Mapping[str, int]):
    """Name to index for numbered names, computed from the name rather than stored.

    The names are :class:`Numbered` or :class:`NumberedAt`.

    >>> three, some = NumberIndex(Numbered(3)), NumberIndex(NumberedAt(np.array([1, 4])))
    >>> three["2"], "4" in three, len(three), some["5"], "1" in some
    (1, False, 3, 1, False)
    """

    __slots__ = ("names",)

    def __init__(self, names: Numbered | NumberedAt) -> None:
        self.names = names

    def __getitem__(self, name: str) -> int:
        k = self.names._find(name)
        if k is None:
            raise KeyError(name)
        return k

    def __contains__(self, name: object) -> bool:
        return self.names._find(name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class Adjacency(NamedTuple):
    """Both directions of the attack relation as integer arrays (compressed sparse rows).

    The targets of argument ``a`` are ``out_index[out_start[a]:out_start[a + 1]]``; its
    attackers ``in_index[in_start[a]:in_start[a + 1]]``; both ascending.
    """

    out_start: np.ndarray
    out_index: np.ndarray
    in_start: np.ndarray
    in_index: np.ndarray

    def rows(self, incoming: bool) -> tuple[tuple[int, ...], ...]:
        """One tuple of neighbours per argument."""
        start, index = (
            (self.in_start, self.in_index) if incoming else (self.out_start, self.out_index)
        )
        flat, bounds = index.tolist(), start.tolist()
        return tuple(tuple(flat[bounds[i] : bounds[i + 1]]) for i in range(len(bounds) - 1))


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """``keys`` sorted, each value once (not sorted again if it already is)."""
    if len(keys) > 1 and not (keys[1:] >= keys[:-1]).all():
        keys = np.sort(keys)
    if len(keys) > 1:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys


def _offsets(rows: np.ndarray, n: int) -> np.ndarray:
    """Row start offsets (length ``n + 1``) of a sorted array of row numbers."""
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=offsets[1:])
    return offsets


def _repeated(names: Iterable[str]) -> str:
    """The first name that occurs a second time."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    raise ValueError("no name is repeated")


def parse_af(text: str, fmt: str, path: str = "<string>") -> AF:
    r"""A framework from ICCMA text (``i23``, ``apx`` or ``tgf``).

    >>> sorted(parse_af("p af 3\n1 2\n2 3\n", "i23").attacks)
    [('1', '2'), ('2', '3')]

    i23 is read strictly: numbers are ASCII digits without leading zeros, and the
    framework's size costs a few bytes per argument (the names ``"1"`` to ``"N"`` are made
    when asked for, not stored), since ``p af N`` declares N arguments whether or not any
    line mentions them.

    >>> parse_af("p af 3\n1 02\n", "i23", "f.i23")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: f.i23:2:3: error: argument '02' has a leading zero; i23 numbers are written 1 to N [i23-number]

    Raises
    ------
    ArgmapError
        Naming the line and what is wrong with it.
    """
    if fmt == "i23":
        return _parse_i23(text, path)
    frame = parse_frame(text, fmt, path)
    return AF(frame.arguments, frame.attacks)


def framework_format(path: str | Path, fmt: str | None = None) -> str:
    """The ICCMA format of a file: ``fmt`` if given, else from its extension.

    ``.af``, the extension of the ICCMA 2023 benchmarks, is i23.

    >>> framework_format("x.af"), framework_format("x.APX"), framework_format("x.txt", "tgf")
    ('i23', 'apx', 'tgf')
    """
    if fmt:
        return fmt
    suffix = Path(path).suffix.lstrip(".").lower()
    return "i23" if suffix == "af" else suffix


def read_af(path: str | Path, fmt: str | None = None) -> AF:
    """Read an ICCMA file; the format defaults to the file's extension (``.af`` is i23).

    Raises
    ------
    ArgmapError
        If the file cannot be read (a decoding error with its line and column) or parsed.
    """
    path = Path(path)
    return parse_af(read_text(path), framework_format(path, fmt), str(path))


def _parse_i23(text: str, path: str) -> AF:
    """An i23 framework, its arguments named ``"1"`` to ``"N"`` (see :func:`parse_af`)."""
    n, ends = scan_i23(text, path)
    return AF.numbered(n, ends)


def format_af(af: AF, fmt: str) -> str:
    """A framework as ICCMA text (i23 numbers the arguments in order)."""
    return format_frame(Frame(tuple(af.arguments), tuple(af.attacks)), fmt)


def write_af(af: AF, path: str | Path, fmt: str | None = None) -> None:
    """Write an ICCMA file (atomically); the format defaults to the file's extension."""
    path = Path(path)
    write_text(path, format_af(af, fmt or path.suffix.lstrip(".").lower()))

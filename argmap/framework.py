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

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

import numpy as np

from argmap.errors import ArgmapError
from argmap.formats.iccma import Frame, format_frame, parse_frame
from argmap.formats.text import read_text, write_text

__all__ = ["AF", "Adjacency", "format_af", "parse_af", "read_af", "write_af"]

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

    def _build(self, names: tuple[str, ...], ends: np.ndarray) -> None:
        """Index the attacks: ``ends`` is attacker, attacked, attacker, ... as indices.

        Attacks are sorted and de-duplicated as one integer key each, then kept as two
        compressed sparse rows (targets by attacker, attackers by target): no Python work
        per attack, which is what lets a framework of millions of attacks build in seconds.
        """
        n = len(names)
        if len(ends) % 2:
            raise ArgmapError("an attack needs an attacker and an attacked argument")
        keys = np.sort(ends[0::2] * n + ends[1::2])
        if len(keys):
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        source, target = np.divmod(keys, n) if n else (keys, keys)
        by_target = np.argsort(target, kind="stable")
        adjacency = Adjacency(
            _offsets(source, n), target, _offsets(target[by_target], n), source[by_target]
        )
        for array in adjacency:
            array.flags.writeable = False
        self._set("arguments", names)
        self._set("attack_count", len(keys))
        self._set("adjacency", adjacency)
        self._set("_attackers", None)
        self._set("_targets", None)
        self._set("_memo", {})

    arguments: tuple[str, ...]
    """The arguments' names; argument ``i`` is ``arguments[i]``."""
    attack_count: int
    """How many (distinct) attacks there are."""
    adjacency: Adjacency
    """The attacks as compressed sparse rows (read-only numpy arrays)."""
    _index: dict[str, int] | None
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
        arguments = tuple(names) if names is not None else tuple(map(str, range(1, n + 1)))
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

    @property
    def index(self) -> dict[str, int]:
        """Argument name to index (built on first use)."""
        if self._index is None:
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
        return frozenset(self.arguments[i] for i in indices)


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

    Raises
    ------
    ArgmapError
        Naming the line and what is wrong with it.
    """
    frame = parse_frame(text, fmt, path)
    return AF(frame.arguments, frame.attacks)


def read_af(path: str | Path, fmt: str | None = None) -> AF:
    """Read an ICCMA file; the format defaults to the file's extension.

    Raises
    ------
    ArgmapError
        If the file cannot be read (a decoding error with its line and column) or parsed.
    """
    path = Path(path)
    return parse_af(read_text(path), fmt or path.suffix.lstrip(".").lower(), str(path))


def format_af(af: AF, fmt: str) -> str:
    """A framework as ICCMA text (i23 numbers the arguments in order)."""
    return format_frame(Frame(af.arguments, tuple(af.attacks)), fmt)


def write_af(af: AF, path: str | Path, fmt: str | None = None) -> None:
    """Write an ICCMA file (atomically); the format defaults to the file's extension."""
    path = Path(path)
    write_text(path, format_af(af, fmt or path.suffix.lstrip(".").lower()))

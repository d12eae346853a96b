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

from collections.abc import Iterable, Iterator
from pathlib import Path

from argmap.errors import ArgmapError

__all__ = ["AF"]


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

    __slots__ = ("_attack_set", "arguments", "attackers", "index", "targets")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        self.arguments: tuple[str, ...] = tuple(arguments)
        self.index: dict[str, int] = {}
        for i, name in enumerate(self.arguments):
            if name in self.index:
                raise ArgmapError(f"argument '{name}' is listed twice")
            self.index[name] = i
        n = len(self.arguments)
        attackers: list[list[int]] = [[] for _ in range(n)]
        targets: list[list[int]] = [[] for _ in range(n)]
        pairs: set[tuple[int, int]] = set()
        for attacker, attacked in attacks:
            try:
                pair = (self.index[attacker], self.index[attacked])
            except KeyError as exc:
                raise ArgmapError(
                    f"attack ({attacker}, {attacked}) names an unknown argument '{exc.args[0]}'"
                ) from None
            if pair not in pairs:
                pairs.add(pair)
                targets[pair[0]].append(pair[1])
                attackers[pair[1]].append(pair[0])
        self.attackers: tuple[tuple[int, ...], ...] = tuple(map(tuple, attackers))
        self.targets: tuple[tuple[int, ...], ...] = tuple(map(tuple, targets))
        self._attack_set = frozenset(pairs)

    @classmethod
    def from_file(cls, path: str | Path, fmt: str | None = None) -> AF:
        """Read an ICCMA file (i23, apx or tgf; by default from the extension).

        Raises
        ------
        ArgmapError
            Naming the file and line of what is wrong.
        """
        from argmap.formats.iccma import read_af  # the format module builds AFs itself

        return read_af(path, fmt)

    @classmethod
    def from_indexed(cls, n: int, attacks: Iterable[tuple[int, int]]) -> AF:
        """A framework of arguments named ``"1"`` to ``str(n)`` and 0-based index pairs."""
        names = [str(i + 1) for i in range(n)]
        return cls(names, ((names[a], names[b]) for a, b in attacks))

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
    def attacks(self) -> frozenset[tuple[str, str]]:
        """The attack relation as name pairs."""
        names = self.arguments
        return frozenset((names[a], names[b]) for a, b in self._attack_set)

    @property
    def attack_count(self) -> int:
        """How many (distinct) attacks there are."""
        return len(self._attack_set)

    def attacks_index(self, attacker: int, attacked: int) -> bool:
        """Whether argument index ``attacker`` attacks index ``attacked``."""
        return (attacker, attacked) in self._attack_set

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

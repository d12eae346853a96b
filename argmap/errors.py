"""Problems found in argument maps, and the one exception type argmap raises.

Every check in argmap produces :class:`Problem` records: what is wrong, where (file, line,
column, 1-based) and how bad it is (an error, or a warning a careful author wants to see).
Whenever argmap cannot go on, it raises :class:`ArgmapError`, which carries the location of
the first problem and the list of all of them, so a caller can report everything at once.

Examples
--------
>>> p = Problem("unknown node 'c9'", code="unknown-node", path="maps/a.yaml", line=12, column=14)
>>> str(p)
"maps/a.yaml:12:14: error: unknown node 'c9' [unknown-node]"
>>> err = ArgmapError.from_problems([p])
>>> (err.path, err.line, err.column)
('maps/a.yaml', 12, 14)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ArgmapError", "Problem", "Severity"]


class Severity(enum.StrEnum):
    """How bad a problem is: errors make input invalid, warnings only fail ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)  # not attrs: every command imports this module first
class Problem:
    """One thing wrong with an input, and where it is.

    Parameters
    ----------
    message
        What is wrong, in words a map author understands.
    code
        A short stable identifier (``unknown-node``, ``duplicate-id``, ...), listed in
        ``docs/cli.md``; tools can filter on it.
    severity
        :attr:`Severity.ERROR` (the default) or :attr:`Severity.WARNING`.
    path
        The file, as the user named it; ``None`` for objects built in code.
    line, column
        1-based position in ``path``; ``None`` when unknown.
    pointer
        Where in the document the problem is, as a JSON-path-like string
        (``$.edges[3].support``); always set for problems found in a model.
    """

    message: str
    code: str
    severity: Severity = Severity.ERROR
    path: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this problem makes the input invalid."""
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """The ``path:line:column`` prefix (as much of it as is known)."""
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        elif self.pointer:
            parts.append(self.pointer)
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary of every field."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "pointer": self.pointer,
        }


class ArgmapError(Exception):
    """The exception argmap raises for bad input and failed operations.

    ``path``, ``line`` and ``column`` locate the first problem; ``problems`` lists all
    of them (errors first, in document order), so a caller can show every one.

    Parameters
    ----------
    message
        The headline; defaults to the first problem's text.
    path, line, column
        Where the (first) problem is; taken from ``problems`` when not given.
    problems
        Every problem found.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0] if self.problems else None
        self.path = path if path is not None or first is None else first.path
        self.line = line if line is not None or first is None else first.line
        self.column = column if column is not None or first is None else first.column
        if message is None:
            message = first.message if first is not None else "invalid input"
        self.message = message
        super().__init__(message)

    @classmethod
    def at(
        cls,
        message: str,
        code: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> ArgmapError:
        """Raiseable error for one problem with its code, at a place.

        >>> print(ArgmapError.at("the file is empty", "empty-file", "m.yaml", 1, 1))
        m.yaml:1:1: error: the file is empty [empty-file]
        """
        return cls(problems=[Problem(message, code=code, path=path, line=line, column=column)])

    @classmethod
    def from_problems(cls, problems: Iterable[Problem]) -> ArgmapError:
        """Raiseable error for a list of problems (errors are listed first)."""
        listed = sorted(problems, key=lambda p: not p.is_error)
        return cls(problems=listed)

    def __str__(self) -> str:
        if not self.problems:
            where = Problem(
                self.message, code="error", path=self.path, line=self.line, column=self.column
            )
            return f"{where.location()}: {self.message}" if self.path else self.message
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(lines)

"""The one way ``argmap`` commands print a result: text for people, or JSON with ``--json``.

A command computes its result, then hands it to :func:`emit` with a function that writes it
as text; ``--json`` prints the result's data instead (``to_dict()`` where the result has one).

Text fits the terminal: :func:`width` is the terminal's width (``COLUMNS`` if set, 80 when
standard output is not a terminal); :func:`wrapped` fills prose at spaces (never inside an
id, never at its hyphens), :func:`table` fits a table to the width (see :mod:`argmap.table`)
and text cut short ends in "…". :func:`status_word` is the one vocabulary of a node's status.
"""

from __future__ import annotations

import argparse
import enum
import itertools
import json
import shutil
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, TextIO, TypeVar

from argmap.options import status_word
from argmap.table import fill, format_table, shorten

__all__ = [
    "MIN_WIDTH",
    "emit",
    "format_table",
    "lines",
    "plural",
    "progress_line",
    "shorten",
    "status_word",
    "table",
    "to_data",
    "width",
    "wrapped",
]

MIN_WIDTH = 40
"""The narrowest width text is fitted to, however narrow the terminal says it is."""

R = TypeVar("R")


def to_data(value: Any) -> Any:
    """``value`` as JSON data: results by their ``to_dict()``, enums by their value.

    >>> from argmap.options import Semantics
    >>> to_data({"semantics": Semantics.GROUNDED, "sets": (frozenset(), ["a"])})
    {'semantics': 'grounded', 'sets': [[], ['a']]}
    """
    if hasattr(value, "to_dict"):
        return to_data(value.to_dict())
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_data(v) for v in value]
    return value


def progress_line(things: str) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` that rewrites one line on standard error at each percent.

    The caller ends the line (``print(file=sys.stderr)``) when the work is done.
    """
    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != shown["last"]:
            shown["last"] = percent
            print(f"\r  {done:,} of {total:,} {things} ({percent}%)", end="", file=sys.stderr)

    return progress


def emit(
    result: R,
    args: argparse.Namespace,
    text: Callable[[R], str | Iterable[str]] | None = None,
    *,
    file: TextIO | None = None,
) -> None:
    """Print ``result``: as JSON with ``--json``, else as ``text(result)`` (if any).

    ``text`` returns the text or its lines; nothing is printed when it is empty.
    """
    out = file or sys.stdout
    if getattr(args, "json", False):
        # json.dump writes each token on its own (a third of the time of a 100 MB answer),
        # json.dumps holds the whole text at once: pieces of many tokens instead
        chunks = json.JSONEncoder(indent=2).iterencode(to_data(result))
        while piece := "".join(itertools.islice(chunks, 65536)):
            out.write(piece)
        out.write("\n")
        return
    if text is None:
        return
    written = text(result)
    body = written if isinstance(written, str) else "\n".join(written)
    if body:
        print(body, file=out)


def lines(*parts: str | Iterable[str]) -> list[str]:
    """Text lines from strings and lists of lines, in order."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.extend(part)
    return out


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def width() -> int:
    """The width text is fitted to: the terminal's, ``COLUMNS`` if set, else 80.

    :func:`shutil.get_terminal_size` reads ``COLUMNS`` first, then the terminal standard
    output is; when standard output is a file or a pipe it gives 80. Never below
    :data:`MIN_WIDTH`.
    """
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def wrapped(text: str, indent: str, columns: int | None = None, hanging: str | None = None) -> str:
    """``text`` filled to ``columns`` (default :func:`width`), lines indented by ``indent``.

    Lines break at spaces and after the ``:`` of an ``essay:node`` reference, never inside
    an id (so never at its hyphens); ``hanging`` indents the lines after the first (default:
    ``indent``).

    >>> print(wrapped("alpha beta-gamma delta", "  ", 16))
      alpha
      beta-gamma
      delta
    """
    return "\n".join(fill(text, columns or width(), indent, hanging))


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    cut: Collection[int] = (),
    gap: int = 2,
    rule: bool = True,
) -> str:
    """:func:`~argmap.table.format_table` fitted to :func:`width`; ``cut``: free-text columns."""
    return format_table(headers, rows, width=width(), cut=cut, gap=gap, rule=rule)

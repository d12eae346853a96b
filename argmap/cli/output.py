"""The one way ``argmap`` commands print a result: text for people, or JSON with ``--json``.

A command computes its result, then hands it to :func:`emit` with a function that writes it
as text; ``--json`` prints the result's data instead (``to_dict()`` where the result has one).
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO, TypeVar

from argmap.table import format_table

__all__ = ["WIDTH", "emit", "format_table", "lines", "plural", "to_data", "wrapped"]

WIDTH = 100
"""Where long prose lines of the text output are wrapped."""

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
        json.dump(to_data(result), out, indent=2)
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


def wrapped(text: str, indent: str, width: int = WIDTH) -> str:
    """``text`` filled to ``width`` columns, every line indented by ``indent``.

    Ids are never split at their hyphens.
    """
    return textwrap.fill(
        text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )

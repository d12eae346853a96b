r"""Positions in a parsed YAML document: from a pointer to a 1-based line and column.

Problems found in a model carry pointers (``("edges", 3, "support")``); the document a map
was read from turns them into the line and column where a user sees the mistake.

>>> from argmap.formats.yaml.document import parse_yaml
>>> doc, _ = parse_yaml("id: m\nnodes:\n  - {id: a, kind: clam}\n", "m.yaml")
>>> Positions(doc)(("nodes", 0, "kind"))
(3, 19)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from argmap.errors import Problem
from argmap.formats.yaml.document import ARROW, PLUS
from argmap.model.invariants import Finding, Pointer

__all__ = ["Positions", "locate_findings"]


class Positions:
    """Turns pointers into 1-based (line, column) positions of one parsed document."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def __call__(self, pointer: Pointer, part: str | None = None) -> tuple[int, int]:
        """Where ``pointer`` is: its key if ``part`` is ``key``, an arrow's end for a part."""
        parent: Any = None
        step: str | int | None = None
        node: Any = self.document
        for want in pointer:
            if (isinstance(node, CommentedMap) and want in node) or (
                isinstance(node, CommentedSeq) and isinstance(want, int) and 0 <= want < len(node)
            ):
                parent, step, node = node, want, node[want]
            else:
                return _start(node)  # the pointer goes past what exists: point at the container
        if parent is None:
            return (1, 1)
        if isinstance(parent, CommentedMap):
            line, col = parent.lc.key(step) if part == "key" else parent.lc.value(step)
        else:
            line, col = parent.lc.item(step)
        if isinstance(node, CommentedMap | CommentedSeq) and part != "key":
            line, col = node.lc.line, node.lc.col
        if part is not None and part != "key" and isinstance(node, str):
            col += _part_offset(node, part)
        return (line + 1, col + 1)


def _start(node: Any) -> tuple[int, int]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return (node.lc.line + 1, node.lc.col + 1)
    return (1, 1)


def _part_offset(value: str, part: str) -> int:
    """Where ``part`` starts in an arrow: ``source``, ``target``, or ``premise:i``.

    The ``i``-th premise of ``a + b -> c`` (from 0); an empty one is shown at the ``+``
    next to it (``a + -> c``, ``+ b -> c``).
    """
    match = ARROW.fullmatch(value)
    if match is None or "\n" in value:
        return 0
    quoted = int(isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString))
    if not part.startswith("premise:"):
        return match.start(1 if part == "source" else 3) + quoted
    spans = _premise_spans(match.group(1), match.start(1))
    index = int(part.partition(":")[2])
    if not 0 <= index < len(spans):
        return match.start(1) + quoted
    start, end = spans[index]
    if start == end:  # an empty premise: at the '+' before it, or after it if it is first
        start = start - 1 if index > 0 else value.index(PLUS, start)
    return start + quoted


def _premise_spans(source: str, offset: int) -> list[tuple[int, int]]:
    """The (start, end) of each premise of ``a + b`` (stripped), counted from ``offset``."""
    spans = []
    at = offset
    for piece in source.split(PLUS):
        lead = len(piece) - len(piece.lstrip())
        spans.append((at + lead, at + len(piece.rstrip()) if piece.strip() else at + lead))
        at += len(piece) + len(PLUS)
    return spans


_NAMED = re.compile(r"'([^']*)'")


def _premise_part(finding: Finding, value: Any) -> str | None:
    """Narrow a finding on an arrow's source to the premise it names (``premise:i``).

    A linked reason's findings about one premise (unknown, an edge, listed twice, the
    conclusion itself) name it in their message; a repeated premise is shown where it is
    repeated.
    """
    named = _NAMED.search(finding.message)
    if named is None or not isinstance(value, str):
        return None
    match = ARROW.fullmatch(value)
    if match is None or PLUS not in match.group(1):
        return None
    premises = [p.strip() for p in match.group(1).split(PLUS)]
    if named.group(1) not in premises:
        return None
    hits = [i for i, p in enumerate(premises) if p == named.group(1)]
    return f"premise:{hits[-1] if finding.code == 'duplicate-premise' else hits[0]}"


def _value_at(document: Any, pointer: Pointer) -> Any:
    node = document
    for step in pointer:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def locate_findings(findings: Iterable[Finding], doc: Any, path: str) -> list[Problem]:
    """Turn findings into problems located by line and column in ``doc`` (from ``path``).

    A finding about one premise of a linked reason is shown at that premise.
    """
    locate = Positions(doc)
    problems = []
    for f in findings:
        narrow = f.part == "source" or f.code == "self-support"
        part = _premise_part(f, _value_at(doc, f.pointer)) if narrow else None
        line, column = locate(f.pointer, part or f.part)
        problems.append(f.to_problem(path, line, column))
    return problems

r"""Positions in a parsed YAML document: from a pointer to a 1-based line and column.

Problems found in a model carry pointers (``("edges", 3, "support")``); the document a map
was read from turns them into the line and column where a user sees the mistake.

>>> from argmap.formats.yaml.document import parse_yaml
>>> doc, _ = parse_yaml("id: m\nnodes:\n  - {id: a, kind: clam}\n", "m.yaml")
>>> Positions(doc)(("nodes", 0, "kind"))
(3, 19)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from argmap.errors import Problem
from argmap.formats.yaml.document import ARROW
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
        if part in ("source", "target") and isinstance(node, str):
            col += _part_offset(node, part)
        return (line + 1, col + 1)


def _start(node: Any) -> tuple[int, int]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return (node.lc.line + 1, node.lc.col + 1)
    return (1, 1)


def _part_offset(value: str, part: str) -> int:
    match = ARROW.fullmatch(value)
    if match is None or "\n" in value:
        return 0
    quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
    return match.start(1 if part == "source" else 3) + int(quoted)


def locate_findings(findings: Iterable[Finding], doc: Any, path: str) -> list[Problem]:
    """Turn findings into problems located by line and column in ``doc`` (from ``path``)."""
    locate = Positions(doc)
    problems = []
    for f in findings:
        line, column = locate(f.pointer, f.part)
        problems.append(f.to_problem(path, line, column))
    return problems

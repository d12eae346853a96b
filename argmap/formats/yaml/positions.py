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

__all__ = ["NodePositions", "NotSure", "Positions", "locate_findings"]


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


class NodePositions:
    """:class:`Positions` read off libyaml's node tree (:func:`~argmap.formats.yaml.fast.fast_nodes`).

    It gives the same line and column as :class:`Positions` on the round-trip document of the
    same text (a property test compares the two on every pointer), without the round-trip parse.
    """

    def __init__(self, root: Any, text: str) -> None:
        self.root = root
        self.lines = text.splitlines(keepends=True)

    def __call__(self, pointer: Pointer, part: str | None = None) -> tuple[int, int]:
        """Where ``pointer`` is: its key if ``part`` is ``key``, an arrow's end for a part."""
        key: Any = None
        node: Any = self.root
        for want in pointer:
            found = _child(node, want)
            if found is None:  # the pointer goes past what exists: point at the container
                return _mark(node) if isinstance(node.value, list) else (1, 1)
            key, node = found
        if node is self.root:
            return (1, 1)
        if part == "key" and key is not None:
            return _mark(key)
        empty = key is not None and node.value == "" and not node.style  # a mapping's null
        line, col = self._empty(node) if empty else _mark(node)
        if part is not None and part != "key" and isinstance(node.value, str):
            col += _part_offset(node.value, part, quoted=node.style in ("'", '"'))
        return (line, col)

    def _empty(self, node: Any) -> tuple[int, int]:
        """Where ruamel places an empty value: at the next token, past blank lines.

        A comment on the way moves ruamel's position by rules of its own: :class:`NotSure`.
        """
        line, col = node.end_mark.line, node.end_mark.column
        while line < len(self.lines):
            rest = self.lines[line][col:]
            stripped = rest.lstrip(" \t")
            if stripped.startswith("#"):
                raise NotSure
            if stripped and stripped[0] not in "\r\n":
                return (line + 1, col + len(rest) - len(stripped) + 1)
            line, col = line + 1, 0
        last = self.lines[-1] if self.lines else "\n"
        if not last.endswith(("\n", "\r")):  # the stream ends on the last line
            return (len(self.lines), len(last) + 1)
        return (line + 1, 1)


class NotSure(Exception):
    """:class:`NodePositions` cannot tell where the round-trip document places a value."""


def _child(node: Any, want: str | int) -> tuple[Any, Any] | None:
    """The (key node or ``None``, value node) at step ``want`` of a collection node."""
    if not isinstance(node.value, list):
        return None
    if node.value and isinstance(node.value[0], tuple):  # a mapping: the last of equal keys
        found = None
        for key, value in node.value:
            if key.value == want:
                found = (key, value)
        return found
    if node.id == "mapping":  # an empty mapping
        return None
    if isinstance(want, int) and 0 <= want < len(node.value):
        return (None, node.value[want])
    return None


def _mark(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _start(node: Any) -> tuple[int, int]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return (node.lc.line + 1, node.lc.col + 1)
    return (1, 1)


def _part_offset(value: str, part: str, quoted: bool | None = None) -> int:
    """Where ``part`` starts in an arrow: ``source``, ``target``, or ``premise:i``.

    The ``i``-th premise of ``a + b -> c`` (from 0); an empty one is shown at the ``+``
    next to it (``a + -> c``, ``+ b -> c``).
    """
    match = ARROW.fullmatch(value)
    if match is None or "\n" in value:
        return 0
    if quoted is None:
        quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
    shift = int(quoted)
    if not part.startswith("premise:"):
        return match.start(1 if part == "source" else 3) + shift
    spans = _premise_spans(match.group(1), match.start(1))
    index = int(part.partition(":")[2])
    if not 0 <= index < len(spans):
        return match.start(1) + shift
    start, end = spans[index]
    if start == end:  # an empty premise: at the '+' before it, or after it if it is first
        start = start - 1 if index > 0 else value.index(PLUS, start)
    return start + shift


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


def locate_findings(
    findings: Iterable[Finding],
    doc: Any,
    path: str,
    positions: Positions | NodePositions | None = None,
) -> list[Problem]:
    """Turn findings into problems located by line and column in ``doc`` (from ``path``).

    ``positions`` locates pointers (default: :class:`Positions` of ``doc``, a round-trip
    document). A finding about one premise of a linked reason is shown at that premise.
    """
    locate = positions or Positions(doc)
    problems = []
    for f in findings:
        narrow = f.part == "source" or f.code == "self-support"
        part = _premise_part(f, _value_at(doc, f.pointer)) if narrow else None
        line, column = locate(f.pointer, part or f.part)
        problems.append(f.to_problem(path, line, column))
    return problems

"""Argdown, the argument-mapping syntax of the Argdown project, both ways (in pure Python).

Covered: YAML front matter (``===``), comments (``<!-- -->``, ``/* */``, ``//``), headings
(sections), statements ``[Title]: text`` and references ``[Title]``, untitled statements
(plain paragraphs, numbered ``Untitled N`` in order of appearance as Argdown does), arguments
``<Title>: text`` and ``<Title>``, relations nested by indentation (``+ - _`` and ``<+ <- <_``
incoming, ``+> -> _>`` outgoing, ``><`` contradictory), equivalence classes by title,
``#tags`` and ``#(tags with spaces)``, ``{yaml: data}`` at the end of an element, and
premise-conclusion structures ``(1) …`` with inference lines (``--``, ``----``, ``-- rule --``),
their statements taking part in relations like any other. Continuation lines join the text
of the element above them; a blank line ends it.

Mapping to a map: each equivalence class is a node (a claim, or evidence / recommendation
when tagged ``#evidence`` / ``#recommendation``; the tags are configurable), each argument a
claim node marked ``data["argdown"]["argument"]`` whose premises support it and which supports
its conclusion; support and attack relations are edges; an undercut (of an argument) and a
contradiction are attacks marked in the edge's ``data``. Node ids are slugs of the titles.
Also read as the Argdown CLI reads them: Markdown lists (each item a statement or argument),
indented paragraphs, quotes and headings after a blank line, shortcodes (``:heart:``),
``model: {explodeArguments: true}`` and ``@include(file)`` (relative to the including file,
each file once; a cycle is an error naming it). What is not read (an include cycle, a list
item, heading or premise-conclusion structure indented right below other text, which the
CLI rejects too) raises an error naming the construct, the file and the line.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats.text import line_column, read_text
from argmap.model import ArgumentMap, Edge, EdgeKind, Node, NodeKind
from argmap.model.invariants import ID_PATTERN

__all__ = [
    "Argdown",
    "dumps",
    "loads",
    "map_from_argdown",
    "map_to_argdown",
    "parse_argdown",
    "read_argdown",
]

KIND_TAGS = {"evidence": NodeKind.EVIDENCE, "recommendation": NodeKind.RECOMMENDATION}
_RELATION = re.compile(r"^(<\+|<-|<_|\+>|->|_>|><|\+|-|_)\s+(.*)$")
_ELEMENT = re.compile(r"^(\[|<)([^\]>]+)(\]|>)(?::\s*(.*)|\s+(#.*|\{.*))?$")
_LINK = re.compile(r"^\[[^\]]*\]\(")
_PCS = re.compile(r"^\((\d+)\)\s+(.*)$")
_INFERENCE = re.compile(r"^-{2,}.*$")
_TAG = re.compile("(?:^|(?<=\\s))#([\\w-]+)|\x03(\\d+)\x04")
"""A tag in a text whose escapes and bracketed tags are hidden (:func:`_hide_escapes`)."""
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\*|\d+\.)\s+(.*)$")

INCOMING = {
    "+": "support",
    "<+": "support",
    "-": "attack",
    "<-": "attack",
    "_": "undercut",
    "<_": "undercut",
}
OUTGOING = {"+>": "support", "->": "attack", "_>": "undercut", "><": "contradictory"}


@attrs.define
class Element:
    """A statement (equivalence-class member) or an argument while parsing."""

    kind: str  # "statement", "argument", or "inference" (a PCS's inference line)
    title: str
    text: str
    line: int
    indent: int
    tags: list[str] = attrs.field(factory=list)
    data: dict[str, Any] = attrs.field(factory=dict)
    number: int | None = None  # a PCS statement's number (n)
    reference: bool = False  # ``[Title]`` or ``<Title>`` without ``:`` and a text


@attrs.define
class _Reconstruction:
    """An argument and its premise-conclusion structure: statements and inference lines."""

    element: Element
    pcs: list[Element] = attrs.field(factory=list)
    """The statements ``(n) …`` and the inferences (elements of kind ``inference``), in order."""


@attrs.frozen
class _Line:
    """A non-comment line of the document: its index, stripped text and indentation."""

    number: int
    text: str
    indent: int

    @classmethod
    def of(cls, number: int, raw: str) -> _Line:
        """The line at index ``number`` (0-based) whose text is ``raw``."""
        return cls(number, raw.strip(), len(raw) - len(raw.lstrip()))


@attrs.frozen
class Argdown:
    """What an Argdown document says, as the Argdown tools export it."""

    statements: dict[str, dict[str, Any]]
    """Equivalence class title → ``text`` (of the first member with text), ``tags``, ``data``."""
    arguments: dict[str, dict[str, Any]]
    """Argument title → ``text``, ``tags``, ``data``, ``premises``, ``conclusions``."""
    relations: list[tuple[str, str, str, str, str]]
    """(from, from type, relation type, to, to type), types ``statement`` or ``argument``."""
    front_matter: dict[str, Any] = attrs.field(factory=dict)
    sections: list[str] = attrs.field(factory=list)
    """Section (heading) titles in order, tags kept in the title as Argdown keeps them."""
    section_data: list[dict[str, Any]] = attrs.field(factory=list)
    """Each section's ``{data}`` (like ``{isGroup: true}``), aligned with :attr:`sections`."""
    section_levels: list[int] = attrs.field(factory=list)
    """Each section's heading level (1 for ``#``, 2 for ``##`` …), aligned with :attr:`sections`."""


MAX_INCLUDE_DEPTH = 16
"""How deep ``@include`` may nest (a file including a file including …)."""
MAX_INCLUDED_CHARS = 20_000_000
"""How much text all the files a document includes may hold together."""
_INCLUDE = re.compile(r"@include\(([^)]+)\)")


Origin = tuple[str, int]


@attrs.define
class _Includes:
    """``@include(file)`` replaced by the file's text, as the CLI's IncludePlugin does.

    The file is found relative to the including file; each file is included once (a
    later ``@include`` of it is dropped, as the CLI drops it), a file including one that
    includes it back is a cycle (an error naming it), and depth and size are limited.
    """

    seen: set[Path] = attrs.field(factory=set)
    chars: int = 0

    def expand(self, text: str, path: str, chain: list[Path]) -> list[tuple[str, Origin]]:
        """The lines of ``text`` (the file ``path``) with its includes expanded.

        Each line comes with the file and 1-based line it comes from.
        """
        lines: list[tuple[str, Origin]] = []
        for n, line in enumerate(text.split("\n"), 1):
            current, origin, at = "", (path, n), 0
            for match in _INCLUDE.finditer(line):
                current += line[at : match.start()]
                at = match.end()
                included = self._include(match, path, n, chain)
                if not included:
                    continue
                current += included[0][0]
                if len(included) > 1:
                    lines.append((current, origin))
                    lines += included[1:-1]
                    current, origin = included[-1]
            lines.append((current + line[at:], origin))
        return lines

    def _include(
        self, match: re.Match[str], path: str, line: int, chain: list[Path]
    ) -> list[tuple[str, Origin]]:
        """The expanded lines of the file an ``@include`` names (none if included before)."""
        named = match.group(1).strip()

        def fail(message: str) -> ArgmapError:
            return ArgmapError.at(
                f"@include({named}): {message}", "argdown-include", path, line, match.start() + 1
            )

        if not chain:
            raise fail(
                "needs the including file's path; read the file (read_argdown, argmap "
                "convert), not its text"
            )
        shown = str(Path(path).parent / named)
        target = Path(shown).resolve()
        if target in chain:
            names = [p.name for p in chain[chain.index(target) :]] + [target.name]
            raise fail(f"an include cycle: {' -> '.join(names)}")
        if target in self.seen:
            return []  # each file is included once, as the CLI includes it
        if len(chain) > MAX_INCLUDE_DEPTH:
            raise fail(f"includes nest deeper than {MAX_INCLUDE_DEPTH} files")
        if not target.is_file():
            raise fail(f"no such file: {shown}")
        text = read_text(target)
        self.chars += len(text)
        if self.chars > MAX_INCLUDED_CHARS:
            raise fail(f"the included files hold more than {MAX_INCLUDED_CHARS:,} characters")
        self.seen.add(target)
        return self.expand(text, shown, [*chain, target])


def _expand_includes(text: str, path: str) -> tuple[str, list[Origin]]:
    """``text`` (of the file ``path``) with its ``@include`` expanded, and each line's origin."""
    own = Path(path)
    chain = [own.resolve()] if own.is_file() else []
    lines = _Includes().expand(text, path, chain)
    return "\n".join(t for t, _ in lines), [o for _, o in lines]


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.origins: list[tuple[str, int]] = []  # (file, line) of each line when included
        if _INCLUDE.search(text):
            text, self.origins = _expand_includes(text, path)
        self.problems: list[Problem] = _control_problems(text, path)
        self.lines = _strip_comments(text, self).splitlines()
        self.problems = [self._origin(p) for p in self.problems]
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.relations: list[tuple[str, str, str, str, str]] = []
        self.untitled = 0
        self.front: dict[str, Any] = {}
        self.sections: list[str] = []
        self.section_levels: list[int] = []
        self._section_lines: list[int] = []  # where each section's heading is
        self._arguments: list[_Reconstruction] = []
        self._canonical: set[tuple[str, str]] = set()  # (kind, title) marked isCanonical
        self._placed: set[tuple[str, str]] = set()  # (kind, title) defined (not referred to)
        self._last_inference: Element | None = None  # the inference line read last
        self._inference_undercuts: list[tuple[Element, Element]] = []  # (inference, undercutter)
        # the state of the line-by-line reading
        self._stack: list[Element] = []  # the relation tree's open elements, by indentation
        self._current: Element | None = None  # the element continuation lines extend
        self._pending: list[tuple[Element | None, str, Element]] = []  # (parent, symbol, element)
        self._argument: _Reconstruction | None = None  # the argument (n) lines belong to
        self._in_inference = False  # between the two "--" lines of an inference
        self._in_heading = False  # a heading runs on until a blank line
        self._in_list = False  # since a list item, up to a blank line
        self._after_blank = True  # the line read follows a blank line (or starts the text)

    def fail(self, line: int, message: str, column: int = 1) -> ArgmapError:
        path, number = self.origins[line] if line < len(self.origins) else (self.path, line + 1)
        return ArgmapError.at(message, "argdown-syntax", path, number, column)

    def _origin(self, problem: Problem) -> Problem:
        """A problem found in the text with includes expanded, placed in its own file."""
        if problem.line is None or not 0 < problem.line <= len(self.origins):
            return problem
        path, number = self.origins[problem.line - 1]
        return dataclasses.replace(problem, path=path, line=number)

    def new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def _section_at(self, line: int) -> int | None:
        """The section (index) a line is in, ``None`` before the first heading."""
        found = bisect.bisect_right(self._section_lines, line) - 1
        return found if found >= 0 else None

    def register(self, element: Element) -> None:
        table = self.statements if element.kind == "statement" else self.arguments
        here = self._section_at(element.line)
        entry = table.setdefault(
            element.title, {"text": "", "tags": [], "data": {}, "section": here}
        )
        # the text Argdown keeps: the last definition (not a mere reference), unless one
        # is marked {isCanonical: true}; the section: the first definition's (its first
        # use's if none; an argument's premise-conclusion structure's, see _resolve)
        key = (element.kind, element.title)
        if not element.reference and key not in self._placed:
            entry["section"] = here
            self._placed.add(key)
        if not element.reference and key not in self._canonical:
            entry["text"] = element.text
            if element.data.get("isCanonical"):
                self._canonical.add(key)
        entry["tags"] += [t for t in element.tags if t not in entry["tags"]]
        entry["data"].update(element.data)
        if element.kind == "argument":
            entry.setdefault("premises", [])
            entry.setdefault("conclusions", [])

    def relate(self, parent: Element, symbol: str, child: Element) -> None:
        if parent.kind == "inference":  # below an inference line: an undercut of it
            if INCOMING.get(symbol) != "undercut":
                raise self.fail(
                    child.line, "only an undercut (<_ or _) can be aimed at an inference"
                )
            self.relations.append((child.title, child.kind, "undercut", parent.title, "inference"))
            self._inference_undercuts.append((parent, child))
            return
        if symbol in INCOMING:
            source, target, kind = child, parent, INCOMING[symbol]
        else:
            source, target, kind = parent, child, OUTGOING[symbol]
        self.relations.append((source.title, source.kind, kind, target.title, target.kind))

    def element(self, raw: str, line: int, indent: int) -> Element:
        """An element from the text after any relation symbol (continuations added later)."""
        match = _ELEMENT.match(raw)
        if match and (match.group(1) == "[") == (match.group(3) == "]"):
            kind = "statement" if match.group(1) == "[" else "argument"
            text = match.group(4) if match.group(4) is not None else match.group(5) or ""
            # a reference may carry tags and data after it (``[B] #tag {k: v}``)
            # (the CLI reads an argument's ``<B> #tag`` as a description, not a reference)
            reference = match.group(4) is None and (kind == "statement" or not text)
            return Element(kind, match.group(2).strip(), text, line, indent, reference=reference)
        return Element("statement", "", raw, line, indent)

    def finish(self, element: Element) -> Element:
        """Split tags and data off the text; name an untitled statement."""
        text, escaped = _hide_escapes(element.text)
        start = _data_start(text)
        if start >= 0:
            element.data = _flow_data(
                _show_escapes(text[start:], escaped, keep=True).strip(),
                self.fail(element.line, "malformed {data}"),
            )
            text = text[:start]
        element.tags = [m.group(1) or escaped[int(m.group(2))][2:-1] for m in _TAG.finditer(text)]
        element.text = _show_escapes(
            _inline_markdown(" ".join(_TAG.sub("", text).split())), escaped
        )
        if not element.title:
            element.title = self.new_title()
        return element

    def parse(self) -> Argdown:
        """Read the lines, then resolve titles, relations and premise-conclusion structures."""
        readers = (
            self._read_heading,
            self._read_inference,
            self._read_inference_text,
            self._read_pcs_line,
            self._read_relation,
            self._read_list_item,
            self._read_continuation,
            self._read_element,
        )
        try:
            start = self._front_matter()
        except ArgmapError as exc:
            self.problems += exc.problems
            start = len(self.lines)
        for number in range(start, len(self.lines)):
            line = _Line.of(number, self.lines[number])
            if not line.text:
                self._current, self._in_heading, self._in_list = None, False, False
                self._after_blank = True
            elif self._in_heading:
                self.sections[-1] += " " + line.text
            else:
                self._read_line(line, readers)
                self._after_blank = False
        if not self.problems:
            try:
                return self._resolve()
            except ArgmapError as exc:
                self.problems += exc.problems
        raise ArgmapError.from_problems(self.problems)

    def _read_line(self, line: _Line, readers: tuple[Callable[[_Line], bool], ...]) -> None:
        """Read one line; a problem is recorded and the line skipped, so all are reported."""
        try:
            if not any(read(line) for read in readers):
                raise self._unreadable(line)
        except ArgmapError as exc:
            self.problems += exc.problems
            self._current = None

    def _read_heading(self, line: _Line) -> bool:
        """A heading ``# …`` opens a section and closes the open elements.

        It is at the margin, or indented after a blank line (the CLI reads both alike).
        """
        heading = _HEADING.match(line.text)
        if heading is None or line.text.startswith("#("):
            return False
        if line.indent != 0 and not self._after_blank:
            raise self.fail(
                line.number,
                "an indented heading right below other text: a heading starts after a blank line",
                line.indent + 1,
            )
        self.sections.append(heading.group(2).strip())
        self.section_levels.append(len(heading.group(1)))
        self._section_lines.append(line.number)
        self._stack, self._current, self._argument = [], None, None
        self._in_heading = True
        return True

    def _read_inference(self, line: _Line) -> bool:
        """An inference line of an argument's premise-conclusion structure.

        ``--`` (or ``---``) opens and closes an inference block; ``----`` and
        ``-- rule --`` stand alone.
        """
        argument = self._argument
        if not _INFERENCE.match(line.text) or argument is None:
            return False
        if line.indent != 0 and not any(e.kind == "statement" for e in argument.pcs):
            return False
        block = re.fullmatch(r"-{2,3}", line.text) is not None
        if not (block and self._in_inference):  # a new inference (not a block's closing line)
            rule = "" if block else line.text.strip("-").strip()
            # an undercut below it is indented deeper than the structure's statements
            indent = min([line.indent, *(e.indent for e in argument.pcs)])
            inference = Element("inference", argument.element.title, rule, line.number, indent)
            argument.pcs.append(inference)
            self._last_inference = inference
            self._stack = [inference]  # an undercut of the inference is indented below it
        if block:
            self._in_inference = not self._in_inference
        self._current = None
        return True

    def _read_inference_text(self, line: _Line) -> bool:
        """A line inside an inference block: the rule's text and data."""
        if self._in_inference and self._argument is not None:
            self._argument.pcs[-1].text += " " + line.text
        return self._in_inference

    def _read_pcs_line(self, line: _Line) -> bool:
        """A numbered statement ``(n) …`` of the current argument's premise-conclusion list."""
        pcs = _PCS.match(line.text)
        argument = self._argument
        if pcs is None:
            return False
        if argument is None and line.indent != 0 and not self._after_blank:
            if self._current is None:
                return False
            raise self.fail(
                line.number,
                "a premise-conclusion structure indented under a relation: the CLI reads "
                "one there only after a blank line, as a structure of its own",
                line.indent + 1,
            )
        if argument is None:  # a structure without a title: an untitled argument
            untitled = Element("argument", "", "", line.number, 0)
            self._pending.append((None, "", untitled))
            argument = self._argument = _Reconstruction(untitled)
            self._arguments.append(argument)
        elif line.indent != 0 and not self._in_pcs(self._stack, argument):
            return False
        element = self.element(pcs.group(2), line.number, line.indent)
        if element.kind != "statement":
            raise self.fail(
                line.number,
                "a premise-conclusion structure lists statements; an argument <…> cannot be "
                "one of its premises or conclusions",
                line.indent + 1,
            )
        element.number = int(pcs.group(1))
        argument.pcs.append(element)
        self._stack, self._current = [element], element
        self._pending.append((None, "", element))
        return True

    def _read_relation(self, line: _Line) -> bool:
        """A relation ``+ …``, ``-> …`` etc. indented under an element of the open tree."""
        relation = _RELATION.match(line.text)
        stack = self._stack
        if relation is None or not stack or line.indent <= stack[0].indent:
            return False
        # as the CLI's lexer dedents: back to the deepest open level not deeper than the
        # line, whose element the line then follows as a sibling
        dedented = False
        while stack and stack[-1].indent > line.indent:
            stack.pop()
            dedented = True
        if stack and (dedented or stack[-1].indent == line.indent) and len(stack) > 1:
            stack.pop()
        if not stack:
            raise self.fail(line.number, "a relation without an element above it")
        child = self.element(relation.group(2), line.number, line.indent)
        parent = stack[-1]
        if (
            relation.group(1) in ("<_", "_")
            and parent.kind == "statement"
            and self._last_inference is not None
        ):
            # as the CLI reads it: an undercut below a statement hits the inference read
            # last in the document (ModelPlugin's currentInference)
            parent = self._last_inference
        self._pending.append((parent, relation.group(1), child))
        stack.append(child)
        self._current = child
        return True

    def _read_list_item(self, line: _Line) -> bool:
        """An item ``* …`` or ``1. …`` of a Markdown list, read as the CLI reads it.

        The item is a statement or argument, the root of a relation tree at the marker's
        indentation. A list starts after a blank line (or a heading); an item glued to the line above
        that is not part of a list is a syntax error for the CLI, so it is refused.
        """
        item = _LIST_ITEM.match(line.text)
        if item is None:
            return False
        if self._current is not None and not self._in_list:
            raise self.fail(
                line.number,
                "a list item right below other text: a Markdown list starts after a blank line",
                line.indent + 1,
            )
        element = self.element(item.group(2), line.number, line.indent)
        self._pending.append((None, "", element))
        self._stack, self._current, self._in_list = [element], element, True
        self._argument = None
        if element.kind == "argument":
            self._argument = _Reconstruction(element)
            self._arguments.append(self._argument)
        return True

    def _read_continuation(self, line: _Line) -> bool:
        """A line that continues the text of the element above it."""
        current = self._current
        if current is None or (
            line.indent == 0 and line.text[0] in "[<" and not _LINK.match(line.text)
        ):
            return False
        current.text += " " + line.text
        return True

    def _read_element(self, line: _Line) -> bool:
        """A statement or argument at the margin: the root of a new relation tree.

        After a blank line an indented one is a root too, its relations indented below it
        (the CLI reads an indented paragraph, ``> quote`` or ``[T]: …`` after a blank line
        as at the margin).
        """
        if line.indent != 0 and not self._after_blank:
            return False
        element = self.element(line.text, line.number, line.indent)
        self._pending.append((None, "", element))
        self._stack, self._current = [element], element
        self._argument = None
        if element.kind == "argument":
            self._argument = _Reconstruction(element)
            self._arguments.append(self._argument)
        return True

    def _unreadable(self, line: _Line) -> ArgmapError:
        """The error for an (indented) line no reader takes."""
        return self.fail(line.number, f"cannot read this line: {line.text[:40]!r}")

    def _resolve(self) -> Argdown:
        """The document from the elements read, in order of appearance.

        Titles are given in order of appearance, as Argdown numbers untitled statements;
        then the elements are registered, related and the arguments reconstructed.
        """
        for _, _, element in self._pending:
            self.finish(element)
        for parent, symbol, element in self._pending:
            self.register(element)
            if parent is not None:
                self.relate(parent, symbol, element)
        for record in self._arguments:
            if record.pcs:
                steps = self._steps(record)
                entry = self.arguments[record.element.title]
                entry["section"] = self._section_at(record.element.line)  # where its pcs is
                concluded = {step["conclusion"] for step in steps}
                statements = [e.title for e in record.pcs if e.kind == "statement"]
                entry["premises"] = [t for t in statements if t not in concluded]
                entry["conclusions"] = [steps[-1]["conclusion"]] if steps else []
                entry["steps"] = steps
        if (self.front.get("model") or {}).get("explodeArguments"):
            self._explode()
        self._reconstruct()
        section_data = []
        for k, title in enumerate(self.sections):
            start = _data_start(title)
            data: dict[str, Any] = {}
            if start >= 0:
                data = _flow_data(title[start:].strip(), self.fail(0, "malformed {data}"))
                title = title[:start]
            self.sections[k] = _inline_markdown(" ".join(title.split()))
            section_data.append(data)
        return Argdown(
            self.statements,
            self.arguments,
            self.relations,
            self.front,
            self.sections,
            section_data,
            self.section_levels,
        )

    def _explode(self) -> None:
        """``model: {explodeArguments: true}``: an argument per inference step, as the CLI does.

        An argument with two or more steps is replaced by ``"<title> - 1"``, ``"<title> - 2"``
        …, each with one step (its premises and conclusion) and the argument's description,
        tags and data; the argument's relations go to the last one, an undercut of a step to
        that step's argument. An argument with one step stays as it is.

        Raises
        ------
        ArgmapError
            If a new title is already an argument's.
        """
        renamed: dict[str, str] = {}
        lines = {r.element.title: r.element.line for r in self._arguments}
        for title, entry in list(self.arguments.items()):
            steps = entry.get("steps") or []
            if len(steps) <= 1:
                continue
            del self.arguments[title]
            for k, step in enumerate(steps, 1):
                new = f"{title} - {k}"
                if new in self.arguments:
                    raise self.fail(
                        lines.get(title, 0),
                        f"explodeArguments: cannot make the argument {new!r}, "
                        "an argument with that title already exists",
                    )
                self.arguments[new] = {
                    **entry,
                    "tags": list(entry["tags"]),
                    "data": dict(entry["data"]),
                    "premises": list(step["premises"]),
                    "conclusions": [step["conclusion"]],
                    "steps": [step],
                }
            renamed[title] = f"{title} - {len(steps)}"
        if renamed:
            self._explode_relations(renamed)

    def _explode_relations(self, renamed: Mapping[str, str]) -> None:
        """The relations after exploding (see :meth:`_explode`).

        Those of an exploded argument go to its last step's argument (``renamed``), an
        undercut of a step to that step's argument.
        """
        relations = []
        for source, source_type, kind, target, target_type in self.relations:
            if target_type == "inference" and target in renamed:
                continue  # kept with its step, under the step's new argument
            if source_type == "argument":
                source = renamed.get(source, source)
            if target_type == "argument":
                target = renamed.get(target, target)
            relations.append((source, source_type, kind, target, target_type))
        for title, entry in self.arguments.items():
            if title.rpartition(" - ")[0] in renamed:
                for source, source_type in entry["steps"][0]["undercuts"]:
                    relations.append((source, source_type, "undercut", title, "inference"))
        self.relations = relations

    def _steps(self, record: _Reconstruction) -> list[dict[str, Any]]:
        """The inference steps of an argument's premise-conclusion structure.

        Each inference's conclusion is the statement after it; its premises are those its
        ``uses`` data names (by number, on the inference or the conclusion), else the
        statements since the previous inference and that inference's conclusion (the
        Argdown guide, "Defining which statements are used in an inferential step").

        Raises
        ------
        ArgmapError
            If ``uses`` names a number not above it, or a step has no premises or
            concludes one of its own premises.
        """
        steps: list[dict[str, Any]] = []
        numbered: dict[int, str] = {}
        since: list[str] = []  # the premises stated since the last inference
        inference: Element | None = None
        for item in record.pcs:
            if item.kind == "inference":
                inference = item
                continue
            if inference is None:
                since.append(item.title)
            else:
                steps.append(self._step(inference, item, numbered, since, steps))
                since, inference = [], None
            numbered[item.number or 0] = item.title
        return steps

    def _step(
        self,
        inference: Element,
        conclusion: Element,
        numbered: Mapping[int, str],
        since: list[str],
        steps: list[dict[str, Any]],
    ) -> dict[str, Any]:
        """One inference step (see :meth:`_steps`); its undercuts are found by the inference."""
        text, hidden = _hide_escapes(inference.text)
        data: dict[str, Any] = {}
        start = _data_start(text)
        if start >= 0:
            data = _flow_data(
                _show_escapes(text[start:], hidden, keep=True).strip(),
                self.fail(inference.line, "malformed {data}"),
            )
            text = text[:start]
        uses = data.get("uses", conclusion.data.get("uses"))
        if uses is not None:
            if not isinstance(uses, list) or any(u not in numbered for u in uses):
                raise self.fail(inference.line, f"'uses' must list the numbers above it: {uses}")
            premises = [numbered[u] for u in uses]
        else:
            premises = ([steps[-1]["conclusion"]] if steps else []) + since
        premises = list(dict.fromkeys(premises))
        if not premises or conclusion.title in premises:
            raise self.fail(
                conclusion.line, "an inference step needs premises other than its conclusion"
            )
        rules = data.get("rule", data.get("rules", []))
        rules = [rules] if isinstance(rules, str) else [str(r) for r in rules]
        rule = _show_escapes(" ".join(text.split()), hidden) or ", ".join(rules)
        roles = data.get("roles", {})
        if not isinstance(roles, Mapping) or any(
            n is not None and numbered.get(n) not in premises for n in roles.values()
        ):
            raise self.fail(
                inference.line, f"'roles' must give each role a premise's number: {roles}"
            )
        return {
            "conclusion": conclusion.title,
            "premises": premises,
            "number": conclusion.number,
            "rule": rule or None,
            "roles": {str(role): numbered.get(n) for role, n in roles.items()},
            "undercuts": [
                (u.title, u.kind) for i, u in self._inference_undercuts if i is inference
            ],
        }

    @staticmethod
    def _in_pcs(stack: list[Element], argument: _Reconstruction) -> bool:
        """Whether an indented ``(n)`` line continues the argument's premise-conclusion list."""
        return bool(stack) and (stack[0] is argument.element or stack[0] in argument.pcs)

    def _reconstruct(self) -> None:
        """Apply Argdown's reading of relations to reconstructed arguments and strict mode.

        A support or attack from an argument with a premise-conclusion structure to a
        statement is a relation of its conclusion; an undercut of such an argument is an
        undercut of its last inference; in strict mode a
        support between statements is an entailment and an attack between them a contrary.
        """
        strict = (self.front.get("model") or {}).get("mode") == "strict"
        relations = []
        for relation in self.relations:
            source, source_type, kind, target, target_type = self._aimed(relation)
            conclusions = (
                self.arguments.get(source, {}).get("conclusions")
                if source_type == "argument"
                else None
            )
            if conclusions and target_type == "statement" and kind in ("support", "attack"):
                source, source_type = conclusions[0], "statement"
            if strict and source_type == target_type == "statement":
                kind = {"support": "entails", "attack": "contrary"}.get(kind, kind)
            relations.append((source, source_type, kind, target, target_type))
        self.relations = relations

    def _aimed(self, relation: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
        """A relation, with an undercut aimed at the inference step it undercuts.

        An undercut of a reconstructed argument is recorded with its last step (an undercut
        below a statement was aimed at the inference read last while reading, as the CLI
        does); any other relation is returned as it is.
        """
        source, source_type, kind, target, target_type = relation
        if kind != "undercut" or target_type == "inference":
            return relation
        for title, entry in self.arguments.items():
            steps = entry.get("steps") or []
            if target_type == "argument" and title == target and steps:
                steps[-1]["undercuts"].append((source, source_type))
                return (source, source_type, kind, title, "inference")
        return relation

    def _front_matter(self) -> int:
        first = next((k for k, line in enumerate(self.lines) if line.strip()), None)
        if first is None or self.lines[first].strip() != "===":
            return 0
        end = next(
            (k for k in range(first + 1, len(self.lines)) if self.lines[k].strip() == "==="), None
        )
        if end is None:
            raise self.fail(first, "front matter opened with === is never closed")
        from argmap.formats.yaml import parse_yaml

        loaded, problems = parse_yaml("\n".join(self.lines[first + 1 : end]), self.path)
        if problems:
            at = first + (problems[0].line or 1)
            raise self.fail(at, f"malformed front matter: {problems[0].message}")
        self.front = _plain(loaded) if loaded is not None else {}
        if not isinstance(self.front.get("model") or {}, Mapping):
            raise self.fail(first, "front matter: 'model' must be a mapping, like {mode: strict}")
        return end + 1


_LEXEME = re.compile(r"\\(.)|(?:^|(?<=\s))(#\(|//)|(<!--|/\*)", re.DOTALL)
_CLOSING = {"<!--": "-->", "/*": "*/"}


def _lexemes(text: str) -> Iterator[tuple[int, int, str]]:
    r"""The escapes, bracketed tags and comments of a text, left to right, as Argdown lexes them.

    ``(start, end, kind)``: an escape ``\c`` (kind ``"\\"``) takes the next character,
    whatever it is; a tag ``#( … )`` (kind ``"#("``) runs to the next ``)`` on its line and
    holds anything else literally, comment openers included; a comment (kind its opener
    ``<!--``, ``/*`` or ``//``) counts outside both and runs to its closer (``-->``, ``*/``,
    the end of the line), or to the end of the text when there is none (kind then ends
    with ``…``). Linear in the text.

    >>> list(_lexemes("a #(b <!-- c) <!-- d --> \\// e // f"))
    [(2, 13, '#('), (14, 24, '<!--'), (25, 27, '\\'), (31, 35, '//')]
    >>> list(_lexemes("x /* y"))
    [(2, 6, '/*…')]
    """
    at = 0
    no_tag_before = -1  # a ")" was looked for on this line up to here, and not found
    line_end = -1
    while (match := _LEXEME.search(text, at)) is not None:
        start, at = match.start(), match.end()
        if match.group(1) is not None:
            yield start, at, "\\"
            continue
        token = match.group(2) or match.group(3)
        if line_end < at:  # the end of the line the token is on, found once per line
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
        if token == "#(":
            close = -1 if at < no_tag_before else text.find(")", at, line_end)
            if close < 0:
                no_tag_before = line_end
            elif close > at:
                at = close + 1
                yield start, at, token
            continue
        if token == "//":
            at = line_end
            yield start, at, token
            continue
        close = text.find(_CLOSING[token], at)
        if close < 0:
            at = len(text)
            yield start, at, token + "…"
        else:
            at = close + len(_CLOSING[token])
            yield start, at, token


def _strip_comments(text: str, parser: _Parser) -> str:
    """Blank out comments, keeping line numbers (in time linear in the text).

    Escaped characters and bracketed tags open no comment (:func:`_lexemes`). A block
    comment that is never closed is reported (at its opening) and runs to the end.
    """
    pieces = []
    at = 0
    for start, end, kind in _lexemes(text):
        if kind in ("\\", "#("):
            continue
        if kind.endswith("…"):
            line, column = line_column(text, start)
            opening = kind.rstrip("…")
            parser.problems.append(
                Problem(
                    f"the comment opened with {opening} is never closed with {_CLOSING[opening]}",
                    code="argdown-syntax",
                    path=parser.path,
                    line=line,
                    column=column,
                )
            )
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


_ARGDOWN_CONTROL = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def _control_problems(text: str, path: str) -> list[Problem]:
    """A problem for each control character in an Argdown text (line ends CR LF are fine)."""
    problems = []
    for match in _ARGDOWN_CONTROL.finditer(text):
        line, column = line_column(text, match.start())
        problems.append(
            Problem(
                f"the control character U+{ord(match.group()):04X}; texts may hold tabs and "
                "line breaks only",
                code="control-character",
                path=path,
                line=line,
                column=column,
            )
        )
        if len(problems) >= 100:
            break
    return problems


# The CLI's shortcodes (``:name:`` or ``.name.``, @argdown/core's plugins/shortcodes.js),
# replaced by their characters in texts; ``:smile:`` alone has a variation selector.
_SHORTCODES = {
    "A": "∀",
    "E": "∃",
    "O": "𝗢",
    "P": "𝗣",
    "->": "→",
    "<->": "↔",
    "~": "¬",
    "^": "∧",
    "v": "∨",
    "v_": "⊻",
    "<>": "◇",
    "[]": "◻",
    "happy": "😀",
    "smile": "☺",
    "smiley": "☺",
    "laugh": "😆",
    "lol": "😆",
    "rofl": "🤣",
    "joy": "😂",
    "heart": "❤",
    "?": "❓",
    "question": "❓",
    "love": "😍",
    "wink": "😉",
    "shush": "🤫",
    "meh": "😐",
    "eye-roll": "🙄",
    "sad": "😢",
    "disappointed": "😞",
    "scream": "😱",
    "+1": "👍",
    "up": "👍",
    "-1": "👎",
    "down": "👎",
    "think": "🤔",
    "star": "⭐",
    "y": "✔",
    "agree": "✔",
    "n": "❌",
    "disagree": "❌",
}
_SPECIAL = re.compile(r"(?:\.([^\s]+?)\.|:([^\s]+?):)([ \t]?)")


def _shortcode(match: re.Match[str]) -> str:
    name = match.group(1) if match.group(1) is not None else match.group(2)
    if name not in _SHORTCODES:
        return match.group(0)
    char = _SHORTCODES[name] + ("\ufe0f" if match.group(0).startswith(":smile:") else "")
    return char + match.group(3)


_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w\\])([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")


def _inline_markdown(text: str) -> str:
    """A text as Argdown exports it.

    Without emphasis markers and link targets, its shortcodes (``:heart:``, ``.^.``)
    replaced.

    >>> _inline_markdown("a **b** _c d_ [e](http://f) snake_case")
    'a b c d e snake_case'
    >>> _inline_markdown("p .^. q :heart: e.g. x")
    'p ∧ q ❤ e.g. x'
    """
    text = _SPECIAL.sub(_shortcode, _MD_LINK.sub(r"\1", text))
    text = _BOLD.sub(r"\2", text)
    return _ITALIC.sub(r"\2", text)


def _data_start(text: str) -> int:
    """Where a trailing ``{data}`` starts in an element's text, or -1 (linear time)."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return -1
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        depth += {"}": 1, "{": -1}.get(stripped[i], 0)
        if depth == 0:
            return i
    return -1


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _flow_data(text: str, error: ArgmapError) -> dict[str, Any]:
    from argmap.formats.yaml import parse_yaml

    loaded, problems = parse_yaml(text, "<data>")
    if problems or loaded is None:
        raise error
    result: dict[str, Any] = _plain(loaded)
    return result


def parse_argdown(text: str, path: str = "<input>") -> Argdown:
    r"""Parse Argdown text into its statements, arguments and relations.

    >>> doc = parse_argdown("[Tax]: Raise taxes. #recommendation\n  + <Schools>: They need money.")
    >>> doc.relations
    [('Schools', 'argument', 'support', 'Tax', 'statement')]
    >>> doc.statements["Tax"]["tags"]
    ['recommendation']

    Raises
    ------
    ArgmapError
        Naming the line of syntax it does not cover.
    """
    return _Parser(text, path).parse()


def _slug(title: str, taken: set[str]) -> str:
    """The title itself when it is a valid id, else a slug of it; unique in ``taken``."""
    if re.fullmatch(ID_PATTERN, title) and title not in taken:
        taken.add(title)
        return title
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "untitled"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def map_from_argdown(
    text: str,
    path: str = "<input>",
    *,
    map_id: str | None = None,
    kind_tags: Mapping[str, NodeKind | str] | None = None,
) -> ArgumentMap:
    """A map from Argdown text (see the module docstring for the mapping)."""
    doc = parse_argdown(text, path)
    tags = {k: NodeKind(v) for k, v in (kind_tags or KIND_TAGS).items()}
    nodes, ids = _nodes(doc, tags)
    edges = _Edges(doc, ids)
    edges.add_structures()
    edges.add_relations()
    front = doc.front_matter
    chosen = map_id or _slug(str(front.get("title") or Path(path).stem or "argdown"), set())
    sections = [
        {"title": title, "level": level, **({"data": data} if data else {})}
        for title, level, data in zip(
            doc.sections, doc.section_levels, doc.section_data, strict=True
        )
    ]
    data: dict[str, Any] = {"argdown": {"front_matter": front, "sections": sections}}
    if edges.unplaced:
        data["argdown"]["unplaced"] = edges.unplaced
    return ArgumentMap(chosen, str(front.get("title") or chosen), nodes, edges.edges, data=data)


def _nodes(
    doc: Argdown, tags: Mapping[str, NodeKind]
) -> tuple[list[Node], dict[tuple[str, ...], str]]:
    """The nodes of a document's equivalence classes and sketched arguments, and their ids.

    Parameters
    ----------
    doc
        The parsed document.
    tags
        Tag → the kind of node a statement with that tag becomes (the first such tag wins;
        untagged statements are claims).

    Returns
    -------
    tuple
        The nodes, statements first, then the arguments without a premise-conclusion
        structure; and the id of each ``(title, "statement")``, ``(title, "argument")``
        and ``(title, "step", n)`` (the reason of a reconstructed argument's inference
        step concluding statement ``(n)``; the last step's id is the argument's), slugs
        unique across all.
    """
    taken: set[str] = set()
    ids: dict[tuple[str, ...], str] = {}
    nodes = []
    for title, entry in doc.statements.items():
        ids[(title, "statement")] = node_id = _slug(title, taken)
        kind = next((tags[t] for t in entry["tags"] if t in tags), NodeKind.CLAIM)
        nodes.append(_node(node_id, kind, title, entry, False))
    for title, entry in doc.arguments.items():
        ids[(title, "argument")] = node_id = _slug(title, taken)
        steps = entry.get("steps") or []
        if not steps:
            nodes.append(_node(node_id, NodeKind.CLAIM, title, entry, True))
        for step in steps[:-1]:
            ids[(title, "step", str(step["number"]))] = _slug(f"{title}-{step['number']}", taken)
        if steps:
            ids[(title, "step", str(steps[-1]["number"]))] = node_id
    return nodes, ids


@attrs.define
class _Edges:
    """The edges of a map read from Argdown: reasons from inference steps, then relations."""

    doc: Argdown
    ids: Mapping[tuple[str, ...], str]
    edges: list[Edge] = attrs.field(factory=list)
    seen: dict[tuple[str, frozenset[str], str], str] = attrs.field(factory=dict)
    """(kind, premises, target) → the edge's key: each edge once."""
    unplaced: list[dict[str, str]] = attrs.field(factory=list)
    """Relations a map cannot hold (a support of a reconstructed argument)."""

    def node(self, title: str, kind: str) -> str:
        """The node of a relation's end.

        A statement, a sketched argument, or a reconstructed argument's conclusion.
        """
        steps = self.doc.arguments.get(title, {}).get("steps") if kind != "statement" else None
        if steps:
            return self.ids[(steps[-1]["conclusion"], "statement")]
        return self.ids[(title, "statement" if kind == "statement" else "argument")]

    def add(
        self,
        kind: str,
        premises: list[str],
        target: str,
        relation: str,
        **fields: Any,
    ) -> str | None:
        """Add an edge unless it is there already or supports one of its premises.

        Parameters
        ----------
        kind
            ``support`` or ``attack``.
        premises
            Node ids: one, or a linked reason's several.
        target
            A node id, or a reason's id for an undercut.
        relation
            The Argdown relation it comes from, kept in the edge's ``data`` unless it is
            a plain ``support`` or ``attack``.
        fields
            ``id``, ``scheme`` and ``data`` of the edge.

        Returns
        -------
        str or None
            The key of the edge (the one already there for a repeated edge), or ``None``.
        """
        key = (kind, frozenset(premises), target)
        if key in self.seen or (kind == "support" and target in premises):
            return self.seen.get(key)
        data = dict(fields.pop("data", {}))
        if relation not in ("support", "attack"):
            data.setdefault("argdown", relation)
        edge = Edge(kind, premises[0], target, linked=premises[1:], data=data, **fields)
        self.edges.append(edge)
        self.seen[key] = edge.key
        return edge.key

    def add_relations(self) -> None:
        """Add the document's relations: supports (and entailments) and attacks of all sorts.

        A contradiction or a contrary attacks both ways. An end that is a reconstructed
        argument is its conclusion, except that an attack on it undercuts its last step
        (marked ``attack`` in the edge's data) and a support of it, which names none of its
        premises, is kept in the map's data as ``unplaced``. Undercuts of inferences were
        added with the steps.
        """
        for source, source_type, relation, target, target_type in self.doc.relations:
            if target_type == "inference":
                continue
            a = self.node(source, source_type)
            steps = (
                self.doc.arguments.get(target, {}).get("steps")
                if target_type == "argument"
                else None
            )
            if steps and relation in ("support", "entails"):
                self.unplaced.append(
                    {
                        "from": source,
                        "from_type": source_type,
                        "relation": relation,
                        "to": target,
                        "reason": "a support "
                        "of a reconstructed argument names none of its premises",
                    }
                )
            elif steps and relation in ("attack", "undercut"):
                self.add(
                    "attack",
                    [a],
                    self.ids[(target, "argument")],
                    "attack",
                    data={"argdown": "attack"},
                )
            else:
                self._add_relation(a, relation, self.node(target, target_type))

    def _add_relation(self, a: str, relation: str, b: str) -> None:
        """Add a relation between two nodes."""
        if relation in ("support", "entails"):
            self.add("support", [a], b, relation)
            return
        self.add("attack", [a], b, relation)
        if relation in ("contradictory", "contrary"):
            self.add("attack", [b], a, relation)

    def add_structures(self) -> None:
        """Add the reasons of the arguments' inference steps, and the undercuts of each.

        A step's premises jointly support its conclusion: one linked reason, its scheme the
        inference rule; a step that repeats another's premises and conclusion is that
        reason again.
        """
        for title, entry in self.doc.arguments.items():
            for step in entry.get("steps") or []:
                premises = [self.ids[(p, "statement")] for p in step["premises"]]
                info: dict[str, Any] = {"argument": title, "step": step["number"]}
                last = step is entry["steps"][-1]
                if last:
                    info.update(_argument_info(entry))
                key = self.add(
                    "support",
                    premises,
                    self.ids[(step["conclusion"], "statement")],
                    "support",
                    id=self.ids[(title, "step", str(step["number"]))],
                    scheme=step["rule"],
                    roles={
                        role: None if title is None else self.ids[(title, "statement")]
                        for role, title in step["roles"].items()
                    },
                    data={"argdown": info},
                )
                for source, source_type in step["undercuts"]:
                    if key is not None:
                        self.add("attack", [self.node(source, source_type)], key, "undercut")


def _argument_info(entry: Mapping[str, Any]) -> dict[str, Any]:
    """What a reconstructed argument's last reason keeps of it: its text, tags, data."""
    info: dict[str, Any] = {}
    for key in ("text", "tags", "data"):
        if entry.get(key):
            info[key] = entry[key]
    if entry.get("section") is not None:
        info["section"] = entry["section"]
    return info


def _node(
    node_id: str, kind: NodeKind, title: str, entry: Mapping[str, Any], argument: bool
) -> Node:
    info: dict[str, Any] = {"title": title}
    if argument:
        info["argument"] = True
    if entry["data"]:
        info["data"] = entry["data"]
    if entry.get("section") is not None:
        info["section"] = entry["section"]
    extra_tags = [t for t in entry["tags"] if t not in KIND_TAGS]
    return Node(node_id, kind, entry["text"] or title, tags=extra_tags, data={"argdown": info})


def map_to_argdown(m: ArgumentMap) -> str:
    """A map as Argdown: one statement (or argument) per node, its incoming relations beneath.

    Node ids are the titles (or the ``title`` an Argdown import kept); evidence and
    recommendations are tagged ``#evidence`` / ``#recommendation``. A one-premise support
    is a ``+`` relation; any other reason (linked premises, a scheme, an undercut, or read
    from a premise-conclusion structure) is an argument with a premise-conclusion
    structure: its premises, an inference line (``-- scheme --`` when it names one), its
    conclusion. Reasons read from the steps of one argument are written as that argument
    again, intermediate conclusions and all (``{uses: […]}`` where a step does not use
    the default premises); any other reason is an argument of its own, named by its id.
    An undercut is written below its inference line (``<_``). Texts are escaped
    (:func:`_escape`). What a map read from Argdown keeps of it is written back: the
    front matter (``mode: strict`` included), tags and ``{data}`` of statements and
    arguments, contradictions (``><``), the sections (each heading at its level and with its
    data, followed by the statements and arguments defined in it) and the supports of
    reconstructed arguments the map kept aside (``unplaced``). A tag Argdown cannot hold is an error
    (:func:`_unwritable_tags`), all of them at once.
    """
    if problems := _unwritable_tags(m):
        raise ArgmapError.from_problems(problems)
    titles = {}
    is_argument = {}
    for n in m.nodes:
        info = _info(n.data)
        titles[n.id] = _title(str(info.get("title", n.id)))
        is_argument[n.id] = bool(info.get("argument"))

    def ref(node_id: str) -> str:
        return f"<{titles[node_id]}>" if is_argument[node_id] else f"[{titles[node_id]}]"

    incoming: dict[str, list[Edge]] = {}
    for e in m.edges:
        incoming.setdefault(e.target, []).append(e)
    structured = {e.key for e in m.supports if _is_structured(e, incoming)}
    pairs = _symmetric_pairs(m)
    read = _info(m.data)
    headings = _headings(read.get("sections"))
    section = {n.id: _section_of(n.data, len(headings)) for n in m.nodes}
    blocks: dict[int | None, list[str]] = {}  # section (None: before the first) → lines
    for n in m.nodes:
        blocks.setdefault(section[n.id], []).extend(
            [
                _element_line(n, ref(n.id), titles[n.id]),
                *(
                    f"  {_symbol(e)} {ref(e.source)}"
                    for e in incoming.get(n.id, [])
                    if e.key not in structured and e.key not in pairs
                ),
                "",
            ]
        )
    for e in m.edges:
        if pairs.get(e.key) == "contradictory":
            blocks[section[e.source]] += [ref(e.source), f"  >< {ref(e.target)}", ""]
    for steps in _arguments(m, structured):
        place = _section_of(steps[-1].data, len(headings))
        blocks.setdefault(place, []).extend(_reconstruction(steps, incoming, titles, ref))
    lines = _front_matter_lines(m, read) + blocks.get(None, [])
    for k, heading in enumerate(headings):
        lines += [heading, "", *blocks.get(k, [])]
    return _document(lines + _unplaced_lines(read.get("unplaced")))


def _document(lines: list[str]) -> str:
    """The lines as a document: never empty (an empty file is no Argdown map)."""
    return "\n".join(lines or ["<!-- no statements -->"]).rstrip() + "\n"


def _unplaced_lines(unplaced: Any) -> list[str]:
    """The supports of reconstructed arguments an Argdown import kept aside, written back."""
    lines = []
    for entry in unplaced if isinstance(unplaced, list) else []:
        if isinstance(entry, Mapping) and {"from", "to"} <= set(entry):
            source = _title(str(entry["from"]))
            ref = f"<{source}>" if entry.get("from_type") == "argument" else f"[{source}]"
            lines += [f"<{_title(str(entry['to']))}>", f"  <+ {ref}", ""]
    return lines


def _headings(sections: Any) -> list[str]:
    """The heading lines of the sections an Argdown import kept (title, level, data).

    (Maps saved before levels were kept list the titles alone: level 1.)
    """
    found = []
    for entry in sections if isinstance(sections, list) else []:
        section = entry if isinstance(entry, Mapping) else {"title": entry}
        level = section.get("level")
        hashes = "#" * (level if isinstance(level, int) and 1 <= level <= 6 else 1)
        found.append(f"{hashes} {section.get('title', '')}{_data_text(section.get('data'))}")
    return found


def _section_of(data: Mapping[str, Any] | None, sections: int) -> int | None:
    """The section (index) an element was defined in, as an Argdown import kept it."""
    place = _info(data).get("section")
    return place if isinstance(place, int) and 0 <= place < sections else None


def _symbol(e: Edge) -> str:
    """The incoming relation an edge is written as: ``+``, ``-`` or an undercut ``_``."""
    if e.kind is EdgeKind.SUPPORT:
        return "+"
    return "_" if (e.data or {}).get("argdown") == "undercut" else "-"


def _element_line(n: Node, ref: str, title: str) -> str:
    """A node's statement (or sketched argument): its reference, text, tags and data.

    A node read from Argdown without a text (whose text is its title) is written without.
    """
    info = _info(n.data)
    text = "" if n.text == title and "title" in info else f": {_escape(n.text)}"
    return f"{ref}{text}{_tag_text(n)}{_data_text(info.get('data'))}"


def _info(data: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """What an Argdown import kept in ``data["argdown"]`` (empty when it is no mapping)."""
    found = (data or {}).get("argdown")
    return found if isinstance(found, Mapping) else {}


def _front_matter_lines(m: ArgumentMap, read: Mapping[str, Any]) -> list[str]:
    """The front matter: the one read (each value as a JSON flow, which is YAML) and a title."""
    front = dict(read.get("front_matter") or {})
    if "title" not in front and not (read and m.title == m.id):
        front = {"title": m.title, **front}
    if not front:
        return []
    return ["===", *(f"{_yaml_key(k)}: {_json(v)}" for k, v in front.items()), "===", ""]


def _yaml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][\w-]*", key) else _json(key)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_UNSAFE_IN_DATA = re.compile(r"[{}<>/#]")


def _json(value: Any) -> str:
    r"""``value`` as one line of JSON (which is YAML) that Argdown's syntax cannot reach.

    Inside strings, braces, angle brackets, slashes and ``#`` are written as ``\uXXXX``
    escapes, so no comment opens, no tag starts and the braces of ``{data}`` balance.

    >>> print(_json({"k": "a // b {c} <!-- d"}))
    {"k": "a \u002f\u002f b \u007bc\u007d \u003c!-- d"}
    """
    written = json.dumps(value, ensure_ascii=False, default=str)
    return _JSON_STRING.sub(
        lambda m: _UNSAFE_IN_DATA.sub(lambda c: f"\\u{ord(c.group()):04x}", m.group()),
        written,
    )


def _data_text(data: Any) -> str:
    """An element's ``{data}`` as Argdown: a YAML flow mapping (JSON), its braces balanced."""
    return f" {_json(data)}" if isinstance(data, Mapping) and data else ""


def _symmetric_pairs(m: ArgumentMap) -> dict[str, str]:
    """Edge keys of contradictions and contraries written once, each a pair of attacks.

    The reverse edge of each pair (``reverse``: not written) and, for a contradiction, the
    first too (``contradictory``: written as ``><``, not below its target).
    """
    found: dict[str, str] = {}
    seen: dict[tuple[str, str, str], str] = {}
    for e in m.attacks:
        relation = (e.data or {}).get("argdown")
        if relation not in ("contradictory", "contrary"):
            continue
        back = seen.get((e.target, e.source, relation))
        if back is not None and back not in found:
            found[e.key] = "reverse"
            if relation == "contradictory":
                found[back] = relation
        else:
            seen[(e.source, e.target, relation)] = e.key
    return found


def _tag_text(n: Node) -> str:
    """A node's tags as Argdown text: its kind (evidence, recommendation), then its tags."""
    kinds = [t for t in ("evidence", "recommendation") if n.kind is NodeKind(t)]
    return _tags([*kinds, *n.tags])


def _tags(tags: list[str]) -> str:
    """Tags as Argdown: ``#word``, or ``#(any text)`` (held literally, escapes and all)."""
    return "".join(f" #{t}" if re.fullmatch(r"[A-Za-z0-9_-]+", t) else f" #({t})" for t in tags)


def _unwritable_tags(m: ArgumentMap) -> list[Problem]:
    """A problem for each tag Argdown cannot hold: empty, or with ``)`` or a line break.

    (Argdown reads a tag ``#( … )`` to the first ``)``, literally: nothing escapes it.)
    Each names its node (or reason) and where the map was read from.
    """
    owners: list[tuple[str, str, Sequence[str]]] = [
        (f"node {n.id!r}", f"$.nodes[{i}]", n.tags) for i, n in enumerate(m.nodes)
    ]
    owners += [
        (f"reason {e.key!r}", f"$.edges[{i}].data", list(_info(e.data).get("tags") or []))
        for i, e in enumerate(m.edges)
        if _info(e.data).get("argument") is not None
    ]
    path = m.origin.path if m.origin is not None else None
    return [
        Problem(
            f"{owner}: the tag {tag!r} cannot be written in Argdown (a tag is not empty and "
            "holds no ')' or line break)",
            code="argdown-unwritable",
            path=path,
            pointer=f"{pointer}.tags[{k}]" if pointer.startswith("$.nodes") else pointer,
        )
        for owner, pointer, tags in owners
        for k, tag in enumerate(tags)
        if not tag or re.search(r"[)\r\n]", tag) or _ARGDOWN_CONTROL.search(tag)
    ]


def _is_structured(e: Edge, incoming: Mapping[str, list[Edge]]) -> bool:
    """Whether a reason is written as an argument with a premise-conclusion structure.

    It is if it has linked premises, a scheme or undercuts (``incoming`` edges by target),
    or was read from one.
    """
    read_from_one = "argument" in _info(e.data)
    return bool(e.linked) or e.scheme is not None or read_from_one or e.key in incoming


def _arguments(m: ArgumentMap, structured: set[str]) -> list[list[Edge]]:
    """The reasons written as arguments, grouped.

    The steps read from one argument go together, in order of their numbers; each other
    reason is alone.
    """
    groups: dict[str, list[Edge]] = {}
    for e in m.supports:
        if e.key in structured:
            title = _info(e.data).get("argument")
            groups.setdefault(str(title) if title is not None else f"\0{e.key}", []).append(e)
    for steps in groups.values():
        steps.sort(key=lambda e: int(_info(e.data).get("step") or 0))
    return list(groups.values())


def _reconstruction(
    steps: list[Edge],
    incoming: Mapping[str, list[Edge]],
    titles: Mapping[str, str],
    ref: Callable[[str], str],
) -> list[str]:
    """The lines of the argument standing for the reasons ``steps``.

    ``steps`` is one reason, or an argument's inference steps in order, each undercut by
    the attacks in ``incoming``. Its title and description (with the argument's tags and data), the attacks on it as a
    whole, a blank line, then its premise-conclusion structure, each inference's undercuts
    below its line.
    """
    last = steps[-1]
    info = _info(last.data)
    title = str(info.get("argument", last.key))
    if _slug(title, set()) != last.key:
        title = last.key
    if info.get("argument") is not None:
        gist = str(info.get("text") or "")
    else:
        premises = " and ".join(titles[p] for p in last.premises)
        verb = "supports" if len(last.premises) == 1 else "support"
        gist = f"{premises} {verb} {titles[last.target]}."
    head = f"<{_title(title)}>" + (f": {_escape(gist)}" if gist else "")
    lines = [head + _tags(list(info.get("tags") or [])) + _data_text(info.get("data"))]
    undercuts = {e.key: incoming.get(e.key, []) for e in steps}
    lines += [
        f"  - {ref(u.source)}" for u in undercuts[last.key] if u.data.get("argdown") == "attack"
    ]
    lines.append("")
    numbers: dict[str, int] = {}
    previous: list[int] = []  # the statements since the last inference, and its conclusion
    for e in steps:
        for p in e.premises:
            if p not in numbers:
                numbers[p] = len(numbers) + 1
                previous.append(numbers[p])
                lines.append(f"({numbers[p]}) {ref(p)}")
        uses = sorted(numbers[p] for p in e.premises)
        rule, rule_data = _rule(e.scheme)
        data: dict[str, Any] = dict(rule_data)
        if uses != sorted(previous):
            data = {**data, "uses": uses}
        if e.roles:
            data["roles"] = {r: None if p is None else numbers[p] for r, p in e.roles.items()}
        if data:
            lines += ["--", f"{rule}{_data_text(data)}".strip(), "--"]
        else:
            lines.append(f"-- {rule} --" if rule else "----")
        lines += [
            f"    <_ {ref(u.source)}" for u in undercuts[e.key] if u.data.get("argdown") != "attack"
        ]
        numbers[e.target] = len(numbers) + 1
        previous = [numbers[e.target]]
        lines.append(f"({numbers[e.target]}) {ref(e.target)}")
    return [*lines, ""]


def _rule(scheme: str | None) -> tuple[str, dict[str, str]]:
    """An inference rule as its inference line's text, or as its data when it is not plain.

    Plain: words, spaces and inner hyphens or apostrophes, which Argdown reads as written
    (a comma would split it into two rules, a hyphen at either end would join the line).

    >>> _rule("Modus ponens"), _rule("-x, y-")
    (('Modus ponens', {}), ('', {'rule': '-x, y-'}))
    """
    if not scheme:
        return "", {}
    if re.fullmatch(r"[^\W_](?:[^\W_]|[ '-](?=[^\W_]))*", scheme):
        return scheme, {}
    return "", {"rule": scheme}


def _title(text: str) -> str:
    """A title Argdown can read between brackets."""
    return " ".join(
        text.replace("]", ")").replace(">", ")").replace("[", "(").replace("<", "(").split()
    )


_HIDDEN = re.compile("[\x01\x03](\\d+)[\x02\x04]")
_ESCAPED = frozenset("\\[]<>#{}*_@")
"""Characters escaped wherever they are in a written text (``/``, ``!`` and ``=`` only in
``//``, ``/*``, ``<!`` and ``==``; ``.`` and ``:`` only before another in the same word,
where the CLI would read ``.name.`` or ``:name:`` as a special character)."""


def _escape(text: str) -> str:
    r"""Text on one line, each character Argdown would read as syntax escaped with ``\``.

    Brackets (mentions, links), tags, data, emphasis, comments and the backslash itself:
    the Argdown CLI reads ``\c`` as the character ``c`` (any character), and so does
    :func:`parse_argdown`.

    >>> print(_escape("a [b] #c {d} _e_ *f* // g /* h <!-- i \\ j"))
    a \[b\] \#c \{d\} \_e\_ \*f\* \// g \/\* h \<\!-- i \\ j
    """
    flat = " ".join(text.split())
    later: list[set[str]] = [set() for _ in flat]  # the dots and colons later in the word
    ahead: set[str] = set()
    for i in range(len(flat) - 1, -1, -1):
        later[i] = ahead
        ahead = set() if flat[i] == " " else ahead | ({flat[i]} & {".", ":"})
    out = []
    for i, c in enumerate(flat):
        special = (
            c in _ESCAPED
            or (c == "/" and flat[i + 1 : i + 2] in ("/", "*"))
            or (c == "!" and flat[i - 1 : i] == "<")
            or (c == "=" and "=" in (flat[i - 1 : i], flat[i + 1 : i + 2]))
            or c in later[i]
        )
        out.append("\\" + c if special else c)
    return "".join(out)


def _hide_escapes(text: str) -> tuple[str, list[str]]:
    r"""``text`` with each escape ``\c`` and bracketed tag ``#( … )`` replaced by a placeholder.

    The placeholders (``\x01 n \x02`` for an escape, ``\x03 n \x04`` for a tag; Argdown
    texts hold no control characters) keep escaped characters and the insides of tags away
    from the syntax: tags, data, emphasis, links. What each hides is kept as written, escape or tag (:func:`_lexemes`).
    """
    hidden: list[str] = []
    pieces = []
    at = 0
    for start, end, kind in _lexemes(text):
        if kind in ("\\", "#("):
            hidden.append(text[start:end])
            mark = "\x01{}\x02" if kind == "\\" else "\x03{}\x04"
            pieces += [text[at:start], mark.format(len(hidden) - 1)]
            at = end
    pieces.append(text[at:])
    return "".join(pieces), hidden


def _show_escapes(text: str, hidden: list[str], keep: bool = False) -> str:
    r"""``text`` with :func:`_hide_escapes`' placeholders put back.

    Escapes as their characters, or with ``keep`` as written (``\c``); tags as written.
    """

    def show(match: re.Match[str]) -> str:
        written = hidden[int(match.group(1))]
        return written[1:] if written[0] == "\\" and not keep else written

    return _HIDDEN.sub(show, text)


def _yaml_scalar(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """The format contract's reader: :func:`map_from_argdown`."""
    return map_from_argdown(text, path)


def dumps(m: ArgumentMap) -> str:
    """The format contract's writer: :func:`map_to_argdown`."""
    return map_to_argdown(m)


def read_argdown(path: str | Path, **options: Any) -> ArgumentMap:
    """Read an Argdown file."""
    return map_from_argdown(read_text(path), str(path), **options)

r"""ruamel.yaml set-up: parsing text into round-trip documents and dumping them again.

A :class:`Source` is what a map or corpus read from YAML keeps in its
:class:`~argmap.model.Origin`: the file's text and its parsed document, which locates
problems and from which the writer starts to keep comments and layout.

>>> doc, problems = parse_yaml("id: a  # comment\n", "a.yaml")
>>> dict(doc), problems
({'id': 'a'}, [])
>>> parse_yaml("", "a.yaml")[1][0].code
'empty-file'
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import re
import sys
from typing import Any

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node, ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarfloat import ScalarFloat

from argmap.errors import Problem
from argmap.formats.text import line_column
from argmap.formats.yaml.fast import fast_document
from argmap.model.invariants import MAX_DEPTH, value_findings

__all__ = [
    "ARROW",
    "PLUS",
    "Source",
    "describe",
    "detect_indent",
    "dump",
    "make_yaml",
    "parse_yaml",
    "plain",
    "read_yaml",
    "round_trip",
]

ARROW = re.compile(r"\s*(\S.*?)\s*(<->|->)\s*(\S.*?)\s*")
"""``a -> b`` or ``a <-> b``: source, arrow, target."""
PLUS = "+"
"""What joins the linked premises of one reason: ``a + b -> c``."""


@attrs.define(eq=False)
class Source:
    """A YAML file as read: its text and, parsed when first asked for, its round-trip document.

    ``document`` locates problems and is never modified (writing works on a fresh parse of
    ``text``). A file read by the fast path (:func:`fast_document`) is parsed for it only
    if something asks: a problem to locate, a map to write back.
    """

    text: str
    _document: CommentedMap | None = None

    @property
    def document(self) -> CommentedMap:
        """The file's round-trip document (comments, layout and positions kept)."""
        if self._document is None:
            self._document = _load(self.text)
        return self._document

    @property
    def indent(self) -> tuple[int, int, int]:
        """The file's (mapping, sequence, offset) indentation."""
        return detect_indent(self.text)

    def working_copy(self) -> CommentedMap:
        """A fresh parse of the file, to be edited and written.

        (Parsing again is linear in the file's size; ruamel's deep copy of a document is not.)
        """
        doc: CommentedMap = _load(self.text)
        return doc


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, made exact for floats.

    ruamel re-emits a loaded float in its original format, but it truncates rather than
    rounds, so the number written back can differ from the one read
    (``3.18465127853677e+88`` comes back as ``...676e+88``). The original format is kept
    only where it is certain to give back the same number; otherwise the shortest exact
    form is written.
    """

    def represent_exact_float(self, data: ScalarFloat) -> ScalarNode:
        value = float(data)
        node: ScalarNode = self.represent_scalar_float(data)
        digits = re.sub(r"\D", "", re.split(r"[eE]", node.value)[0]).lstrip("0")
        try:
            same = float(node.value.replace("_", "")) == value
        except ValueError:  # .inf, .nan and other YAML spellings
            return node
        if same and len(digits) <= 15 and (value == 0 or abs(value) >= sys.float_info.min):
            return node
        return self.represent_float(value)


_Representer.add_representer(ScalarFloat, _Representer.represent_exact_float)


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, keeping a date that is not a day as its text.

    ``2019-02-30`` looks like a date to YAML but is none; ruamel would fail with a
    traceback. Kept as text, it is reported where the file uses it (a map's ``date``) or
    kept as the text it is (in ``data``).
    """

    def construct_lenient_timestamp(self, node: Node, values: Any = None) -> Any:
        try:
            return self.construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _Constructor.construct_lenient_timestamp
)


class _Emitter(RoundTripEmitter):
    """ruamel's round-trip emitter, writing a null in a flow mapping or list as ``~``.

    The parser does not keep how a null was spelled; in block style ruamel writes it empty
    (``key:``), in flow style as ``null`` unless told otherwise. ``~`` is how argmap's files
    and docs write it (``roles: {goal: ~}``), so those save back as they were.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.alt_null = "~"


def make_yaml(indent: tuple[int, int, int] = (2, 4, 2)) -> YAML:
    """A round-trip ruamel parser and dumper with argmap's settings."""
    y = YAML(typ="rt")
    y.Representer = _Representer
    y.Emitter = _Emitter
    y.Constructor = _Constructor
    y.preserve_quotes = True
    y.width = 4096  # never re-fold a long line of text
    mapping, sequence, offset = indent
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def detect_indent(text: str) -> tuple[int, int, int]:
    """Guess the (mapping, sequence, offset) indentation of the first block sequence under a key."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"[A-Za-z_][\w-]*:\s*(#.*)?", line):
            for follower in lines[i + 1 :]:
                stripped = follower.lstrip(" ")
                if not stripped or stripped.startswith("#"):
                    continue
                if stripped.startswith("- "):
                    offset = len(follower) - len(stripped)
                    return (2, offset + 2, offset)
                break
    return (2, 4, 2)


def dump(doc: CommentedMap, indent: tuple[int, int, int]) -> str:
    """A document as YAML text with the given indentation."""
    out = io.StringIO()
    make_yaml(indent).dump(doc, out)
    return out.getvalue()


_STRUCTURE = ("too-deep", "too-large", "recursive")
"""The codes of :func:`~argmap.model.invariants.value_findings` that stop reading a document."""


def _load(text: str) -> Any:
    """The round-trip document of ``text``, with the cyclic garbage collector paused.

    Parsing allocates many small objects and no garbage cycles; each collection the
    allocations set off would scan the whole document built so far again.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return make_yaml().load(text)
    finally:
        if paused:
            gc.enable()


def parse_yaml(text: str, path: str) -> tuple[CommentedMap | None, list[Problem]]:
    """Parse YAML text into a round-trip document, or a located syntax problem.

    A document whose top level is not a mapping is reported too, and so is one that nests
    deeper than :data:`~argmap.model.invariants.MAX_DEPTH`, contains itself or, through
    aliases of aliases, expands to far more values than its text holds.
    """
    try:
        doc = _load(text)
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, path)]
    except ReaderError as exc:  # a character YAML does not allow (a control character)
        line, column = line_column(text, exc.position)
        char = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        message = f"the character U+{char:04X} is not allowed in YAML text"
        return None, [
            Problem(message, code="control-character", path=path, line=line, column=column)
        ]
    except YAMLError as exc:
        return None, [Problem(f"malformed YAML: {exc}", code="yaml-syntax", path=path, line=1)]
    except RecursionError:
        return None, [_too_deep(text, path)]
    if doc is None:
        return None, [Problem("the file is empty", code="empty-file", path=path, line=1, column=1)]
    if not isinstance(doc, CommentedMap):
        return None, [
            Problem(
                f"the top level must be a mapping of fields, not {describe(doc)}",
                code="wrong-type",
                path=path,
                line=1,
                column=1,
            )
        ]
    structure = [
        f for f in value_findings(doc, limit=10_000 + 10 * len(text)) if f.code in _STRUCTURE
    ]
    if structure:
        from argmap.formats.yaml.positions import locate_findings

        return None, locate_findings(structure, doc, path)
    return doc, []


def read_yaml(text: str, path: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """What :func:`parse_yaml` gives, as plain values by the fast path where it is sure of them.

    A plain ``dict`` comes from :func:`~argmap.formats.yaml.fast.fast_document`; a
    ``CommentedMap`` from the round-trip parser (everything else: problems, doubts). Take
    :func:`round_trip` of it to locate a problem.
    """
    doc = fast_document(text)
    return (doc, []) if doc is not None else parse_yaml(text, path)


def round_trip(
    doc: dict[str, Any], text: str, path: str
) -> tuple[CommentedMap | None, list[Problem]]:
    """The round-trip document of a document :func:`read_yaml` gave for ``text``."""
    return (doc, []) if isinstance(doc, CommentedMap) else parse_yaml(text, path)


def _syntax_problem(exc: MarkedYAMLError, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(str(s) for s in (exc.context, exc.problem) if s) or "malformed YAML"
    code = "duplicate-key" if "duplicate key" in what else "yaml-syntax"
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, None)
    return Problem(f"malformed YAML: {what}", code=code, path=path, line=line, column=column)


def _too_deep(text: str, path: str) -> Problem:
    """The problem of a document nested too deep for the parser, at the first place it is."""
    depth = 0
    line, column = 1, 1
    try:
        for event in make_yaml().parse(text):
            name = type(event).__name__
            if name in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = event.start_mark.line + 1, event.start_mark.column + 1
                    break
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
    except (YAMLError, RecursionError):
        pass
    return Problem(
        f"nested deeper than {MAX_DEPTH} lists and mappings",
        code="too-deep",
        path=path,
        line=line,
        column=column,
    )


def describe(value: Any) -> str:
    """A value as a message names it (``a mapping``, ``'x'``)."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return f"'{value}'"


def plain(value: Any) -> Any:
    """A round-trip YAML value as plain JSON-like Python (dates become ISO text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value

"""argmap's own file format: one YAML file per essay, one corpus file per folder.

Reading reports every problem of a file at once, each with its line and column, and raises
:class:`~argmap.errors.ArgmapError`. Writing back a map that was read from a file keeps the
file's comments, quoting and layout: only the values that changed are rewritten. The
format is documented field by field in ``docs/format.md``; its JSON Schemas are
:func:`argmap.schema.map_schema` and :func:`argmap.schema.corpus_schema`.

Examples
--------
>>> text = '''id: toy
... title: A toy essay
... nodes:
...   - id: c1      # the main claim
...     kind: claim
...     text: Trade wars hurt both sides.
...   - id: r1
...     kind: recommendation
...     actors: [Japan]
...     text: Lift the export controls.
... edges:
...   - support: c1 -> r1
... '''
>>> m = map_from_yaml(text)
>>> [e.key for e in m.edges]
['support:c1->r1']
>>> map_to_yaml(m) == text
True
>>> map_from_yaml(text.replace("-> r1", "-> r9"), path="toy.yaml")
Traceback (most recent call last):
...
argmap.errors.ArgmapError: toy.yaml:12:20: error: edge target 'r9' is not a node or edge id of this map [unknown-node]
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from argmap.errors import ArgmapError, Problem, Severity
from argmap.model import (
    ArgumentMap,
    Corpus,
    Edge,
    Equivalence,
    Locator,
    Node,
    NodeKind,
    Relation,
    RelationKind,
)
from argmap.model import invariants as validate
from argmap.model.invariants import Finding, Pointer

__all__ = [
    "YamlOrigin",
    "corpus_to_yaml",
    "detect_indent",
    "duplicate_essay_problems",
    "is_corpus_document",
    "load_corpus_document",
    "load_map_document",
    "locate_findings",
    "map_from_yaml",
    "map_to_yaml",
    "parse_yaml",
    "read_corpus",
    "read_map",
    "write_corpus",
    "write_map",
    "yaml_files",
]

CORPUS_KEY = "corpus"
YAML_SUFFIXES = (".yaml", ".yml")

Flat = dict[str, Any]
"""An item as its YAML keys see it: ``{"id": "c1", "para": (3,), "support": ("a", "b")}``."""

# Keys of each kind of item, in the order a fresh file writes them.
MAP_KEYS = ("id", "title", "authors", "venue", "date", "url", "text_file", "summary", "data")
NODE_KEYS = ("id", "kind", "actors", "text", "para", "quote", "tags", "weight", "note", "data")
EDGE_KINDS = ("support", "attack")
EDGE_KEYS = (*EDGE_KINDS, "id", "para", "quote", "note", "data")
CORPUS_META_KEYS = ("id", "title", "summary", "data")
GROUP_KEYS = ("id", "nodes", "note", "data")
RELATION_KINDS = ("support", "attack", "contradiction")
RELATION_KEYS = (*RELATION_KINDS, "id", "note", "data")
_FLOW_KEYS = {"authors", "actors", "tags", "nodes"}

_ARROW = re.compile(r"\s*(\S.*?)\s*(<->|->)\s*(\S.*?)\s*")


@attrs.frozen(eq=False)
class YamlOrigin:
    """What a map or corpus read from YAML remembers, to be written back as it was.

    ``text`` is the file's text and ``document`` its parsed round-trip document, which
    locates problems and is never modified (writing works on a fresh parse of ``text``).
    """

    path: str
    text: str
    document: CommentedMap

    @property
    def indent(self) -> tuple[int, int, int]:
        """The file's (mapping, sequence, offset) indentation."""
        return detect_indent(self.text)

    def working_copy(self) -> CommentedMap:
        """A fresh parse of the file, to be edited and written.

        (Parsing again is linear in the file's size; ruamel's deep copy of a document is not.)
        """
        doc: CommentedMap = _yaml().load(self.text)
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


def _yaml(indent: tuple[int, int, int] = (2, 4, 2)) -> YAML:
    y = YAML(typ="rt")
    y.Representer = _Representer
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


# -- positions ------------------------------------------------------------------------------


class _Positions:
    """Turns pointers into 1-based (line, column) positions of one parsed document."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def __call__(self, pointer: Pointer, part: str | None = None) -> tuple[int, int]:
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
    match = _ARROW.fullmatch(value)
    if match is None or "\n" in value:
        return 0
    quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
    return match.start(1 if part == "source" else 3) + int(quoted)


# -- reading --------------------------------------------------------------------------------


class _Reader:
    """Reads the items of one document into flat dictionaries, collecting findings."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def fail(self, pointer: Pointer, message: str, code: str, part: str | None = None) -> None:
        self.findings.append(Finding(pointer, message, code, part=part))

    def mapping(self, value: Any, pointer: Pointer, what: str) -> CommentedMap | None:
        if isinstance(value, CommentedMap):
            return value
        self.fail(
            pointer, f"{what} must be a mapping of fields, not {_describe(value)}", "wrong-type"
        )
        return None

    def sequence(self, value: Any, pointer: Pointer, what: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, CommentedSeq):
            return list(value)
        self.fail(pointer, f"'{what}' must be a list, not {_describe(value)}", "wrong-type")
        return []

    def fields(
        self,
        item: CommentedMap,
        pointer: Pointer,
        allowed: Sequence[str],
        required: Sequence[str],
        what: str,
    ) -> None:
        for key in item:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.fail(
                    (*pointer, key),
                    f"unknown field '{key}' in {what}{suggestion}; allowed: {', '.join(allowed)}",
                    "unknown-field",
                    part="key",
                )
        for key in required:
            if key not in item:
                self.fail(pointer, f"{what} is missing the required field '{key}'", "missing-field")

    def text(self, item: CommentedMap, key: str, pointer: Pointer) -> str | None:
        if key not in item:
            return None
        value = item[key]
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return str(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        self.fail((*pointer, key), f"'{key}' must be text, not {_describe(value)}", "wrong-type")
        return None

    def texts(self, item: CommentedMap, key: str, pointer: Pointer) -> tuple[str, ...] | None:
        if key not in item:
            return None
        value = item[key]
        values = list(value) if isinstance(value, CommentedSeq) else [value]
        if all(isinstance(v, str) and v.strip() for v in values):
            return tuple(str(v) for v in values)
        self.fail((*pointer, key), f"'{key}' must be a text or a list of texts", "wrong-type")
        return None

    def number(self, item: CommentedMap, key: str, pointer: Pointer) -> float | None:
        if key not in item:
            return None
        value = item[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        self.fail(
            (*pointer, key), f"'{key}' must be a number, not {_describe(value)}", "wrong-type"
        )
        return None

    def paragraphs(self, item: CommentedMap, pointer: Pointer) -> tuple[int, ...] | None:
        if "para" not in item:
            return None
        value = item["para"]
        values = list(value) if isinstance(value, CommentedSeq) else [value]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return tuple(int(v) for v in values)
        self.fail(
            (*pointer, "para"),
            "'para' must be a paragraph number or a list of them, like 3 or [3, 4]",
            "wrong-type",
        )
        return None

    def data(self, item: CommentedMap, pointer: Pointer) -> dict[str, Any] | None:
        if "data" not in item:
            return None
        value = item["data"]
        if not isinstance(value, CommentedMap):
            self.fail(
                (*pointer, "data"),
                f"'data' must be a mapping, not {_describe(value)}",
                "wrong-type",
            )
            return None
        plain = _plain(value)
        assert isinstance(plain, dict)
        return plain

    def arrow(
        self, item: CommentedMap, key: str, pointer: Pointer, *, symmetric: bool
    ) -> tuple[str, str] | None:
        value = item[key]
        example = "a <-> b" if symmetric else "a -> b"
        if not isinstance(value, str):
            self.fail(
                (*pointer, key),
                f"'{key}' must be written '{example}', not {_describe(value)}",
                "wrong-type",
            )
            return None
        match = _ARROW.fullmatch(value)
        if match is None:
            self.fail((*pointer, key), f"'{value}' is not of the form '{example}'", "bad-arrow")
            return None
        arrow = "<->" if symmetric else "->"
        if match.group(2) != arrow:
            why = (
                "a contradiction is symmetric" if symmetric else "only contradictions are symmetric"
            )
            self.fail((*pointer, key), f"write '{key}: {example}': {why}", "bad-arrow")
            return None
        return (match.group(1), match.group(3))

    def locator(self, item: CommentedMap, flat: Flat, pointer: Pointer) -> None:
        para = self.paragraphs(item, pointer)
        quote = self.text(item, "quote", pointer)
        if para is not None:
            flat["para"] = para
            self.findings += validate.locator_findings(para, quote, pointer)
        if quote is not None:
            flat["quote"] = quote
            if para is None:
                self.fail(
                    (*pointer, "quote"), "a 'quote' needs the 'para' it is from", "missing-field"
                )

    def items(
        self, doc: CommentedMap, key: str, read: Callable[[Any, Pointer], Flat | None]
    ) -> tuple[list[Flat], list[Pointer], set[str]]:
        """Read the list under ``key`` item by item.

        Returns the items read without a problem, their pointers, and the ids of the items
        that failed (so that references to them are not reported again).
        """
        flats: list[Flat] = []
        pointers: list[Pointer] = []
        failed: set[str] = set()
        for i, value in enumerate(self.sequence(doc.get(key), (key,), key)):
            before = len(self.findings)
            flat = read(value, (key, i))
            if flat is not None and len(self.findings) == before:
                flats.append(flat)
                pointers.append((key, i))
            elif isinstance(value, CommentedMap) and isinstance(value.get("id"), str):
                failed.add(value["id"])
        return flats, pointers, failed

    def optional(self, item: CommentedMap, flat: Flat, pointer: Pointer, *keys: str) -> None:
        for key in keys:
            value = self.data(item, pointer) if key == "data" else self.text(item, key, pointer)
            if value is not None:
                flat[key] = value

    # -- items -----------------------------------------------------------------------------

    def map_meta(self, doc: CommentedMap) -> Flat:
        self.fields(doc, (), (*MAP_KEYS, "nodes", "edges"), ("id", "title", "nodes"), "the map")
        flat: Flat = {}
        self.optional(
            doc, flat, (), "id", "title", "venue", "date", "url", "text_file", "summary", "data"
        )
        authors = self.texts(doc, "authors", ())
        if authors is not None:
            flat["authors"] = authors
        if "id" in flat and "title" in flat:
            self.findings += validate.metadata_findings(
                id=flat["id"], title=flat["title"], date=flat.get("date")
            )
        return flat

    def node(self, value: Any, pointer: Pointer) -> Flat | None:
        item = self.mapping(value, pointer, "a node")
        if item is None:
            return None
        name = f"node '{item['id']}'" if isinstance(item.get("id"), str) else "a node"
        self.fields(item, pointer, NODE_KEYS, ("id", "kind", "text"), name)
        flat: Flat = {}
        self.optional(item, flat, pointer, "id", "text", "note", "data")
        if "kind" in item:
            kind = item["kind"]
            if kind in NodeKind.__members__.values():
                flat["kind"] = str(kind)
            else:
                hint = difflib.get_close_matches(
                    str(kind), list(NodeKind.__members__.values()), n=1
                )
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.fail(
                    (*pointer, "kind"),
                    f"unknown kind '{kind}'{suggestion}: a node is a claim, evidence or recommendation",
                    "unknown-kind",
                )
        for key in ("actors", "tags"):
            texts = self.texts(item, key, pointer)
            if texts is not None:
                flat[key] = texts
        weight = self.number(item, "weight", pointer)
        if weight is not None:
            flat["weight"] = weight
        self.locator(item, flat, pointer)
        if {"id", "kind", "text"} <= flat.keys():
            self.findings += validate.node_findings(
                id=flat["id"],
                kind=flat["kind"],
                text=flat["text"],
                weight=flat.get("weight"),
                actors=flat.get("actors", ()),
                pointer=pointer,
            )
        return flat

    def _kinded(
        self, value: Any, pointer: Pointer, kinds: Sequence[str], keys: Sequence[str], what: str
    ) -> tuple[CommentedMap, Flat, str] | None:
        item = self.mapping(value, pointer, what)
        if item is None:
            return None
        self.fields(item, pointer, keys, (), what)
        present = [k for k in kinds if k in item]
        if len(present) != 1:
            listed = " or ".join(f"'{k}'" for k in kinds)
            problem = "more than one of" if present else "none of"
            self.fail(
                pointer,
                f"{what} needs exactly one of {listed}; it has {problem} them",
                "missing-field",
            )
            return None
        flat: Flat = {}
        self.optional(item, flat, pointer, "id", "note", "data")
        return item, flat, present[0]

    def edge(self, value: Any, pointer: Pointer) -> Flat | None:
        found = self._kinded(value, pointer, EDGE_KINDS, EDGE_KEYS, "an edge")
        if found is None:
            return None
        item, flat, kind = found
        self.locator(item, flat, pointer)
        ends = self.arrow(item, kind, pointer, symmetric=False)
        if ends is None:
            return None
        flat[kind] = ends
        self.findings += validate.edge_findings(
            kind=kind, source=ends[0], target=ends[1], id=flat.get("id"), pointer=pointer
        )
        return flat

    def corpus_meta(self, doc: CommentedMap) -> Flat:
        self.fields(
            doc, (), (CORPUS_KEY, "equivalences", "relations"), (CORPUS_KEY,), "the corpus file"
        )
        meta = doc.get(CORPUS_KEY)
        if meta is None:
            return {}
        item = self.mapping(meta, (CORPUS_KEY,), "'corpus'")
        if item is None:
            return {}
        self.fields(item, (CORPUS_KEY,), CORPUS_META_KEYS, (), "'corpus'")
        flat: Flat = {}
        self.optional(item, flat, (CORPUS_KEY,), *CORPUS_META_KEYS)
        if "id" in flat:
            self.findings += validate.id_findings(flat["id"], (CORPUS_KEY, "id"), "corpus id")
        return flat

    def group(self, value: Any, pointer: Pointer) -> Flat | None:
        item = self.mapping(value, pointer, "an equivalence group")
        if item is None:
            return None
        self.fields(item, pointer, GROUP_KEYS, ("nodes",), "an equivalence group")
        flat: Flat = {}
        self.optional(item, flat, pointer, "id", "note", "data")
        members = self.texts(item, "nodes", pointer)
        if members is None:
            return None
        refs = []
        for j, member in enumerate(members):
            ref = self.ref(
                member,
                (*pointer, "nodes", j)
                if isinstance(item["nodes"], CommentedSeq)
                else (*pointer, "nodes"),
            )
            if ref is None:
                return None
            refs.append(ref)
        flat["nodes"] = tuple(refs)
        if "id" in flat:
            self.findings += validate.id_findings(flat["id"], (*pointer, "id"))
        return flat

    def ref(self, text: str, pointer: Pointer, part: str | None = None) -> str | None:
        if ":" not in text:
            self.fail(
                pointer,
                f"'{text}' is not a node reference of the form essay-id:node-id",
                "bad-reference",
                part,
            )
            return None
        essay, _, node = text.partition(":")
        found = validate.ref_findings(essay, node, pointer, part)
        self.findings += found
        return None if found else text

    def relation(self, value: Any, pointer: Pointer) -> Flat | None:
        found = self._kinded(value, pointer, RELATION_KINDS, RELATION_KEYS, "a relation")
        if found is None:
            return None
        item, flat, kind = found
        ends = self.arrow(item, kind, pointer, symmetric=kind == "contradiction")
        if ends is None:
            return None
        source = self.ref(ends[0], (*pointer, kind), "source")
        target = self.ref(ends[1], (*pointer, kind), "target")
        if source is None or target is None:
            return None
        flat[kind] = (source, target)
        if "id" in flat:
            self.findings += validate.id_findings(flat["id"], (*pointer, "id"))
        return flat


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, CommentedMap):
        return "a mapping"
    if isinstance(value, CommentedSeq):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return f"'{value}'"


def _plain(value: Any) -> Any:
    """A round-trip YAML value as plain JSON-like Python (dates become ISO text)."""
    if isinstance(value, CommentedMap):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, CommentedSeq):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


# -- flat dictionaries <-> model ------------------------------------------------------------


def _locator(flat: Flat) -> Locator | None:
    return Locator(flat["para"], flat.get("quote")) if "para" in flat else None


def _node(flat: Flat) -> Node:
    return Node(
        id=flat["id"],
        kind=flat["kind"],
        text=flat["text"],
        locator=_locator(flat),
        tags=flat.get("tags", ()),
        weight=flat.get("weight"),
        actors=flat.get("actors", ()),
        note=flat.get("note"),
        data=flat.get("data"),
    )


def _edge(flat: Flat) -> Edge:
    kind = next(k for k in EDGE_KINDS if k in flat)
    source, target = flat[kind]
    return Edge(
        kind,
        source,
        target,
        id=flat.get("id"),
        locator=_locator(flat),
        note=flat.get("note"),
        data=flat.get("data"),
    )


def _flat_locator(flat: Flat, locator: Locator | None) -> None:
    if locator is not None:
        flat["para"] = locator.paragraphs
        if locator.quote is not None:
            flat["quote"] = locator.quote


def _drop_empty(flat: Flat) -> Flat:
    return {k: v for k, v in flat.items() if v is not None and v != () and v != {}}


def _flat_node(node: Node) -> Flat:
    flat: Flat = {
        "id": node.id,
        "kind": str(node.kind),
        "actors": node.actors,
        "text": node.text,
        "tags": node.tags,
        "weight": node.weight,
        "note": node.note,
        "data": node.data,
    }
    _flat_locator(flat, node.locator)
    return _drop_empty(flat)


def _flat_edge(edge: Edge) -> Flat:
    flat: Flat = {
        str(edge.kind): (edge.source, edge.target),
        "id": edge.id,
        "note": edge.note,
        "data": edge.data,
    }
    _flat_locator(flat, edge.locator)
    return _drop_empty(flat)


def _flat_map_meta(m: ArgumentMap) -> Flat:
    return _drop_empty({key: getattr(m, key) for key in MAP_KEYS})


def _flat_group(group: Equivalence) -> Flat:
    return _drop_empty(
        {
            "id": group.id,
            "nodes": tuple(str(r) for r in group.members),
            "note": group.note,
            "data": group.data,
        }
    )


def _flat_relation(rel: Relation) -> Flat:
    return _drop_empty(
        {
            str(rel.kind): (str(rel.source), str(rel.target)),
            "id": rel.id,
            "note": rel.note,
            "data": rel.data,
        }
    )


def _relation(flat: Flat) -> Relation:
    kind = next(k for k in RELATION_KINDS if k in flat)
    source, target = flat[kind]
    return Relation(
        RelationKind(kind),
        source,
        target,
        id=flat.get("id"),
        note=flat.get("note"),
        data=flat.get("data"),
    )


def _group(flat: Flat) -> Equivalence:
    return Equivalence(
        flat["nodes"], id=flat.get("id"), note=flat.get("note"), data=flat.get("data")
    )


# -- documents -> model ---------------------------------------------------------------------


def parse_yaml(text: str, path: str) -> tuple[CommentedMap | None, list[Problem]]:
    """Parse YAML text into a round-trip document, or a located syntax problem.

    A document whose top level is not a mapping is reported too.
    """
    try:
        doc = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(s) for s in (exc.context, exc.problem) if s) or "malformed YAML"
        code = "duplicate-key" if "duplicate key" in what else "yaml-syntax"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return None, [
            Problem(f"malformed YAML: {what}", code=code, path=path, line=line, column=column)
        ]
    except YAMLError as exc:
        return None, [Problem(f"malformed YAML: {exc}", code="yaml-syntax", path=path)]
    if doc is None:
        return None, [Problem("the file is empty", code="empty-file", path=path, line=1, column=1)]
    if not isinstance(doc, CommentedMap):
        return None, [
            Problem(
                f"the top level must be a mapping of fields, not {_describe(doc)}",
                code="wrong-type",
                path=path,
                line=1,
                column=1,
            )
        ]
    return doc, []


def is_corpus_document(doc: CommentedMap) -> bool:
    """Whether a parsed document is a corpus file (it has a top-level ``corpus`` key)."""
    return CORPUS_KEY in doc


def locate_findings(findings: Iterable[Finding], doc: Any, path: str) -> list[Problem]:
    """Turn findings into problems located by line and column in ``doc`` (from ``path``)."""
    locate = _Positions(doc)
    problems = []
    for f in findings:
        line, column = locate(f.pointer, f.part)
        problems.append(f.to_problem(path, line, column))
    return problems


def load_map_document(
    doc: CommentedMap, path: str, text: str
) -> tuple[ArgumentMap | None, list[Problem]]:
    """Build a map from a parsed document (of ``text``), or say everything wrong with it."""
    reader = _Reader()
    meta = reader.map_meta(doc)
    node_flats, node_ptrs, failed_nodes = reader.items(doc, "nodes", reader.node)
    edge_flats, edge_ptrs, failed_edges = reader.items(doc, "edges", reader.edge)
    nodes = [_node(f) for f in node_flats]
    edges = [_edge(f) for f in edge_flats]
    reader.findings += validate.graph_findings(
        nodes,
        edges,
        node_pointers=node_ptrs,
        edge_pointers=edge_ptrs,
        unparsed_ids=failed_nodes | failed_edges,
    )
    problems = locate_findings(reader.findings, doc, path)
    if any(p.is_error for p in problems):
        return None, problems
    m = ArgumentMap(
        id=meta["id"],
        title=meta["title"],
        nodes=nodes,
        edges=edges,
        authors=meta.get("authors", ()),
        venue=meta.get("venue"),
        date=meta.get("date"),
        url=meta.get("url"),
        summary=meta.get("summary"),
        text_file=meta.get("text_file"),
        data=meta.get("data"),
        origin=YamlOrigin(path, text, doc),
    )
    return m, problems


def load_corpus_document(
    doc: CommentedMap,
    path: str,
    maps: Sequence[ArgumentMap],
    text: str,
    unreadable_essays: Iterable[str] = (),
) -> tuple[Corpus | None, list[Problem]]:
    """Build a corpus from a parsed corpus file and its essays' maps.

    References to essays in ``unreadable_essays`` (maps that failed to load) are not
    reported, so one broken map does not bury the corpus file in follow-on errors.
    """
    reader = _Reader()
    meta = reader.corpus_meta(doc)
    group_flats, group_ptrs, _ = reader.items(doc, "equivalences", reader.group)
    relation_flats, relation_ptrs, _ = reader.items(doc, "relations", reader.relation)
    groups = [_group(f) for f in group_flats]
    relations = [_relation(f) for f in relation_flats]
    reader.findings += validate.cross_findings(
        maps,
        groups,
        relations,
        group_pointers=group_ptrs,
        relation_pointers=relation_ptrs,
        unreadable_essays=unreadable_essays,
    )
    problems = locate_findings(reader.findings, doc, path)
    if any(p.is_error for p in problems) or set(unreadable_essays):
        return None, problems
    corpus = Corpus(
        maps=maps,
        equivalences=groups,
        relations=relations,
        id=meta.get("id"),
        title=meta.get("title"),
        summary=meta.get("summary"),
        data=meta.get("data"),
        origin=YamlOrigin(path, text, doc),
    )
    return corpus, problems


def _raise_errors(problems: Sequence[Problem]) -> None:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ArgmapError.from_problems(errors)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ArgmapError(f"no such file: {path}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ArgmapError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=str(path)
        ) from None
    except OSError as exc:
        raise ArgmapError(f"cannot read: {exc.strerror}", path=str(path)) from None


def map_from_yaml(text: str, path: str = "<string>") -> ArgumentMap:
    """Read a map from YAML text.

    Raises
    ------
    ArgmapError
        With every problem of the text, each located by line and column.
    """
    doc, problems = parse_yaml(text, path)
    _raise_errors(problems)
    assert doc is not None
    if is_corpus_document(doc):
        raise ArgmapError(
            "this is a corpus file, not an essay map: use read_corpus", path=path, line=1, column=1
        )
    m, problems = load_map_document(doc, path, text)
    _raise_errors(problems)
    assert m is not None
    return m


def read_map(path: str | Path) -> ArgumentMap:
    """Read an essay's map from a YAML file.

    Raises
    ------
    ArgmapError
        If the file cannot be read or is not a valid map; lists every problem.
    """
    path = Path(path)
    return map_from_yaml(_read_text(path), str(path))


def yaml_files(directory: Path) -> list[Path]:
    """The YAML files directly inside a folder, sorted by name."""
    return sorted(p for p in directory.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def read_corpus(path: str | Path) -> Corpus:
    """Read a corpus: a folder of essay maps with (at most) one corpus file.

    ``path`` is the folder, or its corpus file. Without a corpus file the corpus has the
    maps and no cross-essay relations.

    Raises
    ------
    ArgmapError
        With every problem of every file.
    """
    path = Path(path)
    directory = path.parent if path.is_file() else path
    if not directory.is_dir():
        raise ArgmapError(f"no such folder: {directory}", path=str(directory))
    maps: list[ArgumentMap] = []
    corpus_files: list[tuple[Path, CommentedMap, str]] = []
    problems: list[Problem] = []
    for file in yaml_files(directory):
        text = _read_text(file)
        doc, found = parse_yaml(text, str(file))
        problems += found
        if doc is None:
            continue
        if is_corpus_document(doc):
            corpus_files.append((file, doc, text))
            continue
        m, found = load_map_document(doc, str(file), text)
        problems += found
        if m is not None:
            maps.append(m)
    if len(corpus_files) > 1:
        names = ", ".join(str(f) for f, _, _ in corpus_files)
        problems.append(
            Problem(
                f"more than one corpus file in {directory}: {names}",
                code="corpus-files",
                path=str(directory),
            )
        )
    problems += duplicate_essay_problems(maps)
    _raise_errors(problems)
    if not corpus_files:
        return Corpus(maps)
    file, doc, text = corpus_files[0]
    corpus, found = load_corpus_document(doc, str(file), maps, text)
    _raise_errors(found)
    assert corpus is not None
    return corpus


def duplicate_essay_problems(maps: Sequence[ArgumentMap]) -> list[Problem]:
    """One problem per map whose essay id an earlier map already has, at its ``id``."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for m in maps:
        if m.id in seen:
            path = m.origin.path if isinstance(m.origin, YamlOrigin) else None
            line, column = (
                _Positions(m.origin.document)(("id",))
                if isinstance(m.origin, YamlOrigin)
                else (None, None)
            )
            problems.append(
                Problem(
                    f"essay id '{m.id}' is also the id of {seen[m.id]}",
                    code="duplicate-id",
                    path=path,
                    line=line,
                    column=column,
                )
            )
        else:
            seen[m.id] = m.origin.path if isinstance(m.origin, YamlOrigin) else f"map {m.title!r}"
    return problems


# -- model -> documents ---------------------------------------------------------------------


def _render(key: str, value: Any) -> Any:
    """A flat value in its written form."""
    if key == "para":
        if len(value) == 1:
            return value[0]
        return _flow(list(value))
    if key in EDGE_KINDS or key in RELATION_KINDS:
        arrow = "<->" if key == "contradiction" else "->"
        return f"{value[0]} {arrow} {value[1]}"
    if key in _FLOW_KEYS:
        return _flow(list(value))
    if key == "data":
        return _commented(value)
    if key == "weight" and float(value).is_integer():
        return int(value)
    return value


_SAFE_IN_FLOW = re.compile(
    rf"[^\W\d][\w .'/()&+-]*(?<! )|{validate.ID_PATTERN}:{validate.ID_PATTERN}"
)


def _flow(items: list[Any]) -> CommentedSeq:
    """A one-line ``[a, b]`` list; items that are not plainly safe there are quoted.

    (ruamel can write an item such as ``?x`` bare, which its own parser then misreads.)
    """
    items = [
        item
        if not isinstance(item, str) or _SAFE_IN_FLOW.fullmatch(item)
        else DoubleQuotedScalarString(item)
        for item in items
    ]
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _commented(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_commented(v) for v in value)
    return value


def _merge_fields(
    item: CommentedMap, old: Flat | None, new: Flat, keys: Sequence[str], order: Sequence[str] = ()
) -> None:
    """Make ``item`` state ``new``, rewriting only the fields that differ from ``old``.

    ``keys`` are the fields this merge owns (others are left alone); ``order`` (default:
    ``keys``) is where a new field is inserted among the existing ones.
    """
    order = order or keys
    for key in [k for k in item if k in keys and k not in new]:
        del item[key]
    for key in keys:
        if key not in new:
            continue
        if old is not None and key in item and old.get(key) == new[key]:
            continue
        rendered = _render(key, new[key])
        if key in item:
            item[key] = rendered
        else:
            position = sum(1 for k in item if k in order and order.index(k) < order.index(key))
            item.insert(position, key, rendered)


def _merge_items(
    seq: CommentedSeq,
    old: Sequence[Flat | None],
    new: Sequence[Flat],
    identity: Callable[[Flat], Any],
    order: Sequence[str],
) -> None:
    """Make ``seq`` list ``new``, keeping the items (and their comments) that stay.

    An item whose identity was in ``seq`` is updated in place; the others are new. The
    comments ruamel keeps per position of the list move with their items.
    """
    kept: dict[Any, int] = {}
    for j, flat in enumerate(old):
        if flat is not None:
            kept.setdefault(identity(flat), j)
    items: list[CommentedMap] = []
    comments: dict[int, Any] = {}
    for i, flat in enumerate(new):
        at = kept.pop(identity(flat), None)
        if at is None:
            item = CommentedMap()
            _merge_fields(item, None, flat, order)
        else:
            item = seq[at]
            _merge_fields(item, old[at], flat, order)
            if at in seq.ca.items:
                comments[i] = seq.ca.items[at]
        items.append(item)
    if len(items) == len(seq) and all(a is b for a, b in zip(items, seq, strict=True)):
        return
    list.clear(seq)  # the plain list operations: ruamel's would shift comments item by item
    list.extend(seq, items)
    seq.ca.items.clear()
    seq.ca.items.update(comments)


def _merge_section(
    doc: CommentedMap,
    key: str,
    new: Sequence[Flat],
    read: Callable[[Any, Pointer], Flat | None],
    identity: Callable[[Flat], Any],
    item_keys: Sequence[str],
    order: Sequence[str],
    *,
    required: bool = False,
) -> None:
    """Make the list under ``key`` hold ``new`` (created, in its place in ``order``, if missing).

    A missing list that would stay empty is not created unless ``required``.
    """
    if not isinstance(doc.get(key), CommentedSeq):
        if not new and not required:
            return
        position = sum(1 for k in doc if k in order and order.index(k) < order.index(key))
        doc.insert(position, key, CommentedSeq())
    seq: CommentedSeq = doc[key]
    old = [read(value, (i,)) for i, value in enumerate(seq)]
    _merge_items(seq, old, new, identity, item_keys)


_MAP_ORDER = (*MAP_KEYS, "nodes", "edges")


def _map_document(m: ArgumentMap) -> tuple[CommentedMap, tuple[int, int, int]]:
    origin = m.origin if isinstance(m.origin, YamlOrigin) else None
    doc = origin.working_copy() if origin else CommentedMap()
    reader = _Reader()
    old_meta = reader.map_meta(doc) if origin else None
    _merge_fields(doc, old_meta, _flat_map_meta(m), MAP_KEYS, _MAP_ORDER)
    nodes = [_flat_node(n) for n in m.nodes]
    _merge_section(
        doc, "nodes", nodes, reader.node, _node_identity, NODE_KEYS, _MAP_ORDER, required=True
    )
    edges = [_flat_edge(e) for e in m.edges]
    _merge_section(doc, "edges", edges, reader.edge, _edge_identity, EDGE_KEYS, _MAP_ORDER)
    return doc, origin.indent if origin else (2, 4, 2)


def _node_identity(flat: Flat) -> Any:
    return flat.get("id")


def _group_identity(flat: Flat) -> Any:
    return flat.get("id") or frozenset(flat.get("nodes", ()))


def _edge_identity(flat: Flat) -> tuple[str, Any]:
    kind = next((k for k in (*EDGE_KINDS, *RELATION_KINDS) if k in flat), "")
    ends = flat.get(kind)
    if kind == "contradiction" and ends is not None:
        ends = tuple(sorted(ends))
    return (kind, ends)


def _dump(doc: CommentedMap, indent: tuple[int, int, int]) -> str:
    out = io.StringIO()
    _yaml(indent).dump(doc, out)
    return out.getvalue()


def map_to_yaml(m: ArgumentMap) -> str:
    """The map as YAML text; a map read from YAML keeps its comments and layout."""
    return _dump(*_map_document(m))


def write_map(m: ArgumentMap, path: str | Path) -> None:
    """Write a map to a YAML file (see :func:`map_to_yaml`)."""
    Path(path).write_text(map_to_yaml(m), encoding="utf-8")


_CORPUS_ORDER = (CORPUS_KEY, "equivalences", "relations")


def corpus_to_yaml(corpus: Corpus) -> str:
    """The corpus file (metadata and cross-essay relations) as YAML text."""
    origin = corpus.origin if isinstance(corpus.origin, YamlOrigin) else None
    doc = origin.working_copy() if origin else CommentedMap()
    reader = _Reader()
    meta = _drop_empty({key: getattr(corpus, key) for key in CORPUS_META_KEYS})
    if not isinstance(doc.get(CORPUS_KEY), CommentedMap):
        doc.insert(0, CORPUS_KEY, CommentedMap())
        old_meta = None
    else:
        old_meta = reader.corpus_meta(doc)
    _merge_fields(doc[CORPUS_KEY], old_meta, meta, CORPUS_META_KEYS)
    groups = [_flat_group(g) for g in corpus.equivalences]
    _merge_section(
        doc, "equivalences", groups, reader.group, _group_identity, GROUP_KEYS, _CORPUS_ORDER
    )
    relations = [_flat_relation(r) for r in corpus.relations]
    _merge_section(
        doc, "relations", relations, reader.relation, _edge_identity, RELATION_KEYS, _CORPUS_ORDER
    )
    return _dump(doc, origin.indent if origin else (2, 4, 2))


def write_corpus(corpus: Corpus, directory: str | Path, corpus_file: str = "corpus.yaml") -> None:
    """Write a corpus to a folder: each map as ``<essay-id>.yaml`` and the corpus file.

    Maps and a corpus read from that folder are written back to the files they came from.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for m in corpus.maps:
        origin = m.origin if isinstance(m.origin, YamlOrigin) else None
        name = Path(origin.path).name if origin else f"{m.id}.yaml"
        write_map(m, directory / name)
    origin = corpus.origin if isinstance(corpus.origin, YamlOrigin) else None
    name = Path(origin.path).name if origin else corpus_file
    (directory / name).write_text(corpus_to_yaml(corpus), encoding="utf-8")

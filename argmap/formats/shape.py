"""The shape of argmap's YAML files, written once as data.

(It lives beside the ``yaml`` package rather than in it so that :mod:`argmap.graph` and
:mod:`argmap.formats.aif` can take their key lists from it without loading ruamel.)

Each kind of object in a file (the map, a node, an edge, the corpus file, its ``corpus``
mapping, an equivalence group, a relation) is a :class:`Shape`: its fields in the order a
fresh file writes them, which are required, which must appear exactly once among several
(an edge is *one* of ``support`` or ``attack``), and what type each has. The reader takes its
key lists and closed sets from here, :mod:`argmap.graph` and :mod:`argmap.formats.aif` their
metadata keys, and :func:`json_schema` builds the JSON Schemas that
:mod:`argmap.schema` serves (``tools/generate_schemas.py`` writes them to
``argmap/schemas``; a test checks that the committed files are up to date).

This module imports nothing but the standard library and argmap's model constants.

>>> [f.name for f in NODE.fields if f.required]
['id', 'kind', 'text']
>>> EDGE.one_of
('support', 'attack')
>>> NODE.field("kind").values
('claim', 'evidence', 'recommendation')
>>> json_schema("map")["properties"]["nodes"]["items"]
{'$ref': '#/$defs/node'}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from argmap.model import ID_PATTERN, EdgeKind, NodeKind, RelationKind
from argmap.model.invariants import NODE_ID_PATTERN
from argmap.options import Role

__all__ = [
    "AIF_META",
    "CORPUS",
    "CORPUS_FILE",
    "CORPUS_KEY",
    "EDGE",
    "GROUP",
    "MAP",
    "MAP_META",
    "NODE",
    "RELATION",
    "SHAPES",
    "Field",
    "Shape",
    "json_schema",
    "schema_text",
]

CORPUS_KEY = "corpus"
"""The top-level key that marks a corpus file."""


@dataclass(frozen=True)
class Field:
    """One field of an object in a file.

    ``type`` names a value type of :data:`TYPES` (or ``list`` / ``mapping`` of a
    ``shape``); ``values`` is the closed set of values, when there is one.
    """

    name: str
    type: str
    description: str = ""
    required: bool = False
    values: tuple[str, ...] = ()
    shape: str | None = None
    nullable: bool = False
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """Further JSON Schema keywords of this field (``minItems``, a ``description`` override)."""


@dataclass(frozen=True)
class Shape:
    """An object of a file: its fields (in writing order) and how they combine."""

    name: str
    title: str
    fields: tuple[Field, ...]
    one_of: tuple[str, ...] = ()
    """Exactly one of these fields must be present (an edge's or a relation's kind)."""
    needs: tuple[tuple[str, str], ...] = ()
    """``(a, b)``: field ``a`` needs field ``b`` (a quote needs its paragraphs)."""

    @property
    def keys(self) -> tuple[str, ...]:
        """Every field name, in writing order."""
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        """The names of the required fields."""
        return tuple(f.name for f in self.fields if f.required)

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        return next(f for f in self.fields if f.name == name)


_ID = "^" + ID_PATTERN + "$"
_WORD = r"[^:\s]+"
_REF = f"{_WORD}:{_WORD}"
_NODE = f"(?:{NODE_ID_PATTERN})"

TYPES: dict[str, dict[str, Any]] = {
    "id": {
        "type": "string",
        "pattern": _ID,
        "description": "Letters, digits, '_', '.' and inner '-'. Node and edge ids share one "
        "namespace per map.",
    },
    "text": {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"},
    "texts": {
        "oneOf": [
            {"type": "string", "pattern": r"\S"},
            {"type": "array", "items": {"type": "string", "pattern": r"\S"}},
        ]
    },
    "string": {"type": "string"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {
        "anyOf": [
            {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ],
    },
    "reason": {
        "type": "string",
        "pattern": rf"^\s*{_NODE}(\s*\+\s*{_NODE})*\s*->\s*{_NODE}\s*$",
        "description": "premise -> conclusion, or premise + premise + ... -> conclusion: a "
        "linked reason, whose premises support the conclusion only together.",
        "examples": ["e1 -> c1", "e1 + e2 -> c1"],
    },
    "arrow": {
        "type": "string",
        "pattern": rf"^\s*{_NODE}\s*->\s*{_NODE}\s*$",
        "description": "attacker -> target: node ids (an attack may target a support edge's "
        "id: an undercut).",
    },
    "para": {
        "oneOf": [
            {"type": "integer", "minimum": 1},
            {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1},
        ],
        "description": "Paragraph number(s) in the essay's text, counting its non-empty lines "
        "from 1.",
        "examples": [3, [13, 14]],
    },
    "quote": {
        "type": "string",
        "pattern": r"\S",
        "description": "A few words from the cited paragraph(s), to find the place. Needs 'para'.",
    },
    "note": {"type": "string", "description": "The encoder's remark; not part of the argument."},
    "roles": {
        "type": "object",
        "additionalProperties": {
            "oneOf": [{"type": "string", "pattern": f"^{_NODE}$"}, {"type": "null"}]
        },
        "description": "role: premise id for each role of the reason's scheme, or role: ~ "
        "(null) for a premise the essay leaves unstated.",
        "examples": [{"goal": "c-stability", "means": "c-cooperation"}],
    },
    "question": {
        "type": "string",
        "pattern": rf"^(.*\S.*:)?{ID_PATTERN}$",
        "description": "A critical question's id (of the reason this edge's target is, or is "
        "a premise or conclusion of), or REASON:QUESTION naming the reason.",
        "examples": ["side-effects", "s-lift:alternatives"],
    },
    "data": {"type": "object", "description": "Any further data, kept as it is on load and save."},
    "ref": {
        "type": "string",
        "pattern": f"^{ID_PATTERN}:{ID_PATTERN}$",
        "description": "essay-id:node-id",
    },
    "ref-arrow": {
        "type": "string",
        "pattern": rf"^\s*{_REF}\s*->\s*{_REF}\s*$",
        "description": "essay-a:node -> essay-b:node",
    },
    "ref-contradiction": {
        "type": "string",
        "pattern": rf"^\s*{_REF}\s*<->\s*{_REF}\s*$",
        "description": "essay-a:node <-> essay-b:node",
    },
}
"""The value types, as JSON Schema (each a ``$defs`` entry of the schemas that use it)."""

_NOTE = Field("note", "note")
_DATA = Field("data", "data")
_PARA = Field("para", "para")
_QUOTE = Field("quote", "quote")

MAP = Shape(
    "map",
    "the map",
    (
        Field(
            "id",
            "id",
            "The essay's id, used in essay-id:node-id references across a corpus.",
            required=True,
        ),
        Field("title", "text", "The essay's title.", required=True),
        Field(
            "role",
            "choice",
            "What the map is: essay (the default when absent) or comments (reader comments on "
            "another document, named by responds_to). Consensus and consistency count essays "
            "unless asked to include comments.",
            values=tuple(str(r) for r in Role),
        ),
        Field(
            "responds_to",
            "id",
            "The id of the essay this map comments on; in a corpus it must name an essay.",
        ),
        Field("authors", "texts", "Who wrote the essay: a name or a list of names."),
        Field("venue", "text", "Where the essay was published."),
        Field(
            "date",
            "date",
            "Publication date, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD (a bare year may be a number).",
            extra={"examples": ["2019-11", "2021-03-15"]},
        ),
        Field("url", "string", "Where the essay can be read."),
        Field(
            "text_file",
            "string",
            "The essay's text, relative to this file; 'para' numbers count its non-empty lines.",
        ),
        Field("summary", "text", "A few sentences on what the essay argues."),
        _DATA,
        Field(
            "nodes",
            "list",
            "The claims, evidence and recommendations.",
            required=True,
            shape="node",
        ),
        Field("edges", "list", "The supports and attacks.", shape="edge", nullable=True),
    ),
)

NODE = Shape(
    "node",
    "a node",
    (
        Field("id", "id", required=True),
        Field(
            "kind",
            "choice",
            "claim: a proposition; evidence: a cited fact (event, figure, poll, ruling); "
            "recommendation: a course of action urged on an actor.",
            required=True,
            values=tuple(k.value for k in NodeKind),
        ),
        Field("actors", "texts", "Recommendations only: who is urged to act."),
        Field(
            "text",
            "text",
            "What the essay says here, paraphrased in your own words.",
            required=True,
        ),
        _PARA,
        _QUOTE,
        Field("tags", "texts", "Free labels for filtering."),
        Field(
            "weight",
            "number",
            "Optional base weight in [0, 1].",
            extra={"minimum": 0, "maximum": 1},
        ),
        _NOTE,
        _DATA,
    ),
    needs=(("quote", "para"),),
)

EDGE = Shape(
    "edge",
    "an edge",
    (
        Field(
            "support",
            "reason",
            "A reason: premise -> conclusion, or a + b -> conclusion for linked premises "
            "(jointly one reason). Several supports of one conclusion are convergent reasons.",
        ),
        Field(
            "attack", "arrow", "attacker -> attacked node, or -> a support edge's id (an undercut)"
        ),
        Field("id", "id", "Needed only if an undercut targets this edge."),
        Field(
            "scheme",
            "text",
            "Supports only: the argumentation scheme the reason instantiates: an id, name or "
            "AIF name from the scheme catalogue (argmap schemes), or free text.",
        ),
        Field("roles", "roles", "Supports only: which premise fills which of the scheme's roles."),
        Field("answers", "question", "The critical question this edge answers."),
        _PARA,
        _QUOTE,
        _NOTE,
        _DATA,
    ),
    one_of=tuple(k.value for k in EdgeKind),
    needs=(("quote", "para"),),
)

CORPUS = Shape(
    "corpus",
    "'corpus'",
    (
        Field("id", "id"),
        Field("title", "string"),
        Field("summary", "string"),
        Field("data", "data"),
    ),
)

GROUP = Shape(
    "group",
    "an equivalence group",
    (
        Field("id", "id"),
        Field("nodes", "refs", required=True, extra={"minItems": 2}),
        Field("note", "string", "Why these say the same thing."),
        Field("data", "data"),
    ),
)

RELATION = Shape(
    "relation",
    "a relation",
    (
        Field("support", "ref-arrow"),
        Field("attack", "ref-arrow"),
        Field("contradiction", "ref-contradiction"),
        Field("id", "id"),
        Field("note", "string", "The rationale: why one argues for or against the other."),
        Field(
            "hindsight",
            "boolean",
            "The source, written later, reports events after the target's essay was written: "
            "later evidence, not a disagreement between the authors. Not on a contradiction.",
        ),
        Field("data", "data"),
    ),
    one_of=tuple(k.value for k in RelationKind),
)

CORPUS_FILE = Shape(
    "corpus-file",
    "the corpus file",
    (
        Field(
            CORPUS_KEY,
            "mapping",
            "What the corpus is about.",
            required=True,
            shape="corpus",
            nullable=True,
        ),
        Field(
            "equivalences",
            "list",
            "Groups of nodes from different essays that state the same proposition.",
            shape="group",
            nullable=True,
        ),
        Field(
            "relations",
            "list",
            "Cross-essay support, attack and contradiction (a symmetric attack).",
            shape="relation",
            nullable=True,
        ),
    ),
)

MAP_META = tuple(f.name for f in MAP.fields if f.type != "list")
"""A map's metadata fields (all but its nodes and edges), in writing order."""

AIF_META = tuple(
    f.name for f in MAP.fields if f.type not in ("list", "data") and f.name != "text_file"
)
"""The metadata an AIF document keeps under its ``argmap`` key (AIF has no place for the
essay's text file or further data)."""

SHAPES: dict[str, Shape] = {
    s.name: s for s in (MAP, NODE, EDGE, CORPUS_FILE, CORPUS, GROUP, RELATION)
}
"""Every shape by name."""

_FILES = {
    "map": (
        MAP,
        "argmap essay map",
        "The bipolar argument map of one essay: claims, evidence and recommendations joined "
        "by support and attack edges. See docs/format.md.",
    ),
    "corpus": (
        CORPUS_FILE,
        "argmap corpus file",
        "The relations across the essay maps in the same folder: equivalence groups and "
        "cross-essay supports, attacks and contradictions. See docs/format.md.",
    ),
}


class _Builder:
    """Builds one schema, collecting the ``$defs`` its fields refer to."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str, definition: dict[str, Any]) -> dict[str, Any]:
        self.defs.setdefault(name, definition)
        return {"$ref": f"#/$defs/{name}"}

    def value(self, f: Field) -> dict[str, Any]:
        if f.type == "choice":
            return {"enum": list(f.values)}
        if f.type == "list":
            assert f.shape is not None
            kind: Any = ["array", "null"] if f.nullable else "array"
            return {"type": kind, "items": self.ref(f.shape, self.shape(SHAPES[f.shape]))}
        if f.type == "mapping":
            assert f.shape is not None
            inner = self.shape(SHAPES[f.shape])
            inner["type"] = ["object", "null"] if f.nullable else "object"
            return inner
        if f.type == "refs":
            return {"type": "array", "items": self.ref("ref", dict(TYPES["ref"]))}
        if f.type in ("string", "number", "date"):
            return dict(TYPES[f.type])
        return self.ref(f.type, dict(TYPES[f.type]))

    def property(self, f: Field) -> dict[str, Any]:
        schema = self.value(f)
        schema.update(f.extra)
        if f.description:
            schema["description"] = f.description
        return schema

    def shape(self, shape: Shape) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object"}
        if shape.required:
            schema["required"] = list(shape.required)
        schema["additionalProperties"] = False
        if shape.one_of:
            schema["oneOf"] = [{"required": [k]} for k in shape.one_of]
        schema["properties"] = {f.name: self.property(f) for f in shape.fields}
        if shape.needs:
            schema["dependentRequired"] = {a: [b] for a, b in shape.needs}
        return schema


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a file: ``name`` is ``map`` or ``corpus``.

    Raises
    ------
    KeyError
        For another name.
    """
    shape, title, description = _FILES[name]
    builder = _Builder()
    body = builder.shape(shape)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://argmap.dev/schemas/{name}.schema.json",
        "title": title,
        "description": description,
        **body,
        "$defs": builder.defs,
    }


def schema_text(name: str) -> str:
    """:func:`json_schema` as the text of its file in ``argmap/schemas``."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"

r"""Reading YAML documents into the model: the shape validator and dict → model conversion.

The reader walks a parsed document item by item against the shapes of
:mod:`argmap.formats.shape`, collects every problem (a wrong type, an unknown or missing
field, a bad arrow) as a finding with a pointer, then checks the model's invariants on what
it could read, and locates all findings by line and column at once.

>>> m = map_from_yaml("id: t\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A.}\n")
>>> [n.id for n in m.nodes], m.origin.path
(['a'], '<string>')
>>> map_from_yaml("id: t\ntitle: T\nnodes:\n  - {id: a, kind: claim, txt: A.}\n")
Traceback (most recent call last):
...
argmap.errors.ArgmapError: 2 problems:
<string>:4:26: error: unknown field 'txt' in node 'a' (did you mean 'text'?); allowed: id, kind, actors, text, para, quote, tags, weight, note, data [unknown-field]
<string>:4:5: error: node 'a' is missing the required field 'text' [missing-field]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap

from argmap.errors import ArgmapError, Problem, Severity
from argmap.formats.shape import (
    CORPUS,
    CORPUS_FILE,
    CORPUS_KEY,
    EDGE,
    GROUP,
    MAP,
    NODE,
    RELATION,
)
from argmap.formats.yaml.document import (
    ARROW,
    PLUS,
    Source,
    describe,
    plain,
    read_yaml,
    round_trip,
)
from argmap.formats.yaml.positions import locate_findings
from argmap.model import (
    ArgumentMap,
    Corpus,
    Edge,
    Equivalence,
    Locator,
    Node,
    Origin,
    Relation,
    RelationKind,
)
from argmap.model import invariants as validate
from argmap.model.invariants import Finding, Pointer
from argmap.options import closest

__all__ = [
    "Flat",
    "Reader",
    "is_corpus_document",
    "load_corpus_document",
    "load_map_document",
    "map_from_yaml",
    "raise_errors",
]

Flat = dict[str, Any]
"""An item as its YAML keys see it: ``{"id": "c1", "para": (3,), "support": (("a",), "b")}``
(an edge's arrow as its premises and target, a relation's as its two ends)."""

_MAP_TEXTS = tuple(f.name for f in MAP.fields if f.type in ("id", "text", "string", "date", "data"))
NODE_KINDS = NODE.field("kind").values
ROLES = MAP.field("role").values


class Reader:
    """Reads the items of one document into flat dictionaries, collecting findings."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def fail(self, pointer: Pointer, message: str, code: str, part: str | None = None) -> None:
        """Record a finding."""
        self.findings.append(Finding(pointer, message, code, part=part))

    def mapping(self, value: Any, pointer: Pointer, what: str) -> dict[str, Any] | None:
        """``value`` if it is a mapping, else a finding and ``None``."""
        if isinstance(value, dict):
            return value
        self.fail(
            pointer, f"{what} must be a mapping of fields, not {describe(value)}", "wrong-type"
        )
        return None

    def sequence(self, value: Any, pointer: Pointer, what: str) -> list[Any]:
        """``value`` as a list (none: empty), or a finding."""
        if value is None:
            return []
        if isinstance(value, list):
            return list(value)
        self.fail(pointer, f"'{what}' must be a list, not {describe(value)}", "wrong-type")
        return []

    def fields(
        self,
        item: dict[str, Any],
        pointer: Pointer,
        allowed: Sequence[str],
        required: Sequence[str],
        what: str,
    ) -> None:
        """Report unknown fields (with the closest allowed one) and missing required ones."""
        for key in item:
            if key not in allowed:
                hint = closest(str(key), list(allowed))
                suggestion = f" (did you mean '{hint}'?)" if hint else ""
                self.fail(
                    (*pointer, key),
                    f"unknown field '{key}' in {what}{suggestion}; allowed: {', '.join(allowed)}",
                    "unknown-field",
                    part="key",
                )
        for key in required:
            if key not in item:
                self.fail(pointer, f"{what} is missing the required field '{key}'", "missing-field")

    def text(self, item: dict[str, Any], key: str, pointer: Pointer) -> str | None:
        """The text under ``key`` (numbers and dates as text), if present and valid."""
        if key not in item:
            return None
        value = item[key]
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return str(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        self.fail((*pointer, key), f"'{key}' must be text, not {describe(value)}", "wrong-type")
        return None

    def texts(self, item: dict[str, Any], key: str, pointer: Pointer) -> tuple[str, ...] | None:
        """A text or list of texts under ``key``, as a tuple."""
        if key not in item:
            return None
        value = item[key]
        values = list(value) if isinstance(value, list) else [value]
        if all(isinstance(v, str) and v.strip() for v in values):
            return tuple(str(v) for v in values)
        self.fail((*pointer, key), f"'{key}' must be a text or a list of texts", "wrong-type")
        return None

    def number(self, item: dict[str, Any], key: str, pointer: Pointer) -> float | None:
        """The number under ``key``."""
        if key not in item:
            return None
        value = item[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        self.fail((*pointer, key), f"'{key}' must be a number, not {describe(value)}", "wrong-type")
        return None

    def flag(self, item: dict[str, Any], key: str, pointer: Pointer) -> bool:
        """The ``true``/``false`` under ``key`` (``False`` when absent or not a boolean)."""
        value = item.get(key, False)
        if isinstance(value, bool):
            return value
        self.fail(
            (*pointer, key), f"'{key}' must be true or false, not {describe(value)}", "wrong-type"
        )
        return False

    def paragraphs(self, item: dict[str, Any], pointer: Pointer) -> tuple[int, ...] | None:
        """The ``para`` number(s)."""
        if "para" not in item:
            return None
        value = item["para"]
        values = list(value) if isinstance(value, list) else [value]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return tuple(int(v) for v in values)
        self.fail(
            (*pointer, "para"),
            "'para' must be a paragraph number or a list of them, like 3 or [3, 4]",
            "wrong-type",
        )
        return None

    def data(self, item: dict[str, Any], pointer: Pointer) -> dict[str, Any] | None:
        """The ``data`` mapping, as plain Python."""
        if "data" not in item:
            return None
        value = item["data"]
        if not isinstance(value, dict):
            self.fail(
                (*pointer, "data"),
                f"'data' must be a mapping, not {describe(value)}",
                "wrong-type",
            )
            return None
        converted = plain(value)
        assert isinstance(converted, dict)
        return converted

    def arrow(
        self, item: dict[str, Any], key: str, pointer: Pointer, *, symmetric: bool
    ) -> tuple[str, str] | None:
        """The two ends of ``a -> b`` (``a <-> b`` if ``symmetric``)."""
        value = item[key]
        example = "a <-> b" if symmetric else "a -> b"
        if not isinstance(value, str):
            self.fail(
                (*pointer, key),
                f"'{key}' must be written '{example}', not {describe(value)}",
                "wrong-type",
            )
            return None
        match = ARROW.fullmatch(value)
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

    def locator(self, item: dict[str, Any], flat: Flat, pointer: Pointer) -> None:
        """Read ``para`` and ``quote`` into ``flat``."""
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
        self, doc: dict[str, Any], key: str, read: Callable[[Any, Pointer], Flat | None]
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
            elif isinstance(value, dict) and isinstance(value.get("id"), str):
                failed.add(value["id"])
        return flats, pointers, failed

    def optional(self, item: dict[str, Any], flat: Flat, pointer: Pointer, *keys: str) -> None:
        """Read the text (or ``data``) fields ``keys`` that are present into ``flat``."""
        for key in keys:
            value = self.data(item, pointer) if key == "data" else self.text(item, key, pointer)
            if value is not None:
                flat[key] = value

    # -- items -----------------------------------------------------------------------------

    def map_meta(self, doc: dict[str, Any]) -> Flat:
        """The map's metadata fields."""
        self.fields(doc, (), MAP.keys, MAP.required, MAP.title)
        flat: Flat = {}
        self.optional(doc, flat, (), *_MAP_TEXTS)
        authors = self.texts(doc, "authors", ())
        if authors is not None:
            flat["authors"] = authors
        if "role" in doc:
            self.role(doc["role"], flat)
        if "id" in flat and "title" in flat:
            self.findings += validate.metadata_findings(
                id=flat["id"],
                title=flat["title"],
                date=flat.get("date"),
                responds_to=flat.get("responds_to"),
            )
        return flat

    def role(self, role: Any, flat: Flat) -> None:
        """Read the map's ``role`` into ``flat``, or say which role was probably meant."""
        if role in ROLES:
            flat["role"] = str(role)
            return
        hint = closest(str(role), list(ROLES))
        suggestion = f" (did you mean '{hint}'?)" if hint else ""
        self.fail(
            ("role",),
            f"unknown role '{role}'{suggestion}; known roles: {', '.join(ROLES)}",
            "invalid-value",
        )

    def node(self, value: Any, pointer: Pointer) -> Flat | None:
        """One node, or ``None`` if it cannot be read."""
        item = self.mapping(value, pointer, "a node")
        if item is None:
            return None
        name = f"node '{item['id']}'" if isinstance(item.get("id"), str) else "a node"
        self.fields(item, pointer, NODE.keys, NODE.required, name)
        flat: Flat = {}
        self.optional(item, flat, pointer, "id", "text", "note", "data")
        if "kind" in item:
            kind = item["kind"]
            if kind in NODE_KINDS:
                flat["kind"] = str(kind)
            else:
                hint = closest(str(kind), list(NODE_KINDS))
                suggestion = f" (did you mean '{hint}'?)" if hint else ""
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
    ) -> tuple[dict[str, Any], Flat, str] | None:
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
        """One edge, or ``None``.

        Its arrow is read into ``(premises, target)``: ``a + b -> c`` gives
        ``(("a", "b"), "c")``, a one-premise ``a -> c`` gives ``(("a",), "c")``.
        """
        found = self._kinded(value, pointer, EDGE.one_of, EDGE.keys, EDGE.title)
        if found is None:
            return None
        item, flat, kind = found
        self.locator(item, flat, pointer)
        self.scheme(item, flat, pointer)
        self.optional(item, flat, pointer, "answers")
        self.roles(item, flat, pointer)
        ends = self.arrow(item, kind, pointer, symmetric=False)
        if ends is None:
            return None
        premises = self.premises(ends[0], (*pointer, kind))
        if premises is None:
            return None
        flat[kind] = (premises, ends[1])
        self.findings += validate.edge_findings(
            kind=kind,
            source=premises[0],
            target=ends[1],
            id=flat.get("id"),
            pointer=pointer,
            linked=premises[1:],
            roles=flat.get("roles"),
            answers=flat.get("answers"),
        )
        return flat

    def roles(self, item: dict[str, Any], flat: Flat, pointer: Pointer) -> None:
        """Read a reason's ``roles`` (a mapping of role names to premise ids) into ``flat``."""
        if "roles" not in item:
            return
        value = item["roles"]
        at = (*pointer, "roles")
        if not isinstance(value, dict):
            self.fail(
                at, f"'roles' must be a mapping role: premise, not {describe(value)}", "wrong-type"
            )
            return
        roles = {}
        for role, premise in value.items():
            if not isinstance(role, str) or not role.strip():
                self.fail(at, f"a role's name must be text, not {describe(role)}", "wrong-type")
            elif premise is not None and (not isinstance(premise, str) or not premise.strip()):
                message = (
                    f"role '{role}' must name a premise (a node id), or be ~ for a premise "
                    f"the essay leaves unstated, not {describe(premise)}"
                )
                self.fail((*at, role), message, "wrong-type")
            else:
                roles[role] = premise
        flat["roles"] = roles

    def scheme(self, item: dict[str, Any], flat: Flat, pointer: Pointer) -> None:
        """Read a reason's ``scheme`` (free text, not blank) into ``flat``."""
        scheme = self.text(item, "scheme", pointer)
        if scheme is None:
            return
        if scheme.strip():
            flat["scheme"] = scheme
        else:
            self.fail((*pointer, "scheme"), "'scheme' must not be blank", "invalid-value")

    def premises(self, source: str, pointer: Pointer) -> tuple[str, ...] | None:
        """The premises of an arrow's source ``a + b``, or ``None`` if one of them is empty."""
        premises = tuple(p.strip() for p in source.split(PLUS))
        for i, premise in enumerate(premises):
            if not premise:
                self.fail(
                    pointer,
                    f"empty premise in '{source}': join premises with '+', like 'a + b -> c'",
                    "empty-premise",
                    part=f"premise:{i}",
                )
                return None
        return premises

    def corpus_meta(self, doc: dict[str, Any]) -> Flat:
        """The corpus file's ``corpus`` mapping."""
        self.fields(doc, (), CORPUS_FILE.keys, CORPUS_FILE.required, CORPUS_FILE.title)
        meta = doc.get(CORPUS_KEY)
        if meta is None:
            return {}
        item = self.mapping(meta, (CORPUS_KEY,), "'corpus'")
        if item is None:
            return {}
        self.fields(item, (CORPUS_KEY,), CORPUS.keys, CORPUS.required, CORPUS.title)
        flat: Flat = {}
        self.optional(item, flat, (CORPUS_KEY,), *CORPUS.keys)
        if "id" in flat:
            self.findings += validate.id_findings(flat["id"], (CORPUS_KEY, "id"), "corpus id")
        return flat

    def group(self, value: Any, pointer: Pointer) -> Flat | None:
        """One equivalence group, or ``None``."""
        item = self.mapping(value, pointer, "an equivalence group")
        if item is None:
            return None
        self.fields(item, pointer, GROUP.keys, GROUP.required, GROUP.title)
        flat: Flat = {}
        self.optional(item, flat, pointer, "id", "note", "data")
        members = self.texts(item, "nodes", pointer)
        if members is None:
            return None
        refs = []
        for j, member in enumerate(members):
            ref = self.ref(
                member,
                (*pointer, "nodes", j) if isinstance(item["nodes"], list) else (*pointer, "nodes"),
            )
            if ref is None:
                return None
            refs.append(ref)
        flat["nodes"] = tuple(refs)
        if "id" in flat:
            self.findings += validate.id_findings(flat["id"], (*pointer, "id"))
        return flat

    def ref(self, text: str, pointer: Pointer, part: str | None = None) -> str | None:
        """``text`` if it is a valid ``essay:node`` reference, else ``None`` and a finding."""
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
        """One cross-essay relation, or ``None``."""
        found = self._kinded(value, pointer, RELATION.one_of, RELATION.keys, RELATION.title)
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
        if self.flag(item, "hindsight", pointer):
            if kind == "contradiction":
                self.findings += validate.hindsight_findings((*pointer, "hindsight"))
                return None
            flat["hindsight"] = True
        return flat


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
    kind = next(k for k in EDGE.one_of if k in flat)
    (source, *linked), target = flat[kind]
    return Edge(
        kind,
        source,
        target,
        id=flat.get("id"),
        locator=_locator(flat),
        note=flat.get("note"),
        data=flat.get("data"),
        linked=linked,
        scheme=flat.get("scheme"),
        roles=flat.get("roles"),
        answers=flat.get("answers"),
    )


def _relation(flat: Flat) -> Relation:
    kind = next(k for k in RELATION.one_of if k in flat)
    source, target = flat[kind]
    return Relation(
        RelationKind(kind),
        source,
        target,
        id=flat.get("id"),
        note=flat.get("note"),
        data=flat.get("data"),
        hindsight=flat.get("hindsight", False),
    )


def _group(flat: Flat) -> Equivalence:
    return Equivalence(
        flat["nodes"], id=flat.get("id"), note=flat.get("note"), data=flat.get("data")
    )


def _control_findings(doc: dict[str, Any], text: str) -> list[Finding]:
    r"""A finding for each text of the document (of ``text``) that holds a control character.

    A value holds one only if the text does, or a double-quoted escape (``"\x0b"``) puts it
    there: without either there is nothing to look for.
    """
    if "\\" not in text and not validate.CONTROL_CHARACTERS.search(text.replace("\r\n", "\n")):
        return []
    return [f for f in validate.value_findings(doc) if f.code == "control-character"]


def is_corpus_document(doc: dict[str, Any]) -> bool:
    """Whether a parsed document is a corpus file (it has a top-level ``corpus`` key)."""
    return CORPUS_KEY in doc


def load_map_document(
    doc: dict[str, Any], path: str, text: str
) -> tuple[ArgumentMap | None, list[Problem]]:
    """Build a map from a parsed document (of ``text``), or say everything wrong with it."""
    reader = Reader()
    reader.findings += _control_findings(doc, text)
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
    if reader.findings and not isinstance(doc, CommentedMap):  # read again, to locate them
        rt, problems = round_trip(doc, text, path)
        return load_map_document(rt, path, text) if rt is not None else (None, problems)
    problems = locate_findings(dict.fromkeys(reader.findings), doc, path)
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
        role=meta.get("role"),
        responds_to=meta.get("responds_to"),
        data=meta.get("data"),
        origin=Origin(path, Source(text, doc if isinstance(doc, CommentedMap) else None)),
    )
    return m, problems


def load_corpus_document(
    doc: dict[str, Any],
    path: str,
    maps: Sequence[ArgumentMap],
    text: str,
    unreadable_essays: Iterable[str] = (),
) -> tuple[Corpus | None, list[Problem]]:
    """Build a corpus from a parsed corpus file and its essays' maps.

    References to essays in ``unreadable_essays`` (maps that failed to load) are not
    reported, so one broken map does not bury the corpus file in follow-on errors.
    """
    reader = Reader()
    reader.findings += _control_findings(doc, text)
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
    if reader.findings and not isinstance(doc, CommentedMap):  # read again, to locate them
        rt, problems = round_trip(doc, text, path)
        if rt is None:
            return None, problems
        return load_corpus_document(rt, path, maps, text, unreadable_essays)
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
        origin=Origin(path, Source(text, doc if isinstance(doc, CommentedMap) else None)),
    )
    return corpus, problems


def raise_errors(problems: Sequence[Problem]) -> None:
    """Raise the errors among ``problems`` (warnings alone pass)."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ArgmapError.from_problems(errors)


def map_from_yaml(text: str, path: str = "<string>") -> ArgumentMap:
    """Read a map from YAML text.

    Raises
    ------
    ArgmapError
        With every problem of the text, each located by line and column.
    """
    doc, problems = read_yaml(text, path)
    raise_errors(problems)
    assert doc is not None
    if is_corpus_document(doc):
        raise ArgmapError(
            "this is a corpus file, not an essay map: use read_corpus", path=path, line=1, column=1
        )
    m, problems = load_map_document(doc, path, text)
    raise_errors(problems)
    assert m is not None
    return m

"""AIF JSON (the Argument Interchange Format as exported by AIFdb and OVA), both ways.

Reading keeps the argument layer as a map and everything else as data:

- an **I-node** becomes a node (a claim unless ``kinds`` says otherwise), its id the AIF
  ``nodeID``;
- an **RA-node** (inference) becomes one *reason* for each of its I-node conclusions: a
  support whose premises are all the RA's I-node premises (several premises: one linked
  reason, ``Edge.linked``), named by the RA's id (``RA-conclusion`` when it has several
  conclusions); several RA-nodes into one conclusion are convergent reasons. The RA's
  scheme (its ``scheme`` field, else its text) is the reason's ``scheme``, except AIFdb's
  ``Default Inference``, which names no scheme;
- a **CA-node** (conflict) becomes an attack from each I-node source to each I-node target,
  and an *undercut* of the reason(s) of an RA-node it targets;
- an **MA-node** (rephrase) is kept in the map's ``data`` (a map has no equivalence of its
  own; across maps it is a corpus equivalence);
- locution and dialogue nodes (L, TA, YA, …), their edges, the locutions, participants and an
  xAIF wrapper's OVA layout and text are kept verbatim in the map's ``data["aif"]`` and
  bypassed, as arguebuf does, and so are edges to nodes the export leaves out (AIFdb
  exports have some). What cannot be a map edge (a CA with no I-node source, a conflict
  aimed at a conflict, a duplicate) is listed in ``data["aif"]["skipped"]`` with the reason.

Writing reverses this, with the document's own edge ids and a ``locutions`` key (empty if
there were none; arguebuf recognises AIF by it); AIF → map → AIF gives the same nodes and
edges. What AIF has no place for goes into extension keys named ``argmap`` that AIF readers
ignore: the map's metadata (id, title, authors, …, ``text_file``, ``data``) on the document;
a node's kind, locator, tags, weight, actors, note and data on its I-node; an edge's id,
premises, target, place, locator, note, data, scheme roles and the critical question it
answers in a record on its S-node. ``native``
marks what did not come from AIF. So map → AIF → map gives the same map, field by field.

>>> m = map_from_aif({"nodes": [
...     {"nodeID": "1", "text": "Taxes should rise.", "type": "I"},
...     {"nodeID": "2", "text": "Schools are underfunded.", "type": "I"},
...     {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...     "edges": [{"edgeID": "4", "fromID": "2", "toID": "3"},
...               {"edgeID": "5", "fromID": "3", "toID": "1"}]})
>>> [(e.kind.value, e.source, e.target, e.id) for e in m.edges]
[('support', '2', '1', '3')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats.shape import AIF_META
from argmap.formats.text import json_position, parse_json, read_text, relocate, write_text
from argmap.model import (
    ArgumentMap,
    Corpus,
    Edge,
    EdgeKind,
    Equivalence,
    Locator,
    Node,
    NodeKind,
    NodeRef,
)
from argmap.model.invariants import Finding, Pointer, value_findings
from argmap.options import Role

__all__ = [
    "dumps",
    "loads",
    "map_from_aif",
    "map_to_aif",
    "read_aif",
    "read_aif_corpus",
    "read_aif_nodesets",
    "safe_id",
    "write_aif",
]

ARGUMENT_TYPES = {"I", "RA", "CA", "MA"}
META = "argmap"
"""The key under which a written document keeps the map's metadata (AIF has none)."""
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def safe_id(aif_id: str) -> str:
    """An argmap id for a foreign id.

    Characters outside letters, digits, ``_ . -`` become ``_`` (AIFdb ids are digits,
    xAIF's digits and ``_``, so they stay as they are).
    """
    cleaned = _UNSAFE.sub("_", aif_id).strip(".-") or "n"
    return cleaned if cleaned[0].isalnum() or cleaned[0] == "_" else f"n{cleaned}"


DEFAULT_INFERENCE = "Default Inference"
"""AIFdb's name for an inference of no particular scheme (read as no scheme)."""
_NO_SCHEME = {"", DEFAULT_INFERENCE, "RA"}


def _scheme(ra: Mapping[str, Any]) -> str | None:
    """The scheme an RA-node names: its ``scheme`` field, else its text; none for the default.

    >>> _scheme({"text": "Argument From Expert Opinion", "type": "RA"})
    'Argument From Expert Opinion'
    >>> _scheme({"text": "Default Inference", "scheme": "Default Inference", "schemeID": "72"})
    """
    name = ra.get("scheme")
    if not isinstance(name, str) or not name.strip():
        name = ra.get("text")
    if not isinstance(name, str) or name.strip() in _NO_SCHEME:
        return None
    return " ".join(name.split())


def _extra(item: Mapping[str, Any], *known: str) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in known}


def _unwrap(document: Mapping[str, Any], path: str) -> tuple[Mapping[str, Any], dict[str, Any]]:
    """The AIF part of a document and, for xAIF, what surrounds it.

    Raises
    ------
    ArgmapError
        If ``nodes`` or ``edges`` is there but not a list.
    """
    wrapper: dict[str, Any] = {}
    aif: Mapping[str, Any] = document
    root: Pointer = ()
    if isinstance(document.get("AIF"), Mapping):
        aif = document["AIF"]
        wrapper = _extra(document, "AIF")
        root = ("AIF",)
    findings = value_findings(document) + _shape_findings(aif, root)
    if any(f.is_error for f in findings):
        raise ArgmapError.from_problems(f.to_problem(path) for f in findings)
    return aif, wrapper


_ID_TYPES = (str, int)


def _shape_findings(aif: Mapping[str, Any], root: Pointer) -> list[Finding]:
    """What makes a document not AIF: lists that are not lists, nodes and edges of the wrong shape."""
    found: list[Finding] = []
    for key in ("nodes", "edges", "locutions"):
        if not isinstance(aif.get(key, []), list):
            found.append(Finding((*root, key), f"not AIF: '{key}' must be a list", "wrong-type"))
    if found:
        return found
    for i, item in enumerate(aif.get("nodes", [])):
        found += _item_findings(item, (*root, "nodes", i), "node", ("nodeID", "type"))
        if isinstance(item, Mapping) and not isinstance(item.get("text", ""), str | None):
            found.append(
                Finding(
                    (*root, "nodes", i, "text"), "not AIF: a node's text must be text", "wrong-type"
                )
            )
    for i, item in enumerate(aif.get("edges", [])):
        found += _item_findings(item, (*root, "edges", i), "edge", ("fromID", "toID"))
    meta = aif.get(META)
    if meta is not None and not isinstance(meta, Mapping):
        found.append(Finding((*root, META), f"'{META}' must be an object", "wrong-type"))
    for i, item in enumerate(aif.get("nodes", [])):
        if isinstance(item, Mapping) and META in item:
            found += _extension_findings(item[META], (*root, "nodes", i, META))
    return found[:100]


_KINDS = tuple(str(k) for k in NodeKind)


def _extension_findings(ext: Any, at: Pointer) -> list[Finding]:
    """What is wrong with a node's :data:`META` extension (argmap's own fields), if anything.

    Checked here, where each value has its place in the file: the kind, tags, actors,
    weight, note, locator, data and edge records argmap writes there.
    """
    if not isinstance(ext, Mapping):
        return [Finding(at, f"'{META}' must be an object", "wrong-type")]
    found = _common_findings(ext, at)
    if "kind" in ext and ext["kind"] not in _KINDS:
        found.append(_wrong(at, "kind", f"one of {', '.join(_KINDS)}, not {ext['kind']!r}"))
    for key in ("tags", "actors"):
        value = ext.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            found.append(_wrong(at, key, "a list of texts"))
    weight = ext.get("weight")
    if weight is not None and (
        isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 1
    ):
        found.append(_wrong(at, "weight", f"a number from 0 to 1, not {weight!r}"))
    return found + _record_findings(ext.get("edges", []), at)


def _record_findings(records: Any, at: Pointer) -> list[Finding]:
    """What is wrong with the edge records of an S-node's extension (at ``at``)."""
    if not isinstance(records, list):
        return [_wrong(at, "edges", "a list")]
    found = []
    for k, record in enumerate(records):
        here = (*at, "edges", k)
        if not isinstance(record, Mapping):
            found.append(Finding(here, f"'{META}': an edge record must be an object", "wrong-type"))
            continue
        found += _common_findings(record, here)
        premises = record.get("premises", [])
        if not isinstance(premises, list) or not all(isinstance(p, str) for p in premises):
            found.append(_wrong(here, "premises", "a list of node ids"))
        if not isinstance(record.get("target", ""), str):
            found.append(_wrong(here, "target", "a node or reason id"))
        roles = record.get("roles", {})
        if not isinstance(roles, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str | None) for k, v in roles.items()
        ):
            found.append(_wrong(here, "roles", "an object of role: premise id"))
        if not isinstance(record.get("answers", ""), str):
            found.append(_wrong(here, "answers", "a critical question's id"))
    return found


def _wrong(at: Pointer, key: str, what: str) -> Finding:
    return Finding((*at, key), f"'{META}': '{key}' must be {what}", "wrong-type")


def _common_findings(ext: Mapping[str, Any], at: Pointer) -> list[Finding]:
    """The fields a node's extension and an edge record share: note, data, locator."""
    found = []
    if not isinstance(ext.get("note", ""), str | None):
        found.append(_wrong(at, "note", "text"))
    if not isinstance(ext.get("data", {}), Mapping):
        found.append(_wrong(at, "data", "an object"))
    locator = ext.get("locator")
    paragraphs = locator.get("paragraphs", []) if isinstance(locator, Mapping) else None
    if locator is not None and not (
        isinstance(paragraphs, list)
        and all(isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in paragraphs)
        and isinstance(locator.get("quote"), str | None)
    ):
        found.append(
            _wrong(at, "locator", "an object with 'paragraphs' (numbers from 1) and 'quote' (text)")
        )
    return found


def _item_findings(item: Any, at: Pointer, what: str, keys: tuple[str, str]) -> list[Finding]:
    """A node or edge is an object whose ``keys`` are ids (text or whole numbers)."""
    needs = f"not AIF: {what} {at[-1]} needs a '{keys[0]}' and a '{keys[1]}'"
    if not isinstance(item, Mapping):
        return [Finding(at, f"{needs} (it is not an object)", "wrong-type")]
    if any(key not in item for key in keys):
        return [Finding(at, needs, "missing-field")]
    return [
        Finding((*at, key), f"not AIF: '{key}' must be text or a whole number", "wrong-type")
        for key in keys
        if isinstance(item[key], bool) or not isinstance(item[key], _ID_TYPES)
    ]


def _raw_nodes(aif: Mapping[str, Any], path: str) -> dict[str, Mapping[str, Any]]:
    """The document's nodes by their id (as text), in document order (shapes checked by _unwrap)."""
    return {str(item["nodeID"]): item for item in aif.get("nodes", [])}


class _Reader:
    """The state shared by the steps that read one AIF document into a map.

    Parameters
    ----------
    raw_nodes
        The document's nodes by id (see :func:`_raw_nodes`).
    """

    def __init__(self, raw_nodes: dict[str, Mapping[str, Any]]) -> None:
        self.raw_nodes = raw_nodes
        self.inputs: dict[str, list[str]] = {}  # node id -> argument nodes with an edge to it
        self.outputs: dict[str, list[str]] = {}  # node id -> argument nodes it has an edge to
        self.argument_edges: list[dict[str, Any]] = []
        self.dialogue_edges: list[dict[str, Any]] = []
        self.edges: list[Edge] = []
        self.seen: set[tuple[str, frozenset[str], str]] = set()  # (kind, premises, target)
        self.skipped: list[dict[str, Any]] = []
        self.supports_of: dict[str, list[str]] = {}  # RA id -> ids of its support edges

    def link(self, aif_edges: list[Any], path: str) -> None:
        """Sort the document's edges into argument and dialogue edges.

        An edge between two argument nodes (I, RA, CA, MA) goes into ``inputs`` and
        ``outputs``; any other edge, including one to a node the export leaves out (AIFdb
        exports have some), is dialogue, kept verbatim.

        Raises
        ------
        ArgmapError
            If an edge is not an object with a ``fromID`` and a ``toID``.
        """
        for item in aif_edges:  # shapes checked by _unwrap
            a, b = str(item["fromID"]), str(item["toID"])
            if self.between_argument_nodes(a, b):
                self.outputs.setdefault(a, []).append(b)
                self.inputs.setdefault(b, []).append(a)
                self.argument_edges.append(dict(item))
            else:
                self.dialogue_edges.append(dict(item))

    def between_argument_nodes(self, a: str, b: str) -> bool:
        """Whether both ends of an edge are argument nodes the document has."""
        if a not in self.raw_nodes or b not in self.raw_nodes:  # AIFdb exports have dangling edges
            return False
        return (
            self.raw_nodes[a]["type"] in ARGUMENT_TYPES
            and self.raw_nodes[b]["type"] in ARGUMENT_TYPES
        )

    def is_i(self, node_id: str) -> bool:
        """Whether a node is an I-node."""
        return bool(self.raw_nodes[node_id]["type"] == "I")

    def of_type(self, kind: str) -> list[tuple[str, Mapping[str, Any]]]:
        """The nodes of an AIF type, with their ids, in document order."""
        return [(i, item) for i, item in self.raw_nodes.items() if item["type"] == kind]

    def i_nodes(self, kinds: Callable[[Mapping[str, Any]], str] | None) -> list[Node]:
        """A map node for each I-node (an empty text is kept in its data).

        Parameters
        ----------
        kinds
            The kind of node for an I-node's JSON object (default: every one is a claim).
        """
        nodes = []
        for aif_id, item in self.of_type("I"):
            text = str(item.get("text") or "")
            data: dict[str, Any] = {"aif": _extra(item, "text", "type", META)}
            if not text.strip():  # a node needs text; the original is kept
                data["aif"]["text"] = item.get("text")
                text = ""
            kind = kinds(item) if kinds else "claim"
            nodes.append(Node(safe_id(aif_id), kind, text or "(no text)", data=data))
        return nodes

    def skip(self, aif_id: str, reason: str) -> None:
        """Keep an S-node the map cannot hold, with its edges, verbatim."""
        touching = [e for e in self.argument_edges if aif_id in (str(e["fromID"]), str(e["toID"]))]
        self.skipped.append(
            {"node": dict(self.raw_nodes[aif_id]), "edges": touching, "reason": reason}
        )

    def place(self, aif_id: str, kind: str, planned: list[tuple[list[str], str, str]]) -> None:
        """Add an S-node's edges, or skip it whole if one of them cannot be.

        Parameters
        ----------
        aif_id
            The S-node (RA or CA).
        kind
            ``support`` or ``attack``.
        planned
            Its edges as (AIF premise ids, map target id, map edge id): a support's premises
            are one linked reason; an attack has one. An edge that repeats one already
            placed (the same premises, as a set, and target), or a reason whose conclusion
            is among its premises, skips the S-node.
        """
        keys = [(kind, frozenset(map(safe_id, ps)), target) for ps, target, _ in planned]
        if len(set(keys)) < len(keys) or any(
            k in self.seen or (kind == "support" and k[2] in k[1]) for k in keys
        ):
            self.skip(aif_id, f"a duplicate or circular {kind}")
            return
        node = self.raw_nodes[aif_id]
        scheme = _scheme(node) if kind == "support" else None
        for key, (premises, target, ident) in zip(keys, planned, strict=True):
            self.seen.add(key)
            first, *linked = (safe_id(p) for p in premises)
            self.edges.append(
                Edge(
                    kind,
                    first,
                    target,
                    id=ident,
                    linked=linked,
                    scheme=scheme,
                    data={"aif": _extra(node, META)},
                )
            )
            if kind == "support":
                self.supports_of.setdefault(aif_id, []).append(ident)

    def inferences(self) -> None:
        """Place each RA-node as one reason (all its premises, linked) per conclusion.

        One conclusion gives one reason named by the RA's id; more give one reason per
        conclusion, named ``RA-conclusion``.
        """
        for aif_id, _ in self.of_type("RA"):
            # a CA aimed at the inference is an undercut, handled with the conflicts
            premises = [p for p in self.inputs.get(aif_id, []) if self.raw_nodes[p]["type"] != "CA"]
            premises = list(dict.fromkeys(premises))  # an edge given twice is one premise
            conclusions = self.outputs.get(aif_id, [])
            if not premises or not conclusions or not all(map(self.is_i, premises + conclusions)):
                self.skip(aif_id, "an inference whose premises and conclusions are not all I-nodes")
                continue
            single = len(conclusions) == 1
            self.place(
                aif_id,
                "support",
                [
                    (premises, safe_id(c), safe_id(aif_id if single else f"{aif_id}-{c}"))
                    for c in conclusions
                ],
            )

    def conflicts(self) -> None:
        """Place each CA-node as attacks from its sources on its targets.

        A target I-node is attacked; a target RA-node already placed has each of its
        reasons undercut. One source and one hit give one attack named by the CA's id;
        more give one attack per pair, named ``CA-source-target``. Run after
        :meth:`inferences`.
        """
        for aif_id, _ in self.of_type("CA"):
            # a CA aimed at this conflict attacks it; it is not one of its sources
            sources = [a for a in self.inputs.get(aif_id, []) if self.raw_nodes[a]["type"] != "CA"]
            targets = self.outputs.get(aif_id, [])
            if not self._can_attack(sources, targets):
                self.skip(
                    aif_id,
                    "a conflict whose sources are not all I-nodes, or whose targets are "
                    "not all I-nodes or inferences in the map",
                )
                continue
            hits = [
                safe_id(t) if self.is_i(t) else e
                for t in targets
                for e in self.supports_of.get(t, [t])
            ]
            single = len(sources) == 1 and len(hits) == 1
            self.place(
                aif_id,
                "attack",
                [
                    ([a], hit, safe_id(aif_id) if single else safe_id(f"{aif_id}-{a}-{hit}"))
                    for a in sources
                    for hit in hits
                ],
            )

    def _can_attack(self, sources: list[str], targets: list[str]) -> bool:
        """Whether a CA's sources are all I-nodes and its targets I-nodes or placed RAs."""
        return (
            bool(sources)
            and bool(targets)
            and all(map(self.is_i, sources))
            and all(self.is_i(t) or t in self.supports_of for t in targets)
        )

    def kept(self, aif: Mapping[str, Any], wrapper: dict[str, Any]) -> dict[str, Any]:
        """What the map keeps in ``data["aif"]``: all that is not one of its nodes or edges.

        Parameters
        ----------
        aif
            The AIF document (inside any xAIF wrapper).
        wrapper
            What an xAIF wrapper holds besides the AIF (OVA layout, text), or nothing.
        """
        rephrases = [
            {
                "node": dict(item),
                "from": list(self.inputs.get(aif_id, [])),
                "to": list(self.outputs.get(aif_id, [])),
            }
            for aif_id, item in self.of_type("MA")
        ]
        kept: dict[str, Any] = {
            "dialogue_nodes": [
                dict(n) for n in self.raw_nodes.values() if n["type"] not in ARGUMENT_TYPES
            ],
            "dialogue_edges": self.dialogue_edges,
            "argument_edges": self.argument_edges,
            "rephrases": rephrases,
            "skipped": self.skipped,
            "other": _extra(aif, "nodes", "edges", META),
        }
        if wrapper:
            kept["xaif"] = wrapper
        return kept


def map_from_aif(
    document: Mapping[str, Any],
    *,
    map_id: str | None = None,
    title: str | None = None,
    kinds: Callable[[Mapping[str, Any]], str] | None = None,
    path: str = "<input>",
) -> ArgumentMap:
    """A map from an AIF (or xAIF) document already parsed from JSON.

    ``kinds`` maps an I-node's JSON object to ``claim``, ``evidence`` or
    ``recommendation`` (default: every I-node is a claim).

    Raises
    ------
    ArgmapError
        If the document is not AIF (no node list, a node without id or type, an edge to an
        unknown node).
    """
    aif, wrapper = _unwrap(document, path)
    reader = _Reader(_raw_nodes(aif, path))
    reader.link(aif.get("edges", []), path)
    nodes = [_restored_node(n, reader.raw_nodes, kinds) for n in reader.i_nodes(kinds)]
    reader.inferences()
    reader.conflicts()
    edges = _restored_edges(reader.edges, reader.raw_nodes)
    kept = reader.kept(aif, wrapper)
    meta = dict(aif.get(META) or {})
    chosen_id = map_id or meta.pop("id", None) or "aif"
    chosen_title = title or meta.pop("title", None) or chosen_id
    known = {k: meta[k] for k in (*AIF_META, "text_file") if k in meta and k not in ("id", "title")}
    data = dict(meta.get("data") or {})
    if not (meta.get("native") and _only_argument(kept)):
        data["aif"] = kept
    return ArgumentMap(chosen_id, chosen_title, nodes, edges, data=data, **known)


def _only_argument(kept: Mapping[str, Any]) -> bool:
    """Whether a document holds nothing but its argument.

    A map argmap wrote that holds nothing else needs no ``data["aif"]`` when read back.
    """
    other = {k: v for k, v in kept.get("other", {}).items() if not (k == "locutions" and not v)}
    return not (
        other
        or any(
            kept.get(k)
            for k in ("dialogue_nodes", "dialogue_edges", "rephrases", "skipped", "xaif")
        )
    )


def _extension(item: Mapping[str, Any]) -> Mapping[str, Any]:
    found = item.get(META)
    return found if isinstance(found, Mapping) else {}


def _locator_of(found: Any) -> Locator | None:
    if not isinstance(found, Mapping):
        return None
    return Locator(found.get("paragraphs", ()), quote=found.get("quote"))


def _own_data_of(ext: Mapping[str, Any], read: Mapping[str, Any]) -> dict[str, Any]:
    """The data of a node or edge: what its extension keeps, and what AIF holds.

    What AIF holds (``data["aif"]``) is left out when the extension says the original had none.
    """
    data = dict(ext.get("data") or {})
    if not ext.get("native"):
        data["aif"] = read["aif"]
    return data


def _restored_node(
    n: Node,
    raw_nodes: Mapping[str, Mapping[str, Any]],
    kinds: Callable[[Mapping[str, Any]], str] | None,
) -> Node:
    """A node with the fields its I-node's :data:`META` extension keeps (written by argmap)."""
    ext = _extension(raw_nodes[str(n.data["aif"]["nodeID"])])
    if not ext:
        return n
    return attrs.evolve(
        n,
        kind=ext.get("kind", n.kind) if kinds is None else n.kind,
        locator=_locator_of(ext.get("locator")),
        tags=ext.get("tags", ()),
        weight=ext.get("weight"),
        actors=ext.get("actors", ()),
        note=ext.get("note"),
        data=_own_data_of(ext, n.data),
    )


def _restored_edges(edges: list[Edge], raw_nodes: Mapping[str, Mapping[str, Any]]) -> list[Edge]:
    """Edges with the fields, ids and order their S-nodes' :data:`META` records keep.

    A record is matched to an edge by its premises and target; supports come first, so an
    undercut's target is renamed with the reason it attacks.
    """
    renamed: dict[str, str] = {}
    placed: list[tuple[int, Edge]] = []
    for kind in (EdgeKind.SUPPORT, EdgeKind.ATTACK):
        for i, e in enumerate(edges):
            if e.kind is not kind:
                continue
            target = renamed.get(e.target, e.target)
            records = _extension(raw_nodes[str(e.data["aif"]["nodeID"])]).get("edges", [])
            record = next(
                (
                    r
                    for r in records
                    if isinstance(r, Mapping)
                    and r.get("target") == target
                    and set(r.get("premises", ())) == set(e.premises)
                ),
                None,
            )
            if record is None:
                placed.append((i, attrs.evolve(e, target=target)))
                continue
            first, *linked = record["premises"]
            new = attrs.evolve(
                e,
                source=first,
                linked=linked,
                target=target,
                id=record.get("id"),
                locator=_locator_of(record.get("locator")),
                note=record.get("note"),
                data=_own_data_of(record, e.data),
                roles=record.get("roles"),
                answers=record.get("answers"),
            )
            renamed[e.key] = new.key
            placed.append((int(record.get("at", i)), new))
    return [e for _, e in sorted(placed, key=lambda pair: pair[0])]


def _kept_of(m: ArgumentMap) -> Mapping[str, Any]:
    """What a map read from AIF keeps in ``data["aif"]`` (nothing for another map)."""
    kept = m.data.get("aif")
    return kept if isinstance(kept, Mapping) else {}


def _i_node_objects(m: ArgumentMap, ids: Mapping[str, str]) -> list[dict[str, Any]]:
    """An I-node for each node of a map, with what its data keeps of the original.

    Parameters
    ----------
    m
        The map.
    ids
        Each node's AIF id by its map id.
    """
    nodes = []
    for n in m.nodes:
        original = dict(n.data.get("aif", {}))
        text = original.pop("text", n.text)
        node = {
            "nodeID": ids[n.id],
            "text": text,
            "type": "I",
            **{k: v for k, v in original.items() if k != "nodeID"},
        }
        if extension := _node_extension(n):
            node[META] = extension
        nodes.append(node)
    return nodes


def _own_data(data: Mapping[str, Any], native: bool) -> dict[str, Any]:
    """What a node's, edge's or map's extension keeps: ``data`` but for what AIF itself holds."""
    found: dict[str, Any] = {}
    if native:
        found["native"] = True  # nothing in data["aif"] is to be made on reading back
    if other := {k: v for k, v in data.items() if k != "aif"}:
        found["data"] = other
    return found


def _locator_object(locator: Locator | None) -> dict[str, Any]:
    if locator is None:
        return {}
    found: dict[str, Any] = {"paragraphs": list(locator.paragraphs)}
    if locator.quote is not None:
        found["quote"] = locator.quote
    return {"locator": found}


def _node_extension(n: Node) -> dict[str, Any]:
    """The fields of a node that AIF has no place for (kept under :data:`META` on its I-node).

    >>> _node_extension(Node("e1", "evidence", "Exports fell.", tags=["trade"]))
    {'kind': 'evidence', 'tags': ['trade'], 'native': True}
    """
    found: dict[str, Any] = {} if n.kind is NodeKind.CLAIM else {"kind": str(n.kind)}
    found |= _locator_object(n.locator)
    if n.tags:
        found["tags"] = list(n.tags)
    if n.weight is not None:
        found["weight"] = n.weight
    if n.actors:
        found["actors"] = list(n.actors)
    if n.note is not None:
        found["note"] = n.note
    return found | _own_data(n.data, "aif" not in n.data)


def _edge_record(e: Edge, at: int) -> dict[str, Any]:
    """The fields of a map edge that AIF has no place for (none for one read from AIF as it was).

    A record names the edge's premises and target (an S-node can stand for several edges),
    its id (``None`` for none) and its place ``at`` in the map's edges.
    """
    found = _locator_object(e.locator)
    if e.note is not None:
        found["note"] = e.note
    if e.roles:
        found["roles"] = dict(e.roles)
    if e.answers is not None:
        found["answers"] = e.answers
    found |= _own_data(e.data, "aif" not in e.data)
    if not found:
        return {}
    return {"at": at, "premises": list(e.premises), "target": e.target, "id": e.id, **found}


def _s_node_objects(m: ArgumentMap) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The RA- and CA-nodes of a map's edges, and the S-node of each edge.

    Edges read from one S-node share it again (their data keeps its ``nodeID``); any other
    edge gets an S-node of its own, named by the edge's key. A reason's RA-node names its
    scheme (see :func:`_with_scheme`).

    Returns
    -------
    tuple
        The S-nodes by id, in the order of the edges, and the S-node id of each edge key.
    """
    s_nodes: dict[str, dict[str, Any]] = {}
    s_of_edge: dict[str, str] = {}
    for at, e in enumerate(m.edges):
        original = dict(e.data.get("aif", {}))
        kind = "RA" if e.kind is EdgeKind.SUPPORT else "CA"
        s_id = str(original.get("nodeID", e.key))
        s_of_edge[e.key] = s_id
        if s_id not in s_nodes:
            s_node = {
                "nodeID": s_id,
                "text": original.get(
                    "text", DEFAULT_INFERENCE if kind == "RA" else "Default Conflict"
                ),
                "type": kind,
                **_extra(original, "nodeID", "text", "type"),
            }
            s_nodes[s_id] = _with_scheme(s_node, e.scheme) if kind == "RA" else s_node
        if record := _edge_record(e, at):
            s_nodes[s_id].setdefault(META, {"edges": []})["edges"].append(record)
    return s_nodes, s_of_edge


def _with_scheme(ra: dict[str, Any], scheme: str | None) -> dict[str, Any]:
    """An RA-node that names ``scheme``: as it was if it does, else with text and scheme set.

    A changed scheme drops the node's ``schemeID`` (AIFdb's number of the old scheme).

    >>> _with_scheme({"nodeID": "1", "text": "Default Inference", "type": "RA"}, "Analogy")
    {'nodeID': '1', 'text': 'Analogy', 'type': 'RA', 'scheme': 'Analogy'}
    """
    if _scheme(ra) == scheme:
        return ra
    name = scheme or DEFAULT_INFERENCE
    changed = {k: v for k, v in ra.items() if k != "schemeID"}
    return {**changed, "text": name, "scheme": name}


class _Edges:
    """The AIF edges being written: the original ones where the map was read from AIF.

    Parameters
    ----------
    kept
        What the map keeps in ``data["aif"]``: its ``argument_edges`` are the document's
        edges between argument nodes, verbatim, reused (ids and all) for the same pair of
        ends; a pair the document did not have gets a new edge, numbered ``argmap-1``,
        ``argmap-2``, … (skipping ids the document uses).
    """

    def __init__(self, kept: Mapping[str, Any]) -> None:
        self.edges: list[dict[str, Any]] = []
        self.done: set[tuple[str, str]] = set()
        self.originals: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        for i, e in enumerate(kept.get("argument_edges", [])):
            self.originals.setdefault((str(e["fromID"]), str(e["toID"])), []).append((i, dict(e)))
        self.reused: list[tuple[int, dict[str, Any]]] = []
        self.taken = {
            str(e.get("edgeID"))
            for key in ("argument_edges", "dialogue_edges")
            for e in kept.get(key, [])
        } | {str(e.get("edgeID")) for r in kept.get("skipped", []) for e in r["edges"]}
        self.count = 0

    def add(self, a: str, b: str, verbatim: Mapping[str, Any] | None = None) -> None:
        """Write the edge from ``a`` to ``b`` (once, however often it is asked for).

        ``verbatim`` is the edge to write when the document's edges are not known.
        """
        if (a, b) in self.done:
            return
        self.done.add((a, b))
        if (a, b) in self.originals:  # an edge given twice in the document stays twice
            self.reused += self.originals[(a, b)]
            return
        if verbatim is not None:
            self.edges.append(dict(verbatim))
            return
        self.count += 1
        while f"argmap-{self.count}" in self.taken:
            self.count += 1
        self.edges.append(
            {"edgeID": f"argmap-{self.count}", "fromID": a, "toID": b, "formEdgeID": None}
        )

    def written(self) -> list[dict[str, Any]]:
        """The edges: the document's own in its order, then the new ones."""
        return [e for _, e in sorted(self.reused, key=lambda pair: pair[0])] + self.edges


def _argument_edges(
    m: ArgumentMap, ids: Mapping[str, str], s_of_edge: Mapping[str, str], edges: _Edges
) -> None:
    """The AIF edges of a map's supports and attacks, through their S-nodes.

    Each map edge goes from its premises' I-nodes (a reason's source, then its linked
    premises) to its S-node and on to its target: an I-node, or for an undercut the
    S-node of the reason it attacks. An AIF edge that several map edges share (an S-node
    with several conclusions) is written once.
    """
    for e in m.edges:
        s_id = s_of_edge[e.key]
        target = s_of_edge[e.target] if m.is_undercut(e) else ids[e.target]
        for a, b in [(ids[p], s_id) for p in e.premises] + [(s_id, target)]:
            edges.add(a, b)


def _rephrases(kept: Mapping[str, Any], nodes: list[dict[str, Any]], edges: _Edges) -> None:
    """Add the MA-nodes a map keeps, with their edges from and to them."""
    for r in kept.get("rephrases", []):
        nodes.append(dict(r["node"]))
        for a in r["from"]:
            edges.add(a, str(r["node"]["nodeID"]))
        for b in r["to"]:
            edges.add(str(r["node"]["nodeID"]), b)


def _skipped(kept: Mapping[str, Any], nodes: list[dict[str, Any]], edges: _Edges) -> None:
    """Add the S-nodes a map could not hold, with their original edges, each edge once."""
    for record in kept.get("skipped", []):
        nodes.append(dict(record["node"]))
        for e in record["edges"]:  # an edge between two skipped nodes is in both records
            edges.add(str(e["fromID"]), str(e["toID"]), e)


def _meta(m: ArgumentMap) -> dict[str, Any]:
    """The map's metadata that AIF has no place for (kept under :data:`META`)."""
    found: dict[str, Any] = {
        key: list(value) if isinstance(value, tuple) else str(value)
        for key in AIF_META
        if (value := getattr(m, key)) and value != Role.ESSAY
    }
    if m.text_file is not None:
        found["text_file"] = m.text_file
    return found | _own_data(m.data, "aif" not in m.data)


def map_to_aif(m: ArgumentMap) -> dict[str, Any]:
    """An AIF document for a map (see the module docstring for what goes where)."""
    kept = _kept_of(m)
    ids = {n.id: str(n.data.get("aif", {}).get("nodeID", n.id)) for n in m.nodes}
    nodes = _i_node_objects(m, ids)
    s_nodes, s_of_edge = _s_node_objects(m)
    nodes += s_nodes.values()
    edges = _Edges(kept)
    _argument_edges(m, ids, s_of_edge, edges)
    _rephrases(kept, nodes, edges)
    _skipped(kept, nodes, edges)
    nodes += [dict(n) for n in kept.get("dialogue_nodes", [])]
    written = edges.written() + [dict(e) for e in kept.get("dialogue_edges", [])]
    document: dict[str, Any] = {"nodes": nodes, "edges": written, **dict(kept.get("other", {}))}
    document.setdefault("locutions", [])  # AIF readers (arguebuf) recognise AIF by it
    document[META] = _meta(m)
    if "xaif" in kept:
        return {"AIF": document, **dict(kept["xaif"])}
    return document


def read_aif(path: str | Path, **options: Any) -> ArgumentMap:
    """Read an AIF JSON file (the map id and title default to the file name).

    Raises
    ------
    ArgmapError
        On unreadable or malformed JSON (with line and column) or a document that is not AIF.
    """
    ((path, document, text),) = _documents([path])
    try:
        m = map_from_aif(document, path=str(path), **options)
    except ArgmapError as exc:
        raise relocate(exc, str(path), lambda pointer: json_position(text, pointer)) from None
    if "map_id" not in options and not isinstance(
        (document.get("AIF") or document).get(META), Mapping
    ):
        m = attrs.evolve(m, id=safe_id(path.stem), title=options.get("title") or path.stem)
    return m


def write_aif(m: ArgumentMap, path: str | Path) -> None:
    """Write a map as AIF JSON (atomically)."""
    write_text(path, dumps(m))


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from AIF JSON text (the format contract's reader).

    Raises
    ------
    ArgmapError
        On malformed JSON (with line and column) or a document that is not AIF.
    """
    document = parse_json(text, path)
    if not isinstance(document, Mapping):
        raise ArgmapError.from_problems([_not_object(path)])
    try:
        return map_from_aif(document, path=path)
    except ArgmapError as exc:
        raise relocate(exc, path, lambda pointer: json_position(text, pointer)) from None


def _not_object(path: str | Path) -> Problem:
    return Problem(
        "not AIF: the document is not a JSON object",
        code="wrong-type",
        path=str(path),
        line=1,
        column=1,
    )


def dumps(m: ArgumentMap) -> str:
    """A map as AIF JSON text (the format contract's writer)."""
    return json.dumps(map_to_aif(m), indent=2, ensure_ascii=False) + "\n"


def _documents(paths: Iterable[str | Path]) -> list[tuple[Path, Mapping[str, Any], str]]:
    """Each file's path, its JSON document, which must be an object, and its text."""
    found = []
    for raw in paths:
        path = Path(raw)
        text = read_text(path)
        document = parse_json(text, path)
        if not isinstance(document, Mapping):
            raise ArgmapError.from_problems([_not_object(path)])
        found.append((path, document, text))
    return found


def read_aif_nodesets(
    paths: Iterable[str | Path], *, map_id: str = "aif", title: str | None = None
) -> ArgumentMap:
    """Several AIFdb nodesets as one map: their nodes, edges and locutions together.

    AIFdb node ids are global, so a node two nodesets share is one node.

    Raises
    ------
    ArgmapError
        As :func:`read_aif`, for any of the files.
    """
    nodes: dict[str, Any] = {}
    edges: dict[str, Any] = {}
    locutions: dict[str, Any] = {}
    for _, document, _ in _documents(paths):
        aif = document.get("AIF", document)
        nodes.update(
            {str(n.get("nodeID")): n for n in aif.get("nodes", []) if isinstance(n, Mapping)}
        )
        edges.update(  # an edge is its two ends (edge ids are not always global)
            {
                f"{e.get('fromID')}>{e.get('toID')}": e
                for e in aif.get("edges", [])
                if isinstance(e, Mapping)
            }
        )
        locutions.update(
            {
                f"{x.get('nodeID')}:{x.get('personID')}": x
                for x in aif.get("locutions", [])
                if isinstance(x, Mapping)
            }
        )
    merged = {
        "nodes": list(nodes.values()),
        "edges": list(edges.values()),
        "locutions": list(locutions.values()),
    }
    return map_from_aif(merged, map_id=map_id, title=title or map_id)


def read_aif_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Several AIF files as a corpus.

    A map per file (named by the file), and an equivalence group for each I-node id that
    several files share (AIFdb ids are global).

    Raises
    ------
    ArgmapError
        As :func:`read_aif`, for any of the files, or when two files give the same map id.
    """
    maps = [read_aif(path) for path, _, _ in _documents(paths)]
    shared: dict[str, list[NodeRef]] = {}
    for m in maps:
        for n in m.nodes:
            shared.setdefault(str(n.data["aif"].get("nodeID", n.id)), []).append(
                NodeRef(m.id, n.id)
            )
    groups = [
        Equivalence(refs, note=f"AIF node {aif_id} in several nodesets")
        for aif_id, refs in shared.items()
        if len({r.essay for r in refs}) > 1
    ]
    return Corpus(maps, groups)

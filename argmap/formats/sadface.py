"""SADFace 0.2 JSON (the Simple Argument Description Format), both ways.

A SADFace document has ``metadata`` (``core``: id, title, analyst, dates, …), ``nodes``
(``atom`` nodes with ``text``, ``scheme`` nodes with a ``name``), ``edges`` (``source_id`` →
``target_id``) and ``resources``. Reading:

- an **atom** becomes a ``claim`` node, its id the atom's id;
- a **scheme** becomes a support (a *reason*: all its atom premises linked, one reason per
  conclusion) named by the scheme's id, its ``name`` the reason's scheme unless it is
  ``support``; a scheme named ``conflict``, ``attack`` or ``rebut`` becomes an attack from
  each source, and aimed at another scheme it *undercuts* that reason;
- ``metadata.core`` gives the map's id, title, ``description`` (summary), ``analyst_name``
  (author) and ``created`` (date).

Everything else is kept so that a document reads back and writes out as it was: the
document's metadata, resources, unknown keys and the order of its nodes and edges in the map's
``data["sadface"]``; each atom's and scheme's ``metadata`` and ``sources`` and each edge's id in
the node's or edge's ``data["sadface"]``. A map of argmap's own keeps its fields in SADFace's
``metadata`` objects under ``argmap`` (a node's kind, tags, locator, weight, actors, note and
data; an edge's id, note, locator and data; the map's metadata), so it reads back equal.

>>> m = loads('{"nodes": [{"id": "a", "type": "atom", "text": "A."},'
...           ' {"id": "b", "type": "atom", "text": "B."},'
...           ' {"id": "s", "type": "scheme", "name": "support"}],'
...           ' "edges": [{"id": "e1", "source_id": "b", "target_id": "s"},'
...           ' {"id": "e2", "source_id": "s", "target_id": "a"}]}')
>>> [(e.kind.value, e.source, e.target, e.id) for e in m.edges]
[('support', 'b', 'a', 's')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from argmap.errors import ArgmapError, Problem
from argmap.formats.aif import safe_id
from argmap.formats.text import json_position, parse_json, relocate
from argmap.model import ArgumentMap, Edge, EdgeKind, Locator, Node
from argmap.model.invariants import Finding, Pointer, value_findings

__all__ = ["dumps", "is_sadface", "loads", "map_from_sadface", "map_to_sadface"]

CONFLICTS = {"conflict", "attack", "rebut", "rebuttal", "undercut"}
"""Scheme names read as an attack (any other name is an inference)."""
KEY = "sadface"
OWN = "argmap"
_NODE_FIELDS = ("tags", "weight", "actors", "note", "data")


def is_sadface(document: object) -> bool:
    """Whether a parsed JSON document is SADFace: its ``metadata.core``, atoms or schemes, or edges.

    >>> is_sadface({"metadata": {"core": {"version": "0.2"}}, "nodes": []})
    True
    >>> is_sadface({"nodes": [{"nodeID": "1", "type": "I"}]})
    False
    """
    if not isinstance(document, Mapping):
        return False
    meta = document.get("metadata")
    if isinstance(meta, Mapping) and isinstance(meta.get("core"), Mapping):
        return True
    nodes, edges = document.get("nodes"), document.get("edges")
    typed = isinstance(nodes, list) and any(
        isinstance(n, Mapping) and n.get("type") in ("atom", "scheme") for n in nodes
    )
    linked = isinstance(edges, list) and any(
        isinstance(e, Mapping) and "source_id" in e for e in edges
    )
    return typed or linked


def _shape(document: Mapping[str, Any]) -> list[Finding]:
    """What makes a document not SADFace: lists that are not, nodes and edges of the wrong shape."""
    found = value_findings(document)
    for key in ("nodes", "edges", "resources"):
        if not isinstance(document.get(key, []), list):
            found.append(Finding((key,), f"not SADFace: '{key}' must be a list", "wrong-type"))
    if found:
        return found
    ids: set[str] = set()
    for i, n in enumerate(document.get("nodes", [])):
        found += _node_findings(n, ("nodes", i), ids)
    for i, e in enumerate(document.get("edges", [])):
        found += _edge_findings(e, ("edges", i), ids)
    meta = document.get("metadata", {})
    if not isinstance(meta, Mapping) or not isinstance(meta.get("core", {}), Mapping):
        found.append(Finding(("metadata",), "'metadata' and its 'core' are objects", "wrong-type"))
    return found[:100]


def _node_findings(n: Any, at: Pointer, ids: set[str]) -> list[Finding]:
    """A node is an object with a new text ``id`` and a type, ``atom`` (text) or ``scheme``."""
    if not isinstance(n, Mapping) or not isinstance(n.get("id"), str):
        return [Finding(at, "not SADFace: a node needs an 'id' (text)", "missing-field")]
    found = []
    if n.get("type") not in ("atom", "scheme"):
        message = "not SADFace: a node's 'type' is 'atom' or 'scheme'"
        found.append(Finding((*at, "type"), message, "wrong-type"))
    elif not isinstance(n.get("text" if n["type"] == "atom" else "name", ""), str):
        found.append(Finding(at, "not SADFace: an atom's text is text", "wrong-type"))
    if n["id"] in ids:
        found.append(Finding((*at, "id"), f"node id '{n['id']}' is used twice", "duplicate-id"))
    ids.add(n["id"])
    return found


def _edge_findings(e: Any, at: Pointer, ids: set[str]) -> list[Finding]:
    """An edge is an object whose ``source_id`` and ``target_id`` are nodes."""
    if not isinstance(e, Mapping) or not all(
        isinstance(e.get(k), str) for k in ("source_id", "target_id")
    ):
        message = "not SADFace: an edge needs a 'source_id' and a 'target_id' (text)"
        return [Finding(at, message, "missing-field")]
    return [
        Finding((*at, k), f"edge {k} '{e[k]}' is no node", "unknown-node")
        for k in ("source_id", "target_id")
        if e[k] not in ids
    ]


BARE = "bare"
"""Marks argmap's fields written into a ``metadata`` the object did not have."""


def _own(item: Mapping[str, Any]) -> dict[str, Any]:
    meta = item.get("metadata")
    own = meta.get(OWN) if isinstance(meta, Mapping) else None
    return {k: v for k, v in own.items() if k != BARE} if isinstance(own, Mapping) else {}


def _kept(item: Mapping[str, Any], *known: str) -> dict[str, Any]:
    """What an object holds beside ``known`` keys.

    Its own argmap fields are taken out, and so is a ``metadata`` argmap made to hold them.
    """
    kept = {k: v for k, v in item.items() if k not in known}
    meta = kept.get("metadata")
    if isinstance(meta, Mapping) and OWN in meta:
        if isinstance(meta[OWN], Mapping) and meta[OWN].get(BARE):
            del kept["metadata"]
        else:
            kept["metadata"] = {k: v for k, v in meta.items() if k != OWN}
    return kept


def _node(item: Mapping[str, Any], native: bool) -> Node:
    own = _own(item)
    text = item.get("text")
    data = dict(own.get("data", {}))
    if not native:
        data[KEY] = _kept(item, "id", "type", "text")
        if not isinstance(text, str) or not text.strip():
            data[KEY]["text"] = text
    return Node(
        str(own.get("id", safe_id(item["id"]))),
        own.get("kind", "claim"),
        text if isinstance(text, str) and text.strip() else "(no text)",
        locator=_locator(own.get("locator")),
        **{k: own[k] for k in _NODE_FIELDS if k in own and k != "data"},
        data=data,
    )


def map_from_sadface(document: Mapping[str, Any], path: str = "<input>") -> ArgumentMap:
    """A map from a SADFace document already parsed from JSON.

    Raises
    ------
    ArgmapError
        If the document is not SADFace (its problems with JSON pointers; see :func:`loads`).
    """
    findings = _shape(document)
    if any(f.is_error for f in findings):
        raise ArgmapError.from_problems(f.to_problem(path) for f in findings)
    meta = document.get("metadata", {})
    own_map = dict(meta.get(OWN, {})) if isinstance(meta.get(OWN), Mapping) else {}
    native = own_map.get("native") is True
    raw = {n["id"]: n for n in document.get("nodes", [])}
    atoms = [n for n in raw.values() if n["type"] == "atom"]
    nodes = [_node(n, native) for n in atoms]
    node_id = {n["id"]: m.id for n, m in zip(atoms, nodes, strict=True)}
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    edge_ids: dict[tuple[str, str], Any] = {}
    for e in document.get("edges", []):
        into.setdefault(e["target_id"], []).append(e["source_id"])
        out.setdefault(e["source_id"], []).append(e["target_id"])
        edge_ids[(e["source_id"], e["target_id"])] = _kept(e, "source_id", "target_id")
    edges: list[Edge] = []
    problems: list[Problem] = []
    reasons: dict[str, list[str]] = {}  # scheme id -> keys of its edges
    place: list[int] = []  # each edge's scheme's place in the document
    schemes = [n for n in raw.values() if n["type"] == "scheme"]
    order = sorted(schemes, key=lambda s: _is_conflict(s))  # inferences first: undercut targets
    for s in order:
        conflict = _is_conflict(s)
        sources = [p for p in into.get(s["id"], []) if raw[p]["type"] == "atom"]
        targets = out.get(s["id"], [])
        if (
            not sources
            or not targets
            or any(raw[t]["type"] != "atom" and not conflict for t in targets)
        ):
            i = list(raw).index(s["id"])
            message = "a scheme needs atoms as premises and atoms (or, for a conflict, a scheme) as conclusions"
            problems.append(
                Problem(message, code="sadface-scheme", path=path, pointer=f"$.nodes[{i}]")
            )
            continue
        own = _own(s)
        roles, answers = own.get("roles", {}), own.get("answers")
        if not (
            isinstance(roles, Mapping)
            and all(isinstance(k, str) and isinstance(v, str | None) for k, v in roles.items())
            and isinstance(answers, str | None)
        ):
            i = list(raw).index(s["id"])
            message = (
                f"metadata.{OWN}: 'roles' must map role names to node ids and 'answers' be "
                "a critical question's id"
            )
            problems.append(Problem(message, code="wrong-type", path=path, pointer=f"$.nodes[{i}]"))
            continue
        data: dict[str, Any] = dict(own.get("data", {}))
        if not native:
            data = {
                **own.get("data", {}),
                KEY: {
                    "id": s["id"],
                    "scheme": _kept(s, "id", "type"),
                    "edges": {
                        f"{a}>{b}": edge_ids[(a, b)]
                        for a in [*sources, s["id"]]
                        for b in [s["id"], *targets]
                        if (a, b) in edge_ids
                    },
                },
            }
        pairs = (
            [([p], t) for p in sources for t in targets]
            if conflict
            else [(sources, t) for t in targets]
        )
        for premises, t in pairs:
            single = len(pairs) == 1
            ident = (
                own.get("id")
                if native
                else own.get(
                    "id", safe_id(s["id"]) if single else safe_id(f"{s['id']}-{premises[0]}-{t}")
                )
            )
            hits = [node_id[t]] if raw[t]["type"] == "atom" else reasons.get(t, [])
            for hit in hits:
                name = s.get("name")
                edges.append(
                    Edge(
                        EdgeKind.ATTACK if conflict else EdgeKind.SUPPORT,
                        node_id[premises[0]],
                        hit,
                        id=ident if len(hits) == 1 else f"{ident}-{hit}",
                        linked=[node_id[p] for p in premises[1:]],
                        scheme=None if conflict or name in (None, "support") else name,
                        note=own.get("note"),
                        locator=_locator(own.get("locator")),
                        data=data,
                        roles=roles,
                        answers=answers,
                    )
                )
                reasons.setdefault(s["id"], []).append(edges[-1].key)
                place.append(schemes.index(s))
    edges = [e for _, e in sorted(zip(place, edges, strict=True), key=lambda pe: pe[0])]
    if problems:
        raise ArgmapError.from_problems(problems)
    core = dict(meta.get("core", {}))
    kept = {
        "metadata": {k: v for k, v in meta.items() if k != OWN},
        "order": [n["id"] for n in document.get("nodes", [])],
        "edge_order": [f"{e['source_id']}>{e['target_id']}" for e in document.get("edges", [])],
        "other": {k: v for k, v in document.items() if k not in ("nodes", "edges", "metadata")},
    }
    fields: dict[str, Any] = {
        "summary": core.get("description"),
        "date": _day(core.get("created")),
        "authors": [core["analyst_name"]] if isinstance(core.get("analyst_name"), str) else [],
    }
    fields = {k: v for k, v in fields.items() if isinstance(v, str | list)}
    fields.update({k: v for k, v in own_map.items() if k not in ("id", "title", "data", "native")})
    return ArgumentMap(
        str(own_map.get("id") or safe_id(str(core.get("id") or "sadface"))),
        str(own_map.get("title") or core.get("title") or core.get("id") or "sadface"),
        nodes,
        edges,
        data={**own_map.get("data", {}), **({} if native else {KEY: kept})},
        **fields,
    )


def _locator(value: Any) -> Locator | None:
    if not isinstance(value, Mapping):
        return None
    return Locator(value.get("paragraphs", ()), value.get("quote"))


def _day(created: object) -> str | None:
    """The day of a SADFace timestamp (``2019-04-22T23:52:30``: ``2019-04-22``).

    >>> _day("2019-04-22T23:52:30"), _day("soon")
    ('2019-04-22', None)
    """
    if isinstance(created, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", created[:10]):
        return created[:10]
    return None


def _is_conflict(scheme: Mapping[str, Any]) -> bool:
    """Whether a scheme is an attack: as argmap wrote it, else by its name."""
    kind = _own(scheme).get("kind")
    if kind in ("support", "attack"):
        return bool(kind == "attack")
    name = scheme.get("name")
    return isinstance(name, str) and name.strip().lower() in CONFLICTS


_MAP_FIELDS = ("authors", "venue", "date", "url", "summary", "text_file", "role", "responds_to")


def _own_node(n: Node) -> dict[str, Any]:
    """A node's argmap fields that SADFace has no place for (its ``metadata.argmap``)."""
    own: dict[str, Any] = {"kind": n.kind.value} if n.kind.value != "claim" else {}
    if n.locator is not None:
        own["locator"] = {"paragraphs": list(n.locator.paragraphs), "quote": n.locator.quote}
    own |= {
        k: list(v) if isinstance(v, tuple) else v
        for k in _NODE_FIELDS
        if (v := getattr(n, k)) or (k == "weight" and v is not None)
    }
    data = {k: v for k, v in n.data.items() if k != KEY}
    return {k: v for k, v in own.items() if k != "data"} | ({"data": data} if data else {})


def _with_own(kept: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """An object with argmap's fields in its ``metadata`` (made for them if it had none)."""
    if not own:
        return dict(kept)
    if "metadata" not in kept:
        return {**kept, "metadata": {OWN: {**own, BARE: True}}}
    return {**kept, "metadata": {**kept["metadata"], OWN: dict(own)}}


def _scheme_own(e: Edge, s_id: str, native: bool) -> dict[str, Any]:
    """An edge's argmap fields that its scheme node keeps in ``metadata.argmap``."""
    own: dict[str, Any] = {"id": e.id} if native else {}
    if not native and e.id is not None and e.id != safe_id(s_id):
        own["id"] = e.id
    if e.locator is not None:
        own["locator"] = {"paragraphs": list(e.locator.paragraphs), "quote": e.locator.quote}
    if e.note:
        own["note"] = e.note
    if e.roles:
        own["roles"] = dict(e.roles)
    if e.answers is not None:
        own["answers"] = e.answers
    if e.kind is EdgeKind.SUPPORT and e.scheme and e.scheme.strip().lower() in CONFLICTS:
        own["kind"] = "support"  # a support whose scheme is named like a conflict
    data = {k: v for k, v in e.data.items() if k != KEY}
    return own | ({"data": data} if data else {})


def _scheme(e: Edge, kept: Mapping[str, Any], s_id: str, native: bool) -> dict[str, Any]:
    """The scheme node of an edge: ``support`` (or its scheme's name) or ``conflict``."""
    default = {"name": "conflict" if e.kind is EdgeKind.ATTACK else e.scheme or "support"}
    body = dict(kept.get("scheme", default))
    if e.kind is EdgeKind.SUPPORT and (body.get("name") not in (None, "support") or e.scheme):
        body["name"] = e.scheme or "support"
    node = {"id": s_id, "type": "scheme", **({} if "scheme" in kept else {"metadata": {}}), **body}
    return _with_own(node, _scheme_own(e, s_id, native))


def _graph(m: ArgumentMap, native: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The nodes (atoms, then schemes) and edges of a map's document, by id and by ends."""
    nodes: dict[str, dict[str, Any]] = {}
    for n in m.nodes:
        kept = dict(n.data.get(KEY, {}))
        text = kept.pop("text", n.text)
        # A kept text of None is an atom that had none (a null text is not SADFace).
        atom = {"id": n.id, "type": "atom", **({} if text is None else {"text": text}), **kept}
        defaults: dict[str, Any] = {} if KEY in n.data else {"metadata": {}, "sources": []}
        nodes[n.id] = _with_own({**defaults, **atom}, _own_node(n))
    edges: dict[str, dict[str, Any]] = {}
    scheme_of: dict[str, str] = {}
    for e in m.edges:
        kept = dict(e.data.get(KEY, {}))
        s_id = scheme_of[e.key] = str(kept.get("id", e.key))
        if s_id not in nodes:
            nodes[s_id] = _scheme(e, kept, s_id, native)
        originals = kept.get("edges", {})
        target = scheme_of.get(e.target, e.target) if m.is_undercut(e) else e.target
        for a, b in [*((p, s_id) for p in e.premises), (s_id, target)]:
            if f"{a}>{b}" not in edges:
                edge = originals.get(f"{a}>{b}", {"id": f"{a}-{b}"})
                edges[f"{a}>{b}"] = {**edge, "source_id": a, "target_id": b}
    return nodes, edges


def _metadata(m: ArgumentMap, kept: Mapping[str, Any], native: bool) -> dict[str, Any]:
    """A document's metadata: as read, or SADFace's core; argmap's fields under ``argmap``."""
    metadata = dict(kept.get("metadata", {}))
    if not metadata:
        core: dict[str, Any] = {"id": m.id, "title": m.title, "version": "0.2"}
        if m.summary:
            core["description"] = m.summary
        metadata = {"core": core}
    own: dict[str, Any] = {
        k: list(v) if isinstance(v, tuple) else str(v)
        for k in _MAP_FIELDS
        if (v := getattr(m, k)) and not (k == "role" and v == "essay")
    }
    core = metadata.get("core", {})
    own |= {k: getattr(m, k) for k in ("id", "title") if core.get(k) != getattr(m, k)}
    read_back = {"summary": core.get("description"), "date": _day(core.get("created"))}
    if core.get("analyst_name"):
        read_back["authors"] = [core["analyst_name"]]
    own = {k: v for k, v in own.items() if read_back.get(k) != v}
    data = {k: v for k, v in m.data.items() if k != KEY}
    own |= ({"data": data} if data else {}) | ({"native": True} if native else {})
    if own:
        metadata[OWN] = own
    return metadata


def _in_order(items: dict[str, Any], order: list[str]) -> list[Any]:
    """The items in a document's order, then the new ones."""
    return [items[k] for k in order if k in items] + [v for k, v in items.items() if k not in order]


def map_to_sadface(m: ArgumentMap) -> dict[str, Any]:
    """A SADFace document for a map (see the module docstring for what goes where)."""
    found = m.data.get(KEY)
    kept: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    nodes, edges = _graph(m, native=not kept)
    return {
        "edges": _in_order(edges, list(kept.get("edge_order", []))),
        "metadata": _metadata(m, kept, native=not kept),
        "nodes": _in_order(nodes, list(kept.get("order", []))),
        **dict(kept.get("other", {"resources": []})),
    }


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from SADFace JSON text (the format contract's reader).

    Raises
    ------
    ArgmapError
        On malformed JSON, or a document that is not SADFace, with line and column.
    """
    document = parse_json(text, path)
    if not isinstance(document, Mapping):
        raise ArgmapError.at(
            "not SADFace: the document is not a JSON object", "wrong-type", path, 1, 1
        )
    try:
        return map_from_sadface(document, path)
    except ArgmapError as exc:
        raise relocate(exc, path, lambda pointer: json_position(text, pointer)) from None


def dumps(m: ArgumentMap) -> str:
    """A map as SADFace JSON text (the format contract's writer)."""
    return json.dumps(map_to_sadface(m), indent=4, ensure_ascii=False, sort_keys=True) + "\n"

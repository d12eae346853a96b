"""GraphML and node-link JSON, for network tools (Gephi, Cytoscape, yEd, networkx, D3).

Both are written from :func:`argmap.graph.to_networkx`, so they carry every field: nodes keyed
by id with ``kind``, ``text``, locator and the rest; edges keyed by their key, an undercut
running to the conclusion of the support it attacks with ``target_edge`` naming the support;
a linked reason running from its first premise, with ``linked`` listing the others and
``scheme`` its scheme. GraphML attributes must be scalars, so lists and mappings (``para``,
``tags``, ``actors``, ``linked``, ``data``, the map's ``authors``, ``edge_order``) are
written as JSON text and decoded again on reading. Both read back to the same map.

>>> import argmap
>>> m = argmap.ArgumentMap("toy", "Toy", [argmap.Node("a", "claim", "A.", tags=["x"])], [])
>>> map_from_graphml(map_to_graphml(m)) == m
True
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import ParseError

import attrs
import networkx as nx

from argmap.errors import ArgmapError, Problem
from argmap.formats.text import json_position, parse_json, parse_located_xml, relocate
from argmap.graph import GraphEdge, map_from_parts, to_networkx
from argmap.model import ArgumentMap
from argmap.model.invariants import Finding, Pointer, value_findings

__all__ = [
    "dumps_graphml",
    "dumps_node_link",
    "loads_graphml",
    "loads_node_link",
    "map_from_graphml",
    "map_from_node_link",
    "map_to_graphml",
    "map_to_node_link",
]

_GRAPH_ID = "map_id"
_ENCODED = "json:"
"""Prefix of a GraphML attribute holding JSON (a list or a mapping)."""


def _flat(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: _ENCODED + json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
        for k, v in values.items()
    }


def _unflat(values: dict[str, Any], at: Pointer, found: list[Finding]) -> dict[str, Any]:
    """Attributes with their ``json:`` texts decoded; a text that is not JSON is a finding."""
    decoded = {}
    for k, v in values.items():
        if isinstance(v, str) and v.startswith(_ENCODED):
            try:
                v = parse_json(v[len(_ENCODED) :])
            except ArgmapError as exc:
                found.append(
                    Finding(
                        (*at, k),
                        f"'{k}' starts with '{_ENCODED}' but is not JSON: {exc.message}",
                        "wrong-type",
                    )
                )
                continue
        decoded[k] = v
    return decoded


def map_to_graphml(m: ArgumentMap) -> str:
    """The map as GraphML text."""
    g = to_networkx(m)
    meta = dict(g.graph)
    meta[_GRAPH_ID] = meta.pop("id")  # GraphML keeps a graph attribute called 'id' to itself
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph(**_flat(meta))
    for node, attributes in g.nodes(data=True):
        flat.add_node(node, **_flat(attributes))
    for a, b, key, attributes in g.edges(keys=True, data=True):
        flat.add_edge(a, b, key=key, **_flat(dict(attributes)))
    return "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"


def map_from_graphml(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from GraphML written by :func:`map_to_graphml` (or shaped like it).

    Raises
    ------
    ArgmapError
        On malformed XML (at its line and column) or a graph that is not a map: every
        problem at the line of the node, edge or ``<data>`` element it is about.
    """
    located = LocatedGraphml.parse(text, path)
    try:
        with warnings.catch_warnings():  # a <data> whose key has no type is read as text
            warnings.simplefilter("ignore")
            g = nx.read_graphml(
                io.BytesIO(text.encode("utf-8")), edge_key_type=str, force_multigraph=True
            )
    except (ParseError, nx.NetworkXError, ValueError, TypeError, KeyError) as exc:
        wrong = located.wrong_value() or Problem(
            f"not GraphML a map can be read from: {exc}", code="graphml", path=path, line=1
        )
        raise ArgmapError.from_problems([wrong]) from None
    if not isinstance(g, nx.MultiDiGraph):
        raise ArgmapError.from_problems(
            [Problem("the GraphML graph is not directed", code="graphml", path=path, line=1)]
        )
    found: list[Finding] = []
    meta = {
        k: v
        for k, v in _unflat(dict(g.graph), ("graph",), found).items()
        if k not in ("node_default", "edge_default")
    }
    if _GRAPH_ID in meta:
        meta["id"] = meta.pop(_GRAPH_ID)
    nodes = [(n, _unflat(a, ("node", n), found), ("node", n)) for n, a in g.nodes(data=True)]
    edges = [
        GraphEdge(u, v, k, _unflat(a, ("edge", k), found), ("edge", k))
        for u, v, k, a in g.edges(keys=True, data=True)
    ]
    try:
        if found:
            raise ArgmapError.from_problems(f.to_problem() for f in found)
        return map_from_parts(meta, nodes, edges)
    except ArgmapError as exc:
        raise relocate(exc, path, located.position) from None


def _parses(convert: Callable[[str], object]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            convert(value)
        except ValueError:
            return False
        return True

    return check


_TYPED: dict[str, Callable[[str], bool]] = {
    "int": _parses(int),
    "long": _parses(int),
    "float": _parses(float),
    "double": _parses(float),
    "boolean": lambda value: value.lower() in ("true", "false", "0", "1"),
}
"""What each typed GraphML ``attr.type`` accepts (as networkx reads it)."""


@attrs.define
class LocatedGraphml:
    """Where each node, edge and ``<data>`` of a GraphML text is, read with expat.

    Reading it first also refuses what ``networkx`` should never see: malformed XML (with
    line and column), entity declarations (the "billion laughs"), control characters.
    """

    path: str
    keys: dict[str, str] = attrs.field(factory=dict)  # key id -> attribute name
    types: dict[str, str] = attrs.field(factory=dict)  # key id -> attr.type
    places: dict[Pointer, tuple[int, int]] = attrs.field(factory=dict)
    problems: list[Problem] = attrs.field(factory=list)
    typed: list[tuple[str, str, tuple[int, int], list[str]]] = attrs.field(factory=list)
    """Each ``<data>`` of a typed key: its key's name and type, its place, its text."""
    _open: list[Pointer] = attrs.field(factory=list)
    _text: list[str] | None = None

    @classmethod
    def parse(cls, text: str, path: str) -> LocatedGraphml:
        """The places of ``text``'s elements.

        Raises
        ------
        ArgmapError
            On malformed XML, an entity declaration, or a control character in a text.
        """
        located = cls(path)
        parse_located_xml(
            text, path, located.start, located.problems, "GraphML", located.characters
        )
        if located.problems:
            raise ArgmapError.from_problems(located.problems)
        return located

    def start(self, tag: str, attributes: dict[str, str], where: tuple[int, int]) -> None:
        tag = tag.rpartition("}")[2]
        self._text = None
        if tag == "key" and "id" in attributes:
            self.keys[attributes["id"]] = attributes.get("attr.name", attributes["id"])
            self.types[attributes["id"]] = attributes.get("attr.type", "string")
        if tag == "data" and self.types.get(attributes.get("key", "")) in _TYPED:
            key = attributes["key"]
            self._text = []
            self.typed.append((self.keys[key], self.types[key], where, self._text))
        at: Pointer | None = None
        if tag == "graph":
            at = ("graph",)
        elif tag == "node" and "id" in attributes:
            at = ("node", attributes["id"])
        elif tag == "edge":
            at = ("edge", attributes.get("id", ""))
        elif tag == "data" and self._open:
            at = (*self._open[-1], self.keys.get(attributes.get("key", ""), ""))
        if at is not None:
            self.places.setdefault(at, where)
            if tag != "data":
                self._open.append(at)

    def characters(self, text: str) -> None:
        """Text between tags: kept while inside the ``<data>`` of a typed key."""
        if self._text is not None:
            self._text.append(text)

    def wrong_value(self) -> Problem | None:
        """The first ``<data>`` whose text its key's ``attr.type`` refuses, at its place."""
        for name, kind, (line, column), parts in self.typed:
            value = "".join(parts).strip()
            if not _TYPED[kind](value):
                return Problem(
                    f"'{value}' is not a GraphML {kind}, as the key of '{name}' declares",
                    code="graphml",
                    path=self.path,
                    line=line,
                    column=column,
                )
        return None

    def position(self, pointer: Pointer) -> tuple[int, int] | None:
        """The place of ``pointer``'s element, or of the nearest element around it."""
        for end in range(len(pointer), 0, -1):
            if pointer[:end] in self.places:
                return self.places[pointer[:end]]
        return None


def map_to_node_link(m: ArgumentMap) -> dict[str, Any]:
    """The map as node-link JSON data (``nodes``, ``edges``, ``graph``)."""
    data: dict[str, Any] = nx.node_link_data(to_networkx(m), edges="edges")
    return data


def map_from_node_link(data: dict[str, Any], path: str = "<input>") -> ArgumentMap:
    """A map from node-link JSON data written by :func:`map_to_node_link`.

    Raises
    ------
    ArgmapError
        If the data is not a node-link graph of a map, with every problem found; each has
        the pointer of its node (``$.nodes[i]``), edge (``$.edges[i]``) or attribute.
    """
    found = value_findings(data)
    meta = data.get("graph", {})
    if not isinstance(meta, dict):
        found.append(Finding(("graph",), "'graph' must be an object", "wrong-type"))
        meta = {}
    listed = "edges" if "edges" in data or "links" not in data else "links"
    nodes = [
        (item.get("id"), _without(item, "id"), ("nodes", i))
        for i, item in enumerate(_objects(data, "nodes", found))
    ]
    edges = [
        GraphEdge(
            item.get("source"),
            item.get("target"),
            item.get("key"),
            _without(item, "source", "target", "key"),
            (listed, i),
        )
        for i, item in enumerate(_objects(data, listed, found))
    ]
    errors = [f for f in found if f.is_error]
    if errors:
        raise ArgmapError.from_problems(f.to_problem(path) for f in errors)
    return map_from_parts(meta, nodes, edges)


def _without(item: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in keys}


def _objects(data: dict[str, Any], key: str, found: list[Finding]) -> list[dict[str, Any]]:
    """The objects listed under ``key``; a finding for anything else there."""
    items = data.get(key, [])
    if not isinstance(items, list):
        found.append(Finding((key,), f"'{key}' must be a list", "wrong-type"))
        return []
    objects = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            objects.append(item)
        else:
            found.append(Finding((key, i), f"each of '{key}' must be an object", "wrong-type"))
    return objects


def loads_graphml(text: str, path: str = "<input>") -> ArgumentMap:
    """The format contract's GraphML reader: :func:`map_from_graphml`."""
    return map_from_graphml(text, path)


def dumps_graphml(m: ArgumentMap) -> str:
    """The format contract's GraphML writer: :func:`map_to_graphml`."""
    return map_to_graphml(m)


def loads_node_link(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from node-link JSON text.

    Raises
    ------
    ArgmapError
        On malformed JSON (with line and column) or data that is not a map's graph.
    """
    data = parse_json(text, path)
    if not isinstance(data, dict):
        message = "not node-link graph JSON: the document is not an object"
        raise ArgmapError.at(message, "wrong-type", path, 1, 1)
    try:
        return map_from_node_link(data, path)
    except ArgmapError as exc:
        raise relocate(exc, path, lambda pointer: json_position(text, pointer)) from None


def dumps_node_link(m: ArgumentMap) -> str:
    """A map as node-link JSON text."""
    return json.dumps(map_to_node_link(m), indent=2, ensure_ascii=False) + "\n"

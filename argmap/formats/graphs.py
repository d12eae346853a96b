"""GraphML and node-link JSON, for network tools (Gephi, Cytoscape, yEd, networkx, D3).

Both are written from :func:`argmap.graph.to_networkx`, so they carry every field: nodes keyed
by id with ``kind``, ``text``, locator and the rest; edges keyed by their key, an undercut
running to the conclusion of the support it attacks with ``target_edge`` naming the support;
a linked reason running from its first premise, with ``linked`` listing the others and
``scheme`` its scheme (and ``roles``, ``answers``). GraphML attributes must be scalars, so
lists and mappings (``para``, ``tags``, ``actors``, ``linked``, ``roles``, ``data``, the
map's ``authors``, ``edge_order``) are
written as JSON text and decoded again on reading. Both read back to the same map.

Graphs other tools write (networkx, Gephi, D3) are read through a documented mapping (see
:func:`_from_other_tools`): a node without ``kind`` is a claim whose text is its label, an
edge without ``kind`` a support or attack as its ``relation`` (or ``type``, ``label``, …)
says, or refused at its place. yEd GraphML as the Argdown CLI exports it is read from its
drawing (:func:`map_from_yed`).

>>> import argmap
>>> m = argmap.ArgumentMap("toy", "Toy", [argmap.Node("a", "claim", "A.", tags=["x"])], [])
>>> map_from_graphml(map_to_graphml(m)) == m
True
"""

from __future__ import annotations

import html
import io
import json
import re
import warnings
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import ParseError

import attrs
import networkx as nx

from argmap.errors import ArgmapError, Problem
from argmap.formats.aif import safe_id
from argmap.formats.text import json_position, parse_json, parse_located_xml, relocate
from argmap.graph import GraphEdge, map_from_parts, to_networkx
from argmap.model import ID_PATTERN, ArgumentMap, NodeKind
from argmap.model.invariants import Finding, Pointer, value_findings

__all__ = [
    "dumps_graphml",
    "dumps_node_link",
    "loads_graphml",
    "loads_node_link",
    "map_from_graphml",
    "map_from_node_link",
    "map_from_yed",
    "map_to_graphml",
    "map_to_node_link",
]

_GRAPH_ID = "map_id"
_ENCODED = "json:"
"""Prefix of a GraphML attribute holding JSON (a list or a mapping)."""


def _flat(values: dict[str, Any]) -> dict[str, Any]:
    """Attributes as GraphML can hold them.

    A list or mapping, and a text that itself starts with ``json:``, is written as ``json:``
    and its JSON, so that such a text reads back as itself.
    """
    return {
        k: _ENCODED + json.dumps(v, ensure_ascii=False) if _encoded(v) else v
        for k, v in values.items()
    }


def _encoded(value: object) -> bool:
    return isinstance(value, list | dict | tuple) or (
        isinstance(value, str) and value.startswith(_ENCODED)
    )


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
    if _is_yed(text):
        return map_from_yed(text, path)
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
    nodes: list[tuple[Any, dict[str, Any], Pointer]] = [
        (n, _unflat(a, ("node", n), found), ("node", n)) for n, a in g.nodes(data=True)
    ]
    edges = []
    for u, v, k, a in g.edges(keys=True, data=True):
        at: Pointer = ("edge", k) if ("edge", k) in located.places else ("between", u, v)
        edges.append(GraphEdge(u, v, k, _unflat(a, at, found), at))
    meta, nodes, edges, foreign = _from_other_tools(meta, nodes, edges, _name_of(path))
    found += foreign
    return _built(meta, nodes, edges, found, path, located)


def _built(
    meta: dict[str, Any],
    nodes: list[Any],
    edges: list[GraphEdge],
    found: list[Finding],
    path: str,
    located: LocatedGraphml,
) -> ArgumentMap:
    """The map from a GraphML file's parts, or every finding at its line in the file."""
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
            # an edge without an id (networkx writes none) is found by its ends
            self.places.setdefault(
                ("between", attributes.get("source", ""), attributes.get("target", "")), where
            )
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
    nodes: list[tuple[Any, dict[str, Any], Pointer]] = [
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
    if data.get("directed") is False:
        found.append(
            Finding(
                ("directed",),
                "the graph is not directed: supports and attacks need a direction",
                "wrong-type",
            )
        )
    meta, nodes, edges, foreign = _from_other_tools(dict(meta), nodes, edges, _name_of(path))
    found += foreign
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


# -- graphs from other tools ---------------------------------------------------------------

_ID = re.compile(ID_PATTERN)
_TEXT_ATTRS = ("text", "label", "name", "title")
"""Where a node of another tool's graph has its text, in order of preference."""
_RELATION_ATTRS = ("relation", "type", "label", "polarity", "sign")
"""Where an edge of another tool's graph says whether it supports or attacks."""
_WORDS = {
    **dict.fromkeys(("support", "supports", "pro", "+", "positive", "for"), "support"),
    **dict.fromkeys(("attack", "attacks", "con", "-", "negative", "against", "contra"), "attack"),
}
"""The values of :data:`_RELATION_ATTRS` read as a support or an attack (any case)."""


def _kind_word(value: Any) -> str | None:
    return _WORDS.get(value.strip().lower()) if isinstance(value, str) else None


def _fresh_id(raw: Any, taken: set[str]) -> str:
    """An argmap id for another tool's node id (a number, or text with spaces), unique."""
    text = str(raw)
    new = text if _ID.fullmatch(text) else safe_id(text)
    while new in taken:
        new = f"{new}_"
    taken.add(new)
    return new


def _from_other_tools(
    meta: dict[str, Any],
    nodes: list[tuple[Any, dict[str, Any], Pointer]],
    edges: list[GraphEdge],
    default_id: str,
) -> tuple[
    dict[str, Any], list[tuple[Any, dict[str, Any], Pointer]], list[GraphEdge], list[Finding]
]:
    """A graph written by another tool (networkx, Gephi, yEd) read through argmap's mapping.

    What argmap writes passes unchanged. Otherwise:

    - a graph with no ``id`` is named by ``default_id`` (the file's name), its title its
      ``name`` or ``label`` attribute, else the id; its other attributes go to the map's
      ``data["graph"]``;
    - a node with no ``kind`` is a claim (or the kind its ``type`` names); its text is its
      ``text``, ``label``, ``name`` or ``title`` attribute, else its id; an id that is not
      an argmap id (a number, a name with spaces) is made one, and the original kept with the
      other attributes in the node's ``data["graph"]``;
    - an edge with no ``kind`` is a support or an attack as its ``relation``, ``type``,
      ``label``, ``polarity`` or ``sign`` attribute says (``support``, ``pro``, ``+``,
      ``attack``, ``con``, ``-``, …); its other attributes go to its ``data["graph"]``.
      An edge that says neither is a finding at its place: argmap does not guess.
    """
    meta = _meta_from_other_tools(meta, default_id)
    taken: set[str] = {str(n) for n, a, _ in nodes if "kind" in a and isinstance(n, str)}
    renamed: dict[Any, str] = {}
    mapped_nodes = []
    for node_id, attributes, at in nodes:
        if "kind" in attributes:
            mapped_nodes.append((node_id, attributes, at))
        else:
            renamed[node_id] = _fresh_id(node_id, taken)
            mapped_nodes.append(
                (
                    renamed[node_id],
                    _node_from_other_tools(node_id, renamed[node_id], attributes),
                    at,
                )
            )
    found: list[Finding] = []
    mapped_edges = []
    for e in edges:
        e = e._replace(
            source=renamed.get(e.source, e.source), target=renamed.get(e.target, e.target)
        )
        if "kind" in e.attrs:
            mapped_edges.append(e)
        elif (own := _edge_from_other_tools(e.attrs)) is not None:
            mapped_edges.append(GraphEdge(e.source, e.target, None, own, e.at))
        else:
            found.append(
                Finding(
                    e.at,
                    f"graph edge '{e.source}' -> '{e.target}' says neither support nor attack: "
                    "give it a 'kind' (support or attack), or a 'relation', 'type', 'label', "
                    "'polarity' or 'sign' attribute saying so",
                    "missing-field",
                )
            )
    return meta, mapped_nodes, mapped_edges, found


def _meta_from_other_tools(meta: dict[str, Any], default_id: str) -> dict[str, Any]:
    """A graph's attributes with an id and a title (see :func:`_from_other_tools`)."""
    if "id" in meta:
        title = meta.get("title", meta.get("name", meta.get("label")))
        return {**meta, "title": title if isinstance(title, str) and title else meta["id"]}
    title = meta.get("title", meta.get("name", meta.get("label")))
    rest = {k: v for k, v in meta.items() if k not in ("title", "name", "label")}
    found: dict[str, Any] = {
        "id": default_id,
        "title": title if isinstance(title, str) and title else default_id,
    }
    if rest:
        found["data"] = {"graph": rest}
    return found


def _node_from_other_tools(old: Any, new: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """A node's attributes as argmap's: kind, text, the rest in ``data["graph"]``."""
    text_key = next((k for k in _TEXT_ATTRS if isinstance(attributes.get(k), str)), None)
    kind = attributes.get("type") if attributes.get("type") in set(NodeKind) else "claim"
    rest = {k: v for k, v in attributes.items() if k != text_key}
    if new != old:
        rest["id"] = old
    own: dict[str, Any] = {"kind": kind, "text": attributes[text_key] if text_key else new}
    if rest:
        own["data"] = {"graph": rest}
    return own


def _edge_from_other_tools(attributes: dict[str, Any]) -> dict[str, Any] | None:
    """An edge's attributes as argmap's, or ``None`` if none says support or attack."""
    for key in _RELATION_ATTRS:
        if (word := _kind_word(attributes.get(key))) is not None:
            rest = {k: v for k, v in attributes.items() if k != key}
            return {"kind": word, **({"data": {"graph": rest}} if rest else {})}
    return None


def _name_of(path: str) -> str:
    """The default map id for a file: its name without suffix, as an argmap id."""
    stem = PurePath(path).stem if path and not path.startswith("<") else ""
    return safe_id(stem) if stem else "graph"


# -- yEd GraphML (the Argdown CLI's `argdown map --format graphml`) --------------------------

_G = "{http://graphml.graphdrawing.org/xmlns}"
_Y = "{http://www.yworks.com/xml/graphml}"
_YED_RELATIONS = {"#00ff00": "support", "#ff0000": "attack", "#551a8b": "undercut"}
"""The Argdown CLI's edge colours: support, attack (and contradiction, drawn with diamonds at
both ends), undercut."""
_MARKUP = re.compile(r"<[^>]*>")


def _is_yed(text: str) -> bool:
    """Whether GraphML text is yEd's (labels and relations in drawing elements, not data)."""
    return "yfiles.type" in text and 'attr.name="kind"' not in text


def _label(element: ElementTree.Element) -> str:
    """A yEd label's text: its HTML tags taken out, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(_MARKUP.sub(" ", element.text or "")).split())


def _yed_nodes(graph: ElementTree.Element, group: str | None, out: list[Any]) -> None:
    """The drawn nodes of a yEd graph and of the groups nested in it, with their group."""
    for node in graph.findall(f"{_G}node"):
        nested = node.find(f"{_G}graph")
        if nested is not None:  # a group (an Argdown section or group): its label names it
            label = node.find(f".//{_Y}GroupNode/{_Y}NodeLabel")
            _yed_nodes(nested, _label(label) if label is not None else group, out)
            continue
        labels = [_label(x) for x in node.iter(f"{_Y}NodeLabel")]
        fill = node.find(f".//{_Y}Fill")
        out.append((node.get("id"), labels, fill.get("color") if fill is not None else None, group))


def map_from_yed(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from yEd GraphML as the Argdown CLI writes it (``argdown map --format graphml``).

    The mapping: each drawn node is a claim, its id the GraphML id; with two labels the first
    is its title (kept in ``data["graph"]["title"]``) and the second its text; a filled node
    (an Argdown argument) has ``data["graph"]["argument"]``; the group around it, if any, is
    ``data["graph"]["group"]``. An edge is a support (green, ``#00ff00``) or an attack (red,
    ``#ff0000``); a red edge with diamonds at both ends is a contradiction, read as attacks
    both ways; an undercut (purple, ``#551A8B``, aimed at the argument) is an attack on the
    argument's node, with ``data["graph"]["relation"] = "undercut"``.

    Raises
    ------
    ArgmapError
        On malformed XML, or an edge of another colour, at its line and column.
    """
    located = LocatedGraphml.parse(text, path)
    root = ElementTree.fromstring(text)  # safe: LocatedGraphml refused entity declarations
    graph = root.find(f"{_G}graph")
    drawn: list[Any] = []
    if graph is not None:
        _yed_nodes(graph, None, drawn)
    nodes = []
    for node_id, labels, fill, group in drawn:
        title, body = (
            (labels[0], labels[1]) if len(labels) > 1 else (None, labels[0] if labels else "")
        )
        extra = {"title": title, "group": group}
        if fill and fill.upper() != "#FFFFFF":
            extra["argument"] = True
        own = {"kind": "claim", "text": body or title or node_id}
        if present := {k: v for k, v in extra.items() if v is not None}:
            own["data"] = {"graph": present}
        nodes.append((node_id, own, ("node", node_id)))
    edges: list[GraphEdge] = []
    found: list[Finding] = []
    for edge in root.iter(f"{_G}edge"):
        line = edge.find(f".//{_Y}LineStyle")
        arrows = edge.find(f".//{_Y}Arrows")
        color = (line.get("color") or "").lower() if line is not None else ""
        relation = _YED_RELATIONS.get(color)
        a, b, at = edge.get("source"), edge.get("target"), ("edge", edge.get("id", ""))
        if relation is None:
            found.append(
                Finding(
                    at,
                    f"edge '{a}' -> '{b}' is drawn in {color or 'no colour'}, which is not one "
                    "of the Argdown CLI's relations (green support, red attack or "
                    "contradiction, purple undercut)",
                    "graphml",
                )
            )
            continue
        both = arrows is not None and arrows.get("source") == arrows.get("target") == "diamond"
        data = {"data": {"graph": {"relation": relation}}} if relation == "undercut" else {}
        kind = "support" if relation == "support" else "attack"
        if both:
            data = {"data": {"graph": {"relation": "contradiction"}}}
            edges.append(GraphEdge(b, a, None, {"kind": kind, **data}, at))
        edges.append(GraphEdge(a, b, None, {"kind": kind, **data}, at))
    meta = {"id": _name_of(path), "title": _name_of(path), "data": {"graph": {"tool": "yEd"}}}
    return _built(meta, nodes, edges, found, path, located)


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

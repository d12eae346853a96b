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
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx

from argmap.errors import ArgmapError
from argmap.formats.text import parse_json
from argmap.graph import from_networkx, to_networkx
from argmap.model import ArgumentMap

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


def _unflat(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.loads(v[len(_ENCODED) :]) if isinstance(v, str) and v.startswith(_ENCODED) else v
        for k, v in values.items()
    }


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
        On malformed XML or a graph that is not a map.
    """
    try:
        g = nx.read_graphml(
            io.BytesIO(text.encode("utf-8")), edge_key_type=str, force_multigraph=True
        )
    except (ParseError, nx.NetworkXError) as exc:
        raise ArgmapError(f"malformed GraphML: {exc}", path=path) from None
    if not isinstance(g, nx.MultiDiGraph):
        raise ArgmapError("the GraphML graph is not directed", path=path)
    meta = {
        k: v for k, v in _unflat(dict(g.graph)).items() if k not in ("node_default", "edge_default")
    }
    if _GRAPH_ID in meta:
        meta["id"] = meta.pop(_GRAPH_ID)
    rich: nx.MultiDiGraph[str] = nx.MultiDiGraph(**meta)
    for node, attributes in g.nodes(data=True):
        rich.add_node(node, **_unflat(attributes))
    for a, b, key, attributes in g.edges(keys=True, data=True):
        rich.add_edge(a, b, key=key, **_unflat(attributes))
    return from_networkx(rich)


def map_to_node_link(m: ArgumentMap) -> dict[str, Any]:
    """The map as node-link JSON data (``nodes``, ``edges``, ``graph``)."""
    data: dict[str, Any] = nx.node_link_data(to_networkx(m), edges="edges")
    return data


def map_from_node_link(data: dict[str, Any], path: str = "<input>") -> ArgumentMap:
    """A map from node-link JSON data written by :func:`map_to_node_link`.

    Raises
    ------
    ArgmapError
        If the data is not a node-link graph of a map.
    """
    try:
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise ArgmapError(f"not node-link graph JSON: {exc}", path=path) from None
    if not isinstance(g, nx.MultiDiGraph):  # pragma: no cover - directed multigraph asked for
        raise ArgmapError("not a directed node-link graph", path=path)
    return from_networkx(g)


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
        raise ArgmapError("not node-link graph JSON: the document is not an object", path=path)
    return map_from_node_link(data, path)


def dumps_node_link(m: ArgumentMap) -> str:
    """A map as node-link JSON text."""
    return json.dumps(map_to_node_link(m), indent=2, ensure_ascii=False) + "\n"

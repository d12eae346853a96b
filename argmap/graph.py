"""Conversion between argument maps (and corpora) and ``networkx.MultiDiGraph``.

Every field survives the round trip. In the graph of a map:

- each node is keyed by its id, with attributes ``kind``, ``text`` and those that are set
  of ``para`` (a list), ``quote``, ``tags``, ``weight``, ``actors``, ``note``, ``data``;
- each edge is keyed by :attr:`~argmap.model.Edge.key`, with ``kind`` (``support`` or
  ``attack``), ``id`` when it has one, and ``para``, ``quote``, ``note``, ``data``,
  ``scheme``;
- a *linked* reason (a support with several premises, ``a + b -> c``) is one graph edge,
  from its first premise to its conclusion, whose ``linked`` attribute lists the further
  premises (``['b']``); a graph algorithm that follows edges sees only the first premise,
  so code that needs every premise reads ``linked`` (or uses :func:`from_networkx`);
- an undercut runs from the attacker to the *conclusion* of the support it attacks, with
  ``target_edge`` naming that support's key (a graph edge cannot end at an edge);
- ``G.graph`` holds the map's metadata, and ``edge_order``, the edge keys in map order
  (networkx lists edges by node, so this is what keeps the order of a round trip).

In the graph of a corpus, nodes are keyed ``essay-id:node-id`` with an ``essay`` attribute,
map edges are keyed ``essay-id:edge-key``, cross-essay relations carry ``cross=True`` (a
contradiction is one edge of kind ``contradiction``), and ``G.graph`` holds the corpus
metadata, each essay's metadata under ``essays`` and the equivalence groups under
``equivalences``.

>>> import argmap
>>> m = argmap.ArgumentMap("toy", "Toy", nodes=[argmap.Node("a", "claim", "A."),
...     argmap.Node("b", "claim", "B.")], edges=[argmap.Edge("attack", "a", "b")])
>>> g = to_networkx(m)
>>> list(g.edges(keys=True, data="kind"))
[('a', 'b', 'attack:a->b', 'attack')]
>>> from_networkx(g) == m
True
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.errors import ArgmapError
from argmap.formats.shape import CORPUS, MAP_META
from argmap.model import ArgumentMap, Corpus, Edge, Equivalence, Locator, Node, Relation
from argmap.options import Role

__all__ = ["corpus_from_networkx", "corpus_to_networkx", "from_networkx", "to_networkx"]

_MAP_META = MAP_META
_CORPUS_META = CORPUS.keys


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != () and v != {} and v != []}


def _locator_attrs(locator: Locator | None) -> dict[str, Any]:
    if locator is None:
        return {}
    return _present({"para": list(locator.paragraphs), "quote": locator.quote})


def _locator(attrs: dict[str, Any]) -> Locator | None:
    return Locator(attrs["para"], attrs.get("quote")) if attrs.get("para") else None


def _node_attrs(node: Node) -> dict[str, Any]:
    return _present(
        {
            "kind": str(node.kind),
            "text": node.text,
            "tags": list(node.tags),
            "weight": node.weight,
            "actors": list(node.actors),
            "note": node.note,
            "data": node.data,
        }
    ) | _locator_attrs(node.locator)


def _node(node_id: str, attrs: dict[str, Any]) -> Node:
    missing = [k for k in ("kind", "text") if k not in attrs]
    if missing:
        raise ArgmapError(
            f"graph node '{node_id}' has no {' or '.join(repr(k) for k in missing)} attribute"
        )
    return Node(
        id=node_id,
        kind=attrs["kind"],
        text=attrs["text"],
        locator=_locator(attrs),
        tags=attrs.get("tags", ()),
        weight=attrs.get("weight"),
        actors=attrs.get("actors", ()),
        note=attrs.get("note"),
        data=attrs.get("data"),
    )


def _edge_attrs(edge: Edge, prefix: str = "") -> dict[str, Any]:
    return _present(
        {
            "kind": str(edge.kind),
            "id": edge.id,
            "linked": [prefix + p for p in edge.linked],
            "scheme": edge.scheme,
            "note": edge.note,
            "data": edge.data,
        }
    ) | (_locator_attrs(edge.locator))


def _edge(source: str, target: str, attrs: dict[str, Any]) -> Edge:
    if "kind" not in attrs:
        raise ArgmapError(f"graph edge '{source}' -> '{target}' has no 'kind' attribute")
    return Edge(
        attrs["kind"],
        source,
        attrs.get("target_edge", target),
        id=attrs.get("id"),
        locator=_locator(attrs),
        note=attrs.get("note"),
        data=attrs.get("data"),
        linked=attrs.get("linked", ()),
        scheme=attrs.get("scheme"),
    )


def _meta(obj: ArgumentMap | Corpus, keys: tuple[str, ...]) -> dict[str, Any]:
    values = {k: getattr(obj, k) for k in keys}
    if "authors" in values:
        values["authors"] = list(values["authors"])
    if "role" in values:  # essay, the default, is left out as in YAML
        values["role"] = None if values["role"] is Role.ESSAY else str(values["role"])
    return _present(values)


def _ordered_edges(graph: nx.MultiDiGraph[str]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The graph's edges in ``G.graph['edge_order']``; edges it does not name come last."""
    rank = {key: i for i, key in enumerate(graph.graph.get("edge_order", ()))}
    edges = [(u, v, k, dict(a)) for u, v, k, a in graph.edges(keys=True, data=True)]
    return sorted(edges, key=lambda e: rank.get(e[2], len(rank)))


def _add_map(graph: nx.MultiDiGraph[str], m: ArgumentMap, essay: str | None = None) -> None:
    prefix = f"{essay}:" if essay else ""
    extra = {"essay": essay} if essay else {}
    for node in m.nodes:
        graph.add_node(prefix + node.id, **_node_attrs(node), **extra)
    for edge in m.edges:
        attrs = _edge_attrs(edge, prefix)
        target = edge.target
        if m.is_undercut(edge):
            target = m.edge(edge.target).target
            attrs["target_edge"] = prefix + edge.target
        graph.add_edge(prefix + edge.source, prefix + target, key=prefix + edge.key, **attrs)
        graph.graph.setdefault("edge_order", []).append(prefix + edge.key)


def to_networkx(m: ArgumentMap) -> nx.MultiDiGraph[str]:
    """The map as a ``networkx.MultiDiGraph`` (see the module docstring for the layout)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(**_meta(m, _MAP_META))
    _add_map(graph, m)
    return graph


def from_networkx(graph: nx.MultiDiGraph[str]) -> ArgumentMap:
    """The map a graph made by :func:`to_networkx` (or laid out the same way) describes.

    Raises
    ------
    ArgmapError
        If a node or edge lacks its ``kind``, or the result breaks a map rule.
    """
    meta = dict(graph.graph)
    for key in ("id", "title"):
        if key not in meta:
            raise ArgmapError(f"the graph has no '{key}' attribute (G.graph['{key}'])")
    nodes = [_node(n, dict(a)) for n, a in graph.nodes(data=True)]
    edges = [_edge(u, v, a) for u, v, _, a in _ordered_edges(graph)]
    return ArgumentMap(
        nodes=nodes, edges=edges, **{k: v for k, v in meta.items() if k in _MAP_META}
    )


def corpus_to_networkx(corpus: Corpus) -> nx.MultiDiGraph[str]:
    """The corpus as one ``networkx.MultiDiGraph`` with global node ids ``essay:node``."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(**_meta(corpus, _CORPUS_META))
    graph.graph["essays"] = {m.id: _meta(m, _MAP_META) for m in corpus.maps}
    graph.graph["equivalences"] = [
        _present(
            {"id": g.id, "members": [str(r) for r in g.members], "note": g.note, "data": g.data}
        )
        for g in corpus.equivalences
    ]
    for m in corpus.maps:
        _add_map(graph, m, essay=m.id)
    for rel in corpus.relations:
        attrs = _present(
            {
                "kind": str(rel.kind),
                "id": rel.id,
                "note": rel.note,
                "hindsight": rel.hindsight or None,
                "data": rel.data,
            }
        )
        graph.add_edge(str(rel.source), str(rel.target), key=rel.key, cross=True, **attrs)
        graph.graph.setdefault("edge_order", []).append(rel.key)
    return graph


def corpus_from_networkx(graph: nx.MultiDiGraph[str]) -> Corpus:
    """The corpus a graph made by :func:`corpus_to_networkx` describes.

    Raises
    ------
    ArgmapError
        If the graph lacks the corpus layout or the result breaks a corpus rule.
    """
    essays = graph.graph.get("essays")
    if not isinstance(essays, dict):
        raise ArgmapError("the graph has no 'essays' attribute: not made by corpus_to_networkx")
    nodes: dict[str, list[Node]] = {e: [] for e in essays}
    edges: dict[str, list[Edge]] = {e: [] for e in essays}
    relations = []
    for ref, attrs in graph.nodes(data=True):
        essay = attrs.get("essay")
        if essay not in nodes:
            raise ArgmapError(f"graph node '{ref}' belongs to no essay listed in G.graph['essays']")
        local = {k: v for k, v in attrs.items() if k != "essay"}
        nodes[essay].append(_node(ref.removeprefix(f"{essay}:"), local))
    for u, v, _, attrs in _ordered_edges(graph):
        if attrs.get("cross"):
            relations.append(
                Relation(
                    attrs["kind"],
                    u,
                    v,
                    id=attrs.get("id"),
                    note=attrs.get("note"),
                    data=attrs.get("data"),
                    hindsight=bool(attrs.get("hindsight", False)),
                )
            )
            continue
        essay = graph.nodes[u]["essay"]
        local = attrs
        if "target_edge" in local:
            local["target_edge"] = local["target_edge"].removeprefix(f"{essay}:")
        if "linked" in local:
            local["linked"] = [p.removeprefix(f"{essay}:") for p in local["linked"]]
        edges[essay].append(_edge(u.removeprefix(f"{essay}:"), v.removeprefix(f"{essay}:"), local))
    maps = [
        ArgumentMap(
            nodes=nodes[e], edges=edges[e], **{k: v for k, v in meta.items() if k in _MAP_META}
        )
        for e, meta in essays.items()
    ]
    groups = [
        Equivalence(g["members"], id=g.get("id"), note=g.get("note"), data=g.get("data"))
        for g in graph.graph.get("equivalences", [])
    ]
    meta = {k: v for k, v in graph.graph.items() if k in _CORPUS_META}
    return Corpus(maps, groups, relations, **meta)

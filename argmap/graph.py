"""Conversion between argument maps (and corpora) and ``networkx.MultiDiGraph``.

Every field survives the round trip. In the graph of a map:

- each node is keyed by its id, with attributes ``kind``, ``text`` and those that are set
  of ``para`` (a list), ``quote``, ``tags``, ``weight``, ``actors``, ``note``, ``data``;
- each edge is keyed by :attr:`~argmap.model.Edge.key`, with ``kind`` (``support`` or
  ``attack``), ``id`` when it has one, and ``para``, ``quote``, ``note``, ``data``,
  ``scheme``, ``roles`` (a mapping), ``answers``;
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

import re
from collections.abc import Sequence
from functools import partial
from typing import Any, NamedTuple

import networkx as nx

from argmap.errors import ArgmapError
from argmap.formats.shape import CORPUS, MAP_META
from argmap.model import (
    ArgumentMap,
    Corpus,
    Edge,
    EdgeKind,
    Equivalence,
    Locator,
    Node,
    NodeKind,
    Relation,
)
from argmap.model import invariants as validate
from argmap.model.invariants import Finding, Pointer
from argmap.options import Role

__all__ = [
    "GraphEdge",
    "corpus_from_networkx",
    "corpus_to_networkx",
    "from_networkx",
    "map_from_parts",
    "to_networkx",
]

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
            "roles": dict(edge.roles),
            "answers": edge.answers,
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
        roles=attrs.get("roles"),
        answers=attrs.get("answers"),
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
        With every node or edge that lacks its ``kind`` or has an attribute of the wrong
        type, and whatever breaks a map rule; each problem's pointer is ``$.nodes[i]`` or
        ``$.edges[i]`` in the order of ``graph.nodes`` and of the graph's edges.
    """
    node_data: Any = graph.nodes(data=True)
    nodes = [(n, dict(a), ("nodes", i)) for i, (n, a) in enumerate(node_data)]
    edges = [
        GraphEdge(u, v, k, dict(a), ("edges", i))
        for i, (u, v, k, a) in enumerate(graph.edges(keys=True, data=True))
    ]
    return map_from_parts(dict(graph.graph), nodes, edges)


class GraphEdge(NamedTuple):
    """An edge as a graph file gives it: its ends, key, attributes, and where it is."""

    source: Any
    target: Any
    key: Any
    attrs: dict[str, Any]
    at: Pointer


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_texts(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    )


def _is_paras(value: Any) -> bool:
    values = value if isinstance(value, list | tuple) else [value]
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _one_of(values: Any) -> Any:
    return lambda value: isinstance(value, str) and value in values


_KINDS = {
    "para": _is_paras,
    "quote": _is_text,
    "note": _is_text,
    "data": lambda v: isinstance(v, dict),
}
_NODE_ATTRS = {
    **_KINDS,
    "kind": _one_of(set(NodeKind)),
    "text": _is_text,
    "tags": _is_texts,
    "weight": _is_number,
    "actors": _is_texts,
}
_EDGE_ATTRS = {
    **_KINDS,
    "kind": _one_of(set(EdgeKind)),
    "id": _is_text,
    "linked": _is_texts,
    "scheme": _is_text,
    "roles": lambda v: (
        isinstance(v, dict)
        and all(isinstance(k, str) and isinstance(p, str | None) for k, p in v.items())
    ),
    "answers": _is_text,
    "target_edge": _is_text,
}
_META_ATTRS = {
    **dict.fromkeys(_MAP_META, _is_text),
    "authors": _is_texts,
    "role": _one_of(set(Role)),
    "data": lambda v: isinstance(v, dict),
    "edge_order": lambda v: isinstance(v, list | tuple),
}


def _attr_findings(
    attrs: dict[str, Any],
    spec: dict[str, Any],
    at: Pointer,
    required: tuple[str, ...],
    what: str,
) -> list[Finding]:
    """A finding for each attribute of ``spec`` missing (if required) or of the wrong type."""
    found = [
        Finding(at, f"{what} has no {key!r} attribute", "missing-field")
        for key in required
        if key not in attrs
    ]
    for key, ok in spec.items():
        if key in attrs and not ok(attrs[key]):
            found.append(
                Finding(
                    (*at, key),
                    f"the attribute '{key}' has a value of the wrong type or unknown: {attrs[key]!r:.60}",
                    "wrong-type",
                )
            )
    return found


def _built(make: Any, at: Pointer, found: list[Finding]) -> Any:
    """What ``make()`` builds, or ``None`` with its problems (pointers under ``at``) in ``found``."""
    try:
        return make()
    except ArgmapError as exc:
        for p in exc.problems or ():
            inner = _steps(p.pointer or "$")
            found.append(Finding((*at, *inner), p.message, p.code, p.severity))
        if not exc.problems:
            found.append(Finding(at, exc.message, "invalid-value"))
        return None


def _steps(pointer: str) -> Pointer:
    return tuple(int(s) if s.isdigit() else s for s in re.findall(r"[^.\[\]$]+", pointer))


def map_from_parts(
    meta: dict[str, Any],
    nodes: Sequence[tuple[Any, dict[str, Any], Pointer]],
    edges: Sequence[GraphEdge],
    meta_at: Pointer = ("graph",),
) -> ArgumentMap:
    """A map from the parts of a graph file: its attributes, nodes and edges, each located.

    Raises
    ------
    ArgmapError
        With every problem found, each with the pointer of its node, edge or attribute.
    """
    found = _attr_findings(meta, _META_ATTRS, meta_at, ("id", "title"), "the graph")
    built_nodes, node_ptrs = [], []
    for node_id, attrs, at in nodes:
        bad = _attr_findings(attrs, _NODE_ATTRS, at, ("kind", "text"), f"graph node '{node_id}'")
        if not isinstance(node_id, str):
            bad.append(Finding(at, f"a node id must be text, not {node_id!r:.40}", "wrong-type"))
        found += bad
        node = None if bad else _built(partial(_node, node_id, attrs), at, found)
        if node is not None:
            built_nodes.append(node)
            node_ptrs.append(at)
    rank = {
        key: i
        for i, key in enumerate(
            meta.get("edge_order", ()) if isinstance(meta.get("edge_order"), list | tuple) else ()
        )
    }
    built_edges, edge_ptrs = [], []
    for e in sorted(
        edges, key=lambda e: rank.get(e.key, len(rank)) if isinstance(e.key, str) else len(rank)
    ):
        bad = _attr_findings(
            e.attrs, _EDGE_ATTRS, e.at, ("kind",), f"graph edge '{e.source}' -> '{e.target}'"
        )
        if not isinstance(e.source, str) or not isinstance(e.target, str):
            bad.append(Finding(e.at, "an edge's source and target must be node ids", "wrong-type"))
        found += bad
        edge = None if bad else _built(partial(_edge, e.source, e.target, e.attrs), e.at, found)
        if edge is not None:
            built_edges.append(edge)
            edge_ptrs.append(e.at)
    if not found:
        found += validate.graph_findings(
            built_nodes, built_edges, node_pointers=node_ptrs, edge_pointers=edge_ptrs
        )
    if any(f.is_error for f in found):
        raise ArgmapError.from_problems(f.to_problem() for f in found if f.is_error)
    values = {k: v for k, v in meta.items() if k in _MAP_META}
    return _built_map(values, built_nodes, built_edges, meta_at)


def _built_map(
    values: dict[str, Any], nodes: list[Node], edges: list[Edge], at: Pointer
) -> ArgumentMap:
    found: list[Finding] = []
    m = _built(partial(ArgumentMap, nodes=nodes, edges=edges, **values), at, found)
    if m is None:
        raise ArgmapError.from_problems(f.to_problem() for f in found)
    assert isinstance(m, ArgumentMap)
    return m


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

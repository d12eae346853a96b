"""The argumentative microtexts corpus (Peldszus and Stede): ``arggraph`` XML, read as maps.

An ``arggraph`` has elementary discourse units (``edu``, the text), argumentative discourse
units (``adu``, ``type`` proponent ``pro`` or opponent ``opp``) and edges: ``seg`` (an EDU
is part of an ADU), ``sup`` and ``exa`` (support, by example), ``reb`` (rebut), ``und``
(undercut: an attack on an edge) and ``add`` (a further, linked premise of an edge).

Each ADU becomes a claim, its text the text of its EDUs, its role in ``data``; ``sup`` and
``exa`` become supports and ``reb`` an attack. An ``und`` on a support is an undercut. A map
cannot attack an attack, so an attack that is undercut (``und`` on ``reb``, or on another
``und``) is *reified*: the attack ``a → b`` becomes a node standing for "a's objection to b",
supported by ``a`` and attacking ``b``, and the undercut attacks that node — under necessary
support this is the same as attacking the attack. An ``add`` gives the edge it joins a
second premise: one more support, attack or undercut from the added ADU, marked as linked.
Every edge of the XML is in the map, found by its id in ``data["microtext"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from argmap.errors import ArgmapError
from argmap.formats.text import read_text
from argmap.model import ArgumentMap, Edge, Node

__all__ = ["dumps", "loads", "map_from_arggraph", "map_to_arggraph", "read_microtext"]

SUPPORT_TYPES = {"sup", "exa"}


def map_from_arggraph(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from an ``arggraph`` XML document (see the module docstring).

    Raises
    ------
    ArgmapError
        On malformed XML, or an edge naming an unknown unit or edge.
    """
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise ArgmapError(
            f"malformed XML: {exc}", path=path, line=line, column=column + 1
        ) from None
    if root.tag != "arggraph":
        raise ArgmapError(f"not an arggraph document (root element <{root.tag}>)", path=path)
    edus = {e.get("id", ""): (e.text or "").strip() for e in root.iter("edu")}
    adus = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {e.get("id", ""): dict(e.attrib) for e in root.iter("edge")}
    texts: dict[str, list[str]] = {a: [] for a in adus}
    for edge in edges.values():
        if edge.get("type") == "seg":
            if edge.get("trg") not in adus or edge.get("src") not in edus:
                raise ArgmapError(f"segment edge {edge.get('id')} joins unknown units", path=path)
            texts[edge["trg"]].append(edus[edge["src"]])
    nodes = [
        Node(a, "claim", " ".join(texts[a]) or f"(ADU {a})", data={"microtext": {"role": role}})
        for a, role in adus.items()
    ]
    arguing = {k: e for k, e in edges.items() if e.get("type") != "seg"}
    for k, e in arguing.items():
        if e.get("src") not in adus or (e.get("trg") not in adus and e.get("trg") not in arguing):
            raise ArgmapError(
                f"edge {k} ({e.get('type')}) names an unknown unit or edge", path=path
            )
    attacked = {
        e["trg"]
        for e in arguing.values()
        if e.get("type") in ("und", "add") and e["trg"] in arguing
    }
    reified = {k for k in attacked if arguing[k].get("type") in ("reb", "und")}
    out: list[Edge] = []

    def role(k: str, linked_to: str | None = None) -> dict[str, Any]:
        info: dict[str, Any] = {"edge": k, "type": arguing[k]["type"]}
        if linked_to is not None:
            info["linked_to"] = linked_to
        return {"microtext": info}

    def target_of(k: str) -> str:
        """What an edge on edge ``k`` hits: its reified node, or its support edge's id."""
        return f"{k}-objection" if k in reified else k

    for k, e in arguing.items():
        kind, source, target = e["type"], e["src"], e["trg"]
        if kind == "add":  # a linked premise: the same relation, from one more premise
            base = arguing[target]
            kind, target, linked = base["type"], base["trg"], e["trg"]
        else:
            linked = None
        on_edge = target in arguing
        hit = target_of(target) if on_edge else target
        if kind in SUPPORT_TYPES:
            out.append(
                Edge("support", source, hit, id=k if linked is None else None, data=role(k, linked))
            )
        elif k in reified or (linked is not None and linked in reified):
            node = f"{k if linked is None else linked}-objection"
            if linked is None:
                what = "undercut" if on_edge else "objection"
                nodes.append(
                    Node(
                        node,
                        "claim",
                        f"{source}'s {what} to {target}",
                        data={"microtext": {"reifies": k}},
                    )
                )
                out.append(Edge("attack", node, hit, data=role(k)))
            out.append(Edge("support", source, node, data=role(k, linked)))
        else:
            out.append(Edge("attack", source, hit, data=role(k, linked)))
    name = root.get("id") or Path(path).stem
    data = {"microtext": {key: value for key, value in root.attrib.items() if key != "id"}}
    return ArgumentMap(name, name, nodes, out, data=data)


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """The format contract's reader: :func:`map_from_arggraph`."""
    return map_from_arggraph(text, path)


def dumps(m: ArgumentMap) -> str:
    """The format contract's writer: :func:`map_to_arggraph`."""
    return map_to_arggraph(m)


def read_microtext(path: str | Path) -> ArgumentMap:
    """Read an ``arggraph`` XML file."""
    return map_from_arggraph(read_text(path), str(path))


def map_to_arggraph(m: ArgumentMap) -> str:
    """A map as ``arggraph`` XML.

    A node is an EDU and its ADU (role from ``data``, else proponent), a support ``sup``,
    an attack ``reb``, an undercut ``und`` on its support.

    Reified objections of a map read from arggraph are written back as they were read:
    as nodes (the format has no way to say more).
    """
    root = ElementTree.Element("arggraph", {"id": m.id})
    for i, node in enumerate(m.nodes, 1):
        edu = ElementTree.SubElement(root, "edu", {"id": f"e{i}"})
        edu.text = node.text
    ids = {node.id: f"a{i}" for i, node in enumerate(m.nodes, 1)}
    for node in m.nodes:
        info = node.data.get("microtext")
        role = info.get("role") if isinstance(info, dict) else None
        ElementTree.SubElement(
            root, "adu", {"id": ids[node.id], "type": role if role in ("pro", "opp") else "pro"}
        )
    edge_ids = {e.key: f"c{i}" for i, e in enumerate(m.edges, 1)}
    for i, node in enumerate(m.nodes, 1):
        ElementTree.SubElement(
            root, "edge", {"id": f"s{i}", "src": f"e{i}", "trg": ids[node.id], "type": "seg"}
        )
    for e in m.edges:
        if m.is_undercut(e):
            attributes = {"src": ids[e.source], "trg": edge_ids[e.target], "type": "und"}
        else:
            kind = "sup" if e.kind == "support" else "reb"
            attributes = {"src": ids[e.source], "trg": ids[e.target], "type": kind}
        ElementTree.SubElement(root, "edge", {"id": edge_ids[e.key], **attributes})
    ElementTree.indent(root)
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )

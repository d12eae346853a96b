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

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs

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
    root = _arggraph_root(text, path)
    edus = {e.get("id", ""): (e.text or "").strip() for e in root.iter("edu")}
    adus = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {e.get("id", ""): dict(e.attrib) for e in root.iter("edge")}
    texts = _adu_texts(edus, adus, edges, path)
    nodes = [
        Node(a, "claim", " ".join(texts[a]) or f"(ADU {a})", data={"microtext": {"role": role}})
        for a, role in adus.items()
    ]
    arguing = {k: e for k, e in edges.items() if e.get("type") != "seg"}
    _check_arguing(arguing, adus, path)
    translation = _Translation(arguing, _reified(arguing), nodes)
    for k, e in arguing.items():
        translation.add(k, e)
    name = root.get("id") or Path(path).stem
    data = {"microtext": {key: value for key, value in root.attrib.items() if key != "id"}}
    return ArgumentMap(name, name, translation.nodes, translation.edges, data=data)


def _arggraph_root(text: str, path: str) -> ElementTree.Element:
    """The root ``<arggraph>`` element of the XML text.

    Raises
    ------
    ArgmapError
        On malformed XML (naming the line and column) or another root element.
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
    return root


def _adu_texts(
    edus: Mapping[str, str],
    adus: Mapping[str, str],
    edges: Mapping[str, Mapping[str, str]],
    path: str,
) -> dict[str, list[str]]:
    """Each ADU's EDU texts, in the order of the ``seg`` edges joining them to it.

    Raises
    ------
    ArgmapError
        On a ``seg`` edge from an unknown EDU or to an unknown ADU.
    """
    texts: dict[str, list[str]] = {a: [] for a in adus}
    for edge in edges.values():
        if edge.get("type") == "seg":
            if edge.get("trg") not in adus or edge.get("src") not in edus:
                raise ArgmapError(f"segment edge {edge.get('id')} joins unknown units", path=path)
            texts[edge["trg"]].append(edus[edge["src"]])
    return texts


_ARGUING = frozenset({"sup", "exa", "reb", "und", "add"})
"""The types of arguing edges (``seg`` edges only segment the text)."""


def _check_arguing(
    arguing: Mapping[str, Mapping[str, str]], adus: Mapping[str, str], path: str
) -> None:
    """Fail at the first arguing edge that is not valid.

    Its type must be known, its source an ADU, its target an ADU or another edge.
    """
    for k, e in arguing.items():
        if e.get("type") not in _ARGUING:
            known = ", ".join(sorted(_ARGUING))
            raise ArgmapError(
                f"edge {k} has the type {e.get('type')!r}; arggraph edges are seg, {known}",
                path=path,
            )
        if e.get("src") not in adus or (e.get("trg") not in adus and e.get("trg") not in arguing):
            raise ArgmapError(
                f"edge {k} ({e.get('type')}) names an unknown unit or edge", path=path
            )


def _reified(arguing: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The attacks (``reb`` or ``und``) that an ``und`` or ``add`` edge targets: made nodes."""
    attacked = {
        e["trg"]
        for e in arguing.values()
        if e.get("type") in ("und", "add") and e["trg"] in arguing
    }
    return {k for k in attacked if arguing[k].get("type") in ("reb", "und")}


@attrs.define
class _Translation:
    """The map's nodes and edges as the arguing edges of an arggraph are translated, in order."""

    arguing: Mapping[str, Mapping[str, str]]
    """Edge id → attributes of the edges that are not ``seg``."""
    reified: set[str]
    """The ids of the attacks made nodes (``<id>-objection``)."""
    nodes: list[Node]
    edges: list[Edge] = attrs.field(factory=list)

    def role(self, k: str, linked_to: str | None = None) -> dict[str, Any]:
        """The ``data`` of a map edge translating XML edge ``k`` (linked to another edge)."""
        info: dict[str, Any] = {"edge": k, "type": self.arguing[k]["type"]}
        if linked_to is not None:
            info["linked_to"] = linked_to
        return {"microtext": info}

    def target_of(self, k: str) -> str:
        """What an edge on edge ``k`` hits: its reified node, or its support edge's id."""
        return f"{k}-objection" if k in self.reified else k

    def add(self, k: str, e: Mapping[str, str]) -> None:
        """Translate the arguing edge ``k`` with attributes ``e``.

        An ``add`` (a linked premise) is the relation of the edge it joins, from one more
        premise, marked as linked to it; a support, an attack that is (or is linked to) a
        reified one, and any other attack are then added by their own rules.
        """
        kind, source, target = e["type"], e["src"], e["trg"]
        linked = None
        if kind == "add":
            base = self.arguing[target]
            kind, target, linked = base["type"], base["trg"], e["trg"]
        on_edge = target in self.arguing
        hit = self.target_of(target) if on_edge else target
        if kind in SUPPORT_TYPES:
            edge_id = k if linked is None else None
            self.edges.append(Edge("support", source, hit, id=edge_id, data=self.role(k, linked)))
        elif k in self.reified or (linked is not None and linked in self.reified):
            self.add_reified(k, source, target, hit, linked)
        else:
            self.edges.append(Edge("attack", source, hit, data=self.role(k, linked)))

    def add_reified(self, k: str, source: str, target: str, hit: str, linked: str | None) -> None:
        """Translate an attack ``k`` that is reified, or linked to the reified attack ``linked``.

        Parameters
        ----------
        k
            The XML edge's id.
        source
            The attacking ADU.
        target
            What the attack is on (an ADU or an edge id), after following an ``add``.
        hit
            What the map's attack hits: ``target``, or the node or edge standing for it.
        linked
            For an ``add``, the edge it joins (the reified attack); else ``None``.

        Notes
        -----
        The reified attack itself adds its node, "source's objection (or undercut) to
        target", and that node's attack on ``hit``; both it and a linked premise support
        the node.
        """
        node = f"{k if linked is None else linked}-objection"
        if linked is None:
            what = "undercut" if target in self.arguing else "objection"
            self.nodes.append(
                Node(
                    node,
                    "claim",
                    f"{source}'s {what} to {target}",
                    data={"microtext": {"reifies": k}},
                )
            )
            self.edges.append(Edge("attack", node, hit, data=self.role(k)))
        self.edges.append(Edge("support", source, node, data=self.role(k, linked)))


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

"""The argumentative microtexts corpus (Peldszus and Stede): ``arggraph`` XML, read as maps.

An ``arggraph`` has elementary discourse units (``edu``, the text), argumentative discourse
units (``adu``, ``type`` proponent ``pro`` or opponent ``opp``) and edges: ``seg`` (an EDU
is part of an ADU), ``sup`` and ``exa`` (support, by example), ``reb`` (rebut), ``und``
(undercut: an attack on an edge) and ``add`` (a further, linked premise of an edge).

Each ADU becomes a claim, its text the text of its EDUs, its role in ``data``. A ``sup`` or
``exa`` edge becomes one *reason* (a support named by the edge's id) whose premises are its
source and the sources of the ``add`` edges joining it (a linked reason, ``Edge.linked``);
several reasons for one ADU are convergent. ``reb`` becomes an attack, and an ``und`` on a
support an undercut of the whole reason (an ``und`` on an ``add`` too: the added premise
is part of the reason). A map cannot attack an attack, and its attacks have one premise,
so an attack that is undercut (``und`` on ``reb`` or on another ``und``) or that has an
``add`` is *reified*: the attack ``a → b`` becomes a node standing for "a's objection to
b", supported by one reason (``a`` with any added premises) and attacking ``b``, and an
undercut attacks that node. Every edge of the XML is in the map, found by its id in
``data["microtext"]`` (``edge``, and ``add`` for the ``add`` edges a reason took in).
Writing reverses this (see :func:`map_to_arggraph`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs

from argmap.errors import ArgmapError, Problem
from argmap.formats.text import parse_located_xml, read_text, relocate
from argmap.model import ArgumentMap, Edge, EdgeKind, Node
from argmap.model.invariants import Pointer, pointer_text

__all__ = ["dumps", "loads", "map_from_arggraph", "map_to_arggraph", "read_microtext"]

SUPPORT_TYPES = {"sup", "exa"}


def map_from_arggraph(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from an ``arggraph`` XML document (see the module docstring).

    Raises
    ------
    ArgmapError
        On malformed XML, or edges naming unknown units or edges, or of unknown types: every
        problem at once, each at the line of its element.
    """
    root, places = _arggraph_root(text, path)
    edus = {e.get("id", ""): (e.text or "").strip() for e in root.iter("edu")}
    adus = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {e.get("id", ""): dict(e.attrib) for e in root.iter("edge")}
    problems = _seg_problems(edus, adus, edges)
    arguing = {k: e for k, e in edges.items() if e.get("type") != "seg"}
    problems += _arguing_problems(arguing, adus)
    try:
        if problems:
            raise ArgmapError.from_problems(problems)
        return _translate(root, path, edus, adus, edges, arguing)
    except ArgmapError as exc:
        raise relocate(exc, path, places.position) from None


def _translate(
    root: ElementTree.Element,
    path: str,
    edus: Mapping[str, str],
    adus: Mapping[str, str],
    edges: Mapping[str, Mapping[str, str]],
    arguing: Mapping[str, Mapping[str, str]],
) -> ArgumentMap:
    """The map of an arggraph whose edges are all valid."""
    texts = _adu_texts(edus, adus, edges)
    segments = _segments(edus, edges)
    nodes = [
        Node(
            a,
            "claim",
            " ".join(texts[a]) or f"(ADU {a})",
            data={"microtext": {"role": role, "segments": segments.get(a, [])}},
        )
        for a, role in adus.items()
    ]
    translation = _Translation(arguing, _reified(arguing), nodes)
    for k, e in arguing.items():
        translation.add(k, e)
    name = root.get("id") or Path(path).stem
    data = {"microtext": {key: value for key, value in root.attrib.items() if key != "id"}}
    return ArgumentMap(name, name, translation.nodes, translation.edges, data=data)


@attrs.define
class _Places:
    """Where each ``edu``, ``adu`` and ``edge`` element is, by its id."""

    places: dict[Pointer, tuple[int, int]] = attrs.field(factory=dict)

    def start(self, tag: str, attributes: dict[str, str], where: tuple[int, int]) -> None:
        self.places.setdefault((tag, attributes.get("id", "")), where)
        self.places.setdefault((tag,), where)

    def position(self, pointer: Pointer) -> tuple[int, int] | None:
        """The element a problem names: ``("edge", id)``, ``("adu", id)``; else the first edge."""
        if len(pointer) >= 2 and pointer[:2] in self.places:
            return self.places[pointer[:2]]
        return self.places.get(("arggraph",))


def _arggraph_root(text: str, path: str) -> tuple[ElementTree.Element, _Places]:
    """The root ``<arggraph>`` element of the XML text, and where its elements are.

    Raises
    ------
    ArgmapError
        On malformed XML (naming the line and column), an entity declaration, a control
        character, or another root element.
    """
    places = _Places()
    problems: list[Problem] = []
    parse_located_xml(text, path, places.start, problems)
    if problems:
        raise ArgmapError.from_problems(problems)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise ArgmapError.from_problems(
            [
                Problem(
                    f"malformed XML: {exc}",
                    code="xml-syntax",
                    path=path,
                    line=line,
                    column=column + 1,
                )
            ]
        ) from None
    if root.tag != "arggraph":
        raise ArgmapError.from_problems(
            [
                Problem(
                    f"not an arggraph document (root element <{root.tag}>)",
                    code="wrong-type",
                    path=path,
                    line=1,
                )
            ]
        )
    return root, places


def _problem(pointer: Pointer, message: str) -> Problem:
    return Problem(message, code="arggraph", pointer=pointer_text(pointer))


def _seg_problems(
    edus: Mapping[str, str], adus: Mapping[str, str], edges: Mapping[str, Mapping[str, str]]
) -> list[Problem]:
    """A ``seg`` edge joins a known EDU to a known ADU."""
    return [
        _problem(("edge", k), f"segment edge {k} joins unknown units")
        for k, edge in edges.items()
        if edge.get("type") == "seg"
        and (edge.get("trg") not in adus or edge.get("src") not in edus)
    ]


def _adu_texts(
    edus: Mapping[str, str], adus: Mapping[str, str], edges: Mapping[str, Mapping[str, str]]
) -> dict[str, list[str]]:
    """Each ADU's EDU texts, in the order of the ``seg`` edges joining them to it."""
    texts: dict[str, list[str]] = {a: [] for a in adus}
    for edge in edges.values():
        if edge.get("type") == "seg":
            texts[edge["trg"]].append(edus[edge["src"]])
    return texts


def _segments(
    edus: Mapping[str, str], edges: Mapping[str, Mapping[str, str]]
) -> dict[str, list[dict[str, str]]]:
    """Each ADU's segments, in order: the ids of the ``seg`` edge and of its EDU.

    With several, each also keeps its EDU's text (the node's text joins them), so that
    writing can cut the text where the corpus did.
    """
    found: dict[str, list[dict[str, str]]] = {}
    for k, edge in edges.items():
        if edge.get("type") == "seg":
            found.setdefault(edge["trg"], []).append({"seg": k, "edu": edge["src"]})
    for parts in found.values():
        if len(parts) > 1:
            for part in parts:
                part["text"] = edus[part["edu"]]
    return found


_ARGUING = frozenset({"sup", "exa", "reb", "und", "add"})
"""The types of arguing edges (``seg`` edges only segment the text)."""


def _arguing_problems(
    arguing: Mapping[str, Mapping[str, str]], adus: Mapping[str, str]
) -> list[Problem]:
    """Every arguing edge that is not valid.

    Its type must be known, its source an ADU, its target an ADU or another edge.
    """
    problems = []
    for k, e in arguing.items():
        at = ("edge", k)
        if e.get("type") not in _ARGUING:
            known = ", ".join(sorted(_ARGUING))
            problems.append(
                _problem(
                    at, f"edge {k} has the type {e.get('type')!r}; arggraph edges are seg, {known}"
                )
            )
        elif e.get("src") not in adus or (e.get("trg") not in adus and e.get("trg") not in arguing):
            problems.append(
                _problem(at, f"edge {k} ({e.get('type')}) names an unknown unit or edge")
            )
        elif e.get("type") == "add" and e.get("trg") not in arguing:
            problems.append(_problem(at, f"edge {k} (add) must join an edge, not a unit"))
    return problems


def _reified(arguing: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The attacks (``reb`` or ``und``) that are made nodes.

    Those that an ``und`` or ``add`` edge targets (directly, or through an ``add`` joining
    them): a map cannot attack an attack, and an attack has one premise.
    """
    attacked = set()
    for e in arguing.values():
        target = e["trg"]
        if e.get("type") in ("und", "add") and target in arguing:
            attacked.add(target)
            if arguing[target].get("type") == "add":
                attacked.add(arguing[target]["trg"])
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
    adds: dict[str, list[str]] = attrs.field(init=False)
    """Edge id → the ids of the ``add`` edges that join it, in document order."""

    def __attrs_post_init__(self) -> None:
        self.adds = {}
        for k, e in self.arguing.items():
            if e["type"] == "add":
                self.adds.setdefault(e["trg"], []).append(k)

    def role(self, k: str) -> dict[str, Any]:
        """The ``data`` of a map edge translating XML edge ``k`` (and the ``add`` edges joining it)."""
        info: dict[str, Any] = {"edge": k, "type": self.arguing[k]["type"]}
        if k in self.adds:
            info["add"] = list(self.adds[k])
        return {"microtext": info}

    def linked(self, k: str) -> list[str]:
        """The further premises the ``add`` edges give edge ``k``."""
        return [self.arguing[a]["src"] for a in self.adds.get(k, [])]

    def target_of(self, k: str) -> str:
        """What an edge on edge ``k`` hits: its reified node, or its reason's id.

        An edge on an ``add`` hits the edge the ``add`` joins: the reason as a whole.
        """
        if self.arguing[k]["type"] == "add":
            k = self.arguing[k]["trg"]
        return f"{k}-objection" if k in self.reified else k

    def add(self, k: str, e: Mapping[str, str]) -> None:
        """Translate the arguing edge ``k`` with attributes ``e``.

        A support (``sup``, ``exa``) is one reason, named ``k``, its premises the source and
        the sources of the ``add`` edges joining it; an attack that is reified adds its
        node (see :meth:`add_reified`); any other attack is an attack, or an undercut when
        it is on an edge. An ``add`` is translated with the edge it joins.
        """
        kind, source, target = e["type"], e["src"], e["trg"]
        if kind == "add":
            return
        hit = self.target_of(target) if target in self.arguing else target
        if kind in SUPPORT_TYPES:
            self.edges.append(
                Edge("support", source, hit, id=k, linked=self.linked(k), data=self.role(k))
            )
        elif k in self.reified:
            self.add_reified(k, source, target, hit)
        else:
            self.edges.append(Edge("attack", source, hit, data=self.role(k)))

    def add_reified(self, k: str, source: str, target: str, hit: str) -> None:
        """Translate an attack ``k`` that is reified: undercut, or with linked premises.

        Parameters
        ----------
        k
            The XML edge's id.
        source
            The attacking ADU.
        target
            What the attack is on (an ADU or an edge id).
        hit
            What the map's attack hits: ``target``, or the node or reason standing for it.

        Notes
        -----
        The attack becomes a node, "source's objection (or undercut) to target", and that
        node's attack on ``hit``; one reason supports the node: the source with the
        premises of any ``add`` joining the attack (the map's attacks have one source).
        """
        node = f"{k}-objection"
        what = "undercut" if target in self.arguing else "objection"
        self.nodes.append(
            Node(
                node, "claim", f"{source}'s {what} to {target}", data={"microtext": {"reifies": k}}
            )
        )
        self.edges.append(Edge("attack", node, hit, data=self.role(k)))
        self.edges.append(Edge("support", source, node, linked=self.linked(k), data=self.role(k)))


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """The format contract's reader: :func:`map_from_arggraph`."""
    return map_from_arggraph(text, path)


def dumps(m: ArgumentMap) -> str:
    """The format contract's writer: :func:`map_to_arggraph`."""
    return map_to_arggraph(m)


def read_microtext(path: str | Path) -> ArgumentMap:
    """Read an ``arggraph`` XML file."""
    return map_from_arggraph(read_text(path), str(path))


def _info(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """What a node's or edge's ``data`` keeps from arggraph (nothing for another map)."""
    found = data.get("microtext")
    return found if isinstance(found, Mapping) else {}


def _folded_objections(m: ArgumentMap) -> dict[str, tuple[Edge, Edge]]:
    """The reified objections to write back as the attacks they stand for.

    A node read as a reified attack (``data["microtext"]["reifies"]``) that is still what
    reading made it: one reason into it, no undercut of that reason, one edge out of it (an
    attack), and no reason using it as a linked premise.

    Returns
    -------
    dict
        Node id → its reason and its attack.
    """
    folded: dict[str, tuple[Edge, Edge]] = {}
    for n in m.nodes:
        if "reifies" not in _info(n.data):
            continue
        into = [e for e in m.edges_to(n.id) if e.kind is EdgeKind.SUPPORT]
        out = list(m.edges_from(n.id))
        if (
            len(into) == 1
            and len(out) == 1
            and out[0].kind is EdgeKind.ATTACK
            and not any(m.edges_to(into[0].key))
            and not any(n.id in e.linked for e in m.edges)
        ):
            folded[n.id] = (into[0], out[0])
    return folded


@attrs.define
class _Names:
    """XML ids for a map's parts: ids read from arggraph where free, the rest numbered."""

    chosen: dict[tuple[str, ...], str] = attrs.field(factory=dict)
    pending: list[tuple[tuple[str, ...], str]] = attrs.field(factory=list)

    def want(self, key: tuple[str, ...], prefix: str, preferred: object = None) -> None:
        """Name ``key`` ``preferred`` if that is a free id, else (later) ``prefix`` + a number."""
        if isinstance(preferred, str) and preferred and preferred not in self.chosen.values():
            self.chosen[key] = preferred
        else:
            self.pending.append((key, prefix))

    def number(self) -> dict[tuple[str, ...], str]:
        """Number what has no id yet, skipping the ids taken; the names of all."""
        taken = set(self.chosen.values())
        counters: dict[str, int] = {}
        for key, prefix in self.pending:
            n = counters.get(prefix, 0) + 1
            while f"{prefix}{n}" in taken:
                n += 1
            counters[prefix] = n
            taken.add(f"{prefix}{n}")
            self.chosen[key] = f"{prefix}{n}"
        return self.chosen


def _names(
    nodes: list[Node],
    written: list[Edge],
    folded: Mapping[str, tuple[Edge, Edge]],
    cuts: Mapping[str, list[dict[str, str]]],
) -> dict[tuple[str, ...], str]:
    """The XML id of each unit and edge to write: those read from arggraph where free."""
    names = _Names()
    for n in nodes:
        names.want(("node", n.id), "a", n.id if "role" in _info(n.data) else None)
    for e in written:
        info = _info(e.data)
        names.want(("edge", e.key), "c", info.get("edge"))
        adds = list(info.get("add", []))
        for j, _ in enumerate(_premises(e, folded)[1:]):
            names.want(("add", e.key, str(j)), "c", adds[j] if j < len(adds) else None)
    for n in nodes:
        for j, part in enumerate(cuts[n.id]):
            names.want(("edu", n.id, str(j)), "e", part.get("edu"))
            names.want(("seg", n.id, str(j)), "s", part.get("seg"))
    return names.number()


def map_to_arggraph(m: ArgumentMap) -> str:
    """A map as ``arggraph`` XML.

    A node is an EDU and its ADU (role from ``data``, else proponent); a reason is a
    ``sup`` (``exa`` if it was read as one) with an ``add`` edge for each linked premise;
    an attack is a ``reb``, an undercut an ``und`` on the reason. A reified objection read
    from arggraph is written back as the attack it stands for (see
    :func:`_folded_objections`), its linked premises as ``add`` edges. The ids read from
    arggraph (node ids, edge ids in ``data``) are kept where they are free; others are
    numbered, so arggraph → map → arggraph → map gives the same map.
    """
    folded = _folded_objections(m)
    nodes = [n for n in m.nodes if n.id not in folded]
    written = [e for e in m.edges if not (e.kind is EdgeKind.SUPPORT and e.target in folded)]
    cuts = {n.id: _cut(n) for n in nodes}
    name = _names(nodes, written, folded, cuts)
    attributes = {k: v for k, v in _info(m.data).items() if isinstance(v, str)}
    root = ElementTree.Element("arggraph", {"id": m.id, **attributes})
    for n in nodes:
        for j, part in enumerate(cuts[n.id]):
            edu = ElementTree.SubElement(root, "edu", {"id": name[("edu", n.id, str(j))]})
            edu.text = part["text"]
    for n in nodes:
        role = _info(n.data).get("role")
        role = role if role in ("pro", "opp") else "pro"
        ElementTree.SubElement(root, "adu", {"id": name[("node", n.id)], "type": role})
    for n in nodes:
        for j in range(len(cuts[n.id])):
            segment = {"src": name[("edu", n.id, str(j))], "trg": name[("node", n.id)]}
            ElementTree.SubElement(
                root, "edge", {"id": name[("seg", n.id, str(j))], **segment, "type": "seg"}
            )
    for e in written:
        _write_edge(root, m, e, folded, name)
    ElementTree.indent(root)
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )


def _cut(n: Node) -> list[dict[str, str]]:
    """A node's EDUs as written: the segments read from arggraph while its text is theirs.

    Each has a ``text`` and, if read, the ids of its ``edu`` and ``seg``; a node with no
    segments read, or whose text changed since, is one EDU; one read without any is none.
    """
    parts = [p for p in _info(n.data).get("segments", []) if isinstance(p, Mapping)]
    if not parts and "segments" in _info(n.data) and n.text == f"(ADU {n.id})":
        return []  # read as an ADU without text: written so again
    if len(parts) > 1 and " ".join(str(p.get("text")) for p in parts) == n.text:
        return [{k: str(v) for k, v in p.items()} for p in parts]
    first = {k: str(v) for k, v in parts[0].items() if k != "text"} if parts else {}
    return [{**first, "text": n.text}]


def _premises(e: Edge, folded: Mapping[str, tuple[Edge, Edge]]) -> tuple[str, ...]:
    """An edge's premises as written: for a folded objection's attack, its reason's."""
    return folded[e.source][0].premises if e.source in folded else e.premises


def _write_edge(
    root: ElementTree.Element,
    m: ArgumentMap,
    e: Edge,
    folded: Mapping[str, tuple[Edge, Edge]],
    name: Mapping[tuple[str, ...], str],
) -> None:
    """Write a map edge as an arggraph edge, and an ``add`` edge per linked premise."""

    def ref(key: str) -> str:
        if key in folded:  # a folded objection: the attack it stands for
            return name[("edge", folded[key][1].key)]
        return name[("node", key)] if key in m else name[("edge", key)]

    if e.kind is EdgeKind.SUPPORT:
        kind = "exa" if _info(e.data).get("type") == "exa" else "sup"
    else:
        kind = "und" if m.is_undercut(e) or e.target in folded else "reb"
    first, *linked = _premises(e, folded)
    edge_id = name[("edge", e.key)]
    ElementTree.SubElement(
        root, "edge", {"id": edge_id, "src": ref(first), "trg": ref(e.target), "type": kind}
    )
    for j, premise in enumerate(linked):
        add = {"src": ref(premise), "trg": edge_id, "type": "add"}
        ElementTree.SubElement(root, "edge", {"id": name[("add", e.key, str(j))], **add})

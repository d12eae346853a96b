"""An essay's map as a Graphviz diagram: kinds as shapes, edges as line styles, status as fill.

- **Nodes**: a claim is a rounded box, evidence a note (folded corner), a recommendation a
  hexagon. Each shows its id, its text wrapped to a readable width and, with a semantics,
  its status; its tooltip has the full text, the source locator and the note.
- **Edges**: support is a solid blue arrow, attack a dashed vermilion line ending in a bar,
  an undercut a dotted purple line ending in a bar on a junction point of the support edge
  it attacks. A *linked* reason (premises that support their conclusion only together)
  is drawn as one line from each premise into a shared junction, a slightly larger point,
  and a single arrow from there to the conclusion; an undercut of it ends on that junction.
  *Convergent* reasons (several supports of one node, each enough alone) stay separate
  arrows. Colour always comes with a line style and an arrowhead, and status with a
  border style and a word, so nothing depends on telling colours apart.
- **Layout**: evidence at the bottom, recommendations at the top (supports point up); a
  legend; the title from the metadata. The same map gives byte-identical DOT.
"""

from __future__ import annotations

import attrs

from argmap.bipolar import attack_graph, extensions, labelling
from argmap.model import ArgumentMap, Edge, Node, NodeKind
from argmap.options import DEFAULT_SUPPORT, Support
from argmap.render.dot import SafeDigraph, html_label, html_text, same_rank, wrap
from argmap.semantics import acceptance
from argmap.semantics.names import Semantics

__all__ = ["EDGE_STYLES", "KIND_STYLES", "STATUS_STYLES", "Diagram", "essay_diagram", "statuses"]

KIND_STYLES: dict[NodeKind, dict[str, str]] = {
    NodeKind.CLAIM: {"shape": "box", "style": "rounded,filled"},
    NodeKind.EVIDENCE: {"shape": "note", "style": "filled"},
    NodeKind.RECOMMENDATION: {"shape": "hexagon", "style": "filled", "margin": "0.05"},
}
EDGE_STYLES: dict[str, dict[str, str]] = {
    "support": {"color": "#0072B2", "style": "solid", "arrowhead": "normal"},
    "attack": {"color": "#D55E00", "style": "dashed", "arrowhead": "tee", "penwidth": "1.6"},
    "undercut": {"color": "#CC79A7", "style": "dotted", "arrowhead": "tee", "penwidth": "2"},
}
# Okabe-Ito tints; each status also has its own border style and is written in the node.
STATUS_STYLES: dict[str, tuple[str, str, str]] = {
    "in": ("#BDE5CF", "solid", "IN"),
    "out": ("#F7CDB9", "dashed", "OUT"),
    "undec": ("#FBEBA8", "dotted", "UNDEC"),
    "skeptical": ("#BDE5CF", "solid", "in every extension"),
    "credulous": ("#FBEBA8", "dotted", "in some extension"),
    "rejected": ("#F7CDB9", "dashed", "in no extension"),
}
JUNCTION_WIDTH = {"undercut": 0.09, "linked": 0.14}
"""The size of a support's junction point: larger where linked premises meet."""
PLAIN = "#FFFFFF"
WIDTH = 30
"""Characters per line of a node's text."""


@attrs.frozen
class Diagram:
    """A diagram's DOT source and, for interactive pages, which edges touch which node."""

    source: str
    related: dict[str, tuple[str, ...]] = attrs.field(eq=False)
    """Node name → the SVG element ids to highlight with it: the edges entering and leaving
    it, and the nodes that support or attack it."""


def statuses(
    m: ArgumentMap,
    semantics: str | Semantics,
    support: str | Support = DEFAULT_SUPPORT,
    extension: int | None = None,
    timeout: float | None = None,
) -> dict[str, str]:
    """Each node's status under a semantics.

    Its label under a single-status semantics, or in extension number ``extension``
    (counting from 1); else skeptical, credulous or rejected.

    Raises
    ------
    ArgmapError
        If ``extension`` is out of range.
    """
    from argmap.errors import ArgmapError

    chosen = Semantics.parse(semantics)
    if chosen.unique and extension is None:
        return {
            node: str(label)
            for node, label in labelling(m, chosen, support=support, timeout=timeout).items()
        }
    found = extensions(m, chosen, support=support, timeout=timeout)
    if extension is not None:
        if not 1 <= extension <= len(found):
            raise ArgmapError(
                f"there is no extension {extension}: {len(found)} {chosen} extension(s)"
            )
        chosen_set = found[extension - 1]
        graph = attack_graph(m, support)
        defeated = {
            graph.conclusion(a.target)
            for a in graph.attacks
            if graph.conclusion(a.attacker) in chosen_set
        }
        return {
            n.id: "in" if n.id in chosen_set else "out" if n.id in defeated else "undec"
            for n in m.nodes
        }
    return {n.id: acceptance(n.id, found) for n in m.nodes}


def node_label(node: Node, status: str | None, width: int = WIDTH, extra: str = "") -> str:
    """The HTML-like label: id, wrapped text, status (all escaped)."""
    lines = "<BR/>".join(html_text(line) for line in wrap(node.text, width))
    parts = [f'<FONT POINT-SIZE="9" COLOR="#444444">{html_text(node.id)}</FONT>', lines]
    if status is not None:
        parts.append(f'<FONT POINT-SIZE="9"><I>{html_text(STATUS_STYLES[status][2])}</I></FONT>')
    if extra:
        parts.append(f'<FONT POINT-SIZE="9"><B>{html_text(extra)}</B></FONT>')
    return html_label("<BR/>".join(parts))


def tooltip(node: Node, prefix: str = "") -> str:
    """Full text, source locator and note, as plain text."""
    lines = [f"{prefix}{node.id} ({node.kind}): {node.text}"]
    if node.locator is not None:
        where = ", ".join(map(str, node.locator.paragraphs))
        quote = f": “{node.locator.quote}”" if node.locator.quote else ""
        lines.append(f"¶ {where}{quote}")
    if node.actors:
        lines.append(f"actors: {', '.join(node.actors)}")
    if node.note:
        lines.append(f"note: {node.note}")
    return "\n".join(lines)


def node_attributes(
    node: Node, status: str | None, element: str, width: int = WIDTH, extra: str = ""
) -> dict[str, str | int | float]:
    """Shape, fill, border, label and tooltip of a node."""
    fill, border, _ = STATUS_STYLES[status] if status is not None else (PLAIN, "solid", "")
    style = KIND_STYLES[node.kind]["style"]
    attributes: dict[str, str | int | float] = {**KIND_STYLES[node.kind], "fillcolor": fill}
    attributes["style"] = f"{style},{border}" if border != "solid" else style
    if node.kind is NodeKind.RECOMMENDATION:
        attributes["penwidth"] = 2
    attributes["label"] = node_label(node, status, width, extra)
    attributes["tooltip"] = tooltip(node)
    attributes["id"] = element
    return attributes


def edge_attributes(
    kind: str, element: str, **more: str | int | float
) -> dict[str, str | int | float]:
    """Colour, line style and arrowhead of an edge kind, with an SVG id."""
    attributes: dict[str, str | int | float] = {**EDGE_STYLES[kind], "id": element}
    if kind != "support":
        attributes["constraint"] = "false"  # rank by supports: evidence below, conclusions above
    attributes.update(more)
    return attributes


def legend(dot: SafeDigraph, with_status: bool, with_linked: bool = False) -> None:
    """A legend cluster: node shapes, edge styles and, with a semantics, the statuses.

    ``with_linked`` adds a linked reason: two premises joined at a junction.
    """
    with dot.subgraph(
        name="cluster_legend",
        graph_attr={"label": "Legend", "style": "rounded", "color": "#999999", "fontsize": 10},
        node_attr={"fontsize": 9, "height": 0.3},
    ) as box:
        for kind in NodeKind:
            box.node(
                f"legend:{kind}",
                _attributes={**KIND_STYLES[kind], "fillcolor": PLAIN, "label": str(kind)},
            )
        if with_status:
            for status in ("in", "out", "undec"):
                fill, border, word = STATUS_STYLES[status]
                style = "rounded,filled" + (f",{border}" if border != "solid" else "")
                box.node(
                    f"legend:{status}",
                    _attributes={"shape": "box", "style": style, "fillcolor": fill, "label": word},
                )
        for line in EDGE_STYLES:
            box.node(f"legend:{line}:from", _attributes={"shape": "point", "width": 0.05})
            box.node(
                f"legend:{line}:to",
                _attributes={"shape": "plaintext", "label": line, "fontsize": 9},
            )
            box.edge(
                f"legend:{line}:from",
                f"legend:{line}:to",
                _attributes={**EDGE_STYLES[line], "constraint": "true"},
            )
        if with_linked:
            _linked_legend(box)


def _linked_legend(box: SafeDigraph) -> None:
    """Two premise points joined at a junction, then one arrow: a linked reason."""
    support = EDGE_STYLES["support"]
    junction = "legend:linked:junction"
    box.node(
        junction,
        _attributes={
            "shape": "point",
            "width": JUNCTION_WIDTH["linked"],
            "color": support["color"],
        },
    )
    for k in (1, 2):
        box.node(f"legend:linked:from{k}", _attributes={"shape": "point", "width": 0.05})
        box.edge(
            f"legend:linked:from{k}",
            junction,
            _attributes={**support, "arrowhead": "none", "constraint": "true"},
        )
    box.node(
        "legend:linked:to",
        _attributes={"shape": "plaintext", "label": "linked premises", "fontsize": 9},
    )
    box.edge(junction, "legend:linked:to", _attributes={**support, "constraint": "true"})


def essay_diagram(
    m: ArgumentMap,
    status: dict[str, str] | None = None,
    *,
    title: str | None = None,
    show_legend: bool = True,
    width: int = WIDTH,
) -> Diagram:
    """The DOT of a map, nodes filled by ``status`` (from :func:`statuses`) if given.

    >>> import argmap
    >>> m = argmap.map_from_yaml('''
    ... id: toy
    ... title: Toy
    ... nodes:
    ...   - {id: e1, kind: evidence, text: 'Exports fell 20%.'}
    ...   - {id: r1, kind: recommendation, text: Lift the controls., actors: [Japan]}
    ... edges:
    ...   - support: e1 -> r1
    ... ''')
    >>> print(essay_diagram(m, show_legend=False).source.splitlines()[0])
    digraph "toy" {
    """
    heading = title if title is not None else _heading(m)
    dot = SafeDigraph(
        name=m.id,
        graph_attr={
            "rankdir": "BT",
            "fontname": "Helvetica",
            "labelloc": "t",
            "nodesep": 0.3,
            "ranksep": 0.45,
            "tooltip": m.title,
            "label": html_label(heading),
        },
        node_attr={"fontname": "Helvetica", "fontsize": 11, "margin": "0.12,0.06"},
        edge_attr={"fontname": "Helvetica", "fontsize": 9, "arrowsize": 0.8},
    )
    related: dict[str, list[str]] = {}
    for node in m.nodes:
        attributes = node_attributes(
            node, status.get(node.id) if status else None, f"n:{node.id}", width
        )
        dot.node(node.id, _attributes=attributes)
    undercut = {e.target for e in m.undercuts}
    for i, edge in enumerate(m.edges):
        element = f"e:{i}"
        junction = edge.key in undercut or bool(edge.linked)
        _relate(related, m, edge, element, junction)
        _edge(dot, m, edge, element, junction)
    same_rank(dot, "min", (n.id for n in m.evidence))
    same_rank(dot, "max", (n.id for n in m.recommendations))
    if show_legend:
        legend(dot, status is not None, with_linked=any(e.linked for e in m.edges))
    return Diagram(str(dot.source), {k: tuple(v) for k, v in related.items()})


def _heading(m: ArgumentMap) -> str:
    by = ", ".join(m.authors)
    meta = " · ".join(x for x in (by, m.venue or "", m.date or "") if x)
    line = f'<BR/><FONT POINT-SIZE="10">{html_text(meta)}</FONT>' if meta else ""
    return f"<B>{html_text(m.title)}</B>{line}"


def _legs(edge: Edge, element: str) -> list[tuple[str, str]]:
    """Each premise of an edge with the SVG id of its line: ``e:i``, then ``e:i:p1``, ..."""
    return [(p, element if k == 0 else f"{element}:p{k}") for k, p in enumerate(edge.premises)]


def _relate(
    related: dict[str, list[str]], m: ArgumentMap, edge: Edge, element: str, junction: bool
) -> None:
    """Note what to highlight with an edge's ends.

    Each premise (or attacker) gets its own line and the line on to the target (``:b``,
    through a junction); the target gets every line and every premise node.
    """
    # an undercut bears on the conclusion of the support it denies
    target = m.edge(edge.target).target if m.is_undercut(edge) else edge.target
    through = [f"{element}:b"] if junction else []
    legs = _legs(edge, element)
    for premise, leg in legs:
        related.setdefault(premise, []).extend([leg, *through])
    related.setdefault(target, []).extend(
        [*(leg for _, leg in legs), *through, *(f"n:{p}" for p, _ in legs)]
    )


def _tip(edge: Edge) -> str:
    """An edge's tooltip: its kind, ends, scheme and note.

    A linked reason says that its premises hold only together.
    """
    ends = f"{' + '.join(edge.premises)} → {edge.target}"
    linked = " (linked: the premises support it only together)" if edge.linked else ""
    scheme = f" [{edge.scheme}]" if edge.scheme else ""
    note = f" ({edge.note})" if edge.note else ""
    return f"{edge.kind}: {ends}{linked}{scheme}{note}"


def _edge(dot: SafeDigraph, m: ArgumentMap, edge: Edge, element: str, junction: bool) -> None:
    tip = _tip(edge)
    if m.is_undercut(edge):
        dot.edge(
            edge.source,
            f"junction:{edge.target}",
            _attributes=edge_attributes(
                "undercut",
                element,
                tooltip=f"undercut: {edge.source} denies the support {edge.target}",
            ),
        )
    elif junction:  # the premises meet at a junction point, which an undercut can hit
        _junction_edge(dot, edge, element, tip)
    else:
        dot.edge(
            edge.source,
            edge.target,
            _attributes=edge_attributes(str(edge.kind), element, tooltip=tip),
        )


def _junction_edge(dot: SafeDigraph, edge: Edge, element: str, tip: str) -> None:
    """A support drawn through its junction: a line from each premise, one arrow on."""
    junction = f"junction:{edge.key}"
    dot.node(
        junction,
        _attributes={
            "shape": "point",
            "width": JUNCTION_WIDTH["linked" if edge.linked else "undercut"],
            "color": EDGE_STYLES["support"]["color"],
            "tooltip": tip,
        },
    )
    for premise, leg in _legs(edge, element):
        dot.edge(
            premise,
            junction,
            _attributes=edge_attributes("support", leg, arrowhead="none", tooltip=tip),
        )
    dot.edge(
        junction,
        edge.target,
        _attributes=edge_attributes("support", f"{element}:b", tooltip=tip),
    )

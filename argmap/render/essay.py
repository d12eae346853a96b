"""An essay's map as a Graphviz diagram: kinds as shapes, edges as line styles, status as fill.

- **Nodes**: a claim is a rounded box, evidence a note (folded corner), a recommendation a
  square box with a double border. Each shows its id, its text wrapped to lines of about
  :data:`WIDTH` characters, balanced so that a short text makes a small node, and, with a
  semantics, its status in :data:`~argmap.options.STATUS_WORDS`; its tooltip has the full
  text, the source locator and the note.
- **Edges**: support is a solid blue arrow, attack a dashed vermilion line ending in a bar,
  an undercut a dotted purple line ending in a bar on a junction point of the support edge
  it attacks. A *linked* reason (premises that support their conclusion only together)
  is drawn as one line from each premise into a shared junction, a slightly larger point,
  and a single arrow from there to the conclusion; an undercut of it ends on that junction.
  *Convergent* reasons (several supports of one node, each enough alone) stay separate
  arrows. Colour always comes with a line style and an arrowhead, and status with a
  border style and a word, so nothing depends on telling colours apart.
- **Strength** (a gradual semantics, :mod:`argmap.gradual`): each node carries a badge with
  its strength, shaded on a diverging scale (:func:`strength_shade`: orange below 0.5,
  grey at 0.5, purple above); without a status the node is filled with that shade too.
- **Layout**: supports set the ranks (attacks do not), recommendations on the last rank;
  a junction shares its conclusion's rank. The :class:`~argmap.options.Direction` says
  which way supports point; ``auto`` picks ``up`` when that fits a page
  (:data:`~argmap.options.PAGE_WIDTH`) and ``left`` otherwise (:func:`auto_layout`).
  Nodes can be grouped in boxes by tag or by paragraph
  (:class:`~argmap.options.Clustering`). The title and a compact legend, in reading order,
  head the drawing. The same map and options give byte-identical DOT.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping

import attrs

from argmap.bipolar import attack_graph, extensions, node_statuses
from argmap.model import ArgumentMap, Edge, EdgeKind, Node, NodeKind
from argmap.options import (
    DEFAULT_SUPPORT,
    PAGE_WIDTH,
    STATUS_WORDS,
    Clustering,
    Direction,
    Support,
)
from argmap.render.dot import SafeDigraph, html_label, html_text, same_rank, wrap
from argmap.schemes import builtin
from argmap.semantics.names import Semantics

__all__ = [
    "EDGE_STYLES",
    "KIND_STYLES",
    "STATUS_STYLES",
    "STRENGTH_SCALE",
    "Diagram",
    "auto_layout",
    "essay_diagram",
    "statuses",
    "strength_shade",
]

KIND_STYLES: dict[NodeKind, dict[str, str]] = {
    NodeKind.CLAIM: {"shape": "box", "style": "rounded,filled"},
    NodeKind.EVIDENCE: {"shape": "note", "style": "filled"},
    NodeKind.RECOMMENDATION: {"shape": "box", "style": "filled", "peripheries": "2"},
}
"""Shape and style by kind; a recommendation differs by its square double border, not size."""
KIND_WORDS: dict[NodeKind, str] = {
    NodeKind.CLAIM: "claim (rounded)",
    NodeKind.EVIDENCE: "evidence (folded corner)",
    NodeKind.RECOMMENDATION: "recommendation (double border)",
}
EDGE_STYLES: dict[str, dict[str, str]] = {
    "support": {"color": "#0072B2", "style": "solid", "arrowhead": "normal"},
    "attack": {"color": "#D55E00", "style": "dashed", "arrowhead": "tee", "penwidth": "1.6"},
    "undercut": {"color": "#CC79A7", "style": "dotted", "arrowhead": "tee", "penwidth": "2"},
}
# Okabe-Ito tints; each status also has its own border style and is written in the node.
STATUS_STYLES: dict[str, tuple[str, str, str]] = {
    "in": ("#BDE5CF", "solid", STATUS_WORDS["in"]),
    "out": ("#F7CDB9", "dashed", STATUS_WORDS["out"]),
    "undec": ("#FBEBA8", "dotted", STATUS_WORDS["undec"]),
    "skeptical": ("#BDE5CF", "solid", STATUS_WORDS["skeptical"]),
    "credulous": ("#FBEBA8", "dotted", STATUS_WORDS["credulous"]),
    "rejected": ("#F7CDB9", "dashed", STATUS_WORDS["rejected"]),
}
"""Fill, border style and word of each status (the words of :data:`~argmap.options.STATUS_WORDS`)."""
LABELS = ("in", "out", "undec")
"""The statuses of a single-status semantics (or of one extension), in legend order."""
ACCEPTANCE = ("skeptical", "credulous", "rejected")
"""The statuses across several extensions, in legend order."""
STRENGTH_SCALE = ((0.0, "#F1A340"), (0.5, "#F7F7F7"), (1.0, "#998EC3"))
"""Strength shades (ColorBrewer's PuOr, safe for colour-blind readers): weak orange, 0.5 (a
node's default weight) light grey, strong purple; black text reads on all of them."""
JUNCTION_WIDTH = {"undercut": 0.09, "linked": 0.14}
"""The size of a support's junction point: larger where linked premises meet."""
PLAIN = "#FFFFFF"
MEASURES = (28, 24, 20)
"""The measures (characters per line of a node's text) a layout picks from, widest first."""
WIDTH = MEASURES[-1]
"""Characters per line of a node's text, at most, where no measure is chosen."""
FONT_SIZE = 10
"""A node's text, in points (13 px at 100%); its id and status are :data:`SMALL_SIZE`."""
SMALL_SIZE = 8
"""The id and status lines of a node, and the legend's text, in points (10.7 px)."""
NODESEP = 0.25
RANKSEP = 0.3
"""Graphviz's gaps between nodes of a rank and between ranks, in inches."""
CHAR_WIDTH = 0.56
"""A Helvetica character's mean width in ems (a generous estimate, for :func:`auto_layout`)."""
MARGIN = (0.1, 0.05)
"""A node's inner margin (x, y), in inches."""


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
    if extension is None:
        return node_statuses(m, chosen, support=support, timeout=timeout)
    found = extensions(m, chosen, support=support, timeout=timeout)
    if not 1 <= extension <= len(found):
        raise ArgmapError(f"there is no extension {extension}: {len(found)} {chosen} extension(s)")
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


def strength_shade(value: float) -> str:
    """The colour of a strength in [0, 1] on :data:`STRENGTH_SCALE` (linear in RGB).

    >>> strength_shade(0.0), strength_shade(0.5), strength_shade(1.0), strength_shade(0.75)
    ('#F1A340', '#F7F7F7', '#998EC3', '#C8C2DD')
    """
    value = min(max(value, 0.0), 1.0)
    for (lo, low), (hi, high) in itertools.pairwise(STRENGTH_SCALE):
        if value <= hi:
            t = (value - lo) / (hi - lo)
            a, b = bytes.fromhex(low[1:]), bytes.fromhex(high[1:])
            return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b, strict=True))
    return STRENGTH_SCALE[-1][1]


def node_label(
    node: Node,
    status: str | None,
    width: int = WIDTH,
    extra: str = "",
    strength: float | None = None,
) -> str:
    """The HTML-like label: id, wrapped text, status word, strength badge (all escaped)."""
    lines = "<BR/>".join(html_text(line) for line in wrap(node.text, width))
    small = f'<FONT POINT-SIZE="{SMALL_SIZE}"'
    parts = [f'{small} COLOR="#444444">{html_text(node.id)}</FONT>', lines]
    if status is not None:
        parts.append(f"{small}><I>{html_text(STATUS_STYLES[status][2])}</I></FONT>")
    if extra:
        parts.append(f"{small}><B>{html_text(extra)}</B></FONT>")
    text = "<BR/>".join(parts)
    if strength is None:
        return html_label(text)
    badge = (
        f'<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="1" COLOR="#555555">'
        f'<TR><TD BGCOLOR="{strength_shade(strength)}">{small}>strength '
        f"<B>{strength:.2f}</B></FONT></TD></TR></TABLE>"
    )
    return html_label(
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="0">'
        f"<TR><TD>{text}</TD></TR><TR><TD>{badge}</TD></TR></TABLE>"
    )


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
    node: Node,
    status: str | None,
    element: str,
    width: int = WIDTH,
    extra: str = "",
    strength: float | None = None,
) -> dict[str, str | int | float]:
    """Shape, fill, border, label and tooltip of a node.

    The fill is the status's; without a status, the strength's shade, if a strength is given.
    """
    fill, border, _ = STATUS_STYLES[status] if status is not None else (PLAIN, "solid", "")
    if status is None and strength is not None:
        fill = strength_shade(strength)
    style = KIND_STYLES[node.kind]["style"]
    attributes: dict[str, str | int | float] = {**KIND_STYLES[node.kind], "fillcolor": fill}
    attributes["style"] = f"{style},{border}" if border != "solid" else style
    if node.kind is NodeKind.RECOMMENDATION:
        attributes["penwidth"] = 1.4
    attributes["label"] = node_label(node, status, width, extra, strength)
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


def heading(
    m: ArgumentMap,
    title: str | None = None,
    status: dict[str, str] | None = None,
    *,
    show_legend: bool = True,
    strength: str | None = None,
) -> str:
    """The graph label: the title, the byline and, if asked, a compact legend below them.

    One HTML-like table, read top to bottom and left to right: the node kinds, then the
    statuses (the words of the map's semantics: accepted / rejected / undecided, or
    skeptically / credulously accepted / rejected), then the strength scale (when
    ``strength`` names the gradual semantics drawn), then the lines. It takes no room in
    the layout and reads the same in every direction.
    """
    by = ", ".join(m.authors)
    meta = " · ".join(x for x in (by, m.venue or "", m.date or "") if x)
    text = html_text(title) if title is not None else f"<B>{html_text(m.title)}</B>"
    lines = [f'<FONT POINT-SIZE="14">{text}</FONT>']
    if meta and title is None:
        lines.append(html_text(meta))
    rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="2">{line}</TD></TR>' for line in lines]
    if show_legend:  # an empty second column takes the room the title leaves
        legend = _legend_rows(m, status, strength)
        rows.extend(f"<TR><TD>{row}</TD><TD></TD></TR>" for row in legend)
    return f'<TABLE BORDER="0" CELLSPACING="1" CELLPADDING="1">{"".join(rows)}</TABLE>'


def _legend_rows(
    m: ArgumentMap, status: dict[str, str] | None, strength: str | None = None
) -> list[str]:
    """The legend's rows, each a table of its own: kinds, statuses, strengths, lines."""
    small = f'<FONT POINT-SIZE="{SMALL_SIZE + 1}">'

    def cell(text: str, more: str = "") -> str:
        return f'<TD BORDER="1"{more}>{small}{html_text(text)}</FONT></TD>'

    def row(name: str, cells: list[str]) -> str:
        head = f'<TD ALIGN="LEFT">{small}<I>{name}</I></FONT></TD>'
        inner = f"<TR>{head}{''.join(cells)}</TR>"
        return f'<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="2">{inner}</TABLE>'

    kinds = [
        cell(KIND_WORDS[NodeKind.CLAIM], ' STYLE="rounded"'),
        cell(KIND_WORDS[NodeKind.EVIDENCE]),
        f'<TD BORDER="0"><TABLE BORDER="1" CELLBORDER="1" CELLSPACING="2" CELLPADDING="1">'
        f"<TR>{cell(KIND_WORDS[NodeKind.RECOMMENDATION])}</TR></TABLE></TD>",
    ]
    rows = [row("nodes", kinds)]
    if status is not None:
        vocabulary = LABELS if set(status.values()) <= set(LABELS) else ACCEPTANCE
        shown = []
        for key in vocabulary:
            fill, border, word = STATUS_STYLES[key]
            dash = f' STYLE="{border}"' if border != "solid" else ""
            shown.append(cell(word, f' BGCOLOR="{fill}"{dash}'))
        rows.append(row("status", shown))
    if strength is not None:
        marks = {0.0: "0 weak", 0.25: "0.25", 0.5: "0.5", 0.75: "0.75", 1.0: "1 strong"}
        scale = [cell(mark, f' BGCOLOR="{strength_shade(v)}"') for v, mark in marks.items()]
        if m.supports:
            scale.append(f"<TD>{small}a number by a support: its reason's strength</FONT></TD>")
        rows.append(row(f"strength ({html_text(strength)})", scale))
    lines = []
    for kind, sample in (("support", "——▶"), ("attack", "– – ⊣"), ("undercut", "····⊣")):
        colour = EDGE_STYLES[kind]["color"]
        lines.append(
            f'<TD>{small}<FONT COLOR="{colour}"><B>{sample}</B></FONT> {kind}s</FONT></TD>'
        )
    if any(e.linked for e in m.supports):
        colour = EDGE_STYLES["support"]["color"]
        lines.append(
            f'<TD>{small}<FONT COLOR="{colour}"><B>=●—▶</B></FONT> linked premises</FONT></TD>'
        )
    if any(e.scheme for e in m.supports):
        lines.append(f"<TD>{small}<I>name</I> by a support: its scheme, where it fits</FONT></TD>")
    rows.append(row("lines", lines))
    return rows


def _ranks(m: ArgumentMap) -> dict[str, int]:
    """Each node's rank as ``dot`` will give it: the longest chain of supports below it.

    Recommendations share the last rank; junctions share their conclusion's.
    """
    rank = {n.id: 0 for n in m.nodes}
    below: dict[str, list[str]] = defaultdict(list)
    for e in m.supports:
        below[e.target].extend(e.premises)
    done: set[str] = set()

    def visit(node: str, path: frozenset[str]) -> int:
        if node in done or node in path:  # a cycle of supports: dot breaks it somewhere
            return rank[node]
        rank[node] = max((visit(p, path | {node}) + 1 for p in below[node]), default=0)
        done.add(node)
        return rank[node]

    for n in m.nodes:
        visit(n.id, frozenset())
    top = max(rank.values(), default=0)
    for n in m.recommendations:
        rank[n.id] = top
    return rank


def _size(node: Node, width: int) -> tuple[float, float]:
    """A node's estimated (width, height) in points, as :func:`node_label` draws it."""
    lines = wrap(node.text, width)
    longest = max(max(len(line) for line in lines) * FONT_SIZE, len(node.id) * SMALL_SIZE)
    w = longest * CHAR_WIDTH + 2 * 72 * MARGIN[0]
    h = (len(lines) * FONT_SIZE + 2 * SMALL_SIZE) * 1.2 + 2 * 72 * MARGIN[1]
    return w, h


def _width(m: ArgumentMap, direction: Direction, width: int) -> float:
    """A diagram's estimated width in px at 100%, from the map alone.

    Drawn ``up`` or ``down``, a diagram is as wide as its widest rank (:func:`_ranks`): its
    nodes side by side at their estimated sizes, with Graphviz's gaps; drawn ``left`` or
    ``right``, as wide as its ranks together, each as wide as its widest node. The title is
    counted too. For ``up`` the estimate is generous (``dot`` moves premises up to their
    conclusions where it can), for ``left`` within a few per cent of what ``dot`` draws.
    """
    rank = _ranks(m)
    across: dict[int, float] = defaultdict(float)
    widest: dict[int, float] = defaultdict(float)
    for node in m.nodes:
        w = _size(node, width)[0]
        across[rank[node.id]] += w + 72 * NODESEP
        widest[rank[node.id]] = max(widest[rank[node.id]], w)
    if direction in (Direction.UP, Direction.DOWN):
        points = max(across.values(), default=0.0)
    else:
        points = sum(widest.values()) + 72 * RANKSEP * max(len(widest) - 1, 0)
    title = len(m.title) * 14 * CHAR_WIDTH
    return (max(points, title) + 16) * 96 / 72


def auto_layout(
    m: ArgumentMap,
    direction: str | Direction = Direction.AUTO,
    width: int | None = None,
    page: int = PAGE_WIDTH,
) -> tuple[Direction, int]:
    """The direction and the measure (characters per line) a map's diagram is drawn with.

    ``auto`` tries ``up``, then ``left``; a given direction is kept. For each direction the
    widest measure of :data:`MEASURES` (or just ``width``, if given) is taken whose drawing fits ``page`` px (estimated
    from the map alone, without running Graphviz: see :func:`_width`); if none does, the
    last direction tried with the narrowest measure. A small map comes out ``up``, an essay
    of more than a few nodes ``left``, with its conclusions first in reading order either way.

    >>> import argmap
    >>> small = argmap.ArgumentMap("s", "S", [argmap.Node("c", "claim", "It rains.")])
    >>> auto_layout(small)
    (<Direction.UP: 'up'>, 28)
    >>> auto_layout(argmap.read_map("maps/park-silverberg-2021.yaml"))
    (<Direction.LEFT: 'left'>, 20)
    >>> auto_layout(small, "right")
    (<Direction.RIGHT: 'right'>, 28)
    """
    chosen = Direction.parse(direction)
    candidates = [Direction.UP, Direction.LEFT] if chosen is Direction.AUTO else [chosen]
    measures = (width,) if width else MEASURES
    for candidate in candidates:
        for measure in measures:
            if _width(m, candidate, measure) <= page:
                return candidate, measure
    return candidates[-1], measures[-1]


def essay_diagram(
    m: ArgumentMap,
    status: dict[str, str] | None = None,
    *,
    title: str | None = None,
    show_legend: bool = True,
    width: int | None = None,
    direction: str | Direction = Direction.AUTO,
    cluster: str | Clustering = Clustering.NONE,
    strength: Mapping[str, float] | None = None,
    strength_title: str = "strength",
) -> Diagram:
    """The DOT of a map, nodes filled by ``status`` (from :func:`statuses`) if given.

    ``strength`` (node id → strength, from :func:`~argmap.gradual.map_strengths`) gives each
    node a shaded badge, and fills the nodes when there is no ``status``; the legend names
    its semantics by ``strength_title``.

    ``direction`` is the way supports point and ``width`` the characters per line of a
    node's text; by default both are chosen so that the drawing fits a page
    (:func:`auto_layout`). ``cluster`` groups nodes in labelled boxes by their first tag
    or first paragraph.

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
    >>> source = essay_diagram(m, show_legend=False, direction="left").source
    >>> source.splitlines()[0], 'rankdir="RL"' in source
    ('digraph "toy" {', True)
    """
    chosen, width = auto_layout(m, direction, width)
    grouping = Clustering.parse(cluster)
    dot = SafeDigraph(
        name=m.id,
        graph_attr={
            "rankdir": chosen.rankdir,
            "fontname": "Helvetica",
            "labelloc": "t",
            "labeljust": "l",
            "nodesep": NODESEP,
            "ranksep": RANKSEP,
            "forcelabels": "false",  # a scheme or strength by an arrow only where it fits
            "tooltip": m.title,
            "label": html_label(
                heading(
                    m,
                    title,
                    status,
                    show_legend=show_legend,
                    strength=strength_title if strength is not None else None,
                )
            ),
            **({"newrank": "true"} if grouping is not Clustering.NONE else {}),
        },
        node_attr={
            "fontname": "Helvetica",
            "fontsize": FONT_SIZE,
            "margin": f"{MARGIN[0]},{MARGIN[1]}",
        },
        edge_attr={"fontname": "Helvetica", "fontsize": SMALL_SIZE, "arrowsize": 0.8},
    )
    related: dict[str, list[str]] = {}
    groups = _groups(m, grouping)
    for name, members in groups.items():
        with dot.subgraph(
            name=f"cluster_{grouping}:{name}",
            graph_attr={
                "label": f"{grouping} {name}" if grouping is Clustering.PARAGRAPH else name,
                "style": "rounded,dashed",
                "color": "#888888",
                "fontsize": SMALL_SIZE + 1,
                "fontcolor": "#444444",
            },
        ) as box:
            for node in members:
                box.node(node.id, _attributes=_attributes(node, status, width, strength))
    grouped = {node.id for members in groups.values() for node in members}
    for node in m.nodes:
        if node.id not in grouped:
            dot.node(node.id, _attributes=_attributes(node, status, width, strength))
    undercut = {e.target for e in m.undercuts}
    for i, edge in enumerate(m.edges):
        element = f"e:{i}"
        junction = edge.key in undercut or bool(edge.linked)
        _relate(related, m, edge, element, junction)
        _edge(dot, m, edge, element, junction, strength)
    same_rank(dot, "max", (n.id for n in m.recommendations))
    return Diagram(str(dot.source), {k: tuple(v) for k, v in related.items()})


def _attributes(
    node: Node,
    status: dict[str, str] | None,
    width: int,
    strength: Mapping[str, float] | None,
) -> dict[str, str | int | float]:
    return node_attributes(
        node,
        status.get(node.id) if status else None,
        f"n:{node.id}",
        width,
        strength=strength.get(node.id) if strength else None,
    )


def _groups(m: ArgumentMap, grouping: Clustering) -> dict[str, list[Node]]:
    """The boxes of a clustering: name → nodes, in the map's order; ungrouped nodes left out."""
    groups: dict[str, list[Node]] = {}
    for node in m.nodes:
        key: str | None = None
        if grouping is Clustering.TAG and node.tags:
            key = node.tags[0]
        elif grouping is Clustering.PARAGRAPH and node.locator is not None:
            key = str(node.locator.paragraphs[0])
        if key is not None:
            groups.setdefault(key, []).append(node)
    return groups


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


def _edge(
    dot: SafeDigraph,
    m: ArgumentMap,
    edge: Edge,
    element: str,
    junction: bool,
    strength: Mapping[str, float] | None = None,
) -> None:
    tip = _tip(edge)
    supports = strength is not None and edge.kind is EdgeKind.SUPPORT
    reason = strength.get(edge.key) if strength is not None and supports else None
    more = _reason_strength(reason) if reason is not None else {}
    if reason is not None:
        tip += f"\nthe reason's strength: {reason:.3f}"
    if edge.kind is EdgeKind.SUPPORT and edge.scheme:  # beside the arrow: it takes no room
        scheme = _scheme_label(edge.scheme)
        more["xlabel"] = f"{scheme} {more['xlabel']}" if "xlabel" in more else scheme
        more["fontcolor"] = "#333333"
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
        _junction_edge(dot, edge, element, tip, more)
    else:
        dot.edge(
            edge.source,
            edge.target,
            _attributes=edge_attributes(str(edge.kind), element, tooltip=tip, **more),
        )


SCHEME_LABEL = 26
"""The most characters of a scheme's name written on its reason's arrow."""


def _scheme_label(scheme: str) -> str:
    """A reason's scheme on its arrow: the catalogue's id for a known one, else the text.

    >>> _scheme_label("Argument From Expert Opinion"), _scheme_label("A rule of our own making")
    ('expert-opinion', 'A rule of our own making')
    """
    known = builtin().find(scheme)
    name = known.id if known is not None else " ".join(scheme.split())
    return name if len(name) <= SCHEME_LABEL else name[: SCHEME_LABEL - 1] + "…"


def _reason_strength(value: float) -> dict[str, str | int | float]:
    """A reason's strength written beside its arrow (an ``xlabel``: it takes no room)."""
    return {"xlabel": f"{value:.2f}", "fontcolor": "#333333"}


def _junction_edge(
    dot: SafeDigraph,
    edge: Edge,
    element: str,
    tip: str,
    more: Mapping[str, str | int | float] | None = None,
) -> None:
    """A support drawn through its junction: a line from each premise, one arrow on."""
    junction = f"junction:{edge.key}"
    dot.node(
        junction,
        _attributes={
            "shape": "point",
            "width": JUNCTION_WIDTH["linked" if edge.linked else "undercut"],
            "color": EDGE_STYLES["support"]["color"],
            "tooltip": tip,
            # the reason's scheme and strength by its junction, where there is most room
            **({"fontsize": SMALL_SIZE, **more} if more else {}),
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
        _attributes=edge_attributes("support", f"{element}:b", tooltip=tip, minlen=0),
    )

"""A corpus as one Graphviz diagram: a cluster per essay, and what links them.

Inside each cluster the essay's map is drawn as in :mod:`argmap.render.essay`, each node
filled by the essay's own acceptance. Across clusters: members of an equivalence group are
joined by a thick grey double line ("same proposition"); the corpus file's relations are
drawn thick, with their rationale as tooltip; a relation that makes a conflict between
positions both essays hold is drawn thicker still and labelled *conflict*; recommendations
the consensus selects carry a ★ and a triple border. With ``recommendations_only``, each
essay shows just its recommendations and the nodes the corpus file links, with dotted
arrows standing for the chains of reasons between them. A linked reason whose premises
and conclusion are all shown runs through a junction point, as in an essay's diagram.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from argmap.analysis.conflicts import Conflict
from argmap.analysis.consensus import Consensus
from argmap.analysis.reading import Reading
from argmap.bipolar import AttackKind
from argmap.model import ArgumentMap, Corpus, Edge, NodeKind, NodeRef, RelationKind
from argmap.render.dot import SafeDigraph, html_label, html_text
from argmap.render.essay import (
    EDGE_STYLES,
    JUNCTION_WIDTH,
    Diagram,
    edge_attributes,
    legend,
    node_attributes,
)

__all__ = ["corpus_diagram"]

SAME: dict[str, str | int | float] = {
    "color": "#555555:#FFFFFF:#555555",
    "penwidth": 1.5,
    "dir": "none",
    "constraint": "false",
}


def _kept(m: ArgumentMap, linked: set[str], only_recommendations: bool) -> set[str]:
    if not only_recommendations:
        return {n.id for n in m.nodes}
    return {n.id for n in m.nodes if n.kind is NodeKind.RECOMMENDATION} | linked


def _drawn(edge: Edge, kept: set[str]) -> bool:
    """Whether an essay's edge is drawn: every premise and its target are kept."""
    return edge.target in kept and all(p in kept for p in edge.premises)


def _shortcuts(m: ArgumentMap, kept: set[str]) -> set[tuple[str, str]]:
    """Kept pairs joined by a chain of supports through nodes that are not kept.

    Every premise of a reason steps to its conclusion; a linked reason that is not drawn
    (a premise is not kept) gives its kept premises a shortcut.
    """
    step: dict[str, list[str]] = {}
    for e in m.supports:
        for premise in e.premises:
            step.setdefault(premise, []).append(e.target)
    found = set()
    for start in kept:
        frontier, seen = list(step.get(start, [])), set()
        while frontier:
            node = frontier.pop()
            if node in seen:
                continue
            seen.add(node)
            if node in kept:
                found.add((start, node))
            else:
                frontier += step.get(node, [])
    direct = {(p, e.target) for e in m.supports if _drawn(e, kept) for p in e.premises}
    return found - direct


class _Edges:
    """Numbers the diagram's edges and notes, per node, what to highlight with it."""

    def __init__(self) -> None:
        self.related: dict[str, list[str]] = {}
        self.count = 0

    def element(self, source: str, target: str) -> str:
        """An edge's SVG id, noted for highlighting with both of its ends.

        The source is noted with the target too, as what supports or attacks it.
        """
        self.count += 1
        self.related.setdefault(source, []).append(f"e:{self.count}")
        self.related.setdefault(target, []).extend([f"e:{self.count}", f"n:{source}"])
        return f"e:{self.count}"


def _linked(corpus: Corpus) -> dict[str, set[str]]:
    """Per essay, its nodes that the corpus file names (in a group or a relation)."""
    linked: dict[str, set[str]] = {}
    refs = [ref for group in corpus.equivalences for ref in group.members]
    refs += [ref for relation in corpus.relations for ref in (relation.source, relation.target)]
    for ref in refs:
        linked.setdefault(ref.essay, set()).add(ref.node)
    return linked


def _canvas(reading: Reading, consensus: Consensus | None) -> SafeDigraph:
    corpus = reading.corpus
    title = html_text(corpus.title or "Corpus")
    subtitle = html_text(_subtitle(reading, consensus))
    return SafeDigraph(
        name=corpus.id or "corpus",
        graph_attr={
            "rankdir": "LR",
            "fontname": "Helvetica",
            "labelloc": "t",
            "nodesep": 0.2,
            "label": html_label(f'<B>{title}</B><BR/><FONT POINT-SIZE="10">{subtitle}</FONT>'),
        },
        node_attr={"fontname": "Helvetica", "fontsize": 10, "margin": "0.1,0.05"},
        edge_attr={"fontname": "Helvetica", "fontsize": 9, "arrowsize": 0.8},
    )


def _essay_cluster(
    dot: SafeDigraph,
    i: int,
    m: ArgumentMap,
    kept: set[str],
    accepted: frozenset[str],
    marked: set[str],
) -> None:
    """One essay's kept nodes, in a cluster titled by the essay, filled by acceptance."""
    with dot.subgraph(
        name=f"cluster_{i}",
        graph_attr={
            "label": m.title,
            "tooltip": m.id,
            "style": "rounded",
            "color": "#888888",
            "fontsize": 11,
        },
    ) as cluster:
        for node in m.nodes:
            if node.id not in kept:
                continue
            name = f"{m.id}:{node.id}"
            star = "★ consensus" if name in marked else ""
            attributes = node_attributes(
                node, "in" if node.id in accepted else "out", f"n:{name}", 26, star
            )
            attributes["tooltip"] = f"{m.id}\n{attributes['tooltip']}"
            if star:
                attributes["peripheries"] = 3
            cluster.node(name, _attributes=attributes)
        for edge in m.supports:
            if edge.linked and _drawn(edge, kept):
                cluster.node(_junction(m, edge), _attributes=_JUNCTION)


_JUNCTION: dict[str, str | int | float] = {
    "shape": "point",
    "width": JUNCTION_WIDTH["linked"],
    "color": EDGE_STYLES["support"]["color"],
    "tooltip": "linked premises: they support the conclusion only together",
}


def _junction(m: ArgumentMap, edge: Edge) -> str:
    """The junction node where a linked reason's premises meet."""
    return f"{m.id}:junction:{edge.key}"


def _essay_edges(
    dot: SafeDigraph, m: ArgumentMap, kept: set[str], edges: _Edges, shortcuts: bool
) -> None:
    """One essay's edges between kept nodes, and dotted shortcuts for chains left out."""
    for edge in m.edges:
        if m.is_undercut(edge) or not _drawn(edge, kept):
            continue
        b = f"{m.id}:{edge.target}"
        if edge.linked:
            _linked_edge(dot, m, edge, edges)
            continue
        a = f"{m.id}:{edge.source}"
        attributes = edge_attributes(
            str(edge.kind), edges.element(a, b), tooltip=f"{m.id}: {edge.kind}"
        )
        dot.edge(a, b, _attributes=attributes)
    if not shortcuts:
        return
    for source, target in sorted(_shortcuts(m, kept)):
        a, b = f"{m.id}:{source}", f"{m.id}:{target}"
        attributes = edge_attributes(
            "support", edges.element(a, b), style="dotted", tooltip=f"{m.id}: a chain of reasons"
        )
        dot.edge(a, b, _attributes=attributes)


def _linked_edge(dot: SafeDigraph, m: ArgumentMap, edge: Edge, edges: _Edges) -> None:
    """A linked reason: a line from each premise into its junction, one arrow on.

    The arrow is highlighted with every premise and with the conclusion.
    """
    junction, b = _junction(m, edge), f"{m.id}:{edge.target}"
    tooltip = f"{m.id}: support, linked: {' + '.join(edge.premises)} together"
    ends = [f"{m.id}:{premise}" for premise in edge.premises]
    for a in ends:
        leg = edges.element(a, b)
        dot.edge(
            a,
            junction,
            _attributes=edge_attributes("support", leg, arrowhead="none", tooltip=tooltip),
        )
    arrow = f"{leg}:b"
    for end in (*ends, b):
        edges.related.setdefault(end, []).append(arrow)
    dot.edge(junction, b, _attributes=edge_attributes("support", arrow, tooltip=tooltip))


def _equivalences(dot: SafeDigraph, corpus: Corpus, edges: _Edges) -> None:
    for group in corpus.equivalences:
        refs = [str(ref) for ref in group.members]
        for a, b in pairwise(refs):
            tooltip = f"same proposition: {group.note or group.id or ''}"
            dot.edge(a, b, _attributes={**SAME, "id": edges.element(a, b), "tooltip": tooltip})


def corpus_diagram(
    reading: Reading,
    conflicts: list[Conflict] | None = None,
    consensus: Consensus | None = None,
    *,
    recommendations_only: bool = False,
) -> Diagram:
    """The DOT of a read corpus (see the module docstring)."""
    corpus = reading.corpus
    conflicting = {
        (c.attacker, c.target) for c in conflicts or [] if c.attack.kind is AttackKind.DIRECT
    }
    marked = {
        str(ref) for item in (consensus.selected if consensus else ()) for ref in item.members
    }
    linked = _linked(corpus)
    dot = _canvas(reading, consensus)
    edges = _Edges()
    for i, m in enumerate(corpus.maps):
        kept = _kept(m, linked.get(m.id, set()), recommendations_only)
        accepted = reading.essays[m.id].accepted(reading.mode)
        _essay_cluster(dot, i, m, kept, accepted, marked)
        _essay_edges(dot, m, kept, edges, recommendations_only)
    _equivalences(dot, corpus, edges)
    for relation in corpus.relations:
        _relation(
            dot,
            reading,
            relation.source,
            relation.target,
            relation.kind,
            relation.note or "",
            conflicting,
            edges.element,
        )
    with_linked = any(e.linked for m in corpus.maps for e in m.supports)
    legend(dot, with_status=True, with_linked=with_linked)
    return Diagram(str(dot.source), {k: tuple(v) for k, v in edges.related.items()})


def _relation(
    dot: SafeDigraph,
    reading: Reading,
    source: NodeRef,
    target: NodeRef,
    kind: RelationKind,
    note: str,
    conflicting: set[tuple[str, str]],
    element: Callable[[str, str], str],
) -> None:
    a, b = str(source), str(target)
    merged = (reading.merged.node_of[source], reading.merged.node_of[target])
    style = "support" if kind is RelationKind.SUPPORT else "attack"
    conflict = merged in conflicting or (
        kind is RelationKind.CONTRADICTION and merged[::-1] in conflicting
    )
    more: dict[str, str | int | float] = {
        "penwidth": 3.5 if conflict else 2.5,
        "tooltip": f"{kind}: {a} → {b}: {note}",
    }
    if kind is RelationKind.CONTRADICTION:
        more["dir"] = "both"
        more["arrowtail"] = EDGE_STYLES["attack"]["arrowhead"]
    if conflict:
        more["xlabel"] = "conflict"
        more["fontcolor"] = EDGE_STYLES["attack"]["color"]
    dot.edge(a, b, _attributes=edge_attributes(style, element(a, b), **more))


def _subtitle(reading: Reading, consensus: Consensus | None) -> str:
    text = f"fill: each essay's own acceptance ({reading.semantics}, support: {reading.support})"
    if consensus is not None:
        rule = f"quorum {consensus.quorum}" if consensus.rule == "quorum" else consensus.rule
        text += f" · ★ consensus by {rule}"
    return text

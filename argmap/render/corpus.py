"""A corpus as one Graphviz diagram: a cluster per essay, and what links them.

Inside each cluster the essay's map is drawn as in :mod:`argmap.render.essay`, each node
filled by the essay's own acceptance. Across clusters: members of an equivalence group are
joined by a thick grey double line ("same proposition"); the corpus file's relations are
drawn thick, with their rationale as tooltip; a relation that makes a conflict between
positions both essays hold is drawn thicker still and labelled *conflict* at its head;
recommendations the consensus selects carry a ★ and a triple border. With
``recommendations_only``, each essay shows just its recommendations and the nodes the
corpus file links, with dotted arrows standing for the chains of reasons between them. A
linked reason whose premises and conclusion are all shown runs through a junction point, as
in an essay's diagram.

Layout: the members of an equivalence group are put on one rank (``newrank``), so that the
line joining them is short instead of running down the clusters; the *conflict* label sits
at the head of its edge. The legend (:data:`LEGEND`) lists exactly the marks the diagram
uses. Given ``link``, each node is a link (``href``) to where its essay shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from argmap.analysis.conflicts import Conflict
from argmap.analysis.consensus import Consensus
from argmap.analysis.reading import Reading
from argmap.bipolar import AttackKind
from argmap.model import ArgumentMap, Corpus, Edge, NodeKind, NodeRef, RelationKind
from argmap.render.dot import SafeDigraph, html_label, html_text, same_rank
from argmap.render.essay import (
    EDGE_STYLES,
    JUNCTION_WIDTH,
    KIND_STYLES,
    PLAIN,
    STATUS_STYLES,
    Diagram,
    edge_attributes,
    node_attributes,
)

__all__ = ["LEGEND", "corpus_diagram"]

LEGEND: dict[str, str] = {
    "essay": "essay: a box around its nodes, titled by the essay",
    "in": "accepted by its own essay",
    "out": "not accepted by its own essay",
    "support": "support, within an essay",
    "attack": "attack, within an essay",
    "undercut": "undercut: denies that a reason supports",
    "chain": "chain of reasons (nodes left out)",
    "linked": "linked premises: support only together",
    "same": "same proposition (equivalence group)",
    "relation-support": "corpus relation: support",
    "relation-attack": "corpus relation: attack",
    "relation-contradiction": "corpus relation: contradiction (both ways)",
    "conflict": "conflict: both essays hold the two ends",
    "consensus": "★ consensus: triple border",
}
"""What each mark of a corpus diagram means, as its legend says it; only marks used are shown."""

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
            "newrank": "true",
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
    link: Callable[[str, str], str] | None,
    used: set[str],
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
            status = "in" if node.id in accepted else "out"
            attributes = node_attributes(node, status, f"n:{name}", 26, star)
            attributes["tooltip"] = f"{m.id}\n{attributes['tooltip']}"
            used.update(("essay", status, f"kind:{node.kind}"))
            if star:
                attributes["peripheries"] = 3
                used.add("consensus")
            if link is not None:
                attributes["href"] = link(m.id, node.id)
            cluster.node(name, _attributes=attributes)
        for edge in m.supports:
            if edge.linked and _drawn(edge, kept):
                cluster.node(_junction(m, edge), _attributes=_JUNCTION)
                used.add("linked")


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
    dot: SafeDigraph,
    m: ArgumentMap,
    kept: set[str],
    edges: _Edges,
    shortcuts: bool,
    used: set[str],
) -> None:
    """One essay's edges between kept nodes, and dotted shortcuts for chains left out."""
    for edge in m.edges:
        if m.is_undercut(edge) or not _drawn(edge, kept):
            continue
        used.add(str(edge.kind))
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
        used.add("chain")
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


def _equivalences(dot: SafeDigraph, corpus: Corpus, edges: _Edges, used: set[str]) -> None:
    """Each group's members joined by a double line, and put on one rank (short lines)."""
    for group in corpus.equivalences:
        refs = [str(ref) for ref in group.members]
        for a, b in pairwise(refs):
            tooltip = f"same proposition: {group.note or group.id or ''}"
            dot.edge(a, b, _attributes={**SAME, "id": edges.element(a, b), "tooltip": tooltip})
            used.add("same")
        same_rank(dot, "same", refs)


def corpus_diagram(
    reading: Reading,
    conflicts: list[Conflict] | None = None,
    consensus: Consensus | None = None,
    *,
    recommendations_only: bool = False,
    link: Callable[[str, str], str] | None = None,
) -> Diagram:
    """The DOT of a read corpus (see the module docstring).

    ``link(essay, node)``, if given, is the address each node links to (``href``).
    """
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
    used: set[str] = set()
    for i, m in enumerate(corpus.maps):
        kept = _kept(m, linked.get(m.id, set()), recommendations_only)
        accepted = reading.essays[m.id].accepted(reading.mode)
        _essay_cluster(dot, i, m, kept, accepted, marked, link, used)
        _essay_edges(dot, m, kept, edges, recommendations_only, used)
    _equivalences(dot, corpus, edges, used)
    for relation in corpus.relations:
        used.add(f"relation-{relation.kind}")
        _relation(
            dot,
            reading,
            relation.source,
            relation.target,
            relation.kind,
            relation.note or "",
            conflicting,
            edges.element,
            used,
        )
    _legend(dot, used)
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
    used: set[str],
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
    if conflict:  # at the head: a label placed freely can land far from its edge
        more["headlabel"] = "conflict"
        more["labeldistance"] = 2.5
        more["labelangle"] = 30
        more["labelfontcolor"] = EDGE_STYLES["attack"]["color"]
        used.add("conflict")
    dot.edge(a, b, _attributes=edge_attributes(style, element(a, b), **more))


def _subtitle(reading: Reading, consensus: Consensus | None) -> str:
    text = f"fill: each essay's own acceptance ({reading.semantics}, support: {reading.support})"
    if consensus is not None:
        rule = f"quorum {consensus.quorum}" if consensus.rule == "quorum" else consensus.rule
        text += f" · ★ consensus by {rule}"
    return text


def _legend_line(box: SafeDigraph, mark: str, attributes: dict[str, str | int | float]) -> None:
    """A legend entry for a kind of line: a short line of that style, then what it means."""
    box.node(f"legend:{mark}:from", _attributes={"shape": "point", "width": 0.05})
    box.node(
        f"legend:{mark}:to",
        _attributes={"shape": "plaintext", "label": LEGEND[mark], "fontsize": 9},
    )
    box.edge(
        f"legend:{mark}:from",
        f"legend:{mark}:to",
        _attributes={**attributes, "constraint": "true"},
    )


def _legend(dot: SafeDigraph, used: set[str]) -> None:
    """A legend cluster naming every mark in ``used`` and nothing else (see :data:`LEGEND`)."""
    attack: dict[str, str | int | float] = {**EDGE_STYLES["attack"]}
    relation: dict[str, str | int | float] = {"penwidth": 2.5}
    lines: dict[str, dict[str, str | int | float]] = {
        "support": {**EDGE_STYLES["support"]},
        "attack": attack,
        "undercut": {**EDGE_STYLES["undercut"]},
        "chain": {**EDGE_STYLES["support"], "style": "dotted"},
        "same": {**SAME, "constraint": "true"},
        "relation-support": {**EDGE_STYLES["support"], **relation},
        "relation-attack": {**attack, **relation},
        "relation-contradiction": {
            **attack,
            **relation,
            "dir": "both",
            "arrowtail": EDGE_STYLES["attack"]["arrowhead"],
        },
        "conflict": {
            **attack,
            "penwidth": 3.5,
            "headlabel": "conflict",
            "labeldistance": 2.5,
            "labelangle": 30,
            "labelfontcolor": EDGE_STYLES["attack"]["color"],
        },
    }
    with dot.subgraph(
        name="cluster_legend",
        graph_attr={"label": "Legend", "style": "rounded", "color": "#999999", "fontsize": 10},
        node_attr={"fontsize": 9, "height": 0.3},
    ) as box:
        if "essay" in used:
            with box.subgraph(
                name="cluster_legend_essay",
                graph_attr={"label": "essay", "style": "rounded", "color": "#888888"},
            ) as essay:
                essay.node(
                    "legend:essay", _attributes={"shape": "plaintext", "label": LEGEND["essay"]}
                )
        for kind in NodeKind:
            if f"kind:{kind}" in used:
                box.node(
                    f"legend:{kind}",
                    _attributes={**KIND_STYLES[kind], "fillcolor": PLAIN, "label": str(kind)},
                )
        for status in ("in", "out"):
            if status in used:
                fill, border, word = STATUS_STYLES[status]
                style = "rounded,filled" + (f",{border}" if border != "solid" else "")
                box.node(
                    f"legend:{status}",
                    _attributes={
                        "shape": "box",
                        "style": style,
                        "fillcolor": fill,
                        "label": f"{word}: {LEGEND[status]}",
                    },
                )
        if "consensus" in used:
            box.node(
                "legend:consensus",
                _attributes={
                    **KIND_STYLES[NodeKind.RECOMMENDATION],
                    "fillcolor": PLAIN,
                    "peripheries": 3,
                    "label": LEGEND["consensus"],
                },
            )
        for mark, attributes in lines.items():
            if mark in used:
                _legend_line(box, mark, attributes)
        if "linked" in used:
            _linked_legend(box)


def _linked_legend(box: SafeDigraph) -> None:
    """Two premise points joined at a junction, then one arrow: a linked reason."""
    support = EDGE_STYLES["support"]
    junction = "legend:linked:junction"
    box.node(junction, _attributes={k: v for k, v in _JUNCTION.items() if k != "tooltip"})
    for k in (1, 2):
        box.node(f"legend:linked:from{k}", _attributes={"shape": "point", "width": 0.05})
        box.edge(
            f"legend:linked:from{k}",
            junction,
            _attributes={**support, "arrowhead": "none", "constraint": "true"},
        )
    box.node(
        "legend:linked:to",
        _attributes={"shape": "plaintext", "label": LEGEND["linked"], "fontsize": 9},
    )
    box.edge(junction, "legend:linked:to", _attributes={**support, "constraint": "true"})

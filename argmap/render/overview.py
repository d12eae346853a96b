"""The report's front page: the corpus at a glance first, the detail on demand.

``index.html`` of :func:`~argmap.render.report.write_report` is made here, top to bottom:

1. **Who stands where**: the consensus matrix, recommendation groups (rows, ranked as
   :func:`~argmap.analysis.consensus.consensus_of` ranks them) by counted essays (columns);
   the groups only one essay endorses and none opposes are folded away below (:func:`shared`).
   Each cell says *endorses*, *opposes* or *silent* in a word, a symbol and a colour (never
   the colour alone); an essay's cell links to its node on the essay's page
   (``essay-<id>.html#focus=<node>``), an opposing cell to the conflict that makes it. The
   last column is the verdict: whether the rule selects the group, how many endorse it, and
   its status in the merged framework.
2. **Who disagrees with whom**: a small diagram with one node per essay and one line per
   (attacking essay, attacked essay) pair, as thick as, and labelled with, the number of
   *stated* conflicts (a direct attack) between them; derived conflicts and later evidence
   get thin dashed and dotted lines of their own. Each line links to its list below, each
   essay to its page.
3. **The conflicts**, in the three sections ``argmap conflicts`` uses (stated, derived, later
   evidence), each pair of essays under its own anchor (``#stated-<a>--<b>``, ...). Each
   conflict (``#conflict-<n>``) is drawn as a small diagram of only the nodes on its path
   (the attacker, the target, and the support chain the derivation goes through), beside
   each essay's text of those nodes, with the corpus file's rationale and how the merged
   framework settles it.
4. Internal tensions, and the list of essays; the full merged diagram is on ``corpus.html``.

All text from the maps is HTML-escaped here, and reaches the diagrams through
:mod:`argmap.render.dot` (so it is shown literally in DOT and SVG).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import quote as url_quote

from argmap.analysis.conflicts import Category, Conflict, Resolution
from argmap.analysis.consensus import Consensus, ConsensusItem, Stance
from argmap.analysis.reading import Reading
from argmap.model import Corpus, NodeKind, NodeRef
from argmap.options import Semantics, status_word
from argmap.render.dot import SafeDigraph, html_label, html_text, run_dot, run_dots, wrap
from argmap.render.essay import EDGE_STYLES, KIND_STYLES, PLAIN, strength_shade

__all__ = [
    "CATEGORIES",
    "CORPUS_HINT",
    "STANCES",
    "category",
    "conflict_diagram",
    "disagreement_graph",
    "disagreements",
    "essay_page",
    "front_page",
    "node_link",
    "shared",
]

STATED, DERIVED, LATER = Category.STATED, Category.DERIVED, Category.LATER
CATEGORIES: dict[str, str] = {kind: kind.heading for kind in Category}
"""The three kinds of conflict, in order, with their section titles (as ``argmap conflicts``)."""
_ANCHOR: dict[str, str] = {STATED: "stated", DERIVED: "derived", LATER: "later"}

STANCES: dict[Stance, tuple[str, str]] = {
    Stance.ENDORSES: ("✔", "#BDE5CF"),
    Stance.OPPOSES: ("✘", "#F7CDB9"),
    Stance.SILENT: ("·", "#FFFFFF"),
}
"""The symbol and colour of each cell of the matrix (the word is the stance itself)."""

STYLE = """
.overview-top h1 { margin: 0 0 0.2em 0; }
.overview-top nav a { margin-right: 1em; }
.overview-top p { margin: 0.3em 0; }
h2#stances { margin-top: 0.8em; }
table.stances { border-collapse: collapse; font-size: 0.9em; }
table.stances th, table.stances td { border: 1px solid #ccc; padding: 0.2em 0.4em; }
table.stances thead th { position: sticky; top: 0; background: #f2f2f2; z-index: 1; }
table.stances th.essay { width: 6.5em; font-weight: normal; font-size: 0.85em; }
table.stances td.stance { text-align: center; white-space: nowrap; }
table.stances td.stance a { color: inherit; }
td.endorses { background: #BDE5CF; } td.opposes { background: #F7CDB9; }
td.silent { color: #777; }
table.stances td.recommendation { max-width: 34em; }
table.stances td.verdict { font-size: 0.9em; width: 12em; }
table.stances span.strength { font-size: 0.85em; padding: 0 0.3em; border: 1px solid #999; }
tr.chosen td.verdict { font-weight: bold; }
.small { font-size: 0.85em; color: #555; }
.figure { overflow: auto; max-width: 100%; }
.figure svg { display: block; max-width: 100%; height: auto; }
.conflict { border-top: 1px solid #ddd; padding-top: 0.6em; margin-top: 0.8em; }
.conflict-body { display: flex; gap: 1.2em; align-items: flex-start; flex-wrap: wrap; }
.conflict-body .figure { flex: 0 1 auto; max-width: 46em; }
.conflict-body table { flex: 1 1 24em; }
dl.key dt { font-weight: bold; float: left; clear: left; min-width: 9em; }
dl.key dd { margin-left: 10em; }
"""
"""The front page's own CSS (added after the report's shared style)."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def essay_page(essay: str) -> str:
    """The file name of an essay's page in the report."""
    return f"essay-{essay}.html"


def node_link(essay: str, node: str) -> str:
    """The address of a node on its essay's page: ``essay-<id>.html#focus=<node>``.

    >>> node_link("hawk", "r-talks")
    'essay-hawk.html#focus=r-talks'
    """
    return f"{essay_page(essay)}#focus={url_quote(node, safe='')}"


def category(conflict: Conflict) -> str:
    """``stated`` (a direct attack), ``derived`` (through reasons) or ``later evidence``."""
    return conflict.category


def disagreements(
    conflicts: Iterable[Conflict], kind: str = STATED
) -> dict[tuple[str, str], list[Conflict]]:
    """The conflicts of one kind, by (attacking essay, attacked essay), essays different.

    A conflict that sets several pairs against each other is listed under each.
    """
    pairs: dict[tuple[str, str], list[Conflict]] = {}
    for c in conflicts:
        if category(c) != kind:
            continue
        for a, b in c.pairs:
            if a != b:
                pairs.setdefault((a, b), []).append(c)
    return dict(sorted(pairs.items()))


def _pair_anchor(kind: str, pair: tuple[str, str]) -> str:
    return f"{_ANCHOR[kind]}-{url_quote(pair[0], safe='')}--{url_quote(pair[1], safe='')}"


def _inline_svg(source: str) -> str:
    """DOT drawn as inline SVG (no XML prologue or DOCTYPE)."""
    return _inline(run_dot(source, "svg"))


def _inline(svg: bytes) -> str:
    return re.sub(r"^.*?(?=<svg)", "", svg.decode("utf-8"), flags=re.DOTALL)


# -- 1. the matrix ------------------------------------------------------------------------


def _member_in(item: ConsensusItem, essay: str) -> NodeRef | None:
    return next((ref for ref in item.members if ref.essay == essay), None)


def _cell(
    consensus: Consensus, item: ConsensusItem, essay: str, opposing: dict[tuple[str, str], int]
) -> str:
    stance = consensus.stance(item, essay)
    symbol, _ = STANCES[stance]
    text = f"{symbol} {stance}"
    ref = _member_in(item, essay)
    if stance is Stance.OPPOSES and (item.node, essay) in opposing:
        text = f'<a href="#conflict-{opposing[(item.node, essay)]}">{_e(text)}</a>'
    elif ref is not None:
        text = f'<a href="{_e(node_link(ref.essay, ref.node))}">{_e(text)}</a>'
    else:
        text = _e(text)
    value = consensus.strengths.get(item.node, {}).get(essay)
    if value is not None:
        text += (
            f'<br><span class="strength" style="background: {strength_shade(value)}">'
            f"{value:.2f}</span>"
        )
    return f'<td class="stance {_e(stance)}" title="{_e(essay)}: {_e(stance)}">{text}</td>'


CORPUS_DIAGRAM_NODES = 2_000
"""The most nodes the corpus page draws every one of; a larger corpus is drawn from its
recommendations and the nodes linked across essays (``dot`` takes minutes on 20,000 nodes)."""
MATRIX_ESSAYS = 60
"""The most essays the matrix gives a column each; beyond, the verdict column counts them."""


def _matrix(consensus: Consensus, reading: Reading, opposing: dict[tuple[str, str], int]) -> str:
    chosen = {i.node for i in consensus.selected}
    rule = f"quorum {consensus.quorum}" if consensus.quorum else str(consensus.rule)
    titles = {m.id: m.title for m in reading.corpus.maps}
    columns = consensus.counted if len(consensus.counted) <= MATRIX_ESSAYS else ()
    head = "".join(
        f'<th class="essay" title="{_e(titles.get(e, e))}"><a href="{_e(essay_page(e))}">'
        + "-<wbr>".join(_e(part) for part in e.split("-"))
        + "</a></th>"
        for e in columns
    )
    rows: dict[bool, list[str]] = {True: [], False: []}
    for rank, item in enumerate(consensus.items, 1):
        first = item.members[0]
        # the members a column links to are reached there; name the others (maps not counted)
        others = [ref for ref in item.members if ref.essay not in consensus.counted]
        members = " · ".join(
            f'<a href="{_e(node_link(ref.essay, ref.node))}">{_e(ref)}</a>' for ref in others
        )
        members = f'<br><span class="small">also stated in {members}</span>' if others else ""
        cells = "".join(_cell(consensus, item, e, opposing) for e in columns)
        endorsed = f"{len(item.endorsers)}/{consensus.essays} endorse"
        verdict = (
            (f"★ consensus ({_e(rule)})" if item.node in chosen else "no consensus")
            + f'<br><span class="small">{_e(endorsed)}; merged: {_e(status_word(item.status, Semantics.parse(reading.semantics)))}'
        )
        if item.uncounted_endorsers:
            verdict += f"; also {_e(', '.join(item.uncounted_endorsers))} (not counted)"
        verdict += "</span>"
        css = ' class="chosen"' if item.node in chosen else ""
        rows[shared(item) or item.node in chosen].append(
            f'<tr{css} id="rec-{_e(url_quote(item.node, safe=""))}"><td>{rank}</td>'
            f'<td class="recommendation"><a href="{_e(node_link(first.essay, first.node))}">'
            f"{_e(item.text)}</a>{members}</td>"
            f'{cells}<td class="verdict">{verdict}</td></tr>'
        )
    head = f"<thead><tr><th>#</th><th>recommendation</th>{head}<th>verdict</th></tr></thead>"
    table = f'<table class="stances">{head}<tbody>{"".join(rows[True])}</tbody></table>'
    if not columns:
        table = (
            f'<p class="hint">{len(consensus.counted)} essays are too many for a column each: '
            "the verdict counts them (<code>argmap consensus --json</code> gives each "
            "essay's stance).</p>\n" + table
        )
    if not rows[False]:
        return table
    return (
        f"{table}\n<details><summary>{len(rows[False])} more recommendations, each endorsed by "
        "one essay only and opposed by none</summary>\n"
        f'<table class="stances">{head}<tbody>{"".join(rows[False])}</tbody></table></details>'
    )


def _strength_hint(consensus: Consensus) -> str:
    if consensus.strength is None:
        return ""
    return (
        f" The number under a stance: how strongly the essay's own statement of the "
        f"recommendation stands in its map ({_e(consensus.strength.display_name)} strength, from "
        "0 weak to 1 strong, shaded orange to purple; each essay's map alone, its weights "
        "0.5 where it gives none)."
    )


def shared(item: ConsensusItem) -> bool:
    """Whether a recommendation group is shown at once: more than one essay endorses it, or one opposes it.

    The others, one essay's own and unopposed, are folded away.
    """
    return len(item.endorsers) > 1 or bool(item.opposers)


def _opposing(
    consensus: Consensus, conflicts: list[Conflict], numbers: dict[int, int]
) -> dict[tuple[str, str], int]:
    """(recommendation group, essay) → the number of the first conflict where it opposes it."""
    found: dict[tuple[str, str], int] = {}
    for c in conflicts:
        if c.hindsight:
            continue
        for a in c.attacker_essays:
            found.setdefault((c.target, a), numbers[id(c)])
        if c.mutual:  # a contradiction: the target's essays oppose the attacker too
            for b in c.target_essays:
                found.setdefault((c.attacker, b), numbers[id(c)])
    return found


# -- 2. the disagreement graph -------------------------------------------------------------


def disagreement_graph(reading: Reading, conflicts: list[Conflict]) -> str:
    """The DOT of the essays and the conflicts between them (see the module docstring).

    Nodes are named by essay id; a line's ``href`` is its pair's anchor on the front page.
    """
    dot = SafeDigraph(
        name="disagreements",
        graph_attr={
            "rankdir": "LR",
            "fontname": "Helvetica",
            "nodesep": 0.35,
            "ranksep": 1.1,
            "tooltip": "who disagrees with whom",
        },
        node_attr={"fontname": "Helvetica", "fontsize": 12, "shape": "box", "style": "rounded"},
        edge_attr={"fontname": "Helvetica Bold", "fontsize": 14},
    )
    for m in reading.corpus.maps:
        label = "<BR/>".join(html_text(line) for line in wrap(m.title, 28))
        style = "rounded" if str(m.role) == "essay" else "rounded,dashed"
        dot.node(
            m.id,
            _attributes={
                "label": html_label(
                    f'<B>{html_text(m.id)}</B><BR/><FONT POINT-SIZE="11">{label}</FONT>'
                ),
                "href": essay_page(m.id),
                "tooltip": f"{m.id}: {m.title}",
                "id": f"essay:{m.id}",
                "style": style,
            },
        )
    looks: dict[str, dict[str, str | int | float]] = {
        STATED: {"color": EDGE_STYLES["attack"]["color"], "style": "solid"},
        DERIVED: {"color": EDGE_STYLES["attack"]["color"], "style": "dashed", "penwidth": 1.2},
        LATER: {"color": "#777777", "style": "dotted", "penwidth": 1.5},
    }
    for kind in CATEGORIES:
        for (a, b), found in disagreements(conflicts, kind).items():
            n = len(found)
            mutual = sum(c.mutual for c in found)
            more: dict[str, str | int | float] = {
                "label": str(n) if kind == STATED else f"{n} {'later' if kind == LATER else kind}",
                "fontcolor": str(looks[kind]["color"]),
                "href": f"#{_pair_anchor(kind, (a, b))}",
                "tooltip": _pair_tooltip(a, b, n, kind, mutual),
                "id": f"pair:{kind}:{a}:{b}",
                "arrowhead": "tee",
            }
            if kind == STATED:
                more["penwidth"] = 1 + 2 * n
            if mutual == n:  # every one of them a contradiction: a bar at both ends
                more |= {"dir": "both", "arrowtail": "tee"}
            dot.edge(a, b, _attributes={**looks[kind], **more})
    return str(dot.source)


def _pair_tooltip(a: str, b: str, n: int, kind: str, mutual: int) -> str:
    """What a line of the disagreement graph stands for, in words."""
    counted = f"{n} {kind} conflict{'s' if n != 1 else ''}"
    if not mutual:
        return f"{a} → {b}: {counted}"
    both = "all" if mutual == n else str(mutual)
    return f"{a} ↔ {b}: {counted} ({both} of them contradictions, attacks both ways)"


# -- 3. the conflicts ----------------------------------------------------------------------


def _step(reading: Reading, x: str, y: str) -> tuple[str, str] | None:
    """How the merged map joins two steps of a path by support: (premise, conclusion)."""
    for edge in reading.merged.map.supports:
        if edge.target == y and x in edge.premises:
            return x, y
        if edge.target == x and y in edge.premises:
            return y, x
    return None


def conflict_diagram(reading: Reading, conflict: Conflict, number: int) -> str:
    """The DOT of one conflict: only the nodes on its path, and the steps between them.

    Each node is named by its element on the path (a merged node, or a reason); the attack
    is the step ``path[hit - 1]`` → ``path[hit]``, the other steps are the supports the
    derivation goes through, drawn in their own direction.
    """
    path = conflict.attack.path or (conflict.attacker, conflict.target)
    merged = reading.merged
    shown = merged.map  # looked up by id (a dict of its nodes per conflict was quadratic)
    dot = SafeDigraph(
        name=f"conflict-{number}",
        graph_attr={"rankdir": "LR", "fontname": "Helvetica", "nodesep": 0.25, "ranksep": 0.5},
        node_attr={"fontname": "Helvetica", "fontsize": 11, "margin": "0.1,0.05"},
        edge_attr={"fontname": "Helvetica", "fontsize": 10},
    )
    for element in dict.fromkeys(path):
        node = shown.node(element) if element in shown else None
        if node is None:  # a reason on the path (a support that is attacked)
            dot.node(
                element,
                _attributes={"shape": "ellipse", "label": element, "id": f"k{number}:{element}"},
            )
            continue
        members = merged.members.get(element, ())
        essays = ", ".join(dict.fromkeys(ref.essay for ref in members)) or element
        text = "<BR/>".join(html_text(line) for line in wrap(node.text, 30))
        label = f'<FONT POINT-SIZE="9" COLOR="#444444">{html_text(element)}</FONT><BR/>{text}'
        attributes: dict[str, str | int | float] = {
            **KIND_STYLES[node.kind],
            "fillcolor": PLAIN,
            "label": html_label(label),
            "tooltip": f"{essays}: {node.text}",
            "id": f"k{number}:{element}",
        }
        if len(members) > 1:
            attributes["peripheries"] = 2
        if node.kind is NodeKind.RECOMMENDATION:
            attributes["penwidth"] = 2
        dot.node(element, _attributes=attributes)
    hit = conflict.attack.hit
    for i in range(1, len(path)):
        x, y = path[i - 1], path[i]
        if i == hit:
            both = {"dir": "both", "arrowtail": "tee"} if conflict.mutual else {}
            dot.edge(
                x,
                y,
                _attributes={
                    **EDGE_STYLES["attack"],
                    "penwidth": 2.5,
                    "label": "attack each other" if conflict.mutual else "attacks",
                    **both,
                },
            )
            continue
        step = _step(reading, x, y) or (x, y)
        dot.edge(*step, _attributes={**EDGE_STYLES["support"], "label": "supports"})
    return str(dot.source)


def _texts(reading: Reading, conflict: Conflict) -> str:
    """Each node on the path as each essay states it."""
    path = conflict.attack.path or (conflict.attacker, conflict.target)
    rows = []
    for element in dict.fromkeys(path):
        members = reading.merged.members.get(element, ())
        for ref in members:
            text = reading.corpus.node(ref).text
            rows.append(
                f"<tr><td><code>{_e(element)}</code></td>"
                f'<td><a href="{_e(node_link(ref.essay, ref.node))}">{_e(ref.essay)}</a></td>'
                f"<td>{_e(text)}</td></tr>"
            )
        if not members:
            rows.append(f"<tr><td><code>{_e(element)}</code></td><td></td><td>a reason</td></tr>")
    return (
        "<table><thead><tr><th>node</th><th>essay</th><th>as the essay says it</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _conflict(reading: Reading, conflict: Conflict, number: int, figure: str) -> str:
    """One conflict's entry; ``figure``: its :func:`conflict_diagram` as inline SVG."""
    pairs = ", ".join(
        f"{_e(a)} vs {_e(b)}" if a != b else f"{_e(a)} vs itself" for a, b in conflict.pairs
    )
    out = [
        f'<div class="conflict" id="conflict-{number}">',
        f"<h4>{number}. <code>{_e(conflict.attacker)}</code> "
        f"{'and' if conflict.mutual else 'attacks'} <code>{_e(conflict.target)}</code>"
        f"{' contradict each other' if conflict.mutual else ''}: {_e(conflict.resolution)}</h4>",
        f'<p class="small">{pairs}. How: {_e(conflict.attack.describe())} '
        f"(stated by {_e(', '.join(conflict.stated_by))}).</p>",
        '<div class="conflict-body">',
        f'<div class="figure">{figure}</div>',
        _texts(reading, conflict),
        "</div>",
    ]
    out += [f"<p><b>Rationale</b> (corpus file): {_e(note)}</p>" for note in conflict.notes]
    if conflict.resolution is not Resolution.OPEN and conflict.lost:
        lost = ", ".join(f"<code>{_e(n)}</code>" for n in conflict.lost)
        out.append(
            f"<p><b>Settled</b>: {_e(conflict.resolution)}; lost: {lost}. {_e(conflict.why)}</p>"
        )
    if conflict.hindsight:
        out.append(
            '<p class="small">Later evidence: the attacking essay reports events after the '
            "attacked essay was written; not a disagreement between the authors.</p>"
        )
    out.append("</div>")
    return "\n".join(out)


def _sections(reading: Reading, numbered: list[tuple[int, Conflict]]) -> str:
    out = []
    shown: set[int] = set()
    drawn = run_dots([conflict_diagram(reading, c, n) for n, c in numbered], "svg")
    figures = {n: _inline(svg) for (n, _), svg in zip(numbered, drawn, strict=True)}
    for kind, title in CATEGORIES.items():
        listed = [c for _, c in numbered if category(c) == kind]
        if not listed and kind != STATED:
            continue
        number = {id(c): n for n, c in numbered}
        out.append(f'<h3 id="{_ANCHOR[kind]}">{_e(title)} ({len(listed)})</h3>')
        if not listed:
            out.append("<p>none</p>")
        by_pair = disagreements(listed, kind)
        own = [c for c in listed if not c.cross_essay]
        groups = [*by_pair.items(), *([((".", "."), own)] if own else [])]
        for (a, b), found in groups:
            heading = (
                f"{_e(a)} → {_e(b)} ({len(found)})"
                if a != "."
                else f"within one essay ({len(found)})"
            )
            anchor = _pair_anchor(kind, (a, b)) if a != "." else f"{_ANCHOR[kind]}-within"
            out.append(f'<h4 id="{_e(anchor)}" class="pair">{heading}</h4>')
            for c in found:
                n = number[id(c)]
                if n in shown:
                    out.append(
                        f'<p class="small">See <a href="#conflict-{n}">conflict {n}</a>.</p>'
                    )
                    continue
                shown.add(n)
                out.append(_conflict(reading, c, n, figures[n]))
    return "\n".join(out)


# -- the page --------------------------------------------------------------------------------


def _numbered(conflicts: list[Conflict]) -> list[tuple[int, Conflict]]:
    """The conflicts numbered from 1, stated first, then derived, then later evidence."""
    order = list(CATEGORIES)
    return list(enumerate(sorted(conflicts, key=lambda c: order.index(category(c))), 1))


def front_page(
    corpus: Corpus, reading: Reading, conflicts: list[Conflict], consensus: Consensus
) -> str:
    """The body of the report's ``index.html`` (with its own ``<style>``)."""
    listed = _numbered(conflicts)
    numbers = {id(c): n for n, c in listed}
    counts = {kind: sum(category(c) == kind for c in conflicts) for kind in CATEGORIES}
    tensions = [s.tension for s in reading.essays.values() if s.tension is not None]
    essays = "".join(
        f'<li><a href="{_e(essay_page(m.id))}">{_e(m.title)}</a> '
        f'<span class="meta">({_e(m.id)}{", " + _e(m.role) if str(m.role) != "essay" else ""})</span></li>'
        for m in corpus.maps
    )
    left_out = (
        f" Not counted: {_e(', '.join(consensus.left_out))} (reader comments)."
        if consensus.left_out
        else ""
    )
    every = sum(len(m.nodes) for m in corpus.maps) <= CORPUS_DIAGRAM_NODES
    key = (
        '<dl class="key small">'
        "<dt>line and number</dt><dd>stated conflicts: a node the first essay holds attacks "
        "one the second holds (thicker: more)</dd>"
        "<dt>dashed</dt><dd>derived conflicts, through reasons</dd>"
        "<dt>dotted, grey</dt><dd>later evidence: events after the attacked essay was written</dd>"
        "<dt>dashed box</dt><dd>reader comments, not an essay</dd>"
        "<dt>click</dt><dd>a line for its conflicts, an essay for its page</dd></dl>"
    )
    return (
        f"<style>{STYLE}</style>\n"
        f'<div class="overview-top"><h1>{_e(corpus.title or "Corpus")}</h1>\n'
        '<nav><a href="#stances">Who stands where</a><a href="#disagreements">Who disagrees</a>'
        '<a href="#conflicts">Conflicts</a><a href="#essays">Essays</a>'
        f'<a href="corpus.html">{"Every node (full diagram)" if every else "Corpus diagram"}</a>'
        "</nav>\n"
        f'<p class="meta">{_e(corpus.summary or "")}</p></div>\n'
        f'<h2 id="stances">Who stands where</h2>\n<p class="hint">Each recommendation (or group '
        f"of equivalent ones) by essay: ✔ endorses (states and accepts it), ✘ opposes (accepts "
        f"something attacking it), · silent. ★: the {_e(consensus.rule)} rule selects it among "
        f"{consensus.essays} essays.{left_out} Merged status under {_e(reading.semantics)}, "
        f"{_e(reading.support)} support.{_strength_hint(consensus)} Click a cell or a "
        "recommendation for the node on its essay's page.</p>\n"
        + _matrix(consensus, reading, _opposing(consensus, conflicts, numbers))
        + f'\n<h2 id="disagreements">Who disagrees with whom</h2>\n<p class="hint">'
        f"{counts[STATED]} stated, {counts[DERIVED]} derived, {counts[LATER]} later evidence.</p>\n"
        f'<div class="overview-graph">'
        f'<div class="figure" id="disagreement-graph">{_inline_svg(disagreement_graph(reading, conflicts))}</div>'
        f"{key}</div>\n"
        f'<h2 id="conflicts">Conflicts</h2>\n<p class="hint">Each drawn with only the nodes on '
        "its path, beside each essay's own words. Support chains go through one essay's "
        "reasons; a double border is an equivalence group (the same proposition in several "
        "essays).</p>\n"
        + _sections(reading, listed)
        + '\n<h2 id="tensions">Internal tensions</h2>\n<ul>'
        + ("".join(f"<li>{_e(t.describe())}</li>" for t in tensions) or "<li>none</li>")
        + f'</ul>\n<h2 id="essays">Essays</h2>\n<ul>{essays}</ul>\n'
        '<p><a href="corpus.html">The full merged diagram</a>: every node of every essay, and '
        "what the corpus file links.</p>"
    )


CORPUS_HINT = (
    "Every node of every essay, each in its essay's box, and what the corpus file links; the "
    "legend names every mark. Hover over a node to highlight its edges; click it to open it "
    "on its essay's page."
)
"""The line above the full diagram on ``corpus.html``."""

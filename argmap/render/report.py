"""The HTML report: a self-contained static site about a corpus.

``index.html`` has the corpus diagram (recommendations and what links them), the consensus
and conflicts tables and the internal tensions; ``corpus.html`` the full corpus diagram; one
page per essay its diagram (coloured by its grounded labelling, or the chosen semantics),
its extensions and its recommendations. Diagrams are inline SVG; CSS and the script that
highlights, on hover or click, a node's edges and what supports or attacks it (or the node a
link names with ``#focus=NODE``) are inline too. No page
loads anything from anywhere. All text from the maps is HTML-escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import Consensus, consensus_of
from argmap.analysis.reading import Reading
from argmap.analysis.reading import reading as read_corpus
from argmap.bipolar import AttackKind
from argmap.model import ArgumentMap, Corpus
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, ConsensusRule, Semantics, Support
from argmap.render.corpus import corpus_diagram
from argmap.render.dot import run_dot
from argmap.render.essay import Diagram, essay_diagram, statuses
from argmap.semantics.sat import Deadline

__all__ = ["write_report"]

STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em auto; max-width: 75em;
       padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; }
.meta { color: #555; } nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
.diagram { overflow: auto; border: 1px solid #ddd; max-height: 90vh; background: #fff; }
.diagram svg { display: block; }
.status-skeptical, .status-in { background: #BDE5CF; }
.status-credulous, .status-undec { background: #FBEBA8; }
.status-rejected, .status-out { background: #F7CDB9; }
g.edge.hl path { stroke-width: 4px; }
g.edge.hl polygon { stroke-width: 3px; }
g.node.hl polygon, g.node.hl path { stroke-width: 3px; }
svg.focus g.edge:not(.hl), svg.focus g.node:not(.hl) { opacity: 0.35; }
.hint { color: #666; font-size: 0.9em; }
table.matrix td:not(:first-child), table.matrix th:not(:first-child) { text-align: center; }
ul.legend { list-style: none; padding-left: 0.5em; }
"""

SCRIPT = """
(function () {
  var links = JSON.parse(document.getElementById('links').textContent);
  var pinned = null;
  function clear(svg) {
    svg.classList.remove('focus');
    svg.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
  }
  function show(svg, node) {
    clear(svg);
    var name = node.id.slice(2), related = links[name] || [];
    svg.classList.add('focus');
    node.classList.add('hl');
    related.forEach(function (id) {  // its edges, and the nodes supporting or attacking it
      var element = document.getElementById(id);
      if (element) { element.classList.add('hl'); }
    });
  }
  document.querySelectorAll('.diagram svg').forEach(function (svg) {
    svg.querySelectorAll('g.node').forEach(function (node) {
      if (node.id.slice(0, 2) !== 'n:') { return; }
      node.addEventListener('mouseenter', function () { if (!pinned) { show(svg, node); } });
      node.addEventListener('mouseleave', function () { if (!pinned) { clear(svg); } });
      node.addEventListener('click', function (event) {
        event.stopPropagation();
        pinned = pinned === node ? null : node;
        if (pinned) { show(svg, node); } else { clear(svg); }
      });
    });
    svg.addEventListener('click', function () { pinned = null; clear(svg); });
  });
  // a link can name a node to focus on: page.html#focus=NODE
  var wanted = (location.hash.match(/^#focus=(.+)$/) || [])[1];
  var target = wanted && document.getElementById('n:' + decodeURIComponent(wanted));
  if (target) { pinned = target; show(target.closest('svg'), target); }
})();
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _svg(diagram: Diagram) -> str:
    """The diagram as inline SVG (no XML prologue or DOCTYPE)."""
    svg = run_dot(diagram.source, "svg").decode("utf-8")
    return re.sub(r"^.*?(?=<svg)", "", svg, flags=re.DOTALL)


def _page(title: str, body: str, links: dict[str, tuple[str, ...]]) -> str:
    data = json.dumps(links, sort_keys=True).replace("</", "<\\/")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        f'<script type="application/json" id="links">{data}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _table(headers: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{_e(classes[i])}"' if classes and classes[i] else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _essay_file(essay: str) -> str:
    return f"essay-{essay}.html"


def _essay_page(m: ArgumentMap, reading: Reading, timeout: float | None = None) -> str:
    status = statuses(m, reading.semantics, reading.support, timeout=timeout)
    diagram = essay_diagram(m, status)
    found = reading.essays[m.id].extensions
    meta = " · ".join(x for x in (", ".join(m.authors), m.venue or "", m.date or "") if x)
    rows = [
        [f"<code>{_e(r.id)}</code>", _e(", ".join(r.actors)), _e(r.text), _e(status[r.id])]
        for r in m.recommendations
    ]
    extensions = "".join(f"<li>{_e(', '.join(sorted(e)) or '(empty)')}</li>" for e in found)
    body = (
        f'<nav><a href="index.html">← corpus</a></nav>\n<h1>{_e(m.title)}</h1>\n'
        f'<p class="meta">{_e(meta)}</p>\n<p>{_e(m.summary or "")}</p>\n'
        f'<h2>Diagram</h2>\n<p class="hint">Fill: {_e(reading.semantics)} labelling under '
        f"{_e(reading.support)} support. Hover over or click a node to highlight its edges and "
        "what supports or attacks it.</p>\n"
        f'<div class="diagram">{_svg(diagram)}</div>\n'
        f"<h2>Recommendations</h2>\n"
        + _table(
            ["id", "actors", "recommendation", "status"],
            rows,
            [f"status-{status[r.id]}" for r in m.recommendations],
        )
        + f"\n<h2>{_e(reading.semantics)} extensions</h2>\n<ol>{extensions}</ol>\n"
    )
    return _page(m.title, body, dict(diagram.related))


def _consensus_table(consensus: Consensus) -> str:
    rows, classes = [], []
    chosen = {i.node for i in consensus.selected}
    for i in consensus.items:
        rows.append(
            [
                "★" if i.node in chosen else "",
                f"<code>{_e(i.node)}</code>",
                _e(i.text),
                _e(", ".join(i.endorsers)),
                _e(", ".join(i.opposers)),
                _e(i.status),
            ]
        )
        classes.append(f"status-{i.status}")
    return _table(
        ["", "recommendation", "text", "endorsed by", "opposed by", "merged status"], rows, classes
    )


def _consensus_matrix(consensus: Consensus) -> str:
    """Recommendation groups by counted essays: endorses (+), opposes (-) or silent."""
    essays = consensus.counted
    head = "".join(f'<th title="{_e(e)}">{n}</th>' for n, e in enumerate(essays, 1))
    css = {"endorses": "status-skeptical", "opposes": "status-rejected", "silent": ""}
    body = []
    for item in consensus.items:
        cells = "".join(
            f'<td class="{css[str(s)]}" title="{_e(e)}: {_e(s)}">{_e(s.mark)}</td>'
            for e in essays
            for s in [consensus.stance(item, e)]
        )
        body.append(f"<tr><td><code>{_e(item.node)}</code></td>{cells}</tr>")
    legend = "".join(f"<li>{n}: {_e(e)}</li>" for n, e in enumerate(essays, 1))
    return (
        f'<table class="matrix"><tr><th>recommendation</th>{head}</tr>{"".join(body)}</table>\n'
        f'<p class="hint">+ endorses, - opposes, . silent. Essays:</p><ul class="hint legend">{legend}</ul>'
    )


def _conflicts_table(conflicts: list[Conflict], reading: Reading) -> str:
    rows = []
    for c in conflicts:
        pairs = "; ".join(f"{a} vs {b}" for a, b in c.pairs)
        rows.append(
            [
                _e(pairs),
                f"<code>{_e(c.attacker)}</code><br>{_e(reading.merged.map.node(c.attacker).text)}",
                f"<code>{_e(c.target)}</code><br>{_e(reading.merged.map.node(c.target).text)}",
                _e(c.attack.describe()) + "".join(f"<br><i>{_e(n)}</i>" for n in c.notes),
                _resolution_cell(c),
            ]
        )
    return _table(["essays", "attacker", "target", "how, and why", "resolution"], rows)


def _resolution_cell(c: Conflict) -> str:
    """How a conflict is settled, which essay's node lost and why; hindsight marked."""
    cell = _e(c.resolution)
    if c.lost:
        cell += f"<br>lost: {', '.join(f'<code>{_e(n)}</code>' for n in c.lost)}<br>{_e(c.why)}"
    if c.hindsight:
        cell += "<br><i>later evidence: events after the attacked essay was written, not a disagreement</i>"
    return cell


def write_report(
    corpus: Corpus,
    directory: str | Path,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the report into ``directory`` (created if needed); returns its index page.

    ``progress`` is called with a short message before each page; ``timeout`` (seconds)
    covers the whole report and raises :class:`~argmap.semantics.SolverTimeout` when it runs out.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda _message: None)
    deadline = Deadline(timeout)
    reading = read_corpus(corpus, semantics, support, timeout=deadline.remaining())
    conflicts = conflicts_of(reading)
    consensus = consensus_of(reading, conflicts, ConsensusRule.MAJORITY)
    for m in corpus.maps:
        say(f"essay {m.id}")
        (out / _essay_file(m.id)).write_text(
            _essay_page(m, reading, deadline.remaining()), encoding="utf-8"
        )
    say("corpus diagram")
    full = corpus_diagram(reading, conflicts, consensus)
    (out / "corpus.html").write_text(
        _page(
            corpus.title or "Corpus",
            f'<nav><a href="index.html">← corpus</a></nav>\n<h1>{_e(corpus.title or "Corpus")}: every node</h1>\n'
            f'<div class="diagram">{_svg(full)}</div>',
            dict(full.related),
        ),
        encoding="utf-8",
    )
    say("index")
    overview = corpus_diagram(reading, conflicts, consensus, recommendations_only=True)
    direct = [c for c in conflicts if c.attack.kind is AttackKind.DIRECT]
    tensions = [s.tension for s in reading.essays.values() if s.tension is not None]
    essays = "".join(
        f'<li><a href="{_e(_essay_file(m.id))}">{_e(m.title)}</a> <span class="meta">({_e(m.id)})</span></li>'
        for m in corpus.maps
    )
    body = (
        f"<h1>{_e(corpus.title or 'Corpus')}</h1>\n<p>{_e(corpus.summary or '')}</p>\n"
        f"<h2>Essays</h2>\n<ul>{essays}</ul>\n"
        f'<h2>The corpus at a glance</h2>\n<p class="hint">Each essay\'s recommendations and '
        f"the nodes the corpus file links; dotted arrows stand for chains of reasons. "
        f'<a href="corpus.html">Every node</a>.</p>\n<div class="diagram">{_svg(overview)}</div>\n'
        f'<h2>Consensus</h2>\n<p class="hint">★: endorsed by a majority of the {consensus.essays} '
        f"essays. Merged status under {_e(reading.semantics)}, {_e(reading.support)} support.</p>\n"
        + _consensus_table(consensus)
        + "\n<h3>Who stands where</h3>\n"
        + _consensus_matrix(consensus)
        + f'\n<h2>Conflicts</h2>\n<p class="hint">{len(direct)} direct conflicts shown of '
        f"{len(conflicts)} (the others are derived through support; see <code>argmap conflicts</code>).</p>\n"
        + _conflicts_table(direct, reading)
        + "\n<h2>Internal tensions</h2>\n<ul>"
        + "".join(f"<li>{_e(t.describe())}</li>" for t in tensions)
        + ("</ul>" if tensions else "<li>none</li></ul>")
    )
    index = out / "index.html"
    index.write_text(
        _page(corpus.title or "Corpus", body, dict(overview.related)), encoding="utf-8"
    )
    return index

"""The HTML report: a self-contained static site about a corpus.

``index.html`` is the overview (:mod:`argmap.render.overview`): the consensus matrix, the
disagreement graph of the essays, each conflict drawn with the nodes on its path, and the
internal tensions; ``corpus.html`` the full corpus diagram, its nodes linking to their essay
pages; one
page per essay its diagram (coloured by its grounded labelling, or the chosen semantics),
its extensions and its recommendations. Diagrams are inline SVG; CSS and the script that
highlights, on hover or click, a node's edges and what supports or attacks it (or the node a
link names with ``#focus=NODE``) are inline too. No page
loads anything from anywhere. All text from the maps is HTML-escaped.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import Consensus, consensus_of
from argmap.analysis.reading import Reading
from argmap.analysis.reading import reading as read_corpus
from argmap.errors import ArgmapError
from argmap.formats.text import write_text
from argmap.model import ArgumentMap, Corpus
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, ConsensusRule, Semantics, Support
from argmap.render.corpus import corpus_diagram
from argmap.render.dot import run_dot
from argmap.render.essay import Diagram, essay_diagram, statuses
from argmap.render.overview import CORPUS_HINT, front_page, node_link
from argmap.semantics.sat import Deadline

__all__ = ["MANIFEST", "write_report"]

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


MANIFEST = ".argmap-report.json"
"""The file that marks a folder as an argmap report and lists the pages argmap wrote there."""

_PAGE = re.compile(r"(index|corpus|essay-[^/\\]+)\.html")


def write_report(
    corpus: Corpus,
    directory: str | Path,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
) -> Path:
    """Write the report into ``directory`` (created if needed); returns its index page.

    ``progress`` is called with a short message before each page; ``timeout`` (seconds)
    covers the whole report and raises :class:`~argmap.semantics.SolverTimeout` when it runs out.

    Every page is made before any is written, and each is written atomically (see
    :func:`~argmap.formats.text.write_text`): a report that fails or is interrupted while its
    pages are made leaves the folder as it was (a folder it created is removed again), and one
    that fails while writing (a full disk) leaves every page whole, old or new. The folder gets a small manifest, :data:`MANIFEST`, listing the
    pages; a later report into the same folder replaces them (and removes pages of essays no
    longer in the corpus), leaving any other file alone. A folder that is not empty and has
    no manifest is refused unless ``force`` is given (then files with a page's name are
    overwritten, each named through ``progress``).

    Raises
    ------
    ArgmapError
        If ``directory`` is a file, a foreign non-empty folder (without ``force``), or
        cannot be created or written; code ``not-a-folder``, ``folder-not-empty`` or
        ``unwritable``, with the path.
    """
    out = Path(directory)
    say = progress or (lambda _message: None)
    previous = _previous_pages(out, force)
    created = _make_folder(out)
    written: list[str] = []
    try:
        pages = _pages(corpus, semantics, support, Deadline(timeout), say)
        _publish(out, pages, previous, say, written)
    except BaseException:
        if created:  # a folder made for this report: leave nothing of it behind
            for name in written:
                with contextlib.suppress(OSError):
                    (out / name).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    return out / "index.html"


def _pages(
    corpus: Corpus,
    semantics: str | Semantics,
    support: str | Support,
    deadline: Deadline,
    say: Callable[[str], None],
) -> dict[str, str]:
    """Every page of the report, by file name (index last)."""
    reading = read_corpus(corpus, semantics, support, timeout=deadline.remaining())
    conflicts = conflicts_of(reading)
    consensus = consensus_of(reading, conflicts, ConsensusRule.MAJORITY)
    pages = {}
    for m in corpus.maps:
        say(f"essay {m.id}")
        pages[_essay_file(m.id)] = _essay_page(m, reading, deadline.remaining())
    say("corpus diagram")
    full = corpus_diagram(reading, conflicts, consensus, link=node_link)
    pages["corpus.html"] = _page(
        corpus.title or "Corpus",
        f'<nav><a href="index.html">← corpus</a></nav>\n<h1>{_e(corpus.title or "Corpus")}: every node</h1>\n'
        f'<p class="hint">{_e(CORPUS_HINT)}</p>\n'
        f'<div class="diagram">{_svg(full)}</div>',
        dict(full.related),
    )
    say("index")
    pages["index.html"] = _index_page(corpus, reading, conflicts, consensus)
    return pages


def _index_page(
    corpus: Corpus, reading: Reading, conflicts: list[Conflict], consensus: Consensus
) -> str:
    """The front page: see :mod:`argmap.render.overview`."""
    return _page(corpus.title or "Corpus", front_page(corpus, reading, conflicts, consensus), {})


def _previous_pages(out: Path, force: bool) -> set[str]:
    """The pages an earlier report wrote into ``out``; refuses a folder argmap did not make.

    Raises
    ------
    ArgmapError
        If ``out`` is not a folder, or (without ``force``) a non-empty folder with no manifest.
    """
    try:
        entries = {p.name for p in out.iterdir()}
    except FileNotFoundError:
        entries = set()
    except NotADirectoryError:
        if not os.path.lexists(out):
            raise _refused(
                out, "cannot make the folder: one above it is a file", "unwritable"
            ) from None
        raise _refused(
            out, "not a folder: the report is a folder of pages", "not-a-folder"
        ) from None
    except OSError as exc:
        raise _refused(out, f"cannot read the folder: {exc.strerror}", "unwritable") from None
    if MANIFEST in entries:
        return _manifest_pages(out / MANIFEST)
    if entries and not force:
        raise _refused(
            out,
            f"the folder is not empty ({len(entries)} {'entry' if len(entries) == 1 else 'entries'})"
            " and holds no argmap report; "
            "choose another folder, or use --force to write the pages among its files",
            "folder-not-empty",
        )
    return set()


def _manifest_pages(manifest: Path) -> set[str]:
    """The page names a manifest lists (only names argmap itself writes; anything else is ignored)."""
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return set()
    return {name for name in listed if isinstance(name, str) and _PAGE.fullmatch(name)}


def _make_folder(out: Path) -> bool:
    """Create ``out`` if needed and check that files can be made in it; whether it was created."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".argmap-probe.", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise _refused(out, f"cannot write in the folder: {exc.strerror}", "unwritable") from None
    return created


def _publish(
    out: Path,
    pages: dict[str, str],
    previous: set[str],
    say: Callable[[str], None],
    written: list[str],
) -> None:
    """Write the manifest and the pages (noting each in ``written``); drop stale old pages."""
    for name in sorted(set(pages) - previous):
        if os.path.lexists(out / name):
            say(f"overwriting {out / name} (not written by argmap)")
    listing = {"generator": "argmap report", "files": sorted(pages)}
    written.append(MANIFEST)
    write_text(out / MANIFEST, json.dumps(listing, indent=1) + "\n")
    for name, text in pages.items():
        written.append(name)
        write_text(out / name, text)
    for name in sorted(previous - set(pages)):
        say(f"removing {out / name} (its essay is no longer in the corpus)")
        try:
            (out / name).unlink(missing_ok=True)
        except OSError as exc:
            say(f"could not remove {out / name}: {exc.strerror}")


def _refused(out: Path, message: str, code: str) -> ArgmapError:
    return ArgmapError.at(message, code, str(out))

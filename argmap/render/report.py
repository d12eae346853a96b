"""The HTML report: a self-contained static site about a corpus.

``index.html`` is the overview (:mod:`argmap.render.overview`): the consensus matrix, the
disagreement graph of the essays, each conflict drawn with the nodes on its path, and the
internal tensions; ``corpus.html`` the full corpus diagram, its nodes linking to their essay
pages; one
page per essay its diagram (coloured by its grounded labelling, or the chosen semantics),
its recommendations and its extensions. Diagrams are inline SVG. The stylesheet and the
script (``argmap/render/assets/report.css`` and ``report.js``) are inlined into every page:
each diagram pans and zooms and opens fitted to its box; hovering over a node highlights
its edges and what supports or attacks it; clicking it opens a focus view (the nodes some
hops around it, the rest faded or hidden), a panel with its text and source paragraph (from
the map's ``text_file``, embedded as JSON) and collapses its reasons; a search box finds
nodes by id or text; ``#focus=NODE`` in the address opens the page zoomed to that node. No
page loads anything from anywhere. All text from the maps is HTML-escaped, or JSON with
``<``, ``>`` and ``&`` escaped, and the script sets it only as text.
"""

from __future__ import annotations

import contextlib
import functools
import html
import importlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import attrs

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import Consensus, consensus_of
from argmap.analysis.questions import critical_questions
from argmap.analysis.reading import Reading
from argmap.analysis.reading import reading as read_corpus
from argmap.checking import TEXT_FILE_LIMIT
from argmap.errors import ArgmapError
from argmap.formats.text import read_text, write_text
from argmap.gradual import BIPOLAR_SEMANTICS, settled_strengths
from argmap.model import ArgumentMap, Corpus
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    STATUS_WORDS,
    ConsensusRule,
    Direction,
    GradualSemantics,
    Semantics,
    Support,
)
from argmap.render import overview
from argmap.render.corpus import corpus_diagram
from argmap.render.dot import run_dot, run_dots
from argmap.render.essay import Diagram, essay_diagram, statuses
from argmap.render.overview import CORPUS_HINT, front_page, node_link
from argmap.rules import paragraphs_of
from argmap.semantics.sat import Deadline

__all__ = ["MANIFEST", "write_report"]

_FCNTL: ModuleType | None = None if sys.platform == "win32" else importlib.import_module("fcntl")
"""``flock``, where the system has it: two reports into one folder take turns."""


def _asset(name: str) -> str:
    """A file of ``argmap/render/assets`` (the report's stylesheet and script), as text."""
    return resources.files("argmap.render").joinpath("assets", name).read_text(encoding="utf-8")


STYLE = _asset("report.css")
"""The report's stylesheet, inlined into every page."""
SCRIPT = _asset("report.js")
"""The report's script (pan and zoom, focus view, collapse, search, source panel), inlined into every page."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _svg(drawn: bytes) -> str:
    """A drawn diagram as inline SVG (no XML prologue or DOCTYPE); its legend cluster has class ``legend``."""
    svg = re.sub(r"^.*?(?=<svg)", "", drawn.decode("utf-8"), flags=re.DOTALL)
    return re.sub(
        r'class="cluster">(\s*<title>cluster_legend</title>)', r'class="cluster legend">\1', svg
    )


def _json(data: object) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` that HTML could read."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page(
    title: str,
    body: str,
    links: dict[str, tuple[str, ...]],
    details: dict[str, object] | None = None,
    *,
    wide: bool = False,
) -> str:
    """A whole page: the body, the diagram's links (and node details) as JSON, style and script.

    A ``wide`` page gives its diagram the window's width (the text keeps its measure).
    """
    opening = '<body class="wide">' if wide else "<body>"
    extra = (
        f'<script type="application/json" id="details">{_json(details)}</script>\n'
        if details is not None
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"{opening}\n{body}\n"
        f'<script type="application/json" id="links">{_json(links)}</script>\n{extra}'
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


@attrs.frozen
class _EssayPage:
    """An essay's page but for its diagram, drawn with every other essay's at once."""

    diagram: Diagram
    page: Callable[[str], str]


def _strengths(
    m: ArgumentMap, strength: GradualSemantics
) -> dict[GradualSemantics, dict[str, float]]:
    """The map's strengths under every bipolar semantics and ``strength``, where they settle.

    A semantics under which a cycle does not settle is left out: no strengths there.
    """
    graded = {s: settled_strengths(m, s) for s in dict.fromkeys((*BIPOLAR_SEMANTICS, strength))}
    return {s: found for s, found in graded.items() if found is not None}


def _essay_page(
    m: ArgumentMap,
    reading: Reading,
    timeout: float | None,
    direction: Direction,
    strength: GradualSemantics,
    graded: dict[GradualSemantics, dict[str, float]],
) -> _EssayPage:
    """``graded``: the map's strengths, as :func:`_strengths` gives them."""
    status = statuses(m, reading.semantics, reading.support, timeout=timeout)
    diagram = essay_diagram(
        m,
        status,
        direction=direction,
        strength=graded.get(strength),
        strength_title=strength.display_name,
    )
    page = functools.partial(_essay_html, m, reading, status, graded, strength, diagram)
    return _EssayPage(diagram, page)


def _essay_html(
    m: ArgumentMap,
    reading: Reading,
    status: dict[str, str],
    graded: dict[GradualSemantics, dict[str, float]],
    strength: GradualSemantics,
    diagram: Diagram,
    svg: str,
) -> str:
    found = reading.essays[m.id].extensions
    meta = " · ".join(x for x in (", ".join(m.authors), m.venue or "", m.date or "") if x)
    rows = [
        [
            f'<a href="#focus={_e(quote(r.id, safe=""))}"><code>{_e(r.id)}</code></a>',
            _e(", ".join(r.actors)),
            _e(r.text),
            _e(STATUS_WORDS.get(status[r.id], status[r.id])),
            " / ".join(f"{graded[s][r.id]:.2f}" if s in graded else "—" for s in BIPOLAR_SEMANTICS),
        ]
        for r in m.recommendations
    ]
    shading = (
        f" Badge: each node's {_e(strength.display_name)} strength, shaded from weak (orange) to "
        "strong (purple)."
        if strength in graded
        else f" The {_e(strength.display_name)} strengths of this map do not settle (a cycle): no badges."
    )
    extensions = "".join(f"<li>{_e(', '.join(sorted(e)) or '(empty)')}</li>" for e in found)
    body = (
        f'<header class="top"><nav><a href="index.html">← corpus</a></nav>\n<h1>{_e(m.title)}</h1>\n'
        f'<p class="meta">{_e(meta)}</p></header>\n'
        f'<div class="diagram main">{svg}</div>\n'
        f'<p class="hint">Fill: {_e(reading.semantics)} labelling under {_e(reading.support)} '
        f"support.{shading} Drag to pan; wheel, the buttons or + − 0 to zoom. Hover over a node to "
        "highlight its edges and what supports or attacks it; click it for its source "
        "paragraph, a focus view of its reasons and attackers (the hops around it, the rest "
        "faded or hidden) and to collapse its reasons; search by id or text. A link to "
        "<code>#focus=NODE</code> opens the page on that node.</p>\n"
        f"<h2>Summary</h2>\n<p>{_e(m.summary or '')}</p>\n"
        f"<h2>Recommendations</h2>\n"
        + _table(
            ["id", "actors", "recommendation", "status", "strength (DF-QuAD / QE / Euler)"],
            rows,
            [f"status-{status[r.id]}" for r in m.recommendations],
        )
        + '\n<p class="hint">Strength: how strongly each recommendation stands under three '
        "gradual semantics, from the nodes' weights (0.5 where a map gives none) and the "
        "map's reasons and objections (<code>argmap strength</code>; docs/gradual.md).</p>"
        + _checklists(m, reading)
        + f"\n<h2>{_e(reading.semantics)} extensions</h2>\n<ol>{extensions}</ol>\n"
    )
    return _page(m.title, body, dict(diagram.related), _details(m, status), wide=True)


def _checklists(m: ArgumentMap, reading: Reading) -> str:
    """Per recommendation, its schemed reasons' critical questions: answered, or open."""
    found = critical_questions(m, None, reading.semantics, reading.support)
    if not any(q.reasons for q in found):
        return ""
    parts = [
        '\n<h2 id="questions">Critical questions</h2>\n<p class="hint">For each recommendation, '
        "the schemes of its reasons and their critical questions (<code>argmap "
        "questions</code> lists those of every reason further down too; docs/schemes.md): ☑ a "
        "question the essay answers (by the edge named), ☐ one it leaves open, most telling "
        "first; <b>!</b> marks a decisive one, whose unanswered “no” would take the "
        "recommendation out of the accepted set (shown from further down too).</p>"
    ]
    for q in found:
        link = f'<a href="#focus={_e(quote(q.recommendation.id, safe=""))}">'
        items = []
        for r in q.reasons:
            if r.depth > 1:  # a reason further down has its own recommendation's list
                continue
            for question_id, keys in r.answered.items():
                question = r.reason.scheme.question(question_id)
                text = question.text if question is not None else question_id
                items.append(
                    f'<li class="answered">☑ <b>{_e(question_id)}</b> of '
                    f'<code>{_e(r.reason.key)}</code>: {_e(text)} <span class="small">'
                    f"(answered by {_e(', '.join(keys))})</span></li>"
                )
        for o in q.open:
            if o.depth > 1 and not o.decisive:
                continue
            mark = "<b>!</b> " if o.decisive else ""
            also = f" and {len(o.also)} more" if o.also else ""
            items.append(
                f'<li class="open">☐ {mark}<b>{_e(o.question.id)}</b> of '
                f"<code>{_e(o.reason)}</code>{_e(also)}: {_e(o.question.text)}</li>"
            )
        schemes = ", ".join(dict.fromkeys(r.reason.scheme.id for r in q.reasons if r.depth == 1))
        parts.append(
            f"<h3>{link}<code>{_e(q.recommendation.id)}</code></a> "
            f'<span class="small">{_e(schemes or "no scheme named")}</span></h3>'
            f'<ul class="checklist">{"".join(items)}</ul>'
        )
    return "\n".join(parts)


def _details(m: ArgumentMap, status: dict[str, str]) -> dict[str, object]:
    """What the side panel shows for each node: kind, text, status, note and source.

    The source is the locator's paragraph numbers and quote and, when the map's
    ``text_file`` can be read (relative to the map file), the text of those paragraphs.
    """
    paragraphs = _essay_paragraphs(m)
    nodes: dict[str, dict[str, object]] = {}
    cited: dict[str, str] = {}
    for node in m.nodes:
        info: dict[str, object] = {"kind": str(node.kind), "text": node.text}
        if node.id in status:
            info["status"] = STATUS_WORDS.get(status[node.id], status[node.id])
        if node.note:
            info["note"] = node.note
        if node.locator is not None:
            info["para"] = list(node.locator.paragraphs)
            if node.locator.quote:
                info["quote"] = node.locator.quote
            for n in node.locator.paragraphs:
                if 0 < n <= len(paragraphs):
                    cited[str(n)] = paragraphs[n - 1]
        nodes[node.id] = info
    source = Path(m.text_file).name if m.text_file and paragraphs else None
    return {"nodes": nodes, "paragraphs": cited, "source": source}


def _essay_paragraphs(m: ArgumentMap) -> list[str]:
    """The paragraphs of the map's essay text, or none if it names no text or it cannot be read."""
    if m.text_file is None or m.origin is None or m.origin.path is None:
        return []
    try:
        text = read_text(Path(m.origin.path).parent / m.text_file, limit=TEXT_FILE_LIMIT)
    except ArgmapError:
        return []
    return paragraphs_of(text)


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
    direction: str | Direction = Direction.AUTO,
    strength: str | GradualSemantics = GradualSemantics.DFQUAD,
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
    overwritten, each named through ``progress``). ``direction`` is the way supports point
    in the essays' diagrams (``auto``: the one that fits a page, see
    :func:`~argmap.render.essay.auto_layout`). ``strength`` is the gradual semantics whose
    strengths shade the badges of the essays' nodes and the consensus matrix.

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
        pages = _pages(
            corpus,
            semantics,
            support,
            Deadline(timeout),
            say,
            Direction.parse(direction),
            GradualSemantics.parse(strength),
        )
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
    direction: Direction = Direction.AUTO,
    strength: GradualSemantics = GradualSemantics.DFQUAD,
) -> dict[str, str]:
    """Every page of the report, by file name (index last)."""
    reading = read_corpus(corpus, semantics, support, timeout=deadline.remaining())
    conflicts = conflicts_of(reading)
    graded = {m.id: _strengths(m, strength) for m in corpus.maps}
    consensus = consensus_of(reading, conflicts, ConsensusRule.MAJORITY)
    consensus = consensus.with_strengths(
        reading, strength, graded={essay: found.get(strength) for essay, found in graded.items()}
    )
    drafts = {}
    for m in corpus.maps:
        say(f"essay {m.id}")
        drafts[_essay_file(m.id)] = _essay_page(
            m, reading, deadline.remaining(), direction, strength, graded[m.id]
        )
    say(f"drawing {len(drafts)} essay diagrams")
    drawn = run_dots([d.diagram.source for d in drafts.values()], "svg")
    pages = {
        name: draft.page(_svg(svg))
        for (name, draft), svg in zip(drafts.items(), drawn, strict=True)
    }
    nodes = sum(len(m.nodes) for m in corpus.maps)
    every = nodes <= overview.CORPUS_DIAGRAM_NODES
    say("corpus diagram" if every else "corpus diagram (recommendations and linked nodes)")
    full = corpus_diagram(
        reading, conflicts, consensus, link=node_link, recommendations_only=not every
    )
    drawing = "every node" if every else "recommendations and linked nodes"
    hint = CORPUS_HINT if every else LARGE_CORPUS_HINT.format(nodes=f"{nodes:,}")
    pages["corpus.html"] = _page(
        corpus.title or "Corpus",
        f'<nav><a href="index.html">← corpus</a></nav>\n<h1>{_e(corpus.title or "Corpus")}: {drawing}</h1>\n'
        f'<p class="hint">{_e(hint)}</p>\n'
        f'<div class="diagram">{_svg(run_dot(full.source, "svg"))}</div>',
        dict(full.related),
    )
    say("index")
    pages["index.html"] = _index_page(corpus, reading, conflicts, consensus)
    return pages


LARGE_CORPUS_HINT = (
    "The corpus has {nodes} nodes, too many to draw at once: each essay's box shows its "
    "recommendations and the nodes the corpus file links, and its own page draws every node. "
    "Hover over a node to highlight its edges; click it to open it on its essay's page."
)
"""The line above the corpus page's diagram of a large corpus."""


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
    """Write the manifest and the pages (noting each in ``written``); drop stale old pages.

    The folder is held (an exclusive ``flock`` on it) while its pages are written, so two
    reports written into one folder at the same time leave every page from the same one; the
    manifest is read again under the hold, for the pages the other one wrote.
    """
    with _held(out):
        previous = previous | _manifest_pages(out / MANIFEST)
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


@contextlib.contextmanager
def _held(out: Path) -> Iterator[None]:
    """An exclusive lock on the folder ``out`` (none where the system has no ``flock``)."""
    if _FCNTL is None:
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        _FCNTL.flock(fd, _FCNTL.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _refused(out: Path, message: str, code: str) -> ArgmapError:
    return ArgmapError.at(message, code, str(out))

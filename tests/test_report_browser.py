"""The report's essay pages in the real browser, at 1,400 x 900.

Every essay page of ``argmap report maps/`` opens with its title, its legend and its
diagram's whole width on screen (from its top; a taller diagram goes on below), with node
text at least 10 px high; ``#focus=NODE``
brings that node on screen at a readable size; clicking, searching and collapsing work.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.render.report import write_report
from tests.browser import CHROMIUM, inside, measure
from tests.helpers import MAPS

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (make test installs it where apt is available)",
)

CORPUS = argmap.read_corpus(MAPS)
ESSAYS = [m.id for m in CORPUS.maps]
MAP = {m.id: m for m in CORPUS.maps}
LEGIBLE = 10.0
"""The least on-screen height (px) of node text a reader is asked to read."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    write_report(CORPUS, out)
    return out


_SEEN: dict[str, dict[str, Any]] = {}

ON_LOAD = ["h1", ".diagram svg g.graph", ".diagram svg g.graph > g > a > text", ".diagram .canvas"]
"""The title, the diagram, its heading (the diagram's title and legend: the graph label's
text, drawn in the graph's own tooltip anchor) and the viewer's box."""


def _on_load(site: Path, essay: str) -> dict[str, Any]:
    """The page as it opens (measured once per essay)."""
    if essay not in _SEEN:
        _SEEN[essay] = measure(site / f"essay-{essay}.html", ON_LOAD)
    return _SEEN[essay]


@pytest.mark.parametrize("essay", ESSAYS)
def test_an_essay_page_opens_on_its_title_legend_and_whole_width(site: Path, essay: str) -> None:
    found = _on_load(site, essay)
    viewport = found["viewport"]
    assert viewport[0] == 1400  # (headless Chromium keeps some of the 900 px for itself)
    assert found["scroll"] == [0, 0]
    (title,) = found["h1"]
    assert title["shown"]
    assert inside(title, viewport)
    heading = found[".diagram svg g.graph > g > a > text"]
    assert len(heading) >= 4, "the diagram's title and its legend"
    for box in heading:
        assert box["shown"], box
        assert inside(box, viewport), box
    canvas, graph = found[".diagram .canvas"][0], found[".diagram svg g.graph"][0]
    assert canvas["bottom"] <= viewport[1]
    assert canvas["height"] >= 500
    assert canvas["left"] - 1 <= graph["left"], "the diagram's whole width is in its box"
    assert graph["right"] <= canvas["right"] + 1, "the diagram's whole width is in its box"
    assert abs(graph["top"] - canvas["top"]) < 20 or graph["bottom"] <= canvas["bottom"] + 1, (
        "it opens at its top, or whole"
    )


@pytest.mark.parametrize("essay", ESSAYS)
def test_an_essay_page_opens_with_legible_node_text(site: Path, essay: str) -> None:
    found = _on_load(site, essay)
    assert found["text"], "no diagram text drawn"
    assert statistics.median(found["text"]) >= LEGIBLE


@pytest.mark.parametrize("essay", ESSAYS)
def test_focus_in_the_address_zooms_to_the_node(site: Path, essay: str) -> None:
    m = MAP[essay]
    node = m.recommendations[-1].id
    found = measure(
        site / f"essay-{essay}.html",
        [f'g[id="n:{node}"]', f'g[id="n:{node}"] text', "g.node.selected", ".panel h3"],
        fragment=f"focus={node}",
    )
    (box,) = found[f'g[id="n:{node}"]']
    assert inside(box, found["viewport"]), box
    heights = [t["height"] for t in found[f'g[id="n:{node}"] text']]
    assert heights
    assert min(heights) >= LEGIBLE, heights
    assert len(found["g.node.selected"]) == 1
    assert found[".panel h3"][0]["shown"]  # its details are open beside it


_ACT = """
<script>
(function () {
  function click(id) {
    document.getElementById('n:' + id).dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
  click('FOLD');  // choose it, and collapse its reasons from the panel
  Array.prototype.filter.call(document.querySelectorAll('.panel button'),
    function (b) { return b.textContent.indexOf('Collapse') === 0; })[0].click();
  click('NODE');  // choose another: its panel and focus view
  var search = document.querySelector('.toolbar input[type=search]');
  search.value = 'WORDS';
  search.dispatchEvent(new Event('input'));
})();
</script>
"""


def test_clicking_searching_and_collapsing(site: Path, needs_seeds: Path) -> None:
    m = MAP["hudson-cronin-2019"]
    node = m.node("c-bulwark")
    assert node.locator is not None
    assert node.locator.quote
    page = site / "essay-hudson-cronin-2019.html"
    acted = site / "acted.html"
    source = page.read_text(encoding="utf-8")
    cut = source.rfind("</body>")
    acted.write_text(
        source[:cut]
        + _ACT.replace("NODE", node.id)
        .replace("FOLD", "c-fractured")
        .replace("WORDS", "NORTH KOREA")
        + source[cut:],
        encoding="utf-8",
    )
    found = measure(
        acted,
        [
            ".panel",
            ".panel .text",
            ".panel .paragraph",
            ".panel mark",
            "g.match",
            "g.node.away",
            "g.node.hl",
            "g.badge",
        ],
    )
    assert found[".panel"][0]["shown"]
    assert found[".panel"][0]["width"] > 200
    assert len(found[".panel .paragraph"]) == len(node.locator.paragraphs)
    assert len(found[".panel mark"]) == 1  # the quote, marked in its paragraph
    wanted = [n for n in m.nodes if "north korea" in f"{n.id} {n.text}".lower()]
    assert len(found["g.match"]) == len(wanted) > 1
    # collapsed: c-fractured's own reasons are gone (drawn nowhere), a badge counts them
    away = found["g.node.away"]
    assert 0 < len(away) < len(m.nodes)
    assert all(b["width"] == 0 for b in away)
    assert len(found["g.badge"]) == 1
    assert found["g.badge"][0]["width"] > 0
    # the focus view (1 hop): the node and what supports or attacks it, or what it bears on
    assert 1 < len(found["g.node.hl"]) < len(m.nodes)

"""The report's front page (the overview) and the full corpus page, on the maps of maps/."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

import argmap
from argmap import ArgumentMap, Corpus, Edge, Equivalence, Node, NodeKind, Relation
from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import consensus_of
from argmap.analysis.reading import Reading, reading
from argmap.bipolar import AttackKind
from argmap.render.corpus import LEGEND, corpus_diagram
from argmap.render.overview import conflict_diagram, disagreement_graph
from argmap.render.report import write_report
from tests.browser import CHROMIUM, inside, measure
from tests.helpers import EXAMPLES, MAPS

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is missing")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(argmap.read_corpus(MAPS), out)
    return out


@pytest.fixture(scope="module")
def read() -> Reading:
    return reading(argmap.read_corpus(MAPS))


def _stated(c: Conflict) -> bool:
    """A stated disagreement, as ``argmap conflicts`` counts it: direct, not hindsight."""
    return c.attack.kind is AttackKind.DIRECT and not c.hindsight


def _section(page: str, start: str, end: str) -> str:
    text = page[page.index(start) :]
    return text[: text.index(end)]


_NEXT = re.compile(r'\n(<div class="conflict"|<h[23]|<h4 id=|<p class="small">See)')


def _block(page: str, start: int) -> str:
    """One conflict's part of the page: up to the next conflict, heading or cross-reference."""
    end = _NEXT.search(page, start + 1)
    return page[start : end.start() if end else len(page)]


def test_the_matrix_cells_agree_with_the_consensus(site: Path, read: Reading) -> None:
    consensus = consensus_of(read, conflicts_of(read))
    index = (site / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="stances">.*?</table>', index, flags=re.DOTALL)
    assert len(tables) == 2  # the shared or contested groups, then the rest folded away
    head = _section(tables[0], "<thead>", "</thead>")
    assert re.findall(r'<a href="essay-([^"]+)\.html">', head) == list(consensus.counted)
    rows = {
        int(rank): row
        for table in tables
        for rank, row in re.findall(r"<tr[^>]*><td>(\d+)</td>(.*?)</tr>", table)
    }
    assert sorted(rows) == list(range(1, len(consensus.items) + 1))
    assert len(rows) == 44
    first = re.findall(r"<tr[^>]*><td>(\d+)</td>", tables[0])
    assert [consensus.items[int(r) - 1].node for r in first] == [
        i.node for i in consensus.items if len(i.endorsers) > 1 or i.opposers
    ]
    assert f"<details><summary>{44 - len(first)} more recommendations" in index
    assert len(first) < 10  # the overview: the rest is folded away
    for rank, row in rows.items():
        item = consensus.items[rank - 1]
        cells = re.findall(r'<td class="stance (\w+)" title="([^"]+): \w+">(.*?)</td>', row)
        assert [(essay, stance) for stance, essay, _ in cells] == [
            (e, str(consensus.stance(item, e))) for e in consensus.counted
        ]
        for stance, essay, content in cells:  # a word and a symbol, not the colour alone
            assert f"{ {'endorses': '✔', 'opposes': '✘', 'silent': '·'}[stance] } {stance}" in (
                html.unescape(re.sub("<[^>]+>", "", content))
            )
            member = next((ref for ref in item.members if ref.essay == essay), None)
            if stance == "endorses":  # linked to the node on the essay's page
                assert member is not None
                assert f'href="essay-{essay}.html#focus={member.node}"' in content
        verdict = "★ consensus (majority)" if item in consensus.selected else "no consensus"
        assert verdict in row
        assert f"{len(item.endorsers)}/5 endorse" in row


def test_the_disagreement_edges_are_weighted_by_stated_conflicts(site: Path, read: Reading) -> None:
    conflicts = conflicts_of(read)
    expected: dict[tuple[str, str], int] = {}
    for c in conflicts:
        if _stated(c):
            for a, b in c.pairs:
                if a != b:
                    expected[(a, b)] = expected.get((a, b), 0) + 1
    assert expected == {  # the corpus's three contradictions, each one conflict (mutual)
        ("arrington-yeo-2019", "hudson-cronin-2019"): 1,
        ("aum-silverberg-2021", "hudson-cronin-2019"): 1,
        ("aum-silverberg-2021", "park-silverberg-2021"): 2,
    }
    assert all(c.mutual for c in conflicts if _stated(c))
    source = disagreement_graph(read, conflicts)
    drawn = {
        (a, b): (int(label), float(width))
        for a, b, label, width in re.findall(
            r'"([^"]+)" -> "([^"]+)" \[[^]]*label="(\d+)"[^]]*id="pair:stated:[^"]*"'
            r'[^]]*penwidth="([\d.]+)"',
            source,
        )
    }
    assert {pair: n for pair, (n, _) in drawn.items()} == expected
    assert all(width == 1 + 2 * n for n, width in drawn.values())  # thicker for more
    # a contradiction has a bar at both ends
    assert len(re.findall(r'id="pair:stated:[^"]*"[^]]*dir="both"', source)) == len(expected)
    # each line links to its list on the page, and the list has that many conflicts
    index = (site / "index.html").read_text(encoding="utf-8")
    for (a, b), n in expected.items():
        anchor = f"stated-{a}--{b}"
        assert f'xlink:href="#{anchor}"' in index
        heading = re.search(rf'<h4 id="{anchor}" class="pair">.*?\((\d+)\)</h4>', index)
        assert heading
        assert int(heading.group(1)) == n
    # the later evidence is drawn apart, thin and dotted, with its own anchor
    assert re.search(r'id="pair:later evidence:aum-silverberg-2021:hudson-cronin-2019"', source)
    assert 'id="later-aum-silverberg-2021--hudson-cronin-2019"' in index


def _path(c: Conflict) -> set[str]:
    return set(c.attack.path or (c.attacker, c.target))


@pytest.mark.parametrize("support", ["defeasible", "necessary"])
def test_each_conflict_is_drawn_with_exactly_the_nodes_on_its_path(
    support: str, read: Reading
) -> None:
    found = read if support == "defeasible" else reading(read.corpus, support=support)
    conflicts = conflicts_of(found)
    assert len(conflicts) == (4 if support == "defeasible" else 36)
    for n, c in enumerate(conflicts, 1):
        source = conflict_diagram(found, c, n)
        names = set(re.findall(rf'id="k{n}:([^"]+)"', source))
        assert names == _path(c), c.attack.describe()
        assert source.count("->") == len(c.attack.path) - 1  # one step between neighbours
        assert source.count('label="attacks"') + source.count('label="attack each other"') == 1
        assert ('label="attack each other"' in source) == c.mutual


def test_the_page_shows_every_conflict_with_its_diagram_texts_and_rationale(
    site: Path, read: Reading
) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    conflicts = conflicts_of(read)
    sections = re.findall(r'<h3 id="(\w+)">', index)
    assert sections == ["stated", "later"]  # no derived conflicts under defeasible support
    for c in conflicts:
        found = re.search(
            rf'<div class="conflict" id="conflict-(\d+)">\n<h4>\d+\. <code>{re.escape(c.attacker)}'
            rf"</code> {'and' if c.mutual else 'attacks'} <code>{re.escape(c.target)}</code>",
            index,
        )
        assert found, c.attacker
        block = _block(index, found.start())
        svg = _section(block, "<svg", "</svg>")
        nodes = {
            html.unescape(name) for name in re.findall(r'<g id="k\d+:([^"]+)" class="node">', svg)
        }
        assert nodes == _path(c)
        for element in _path(c):  # both essays' text of each node, linked to its page
            for ref in read.merged.members[element]:
                assert html.escape(read.corpus.node(ref).text) in block
                assert f'href="essay-{ref.essay}.html#focus={ref.node}"' in block
        for note in c.notes:
            assert f"<b>Rationale</b> (corpus file): {html.escape(note)}" in block
        assert ("Later evidence" in block) == c.hindsight
        if c.hindsight:
            later = _section(index, '<h3 id="later">', "<h2")
            assert f'id="conflict-{found.group(1)}"' in later


def _marks(source: str) -> set[str]:
    """The marks a corpus diagram's DOT uses outside its legend, found from their attributes."""
    body = source[: source.index('subgraph "cluster_legend"')]
    checks = {
        "essay": r'subgraph "cluster_\d',
        "same": r'color="#555555:#FFFFFF:#555555"',
        "conflict": r'headlabel="conflict"',
        "consensus": r'peripheries="3"',
        "chain": r'style="dotted"',
        "relation-contradiction": r'dir="both"',
        "relation-support": r'color="#0072B2", style="solid", arrowhead="normal", id="[^"]+", '
        r'penwidth="2.5"',
        "relation-attack": r'style="dashed"[^]]*penwidth="(?:2.5|3.5)"',
        "attack": r'style="dashed", arrowhead="tee", penwidth="1.6", id="e:\d+", constraint',
        "linked": r"junction:",
        "in": r'fillcolor="#BDE5CF"',
        "out": r'fillcolor="#F7CDB9"',
    }
    return {mark for mark, pattern in checks.items() if re.search(pattern, body)}


@pytest.mark.parametrize("only", [False, True])
def test_the_corpus_legend_names_every_mark_it_uses(read: Reading, only: bool) -> None:
    conflicts = conflicts_of(read)
    source = corpus_diagram(
        read, conflicts, consensus_of(read, conflicts), recommendations_only=only
    ).source
    legend = source[source.index('subgraph "cluster_legend"') :]
    used = _marks(source)
    assert {"essay", "same", "conflict", "consensus", "relation-attack", "in"} <= used
    assert ("chain" in used) == only
    for mark in used:
        assert LEGEND[mark] in legend, mark
    for mark, words in LEGEND.items():  # and names nothing the diagram does not use
        if mark not in used and mark not in {"support", "undercut", "out", "relation-support"}:
            assert words not in legend, mark


def test_the_corpus_page_links_nodes_to_their_essay_pages(site: Path) -> None:
    page = (site / "corpus.html").read_text(encoding="utf-8")
    links = re.findall(r'<g id="a_n:([^"]+)"><a xlink:href="([^"]+)"', page)
    assert len(links) == sum(len(m.nodes) for m in argmap.read_corpus(MAPS).maps)
    for name, href in links:
        essay, node = html.unescape(name).split(":", 1)
        assert href == f"essay-{essay}.html#focus={node}"
    for text in LEGEND.values():  # the legend is drawn in the page
        if text.startswith(("undercut", "chain", "linked")):
            continue
        assert html.escape(text, quote=False).replace("'", "&#39;") in page or text in page


def test_every_link_of_the_front_page_resolves(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    ids = set(map(html.unescape, re.findall(r' id="([^"]+)"', index)))
    hrefs = re.findall(r'(?:href|xlink:href)="([^"]+)"', index)
    assert len(hrefs) > 100
    pages: dict[str, str] = {}
    for href in map(html.unescape, hrefs):
        file, _, fragment = href.partition("#")
        if not file:
            assert fragment in ids, href
            continue
        assert not re.match(r"\w+:", file), href  # nothing from anywhere else
        if file not in pages:
            pages[file] = (site / file).read_text(encoding="utf-8")
        if fragment.startswith("focus="):
            node = html.escape(unquote(fragment[6:])).replace("-", "&#45;")  # as dot writes it
            assert f'id="n:{node}"' in pages[file], href


def test_text_in_a_corpus_cannot_add_markup(tmp_path: Path) -> None:
    with pytest.raises(argmap.ArgmapError, match="invalid id"):  # ids cannot carry markup
        Node('x"><script>', "claim", "t")
    bad = '<img src=x onerror=alert(1)> "]; evil [label="pwned \\N </svg><script>x()</script>'
    one = ArgumentMap(
        "one",
        f"One {bad}",
        [Node("r", "recommendation", f"Act {bad}"), Node("c", "claim", f"So {bad}")],
        [Edge("support", "c", "r")],
        authors=[bad],
    )
    two = ArgumentMap(
        "two",
        f"Two {bad}",
        [Node("x", "claim", f"No {bad}"), Node("r", "recommendation", f"Act too {bad}")],
    )
    corpus = Corpus(
        [one, two],
        [Equivalence(["one:r", "two:r"], id="eq-act", note=bad)],
        [Relation("attack", "two:x", "one:c", note=f"because {bad}")],
        title=f"Corpus {bad}",
        summary=bad,
    )
    write_report(corpus, tmp_path)
    for page in tmp_path.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        # the page's own data (links; an essay page's node details too) and code, nothing else
        assert text.count("<script") == (3 if page.name.startswith("essay-") else 2), page
        assert "<img" not in text, page
        assert 'evil [label="pwned' not in text
        assert text.count("</svg>") == text.count("<svg"), page
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "because &lt;img src=x onerror=alert(1)&gt;" in index  # shown, as text
    assert len(re.findall(r'<div class="conflict" id="conflict-\d+">', index)) == 1
    assert len(re.findall(r'<g id="k1:[^"]+" class="node">', index)) == 2


def test_the_toy_report_marks_opposition(tmp_path: Path) -> None:
    write_report(argmap.read_corpus(EXAMPLES / "toy-corpus"), tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    table = _section(index, '<table class="stances">', "</table>")
    row = table[table.index("Expand joint military drills.") :].split("</tr>")[0]
    assert 'class="stance opposes" title="dove: opposes"><a href="#conflict-' in row
    assert '<a href="essay-hawk.html#focus=r-drills">✔ endorses</a>' in row


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_front_page_in_a_browser(site: Path) -> None:
    found = measure(
        site / "index.html",
        [
            "h1",
            "table.stances th",
            "table.stances td",
            "#disagreement-graph svg",
            "#disagreement-graph svg text",
        ],
    )
    viewport = found["viewport"]
    assert viewport[0] == 1400
    assert inside(found["h1"][0], viewport)
    assert inside(found["table.stances th"][0], viewport)  # the matrix's top-left on load
    assert inside(found["table.stances td"][0], viewport)
    texts = found["#disagreement-graph svg text"]
    assert len(texts) >= 6
    assert min(t["height"] for t in texts) >= 10, texts
    assert found["#disagreement-graph svg"][0]["right"] <= 1400  # fits the page


def test_a_large_corpus_is_drawn_from_its_recommendations_and_linked_nodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past CORPUS_DIAGRAM_NODES nodes the corpus page says what it leaves out, and does."""
    import argmap.render.overview as overview

    corpus = argmap.read_corpus(MAPS)
    monkeypatch.setattr(overview, "CORPUS_DIAGRAM_NODES", 10)
    monkeypatch.setattr(overview, "MATRIX_ESSAYS", 2)
    write_report(corpus, tmp_path)
    page = (tmp_path / "corpus.html").read_text(encoding="utf-8")
    assert ": recommendations and linked nodes</h1>" in page
    nodes = sum(len(m.nodes) for m in corpus.maps)
    assert f"The corpus has {nodes:,} nodes, too many to draw at once" in page
    linked = {ref for group in corpus.equivalences for ref in group.members}
    linked |= {ref for r in corpus.relations for ref in (r.source, r.target)}
    for m in corpus.maps:
        for n in m.nodes:
            drawn = f'"essay-{m.id}.html#focus={quote(n.id, safe="")}"' in page
            wanted = n.kind is NodeKind.RECOMMENDATION or argmap.NodeRef(m.id, n.id) in linked
            assert drawn or not wanted, (m.id, n.id)
    assert any(
        f'"essay-{m.id}.html#focus={quote(n.id, safe="")}"' not in page
        for m in corpus.maps
        for n in m.nodes
        if n.kind is not NodeKind.RECOMMENDATION
    )
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "essays are too many for a column each" in index
    assert '<th class="essay"' not in index
    assert '<a href="corpus.html">Corpus diagram</a>' in index

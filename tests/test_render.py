"""Diagrams and the report: shapes and styles, status, determinism, and escaping."""

from __future__ import annotations

import html
import importlib
import json
import re
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Corpus, Edge, Equivalence, Node, Relation
from argmap.cli import main
from argmap.render.diagrams import corpus_drawing, map_drawing
from argmap.render.dot import SafeDigraph, html_label, quote, run_dot
from argmap.render.essay import statuses
from argmap.render.report import write_report
from tests.browser import CHROMIUM, FLAGS
from tests.helpers import EXAMPLES, MAPS, SHOWCASE

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

HOSTILE = [
    'He said "stop"; then left',
    "<script>alert(1)</script> & <b>bold</b>",
    "braces {x} and brackets ] [ and a semicolon; digraph node edge",
    "a backslash \\N \\G \\L and \\\\ twice",
    'quote then attribute: " onload="alert(2)',
    "two\nlines",
    '"]; evil [label="pwned',
]


def hostile_map() -> ArgumentMap:
    nodes = [
        Node(
            f"n{i}",
            "claim" if i % 2 else "recommendation",
            text,
            actors=["US <b>"] if not i % 2 else (),
            note=text,
        )
        for i, text in enumerate(HOSTILE)
    ]
    edges = [
        Edge("support", f"n{i}", f"n{i + 1}", id=f"s{i}", note=HOSTILE[i])
        for i in range(len(HOSTILE) - 1)
    ]
    edges.append(Edge("attack", "n0", "s2"))
    # a linked reason whose scheme and note are hostile, undercut at its junction
    edges.append(
        Edge("support", "n0", "n3", linked=["n1"], id="lk", scheme=HOSTILE[6], note=HOSTILE[1])
    )
    edges.append(Edge("attack", "n5", "lk"))
    return ArgumentMap(
        "hostile", 'Title with "quotes" <script>x</script> \\N', nodes, edges, authors=["A & B <c>"]
    )


def test_quote_escapes_backslashes_quotes_and_newlines() -> None:
    assert quote('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


# Names and values graphviz's own quoting would not keep literal: HTML-like strings, DOT
# escapes, a trailing backslash, edge syntax, keywords, and colons (ports, for graphviz).
AWKWARD = [
    "<x>",
    "<b>x</b>",
    "a -> b",
    '"a" -> "b"',
    "\\N",
    "x\\",
    'y\\"',
    "node",
    "Graph",
    "a:b",
    "a:b:n",
    "a;b]c[",
    "{z}",
    "",
]


def test_quote_keeps_html_edges_keywords_and_ports_literal() -> None:
    assert quote("<x>") == '"<x>"'  # graphviz alone would pass it on as an HTML label
    assert quote("<b>x</b>") == '"<b>x</b>"'
    assert quote("a -> b") == '"a -> b"'
    assert quote('"a" -> "b"') == '"\\"a\\" -> \\"b\\""'
    assert quote("x\\") == '"x\\\\"'  # not a quote escaped by the last backslash
    assert quote("node") == '"node"'
    assert quote("a:b") == '"a:b"'  # graphviz alone would read a port
    assert quote("") == '""'


def test_the_digraph_shows_every_name_and_value_literally() -> None:
    g = SafeDigraph(name="<g>", graph_attr={"label": "<b>x</b>", "tooltip": "\\G"})
    with g.subgraph(name="cluster_<c>", graph_attr={"label": '"]; x [label="y'}) as c:
        c.node("<x>", _attributes={"label": "<b>x</b>", "tooltip": "\\N", "width": 0.5})
    g.node("n", label="<i>y</i>", tooltip="a\nb")
    g.edge("a:b", "<x>", _attributes={"label": html_label("<B>safe</B>"), "xlabel": "<x>"})
    g.attr("node", shape="<box>", _attributes={"<k>": "v"})
    source = g.source
    assert source.startswith('digraph "<g>" {\n')
    assert '\tgraph [label="<b>x</b>", tooltip="\\\\G"]\n' in source
    assert '\tsubgraph "cluster_<c>" {\n' in source
    assert 'graph [label="\\"]; x [label=\\"y"]' in source
    assert '"<x>" [label="<b>x</b>", tooltip="\\\\N", width="0.5"]' in source
    assert '"n" [label="<i>y</i>", tooltip="a\\nb"]' in source
    # only Html is markup
    assert '"a:b" -> "<x>" [label=<<B>safe</B>>, xlabel="<x>"]' in source
    assert '\tnode [shape="<box>", "<k>"="v"]' in source


@needs_dot
def test_awkward_names_and_values_are_drawn_literally() -> None:
    g = SafeDigraph(name="awkward")
    for i, name in enumerate(AWKWARD):
        g.node(name, _attributes={"id": f"m:{i}", "label": f"label {name}"})
    for tail, head in pairwise(AWKWARD):
        g.edge(tail, head)
    svg = run_dot(g.source, "svg").decode("utf-8")
    # one node per name: no name was split at a colon, read as HTML or cut short
    assert svg.count('class="node"') == len(AWKWARD)
    assert svg.count('class="edge"') == len(AWKWARD) - 1
    for i, name in enumerate(AWKWARD):
        text = html.escape(f"label {name}", quote=True).replace("-", "&#45;")
        assert f'<g id="m:{i}" class="node">' in svg
        assert f">{text}</text>" in svg, name


@needs_dot
def test_keywords_and_numbers_as_map_ids_stay_distinct_nodes() -> None:
    ids = ["node", "Edge", "graph", "strict", "subgraph", "c", "007", "7", "1.5", "1.50"]
    m = ArgumentMap("digraph", "T", [Node(i, "claim", f"text of {i}") for i in ids], [])
    diagram = map_drawing(m, "grounded")
    assert diagram.source.startswith('digraph "digraph" {\n')
    assert '\t"007" [' in diagram.source
    svg = run_dot(diagram.source, "svg").decode("utf-8")
    for i in ids:
        assert f'<g id="n:{i}" class="node">' in svg
        assert f">text of {i}</text>" in svg


@needs_dot
def test_hostile_text_is_shown_literally_and_injects_nothing() -> None:
    m = hostile_map()
    svg = run_dot(map_drawing(m, "grounded").source, "svg").decode("utf-8")
    # every node of the map is drawn once, and nothing else claims to be a map node
    assert len(re.findall(r'<g id="n:', svg)) == len(m.nodes)
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'onload="' not in svg
    assert "pwned" in svg  # shown as text ...
    assert not re.search(r"<g id=\"[^\"]*evil", svg)  # ... not as a node
    # DOT escapes stay literal, not replaced by names (wherever the lines break)
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    text = " ".join(html.unescape(t).replace("\u2060", "") for t in drawn)
    assert "a backslash \\N \\G \\L and \\\\ twice" in text
    assert "braces {x} and brackets ] [ and a semicolon; digraph node edge" in text


@needs_dot
def test_hostile_text_in_the_report_is_escaped(tmp_path: Path) -> None:
    other = ArgumentMap(
        "other",
        "Other",
        [Node("r", "recommendation", "<img src=x onerror=alert(3)>", actors=["X"])],
        [],
    )
    corpus = Corpus(
        [hostile_map(), other],
        [Equivalence(["hostile:n0", "other:r"])],
        [Relation("attack", "hostile:n1", "other:r", note="<script>bad()</script>")],
    )
    write_report(corpus, tmp_path)
    for page in tmp_path.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        # the page's own data (and an essay page's node details) and code, nothing else
        assert text.count("<script") == (3 if page.name.startswith("essay-") else 2), page
        assert "<img src=x" not in text
        assert "onerror=alert" not in text or "onerror=alert(3)&gt;" in text
        assert "<b>bold</b>" not in text
    details = re.search(
        r'<script type="application/json" id="details">(.*?)</script>',
        (tmp_path / "essay-other.html").read_text(encoding="utf-8"),
    )
    assert details
    assert "<" not in details.group(1)
    assert json.loads(details.group(1))["nodes"]["r"]["text"] == "<img src=x onerror=alert(3)>"


def test_kinds_edges_and_undercuts_have_their_own_styles() -> None:
    source = map_drawing(argmap.read_map(SHOWCASE)).source
    assert re.search(r'"e-export-curbs" \[shape="note"', source)
    assert re.search(r'"c-cannot-ignore" \[shape="box", style="rounded,filled"', source)
    assert re.search(r'"r-denounce" \[shape="box", style="filled", peripheries="2"', source)
    # the undercut hits a junction point on the support it attacks
    assert '"junction:s-credibility" [shape="point", width="0.09"' in source
    assert (
        '"c-no-credibility" -> "junction:s-credibility" [color="#0072B2", style="solid", '
        'arrowhead="none"' in source
    )
    assert re.search(
        r'"junction:s-credibility" -> "c-credibility-bar" \[color="#0072B2", style="solid", '
        r'arrowhead="normal"',
        source,
    )
    assert re.search(
        r'"c-cannot-ignore" -> "junction:s-credibility" \[color="#CC79A7", style="dotted", '
        r'arrowhead="tee"',
        source,
    )
    assert re.search(
        r'"c-credibility-bar" -> "r-denounce" \[color="#D55E00", style="dashed", arrowhead="tee"',
        source,
    )
    assert "recommendation (double border)" in source  # the legend, in the heading
    assert re.search(r'\{\s*rank="max"\s+"r-', source)  # recommendations on the last rank


def test_the_same_map_gives_the_same_dot() -> None:
    one = map_drawing(argmap.read_map(SHOWCASE), "preferred").source
    two = map_drawing(argmap.read_map(SHOWCASE), "preferred").source
    assert one == two


def test_statuses_under_each_kind_of_semantics() -> None:
    m = argmap.map_from_yaml(
        """
id: toy
title: Toy
nodes:
  - {id: a, kind: claim, text: A.}
  - {id: b, kind: claim, text: B.}
  - {id: c, kind: claim, text: C.}
edges:
  - attack: a -> b
  - attack: b -> a
  - attack: b -> c
"""
    )
    assert statuses(m, "grounded") == {"a": "undec", "b": "undec", "c": "undec"}
    assert statuses(m, "preferred") == {"a": "credulous", "b": "credulous", "c": "credulous"}
    first = statuses(m, "preferred", extension=1)
    assert sorted(first.values()) == ["in", "out", "out"] or sorted(first.values()) == [
        "in",
        "in",
        "out",
    ]
    with pytest.raises(argmap.ArgmapError, match="there is no extension 3: 2 preferred extension"):
        statuses(m, "preferred", extension=3)
    assert "in every extension" not in map_drawing(m).source  # no semantics, no status


def test_corpus_diagram() -> None:
    corpus = argmap.read_corpus(EXAMPLES / "toy-corpus")
    full = corpus_drawing(corpus).source
    # and the legend, with its sample essay box
    assert full.count('subgraph "cluster_') == len(corpus.maps) + 2
    assert 'headlabel="conflict"' in full
    assert "★ consensus" in full  # the talks, endorsed by two of three essays
    assert '"hawk:r-talks" -> "broker:r-dialogue" [color="#555555:#FFFFFF:#555555"' in full
    short = corpus_drawing(corpus, recommendations_only=True).source
    assert '"hawk:e-tests"' not in short  # evidence is dropped ...
    assert '"hawk:c-threat"' in short  # ... but a node the corpus file links stays


@needs_dot
def test_render_and_notebook_display(tmp_path: Path) -> None:
    m = argmap.read_map(SHOWCASE)
    for fmt, magic in (
        ("svg", b"<?xml"),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
        ("dot", b"digraph"),
    ):
        data = argmap.draw(m, tmp_path / f"m.{fmt}", semantics="grounded")
        assert data.startswith(magic)
        assert (tmp_path / f"m.{fmt}").read_bytes() == data
    importlib.import_module("argmap.render.notebook")  # what `import argmap` does in IPython

    assert m._repr_mimebundle_()["image/svg+xml"].lstrip().startswith("<?xml")
    corpus = argmap.read_corpus(EXAMPLES / "toy-corpus")
    assert "<svg" in corpus._repr_mimebundle_()["image/svg+xml"]
    assert "★ consensus" in argmap.reading(corpus)._repr_mimebundle_()["image/svg+xml"]
    with pytest.raises(argmap.ArgmapError, match="unknown diagram format 'gif'"):
        argmap.draw(m, tmp_path / "m.gif")


@needs_dot
def test_dot_errors_and_timeouts_are_argmap_errors() -> None:
    source = map_drawing(argmap.read_map(SHOWCASE)).source
    assert run_dot(source, "svg", timeout=120) == run_dot(source, "svg")
    with pytest.raises(argmap.ArgmapError, match=r"dot took longer than 1e-06 s"):
        run_dot(source, "svg", timeout=1e-6)
    for timeout in (None, 120):
        with pytest.raises(argmap.ArgmapError, match=r"dot failed: .*syntax error"):
            run_dot("digraph { a -> }", "svg", timeout=timeout)


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_a_missing_dot_is_an_argmap_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeout: float | None
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(argmap.ArgmapError, match="Graphviz's dot is not installed"):
        run_dot("digraph { a }", "svg", timeout=timeout)
    assert run_dot("digraph { a }", "dot") == b"digraph { a }"  # the source needs no dot
    assert "image/svg+xml" not in argmap.read_map(SHOWCASE)._repr_mimebundle_()


@needs_dot
def test_render_and_report_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg = str(tmp_path / "m.svg")
    assert main(["render", str(SHOWCASE), "-o", svg, "-s", "preferred", "--extension", "1"]) == 0
    assert Path(svg).read_text(encoding="utf-8").count('<g id="n:') == 57  # every node once
    toy = str(EXAMPLES / "toy-corpus")
    assert main(["render", toy, "-o", str(tmp_path / "c.dot"), "--recommendations-only"]) == 0
    assert main(["render", str(SHOWCASE), "-o", svg, "-s", "preferred", "--extension", "9"]) == 1
    assert "there is no extension 9" in capsys.readouterr().err
    assert main(["report", toy, "-o", str(tmp_path / "site")]) == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "eq-talks" in index
    assert not re.search(r'(src|href)="https?:', index)  # self-contained


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (make test installs it where apt is available)",
)
def test_the_report_in_a_browser(tmp_path: Path) -> None:
    import subprocess

    site = tmp_path / "site"
    write_report(argmap.read_corpus(EXAMPLES / "toy-corpus"), site)
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    for page in ("index.html", "corpus.html", "essay-hawk.html"):
        shot = tmp_path / f"{page}.png"
        done = subprocess.run(
            [
                str(CHROMIUM),
                *flags,
                f"--screenshot={shot}",
                "--window-size=1400,1800",
                (site / page).as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert shot.exists(), done.stderr[-2000:]
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
        console = [
            line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line
        ]
        assert console == [], console
        dom = subprocess.run(
            [str(CHROMIUM), *flags, "--dump-dom", (site / page).as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        ).stdout
        assert dom.count("<svg") >= 1
        assert 'id="n:' in dom or page == "index.html"  # the front page has no map nodes
    # focusing a node (as hovering does) highlights what attacks it and fades the rest
    dom = subprocess.run(
        [
            str(CHROMIUM),
            *flags,
            "--dump-dom",
            (site / "corpus.html").as_uri() + "#focus=hawk:c-threat",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert re.search(r'<g id="n:broker:c-thin" class="node hl"', dom)
    assert re.search(r'<svg[^>]* class="focus"', dom)


def test_a_node_highlights_its_edges_and_what_supports_or_attacks_it() -> None:
    diagram = map_drawing(argmap.read_map(SHOWCASE))
    related = set(diagram.related["c-credibility-bar"])
    # supported by c-no-credibility through s-credibility (e:32, on to the junction and
    # e:32:b from it), which c-cannot-ignore undercuts (e:34); it attacks r-denounce (e:33)
    assert related == {
        "n:c-no-credibility",
        "n:c-cannot-ignore",
        "e:32",
        "e:32:b",
        "e:34",
        "e:33",
    }
    assert set(diagram.related["r-denounce"]) == {
        "n:c-trade-weaponised",
        "n:c-trade-war-harm",
        "n:c-credibility-bar",
        "e:48",
        "e:49",
        "e:33",
    }
    assert all(
        f'id="{element}"' in diagram.source for element in related if element.startswith("e:")
    )
    corpus = corpus_drawing(argmap.read_corpus(EXAMPLES / "toy-corpus"))
    assert "n:broker:c-thin" in corpus.related["hawk:c-threat"]


def test_every_drawn_node_has_its_own_svg_id() -> None:
    for diagram in (
        map_drawing(argmap.read_map(SHOWCASE)),
        corpus_drawing(argmap.read_corpus(EXAMPLES / "toy-corpus")),
    ):
        ids = re.findall(r'id="(n:[^"]*)"', diagram.source)
        assert len(ids) == len(set(ids))
        assert ids


def test_notebooks_register_displays_only_inside_ipython() -> None:
    code = (
        "import sys, argmap; print('argmap.render.notebook' in sys.modules); "
        "sys.modules['IPython'] = type(sys)('IPython'); import importlib; "
        "importlib.reload(argmap); print('argmap.render.notebook' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


LINKED = """\
id: toy
title: Toy
nodes:
  - {id: a, kind: evidence, text: A.}
  - {id: b, kind: evidence, text: B.}
  - {id: d, kind: evidence, text: D.}
  - {id: c, kind: claim, text: C.}
  - {id: u, kind: claim, text: U.}
edges:
  - {id: r1, support: a + b -> c, scheme: expert opinion}
  - support: d -> c
  - support: u -> c
  - attack: u -> r1
"""


def test_a_linked_reason_meets_at_a_junction_and_convergent_reasons_stay_apart() -> None:
    diagram = map_drawing(argmap.map_from_yaml(LINKED))
    source = diagram.source
    junction = re.search(r'"junction:r1" \[shape="point", width="([0-9.]+)"', source)
    assert junction is not None
    assert float(junction.group(1)) > 0.09  # larger than a plain undercut junction
    # each premise runs into the junction without an arrowhead, one arrow runs on
    for premise, element in (("a", "e:0"), ("b", "e:0:p1")):
        assert re.search(
            rf'"{premise}" -> "junction:r1" \[color="#0072B2", style="solid", arrowhead="none", id="{element}"',
            source,
        )
    assert re.search(r'"junction:r1" -> "c" \[color="#0072B2", [^]]*id="e:0:b"', source)
    assert source.count('-> "junction:r1"') == 3  # two premises and the undercut
    assert re.search(r'"u" -> "junction:r1" \[color="#CC79A7", style="dotted"', source)
    # the convergent reasons are plain arrows of their own
    assert re.search(r'"d" -> "c" \[color="#0072B2", style="solid", arrowhead="normal"', source)
    assert re.search(r'"u" -> "c" \[color="#0072B2", style="solid", arrowhead="normal"', source)
    assert "linked: the premises support it only together" in source
    assert "[expert opinion]" in source
    assert "linked premises" in source  # in the legend
    # the conclusion highlights every premise and every line of the reason
    related = set(diagram.related["c"])
    assert {"n:a", "n:b", "n:d", "n:u", "e:0", "e:0:p1", "e:0:b"} <= related
    assert set(diagram.related["b"]) == {"e:0:p1", "e:0:b"}
    assert all(f'id="{e}"' in source for e in related if e.startswith("e:"))


def test_the_legend_shows_linked_premises_only_when_the_map_has_them() -> None:
    comments = argmap.read_map(MAPS / "our-national-conversation-2024-comments.yaml")
    assert not any(e.linked for e in comments.supports)
    assert "linked premises" not in map_drawing(comments).source
    # the showcase has linked reasons, e.g. e-court-ruling + e-tokyo-rejects -> c-legal-impasse
    assert "linked premises" in map_drawing(argmap.read_map(SHOWCASE)).source
    assert "linked premises" in map_drawing(argmap.map_from_yaml(LINKED)).source


def test_a_corpus_draws_a_linked_reason_through_its_junction(tmp_path: Path) -> None:
    folder = tmp_path / "toy"
    shutil.copytree(EXAMPLES / "toy-corpus", folder)
    hawk = folder / "hawk.yaml"
    text = hawk.read_text(encoding="utf-8")
    linked = "support: c-threat + e-tests -> r-drills"
    hawk.write_text(text.replace("support: c-threat -> r-drills", linked), encoding="utf-8")
    corpus = argmap.read_corpus(folder)
    full = corpus_drawing(corpus)
    junction = '"hawk:junction:support:c-threat+e-tests->r-drills"'
    cluster = full.source[full.source.index("Deter by drilling") :]
    assert f"{junction} [shape=" in cluster.split("}")[0]  # declared in the essay's cluster
    assert f'"hawk:c-threat" -> {junction}' in full.source
    assert f'"hawk:e-tests" -> {junction}' in full.source
    assert f'{junction} -> "hawk:r-drills"' in full.source
    assert "n:hawk:e-tests" in full.related["hawk:r-drills"]
    # with recommendations only, e-tests is not drawn: a dotted chain stands for the reason
    short = corpus_drawing(corpus, recommendations_only=True).source
    assert junction not in short
    assert re.search(r'"hawk:c-threat" -> "hawk:r-drills" \[[^]]*style="dotted"', short)


def test_the_report_shows_the_consensus_matrix(tmp_path: Path) -> None:
    write_report(argmap.read_corpus(EXAMPLES / "toy-corpus"), tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    matrix = index[index.index('<table class="stances">') :]
    matrix = matrix[: matrix.index("</table>")]
    heads = re.findall(r'<th class="essay" title="([^"]+)"><a href="essay-(\w+).html">', matrix)
    assert [essay for _, essay in heads] == ["broker", "dove", "hawk"]
    row = matrix[matrix.index("Expand joint military drills.") :].split("</tr>")[0]
    assert re.findall(r'<td class="stance (\w+)"', row) == ["opposes", "opposes", "endorses"]
    assert 'title="dove: opposes"' in row

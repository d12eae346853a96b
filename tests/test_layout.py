"""Essay diagrams that fit a page: direction, measure, legend words, clusters (issue 15)."""

from __future__ import annotations

import html
import re
import shutil
import textwrap
from itertools import pairwise
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Edge, Node
from argmap.cli import main
from argmap.options import PAGE_WIDTH, STATUS_WORDS, Clustering, Direction
from argmap.render.diagrams import map_drawing
from argmap.render.dot import run_dot, wrap
from argmap.render.essay import FONT_SIZE, auto_layout, essay_diagram
from tests.helpers import MAPS, SHOWCASE

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

ESSAYS = sorted(p for p in MAPS.glob("*.yaml") if p.name != "corpus.yaml")
PX = 96 / 72
"""CSS pixels per point: an SVG drawn by dot is sized in points, shown at 96 px per inch."""


def rankdir(source: str) -> str:
    found = re.search(r'rankdir="([A-Z]+)"', source)
    assert found is not None
    return found.group(1)


def chain(length: int) -> ArgumentMap:
    """Evidence, then ``length`` claims each supporting the next, then a recommendation."""
    nodes = [Node("e", "evidence", "It was measured.")]
    nodes += [
        Node(f"c{i}", "claim", f"Step {i} of a long chain of reasons.") for i in range(length)
    ]
    nodes.append(Node("r", "recommendation", "Act on it.", actors=["US"]))
    names = [n.id for n in nodes]
    edges = [Edge("support", a, b) for a, b in pairwise(names)]
    return ArgumentMap("chain", "A chain", nodes, edges)


def wide(count: int) -> ArgumentMap:
    """``count`` pieces of evidence for one claim: one wide rank."""
    nodes = [Node(f"e{i}", "evidence", f"Observation number {i} was made.") for i in range(count)]
    nodes.append(Node("c", "claim", "Therefore."))
    return ArgumentMap("wide", "Wide", nodes, [Edge("support", f"e{i}", "c") for i in range(count)])


@needs_dot
@pytest.mark.parametrize("path", ESSAYS, ids=[p.stem for p in ESSAYS])
@pytest.mark.parametrize("semantics", [None, "grounded", "preferred"])
def test_every_essay_is_readable_at_100_percent_on_a_page(
    path: Path, semantics: str | None
) -> None:
    """Drawn with the default options: at most 1,400 px wide, no text under 10 px."""
    svg = run_dot(map_drawing(argmap.read_map(path), semantics).source, "svg").decode()
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert size is not None
    width = float(size.group(1)) * PX
    assert width <= PAGE_WIDTH, f"{path.stem}: {width:.0f} px wide"
    fonts = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
    assert fonts
    assert min(fonts) * PX >= 10, f"{path.stem}: text of {min(fonts) * PX:.1f} px"
    # every node of the map is drawn, with its text
    assert svg.count('<g id="n:') == len(argmap.read_map(path).nodes)


def test_the_direction_option_sets_rankdir() -> None:
    m = argmap.read_map(SHOWCASE)
    expected = {"up": "BT", "down": "TB", "left": "RL", "right": "LR"}
    for name, value in expected.items():
        assert rankdir(map_drawing(m, direction=name).source) == value
        assert rankdir(map_drawing(m, direction=Direction(name)).source) == value
    with pytest.raises(argmap.ArgmapError, match="did you mean 'left'"):
        map_drawing(m, direction="lef")


def test_auto_draws_a_small_map_up_and_a_wide_one_left() -> None:
    assert rankdir(map_drawing(chain(3)).source) == "BT"  # narrow: one node per rank
    assert auto_layout(wide(4)) == (Direction.UP, 28)  # four side by side fit
    # forty side by side do not; drawn left they are one column
    assert auto_layout(wide(40))[0] is Direction.LEFT
    assert rankdir(map_drawing(wide(40)).source) == "RL"
    # a forced direction is kept, only the measure is chosen
    assert auto_layout(wide(40), "up") == (Direction.UP, 20)
    # every essay of the corpus is wider than a page drawn up
    assert {auto_layout(argmap.read_map(p))[0] for p in ESSAYS if "comments" not in p.stem} == {
        Direction.LEFT
    }


@needs_dot
def test_auto_picks_a_layout_dot_draws_narrower_than_the_alternative() -> None:
    """The estimate agrees with dot: the direction chosen is the narrower drawing."""
    for m in (wide(12), argmap.read_map(SHOWCASE)):

        def width(direction: str, m: ArgumentMap = m) -> float:
            svg = run_dot(map_drawing(m, direction=direction).source, "svg").decode()
            found = re.search(r'<svg width="([\d.]+)pt"', svg)
            assert found is not None
            return float(found.group(1)) * PX

        chosen = auto_layout(m)[0]
        other = "left" if chosen is Direction.UP else "up"
        assert width(chosen.value) <= PAGE_WIDTH < width(other)


def test_the_same_map_and_options_give_the_same_dot() -> None:
    options = [("auto", "none"), ("left", "tag"), ("down", "paragraph")]
    for direction, cluster in options:
        one, two = (
            map_drawing(
                argmap.read_map(SHOWCASE), "grounded", direction=direction, cluster=cluster
            ).source
            for _ in range(2)
        )
        assert one == two


def test_clusters_by_tag_and_by_paragraph() -> None:
    m = argmap.read_map(SHOWCASE)
    source = map_drawing(m, cluster="tag").source
    tags = {n.tags[0] for n in m.nodes if n.tags}
    assert set(re.findall(r'subgraph "cluster_tag:([^"]+)"', source)) == tags
    assert 'newrank="true"' in source  # ranks across boxes
    # a node is drawn once, inside the box of its first tag
    first = next(n for n in m.nodes if n.tags)
    box = source.split(f'subgraph "cluster_tag:{first.tags[0]}"')[1].split("}")[0]
    assert f'"{first.id}" [' in box
    assert len(re.findall(rf'^\s*"{re.escape(first.id)}" \[', source, re.M)) == 1
    by_paragraph = map_drawing(m, cluster=Clustering.PARAGRAPH).source
    paragraphs = {str(n.locator.paragraphs[0]) for n in m.nodes if n.locator is not None}
    assert set(re.findall(r'subgraph "cluster_paragraph:(\d+)"', by_paragraph)) == paragraphs
    assert 'label="paragraph ' in by_paragraph
    assert "cluster_" not in map_drawing(m).source


def test_the_legend_uses_the_status_words_of_the_semantics() -> None:
    m = argmap.read_map(SHOWCASE)
    grounded = map_drawing(m, "grounded").source
    for word in (STATUS_WORDS["in"], STATUS_WORDS["out"], STATUS_WORDS["undec"]):
        assert f">{word}</FONT>" in grounded
    preferred = map_drawing(m, "preferred").source
    for key in ("skeptical", "credulous", "rejected"):
        assert f">{STATUS_WORDS[key]}</FONT>" in preferred
    for source in (grounded, preferred):
        assert not re.search(r">(IN|OUT|UNDEC)<", source)
        assert "extension</" not in source
    assert "status</I>" not in map_drawing(m).source  # no semantics, no status row
    # kinds, then statuses, then lines: the legend reads in that order
    order = [grounded.index(w) for w in ("claim (rounded)", "accepted</FONT>", "supports")]
    assert order == sorted(order)


def test_recommendations_differ_by_border_not_size() -> None:
    m = argmap.read_map(SHOWCASE)
    source = essay_diagram(m).source
    for node in m.recommendations:
        assert re.search(
            rf'"{re.escape(node.id)}" \[shape="box", style="filled", peripheries="2"', source
        )
    assert "hexagon" not in source
    assert "width=" not in source.split("subgraph")[0].split("node [")[1].split("]")[0]
    assert f'fontsize="{FONT_SIZE}"' in source


def test_text_wraps_to_even_lines() -> None:
    text = "The relationship between Seoul and Tokyo may now be starting to recover."
    plain = textwrap.wrap(text, 28)
    lines = wrap(text, 28)
    assert len(lines) == len(plain) == 3  # as few lines as the measure allows ...
    assert [len(line) for line in plain] == [24, 26, 20]
    assert [len(line) for line in lines] == [24, 23, 23]  # ... as even as they can be
    assert " ".join(lines) == text
    assert wrap("Short.", 20) == ["Short."]


@needs_dot
def test_render_and_report_take_a_direction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.dot"
    assert main(["render", str(SHOWCASE), "-o", str(out), "--direction", "right"]) == 0
    assert rankdir(out.read_text(encoding="utf-8")) == "LR"
    assert main(["render", str(SHOWCASE), "-o", str(out), "--cluster", "tag"]) == 0
    assert "cluster_tag:" in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["render", str(SHOWCASE), "-o", str(out), "--direction", "sideways"])
    assert stopped.value.code == 2
    assert "unknown direction 'sideways'" in capsys.readouterr().err
    folder = str(MAPS.parent / "examples" / "toy-corpus")
    assert main(["render", folder, "-o", str(out), "--direction", "left"]) == 1
    assert "apply to a map" in capsys.readouterr().err
    for direction in ("down", "up"):
        site = tmp_path / direction
        assert main(["report", folder, "-o", str(site), "--direction", direction]) == 0
        page = html.unescape((site / "essay-hawk.html").read_text(encoding="utf-8"))
        # supports point down: the evidence above the recommendations; up: below them
        evidence, recommendation = node_y(page, "e-tests"), node_y(page, "r-drills")
        assert (evidence < recommendation) == (direction == "down")


def node_y(svg: str, node: str) -> float:
    """The y of a node's first line of text in dot's SVG (larger is lower)."""
    found = re.search(rf'<g id="n:{re.escape(node)}".*?<text[^>]* y="([-\d.]+)"', svg, re.S)
    assert found is not None
    return float(found.group(1))

"""The format registry: one contract for every format, and bad input as the library's error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.cli import main
from argmap.convert import dumps, loads
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.formats.text import read_text, write_text
from tests.helpers import SHOWCASE

SUFFIX = {
    "yaml": ".yaml",
    "aif": ".json",
    "node-link": ".json",
    "graphml": ".graphml",
    "argdown": ".argdown",
    "arggraph": ".xml",
    "kialo": ".txt",
    "sadface": ".json",
    "i23": ".i23",
    "apx": ".apx",
    "tgf": ".tgf",
}


def test_every_format_is_registered_once() -> None:
    assert set(registry.FORMAT_NAMES) == set(SUFFIX)
    assert len(registry.FORMAT_NAMES) == len(set(registry.FORMAT_NAMES))
    for fmt in registry.FORMATS:
        assert fmt.keeps, fmt.name
        assert fmt.loses, fmt.name
        assert SUFFIX[fmt.name] in fmt.suffixes


def test_names_are_parsed_once_case_insensitively() -> None:
    assert registry.get("GraphML") is registry.get("graphml")
    assert registry.get("Node_Link").name == "node-link"
    with pytest.raises(ArgmapError, match=r"unknown format 'argdwon' \(did you mean 'argdown'\?\)"):
        registry.get("argdwon")


@pytest.mark.parametrize("name", list(SUFFIX))
def test_each_format_sniffs_its_own_text(name: str, tmp_path: Path) -> None:
    text = dumps(argmap.read_map(SHOWCASE), name)
    assert registry.get(name).sniff(text)
    path = tmp_path / f"m{SUFFIX[name]}"
    path.write_text(text, encoding="utf-8")
    assert registry.detect(path, text).name == name
    assert registry.read(path).nodes


def test_ambiguous_suffixes_are_told_apart_by_content() -> None:
    showcase = argmap.read_map(SHOWCASE)
    assert registry.detect("x.json", dumps(showcase, "aif")).name == "aif"
    assert registry.detect("x.json", dumps(showcase, "node-link")).name == "node-link"
    assert registry.detect("x.xml", dumps(showcase, "arggraph")).name == "arggraph"
    with pytest.raises(ArgmapError, match="none of aif, node-link, sadface") as caught:
        registry.detect("x.json", '"just a string"')
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert registry.detect("x.xml", dumps(showcase, "graphml")).name == "graphml"
    assert registry.detect("x.xml").name == "arggraph"
    with pytest.raises(ArgmapError, match="none of arggraph, graphml"):
        registry.detect("x.xml", "<html/>")


def test_an_unknown_suffix_names_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "m.docx"
    path.write_text("id: m\n", encoding="utf-8")
    with pytest.raises(ArgmapError, match=r"cannot tell the format of .*m\.docx.*\.yaml"):
        registry.read(path)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_a_non_utf8_file_is_an_error_with_its_place(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"bad{SUFFIX[name]}"
    path.write_bytes(b"first line\nsecond \xff line\n")
    with pytest.raises(ArgmapError) as caught:
        registry.read(path, name)
    err = caught.value
    assert (err.path, err.line, err.column) == (str(path), 2, 8)
    assert err.problems[0].code == "encoding"
    with pytest.raises(ArgmapError):  # and so for detection by suffix
        registry.read(path)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_an_empty_file_is_an_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{SUFFIX[name]}"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ArgmapError, match="empty") as caught:
        registry.read(path, name)
    assert (caught.value.path, caught.value.line) == (str(path), 1)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_the_wrong_format_under_a_known_suffix_is_an_error(name: str, tmp_path: Path) -> None:
    other = "apx" if name == "yaml" else "yaml"
    path = tmp_path / f"wrong{SUFFIX[name]}"
    path.write_text(dumps(argmap.read_map(SHOWCASE), other), encoding="utf-8")
    with pytest.raises(ArgmapError) as caught:
        registry.read(path)
    assert caught.value.path == str(path)


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SHOWCASE.read_bytes())
    assert read_text(path) == SHOWCASE.read_text(encoding="utf-8")
    assert registry.read(path) == argmap.read_map(SHOWCASE)


def test_oversized_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(ArgmapError, match="larger than") as caught:
        read_text(path, limit=10)
    assert caught.value.problems[0].code == "too-large"


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    write_text(path, "old\n")
    with pytest.raises(TypeError):
        write_text(path, None)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]


def test_the_registry_loads_no_format_module() -> None:
    code = (
        "import sys, argmap.formats.registry as r; r.FORMAT_NAMES; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('ruamel', 'networkx', 'numpy') or m.startswith(('argmap.formats.y', "
        "'argmap.formats.a', 'argmap.formats.g', 'argmap.formats.i', 'argmap.formats.m'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_formats_do_not_import_the_framework() -> None:
    code = (
        "import sys; from argmap.formats import iccma, aif, argdown, microtexts, graphs; "
        "import argmap.formats.yaml; print('argmap.framework' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- graphs written by other tools ------------------------------------------------------------

nx = pytest.importorskip("networkx")


def load(path: Path) -> argmap.ArgumentMap:
    """A map from a file in the format its suffix and content say (as ``argmap convert``)."""
    text = read_text(path)
    return registry.loads(text, registry.detect(path, text).name, str(path))


def other_tools_graph() -> Any:
    """A small argument graph as a networkx user would build it: labels and relations."""
    g = nx.DiGraph(name="Bridge debate")
    g.add_node("bridge", label="We should build the bridge.")
    g.add_node("traffic", label="Traffic doubled.", colour="green")
    g.add_node(3, label="It costs too much.")
    g.add_edge("traffic", "bridge", relation="support")
    g.add_edge(3, "bridge", relation="con", weight=0.5)
    return g


def check_other_tools_map(m: argmap.ArgumentMap, title: str) -> None:
    assert (m.id, m.title) == ("bridge", title)
    assert [(n.id, n.kind.value, n.text) for n in m.nodes] == [
        ("bridge", "claim", "We should build the bridge."),
        ("traffic", "claim", "Traffic doubled."),
        ("3", "claim", "It costs too much."),
    ]
    assert m.node("traffic").data == {"graph": {"colour": "green"}}
    assert [(e.kind.value, e.source, e.target) for e in m.edges] == [
        ("support", "traffic", "bridge"),
        ("attack", "3", "bridge"),
    ]
    assert m.edges[1].data == {"graph": {"weight": 0.5}}
    assert argmap.labelling(m, "grounded")["bridge"] == "out"


@pytest.mark.parametrize("key", ["links", "edges"])
@pytest.mark.parametrize("with_id", [False, True])
def test_networkx_node_link_data_is_read(key: str, with_id: bool, tmp_path: Path) -> None:
    data = nx.node_link_data(other_tools_graph(), edges=key)
    if with_id:
        data["graph"]["id"] = "bridge"
    path = tmp_path / "bridge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    m = load(path)
    check_other_tools_map(m, "Bridge debate")
    assert set(data) >= {key, "nodes", "graph"}


def test_networkx_graphml_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bridge.graphml"
    nx.write_graphml(nx.relabel_nodes(other_tools_graph(), str), path)
    assert ' id="' not in path.read_text(encoding="utf-8").split("<graph", 1)[1].split(">")[0]
    check_other_tools_map(load(path), "Bridge debate")


def test_a_graph_that_says_nothing_of_its_edges_is_refused_at_the_edge(tmp_path: Path) -> None:
    g = other_tools_graph()
    g.add_edge("traffic", 3)  # no relation
    path = tmp_path / "bridge.graphml"
    nx.write_graphml(nx.relabel_nodes(g, str), path)
    with pytest.raises(ArgmapError) as caught:
        load(path)
    assert "'traffic' -> '3' says neither support nor attack" in str(caught.value)
    assert caught.value.path == str(path)
    assert caught.value.line is not None
    line = path.read_text(encoding="utf-8").splitlines()[caught.value.line - 1]
    assert 'source="traffic" target="3"' in line
    data = nx.node_link_data(nx.Graph(g), edges="links")  # undirected
    (tmp_path / "u.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ArgmapError, match="not directed") as caught:
        load(tmp_path / "u.json")
    assert caught.value.path == str(tmp_path / "u.json")


ARGDOWN_CLI_GRAPHML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" yfiles.type="nodegraphics" id="d0"/>
  <key for="edge" yfiles.type="edgegraphics" id="d1"/>
  <graph edgedefault="directed" id="G">
    <node id="s1" yfiles.foldertype="group">
      <data key="d0"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Fill color="#DADADA" transparent="false"/><y:NodeLabel>Group one</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph id="s1:" edgedefault="directed">
        <node id="n0"><data key="d0"><y:ShapeNode><y:Fill color="#FFFFFF" transparent="false"/>
          <y:NodeLabel>&lt;html&gt;A &lt;/html&gt;</y:NodeLabel>
          <y:NodeLabel>&lt;html&gt;a &amp;amp; b. &lt;/html&gt;</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n1"><data key="d0"><y:ShapeNode><y:Fill color="#FFFFFF" transparent="false"/>
      <y:NodeLabel>&lt;html&gt;B &lt;/html&gt;</y:NodeLabel>
      <y:NodeLabel>&lt;html&gt;b. &lt;/html&gt;</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n2"><data key="d0"><y:ShapeNode><y:Fill color="#1b9e77" transparent="false"/>
      <y:NodeLabel>&lt;html&gt;C &lt;/html&gt;</y:NodeLabel>
      <y:NodeLabel>&lt;html&gt;c. &lt;/html&gt;</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n3"><data key="d0"><y:ShapeNode><y:Fill color="#FFFFFF" transparent="false"/>
      <y:NodeLabel>&lt;html&gt;D &lt;/html&gt;</y:NodeLabel>
      <y:NodeLabel>&lt;html&gt;d. &lt;/html&gt;</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e1" directed="true" source="n1" target="n0"><data key="d1"><y:PolyLineEdge>
      <y:LineStyle color="#00ff00" type="line" width="0.3"/>
      <y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
    <edge id="e2" directed="true" source="n2" target="n0"><data key="d1"><y:PolyLineEdge>
      <y:LineStyle color="#ff0000" type="line" width="0.3"/>
      <y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
    <edge id="e3" directed="true" source="n0" target="n3"><data key="d1"><y:PolyLineEdge>
      <y:LineStyle color="#ff0000" type="line" width="0.3"/>
      <y:Arrows source="diamond" target="diamond"/></y:PolyLineEdge></data></edge>
    <edge id="e4" directed="true" source="n3" target="n2"><data key="d1"><y:PolyLineEdge>
      <y:LineStyle color="#551A8B" type="line" width="0.3"/>
      <y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>
  </graph>
</graphml>
"""


def test_the_argdown_clis_graphml_is_read_through_its_colours(tmp_path: Path) -> None:
    path = tmp_path / "debate.graphml"
    path.write_text(ARGDOWN_CLI_GRAPHML, encoding="utf-8")
    m = load(path)
    assert m.id == "debate"
    assert [(n.id, n.text, n.data["graph"]) for n in m.nodes] == [
        ("n0", "a & b.", {"title": "A", "group": "Group one"}),
        ("n1", "b.", {"title": "B"}),
        ("n2", "c.", {"title": "C", "argument": True}),
        ("n3", "d.", {"title": "D"}),
    ]
    assert [(e.kind.value, e.source, e.target, e.data) for e in m.edges] == [
        ("support", "n1", "n0", {}),
        ("attack", "n2", "n0", {}),
        ("attack", "n3", "n0", {"graph": {"relation": "contradiction"}}),
        ("attack", "n0", "n3", {"graph": {"relation": "contradiction"}}),
        ("attack", "n3", "n2", {"graph": {"relation": "undercut"}}),
    ]
    path.write_text(ARGDOWN_CLI_GRAPHML.replace("#551A8B", "#123456"), encoding="utf-8")
    with pytest.raises(ArgmapError, match="drawn in #123456") as caught:
        load(path)
    assert caught.value.path == str(path)
    assert caught.value.line is not None
    assert 'id="e4"' in ARGDOWN_CLI_GRAPHML.splitlines()[caught.value.line - 1]


CLI = Path.home() / ".cache" / "argmap-tests" / "argdown-cli-1.7.5" / "node_modules" / ".bin"


@pytest.mark.skipif(not (CLI / "argdown").exists(), reason="the Argdown CLI is not installed")
def test_graphml_the_argdown_cli_exports_is_read(tmp_path: Path) -> None:
    source = tmp_path / "debate.argdown"
    source.write_text("[A]: a.\n  + [B]: b.\n  - <C>: c.\n  >< [D]: d.\n", encoding="utf-8")
    done = subprocess.run(
        [str(CLI / "argdown"), "map", str(source), "--format", "graphml", "--stdout", "--silent"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    (tmp_path / "debate.graphml").write_text(done.stdout, encoding="utf-8")
    m = load(tmp_path / "debate.graphml")
    titles = {n.id: n.data["graph"]["title"] for n in m.nodes}
    assert sorted(titles.values()) == ["A", "B", "C", "D"]
    assert sorted((e.kind.value, titles[e.source], titles[e.target]) for e in m.edges) == [
        ("attack", "A", "D"),
        ("attack", "C", "A"),
        ("attack", "D", "A"),
        ("support", "B", "A"),
    ]


def test_an_iccma_2023_af_file_converts_without_naming_its_format(tmp_path: Path) -> None:
    source = tmp_path / "bench.af"
    source.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "bench.yaml")]) == 0
    again = argmap.read_map(tmp_path / "bench.yaml")
    assert len(again.nodes) == 3
    assert len(again.attacks) == 2


def test_a_text_starting_with_json_survives_graphml() -> None:
    """GraphML marks encoded values with ``json:``; a text that starts so is encoded too."""
    m = argmap.ArgumentMap("x", "json:", [argmap.Node("a", "claim", "json: [1, 2]")])
    again = loads(dumps(m, "graphml"), "graphml")
    assert (again.title, again.nodes[0].text) == ("json:", "json: [1, 2]")

"""Kialo's text export and SADFace 0.2: the real files, arguebuf's counts, round trips, errors."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.convert import dumps, loads
from argmap.errors import ArgmapError
from argmap.formats import kialo, registry, sadface
from argmap.model import ArgumentMap, Edge, Node
from tests.fuzz_strategies import CORPORA
from tests.strategies import argument_maps

KIALO = sorted((CORPORA / "kialo").glob("*.txt"))
SADFACE = sorted((CORPORA / "sadface").glob("*.json"))
needs_corpora = pytest.mark.skipif(not KIALO, reason=f"the corpora are not at {CORPORA}")


def line_counts(text: str) -> Counter[str]:
    """Claims, pros, cons and re-uses counted from the numbered lines themselves."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        if found := re.match(r"\d+(?:\.\d+)*\. (?:(Pro|Con): )?(-> See )?", line):
            counts["lines"] += 1
            counts["see" if found[2] else "claims"] += 1
            counts[(found[1] or "thesis").lower()] += 1
    return counts


@needs_corpora
@pytest.mark.parametrize("path", KIALO, ids=lambda p: p.name)
def test_a_kialo_export_reads_as_its_numbered_lines_and_as_arguebuf_reads_it(path: Path) -> None:
    import arguebuf

    text = path.read_text(encoding="utf-8")
    m = registry.read(path)  # detected by the suffix .txt
    counts = line_counts(text)
    assert len(m.nodes) == counts["claims"]
    assert (len(m.supports), len(m.attacks)) == (counts["pro"], counts["con"])
    assert m.title == text.splitlines()[0].removeprefix("Discussion Title: ").strip()
    graph = arguebuf.load.file(path)
    kinds = Counter(type(s.scheme).__name__ for s in graph.scheme_nodes.values())
    assert len(graph.atom_nodes) == len(m.nodes)
    assert (kinds["Support"], kinds["Attack"]) == (len(m.supports), len(m.attacks))
    assert {n.id for n in m.nodes} == {i.rstrip(".") for i in graph.atom_nodes}
    # a re-use is an edge from the node it names, not a copy of it
    see = [line for line in text.splitlines() if "-> See" in line]
    assert len(m.edges) == len(m.nodes) - 1 + len(see)


@needs_corpora
@pytest.mark.parametrize("path", KIALO, ids=lambda p: p.name)
def test_a_kialo_export_writes_back_as_it_was(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    m = kialo.loads(text, str(path))
    written = kialo.dumps(m)
    assert written.splitlines() == text.replace("\r\n", "\n").splitlines()
    assert kialo.loads(written, str(path)) == m


def test_escapes_links_and_reuse() -> None:
    m = kialo.loads(
        "Discussion Title: T\n\n1. Thesis \\(a\\).\n1.1. Pro: See [the study](http://x.org/#{\\[1\\]}) \\[sic\\].\n"
        "1.1.1. Con: 2\\) no.\n1.2. Con: -> See 1.1.1.\n1.2.1. Pro: Under the re-used claim.\n",
        "t.txt",
    )
    assert [n.text for n in m.nodes] == [
        "Thesis (a).",
        "See [the study](http://x.org/#{\\[1\\]}) [sic].",  # a link is kept as written
        "2) no.",
        "Under the re-used claim.",
    ]
    assert [(e.kind.value, e.source, e.target) for e in m.edges] == [
        ("support", "1.1", "1"),
        ("attack", "1.1.1", "1.1"),
        ("attack", "1.1.1", "1"),
        ("support", "1.2.1", "1.1.1"),
    ]


def test_a_multi_thesis_discussion_keeps_its_question() -> None:
    text = "Discussion Title: Q\n\n1. Which?\n1.1. This one.\n1.2. That one.\n1.2.1. Con: No.\n"
    m = kialo.loads(text, "q.txt")
    assert m.data["kialo"] == {"question": "Which?"}
    assert [n.id for n in m.nodes] == ["1.1", "1.2", "1.2.1"]
    assert kialo.dumps(m) == text


def test_every_malformed_line_is_reported_at_once_with_its_place() -> None:
    text = (
        "Discussion Title: T\n\n1. Thesis\n1.1 Pro: no dot\n1.3.1. Pro: orphan\n"
        "1.2. Maybe: no stance\n1.4. Con: -> See 9.9.\n1.5. Pro: ok\n1.5. Con: twice\n"
    )
    with pytest.raises(ArgmapError) as caught:
        registry.loads(text, "kialo", "d.txt")
    found = [(p.line, p.column, p.code) for p in caught.value.problems]
    assert found == [
        (4, 4, "kialo-syntax"),
        (5, 1, "kialo-tree"),
        (6, 6, "kialo-stance"),
        (9, 1, "duplicate-id"),
        (7, 18, "unknown-node"),
    ]
    assert all(p.path == "d.txt" for p in caught.value.problems)
    with pytest.raises(ArgmapError, match="expected a numbered claim") as caught:
        registry.loads("just prose\n", "kialo", "p.txt")
    assert (caught.value.line, caught.value.column) == (1, 1)


kialo_texts = st.lists(
    st.sampled_from(["a", "B", "(x)", "[y]", "\\", "1.", "->", "See", "Pro:", "[l](u)", "é"]),
    min_size=1,
    max_size=5,
).map(" ".join)


@st.composite
def kialo_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps Kialo can express: claims with distinct texts, one-premise supports and attacks."""
    count = draw(st.integers(1, 7))
    texts = draw(st.lists(kialo_texts, min_size=count, max_size=count, unique=True))
    nodes = [Node(f"n{i}", "claim", t) for i, t in enumerate(texts)]
    edges: dict[tuple[int, int], str] = {}
    for i in range(1, count):  # a tree, so every claim is reached
        edges[(i, draw(st.integers(0, i - 1)))] = draw(st.sampled_from(["support", "attack"]))
    for a, b in draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)))):
        if a != b and (a, b) not in edges:  # re-uses, cycles included
            edges[(a, b)] = draw(st.sampled_from(["support", "attack"]))
    return ArgumentMap(
        "m", "A title", nodes, [Edge(k, f"n{a}", f"n{b}") for (a, b), k in edges.items()]
    )


def by_text(m: ArgumentMap) -> tuple[list[str], set[tuple[str, str, str]]]:
    text = {n.id: n.text for n in m.nodes}
    return sorted(text.values()), {(e.kind.value, text[e.source], text[e.target]) for e in m.edges}


@settings(max_examples=60, deadline=None)
@given(kialo_maps())
def test_a_map_kialo_can_express_reads_back_to_the_same_structure(m: ArgumentMap) -> None:
    written = kialo.dumps(m)
    back = kialo.loads(written, "m.txt")
    assert by_text(back) == by_text(m)
    assert kialo.dumps(back) == written  # and, once numbered, stays as it is
    assert kialo.loads(written, "m.txt") == back


@settings(max_examples=30, deadline=None)
@given(argument_maps(max_nodes=6))
def test_any_map_writes_to_kialo_keeping_its_nodes_and_attacks(m: ArgumentMap) -> None:
    back = kialo.loads(kialo.dumps(m), "m.txt")  # a text's surrounding spaces are lost
    assert Counter(n.text.strip() for n in back.nodes) == Counter(n.text.strip() for n in m.nodes)
    text = {n.id: n.text.strip() for n in m.nodes}
    kept = {(e.kind.value, text[e.source], text[e.target]) for e in m.edges if not m.is_undercut(e)}
    assume_unique = len(set(text.values())) == len(text)
    if assume_unique:
        back_text = {n.id: n.text.strip() for n in back.nodes}
        assert kept <= {
            (e.kind.value, back_text[e.source], back_text[e.target]) for e in back.edges
        }


@needs_corpora
@pytest.mark.parametrize("path", SADFACE, ids=lambda p: p.name)
def test_a_sadface_document_round_trips_exactly(path: Path) -> None:
    import arguebuf

    text = path.read_text(encoding="utf-8")
    m = registry.read(path)  # .json, told apart from AIF and node-link by its keys
    graph = arguebuf.load.sadface(json.loads(text))
    assert len(m.nodes) == len(graph.atom_nodes) == 4
    assert len(m.supports) + len(m.attacks) == len(graph.scheme_nodes) == 2
    assert [len(e.premises) for e in m.edges] == [2, 1]
    assert (m.title, m.authors, m.date) == ("Hangback Example", ("Simon Wells",), "2019-04-22")
    assert json.loads(sadface.dumps(m)) == json.loads(text)
    assert sadface.dumps(m) == text
    assert registry.detect(path, text).name == "sadface"
    with pytest.raises(ArgmapError, match="not AIF"):  # never read as AIF
        registry.loads(text, "aif", str(path))


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_nodes=6))
def test_argmaps_own_maps_round_trip_through_sadface(m: ArgumentMap) -> None:
    assert sadface.loads(sadface.dumps(m)) == m


def test_the_essays_round_trip_through_sadface() -> None:
    from tests.fuzz_strategies import ESSAYS

    for path in ESSAYS:
        m = argmap.read_map(path)
        assert sadface.loads(sadface.dumps(m), "m.json") == m


def test_a_bad_sadface_document_is_a_located_error() -> None:
    text = '{"metadata": {"core": {}},\n "nodes": [{"id": "a", "type": "atom", "text": "A"}],\n "edges": [{"id": "e", "source_id": "a", "target_id": "zz"}]}'
    with pytest.raises(ArgmapError, match="is no node") as caught:
        registry.loads(text, "sadface", "s.json")
    assert (caught.value.path, caught.value.line) == ("s.json", 3)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("{}", "an empty JSON object"),
        ('{"nodes": [], "edges": []}', "JSON with the keys edges, nodes"),
        ("[1]", "JSON that is not an object"),
    ],
)
def test_json_of_no_known_format_is_a_clear_error(text: str, what: str, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArgmapError) as caught:
        registry.read(path)
    assert str(caught.value.message).startswith(f"cannot tell the format of '{path}': {what}")
    assert "expected one of aif, node-link, sadface" in caught.value.message
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_each_json_format_is_recognised_by_its_keys_and_only_by_them() -> None:
    from tests.helpers import SHOWCASE

    m = argmap.read_map(SHOWCASE)
    for fmt in ("aif", "node-link", "sadface"):
        text = registry.dumps(m, fmt)
        assert [f.name for f in registry.FORMATS if f.sniff(text)] == [fmt]


def test_convert_from_kialo_on_the_command_line(tmp_path: Path) -> None:
    from argmap.cli import main

    source = tmp_path / "d.kialo"
    source.write_text("Discussion Title: T\n\n1. A\n1.1. Con: B\n", encoding="utf-8")
    target = tmp_path / "d.sadface"
    assert main(["convert", str(source), str(target)]) == 0
    back = registry.read(target)
    assert [(e.kind.value, e.source, e.target) for e in back.edges] == [("attack", "1.1", "1")]
    other = tmp_path / "d.yaml"
    plain = tmp_path / "d.md"
    plain.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["convert", "--from", "kialo", str(plain), str(other)]) == 0
    assert registry.read(other).nodes[1].text == "B"


def test_a_support_whose_scheme_is_named_attack_stays_a_support() -> None:
    """Found by hypothesis: SADFace reads a scheme named like a conflict as an attack."""
    m = argmap.ArgumentMap(
        "m",
        "M",
        [argmap.Node("a", "claim", "A"), argmap.Node("b", "claim", "B")],
        [argmap.Edge("support", "b", "a", scheme="attack"), argmap.Edge("attack", "b", "a")],
    )
    assert loads(dumps(m, "sadface"), "sadface") == m


def test_an_atom_without_text_is_written_back_without() -> None:
    """Found by the fuzz campaign: an atom with no ``text`` key was written back with
    ``"text": null``, which the reader then refused as not SADFace."""
    document = {
        "metadata": {"core": {"id": "d", "version": "0.2"}},
        "nodes": [{"id": "a", "type": "atom"}, {"id": "b", "type": "atom", "text": " "}],
        "edges": [],
    }
    m = loads(json.dumps(document), "sadface")
    written = json.loads(dumps(m, "sadface"))
    by_id = {node["id"]: node for node in written["nodes"]}
    assert "text" not in by_id["a"]
    assert by_id["b"]["text"] == " "
    assert loads(json.dumps(written), "sadface") == m


def test_an_atom_or_scheme_without_metadata_is_written_back_without() -> None:
    """Found by the fuzz campaign: an atom whose ``metadata`` was left out came back with
    ``"metadata": {}`` (the map changed on the round trip), and so did a scheme."""
    document = {
        "metadata": {"core": {"id": "d", "title": "D", "version": "0.2"}},
        "resources": [],
        "nodes": [
            {"id": "a", "type": "atom", "text": "A.", "sources": []},
            {"id": "b", "type": "atom", "text": "B.", "sources": [], "metadata": {}},
            {"id": "s", "type": "scheme", "name": "support"},
        ],
        "edges": [
            {"id": "e1", "source_id": "a", "target_id": "s"},
            {"id": "e2", "source_id": "s", "target_id": "b"},
        ],
    }
    m = loads(json.dumps(document), "sadface")
    written = json.loads(dumps(m, "sadface"))
    by_id = {node["id"]: node for node in written["nodes"]}
    assert "metadata" not in by_id["a"]
    assert by_id["b"]["metadata"] == {}
    assert "metadata" not in by_id["s"]
    assert loads(json.dumps(written), "sadface") == m
    kinded = attrs.evolve(m, nodes=[attrs.evolve(m.nodes[0], kind="evidence"), *m.nodes[1:]])
    assert loads(dumps(kinded, "sadface"), "sadface") == kinded  # argmap's field, metadata made

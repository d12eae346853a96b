"""Saving and loading: equal objects, kept comments and layout, stable output."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, note

import argmap
from argmap import ArgumentMap, Corpus, Edge, Locator, Node
from tests.helpers import EXAMPLES, MAPS, SHOWCASE
from tests.strategies import argument_maps, corpora

HAND_WRITTEN = """\
# A hand-written map: comments, quoting and flow style must survive a save.
id: toy   # the essay's id
title: "A toy essay"
date: 2019-11-22
nodes:
  # the evidence first
  - id: e1
    kind: evidence
    text: 'Exports fell by 20%.'   # single-quoted on purpose
    para: [3, 4]
    data: {source: customs, checked: yes}
  - {id: c1, kind: claim, text: Trade wars hurt both sides., weight: 0.50}
  - id: r1
    kind: recommendation
    actors: [Japan]
    text: >-
      Lift the export
      controls.
edges:
  - support: e1 -> c1   # why c1 holds
  - id: s2
    support: c1 -> r1
  - attack: e1 -> s2
"""


@given(argument_maps())
def test_save_then_load_gives_an_equal_map(m: ArgumentMap) -> None:
    text = argmap.map_to_yaml(m)
    note(text)
    again = argmap.map_from_yaml(text)
    assert again == m
    assert argmap.map_to_yaml(again) == text


@given(corpora())
def test_corpus_round_trips_through_a_folder(c: Corpus) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        argmap.write_corpus(c, folder)
        again = argmap.read_corpus(folder)
        assert again == c
        argmap.write_corpus(again, folder)
        assert argmap.read_corpus(folder) == again


def test_hand_written_file_saves_back_byte_for_byte() -> None:
    m = argmap.map_from_yaml(HAND_WRITTEN)
    assert argmap.map_to_yaml(m) == HAND_WRITTEN


def test_showcase_map_saves_back_byte_for_byte() -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    assert argmap.map_to_yaml(argmap.read_map(SHOWCASE)) == text


def test_bundled_corpus_file_saves_back_byte_for_byte() -> None:
    c = argmap.read_corpus(MAPS)
    assert argmap.corpus_to_yaml(c) == (MAPS / "corpus.yaml").read_text(encoding="utf-8")


def test_edits_rewrite_only_what_changed() -> None:
    m = argmap.map_from_yaml(HAND_WRITTEN)
    c1 = m.node("c1")
    edited = attrs.evolve(
        m,
        title="A renamed essay",
        nodes=[
            *(
                attrs.evolve(n, text="Trade wars hurt everyone.") if n is c1 else n
                for n in m.nodes
                if n.id != "r1"
            ),
            Node("c2", "claim", "A new claim.", locator=Locator(5)),
        ],
        edges=[e for e in m.edges if e.target != "r1" and e.target != "s2"]
        + [Edge("attack", "c2", "c1")],
    )
    text = argmap.map_to_yaml(edited)
    assert argmap.map_from_yaml(text) == edited, text
    # every comment not attached to a removed item is still there
    for comment in [
        "# A hand-written map",
        "# the essay's id",
        "# the evidence first",
        "# single-quoted on purpose",
        "# why c1 holds",
    ]:
        assert comment in text
    assert "'Exports fell by 20%.'" in text  # untouched value keeps its quotes
    assert "data: {source: customs, checked: yes}" in text
    assert 'title: "A renamed essay"' in text  # the author's quoting style is kept
    assert "Trade wars hurt everyone." in text
    assert "r1" not in text
    assert "s2" not in text
    assert "  - id: c2\n    kind: claim\n    text: A new claim.\n    para: 5\n" in text
    assert text.index("- attack: c2 -> c1") > text.index("- support: e1 -> c1")


def test_other_indentation_styles_are_kept() -> None:
    text = HAND_WRITTEN.replace("\n  - ", "\n- ").replace("\n    ", "\n  ")
    m = argmap.map_from_yaml(text)
    assert argmap.map_to_yaml(m) == text


def test_fresh_output_layout() -> None:
    m = ArgumentMap(
        "toy",
        "Toy",
        nodes=[
            Node("a", "claim", "A.", locator=Locator([2, 3], "a quote"), tags=["x", "y z"]),
            Node("r", "recommendation", "Do it.", actors="United States", weight=1.0),
        ],
        edges=[Edge("support", "a", "r", id="s1"), Edge("attack", "a", "s1")],
        authors=["Ann Author"],
        date="2021-03",
    )
    assert argmap.map_to_yaml(m) == (
        "id: toy\n"
        "title: Toy\n"
        "authors: [Ann Author]\n"
        "date: 2021-03\n"
        "nodes:\n"
        "  - id: a\n"
        "    kind: claim\n"
        "    text: A.\n"
        "    para: [2, 3]\n"
        "    quote: a quote\n"
        "    tags: [x, y z]\n"
        "  - id: r\n"
        "    kind: recommendation\n"
        "    actors: [United States]\n"
        "    text: Do it.\n"
        "    weight: 1\n"
        "edges:\n"
        "  - support: a -> r\n"
        "    id: s1\n"
        "  - attack: a -> s1\n"
    )


def test_flow_lists_quote_what_yaml_would_misread() -> None:
    m = ArgumentMap("t", "T", nodes=[Node("a", "claim", "A.", tags=["?x", "a, b", "#c", "ok"])])
    text = argmap.map_to_yaml(m)
    assert 'tags: ["?x", "a, b", "#c", ok]' in text
    assert argmap.map_from_yaml(text) == m


@pytest.mark.parametrize(
    "value", ["0.50", "1.5e3", "3.18465127853677e+88", "1e-310", "7.203309390688011e-274"]
)
def test_floats_are_written_back_exactly(value: str) -> None:
    text = f"id: t\ntitle: T\nnodes:\n  - {{id: a, kind: claim, text: A., data: {{x: {value}}}}}\n"
    m = argmap.map_from_yaml(text)
    out = argmap.map_to_yaml(m)
    assert argmap.map_from_yaml(out).nodes[0].data["x"] == float(value)
    assert argmap.map_to_yaml(argmap.map_from_yaml(out)) == out


def test_write_and_read_files(tmp_path: Path) -> None:
    m = argmap.read_map(SHOWCASE)
    argmap.write_map(m, tmp_path / "copy.yaml")
    assert (tmp_path / "copy.yaml").read_text(encoding="utf-8") == SHOWCASE.read_text(
        encoding="utf-8"
    )
    assert argmap.read_map(tmp_path / "copy.yaml") == m


# -- reasons: linked premises ------------------------------------------------------------------

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
  - support: a+b  ->  c   # a linked reason, written tightly
    id: r1
    scheme: 'expert opinion'
  - support: d -> c       # a second, convergent reason
  - {support: a + d + u -> c, scheme: sign}
  - attack: u -> r1       # an undercut of the whole linked reason
"""


def test_linked_premises_are_read_into_one_edge() -> None:
    m = argmap.map_from_yaml(LINKED)
    r1, convergent, three, undercut = m.edges
    assert (r1.source, r1.linked, r1.target, r1.premises) == ("a", ("b",), "c", ("a", "b"))
    assert (r1.id, r1.scheme) == ("r1", "expert opinion")
    assert (convergent.premises, convergent.linked, convergent.scheme) == (("d",), (), None)
    assert (three.premises, three.scheme, three.key) == (
        ("a", "d", "u"),
        "sign",
        "support:a+d+u->c",
    )
    assert m.is_undercut(undercut)
    assert m.edge(undercut.target) is r1


def test_linked_premises_save_back_byte_for_byte() -> None:
    assert argmap.map_to_yaml(argmap.map_from_yaml(LINKED)) == LINKED


def test_linked_premises_are_written_joined_by_plus() -> None:
    m = ArgumentMap(
        "toy",
        "Toy",
        nodes=[Node(i, "claim", i.upper() + ".") for i in "abc"],
        edges=[Edge("support", "b", "c", linked=["a"], id="r", scheme="cause to effect")],
    )
    text = argmap.map_to_yaml(m)
    assert text.endswith(
        "edges:\n  - support: b + a -> c\n    id: r\n    scheme: cause to effect\n"
    )
    assert argmap.map_from_yaml(text) == m


def test_editing_a_reason_rewrites_only_its_arrow() -> None:
    m = argmap.map_from_yaml(LINKED)
    three = m.edges[2]
    edited = attrs.evolve(m, edges=[*m.edges[:2], attrs.evolve(three, linked=("u",)), m.edges[3]])
    text = argmap.map_to_yaml(edited)
    assert argmap.map_from_yaml(text) == edited
    assert "support: a+b  ->  c   # a linked reason, written tightly" in text
    assert "support: a + u -> c" in text
    assert "a + d + u" not in text


@pytest.mark.parametrize(
    "path",
    sorted([*MAPS.glob("*.yaml"), *EXAMPLES.glob("toy-corpus/*.yaml")]),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_bundled_file_saves_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == "corpus.yaml":
        saved = argmap.corpus_to_yaml(argmap.read_corpus(path.parent))
    else:
        saved = argmap.map_to_yaml(argmap.read_map(path))
    assert saved == text


def test_role_and_responds_to_round_trip_through_every_format() -> None:
    from argmap.formats.aif import map_from_aif, map_to_aif
    from argmap.formats.graphs import (
        map_from_graphml,
        map_from_node_link,
        map_to_graphml,
        map_to_node_link,
    )
    from argmap.graph import from_networkx, to_networkx

    comments = ArgumentMap(
        "notes",
        "Notes",
        [Node("c", "claim", "C.")],
        role="comments",
        responds_to="toy",
    )
    text = argmap.map_to_yaml(comments)
    assert "role: comments\nresponds_to: toy\n" in text
    assert text.index("title:") < text.index("role:") < text.index("nodes:")
    essay = ArgumentMap("toy", "Toy", [Node("c", "claim", "C.")])
    assert "role" not in argmap.map_to_yaml(essay)  # essay, the default, is not written
    for m in (comments, essay):
        back = [
            argmap.map_from_yaml(argmap.map_to_yaml(m)),
            from_networkx(to_networkx(m)),
            map_from_graphml(map_to_graphml(m)),
            map_from_node_link(map_to_node_link(m)),
            map_from_aif(map_to_aif(m)),
        ]
        for other in back:
            assert (other.role, other.responds_to) == (m.role, m.responds_to)
    assert to_networkx(comments).graph["role"] == "comments"
    assert "role" not in to_networkx(essay).graph
    assert "role" not in map_to_aif(essay)["argmap"]


def test_the_reader_comments_say_what_they_are_and_save_back_unchanged() -> None:
    path = MAPS / "our-national-conversation-2024-comments.yaml"
    m = argmap.read_map(path)
    assert (m.role, m.responds_to) == ("comments", "our-national-conversation-2024")
    assert argmap.map_to_yaml(m) == path.read_text(encoding="utf-8")
    edited = attrs.evolve(m, role="essay", responds_to=None, origin=m.origin)
    rewritten = argmap.map_to_yaml(edited)
    assert "role:" not in rewritten
    assert "responds_to:" not in rewritten
    assert argmap.map_from_yaml(rewritten) == edited


def test_maps_read_from_files_of_one_name_are_not_written_over_each_other(
    tmp_path: Path,
) -> None:
    read = argmap.read_corpus(MAPS)
    copies = [attrs.evolve(m, id=f"{m.id}-copy", responds_to=None) for m in read.maps]
    corpus = attrs.evolve(read, maps=[*read.maps, *copies])
    argmap.write_corpus(corpus, tmp_path / "both")
    back = argmap.read_corpus(tmp_path / "both")
    assert [m.id for m in back.maps] == [m.id for m in corpus.maps]
    assert all(back.essay(m.id).nodes == m.nodes for m in corpus.maps)
    # an essay id that is another map's file name
    clash = Corpus([ArgumentMap("corpus", "C", [Node("r", "recommendation", "Act.")])])
    with pytest.raises(argmap.ArgmapError, match=r"corpus\.yaml"):
        argmap.write_corpus(clash, tmp_path / "clash")
    assert not (tmp_path / "clash").exists()

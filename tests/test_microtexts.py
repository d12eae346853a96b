"""The argumentative microtexts (arggraph XML): every edge present, attacks on attacks reified."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import attrs
import pytest

import argmap
from argmap.formats.microtexts import map_from_arggraph, map_to_arggraph, read_microtext
from tests.helpers import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "microtexts-en"
REAL = sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []

# Our own small arggraph: a claim, a support with a linked premise, an example, a rebuttal
# that is undercut, an undercut of a support, and an undercut of an undercut.
OWN = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="own" topic_id="bridges" stance="pro">
  <edu id="e1">The town should build the bridge.</edu>
  <edu id="e2">The ferry takes an hour.</edu>
  <edu id="e3">and commuters lose that hour twice a day.</edu>
  <edu id="e4">Other towns saved time with bridges.</edu>
  <edu id="e5">A bridge costs too much.</edu>
  <edu id="e6">Its cost is repaid in ten years.</edu>
  <edu id="e7">Commuters could work on the ferry.</edu>
  <edu id="e8">Few of them can.</edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="pro"/>
  <adu id="a5" type="opp"/>
  <adu id="a6" type="pro"/>
  <adu id="a7" type="opp"/>
  <adu id="a8" type="pro"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/>
  <edge id="s2" src="e2" trg="a2" type="seg"/>
  <edge id="s3" src="e3" trg="a3" type="seg"/>
  <edge id="s4" src="e4" trg="a4" type="seg"/>
  <edge id="s5" src="e5" trg="a5" type="seg"/>
  <edge id="s6" src="e6" trg="a6" type="seg"/>
  <edge id="s7" src="e7" trg="a7" type="seg"/>
  <edge id="s8" src="e8" trg="a8" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="c1" type="add"/>
  <edge id="c3" src="a4" trg="a1" type="exa"/>
  <edge id="c4" src="a5" trg="a1" type="reb"/>
  <edge id="c5" src="a6" trg="c4" type="und"/>
  <edge id="c6" src="a7" trg="c1" type="und"/>
  <edge id="c7" src="a8" trg="c6" type="und"/>
</arggraph>
"""


def test_own_arggraph() -> None:
    m = map_from_arggraph(OWN)
    edges = {
        (e.kind.value, e.premises, e.target, e.id, e.data["microtext"]["edge"]) for e in m.edges
    }
    assert edges == {
        ("support", ("a2", "a3"), "a1", "c1", "c1"),  # the add: one linked reason
        ("support", ("a4",), "a1", "c3", "c3"),  # an example supports
        ("support", ("a5",), "c4-objection", None, "c4"),  # the rebuttal, reified: undercut
        ("attack", ("c4-objection",), "a1", None, "c4"),
        ("attack", ("a6",), "c4-objection", None, "c5"),
        ("support", ("a7",), "c6-objection", None, "c6"),  # an undercut of c1, undercut
        ("attack", ("c6-objection",), "c1", None, "c6"),  # hits the whole reason c1
        ("attack", ("a8",), "c6-objection", None, "c7"),
    }
    assert m.edge("c1").data["microtext"] == {"edge": "c1", "type": "sup", "add": ["c2"]}
    assert m.node("a1").text == "The town should build the bridge."
    assert m.node("a5").data["microtext"]["role"] == "opp"
    assert m.data["microtext"] == {"topic_id": "bridges", "stance": "pro"}
    labels = argmap.labelling(m, "grounded")
    # both objections fail, so the claim stands
    assert (labels["a1"], labels["c4-objection"], labels["c6-objection"]) == ("in", "out", "out")


def arguing_edges(xml: str) -> set[tuple[str | None, ...]]:
    root = ElementTree.fromstring(xml)
    return {
        (e.get("id"), e.get("src"), e.get("trg"), e.get("type"))
        for e in root.iter("edge")
        if e.get("type") != "seg"
    }


def test_own_arggraph_round_trips_exactly() -> None:
    m = map_from_arggraph(OWN)
    back = map_to_arggraph(m)
    assert arguing_edges(back) == arguing_edges(OWN)
    assert map_from_arggraph(back) == m


def test_linked_premises_and_undercuts_of_attacks() -> None:
    # an add joining a rebuttal: the attack is reified, its reason linked; an und on the
    # add edge undercuts the whole reason it joins
    xml = """<arggraph id="t">
      <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="opp"/>
      <adu id="a4" type="pro"/><adu id="a5" type="pro"/><adu id="a6" type="opp"/>
      <edge id="c1" src="a2" trg="a1" type="reb"/>
      <edge id="c2" src="a3" trg="c1" type="add"/>
      <edge id="c3" src="a5" trg="a1" type="sup"/>
      <edge id="c4" src="a4" trg="c3" type="add"/>
      <edge id="c5" src="a6" trg="c4" type="und"/>
    </arggraph>"""
    m = map_from_arggraph(xml)
    assert [(e.kind.value, e.premises, e.target) for e in m.edges] == [
        ("attack", ("c1-objection",), "a1"),
        ("support", ("a2", "a3"), "c1-objection"),
        ("support", ("a5", "a4"), "a1"),
        ("attack", ("a6",), "c3"),
    ]
    assert [e.target for e in m.undercuts] == ["c3"]
    # written back, the undercut is on the reason's sup edge (the map has no add edge)
    assert arguing_edges(map_to_arggraph(m)) == arguing_edges(xml) - {("c5", "a6", "c4", "und")} | {
        ("c5", "a6", "c3", "und")
    }
    assert map_from_arggraph(map_to_arggraph(m)) == m


def test_a_native_linked_reason_is_written_with_add_edges() -> None:
    m = argmap.ArgumentMap(
        "toy",
        "Toy",
        [argmap.Node(i, "claim", i.upper() + ".") for i in ("a", "b", "c", "u")],
        [
            argmap.Edge("support", "a", "c", linked=("b",), id="r1"),
            argmap.Edge("attack", "u", "r1"),
        ],
    )
    xml = map_to_arggraph(m)
    assert arguing_edges(xml) == {
        ("c1", "a1", "a3", "sup"),
        ("c2", "a2", "c1", "add"),
        ("c3", "a4", "c1", "und"),
    }
    back = map_from_arggraph(xml)
    text = {n.id: n.text for n in back.nodes}
    ((reason,),) = [back.supports]
    assert ([text[p] for p in reason.premises], text[reason.target]) == (["A.", "B."], "C.")
    assert [(text[e.source], e.target) for e in back.undercuts] == [("U.", reason.id)]


def test_written_back_and_read_again() -> None:
    m = argmap.read_map(ROOT / "maps" / "hudson-cronin-2019.yaml")
    back = map_from_arggraph(map_to_arggraph(m))
    assert sorted(n.text for n in back.nodes) == sorted(n.text for n in m.nodes)
    assert Counter(e.kind for e in back.edges) == Counter(e.kind for e in m.edges)
    assert len(back.undercuts) == len(m.undercuts)


def test_bad_arggraphs_are_library_errors() -> None:
    with pytest.raises(argmap.ArgmapError, match="malformed XML") as caught:
        map_from_arggraph("<arggraph>\n<edu id='e1'>x</adu>\n</arggraph>")
    assert caught.value.line == 2
    with pytest.raises(argmap.ArgmapError, match="not an arggraph document"):
        map_from_arggraph("<graph/>")
    with pytest.raises(argmap.ArgmapError, match=r"edge c1 \(sup\) names an unknown unit"):
        map_from_arggraph(
            '<arggraph><adu id="a1" type="pro"/><edge id="c1" src="a1" trg="a9" type="sup"/></arggraph>'
        )
    with pytest.raises(argmap.ArgmapError, match=r"edge c1 \(add\) must join an edge"):
        map_from_arggraph(
            '<arggraph><adu id="a1" type="pro"/><adu id="a2" type="opp"/>'
            '<edge id="c1" src="a2" trg="a1" type="add"/></arggraph>'
        )
    for kind in ("", 'type="attack"'):  # no type, or one arggraph does not have
        with pytest.raises(argmap.ArgmapError, match="edge c1 has the type"):
            map_from_arggraph(
                '<arggraph><adu id="a1" type="pro"/><adu id="a2" type="opp"/>'
                f'<edge id="c1" src="a2" trg="a1" {kind}/></arggraph>'
            )


@pytest.mark.skipif(not REAL, reason="../shared/corpora/microtexts-en is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_microtext_loads_with_every_edge(path: Path) -> None:
    root = ElementTree.parse(path).getroot()
    arguing = {e.get("id"): e.get("type") for e in root.iter("edge") if e.get("type") != "seg"}
    m = read_microtext(path)
    present = Counter(e.data["microtext"]["edge"] for e in m.edges)
    present.update(a for e in m.edges for a in e.data["microtext"].get("add", []))
    assert set(present) == set(arguing)
    # an add is a linked premise of the reason it joins: each support has all its premises
    adds = Counter(e.get("trg") for e in root.iter("edge") if e.get("type") == "add")
    for e in m.supports:
        assert len(e.premises) == 1 + adds[e.data["microtext"]["edge"]]
    # arggraph -> map -> arggraph -> map: the same arguing edges, the same map (reasons too)
    back = map_to_arggraph(m)
    assert arguing_edges(back) == {
        (e.get("id"), e.get("src"), e.get("trg"), e.get("type"))
        for e in root.iter("edge")
        if e.get("type") != "seg"
    }
    assert map_from_arggraph(back, str(path)) == m
    assert len([n for n in m.nodes if "role" in n.data["microtext"]]) == len(list(root.iter("adu")))
    labels = argmap.labelling(m, "grounded")
    assert set(labels) == {n.id for n in m.nodes}


def elements(xml: str) -> Counter[tuple[str, tuple[tuple[str, str], ...], str]]:
    """An arggraph's units and edges, each with all its attributes (and an EDU its text)."""
    root = ElementTree.fromstring(xml.encode("utf-8"))
    return Counter(
        (el.tag, tuple(sorted(el.attrib.items())), (el.text or "").strip())
        for el in root.iter()
        if el.tag in ("edu", "adu", "edge")
    )


@pytest.mark.skipif(not REAL, reason="../shared/corpora/microtexts-en is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_microtext_is_written_back_as_it_was(path: Path) -> None:
    # every EDU (id and text), ADU (id and role) and edge (id, ends and type: seg, sup, exa,
    # reb, und, add) comes back
    original = path.read_text(encoding="utf-8")
    assert elements(map_to_arggraph(read_microtext(path))) == elements(original)


def test_an_adu_of_several_edus_is_cut_where_it_was_unless_its_text_changed() -> None:
    two = OWN.replace(
        '<edu id="e8">Few of them can.</edu>',
        '<edu id="e8">Few of them can,</edu>\n  <edu id="e9">as the ferry is crowded.</edu>',
    ).replace("</arggraph>", '  <edge id="s9" src="e9" trg="a8" type="seg"/>\n</arggraph>')
    m = map_from_arggraph(two)
    assert m.node("a8").text == "Few of them can, as the ferry is crowded."
    assert [s["edu"] for s in m.node("a8").data["microtext"]["segments"]] == ["e8", "e9"]
    assert elements(map_to_arggraph(m)) == elements(two)
    edited = attrs.evolve(m.node("a8"), text="Few can.")
    m2 = attrs.evolve(m, nodes=[edited if n.id == "a8" else n for n in m.nodes])
    written = elements(map_to_arggraph(m2))
    assert ("edu", (("id", "e8"),), "Few can.") in written
    assert not any(key[1] == (("id", "e9"),) for key in written)

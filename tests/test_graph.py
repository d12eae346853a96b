"""Conversion to and from networkx keeps every field."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Corpus
from argmap.convert import dumps, loads
from tests.helpers import MAPS, SHOWCASE
from tests.strategies import argument_maps, corpora


@given(argument_maps())
def test_map_round_trips_through_networkx(m: ArgumentMap) -> None:
    g = argmap.to_networkx(m)
    assert g.number_of_nodes() == len(m.nodes)
    assert g.number_of_edges() == len(m.edges)
    assert argmap.from_networkx(g) == m


@given(corpora())
def test_corpus_round_trips_through_networkx(c: Corpus) -> None:
    g = argmap.corpus_to_networkx(c)
    assert g.number_of_nodes() == sum(len(m.nodes) for m in c.maps)
    assert g.number_of_edges() == sum(len(m.edges) for m in c.maps) + len(c.relations)
    assert argmap.corpus_from_networkx(g) == c


def test_graph_layout_of_the_showcase() -> None:
    m = argmap.read_map(SHOWCASE)
    g = argmap.to_networkx(m)
    assert g.graph["id"] == "arrington-yeo-2019"
    assert g.nodes["r-denounce"]["kind"] == "recommendation"
    assert g.nodes["r-denounce"]["actors"] == ["United States"]
    assert g.nodes["e-court-ruling"]["para"] == [1, 5]
    # the undercut ends at the conclusion of the support it attacks, and names that support
    undercut = g.get_edge_data("c-cannot-ignore", "c-credibility-bar")
    assert undercut == {
        "attack:c-cannot-ignore->s-credibility": {
            "kind": "attack",
            "para": [14],
            "target_edge": "s-credibility",
            "note": 'The essay\'s "however": it grants the lack of credibility but denies that '
            "it is a reason for Washington to hold back.",
        }
    }
    assert g.get_edge_data("c-no-credibility", "c-credibility-bar") == {
        "s-credibility": {"kind": "support", "id": "s-credibility", "para": [13]}
    }
    assert nx.is_directed(g)
    assert g.is_multigraph()


def test_corpus_graph_uses_global_ids() -> None:
    g = argmap.corpus_to_networkx(argmap.read_corpus(MAPS))
    assert g.nodes["hudson-cronin-2019:c-bulwark"]["essay"] == "hudson-cronin-2019"
    assert "hudson-cronin-2019" in g.graph["essays"]


def test_graphs_without_the_layout_are_rejected() -> None:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph(id="x", title="X")
    g.add_node("a", text="no kind")
    with pytest.raises(argmap.ArgmapError, match="graph node 'a' has no 'kind'"):
        argmap.from_networkx(g)
    with pytest.raises(argmap.ArgmapError, match="no 'title'"):
        argmap.from_networkx(nx.MultiDiGraph(id="x"))
    with pytest.raises(argmap.ArgmapError, match="not made by corpus_to_networkx"):
        argmap.corpus_from_networkx(g)


LINKED = argmap.map_from_yaml(
    """\
id: toy
title: Toy
nodes:
  - {id: a, kind: evidence, text: A.}
  - {id: b, kind: evidence, text: B.}
  - {id: c, kind: claim, text: C.}
  - {id: u, kind: claim, text: U.}
edges:
  - {id: r1, support: a + b -> c, scheme: expert opinion}
  - support: u -> c
  - attack: u -> r1
"""
)


def test_a_linked_reason_is_one_edge_from_its_first_premise() -> None:
    g = argmap.to_networkx(LINKED)
    assert g.get_edge_data("a", "c") == {
        "r1": {"kind": "support", "id": "r1", "linked": ["b"], "scheme": "expert opinion"}
    }
    assert g.get_edge_data("b", "c") is None  # the further premise is an attribute
    assert g.get_edge_data("u", "c") == {
        "support:u->c": {"kind": "support"},
        "attack:u->r1": {"kind": "attack", "target_edge": "r1"},
    }
    assert argmap.from_networkx(g) == LINKED


def test_corpus_graph_names_linked_premises_globally() -> None:
    c = Corpus([LINKED])
    g = argmap.corpus_to_networkx(c)
    assert g.get_edge_data("toy:a", "toy:c")["toy:r1"]["linked"] == ["toy:b"]
    assert argmap.corpus_from_networkx(g) == c


@pytest.mark.parametrize("fmt", ["graphml", "node-link"])
def test_graph_files_keep_linked_premises_and_schemes(fmt: str) -> None:
    text = dumps(LINKED, fmt)
    assert "expert opinion" in text
    back = loads(text, fmt)
    assert back == LINKED
    assert back.edge("r1").premises == ("a", "b")


@given(argument_maps(max_nodes=6))
def test_maps_round_trip_through_graphml_and_node_link(m: ArgumentMap) -> None:
    for fmt in ("graphml", "node-link"):
        assert loads(dumps(m, fmt), fmt) == m, fmt

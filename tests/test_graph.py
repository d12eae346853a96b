"""Conversion to and from networkx keeps every field."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Corpus
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
    assert g.graph["id"] == "hudson-cronin-2019"
    assert g.nodes["r-burden-sharing"]["kind"] == "recommendation"
    assert g.nodes["r-burden-sharing"]["actors"] == ["United States"]
    assert g.nodes["e-dokdo"]["para"] == [12]
    # the undercut ends at the conclusion of the support it attacks, and names that support
    undercut = g.get_edge_data("c-sincerity-doubts", "c-history-addressed")
    assert undercut == {
        "attack:c-sincerity-doubts->s-apologies": {
            "kind": "attack",
            "para": [11],
            "target_edge": "s-apologies",
        }
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

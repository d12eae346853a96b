"""The data model: invariants checked on construction, lookups, references."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from argmap import (
    ArgmapError,
    ArgumentMap,
    Corpus,
    Edge,
    EdgeKind,
    Equivalence,
    Locator,
    Node,
    NodeKind,
    NodeRef,
    Relation,
)
from argmap.model import Origin


def toy() -> ArgumentMap:
    return ArgumentMap(
        "toy",
        "Toy",
        nodes=[
            Node("e", "evidence", "E."),
            Node("c", "claim", "C."),
            Node("r", "recommendation", "R.", actors=["US"]),
        ],
        edges=[
            Edge("support", "e", "c", id="s1"),
            Edge("support", "c", "r"),
            Edge("attack", "r", "s1"),
        ],
    )


def test_lookups_and_kinds() -> None:
    m = toy()
    assert [n.id for n in m.claims] == ["c"]
    assert [n.id for n in m.evidence] == ["e"]
    assert [n.id for n in m.recommendations] == ["r"]
    assert m.node("r").actors == ("US",)
    assert m.edge("s1").target == "c"
    assert m.edge("support:c->r").source == "c"
    assert "c" in m
    assert "s1" not in m
    assert "zz" not in m
    assert [e.key for e in m.undercuts] == ["attack:r->s1"]
    assert m.is_undercut(m.edges[2])
    assert not m.is_undercut(m.edges[0])
    assert len(m.supports) == 2
    assert len(m.attacks) == 1
    assert [e.key for e in m.edges_from("c")] == ["support:c->r"]
    assert [e.key for e in m.edges_to("s1")] == ["attack:r->s1"]
    assert m.nodes[0].kind is NodeKind.EVIDENCE
    assert m.edges[0].kind is EdgeKind.SUPPORT


def test_a_linked_reason_leaves_every_premise() -> None:
    m = ArgumentMap(
        "toy",
        "Toy",
        nodes=[Node(i, "claim", f"{i}.") for i in "abcd"],
        edges=[
            Edge("support", "a", "c", linked=["b"], id="r", scheme="sign"),
            Edge("support", "b", "d"),
            Edge("attack", "d", "r"),
        ],
    )
    assert [e.key for e in m.edges_from("a")] == ["r"]
    assert [e.key for e in m.edges_from("b")] == ["r", "support:b->d"]
    assert [e.key for e in m.edges_from("c")] == []
    assert [e.key for e in m.edges_to("r")] == ["attack:d->r"]
    assert m.edge("r").premises == ("a", "b")
    assert m.is_undercut(m.edges[2])
    unnamed = Edge("support", "b", "c", linked=["a"])
    assert (unnamed.key, unnamed.premises) == ("support:b+a->c", ("b", "a"))


def test_unknown_lookups_raise_the_library_error() -> None:
    m = toy()
    with pytest.raises(ArgmapError, match="no node 'zz'"):
        m.node("zz")
    with pytest.raises(ArgmapError, match="no edge 'c'"):
        m.edge("c")


def test_equality_ignores_origin_and_is_hashable() -> None:
    a, b = toy(), attrs.evolve(toy(), origin=Origin("somewhere"))
    assert a == b
    assert hash(a) == hash(b)
    assert attrs.evolve(a, title="Other") != a


@pytest.mark.parametrize(
    ("build", "codes"),
    [
        (lambda: Node("bad id", "claim", "T."), ["invalid-id"]),
        (lambda: Node("a", "claim", "  "), ["invalid-value"]),
        (lambda: Node("a", "claim", "T.", weight=1.01), ["weight-range"]),
        (lambda: Node("a", "claim", "T.", actors=["US"]), ["actors-not-recommendation"]),
        (lambda: Locator([0]), ["invalid-value"]),
        (lambda: Locator([]), ["invalid-value"]),
        (lambda: Edge("support", "a", "a"), ["self-support"]),
        (lambda: Edge("attack", "a", "b c"), ["invalid-id"]),
        (lambda: NodeRef("a:b", "c"), ["invalid-id"]),
        (lambda: NodeRef("a", "b:c:d"), ["invalid-id"]),
        (
            lambda: attrs.evolve(toy(), nodes=[*toy().nodes, Node("c", "claim", "Again.")]),
            ["duplicate-id"],
        ),
        (
            lambda: attrs.evolve(
                toy(), edges=[Edge("attack", "c", "zz"), Edge("support", "zz", "c")]
            ),
            ["unknown-node", "unknown-node"],
        ),
        (
            lambda: attrs.evolve(toy(), edges=[*toy().edges, Edge("attack", "e", "attack:r->s1")]),
            ["invalid-id"],
        ),
        (
            lambda: attrs.evolve(
                toy(), edges=[Edge("attack", "e", "c", id="a1"), Edge("attack", "r", "a1")]
            ),
            ["undercut-target"],
        ),
        (
            lambda: attrs.evolve(
                toy(), edges=[Edge("support", "e", "c", id="s"), Edge("support", "r", "s")]
            ),
            ["support-target"],
        ),
        (
            lambda: attrs.evolve(
                toy(), edges=[Edge("support", "e", "c", id="s"), Edge("attack", "s", "c")]
            ),
            ["edge-source"],
        ),
        (
            lambda: attrs.evolve(toy(), edges=[Edge("attack", "e", "c"), Edge("attack", "e", "c")]),
            ["duplicate-edge"],
        ),
        (lambda: attrs.evolve(toy(), date="2019-13"), ["invalid-value"]),
        (lambda: attrs.evolve(toy(), id="a:b"), ["invalid-id"]),
    ],
)
def test_invalid_objects_raise_with_every_problem(build: object, codes: list[str]) -> None:
    with pytest.raises(ArgmapError) as caught:
        build()  # type: ignore[operator]
    assert [p.code for p in caught.value.problems] == codes
    assert all(p.pointer for p in caught.value.problems)


def test_an_unknown_kind_is_the_librarys_error_naming_the_kinds() -> None:
    with pytest.raises(ArgmapError, match="unknown node kind 'clam': one of claim, evidence"):
        Node("a", "clam", "T.")
    with pytest.raises(ArgmapError, match="unknown edge kind 'rebut': one of support, attack"):
        Edge("rebut", "a", "b")


def test_node_ref_parsing() -> None:
    assert NodeRef.parse(" e:n ") == NodeRef("e", "n")
    assert str(NodeRef("e", "n")) == "e:n"
    # The essay id ends at the first colon: node ids of merged maps are themselves essay:node.
    assert NodeRef.parse("corpus:e:n") == NodeRef("corpus", "e:n")
    for bad in ["e", "e:n:x:y", ":n", "e:", "e n:x", "e::n"]:
        with pytest.raises(ArgmapError):
            NodeRef.parse(bad)


def corpus_maps() -> list[ArgumentMap]:
    return [attrs.evolve(toy(), id="one"), attrs.evolve(toy(), id="two")]


def test_corpus_lookups() -> None:
    c = Corpus(
        corpus_maps(),
        [Equivalence(["one:c", "two:c"])],
        [Relation("contradiction", "one:r", "two:c")],
    )
    assert c.essay_ids == ("one", "two")
    assert c.node("two:r").kind is NodeKind.RECOMMENDATION
    assert c.relations[0].key == "contradiction:one:r<->two:c"
    assert len(list(c.nodes())) == 6
    with pytest.raises(ArgmapError, match="no essay 'three'"):
        c.essay("three")


@pytest.mark.parametrize(
    ("groups", "relations", "codes"),
    [
        ([Equivalence(["one:c", "three:c"])], [], ["unknown-essay"]),
        ([Equivalence(["one:c", "two:zz"])], [], ["unknown-node"]),
        ([Equivalence(["one:c"])], [], ["equivalence-size"]),
        ([Equivalence(["one:c", "one:e"])], [], ["equivalence-same-essay"]),
        (
            [Equivalence(["one:c", "two:c"]), Equivalence(["one:c", "two:e"])],
            [],
            ["equivalence-overlap"],
        ),
        ([], [Relation("attack", "one:c", "one:r")], ["relation-same-essay"]),
        (
            [Equivalence(["one:c", "two:c"])],
            [Relation("attack", "one:c", "two:c")],
            ["relation-equivalent"],
        ),
        (
            [],
            [
                Relation("contradiction", "one:c", "two:r"),
                Relation("contradiction", "two:r", "one:c"),
            ],
            ["duplicate-edge"],
        ),
        (
            [Equivalence(["one:c", "two:c"], id="x")],
            [Relation("attack", "one:r", "two:c", id="x")],
            ["duplicate-id"],
        ),
    ],
)
def test_invalid_corpora(
    groups: list[Equivalence], relations: list[Relation], codes: list[str]
) -> None:
    with pytest.raises(ArgmapError) as caught:
        Corpus(corpus_maps(), groups, relations)
    assert [p.code for p in caught.value.problems] == codes


def test_corpus_maps_are_ordered_by_essay_id() -> None:
    one, two = corpus_maps()
    assert Corpus([two, one]) == Corpus([one, two])
    assert Corpus([two, one]).essay_ids == ("one", "two")


def test_duplicate_essays_in_a_corpus() -> None:
    with pytest.raises(ArgmapError, match="two maps have the essay id 'toy'"):
        Corpus([toy(), toy()])


@pytest.mark.parametrize(
    "change",
    [
        {"title": "T\x0b"},
        {"summary": "S\x01"},
        {"authors": ["A\x7f"]},
        {"data": {"k": ["\x0c"]}},
        {"data": {"k\x01": 1}},
        {"nodes": [Node("a", "claim", "A.", data={"k": {"j": "\x7f"}})]},
    ],
)
def test_a_control_character_anywhere_in_a_map_is_refused(change: dict[str, object]) -> None:
    """The one-search shortcut for maps without control characters misses none."""
    fields: dict[str, Any] = {"id": "m", "title": "T", "nodes": [Node("a", "claim", "A.")]}
    with pytest.raises(ArgmapError, match="control character"):
        ArgumentMap(**{**fields, **change})
    assert ArgumentMap(**fields).title == "T"

"""Cross-essay analysis: conflicts, consistency, consensus and merging, on toy corpora
with known answers and as properties of generated corpora."""

from __future__ import annotations

from itertools import combinations

import attrs
import pytest
from hypothesis import given, settings

import argmap
from argmap import ArgumentMap, Corpus, Edge, Equivalence, Node, NodeRef
from argmap.analysis.conflicts import conflicts_of
from argmap.analysis.consistency import consistency_of
from argmap.analysis.merge import merge
from tests.helpers import ROOT
from tests.strategies import corpora

TOY = ROOT / "examples" / "toy-corpus"


@pytest.fixture(scope="module")
def toy() -> Corpus:
    return argmap.read_corpus(TOY)


def test_toy_conflicts(toy: Corpus) -> None:
    # defeasible (the default): the conflicts are the attacks between what essays accept;
    # what rests on an attacked node falls with it in the merged framework
    found = {
        (c.attacker, c.target, c.pairs, c.attack.kind, c.resolution) for c in argmap.conflicts(toy)
    }
    assert found == {
        ("broker:c-thin", "hawk:c-threat", (("broker", "hawk"),), "direct", "attacker wins"),
        ("dove:r-pause", "hawk:r-drills", (("dove", "hawk"),), "direct", "attacker wins"),
        ("hawk:r-drills", "dove:r-pause", (("hawk", "dove"),), "direct", "target wins"),
    }
    reading = argmap.reading(toy)
    assert reading.status("hawk:r-drills") == "rejected"  # it rests on c-threat alone
    assert reading.status("eq-talks") == "skeptical"  # the broker's reason still stands
    # necessary support derives the attacks on what rests on c-threat
    derived = {
        (c.attacker, c.target, c.attack.kind)
        for c in argmap.conflicts(toy, support="necessary")
        if c.attack.kind != "direct"
    }
    assert derived == {
        ("broker:c-thin", "hawk:r-drills", "secondary"),
        ("broker:c-thin", "eq-talks", "secondary"),
    }
    (first,) = [
        c
        for c in argmap.conflicts(toy)
        if c.attacker == "broker:c-thin" and c.attack.kind == "direct"
    ]
    assert first.stated_by == ("corpus",)
    assert first.notes == ("The broker doubts the evidence the hawk's threat claim rests on.",)


def test_toy_consensus_rules(toy: Corpus) -> None:
    def chosen(rule: str, quorum: int | None = None) -> list[str]:
        return [i.node for i in argmap.consensus(toy, rule, quorum=quorum).selected]

    assert chosen("unanimity") == []
    assert chosen("majority") == ["eq-talks"]
    assert chosen("quorum", 1) == ["eq-talks", "dove:r-pause", "hawk:r-drills"]
    assert chosen("quorum", 2) == ["eq-talks"]
    assert sorted(chosen("skeptical")) == ["dove:r-pause", "eq-talks"]
    talks = argmap.consensus(toy).items[0]
    assert talks.endorsers == ("broker", "hawk")
    assert talks.opposers == ()  # the broker rejects the hawk's reason, not the talks
    assert talks.status == "skeptical"
    assert "eq-talks is IN" in talks.explanation.summary
    drills = next(i for i in argmap.consensus(toy).items if i.node == "hawk:r-drills")
    assert drills.opposers == ("broker", "dove")
    assert drills.status == "rejected"
    with pytest.raises(argmap.ArgmapError, match="unknown consensus rule 'plurality'"):
        argmap.consensus(toy, "plurality")
    with pytest.raises(argmap.ArgmapError, match="quorum of at least 1"):
        argmap.consensus(toy, "quorum")


def test_toy_consistency(toy: Corpus) -> None:
    result = argmap.consistency(toy)
    assert result.maximal == (frozenset({"broker", "dove"}), frozenset({"hawk"}))
    assert set(result.clashes) == {("broker", "hawk"), ("dove", "hawk")}
    assert result.is_consistent(["broker", "dove"])
    assert not result.is_consistent(["dove", "hawk"])


def test_under_necessary_support_one_essays_reasons_suffice(toy: Corpus) -> None:
    # the hawk's reason for talks falls, the broker's stands: the talks stand
    reading = argmap.reading(toy, "grounded", "necessary")
    assert reading.status("eq-talks") == "skeptical"
    assert reading.status("hawk:r-drills") == "rejected"
    # necessities are over sets (a node needs one of its reasons), so even the naive merge
    # keeps the talks; so does the defeasible reading, where reasons are convergent
    for support in ("necessary", "defeasible"):
        naive = argmap.labelling(merge(toy).map, "grounded", support=support)
        assert naive["eq-talks"] == "in", support


def shared(n_essays: int, attacking: int) -> Corpus:
    """Essays that all contain a and b; the first ``attacking`` say a attacks b."""
    maps = []
    for i in range(n_essays):
        nodes = [Node("a", "claim", "A."), Node("b", "recommendation", "B.", actors=["X"])]
        edges = [Edge("attack", "a", "b")] if i < attacking else []
        maps.append(ArgumentMap(f"e{i}", f"E{i}", nodes, edges))
    groups = [
        Equivalence([NodeRef(f"e{i}", x) for i in range(n_essays)], id=f"g-{x}") for x in "ab"
    ]
    return Corpus(maps, groups)


def test_fusion_operators() -> None:
    two_of_three = shared(3, 2)
    fused = argmap.fuse(two_of_three, "sum", semantics="grounded")
    assert fused.disputed == (("g-a", "g-b"),)
    assert [af.attacks for af in fused.frameworks] == [frozenset({("g-a", "g-b")})]
    assert fused.distances == ((0, 0, 1),)
    assert fused.skeptical == {"g-a"}
    # max ties: keeping the attack is 1 away from e2, dropping it 1 away from e0 and e1
    assert len(argmap.fuse(two_of_three, "max", semantics="grounded").frameworks) == 2
    leximax = argmap.fuse(two_of_three, "leximax", semantics="grounded")
    assert leximax.distances == ((0, 0, 1),)
    tie = argmap.fuse(shared(2, 1), "sum", semantics="grounded")
    assert len(tie.frameworks) == 2
    assert tie.skeptical == {"g-a"}
    assert tie.credulous == {"g-a", "g-b"}
    with pytest.raises(argmap.ArgmapError, match="unknown fusion operator 'min'"):
        argmap.fuse(two_of_three, "min")


def test_fusion_under_defeasible_support_merges_argument_trees() -> None:
    # r from evidence e; an objection k (from a cost c) attacks r; an undercut answers it
    def essay(name: str, *, objects: bool, answers: bool) -> ArgumentMap:
        nodes = [
            Node("e", "evidence", "E."),
            Node("r", "recommendation", "Do R.", actors=["X"]),
            Node("c", "claim", "A cost."),
            Node("k", "claim", "So do not do R."),
        ]
        edges = [Edge("support", "e", "r"), Edge("support", "c", "k", id="s")]
        edges += [Edge("attack", "k", "r")] if objects else []
        if answers:
            nodes.append(Node("u", "claim", "The cost does not tell against R."))
            edges.append(Edge("attack", "u", "s"))
        return ArgumentMap(name, name.upper(), nodes, edges)

    alone = Corpus([essay("a", objects=True, answers=True)], [])
    # the stated attacks alone would lose the answer, which hits a reason, not a node
    assert argmap.fuse(alone, semantics="grounded").status("a:r") == "skeptical"
    assert argmap.fuse(alone, semantics="grounded", support="none").status("a:r") == "rejected"
    groups = [Equivalence([NodeRef("a", x), NodeRef("b", x)], id=f"g-{x}") for x in "erck"]
    objection, plan = "g-k ⇐ g-c -> g-k", "g-r ⇐ g-e -> g-r"
    # the essays share the trees; a's answer defeats the objection b states unanswered
    agreed = argmap.fuse(
        Corpus(
            [essay("a", objects=True, answers=True), essay("b", objects=True, answers=False)],
            groups,
        ),
        semantics="grounded",
    )
    assert (agreed.disputed, agreed.status("g-r")) == ((), "skeptical")
    assert agreed.conclusions[objection] == "g-k"
    # b states the objection without the attack: the attack is disputed, a tie under sum
    tie = argmap.fuse(
        Corpus(
            [essay("a", objects=True, answers=False), essay("b", objects=False, answers=False)],
            groups,
        ),
        semantics="grounded",
    )
    assert tie.disputed == ((objection, plan),)
    assert len(tie.frameworks) == 2
    assert tie.status("g-r") == "credulous"

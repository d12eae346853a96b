"""Cross-essay analysis: conflicts, consistency, consensus and merging, on toy corpora
with known answers and as properties of generated corpora."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Corpus, Edge, Equivalence, Node, NodeRef
from argmap.analysis.conflicts import conflicts_of
from argmap.analysis.consistency import consistency_of, maximal_independent_sets
from argmap.analysis.merge import merge
from tests.helpers import ROOT
from tests.strategies import corpora

TOY = ROOT / "examples" / "toy-corpus"


@pytest.fixture(scope="module")
def toy() -> Corpus:
    return argmap.read_corpus(TOY)


def test_a_contradiction_is_one_conflict_and_both_sides_oppose(toy: Corpus) -> None:
    """Both directions of a contradiction are one disagreement; consensus sees both sides."""
    reading = argmap.reading(toy)
    both = [
        c
        for c in argmap.conflicts(reading)
        if {c.attacker, c.target} == {"dove:r-pause", "hawk:r-drills"}
    ]
    assert len(both) == 1
    assert both[0].mutual
    assert both[0].to_dict()["mutual"] is True
    consensus = argmap.consensus(reading)
    opposers = {i.node: set(i.opposers) for i in consensus.items}
    assert "dove" in opposers["hawk:r-drills"]
    assert "hawk" in opposers["dove:r-pause"]


def test_toy_conflicts(toy: Corpus) -> None:
    # defeasible (the default): the conflicts are the attacks between what essays accept;
    # what rests on an attacked node falls with it in the merged framework
    # (the dove's and the hawk's recommendations contradict each other: one conflict, mutual)
    found = {
        (c.attacker, c.target, c.pairs, c.attack.kind, c.resolution, c.mutual)
        for c in argmap.conflicts(toy)
    }
    assert found == {
        ("broker:c-thin", "hawk:c-threat", (("broker", "hawk"),), "direct", "attacker wins", False),
        ("dove:r-pause", "hawk:r-drills", (("dove", "hawk"),), "direct", "attacker wins", True),
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
    assert "eq-talks is accepted" in talks.explanation.summary
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


def test_internal_tension_of_the_real_corpus(needs_seeds: object) -> None:
    # Arrington and Yeo answer their own objection to denouncing trade coercion (para 14's
    # "however" undercuts it); ignoring undercuts, the objection stands against r-denounce
    corpus = argmap.read_corpus(ROOT / "maps")
    assert argmap.tensions(corpus) == []
    (tension,) = argmap.tensions(corpus, support="none")
    assert tension.essay == "arrington-yeo-2019"
    assert tension.recommendations == ("r-denounce",)
    assert "c-credibility-bar" in tension.attackers["r-denounce"]


# -- properties -------------------------------------------------------------------------


@settings(max_examples=40)
@given(corpora(max_essays=3))
def test_rules_nest(corpus: Corpus) -> None:
    def chosen(rule: str, quorum: int | None = None) -> set[str]:
        return {i.node for i in argmap.consensus(corpus, rule, quorum=quorum).selected}

    assert chosen("unanimity") <= chosen("majority") <= chosen("quorum", 1)


def without_last_essay(corpus: Corpus) -> Corpus:
    last = corpus.maps[-1].id
    groups = []
    for g in corpus.equivalences:
        kept = [m for m in g.members if m.essay != last]
        if len(kept) >= 2:
            groups.append(attrs.evolve(g, members=kept))
    relations = [r for r in corpus.relations if last not in (r.source.essay, r.target.essay)]
    return Corpus(corpus.maps[:-1], groups, relations)


def unanimous_refs(corpus: Corpus) -> set[NodeRef]:
    """The recommendations in unanimous groups (a group counts as one if any member is)."""
    return {
        m
        for i in argmap.consensus(corpus, "unanimity").selected
        for m in i.members
        if corpus.node(m).kind == "recommendation"
    }


@settings(max_examples=40)
@given(corpora(max_essays=3))
def test_adding_an_essay_never_grows_the_unanimous_set(corpus: Corpus) -> None:
    if len(corpus.maps) < 2:
        return
    smaller = without_last_essay(corpus)
    last = corpus.maps[-1].id
    assert {r for r in unanimous_refs(corpus) if r.essay != last} <= unanimous_refs(smaller)


@settings(max_examples=40)
@given(corpora(max_essays=1))
def test_a_corpus_of_one_essay_has_no_conflicts(corpus: Corpus) -> None:
    assert argmap.conflicts(corpus) == []
    assert argmap.consistency(corpus).maximal == (frozenset(corpus.essay_ids),) or (
        argmap.consistency(corpus).self_inconsistent
    )


@settings(max_examples=40)
@given(corpora(max_essays=3))
def test_merging_does_not_depend_on_the_order_of_maps(corpus: Corpus) -> None:
    reordered = Corpus(
        list(reversed(corpus.maps)), list(corpus.equivalences), list(reversed(corpus.relations))
    )
    one, two = merge(corpus), merge(reordered)
    assert {n.id: n for n in one.map.nodes} == {n.id: n for n in two.map.nodes}
    assert {e.key for e in one.map.edges} == {e.key for e in two.map.edges}
    assert one.edge_sources == two.edge_sources
    assert one.members.keys() == two.members.keys()


@settings(max_examples=40)
@given(corpora(max_essays=3))
def test_conflicts_join_accepted_nodes_and_consistency_is_exact(corpus: Corpus) -> None:
    reading = argmap.reading(corpus)
    conflicts = conflicts_of(reading)
    for c in conflicts:
        for a, b in c.pairs:
            assert c.attacker in reading.accepted[a]
            assert c.target in reading.accepted[b]
    result = consistency_of(corpus.essay_ids, conflicts)
    essays = corpus.essay_ids
    consistent = [
        set(s)
        for k in range(len(essays) + 1)
        for s in combinations(essays, k)
        if result.is_consistent(s)
    ]
    maximal = [s for s in consistent if not any(s < t for t in consistent)]
    assert sorted(map(sorted, maximal)) == sorted(map(sorted, result.maximal))


def test_dotted_ids_no_longer_collide_and_printed_names_resolve() -> None:
    # essays "a.b" and "a" with nodes "c" and "b.c": once both were merged as "a.b.c".
    corpus = argmap.Corpus(
        [
            argmap.ArgumentMap("a.b", "AB", [argmap.Node("c", "claim", "One.")]),
            argmap.ArgumentMap("a", "A", [argmap.Node("b.c", "recommendation", "Act.")]),
        ],
        relations=[argmap.Relation("attack", "a.b:c", "a:b.c")],
    )
    (conflict,) = argmap.conflicts(corpus)
    assert (conflict.attacker, conflict.target) == ("a.b:c", "a:b.c")
    assert corpus.node(conflict.attacker).text == "One."
    assert corpus.node(conflict.target).text == "Act."
    assert argmap.merge(corpus).merged_id(conflict.target) == "a:b.c"
    assert repr(argmap.NodeRef.parse(conflict.attacker)) == "NodeRef.parse('a.b:c')"


# -- merging reasons: linked premises ---------------------------------------------------------


def _essay(essay: str, ids: str, edges: list[Edge]) -> ArgumentMap:
    return ArgumentMap(essay, essay.upper(), [Node(i, "claim", f"{i}.") for i in ids], edges)


def test_merged_linked_reasons_keep_their_premises_renamed() -> None:
    x = _essay(
        "x",
        "abcu",
        [
            Edge("support", "a", "c", linked=["b"], id="r", scheme="sign"),
            Edge("attack", "u", "r"),
        ],
    )
    y = _essay("y", "pqs", [Edge("support", "q", "s", linked=["p"])])
    corpus = Corpus(
        [x, y],
        [Equivalence(["x:a", "y:p"], id="ga"), Equivalence(["x:b", "y:q"], id="gb")],
    )
    merged = merge(corpus)
    reasons = list(merged.map.supports)
    assert [(e.premises, e.target, e.key) for e in reasons] == [
        (("ga", "gb"), "x:c", "x:r"),
        (("gb", "ga"), "y:s", "support:gb+ga->y:s"),
    ]
    assert reasons[0].scheme == "sign"
    assert merged.edge_sources["x:r"] == {"x"}
    (undercut,) = merged.map.undercuts
    assert (undercut.source, undercut.target) == ("x:u", "x:r")
    assert merged.dropped == ()


def test_the_same_linked_reason_from_two_essays_is_one_edge() -> None:
    x = _essay("x", "abc", [Edge("support", "a", "c", linked=["b"])])
    y = _essay("y", "pqs", [Edge("support", "q", "s", linked=["p"], id="named")])
    groups = [
        Equivalence(["x:a", "y:p"], id="ga"),
        Equivalence(["x:b", "y:q"], id="gb"),
        Equivalence(["x:c", "y:s"], id="gc"),
    ]
    merged = merge(Corpus([x, y], groups))
    (reason,) = merged.map.supports
    assert (set(reason.premises), reason.target, reason.key) == ({"ga", "gb"}, "gc", "y:named")
    assert merged.edge_sources[reason.key] == {"x", "y"}


def test_merged_premises_in_one_group_count_once_and_a_circular_reason_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    x = _essay(
        "x",
        "abcdu",
        [
            Edge("support", "a", "c", linked=["b"]),
            Edge("support", "a", "d", linked=["b"], id="r"),
            Edge("attack", "u", "r"),
        ],
    )
    z = _essay("z", "e", [])
    same_essay = [Equivalence(["x:a", "x:b", "z:e"], id="g")]
    with pytest.raises(argmap.ArgmapError, match="equivalence-same-essay"):
        Corpus([x, z], same_essay)
    # The corpus rules keep two nodes of one essay out of one group, so this cannot happen
    # in a valid corpus; merge stays safe if it does.
    monkeypatch.setattr(argmap.model.invariants, "corpus_findings", lambda c: [])
    merged = merge(Corpus([x, z], same_essay))
    assert [(e.premises, e.target) for e in merged.map.supports] == [
        (("g",), "x:c"),
        (("g",), "x:d"),
    ]
    merged = merge(Corpus([x, z], [Equivalence(["x:b", "x:d", "z:e"], id="g")]))
    assert merged.dropped == (
        "x: r (a premise and the conclusion in the group 'g')",
        "x: attack:u->r (it undercuts a dropped support)",
    )
    assert [(e.premises, e.target) for e in merged.map.supports] == [(("x:a", "g"), "x:c")]


def test_a_restricted_view_keeps_a_linked_reason_only_with_all_its_premises() -> None:
    x = _essay("x", "abc", [Edge("support", "a", "c", linked=["b"])])
    y = _essay("y", "p", [])
    merged = merge(Corpus([x, y], [Equivalence(["x:b", "y:p"], id="g")]))
    assert [e.premises for e in merged.restricted(["x"]).supports] == [("x:a", "g")]
    assert merged.restricted(["y"]).supports == ()


@settings(max_examples=40)
@given(corpora(max_essays=3))
def test_every_support_is_merged_with_all_its_premises_or_dropped(corpus: Corpus) -> None:
    merged = merge(corpus)
    reasons = {(frozenset(e.premises), e.target) for e in merged.map.supports}
    for m in corpus.maps:
        for edge in m.supports:
            premises = frozenset(merged.node_of[NodeRef(m.id, p)] for p in edge.premises)
            target = merged.node_of[NodeRef(m.id, edge.target)]
            if target in premises:
                assert any(d.startswith(f"{m.id}: {edge.key} (") for d in merged.dropped)
            else:
                assert (premises, target) in reasons
    for undercut in merged.map.undercuts:
        assert merged.map.edge(undercut.target).kind == "support"


def test_alternative_reasons_copy_a_linked_reason_whole() -> None:
    from argmap.analysis.merge import alternative_reasons

    x = _essay(
        "x", "abcu", [Edge("support", "a", "c", linked=["b"], id="r"), Edge("attack", "u", "r")]
    )
    y = _essay("y", "s", [])
    merged = merge(Corpus([x, y], [Equivalence(["x:c", "y:s"], id="g")]))
    m = alternative_reasons(merged)
    (copy,) = m.supports
    assert (copy.premises, copy.target, copy.key) == (("x:a", "x:b"), "g.x", "x:r.x")
    assert [(u.source, u.target) for u in m.undercuts] == [("x:u", "x:r.x")]


def commented() -> Corpus:
    """Two essays that recommend acting, and reader comments on the first one.

    The comments agree on acting, recommend something of their own, and attack the second
    essay's advice to wait.
    """
    rec = "recommendation"
    return Corpus(
        [
            ArgumentMap("a", "A", [Node("r", rec, "Act.")]),
            ArgumentMap("b", "B", [Node("r", rec, "Act now."), Node("x", rec, "Wait first.")]),
            ArgumentMap(
                "c",
                "Comments on A",
                [
                    Node("r", rec, "Yes, act."),
                    Node("k", rec, "Keep readers informed."),
                    Node("n", "claim", "Waiting is costly."),
                ],
                role="comments",
                responds_to="a",
            ),
        ],
        equivalences=[Equivalence(["a:r", "b:r", "c:r"], id="eq-act")],
        relations=[argmap.Relation("attack", "c:n", "b:x")],
    )


def test_consensus_counts_essays_and_leaves_comments_out_unless_asked() -> None:
    corpus = commented()
    result = argmap.consensus(corpus, "unanimity")
    assert (result.essays, result.counted, result.left_out) == (2, ("a", "b"), ("c",))
    items = {i.node: i for i in result.items}
    assert [i.node for i in result.selected] == ["eq-act"]
    assert items["eq-act"].endorsers == ("a", "b")
    assert items["eq-act"].uncounted_endorsers == ("c",)
    # what only the comments recommend still appears, marked, and counts for nothing
    kept = items["c:k"]
    assert (kept.endorsers, kept.uncounted_endorsers, kept.only_uncounted) == ((), ("c",), True)
    assert not items["eq-act"].only_uncounted
    assert "c:k" not in [i.node for i in argmap.consensus(corpus, "quorum", quorum=1).selected]
    # the comments' attack on the second essay's advice does not make an opposer
    assert (items["b:x"].opposers, items["b:x"].uncounted_opposers) == ((), ("c",))
    data = result.to_dict()
    assert (data["essays"], data["left_out"], data["roles"]) == (2, ["c"], ["essay"])

    both = argmap.consensus(corpus, "quorum", quorum=1, roles=("essay", "comments"))
    items = {i.node: i for i in both.items}
    assert (both.essays, both.left_out) == (3, ())
    assert items["eq-act"].endorsers == ("a", "b", "c")
    assert items["c:k"].endorsers == ("c",)
    assert not items["c:k"].only_uncounted
    assert "c:k" in [i.node for i in both.selected]
    assert items["b:x"].opposers == ("c",)
    # the comments agree on acting: still unanimous among the three maps counted
    assert [
        i.node for i in argmap.consensus(corpus, "unanimity", roles=["essay", "comments"]).selected
    ] == ["eq-act"]
    with pytest.raises(argmap.ArgmapError, match="did you mean 'comments'"):
        argmap.consensus(corpus, roles=["coments"])


def test_consistency_considers_essays_unless_comments_are_asked_for() -> None:
    corpus = commented()
    default = argmap.consistency(corpus)
    assert (default.essays, default.left_out) == (("a", "b"), ("c",))
    assert default.maximal == (frozenset({"a", "b"}),)
    assert default.clashes == {}
    both = argmap.consistency(corpus, roles=("essay", "comments"))
    assert both.essays == ("a", "b", "c")
    assert both.left_out == ()
    assert set(both.clashes) == {("b", "c")}
    assert not both.is_consistent(["b", "c"])


def test_responds_to_must_name_an_essay_of_the_corpus() -> None:
    a = ArgumentMap("alpha", "A", [])
    with pytest.raises(argmap.ArgmapError, match=r"responds to 'alpah'.*did you mean 'alpha'"):
        Corpus([a, ArgumentMap("c", "C", [], role="comments", responds_to="alpah")])
    # comments on comments are not comments on an essay
    other = ArgumentMap("c", "C", [], role="comments", responds_to="alpha")
    with pytest.raises(argmap.ArgmapError, match="responds to 'c'"):
        Corpus([a, other, ArgumentMap("d", "D", [], role="comments", responds_to="c")])
    with pytest.raises(argmap.ArgmapError, match="responds to itself"):
        ArgumentMap("c", "C", [], responds_to="c")
    with pytest.raises(argmap.ArgmapError, match=r"unknown role 'coment'.*did you mean 'comment"):
        ArgumentMap("c", "C", [], role="coment")
    assert ArgumentMap("c", "C", []).role == "essay"


def test_the_consensus_matrix_marks_each_counted_essay(toy: Corpus) -> None:
    result = argmap.consensus(toy)
    matrix = result.matrix()
    assert matrix["essays"] == ["broker", "dove", "hawk"]
    assert matrix["rows"] == [
        {"node": "eq-talks", "cells": {"broker": "endorses", "dove": "silent", "hawk": "endorses"}},
        {
            "node": "dove:r-pause",
            "cells": {"broker": "silent", "dove": "endorses", "hawk": "opposes"},
        },
        {
            "node": "hawk:r-drills",
            "cells": {"broker": "opposes", "dove": "opposes", "hawk": "endorses"},
        },
    ]
    for item, row in zip(result.items, matrix["rows"], strict=True):
        cells = row["cells"]
        assert tuple(e for e, c in cells.items() if c == "endorses") == item.endorsers
        assert tuple(e for e, c in cells.items() if c == "opposes") == item.opposers
    assert result.to_dict()["matrix"] == matrix


def test_the_consensus_matrix_has_no_column_for_maps_left_out() -> None:
    result = argmap.consensus(argmap.read_corpus(ROOT / "maps"))
    assert result.left_out
    assert not set(result.left_out) & set(result.matrix()["essays"])
    assert result.matrix()["essays"] == list(result.counted)
    wider = argmap.consensus(argmap.read_corpus(ROOT / "maps"), roles=("essay", "comments"))
    assert set(result.left_out) <= set(wider.matrix()["essays"])


def test_fusion_counts_essays_unless_comments_are_included(needs_seeds: object) -> None:
    corpus = argmap.read_corpus(ROOT / "maps")
    essays = argmap.fuse(corpus)
    assert "our-national-conversation-2024-comments" not in essays.essays
    assert len(essays.essays) == len(essays.distances[0]) == 5
    everyone = argmap.fuse(corpus, roles=("essay", "comments"))
    assert len(everyone.essays) == 6
    # every recommendation of the essays stands in the fusion, as in each essay's own map
    assert all(
        essays.status(r.id) == "skeptical"
        for r in argmap.merge(corpus).map.recommendations
        if argmap.merge(corpus).essays_of(r.id) - {"our-national-conversation-2024-comments"}
    )


@attrs.frozen
class _Clash:
    """What :func:`consistency_of` reads of a conflict: the essays it opposes."""

    pairs: tuple[tuple[str, str], ...]
    hindsight: bool = False


def _brute_maximal_consistent(
    essays: list[str], clashes: set[tuple[str, str]]
) -> set[frozenset[str]]:
    """The definition: subsets with no clashing pair, to which no essay can be added."""

    def consistent(subset: frozenset[str]) -> bool:
        return not any((a, b) in clashes or (b, a) in clashes for a in subset for b in subset)

    subsets = [frozenset(c) for k in range(len(essays) + 1) for c in combinations(essays, k)]
    good = [s for s in subsets if consistent(s)]
    return {s for s in good if not any(s < t for t in good)}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=8).flatmap(
        lambda n: st.tuples(
            st.just([f"e{i}" for i in range(n)]),
            st.sets(
                st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))).filter(
                    lambda p: p[0] != p[1]
                )
            )
            if n > 1
            else st.just(set()),
        )
    ),
    st.integers(min_value=1, max_value=40),
)
def test_maximal_consistent_subsets_are_the_definitions(
    drawn: tuple[list[str], set[tuple[int, int]]], limit: int
) -> None:
    """Per-component enumeration finds exactly the maximal conflict-free subsets."""
    essays, pairs = drawn
    clashes = {(essays[a], essays[b]) for a, b in pairs}
    expected = _brute_maximal_consistent(essays, clashes)
    found = list(maximal_independent_sets(essays, clashes))
    assert len(found) == len(set(found))
    assert set(found) == expected
    stand_ins: list[Any] = [_Clash(((a, b),)) for a, b in sorted(clashes)]
    result = consistency_of(essays, stand_ins, limit=limit)
    assert result.truncated == (len(expected) > limit)
    assert set(result.maximal) <= expected
    assert len(result.maximal) == min(limit, len(expected))
    assert [len(s) for s in result.maximal] == sorted(
        (len(s) for s in result.maximal), reverse=True
    )

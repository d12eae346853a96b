"""The defeasible reading: the engine against the argument-tree definition, and examples."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings

from argmap.bipolar import defeasible, trees
from argmap.bipolar.reasons import Reason, ReasonGraph
from argmap.errors import ArgmapError
from argmap.options import Semantics
from argmap.semantics import SolverTimeout, labelling_of
from argmap.semantics.names import Label
from tests.reason_strategies import reason_graphs

MAX_TREES_LISTED = 14
"""Conflict-free and admissible extensions are checked on graphs of at most this many trees."""
EXACT = [s for s in Semantics if s not in (Semantics.SEMI_STABLE, Semantics.STAGE, Semantics.EAGER)]


# -- against the definition --------------------------------------------------------------


@pytest.mark.parametrize("semantics", EXACT, ids=str)
@settings(max_examples=400)
@given(graph=reason_graphs())
def test_extensions_are_the_argument_trees_extensions(
    graph: ReasonGraph, semantics: Semantics
) -> None:
    if semantics in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        # the reference lists every conflict-free set of trees: exponential in their number
        assume(len(trees.argument_trees(graph)) <= MAX_TREES_LISTED)
    assert defeasible.extensions(graph, semantics) == trees.extensions(graph, semantics)


@pytest.mark.parametrize("semantics", list(Semantics), ids=str)
@settings(max_examples=150)
@given(graph=reason_graphs())
def test_acceptance_and_witnesses_follow_the_extensions(
    graph: ReasonGraph, semantics: Semantics
) -> None:
    if semantics in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        assume(len(trees.argument_trees(graph)) <= MAX_TREES_LISTED)
    expected = trees.extensions(graph, semantics)
    for node in graph.nodes:
        witness = defeasible.credulous_witness(graph, node, semantics)
        counter = defeasible.skeptical_counterexample(graph, node, semantics)
        assert (witness is not None) == any(node in e for e in expected)
        assert witness is None or (node in witness and witness in expected)
        assert (counter is None) == all(node in e for e in expected)
        assert counter is None or (node not in counter and counter in expected)
        assert defeasible.is_credulously_accepted(graph, node, semantics) == (witness is not None)
        assert defeasible.is_skeptically_accepted(graph, node, semantics) == (counter is None)


@settings(max_examples=300)
@given(graph=reason_graphs())
def test_range_semantics_sit_between_the_exact_ones(graph: ReasonGraph) -> None:
    """Semi-stable, stage and eager come from the reference: check them against the engine.

    Every semi-stable extension is preferred, and is every stable one when there are stable
    ones; every stable extension is stage; eager contains ideal, which contains grounded.
    """
    preferred = defeasible.extensions(graph, "preferred")
    stable = defeasible.extensions(graph, "stable")
    semi_stable = defeasible.extensions(graph, "semi-stable")
    assert set(semi_stable) <= set(preferred)
    if stable:
        assert semi_stable == stable
        assert set(stable) <= set(defeasible.extensions(graph, "stage"))
    (eager,) = defeasible.extensions(graph, "eager")
    (ideal,) = defeasible.extensions(graph, "ideal")
    assert defeasible.grounded(graph) <= ideal <= eager


@pytest.mark.parametrize("semantics", ["grounded", "ideal", "eager"])
@settings(max_examples=200)
@given(graph=reason_graphs())
def test_labelling_is_the_arguments_labelling_projected(graph: ReasonGraph, semantics: str) -> None:
    """IN: some argument for the node is IN; OUT: every argument for it is OUT."""
    af, arguments = trees.argument_framework(graph)
    (extension,) = trees.extensions(graph, semantics)
    by_argument = labelling_of(af, [a for a, t in arguments.items() if t.conclusion in extension])
    found = defeasible.labelling(graph, semantics)
    for node in graph.nodes:
        labels = {by_argument[a] for a, t in arguments.items() if t.conclusion == node}
        expected = (
            Label.IN if Label.IN in labels else Label.OUT if labels <= {Label.OUT} else Label.UNDEC
        )
        assert found[node] == expected, node


# -- worked examples ---------------------------------------------------------------------


def graph(
    reasons: str = "", attacks: str = "", undercuts: str = "", nodes: str = ""
) -> ReasonGraph:
    """``reasons`` like ``"r1:a+b>c r2:d>c"``, ``attacks`` like ``"x>a"``, ``undercuts`` ``"u>r1"``."""
    rs = []
    for text in reasons.split():
        rid, rule = text.split(":")
        premises, conclusion = rule.split(">")
        rs.append(Reason(rid, tuple(premises.split("+")), conclusion))
    att = [tuple(t.split(">")) for t in attacks.split()]
    und = [tuple(t.split(">")) for t in undercuts.split()]
    names = set(nodes) | {x for a in att + und for x in a[:1]} | {y for _, y in att}
    names |= {p for r in rs for p in (*r.premises, r.conclusion)}
    return ReasonGraph(sorted(names), rs, att, und)  # type: ignore[arg-type]


def test_a_cycle_of_support_establishes_nothing() -> None:
    g = graph("r1:a>b r2:b>a")
    assert defeasible.grounded(g) == frozenset()
    assert defeasible.extensions(g, "preferred") == [frozenset()]
    assert defeasible.labelling(g) == {"a": Label.OUT, "b": Label.OUT}
    grounded_below = graph("r1:a>b r2:b>a r3:p>a")
    assert defeasible.grounded(grounded_below) == frozenset("abp")


def test_an_attack_on_a_premise_defeats_what_rests_on_it_not_what_it_supports_alone() -> None:
    g = graph("r1:a>c r2:c>d", "x>a")
    assert defeasible.grounded(g) == frozenset("x")
    # the attack does not travel back from a conclusion to its premises
    h = graph("r1:a>c", "x>c")
    assert defeasible.grounded(h) == frozenset("ax")


def test_convergent_reasons_one_defeated_leaves_the_conclusion() -> None:
    g = graph("r1:a>c r2:b>c", "x>a")
    assert defeasible.grounded(g) == frozenset("bcx")
    assert defeasible.labelling(g)["c"] is Label.IN


def test_linked_premises_one_defeated_defeats_the_reason() -> None:
    g = graph("r1:a+b>c", "x>a")
    assert defeasible.grounded(g) == frozenset("bx")
    assert defeasible.labelling(g)["c"] is Label.OUT


def test_an_undercut_defeats_the_reason_not_its_premises() -> None:
    g = graph("r1:a>c r2:b>c", undercuts="u>r1")
    assert defeasible.grounded(g) == frozenset("abcu")
    h = graph("r1:a>c", undercuts="u>r1")
    assert defeasible.grounded(h) == frozenset("au")


def test_mutual_attack_between_convergent_reasons_premises() -> None:
    """The issue's example: c by a and by b, a and b attack each other: c in every preferred."""
    g = graph("r1:a>c r2:b>c", "a>b b>a")
    assert defeasible.extensions(g, "preferred") == [frozenset("ac"), frozenset("bc")]
    assert defeasible.is_skeptically_accepted(g, "c", "preferred")
    assert defeasible.grounded(g) == frozenset()


def test_an_unknown_node_is_an_error() -> None:
    with pytest.raises(ArgmapError, match="no node 'z'"):
        defeasible.is_credulously_accepted(graph("r1:a>b"), "z", "preferred")


def test_a_multi_extension_semantics_has_no_single_labelling() -> None:
    with pytest.raises(ArgmapError, match="several extensions"):
        defeasible.labelling(graph("r1:a>b"), "preferred")


# -- limits ------------------------------------------------------------------------------


def wide(k: int) -> ReasonGraph:
    """``k`` layers of two convergent reasons each: ``2**k`` argument trees for the top."""
    reasons = []
    for i in range(k):
        reasons += [
            Reason(f"r{i}a", (f"a{i}",), f"c{i + 1}"),
            Reason(f"r{i}b", (f"c{i}",), f"a{i + 1}"),
        ]
        reasons += [Reason(f"r{i}c", (f"a{i}", f"c{i}"), f"c{i + 1}")]
    nodes = [f"{x}{i}" for i in range(k + 1) for x in "ac"]
    return ReasonGraph(nodes, reasons, [("a0", "c0"), ("c0", "a0")])


def test_the_reference_refuses_a_map_with_too_many_trees() -> None:
    with pytest.raises(ArgmapError, match="more than 2000 argument trees"):
        trees.argument_trees(wide(40))
    with pytest.raises(ArgmapError, match="computed from argument trees"):
        defeasible.extensions(wide(40), "semi-stable")


def test_the_engine_does_not_need_the_trees() -> None:
    g = wide(40)
    witness = defeasible.credulous_witness(g, "c40", "preferred")
    assert witness is not None
    assert {"c0", "c40"} <= witness
    assert "a0" not in witness
    assert not defeasible.is_skeptically_accepted(g, "c40", "preferred")
    preferred = defeasible.extensions(g, "preferred")
    assert len(preferred) == 2
    assert preferred == defeasible.extensions(g, "stable")


def test_timeouts_raise_solver_timeout() -> None:
    g = wide(200)
    with pytest.raises(SolverTimeout):
        defeasible.extensions(g, "preferred", timeout=1e-9)
    with pytest.raises(SolverTimeout):
        defeasible.is_skeptically_accepted(g, "c200", "preferred", timeout=1e-9)


@settings(max_examples=300, deadline=None)
@given(reason_graphs(max_nodes=8, max_reasons=9))
def test_rests_on_is_what_removing_each_element_in_turn_defeats(graph: ReasonGraph) -> None:
    """The definition: x is rested on iff without x (a node or a reason) no argument for the
    node is left — asked of :meth:`established` once per element."""
    established = graph.established()
    elements = {*graph.nodes, *(r.id for r in graph.reasons)}
    for node in graph.nodes:
        expected = (
            frozenset(x for x in elements - {node} if node not in graph.established(frozenset({x})))
            if node in established
            else frozenset()
        )
        assert graph.rests_on(node) == expected, node

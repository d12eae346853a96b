"""Explanations: well-founded defence trees, witnesses that are real extensions."""

from __future__ import annotations

import pytest
from hypothesis import given

import argmap
from argmap.explanation import DefenceTree, explain
from argmap.framework import AF
from argmap.semantics import (
    is_credulously_accepted,
    is_extension,
    is_skeptically_accepted,
    labelling,
)
from tests.helpers import SHOWCASE
from tests.strategies import frameworks


def check_tree(af: AF, tree: DefenceTree, labels: dict[str, str], depth: int = 0) -> None:
    assert depth <= len(af) * 2 + 2, "the tree must be well-founded"
    assert tree.label == labels[tree.argument]
    if tree.label == "in":
        assert {c.argument for c in tree.children} == set(af.attackers_of(tree.argument))
        assert all(c.label == "out" for c in tree.children)
    elif tree.label == "out":
        (killer,) = tree.children
        assert killer.label == "in"
        assert killer.argument in af.attackers_of(tree.argument)
    for child in tree.children:
        check_tree(af, child, labels, depth + 1)


@given(af=frameworks())
def test_grounded_explanations_are_defence_trees(af: AF) -> None:
    labels = {a: str(label) for a, label in labelling(af, "grounded").items()}
    for argument in af.arguments:
        found = explain(af, argument)
        assert found.accepted == (labels[argument] == "in")
        assert found.tree is not None
        check_tree(af, found.tree, labels)


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable", "semi-stable", "stage"])
@given(af=frameworks(max_arguments=6))
def test_witnesses_and_counterexamples_are_extensions(semantics: str, af: AF) -> None:
    for argument in af.arguments:
        credulous = explain(af, argument, semantics, mode="credulous")
        assert credulous.accepted == is_credulously_accepted(af, argument, semantics)
        if credulous.accepted:
            assert credulous.witness is not None
            assert argument in credulous.witness
            assert is_extension(af, credulous.witness, semantics)
        skeptical = explain(af, argument, semantics, mode="skeptical")
        assert skeptical.accepted == is_skeptically_accepted(af, argument, semantics)
        if not skeptical.accepted:
            assert skeptical.witness is not None
            assert argument not in skeptical.witness
            assert is_extension(af, skeptical.witness, semantics)
            assert set(skeptical.attackers) <= set(skeptical.witness)


def test_texts() -> None:
    af = AF(["a", "b", "c", "d", "e"], [("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")])
    assert (
        str(explain(af, "b"))
        == "b is OUT (grounded): attacked by a, which is IN.\n  a is IN: it has no attackers."
    )
    assert (
        str(explain(af, "d"))
        == "d is UNDEC (grounded): no attacker is IN, but e is not OUT either."
    )
    credulous = explain(af, "d", "preferred", mode="credulous")
    assert str(credulous).splitlines() == [
        "d is credulously accepted (preferred): this extension contains it.",
        "  extension: {a, c, d}",
    ]
    skeptical = explain(af, "d", "preferred")
    assert skeptical.summary == (
        "d is not skeptically accepted (preferred): this extension leaves it out; it is attacked there by e."
    )
    assert explain(af, "c", "preferred").summary.startswith(
        "c is skeptically accepted (preferred): it is in the grounded"
    )
    assert explain(af, "c", "ideal").summary == "c is in the ideal extension."
    assert explain(AF(["a"], [("a", "a")]), "a", "stable").summary.endswith(
        "there is no stable extension (vacuously)."
    )
    assert explain(AF(["a"], [("a", "a")]), "a", "preferred", mode="credulous").summary.endswith(
        "it attacks itself."
    )


def test_explaining_a_map_node() -> None:
    m = argmap.read_map(SHOWCASE)
    found = explain(m, "c-history-addressed")
    assert not found.accepted
    assert found.to_dict()["tree"]["label"] == "out"
    with pytest.raises(argmap.ArgmapError, match="no argument 'zz'"):
        explain(m, "zz")
    with pytest.raises(argmap.ArgmapError, match="unknown acceptance mode"):
        explain(m, "c-renewal", "preferred", mode="sometimes")

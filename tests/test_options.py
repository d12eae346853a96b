"""The closed sets of options, the one default, and the public facade."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest

import argmap
from argmap.framework import AF
from argmap.options import (
    DEFAULT_SEMANTICS,
    Acceptance,
    ConsensusRule,
    DiagramFormat,
    FusionOperator,
    Semantics,
    Support,
)

TOY = """
id: toy
title: Toy
nodes:
  - {id: a, kind: claim, text: A.}
  - {id: b, kind: claim, text: B.}
edges:
  - attack: a -> b
  - attack: b -> a
"""


@pytest.mark.parametrize(
    ("enum", "text", "member"),
    [
        (Semantics, " Semi_Stable ", Semantics.SEMI_STABLE),
        (Semantics, "pr", Semantics.PREFERRED),
        (Support, "NECESSARY", Support.NECESSARY),
        (Acceptance, "Credulous", Acceptance.CREDULOUS),
        (ConsensusRule, "quorum", ConsensusRule.QUORUM),
        (FusionOperator, "LexiMax", FusionOperator.LEXIMAX),
        (DiagramFormat, "SVG", DiagramFormat.SVG),
    ],
)
def test_names_parse_case_insensitively(enum: type, text: str, member: object) -> None:
    assert enum.parse(text) is member  # type: ignore[attr-defined]
    assert enum.parse(member) is member  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: Semantics.parse("prefered"),
            "unknown semantics 'prefered' (did you mean 'preferred'?)",
        ),
        (lambda: Support.parse("necesary"), "(did you mean 'necessary'?)"),
        (lambda: ConsensusRule.parse("plurality"), "known: unanimity, majority, quorum, skeptical"),
        (lambda: argmap.extensions(AF(["a"]), "groundd"), "did you mean 'grounded'"),
        (lambda: argmap.fuse(argmap.Corpus([]), "min"), "unknown fusion operator 'min'"),
    ],
)
def test_a_typo_names_the_closest_choice(call: object, message: str) -> None:
    with pytest.raises(argmap.ArgmapError) as caught:
        call()  # type: ignore[operator]
    assert message in str(caught.value)


def test_one_default_semantics_for_maps_frameworks_and_corpora() -> None:
    m = argmap.map_from_yaml(TOY)
    assert DEFAULT_SEMANTICS is Semantics.GROUNDED
    assert argmap.extensions(m) == argmap.extensions(m, "grounded") == [frozenset()]
    assert argmap.extensions(AF(["a", "b"], [("a", "b"), ("b", "a")])) == [frozenset()]
    assert argmap.explain(m, "a").semantics is DEFAULT_SEMANTICS
    corpus = argmap.Corpus([m])
    assert argmap.reading(corpus).semantics is DEFAULT_SEMANTICS
    assert argmap.fuse(corpus).semantics is DEFAULT_SEMANTICS


def test_typed_keywords_reject_unknown_options() -> None:
    corpus = argmap.Corpus([argmap.map_from_yaml(TOY)])
    with pytest.raises(TypeError, match="mod"):
        argmap.conflicts(corpus, mod="credulous")  # type: ignore[call-arg]


def test_frameworks_and_results_cannot_be_changed_in_place() -> None:
    af = AF(["a", "b"], [("a", "b")])
    with pytest.raises(AttributeError, match="immutable"):
        af.arguments = ("x",)
    with pytest.raises(ValueError, match="read-only"):
        af.adjacency.out_index[0] = 1
    reading = argmap.reading(argmap.Corpus([argmap.map_from_yaml(TOY)]))
    with pytest.raises(TypeError):
        reading.accepted["toy"] = frozenset()  # type: ignore[index]
    with pytest.raises(TypeError):
        reading.merged.members["toy:a"] = ()  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reading.merged.map = reading.map  # type: ignore[misc]


def test_the_facade_lists_what_it_loads() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None
    assert sorted(argmap.__all__) == sorted([*argmap._WHERE, "__version__"])
    assert set(dir(argmap)) == set(argmap.__all__)


def test_importing_argmap_loads_nothing_heavy() -> None:
    code = "import sys, argmap; print(sorted(m for m in ('numpy', 'networkx', 'pysat', 'ruamel', 'attrs') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

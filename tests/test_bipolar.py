"""Derived attacks under each interpretation of support, against the definitions."""

from __future__ import annotations

from itertools import pairwise

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Edge, Node
from argmap.bipolar import Support, attack_graph
from tests.helpers import SHOWCASE
from tests.strategies import argument_maps


def closure(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Transitive closure (one or more steps), by iteration."""
    result = set(pairs)
    while True:
        more = {(a, d) for a, b in result for c, d in result if b == c} - result
        if not more:
            return result
        result |= more


def flattened(m: ArgumentMap) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Direct attacks and supports, with undercut supports reified as a -> s -> b."""
    undercut = {e.target for e in m.undercuts}
    supports, attacks = set(), set()
    for e in m.edges:
        if e.kind == "attack":
            attacks.add((e.source, e.target))
        elif e.key in undercut:
            supports |= {(e.source, e.key), (e.key, e.target)}
        else:
            supports.add((e.source, e.target))
    return supports, attacks


def expected_attacks(m: ArgumentMap, support: str) -> set[tuple[str, str]]:
    sup, att = flattened(m)
    if support == "none":
        return {(a, b) for a, b in att if b not in {e.target for e in m.undercuts}}
    plus = {(a, b) for a, b in closure(sup) if a != b}
    derived = set(att)
    if support == "deductive":
        derived |= {(a, b) for a, x in plus for x2, b in att if x == x2}  # supported
        derived |= {(a, b) for a, x in att for b, x2 in plus if x == x2}  # mediated
    else:
        derived |= {(a, b) for a, x in att for x2, b in plus if x == x2}  # secondary
        derived |= {(a, b) for x, a in plus for x2, b in att if x == x2}  # extended
    return derived


@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
@given(m=argument_maps(max_nodes=6))
def test_derived_attacks_match_the_definitions(support: str, m: ArgumentMap) -> None:
    graph = attack_graph(m, support)
    assert {(a.attacker, a.target) for a in graph.attacks} == expected_attacks(m, support)


@given(m=argument_maps(max_nodes=6))
def test_every_path_is_a_chain_of_the_map(m: ArgumentMap) -> None:
    sup, att = flattened(m)
    for support in ("deductive", "necessary"):
        for d in attack_graph(m, support).attacks:
            p = d.path
            if d.kind == "direct":
                assert (p[0], p[1]) in att
            elif d.kind in ("supported", "extended"):  # a ... x chain of supports, x attacks b
                chain = p[:-1] if d.kind == "supported" else p[-2::-1]
                assert all(step in sup for step in pairwise(chain))
                assert (p[-2], p[-1]) in att
            else:  # mediated / secondary: x attacks b, then a chain of supports
                assert (p[0], p[1]) in att
                chain = p[:0:-1] if d.kind == "mediated" else p[1:]
                assert all(step in sup for step in pairwise(chain))


@given(m=argument_maps(max_nodes=6))
def test_necessary_is_deductive_with_supports_reversed(m: ArgumentMap) -> None:
    reversed_map = attrs.evolve(
        m,
        edges=[
            attrs.evolve(e, source=e.target, target=e.source) if e.kind == "support" else e
            for e in m.edges
        ],
    )
    pairs = {(a.attacker, a.target) for a in attack_graph(m, "necessary").attacks}
    dual = {(a.attacker, a.target) for a in attack_graph(reversed_map, "deductive").attacks}
    assert pairs == dual


def cayrol_example() -> ArgumentMap:
    # a supports b, b supports c; d attacks b; c attacks e.
    nodes = [Node(x, "claim", x.upper()) for x in "abcde"]
    edges = [
        Edge("support", "a", "b"),
        Edge("support", "b", "c"),
        Edge("attack", "d", "b"),
        Edge("attack", "c", "e"),
    ]
    return ArgumentMap("cls", "Cayrol and Lagasquie-Schiex", nodes, edges)


def kinds(m: ArgumentMap, support: str) -> set[tuple[str, str, str]]:
    return {(a.attacker, a.target, a.kind) for a in attack_graph(m, support).attacks}


def test_deductive_example() -> None:
    assert kinds(cayrol_example(), "deductive") == {
        ("d", "b", "direct"),
        ("c", "e", "direct"),
        ("a", "e", "supported"),
        ("b", "e", "supported"),  # a ⇒ b ⇒ c attacks e
        ("d", "a", "mediated"),  # a ⇒ b, d attacks b
    }


def test_necessary_example() -> None:
    assert kinds(cayrol_example(), "necessary") == {
        ("d", "b", "direct"),
        ("c", "e", "direct"),
        ("d", "c", "secondary"),  # d attacks b, b ⇒ c
    }
    m = attrs.evolve(cayrol_example(), edges=[*cayrol_example().edges, Edge("attack", "a", "e")])
    assert ("b", "e", "extended") in kinds(m, "necessary")  # a ⇒ b and a attacks e
    paths = {a.kind: a.path for a in attack_graph(m, "necessary").derivations("c", "e")}
    assert paths == {"direct": ("c", "e"), "extended": ("c", "b", "a", "e")}


def test_undercut_is_reified() -> None:
    nodes = [Node("e", "evidence", "E."), Node("c", "claim", "C."), Node("u", "claim", "U.")]
    edges = [Edge("support", "e", "c", id="s"), Edge("attack", "u", "s")]
    m = ArgumentMap("u", "Undercut", nodes, edges)
    graph = attack_graph(m, "necessary")
    assert graph.arguments == ("e", "c", "u", "s")
    assert graph.inferences == ("s",)
    assert kinds(m, "necessary") == {("u", "s", "direct"), ("u", "c", "secondary")}
    assert kinds(m, "none") == set()
    # with the inference undercut, the claim loses its support: grounded rejects c
    assert argmap.labelling(m, "grounded") == {"e": "in", "c": "out", "u": "in"}
    assert argmap.labelling(m, "grounded", support="none") == {"e": "in", "c": "in", "u": "in"}


def test_map_extensions_and_descriptions() -> None:
    m = argmap.read_map(SHOWCASE)
    for support in ("none", "deductive", "necessary", "evidential"):
        (grounded,) = argmap.extensions(m, "grounded", support=support)
        preferred = argmap.extensions(m, "preferred", support=support)
        assert all(grounded <= e for e in preferred)
        assert all(x in {n.id for n in m.nodes} for e in preferred for x in e)
    graph = argmap.attack_graph(m, "necessary")
    texts = [a.describe() for a in graph.attacks]
    assert "c-sincerity-doubts attacks s-apologies" in texts
    assert any(
        t.startswith("secondary attack: c-sincerity-doubts attacks s-apologies") for t in texts
    )
    assert argmap.labelling(m, "grounded")["c-history-addressed"] == "out"


def test_unknown_interpretation() -> None:
    with pytest.raises(argmap.ArgmapError, match="unknown support interpretation 'strong'"):
        Support.parse("strong")


# -- evidential support --------------------------------------------------------------------


def evidential_example() -> ArgumentMap:
    # e ⇒ c ⇒ r, f ⇒ d; d attacks c; x (no evidence behind it) attacks r; u undercuts c ⇒ r.
    kinds = {"e": "evidence", "f": "evidence", "r": "recommendation"}
    nodes = [Node(i, kinds.get(i, "claim"), i.upper()) for i in "efcdxru"]
    edges = [
        Edge("support", "e", "c"),
        Edge("support", "c", "r", id="s"),
        Edge("support", "f", "d"),
        Edge("attack", "d", "c"),
        Edge("attack", "x", "r"),
        Edge("attack", "u", "s"),
    ]
    return ArgumentMap("ev", "Evidential", nodes, edges)


def test_evidential_example() -> None:
    m = evidential_example()
    graph = attack_graph(m, "evidential")
    assert graph.arguments == ("e", "e ⇒ c", "e ⇒ c ⇒ s", "e ⇒ c ⇒ s ⇒ r", "f", "f ⇒ d")
    assert graph.arguments_for("x") == graph.arguments_for("u") == ()
    assert graph.conclusion("e ⇒ c ⇒ s ⇒ r") == "r"
    # d's chain attacks c and everything resting on c; x and u have no chain, so no attack
    assert {(a.attacker, a.target) for a in graph.attacks} == {
        ("f ⇒ d", "e ⇒ c"),
        ("f ⇒ d", "e ⇒ c ⇒ s"),
        ("f ⇒ d", "e ⇒ c ⇒ s ⇒ r"),
    }
    texts = sorted(a.describe() for a in graph.attacks)
    assert texts[2] == "evidential attack: f ⇒ d, and d attacks c, on which c ⇒ s ⇒ r rests"
    assert argmap.extensions(m, "grounded", support="evidential") == [frozenset("efd")]
    labels = argmap.labelling(m, "grounded", support="evidential")
    assert labels == {
        "e": "in",
        "f": "in",
        "c": "out",
        "d": "in",
        "x": "out",
        "r": "out",
        "u": "out",
    }
    # without d's attack, the chain stands, and x's attack (no evidence) does not count
    calm = attrs.evolve(m, edges=[e for e in m.edges if e.source != "d"])
    assert argmap.extensions(calm, "grounded", support="evidential") == [frozenset("efcdr")]
    why = argmap.explain(m, "x", "grounded", support="evidential")
    assert not why.accepted
    assert "no chain of support links it to evidence" in why.summary
    why = argmap.explain(calm, "r", "grounded", support="evidential")
    assert why.accepted
    assert why.summary.startswith("e ⇒ c ⇒ s ⇒ r is IN")


def supported_within(m: ArgumentMap, s: frozenset[str]) -> set[str]:
    """The nodes of ``s`` reachable from evidence in ``s`` through supports inside ``s``."""
    sup, _ = flattened(m)
    reached = {n.id for n in m.nodes if n.kind == "evidence" and n.id in s}
    while True:
        more = {b for a, b in sup if a in reached and b in s | {e.key for e in m.supports}}
        if more <= reached:
            return reached & s
        reached |= more


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
@given(m=argument_maps(max_nodes=6))
def test_evidential_extensions_are_supported_and_conflict_free(
    semantics: str, m: ArgumentMap
) -> None:
    graph = attack_graph(m, "evidential")
    _, att = flattened(m)
    nodes = {n.id for n in m.nodes}
    for found in argmap.extensions(graph.af(), semantics):
        s = graph.project(found)
        # every accepted node stands on a chain of support from evidence inside the set
        assert supported_within(m, s) & nodes == s & nodes
        assert not any((a, b) in att for a in s for b in s)
    for d in graph.attacks:  # the path: the attacker's chain, then the target's from the hit
        k = len(d.attacker.split(" ⇒ "))
        sup, _ = flattened(m)
        assert all(step in sup for step in pairwise(d.path[:k]))
        assert (d.path[k - 1], d.path[k]) in att
        assert all(step in sup for step in pairwise(d.path[k:]))


@given(m=argument_maps(max_nodes=6))
def test_evidential_without_attacks_accepts_what_evidence_reaches(m: ArgumentMap) -> None:
    calm = attrs.evolve(m, edges=[e for e in m.edges if e.kind == "support"])
    nodes = frozenset(n.id for n in m.nodes)
    (grounded,) = argmap.extensions(calm, "grounded", support="evidential")
    assert grounded == supported_within(calm, nodes)


def test_nouioua_risch_extended_attacks() -> None:
    """Argumentation frameworks with necessities (Nouioua and Risch, 2010-2011).

    With necessity a N b read as the support a -> b: (1) x attacks a and a N+ c, so x
    attacks c; (2) a N+ b and a attacks y, so b attacks y. Here a N b N c, d attacks a and
    a attacks e.
    """
    nodes = [Node(x, "claim", x.upper()) for x in "abcde"]
    edges = [
        Edge("support", "a", "b"),
        Edge("support", "b", "c"),
        Edge("attack", "d", "a"),
        Edge("attack", "a", "e"),
    ]
    m = ArgumentMap("afn", "Nouioua and Risch", nodes, edges)
    attacks = {(a.attacker, a.target) for a in attack_graph(m, "necessary").attacks}
    assert attacks == {
        ("d", "a"),
        ("a", "e"),
        ("d", "b"),  # (1) through a N b
        ("d", "c"),  # (1) through a N b N c
        ("b", "e"),  # (2) a N b
        ("c", "e"),  # (2) a N b N c
    }
    # the grounded labelling: d is unattacked, so a, b and c fall and e stands
    assert argmap.labelling(m, "grounded") == {
        "a": "out",
        "b": "out",
        "c": "out",
        "d": "in",
        "e": "in",
    }

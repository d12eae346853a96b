"""Each reading of support against a brute-force reading of its published definition."""

from __future__ import annotations

import time
from itertools import pairwise

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Edge, Node
from argmap.bipolar import MAX_CHAINS, Support, attack_graph, extensions
from argmap.bipolar import justified as justified_module
from argmap.bipolar.deductive import deductive_steps
from argmap.bipolar.reasons import ReasonGraph
from argmap.bipolar.reference import (
    SEMANTICS,
    afn_extensions,
    d_attack_extensions,
    d_attacks,
    eas_extensions,
    none_extensions,
)
from tests.helpers import MAPS, SHOWCASE


def build(nodes: str, edges: list[Edge], evidence: str = "") -> ArgumentMap:
    kinds = [Node(x, "evidence" if x in evidence else "claim", x.upper()) for x in nodes]
    return ArgumentMap("t", "Test", kinds, edges)


def att(a: str, b: str) -> Edge:
    return Edge("attack", a, b)


def sup(*premises: str, to: str, id: str | None = None) -> Edge:
    return Edge("support", premises[0], to, id=id, linked=premises[1:])


def ext(m: ArgumentMap, semantics: str, support: str) -> list[set[str]]:
    found = extensions(m, semantics, support=support)
    return sorted((set(e) for e in found), key=lambda e: (len(e), sorted(e)))


@st.composite
def reason_maps(draw: st.DrawFn, max_nodes: int = 5, max_reasons: int = 4) -> ArgumentMap:
    """Tiny maps with linked and convergent reasons, cycles, attacks and undercuts."""
    count = draw(st.integers(min_value=1, max_value=max_nodes))
    names = [f"n{i}" for i in range(count)]
    evidence = draw(st.sets(st.sampled_from(names)))
    edges: list[Edge] = []
    seen: set[tuple[frozenset[str], str]] = set()
    if count > 1:
        for k in range(draw(st.integers(min_value=0, max_value=max_reasons))):
            to = draw(st.sampled_from(names))
            others = [n for n in names if n != to]
            premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
            if (frozenset(premises), to) not in seen:
                seen.add((frozenset(premises), to))
                edges.append(Edge("support", premises[0], to, id=f"r{k}", linked=premises[1:]))
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    edges += [att(a, b) for a, b in draw(st.lists(pairs, max_size=count + 1, unique=True))]
    reasons = [e.id for e in edges if e.kind == "support" and e.id]
    if reasons:
        for r in draw(st.lists(st.sampled_from(reasons), max_size=2, unique=True)):
            edges.append(att(draw(st.sampled_from(names)), r))
    nodes = [Node(n, "evidence" if n in evidence else "claim", n.upper()) for n in names]
    return ArgumentMap("t", "Test", nodes, edges)


def as_sets(found: list[frozenset[str]]) -> list[set[str]]:
    return sorted((set(e) for e in found), key=lambda e: (len(e), sorted(e)))


# -- the definitions, by brute force --------------------------------------------------------


@settings(max_examples=150, deadline=None)
@pytest.mark.parametrize("semantics", SEMANTICS)
@given(m=reason_maps())
def test_necessary_is_the_afn_over_sets(semantics: str, m: ArgumentMap) -> None:
    expected = afn_extensions(ReasonGraph.of(m), semantics)
    assert ext(m, semantics, "necessary") == as_sets(expected)


@settings(max_examples=150, deadline=None)
@pytest.mark.parametrize("semantics", SEMANTICS)
@given(m=reason_maps())
def test_evidential_is_the_eas(semantics: str, m: ArgumentMap) -> None:
    evidence = [n.id for n in m.nodes if n.kind == "evidence"]
    expected = eas_extensions(ReasonGraph.of(m), evidence, semantics)
    assert ext(m, semantics, "evidential") == as_sets(expected)


@settings(max_examples=150, deadline=None)
@pytest.mark.parametrize("semantics", SEMANTICS)
@given(m=reason_maps(max_nodes=6, max_reasons=5))
def test_deductive_is_the_d_attack_framework(semantics: str, m: ArgumentMap) -> None:
    g = ReasonGraph.of(m)
    graph = attack_graph(m, "deductive")
    assert {(a.attacker, a.target) for a in graph.attacks} == d_attacks(g)
    assert ext(m, semantics, "deductive") == as_sets(d_attack_extensions(g, semantics))


@settings(max_examples=100, deadline=None)
@pytest.mark.parametrize("semantics", SEMANTICS)
@given(m=reason_maps(max_nodes=6, max_reasons=5))
def test_deductive_extensions_are_closed_under_support(semantics: str, m: ArgumentMap) -> None:
    graph = attack_graph(m, "deductive")
    steps = deductive_steps(ReasonGraph.of(m))
    for found in argmap.extensions(graph.af(), semantics):
        assert all(b in found for a, b in steps if a in found)


@settings(max_examples=100, deadline=None)
@pytest.mark.parametrize("semantics", SEMANTICS)
@given(m=reason_maps(max_nodes=6))
def test_none_ignores_supports_and_undercuts(semantics: str, m: ArgumentMap) -> None:
    expected = none_extensions(ReasonGraph.of(m), semantics)
    assert ext(m, semantics, "none") == as_sets(expected)
    graph = attack_graph(m, "none")
    assert graph.arguments == tuple(n.id for n in m.nodes)
    assert all(a.kind == "direct" for a in graph.attacks)


@settings(max_examples=100, deadline=None)
@given(m=reason_maps(max_nodes=6, max_reasons=5))
def test_every_path_is_a_derivation_in_the_map(m: ArgumentMap) -> None:
    g = ReasonGraph.of(m)
    direct = {*g.attacks, *g.undercuts}
    steps = set(deductive_steps(g))
    for d in attack_graph(m, "deductive").attacks:
        p, k = d.path, d.hit
        assert (p[0], p[-1]) == (d.attacker, d.target)
        assert (p[k - 1], p[k]) in direct
        assert all(s in steps for s in pairwise(p[:k]))
        assert all((b, a) in steps for a, b in pairwise(p[k:]))
    step = {(p, r.conclusion) for r in g.reasons for p in r.premises}
    step |= {(r.id, r.conclusion) for r in g.reasons}
    for support in ("necessary", "evidential"):
        graph = attack_graph(m, support)
        for d in graph.attacks:  # a attacks x, then x ⇒ … ⇒ b through reasons
            assert (d.path[0], d.path[1]) in direct
            assert d.path[0] == graph.conclusion(d.attacker)
            assert d.path[-1] == graph.conclusion(d.target)
            assert all(pair in step for pair in pairwise(d.path[1:]))


# -- the literature's examples ----------------------------------------------------------------


def test_convergent_reasons_need_only_one() -> None:
    """c supported by a and by b, a ⇄ b: each reason alone is enough (AFN over sets)."""
    m = build("abc", [sup("a", to="c"), sup("b", to="c"), att("a", "b"), att("b", "a")])
    for semantics in ("preferred", "stable"):
        assert ext(m, semantics, "necessary") == [{"a", "c"}, {"b", "c"}]
    assert ext(m, "grounded", "necessary") == [set()]
    # c has two arguments, one through each reason
    assert attack_graph(m, "necessary").arguments_for("c") == ("a ⇒ c", "b ⇒ c")


def test_linked_premises_need_all() -> None:
    """c supported by a and b together, a ⇄ b: c can never be accepted (Nouioua 2013)."""
    m = build("abc", [sup("a", "b", to="c"), att("a", "b"), att("b", "a")])
    for semantics in ("preferred", "stable"):
        assert ext(m, semantics, "necessary") == [{"a"}, {"b"}]
    graph = attack_graph(m, "necessary")
    assert {(a.attacker, a.target, a.kind) for a in graph.attacks} >= {
        ("a", "c", "secondary"),
        ("b", "c", "secondary"),
    }


def test_a_conclusion_needs_an_accepted_reason() -> None:
    """a → b, d → b, b → c with a ⇄ d: b and c stand only with a or with d."""
    edges = [sup("a", to="b"), sup("d", to="b"), sup("b", to="c"), att("a", "d"), att("d", "a")]
    m = build("abcd", edges)
    assert ext(m, "preferred", "necessary") == [{"a", "b", "c"}, {"b", "c", "d"}]
    assert ext(m, "grounded", "necessary") == [set()]
    assert argmap.labelling(m, "grounded", support="necessary") == dict.fromkeys("abcd", "undec")


def test_circular_support_establishes_nothing() -> None:
    """a N b and b N a: no enumeration of {a, b} is powerful, so neither is accepted."""
    m = build("abc", [sup("a", to="b"), sup("b", to="a"), sup("c", to="b")])
    assert ext(m, "grounded", "necessary") == [{"a", "b", "c"}]  # b through c, then a
    loop = build("ab", [sup("a", to="b"), sup("b", to="a")])
    assert ext(loop, "grounded", "necessary") == [set()]
    assert attack_graph(loop, "necessary").arguments == ()


def test_super_mediated_attack_makes_the_supporter_self_attacking() -> None:
    """a supports b and c, b ⇄ c: a ⇒ b attacks c ⇐ a (Cayrol and Lagasquie-Schiex)."""
    m = build("abc", [sup("a", to="b"), sup("a", to="c"), att("b", "c"), att("c", "b")])
    graph = attack_graph(m, "deductive")
    (self_attack,) = graph.derivations("a", "a")
    assert self_attack.kind == "super-mediated"
    assert self_attack.describe() == "super-mediated attack: a ⇒ b, b attacks c, and a ⇒ c"
    assert ext(m, "stable", "deductive") == [{"b"}, {"c"}]
    assert ext(m, "grounded", "deductive") == [set()]


def cayrol_example() -> ArgumentMap:
    # a supports b, b supports c; d attacks b; c attacks e.
    edges = [sup("a", to="b"), sup("b", to="c"), att("d", "b"), att("c", "e")]
    return build("abcde", edges)


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
    m = attrs.evolve(cayrol_example(), edges=[*cayrol_example().edges, att("e", "a")])
    assert ("a", "a", "super-mediated") not in kinds(m, "deductive")
    # e attacks a, and a ⇒ b ⇒ c attacks e: nothing supports a, so e attacks a only
    assert {(a, b) for a, b, _ in kinds(m, "deductive") if a == "e"} == {("e", "a")}
    assert {("a", "e", "supported"), ("b", "e", "supported")} <= kinds(m, "deductive")


def test_necessary_example() -> None:
    assert kinds(cayrol_example(), "necessary") == {
        ("d", "b", "direct"),
        ("c", "e", "direct"),
        ("d", "c", "secondary"),  # d attacks b, b ⇒ c
    }
    (derivation,) = attack_graph(cayrol_example(), "necessary").derivations("d", "c")
    assert derivation.path == ("d", "b", "c")
    assert derivation.describe() == "secondary attack: d attacks b, and b ⇒ c"


def test_nouioua_risch_example() -> None:
    """a N b N c, d attacks a and a attacks e: d brings down a, b and c; e stands."""
    edges = [sup("a", to="b"), sup("b", to="c"), att("d", "a"), att("a", "e")]
    m = build("abcde", edges)
    assert kinds(m, "necessary") == {
        ("d", "a", "direct"),
        ("a", "e", "direct"),
        ("d", "b", "secondary"),
        ("d", "c", "secondary"),
    }
    assert argmap.labelling(m, "grounded", support="necessary") == {
        "a": "out",
        "b": "out",
        "c": "out",
        "d": "in",
        "e": "in",
    }


def test_undercut_hits_the_reason() -> None:
    m = build("ecu", [sup("e", to="c", id="s"), att("u", "s")], evidence="e")
    assert kinds(m, "necessary") == {("u", "c", "secondary")}
    (d,) = attack_graph(m, "necessary").attacks
    assert d.path == ("u", "s", "c")
    assert kinds(m, "none") == set()
    assert kinds(m, "deductive") == {("u", "s", "direct"), ("u", "e", "mediated")}
    assert attack_graph(m, "deductive").inferences == ("s",)
    # with the inference undercut, the claim loses its support: grounded rejects c
    assert argmap.labelling(m, "grounded", support="necessary") == {
        "e": "in",
        "c": "out",
        "u": "in",
    }
    assert argmap.labelling(m, "grounded", support="none") == {"e": "in", "c": "in", "u": "in"}


def test_linked_reason_under_deductive() -> None:
    """A linked reason is an argument committing to its premises and its conclusion."""
    m = build("abcx", [sup("a", "b", to="c", id="r"), att("x", "c")])
    graph = attack_graph(m, "deductive")
    assert graph.inferences == ("r",)
    assert kinds(m, "deductive") == {("x", "c", "direct"), ("x", "r", "mediated")}
    # the premises stand; the reason and its conclusion fall
    assert ext(m, "grounded", "deductive") == [{"a", "b", "x"}]
    assert argmap.labelling(graph.af(), "grounded")["r"] == "out"


def test_map_extensions_and_descriptions() -> None:
    m = argmap.read_map(SHOWCASE)
    for support in ("none", "deductive", "necessary", "evidential"):
        (grounded,) = argmap.extensions(m, "grounded", support=support)
        preferred = argmap.extensions(m, "preferred", support=support)
        assert all(grounded <= e for e in preferred)
        assert all(x in {n.id for n in m.nodes} for e in preferred for x in e)
    graph = argmap.attack_graph(m, "necessary")
    # the undercut of s-credibility reaches its conclusion from each of the two arguments
    # for c-cannot-ignore (one through the linked reason e-gsomia-threat + c-intel-loss)
    undercuts = [a for a in graph.attacks if a.target == "c-credibility-bar"]
    assert sorted(a.attacker for a in undercuts) == [
        "(e-gsomia-threat + c-intel-loss) ⇒ c-nk-strategy ⇒ c-cannot-ignore",
        "c-nk-cooperation-needed ⇒ c-nk-strategy ⇒ c-cannot-ignore",
    ]
    assert {a.describe() for a in undercuts} == {
        "secondary attack: c-cannot-ignore attacks s-credibility, "
        "and s-credibility ⇒ c-credibility-bar"
    }
    necessary = argmap.labelling(m, "grounded", support="necessary")
    assert (necessary["c-credibility-bar"], necessary["r-denounce"]) == ("out", "in")
    # without reasons the undercut is lost: the objection stands and the recommendation falls
    none = argmap.labelling(m, "grounded", support="none")
    assert (none["c-credibility-bar"], none["r-denounce"]) == ("in", "out")


def test_arrington_yeo_deductive_has_two_preferred_extensions() -> None:
    m = argmap.read_map(MAPS / "arrington-yeo-2019.yaml")
    assert len(argmap.extensions(m, "preferred", support="deductive")) == 2


def test_unknown_interpretation() -> None:
    with pytest.raises(argmap.ArgmapError, match="unknown support interpretation 'strong'"):
        Support.parse("strong")


# -- evidential support --------------------------------------------------------------------------


def evidential_example() -> ArgumentMap:
    # e ⇒ c ⇒ r, f ⇒ d; d attacks c; x (no evidence behind it) attacks r; u undercuts c ⇒ r.
    edges = [
        sup("e", to="c"),
        sup("c", to="r", id="s"),
        sup("f", to="d"),
        att("d", "c"),
        att("x", "r"),
        att("u", "s"),
    ]
    return build("efcdxru", edges, evidence="ef")


def test_evidential_example() -> None:
    m = evidential_example()
    graph = attack_graph(m, "evidential")
    assert graph.arguments == ("e", "f", "e ⇒ c", "f ⇒ d", "e ⇒ c ⇒ r")
    assert graph.arguments_for("x") == graph.arguments_for("u") == ()
    assert graph.conclusion("e ⇒ c ⇒ r") == "r"
    # d's argument attacks c and everything resting on c; x and u have none, so no attack
    assert {(a.attacker, a.target) for a in graph.attacks} == {
        ("f ⇒ d", "e ⇒ c"),
        ("f ⇒ d", "e ⇒ c ⇒ r"),
    }
    texts = sorted(a.describe() for a in graph.attacks)
    assert texts == [
        "evidential attack: f ⇒ d, and d attacks c",
        "evidential attack: f ⇒ d, and d attacks c, on which c ⇒ r rests",
    ]
    assert argmap.extensions(m, "grounded", support="evidential") == [frozenset("efd")]
    labels = argmap.labelling(m, "grounded", support="evidential")
    assert labels == {"e": "in", "f": "in", "c": "out", "d": "in"} | dict.fromkeys("xru", "out")
    # without d's attack, the chain stands, and x's attack (no evidence) does not count
    calm = attrs.evolve(m, edges=[e for e in m.edges if e.source != "d"])
    assert argmap.extensions(calm, "grounded", support="evidential") == [frozenset("efcdr")]


def test_evidential_linked_premises_all_need_evidence() -> None:
    """(e + c) ⇒ r: r stands only when e and c are both established from evidence."""
    m = build("ecfr", [sup("e", "c", to="r"), sup("f", to="c")], evidence="ef")
    graph = attack_graph(m, "evidential")
    assert graph.arguments_for("r") == ("(e + f ⇒ c) ⇒ r",)
    assert ext(m, "grounded", "evidential") == [{"e", "f", "c", "r"}]
    cut = build("ecr", [sup("e", "c", to="r")], evidence="e")
    assert ext(cut, "grounded", "evidential") == [{"e"}]


def layered(width: int, depth: int) -> ArgumentMap:
    """Evidence e, then ``depth`` layers of ``width`` claims, each supported by every node
    of the layer below: ``width ** depth`` chains end in the top layer."""
    names = ["e"] + [f"x{i}_{j}" for i in range(depth) for j in range(width)]
    edges = [sup("e", to=f"x0_{j}") for j in range(width)]
    for i in range(1, depth):
        edges += [sup(f"x{i - 1}_{k}", to=f"x{i}_{j}") for j in range(width) for k in range(width)]
    return ArgumentMap(
        "l", "Layers", [Node(n, "evidence" if n == "e" else "claim", n) for n in names], edges
    )


def test_evidential_chains_take_time_linear_in_their_number() -> None:
    start = time.perf_counter()
    graph = attack_graph(layered(4, 6), "evidential")  # 4 + 16 + ... + 4096 = 5,460 chains
    elapsed = time.perf_counter() - start
    assert len(graph.arguments) == 1 + sum(4**k for k in range(1, 7))
    assert elapsed < 5


def test_too_many_chains_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(justified_module, "MAX_CHAINS", 100)
    with pytest.raises(argmap.ArgmapError, match="more than 100 arguments"):
        attack_graph(layered(4, 6), "evidential")
    assert MAX_CHAINS == 100_000

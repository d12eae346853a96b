"""Explanations: shared defence graphs, derived attacks said how, answers that agree with
the extensions, witnesses that are real extensions."""

from __future__ import annotations

import time
from graphlib import TopologicalSorter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Edge, Node
from argmap.bipolar import AttackKind, attack_graph
from argmap.bipolar import extensions as map_extensions
from argmap.explanation import (
    READINGS,
    DefenceGraph,
    Explanation,
    FrameworkBackend,
    backend_for,
    explain,
)
from argmap.framework import AF
from argmap.options import Semantics, Support
from argmap.semantics import extensions, is_extension, labelling, labelling_of
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline, SolverTimeout
from tests.helpers import MAPS, SHOWCASE
from tests.strategies import argument_maps, frameworks

ALL_SEMANTICS = [s.value for s in Semantics]
READINGS_HERE = ["defeasible", "none", "deductive", "necessary", "evidential"]
FRAMEWORK_READINGS = ["none", "deductive", "necessary", "evidential"]
"""The readings whose attack graph is a Dung framework with the reading's extensions."""
ESSAYS = [p for p in sorted(MAPS.glob("*.yaml")) if p.stem != "corpus"]


@st.composite
def support_maps(draw: st.DrawFn, max_nodes: int = 6) -> ArgumentMap:
    """A small map dense in supports (convergent chains from evidence), attacks and
    undercuts: many nodes with several supported arguments under evidential support."""
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    names = [f"n{i}" for i in range(n)]
    kinds = draw(st.lists(st.sampled_from(["evidence", "claim"]), min_size=n, max_size=n))
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    supports = [(a, b) for a, b in draw(st.lists(pairs, max_size=2 * n, unique=True)) if a != b]
    attacks = draw(st.lists(pairs, max_size=n, unique=True))
    if draw(st.booleans()):  # mutual attacks: several extensions, each with its own chains
        attacks = list(dict.fromkeys(attacks + [(b, a) for a, b in attacks]))
    edges = [Edge("support", a, b, id=f"s{i}") for i, (a, b) in enumerate(supports)]
    edges += [Edge("attack", a, b) for a, b in attacks]
    if supports:
        undercut = draw(st.lists(st.integers(0, len(supports) - 1), max_size=2, unique=True))
        edges += [Edge("attack", draw(st.sampled_from(names)), f"s{i}") for i in undercut]
    nodes = [Node(id=x, kind=k, text=x.upper()) for x, k in zip(names, kinds, strict=True)]
    return ArgumentMap(id="toy", title="Toy", nodes=nodes, edges=edges)


def layered(levels: int) -> AF:
    """A chain of diamonds: ``t{k}`` is attacked by ``l{k}`` and ``r{k}``, both attacked by
    ``t{k-1}``. Unfolded into a tree, the explanation of the top doubles at every level."""
    names = ["t0"]
    attacks = []
    for k in range(1, levels + 1):
        names += [f"l{k}", f"r{k}", f"t{k}"]
        attacks += [(f"t{k - 1}", f"l{k}"), (f"t{k - 1}", f"r{k}")]
        attacks += [(f"l{k}", f"t{k}"), (f"r{k}", f"t{k}")]
    return AF(names, attacks)


def check_graph(af: AF, graph: DefenceGraph, labels: dict[str, Label]) -> None:
    """One step per argument, each as the grounded labelling has it, IN/OUT well-founded."""
    steps = {s.argument: s for s in graph.steps}
    assert len(steps) == len(graph.steps), "each argument is explained once"
    assert graph.steps[0].argument == graph.root
    for step in graph.steps:
        assert step.label == labels[step.argument]
        attackers = set(af.attackers_of(step.argument))
        linked = [link.argument for link in step.because]
        assert all(a in steps for a in linked), "every reference has its step"
        if step.label is Label.IN:
            assert set(linked) == attackers
            assert all(steps[a].label is Label.OUT for a in linked)
        elif step.label is Label.OUT:
            (killer,) = linked
            assert killer in attackers
            assert steps[killer].label is Label.IN
        else:
            assert set(linked) == {a for a in attackers if labels[a] != "out"} - {step.argument}
    # the IN/OUT part is acyclic: a depth-first search meets no step on its own path
    done: set[str] = set()
    for start in steps:
        path: list[tuple[str, int]] = [(start, 0)]
        on_path = {start}
        while path:
            node, i = path.pop()
            decided = [
                x.argument for x in steps[node].because if steps[x.argument].label != "undec"
            ]
            if steps[node].label == "undec" or i == len(decided):
                on_path.discard(node)
                done.add(node)
                continue
            path.append((node, i + 1))
            nxt = decided[i]
            assert nxt not in on_path, "an IN/OUT step rests on itself"
            if nxt not in done:
                path.append((nxt, 0))
                on_path.add(nxt)


@given(af=frameworks())
def test_grounded_explanations_are_shared_defence_graphs(af: AF) -> None:
    labels = labelling(af, "grounded")
    for argument in af.arguments:
        found = explain(af, argument)
        assert found.accepted == (labels[argument] is Label.IN)
        assert found.label == labels[argument]
        assert found.defence is not None
        check_graph(af, found.defence, labels)
        text = str(found).splitlines()
        assert len(text) <= 1 + len(af) + sum(len(af.attackers_of(a)) for a in af.arguments)
        assert text[0].startswith(f"{argument} is {labels[argument].word} (grounded)")
        if labels[argument] is Label.UNDEC:  # only undecided steps: never "is rejected"
            assert " is rejected" not in str(found)


def test_shared_defenders_keep_the_explanation_polynomial() -> None:
    af = layered(18)  # 55 arguments; the unfolded tree has 2**20 - 3 lines
    assert len(af) == 55
    start = time.perf_counter()
    found = explain(af, "t18", timeout=10)
    text = str(found).splitlines()
    elapsed = time.perf_counter() - start
    assert found.accepted
    assert len(text) == 1 + 4 * 18  # each level: t, l, r, and one "see above"
    assert len(text) < 10_000
    assert elapsed < 2
    assert sum(line.endswith("(see above).") for line in text) == 18
    assert text[:5] == [
        "t18 is accepted (grounded): every attacker is rejected.",
        "  l18 is rejected: attacked by t17, which is accepted.",
        "    t17 is accepted: every attacker is rejected.",
        "      l17 is rejected: attacked by t16, which is accepted.",
        "        t16 is accepted: every attacker is rejected.",
    ]
    data = found.to_dict()["defence"]
    assert data["root"] == "t18"
    assert len(data["steps"]) == 55
    assert {"argument": "t17", "how": None} in data["steps"][1]["because"]


def test_a_long_chain_is_linear() -> None:
    n = 20_000
    af = AF([f"a{i}" for i in range(n)], [(f"a{i}", f"a{i + 1}") for i in range(n - 1)])
    start = time.perf_counter()
    text = str(explain(af, f"a{n - 1}"))
    assert time.perf_counter() - start < 5
    lines = text.splitlines()
    assert len(lines) == n
    assert max(len(line) for line in lines) < 200, "indentation is capped"


def test_timeout_is_honoured() -> None:
    with pytest.raises(SolverTimeout):
        explain(layered(18), "t18", timeout=0)

    class Expiring(Deadline):
        """A deadline that passes after a few looks."""

        def __init__(self) -> None:
            super().__init__(None)
            self.looks = 0

        def remaining(self) -> float | None:
            self.looks += 1
            if self.looks > 3:
                raise SolverTimeout("timed out")
            return None

    big = layered(2000)
    with pytest.raises(SolverTimeout):
        FrameworkBackend(big).defence("t2000", Expiring())


def test_texts() -> None:
    af = AF(["a", "b", "c", "d", "e"], [("a", "b"), ("b", "c"), ("d", "e"), ("e", "d")])
    assert (
        str(explain(af, "b"))
        == "b is rejected (grounded): attacked by a, which is accepted.\n  a is accepted: it has no attackers."
    )
    assert str(explain(af, "d")).splitlines() == [
        "d is undecided (grounded): no attacker is accepted, but e is not rejected either.",
        "  e is undecided: no attacker is accepted, but d is not rejected either.",
        "    d is undecided (see above).",
    ]
    credulous = explain(af, "d", "preferred", mode="credulous")
    assert str(credulous).splitlines() == [
        "d is credulously accepted (preferred): this extension contains it.",
        "  extension: {a, c, d}",
    ]
    skeptical = explain(af, "d", "preferred")
    assert skeptical.summary == (
        "d is not skeptically accepted (preferred): this extension leaves it out; it is attacked there by e."
    )
    assert skeptical.label is Label.OUT
    assert explain(af, "c", "preferred").summary.startswith(
        "c is skeptically accepted (preferred): it is in the grounded"
    )
    assert (
        explain(af, "c", "ideal").summary == "c is accepted (ideal): it is in the ideal extension."
    )
    assert (
        explain(af, "b", "ideal").summary
        == "b is rejected (ideal): attacked by a, in the ideal extension."
    )
    assert explain(af, "d", "ideal").summary == (
        "d is undecided (ideal): it is not in the ideal extension, and nothing in it attacks it."
    )
    assert explain(AF(["a"], [("a", "a")]), "a", "stable").summary.endswith(
        "there is no stable extension (vacuously)."
    )
    assert explain(AF(["a"], [("a", "a")]), "a", "preferred", mode="credulous").summary.endswith(
        "it attacks itself."
    )
    assert explain(AF(["a", "b"], [("a", "b"), ("b", "b")]), "a", "stage").summary == (
        "a is skeptically accepted (stage): every stage extension contains it."
    )


def test_undecided_in_a_counterexample_is_not_called_attacked() -> None:
    af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "c"), ("a", "c")])
    found = explain(af, "b", "preferred")  # {a} is preferred; b is rejected there
    assert found.label is Label.OUT
    found = explain(af, "a", "admissible")  # the empty set leaves a out, undecided
    assert found.label is Label.UNDEC
    assert found.summary.endswith("it is undecided there: nothing in it attacks it.")


@pytest.mark.parametrize("semantics", ALL_SEMANTICS)
@settings(max_examples=40)
@given(af=frameworks(max_arguments=6))
def test_framework_explanations_agree_with_the_extensions(semantics: str, af: AF) -> None:
    found = extensions(af, semantics)
    for argument in af.arguments:
        for mode in ("credulous", "skeptical"):
            check_agrees(af, argument, semantics, mode, found, af)


def check_agrees(
    target: AF | ArgumentMap,
    node: str,
    semantics: str,
    mode: str,
    found: list[frozenset[str]],
    af: AF | None,
    support: str = "none",
) -> Explanation:
    """``explain`` against the extensions listed for the same semantics (``found``)."""
    chosen = Semantics.parse(semantics)
    e = explain(target, node, semantics, mode=mode, support=support)
    inside = [node in x for x in found]
    if chosen.unique:
        expected = inside == [True]
    else:
        expected = any(inside) if mode == "credulous" else all(inside)
    assert e.accepted == expected, (str(e), found)
    if e.witness is not None:
        assert (node in e.witness) == e.accepted, str(e)
        assert _as_listed(e.witness, target) in found, (str(e), found)
        assert set(e.attackers) <= set(e.witness)
        if af is not None:
            assert is_extension(af, e.witness, semantics)
    if e.label is not None and e.witness is not None and isinstance(target, AF):
        assert e.label == labelling_of(target, e.witness)[node]
    if e.label is Label.UNDEC:  # undecided, never said to be rejected
        assert " is rejected" not in e.summary
        assert "undecided" in e.summary
    return e


def _as_listed(witness: frozenset[str], target: AF | ArgumentMap) -> frozenset[str]:
    """A witness as :func:`argmap.bipolar.extensions` lists extensions (nodes only)."""
    if isinstance(target, AF):
        return witness
    return witness & {n.id for n in target.nodes}


@pytest.mark.parametrize("semantics", ALL_SEMANTICS)
@pytest.mark.parametrize("support", READINGS_HERE)
@settings(max_examples=40)
@given(m=st.one_of(argument_maps(max_nodes=6), support_maps(), support_maps()))
def test_map_explanations_agree_with_the_extensions(
    support: str, semantics: str, m: ArgumentMap
) -> None:
    found = map_extensions(m, semantics, support=support)
    af = attack_graph(m, support).af() if support in ("none", "deductive") else None
    for node in m.nodes:
        for mode in ("credulous", "skeptical"):
            e = check_agrees(m, node.id, semantics, mode, found, None, support)
            if af is not None and e.witness is not None:
                # the reading's framework has no chains: the witness is its extension
                assert is_extension(af, e.witness, semantics)


def test_evidential_node_accepted_through_either_chain() -> None:
    """Two pieces of evidence attack each other and each supports c: every preferred
    extension accepts c, through one chain or the other."""
    m = argmap.map_from_yaml(
        """
id: toy
title: Toy
nodes:
  - {id: e1, kind: evidence, text: E1.}
  - {id: e2, kind: evidence, text: E2.}
  - {id: c, kind: claim, text: C.}
edges:
  - support: e1 -> c
  - support: e2 -> c
  - attack: e1 -> e2
  - attack: e2 -> e1
"""
    )
    assert [sorted(x) for x in map_extensions(m, "preferred", support="evidential")] == [
        ["c", "e1"],
        ["c", "e2"],
    ]
    found = explain(m, "c", "preferred", support="evidential")
    assert found.accepted
    assert found.witness is None
    assert (
        found.summary
        == "c is skeptically accepted (preferred): every preferred extension contains it."
    )
    assert explain(m, "e1", "preferred", support="evidential").witness == frozenset({"c", "e2"})
    grounded = explain(m, "c", support="evidential")
    assert grounded.label is Label.UNDEC
    assert not grounded.accepted
    assert str(grounded).splitlines() == [
        "c is undecided (grounded): no argument for it is accepted, but e1 ⇒ c, e2 ⇒ c are not rejected either.",
        "  e1 ⇒ c is undecided: no attacker is accepted, but e2 (evidential attack: e2, and e2 attacks e1, "
        "on which e1 ⇒ c rests) is not rejected either.",
        "    e2 is undecided: no attacker is accepted, but e1 is not rejected either.",
        "      e1 is undecided: no attacker is accepted, but e2 is not rejected either.",
        "        e2 is undecided (see above).",
        "  e2 ⇒ c is undecided: no attacker is accepted, but e1 (evidential attack: e1, and e1 attacks e2, "
        "on which e2 ⇒ c rests) is not rejected either.",
        "    e1 is undecided (see above).",
    ]
    for semantics in ("stable", "semi-stable", "stage", "preferred"):
        assert explain(m, "c", semantics, support="evidential").accepted


def test_a_derived_attack_is_explained_by_its_path() -> None:
    m = argmap.map_from_yaml(
        """
id: toy
title: Toy
nodes:
  - {id: x, kind: claim, text: X.}
  - {id: y, kind: claim, text: Y.}
  - {id: c, kind: claim, text: C.}
edges:
  - support: y -> c
  - attack: x -> y
"""
    )
    defeasible = explain(m, "c")  # the default: c's only reason uses y, which x defeats
    assert str(defeasible).splitlines() == [
        "c is rejected (grounded): every reason for it fails: y -> c (premise y is rejected).",
        "  y is rejected: attacked by x, which is accepted.",
        "    x is accepted: a premise of the map, unattacked.",
    ]
    found = explain(m, "c", support="necessary")  # x attacks y, and c needs y
    assert str(found).splitlines() == [
        "c is rejected (grounded): attacked by x (secondary attack: x attacks y, and y ⇒ c), which is accepted.",
        "  x is accepted: it has no attackers.",
    ]
    (step,) = [s for s in found.to_dict()["defence"]["steps"] if s["argument"] == "c"]
    assert step["because"] == [{"argument": "x", "how": "secondary attack: x attacks y, and y ⇒ c"}]
    deductive = explain(m, "y", "preferred", support="deductive")
    assert deductive.summary == (
        "y is not skeptically accepted (preferred): this extension leaves it out; it is attacked there by x."
    )
    evidential = explain(m, "c", support="evidential")
    assert evidential.summary.endswith("no argument for it can stand.")


@pytest.mark.parametrize("path", ESSAYS, ids=lambda p: p.stem)
@pytest.mark.parametrize("support", FRAMEWORK_READINGS)
def test_every_link_in_the_essays_says_how(path: object, support: str) -> None:
    m = argmap.read_map(path)  # type: ignore[arg-type]
    graph = attack_graph(m, support)
    kinds: dict[tuple[str, str], set[AttackKind]] = {}
    for d in graph.attacks:
        kinds.setdefault((d.attacker, d.target), set()).add(d.kind)
    for node in m.nodes:
        found = explain(m, node.id, support=support)
        assert found.defence is not None
        for step in found.defence.steps:
            for link in step.because:
                pair = (link.argument, step.argument)
                if pair not in kinds:
                    continue  # a node's link to its own argument (evidential)
                direct = AttackKind.DIRECT in kinds[pair]
                assert (link.how is None) == direct, (step, link)
                if not direct:
                    assert link.how == graph.derivations(*pair)[0].describe()


def test_the_showcase_reads_well() -> None:
    m = argmap.read_map(SHOWCASE)
    found = explain(m, "r-denounce")
    # the objection to denouncing is answered: its only reason is undercut
    assert str(found).splitlines() == [
        "r-denounce is accepted (grounded): through the reason c-trade-war-harm -> r-denounce, whose "
        "premise c-trade-war-harm is accepted; every attacker (c-credibility-bar) is rejected.",
        "  c-trade-war-harm is accepted: a premise of the map, unattacked.",
        "  c-credibility-bar is rejected: every reason for it fails: s-credibility (undercut by "
        "c-cannot-ignore, which is accepted).",
        "    c-cannot-ignore is accepted: through the reason c-nk-strategy -> c-cannot-ignore, whose "
        "premise c-nk-strategy is accepted; it has no attackers.",
        "      c-nk-strategy is accepted: through the reason c-nk-cooperation-needed -> c-nk-strategy, "
        "whose premise c-nk-cooperation-needed is accepted; it has no attackers.",
        "        c-nk-cooperation-needed is accepted: a premise of the map, unattacked.",
    ]
    steps = found.to_dict()["defence"]["steps"]
    assert [(s["argument"], s["label"]) for s in steps[:3]] == [
        ("r-denounce", "in"),
        ("c-trade-war-harm", "in"),
        ("c-credibility-bar", "out"),
    ]
    conceded = explain(m, "c-no-credibility", support="deductive")
    # deductively, the conceded premise falls with the inference the essay undercuts
    assert conceded.summary == (
        "c-no-credibility is rejected (grounded): attacked by c-cannot-ignore (mediated attack: "
        "c-cannot-ignore attacks s-credibility, and c-no-credibility ⇒ s-credibility), "
        "which is accepted."
    )
    assert explain(m, "r-denounce", support="deductive").summary == (
        "r-denounce is rejected (grounded): attacked by c-credibility-bar, which is accepted."
    )
    with pytest.raises(argmap.ArgmapError, match="no argument 'zz'"):
        explain(m, "zz")
    with pytest.raises(argmap.ArgmapError, match="unknown acceptance mode"):
        explain(m, "r-denounce", "preferred", mode="sometimes")


def test_readings_dispatch_through_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    m = argmap.read_map(SHOWCASE)
    assert set(READINGS) == {Support(s) for s in READINGS_HERE}
    monkeypatch.delitem(READINGS, Support.DEDUCTIVE)
    with pytest.raises(argmap.ArgmapError, match="under deductive support are not available"):
        explain(m, "r-denounce", support="deductive")
    seen = []

    def toy(m: ArgumentMap, support: Support) -> FrameworkBackend:
        seen.append(support)
        return FrameworkBackend(AF(["r-denounce", "z"], [("z", "r-denounce")]))

    monkeypatch.setitem(READINGS, Support.DEDUCTIVE, toy)
    found = explain(m, "r-denounce", support="deductive")
    assert seen == [Support.DEDUCTIVE]
    assert found.label is Label.OUT
    assert isinstance(backend_for(AF(["a"])), FrameworkBackend)


@pytest.mark.parametrize("path", ESSAYS, ids=lambda p: p.stem)
def test_defeasible_explanations_follow_the_grounded_labelling(path: object) -> None:
    m = argmap.read_map(path)  # type: ignore[arg-type]
    labels = argmap.labelling(m, "grounded")
    for node in m.nodes:
        found = explain(m, node.id)
        assert found.defence is not None
        steps = {s.argument: s for s in found.defence.steps}
        for step in found.defence.steps:
            assert step.label == labels[step.argument], step
            if step.label is Label.IN:  # an IN node rests on IN premises and OUT attackers
                assert all(labels[x.argument] in (Label.IN, Label.OUT) for x in step.because)
        # IN and OUT steps never loop back on themselves
        settled = {a: s for a, s in steps.items() if s.label is not Label.UNDEC}
        order = TopologicalSorter(
            {
                a: [x.argument for x in s.because if x.argument in settled]
                for a, s in settled.items()
            }
        )
        order.prepare()  # raises CycleError on a loop

"""Gradual semantics against their published equations, computed here item by item."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.gradual import NotConverged, WeightedGraph, strengths
from argmap.options import GradualSemantics

ALL = list(GradualSemantics)
BIPOLAR = [s for s in ALL if s is not GradualSemantics.H_CATEGORISER]


def equation(semantics: GradualSemantics, w: float, att: list[float], sup: list[float]) -> float:
    """One item's strength from its base score and its attackers' and supporters' strengths,
    as each paper writes it."""
    if semantics is GradualSemantics.DFQUAD:
        va = 1 - math.prod(1 - x for x in att)
        vs = 1 - math.prod(1 - x for x in sup)
        return w - w * abs(vs - va) if va >= vs else w + (1 - w) * abs(vs - va)
    if semantics is GradualSemantics.H_CATEGORISER:
        return w / (1 + sum(att))
    energy = sum(sup) - sum(att)
    if semantics is GradualSemantics.QUADRATIC_ENERGY:

        def h(x: float) -> float:
            return max(x, 0) ** 2 / (1 + max(x, 0) ** 2)

        return w - w * h(-energy) + (1 - w) * h(energy)
    return 1 - (1 - w * w) / (1 + w * math.exp(energy))


def satisfies_the_equations(
    g: WeightedGraph, semantics: GradualSemantics, found: dict[str, float], within: float
) -> bool:
    for item, w in zip(g.items, g.base, strict=True):
        if item in g.reasons:
            w = min(found[p] for p in g.reasons[item])
        att = [found[a] for a, b in g.attacks if b == item]
        sup = [found[a] for a, b in g.supports if b == item]
        if abs(found[item] - equation(semantics, w, att, sup)) > within:
            return False
    return True


@st.composite
def graphs(draw: st.DrawFn, acyclic: bool, supports: bool = True) -> WeightedGraph:
    """Up to 7 items; acyclic: every edge and every premise goes from a lower index to a higher.

    With supports, one item may be a reason: its premises are items before it (any items, if
    cyclic), nothing supports it, and attacks on it are undercuts.
    """
    n = draw(st.integers(1, 7))
    items = [f"n{i}" for i in range(n)]
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    allowed = [(a, b) for a in range(n) for b in range(n) if (a < b if acyclic else a != b)]
    pairs = st.lists(st.sampled_from(allowed), max_size=10, unique=True) if allowed else st.just([])
    attacks = draw(pairs)
    sup = draw(pairs) if supports else []
    reasons: dict[str, tuple[str, ...]] = {}
    if supports and n >= 2 and draw(st.booleans()):
        k = draw(st.integers(1, n - 1))
        pool = list(range(k)) if acyclic else [i for i in range(n) if i != k]
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        reasons[items[k]] = tuple(items[i] for i in premises)
        sup = [(a, b) for a, b in sup if b != k]
    return WeightedGraph(
        items,
        base,
        [(items[a], items[b]) for a, b in attacks],
        [(items[a], items[b]) for a, b in sup],
        reasons,
    )


@given(graphs(acyclic=True), st.sampled_from(BIPOLAR))
def test_acyclic_strengths_satisfy_each_papers_equations(
    g: WeightedGraph, semantics: GradualSemantics
) -> None:
    found = strengths(g, semantics)
    assert all(0.0 <= v <= 1.0 for v in found.values())
    assert satisfies_the_equations(g, semantics, found, 1e-12)


@given(graphs(acyclic=True, supports=False))
def test_the_h_categoriser_satisfies_its_equation(g: WeightedGraph) -> None:
    found = strengths(g, GradualSemantics.H_CATEGORISER)
    assert satisfies_the_equations(g, GradualSemantics.H_CATEGORISER, found, 1e-12)


@given(graphs(acyclic=False), st.sampled_from(BIPOLAR))
def test_cyclic_strengths_are_a_fixpoint_of_the_equations(
    g: WeightedGraph, semantics: GradualSemantics
) -> None:
    try:
        found = strengths(g, semantics, tolerance=1e-12, step=0.5)
    except NotConverged:
        assume(False)
    assert satisfies_the_equations(g, semantics, found, 1e-9)


@given(graphs(acyclic=True), st.sampled_from(BIPOLAR), st.data())
def test_an_attack_more_never_strengthens_and_a_support_more_never_weakens(
    g: WeightedGraph, semantics: GradualSemantics, data: st.DataObject
) -> None:
    """Monotonicity, on acyclic graphs (the new edge goes forward, so none is made cyclic)."""
    n = len(g.items)
    candidates = [j for j in range(1, n) if g.items[j] not in g.reasons]
    if not candidates:
        return
    j = data.draw(st.sampled_from(candidates))
    i = data.draw(st.integers(0, j - 1))
    source, target = g.items[i], g.items[j]
    before = strengths(g, semantics)[target]
    attacked = WeightedGraph(g.items, g.base, [*g.attacks, (source, target)], g.supports, g.reasons)
    supported = WeightedGraph(
        g.items, g.base, g.attacks, [*g.supports, (source, target)], g.reasons
    )
    assert strengths(attacked, semantics)[target] <= before + 1e-12
    assert strengths(supported, semantics)[target] >= before - 1e-12


@given(graphs(acyclic=True), st.sampled_from(BIPOLAR), st.floats(0, 1))
def test_a_base_score_changes_only_what_lies_downstream(
    g: WeightedGraph, semantics: GradualSemantics, score: float
) -> None:
    """Directionality: an item's strength depends only on the items with a path to it."""
    last = len(g.items) - 1
    changed = WeightedGraph(g.items, [*g.base[:last], score], g.attacks, g.supports, g.reasons)
    before, after = strengths(g, semantics), strengths(changed, semantics)
    upstream = {g.items[last]}
    grew = True
    while grew:  # everything the last item reaches
        reached = {b for a, b in (*g.attacks, *g.supports) if a in upstream}
        reached |= {r for r, ps in g.reasons.items() if upstream & set(ps)}
        grew = not reached <= upstream
        upstream |= reached
    for item in g.items:
        if item not in upstream:
            assert after[item] == before[item]


def test_a_lone_item_keeps_its_base_score_and_known_values() -> None:
    g = WeightedGraph(["a", "b"], [0.3, 0.9], attacks=[("b", "a")])
    assert strengths(WeightedGraph(["a"], [0.3]), "euler")["a"] == pytest.approx(0.3)
    assert strengths(g, "dfquad")["a"] == pytest.approx(0.3 - 0.3 * 0.9)
    assert strengths(g, "h-categoriser")["a"] == pytest.approx(0.3 / 1.9)
    assert strengths(g, "quadratic-energy")["a"] == pytest.approx(0.3 - 0.3 * 0.81 / 1.81)
    linked = WeightedGraph(
        ["p", "q", "r", "c"], [0.9, 0.4, 1.0, 0.5], supports=[("r", "c")], reasons={"r": ("p", "q")}
    )
    assert strengths(linked, "dfquad")["r"] == pytest.approx(0.4)  # its weakest premise
    assert strengths(linked, "dfquad")["c"] == pytest.approx(0.5 + 0.5 * 0.4)


def test_what_cannot_be_computed_is_said() -> None:
    with pytest.raises(ArgmapError, match="attacks only"):
        strengths(WeightedGraph(["a", "b"], [0.5, 0.5], supports=[("a", "b")]), "h-categoriser")
    with pytest.raises(ArgmapError, match=r"of 'a' is 2.0, not in \[0, 1\]; 'x' is no item"):
        WeightedGraph(["a"], [2.0], attacks=[("x", "a")])
    with pytest.raises(ArgmapError, match="did not settle"):
        # DF-QuAD on a two-cycle of full attacks oscillates between 0 and 1
        strengths(WeightedGraph(["a", "b"], [1.0, 1.0], [("a", "b"), ("b", "a")]), "dfquad")


def test_a_maps_linked_premises_and_undercuts_enter_as_the_docstring_says() -> None:
    import argmap
    from argmap.gradual import map_graph, map_strengths

    m = argmap.ArgumentMap(
        "m",
        "M",
        [
            argmap.Node("p", "evidence", "P.", weight=0.9),
            argmap.Node("q", "claim", "Q.", weight=0.4),
            argmap.Node("u", "claim", "U.", weight=0.5),
            argmap.Node("r", "recommendation", "Do it.", actors=["US"]),
        ],
        [
            argmap.Edge("support", "p", "r", id="why", linked=["q"]),
            argmap.Edge("attack", "u", "why"),
        ],
    )
    g = map_graph(m)
    assert g.attacks == (("u", "why"),)
    assert g.reasons == {"why": ("p", "q")}
    found = map_strengths(m, "dfquad")
    assert found["why"] == pytest.approx(0.4 - 0.4 * 0.5)  # weakest premise, undercut by u
    assert found["r"] == pytest.approx(0.5 + 0.5 * found["why"])  # r has no weight: 0.5
    assert found == strengths(g, "dfquad")


def test_every_recommendation_of_the_five_essays_has_a_strength() -> None:
    import argmap
    from argmap.gradual import map_strengths
    from tests.helpers import MAPS

    for path in sorted(MAPS.glob("*.yaml")):
        if path.name == "corpus.yaml":
            continue
        m = argmap.read_map(path)
        for semantics in BIPOLAR:
            found = map_strengths(m, semantics)
            assert all(0.0 <= found[r.id] <= 1.0 for r in m.recommendations), (path, semantics)


def test_argmap_strength_prints_every_node_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import argmap
    from argmap.cli import main
    from argmap.gradual import map_strengths
    from tests.helpers import MAPS

    path = MAPS / "hudson-cronin-2019.yaml"
    assert main(["strength", str(path), "--semantics", "QE", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    m = argmap.read_map(path)
    assert data["semantics"] == "quadratic-energy"
    assert data["strengths"] == {
        k: v
        for k, v in map_strengths(m, "quadratic-energy").items()
        if k in {n.id for n in m.nodes}
    }
    assert set(data["reasons"]) == {e.key for e in m.supports}
    assert main(["strength", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("hudson-cronin-2019: strengths under dfquad")
    assert max(len(line) for line in lines) <= 80
    first = lines[lines.index(next(x for x in lines if x.startswith("----"))) + 1]
    assert first.split()[:2] == [m.recommendations[0].id, "recommendation"]
    assert main(["strength", str(path), "-s", "h-categoriser"]) == 1
    assert "reads attacks only" in capsys.readouterr().err


# -- contributions and sensitivity ---------------------------------------------------------


@given(graphs(acyclic=True), st.sampled_from(BIPOLAR))
def test_shapley_values_add_up_to_what_the_other_items_change(
    g: WeightedGraph, semantics: GradualSemantics
) -> None:
    from argmap.gradual.contributions import _strength, _without, shapley_contributions

    target = g.items[-1]
    values = shapley_contributions(g, target, semantics)
    alone = _strength(_without(g, values), target, semantics)
    whole = strengths(g, semantics)[target]
    assert sum(values.values()) == pytest.approx(whole - alone, abs=1e-9)


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.sampled_from(BIPOLAR))
def test_a_supporter_contributes_and_an_attacker_takes_away(
    w: float, pro: float, con: float, semantics: GradualSemantics
) -> None:
    from argmap.gradual.contributions import gradient_contributions, removal_contributions

    g = WeightedGraph(["t", "pro", "con"], [w, pro, con], [("con", "t")], [("pro", "t")])
    removal = removal_contributions(g, "t", semantics)
    assert removal["pro"] >= -1e-12
    assert removal["con"] <= 1e-12
    gradient = gradient_contributions(g, "t", semantics)
    assert gradient["pro"] >= -1e-6
    assert gradient["con"] <= 1e-6


def test_the_gradient_of_a_dfquad_support_is_one_minus_the_base_score() -> None:
    from argmap.gradual.contributions import gradient_contributions

    g = WeightedGraph(["t", "s"], [0.3, 0.4], supports=[("s", "t")])
    assert gradient_contributions(g, "t", "dfquad")["s"] == pytest.approx(0.7, abs=1e-6)


@given(
    st.floats(0, 1),
    st.lists(st.floats(0, 1), min_size=1, max_size=3),
    st.lists(st.floats(0, 1), min_size=1, max_size=3),
    st.sampled_from(BIPOLAR),
    st.floats(0.05, 0.95),
)
def test_a_sensitivity_is_the_smallest_change_that_crosses_the_threshold(
    w: float, pros: list[float], cons: list[float], semantics: GradualSemantics, threshold: float
) -> None:
    import attrs

    from argmap.gradual.contributions import sensitivity

    def _with_base(g: WeightedGraph, item: str, score: float) -> WeightedGraph:
        return attrs.evolve(
            g, base=[score if i == item else b for i, b in zip(g.items, g.base, strict=True)]
        )

    names = [f"p{i}" for i in range(len(pros))] + [f"c{i}" for i in range(len(cons))]
    g = WeightedGraph(
        ["t", *names],
        [w, *pros, *cons],
        [(n, "t") for n in names if n[0] == "c"],
        [(n, "t") for n in names if n[0] == "p"],
    )
    above = strengths(g, semantics)["t"] >= threshold
    found = sensitivity(g, "t", semantics, threshold, steps=40)
    assert [abs(s.change) for s in found] == sorted(abs(s.change) for s in found)
    for s in found:
        moved = strengths(_with_base(g, s.item, s.base), semantics)["t"]
        assert (moved >= threshold) != above
        assert s.path == (s.item, "t")
        old = s.base - s.change
        if abs(s.change) < 1e-6:  # on the threshold already: within the bisection's 1e-9
            continue
        nearly = strengths(_with_base(g, s.item, old + 0.99 * s.change), semantics)["t"]
        assert (nearly >= threshold) == above  # monotone here: nothing smaller crosses


def test_shapley_values_of_a_large_graph_are_refused_with_the_alternatives() -> None:
    from argmap.gradual.contributions import shapley_contributions

    items = [f"n{i}" for i in range(14)]
    g = WeightedGraph(items, [0.5] * 14, supports=[(n, "n0") for n in items[1:]])
    with pytest.raises(ArgmapError, match=r"13 items reach 'n0'.*use removal or gradient"):
        shapley_contributions(g, "n0")


def test_argmap_strength_explain_gives_contributions_and_sensitivity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from argmap.cli import main
    from tests.helpers import MAPS

    path = MAPS / "our-national-conversation-2024.yaml"
    args = ["strength", str(path), "-s", "euler", "--explain", "r-conduit", "--threshold", "0.7"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    contributions = data["contributions"]
    assert contributions["c-working"]["removal"] > 0
    assert [abs(c["removal"]) for c in contributions.values()] == sorted(
        (abs(c["removal"]) for c in contributions.values()), reverse=True
    )
    found = data["sensitivity"]
    assert found
    assert all(s["path"][0] == s["node"] and s["path"][-1] == "r-conduit" for s in found)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "What makes r-conduit 0.682" in out
    assert "One weight changed alone that takes r-conduit at or above 0.7:" in " ".join(out.split())
    assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["strength", str(path), "--explain", "nope"]) == 1
    assert "has no node or reason 'nope'" in capsys.readouterr().err


@given(graphs(acyclic=False), st.sampled_from(["dfquad", "quadratic-energy"]))
def test_strengths_agree_with_formal_argumentation(g: WeightedGraph, semantics: str) -> None:
    """The same graphs (no reasons: it has none) through formal-argumentation's reference code."""
    theirs = pytest.importorskip("argumentation.gradual.gradual")
    dfquad = pytest.importorskip("argumentation.gradual.dfquad")
    assume(not g.reasons and not set(g.attacks) & set(g.supports))
    graph = theirs.WeightedBipolarGraph(
        frozenset(g.items),
        dict(zip(g.items, g.base, strict=True)),
        frozenset(g.attacks),
        frozenset(g.supports),
    )
    if semantics == "dfquad":
        result = dfquad.dfquad_strengths(graph, tolerance=1e-12, max_iterations=100_000)
    else:
        result = theirs.quadratic_energy_strengths_discrete(
            graph, tolerance=1e-12, max_iterations=100_000
        )
    assume(result.converged)
    try:
        ours = strengths(g, semantics, tolerance=1e-12, max_iterations=100_000)
    except NotConverged:
        assume(False)
    for item in g.items:
        assert ours[item] == pytest.approx(result.strengths[item], abs=1e-9), item


def test_argmap_strength_on_a_folder_lists_every_recommendation_under_each_semantics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    import argmap
    from argmap.cli import main
    from argmap.gradual import map_strengths
    from tests.helpers import MAPS

    assert main(["strength", str(MAPS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == ["dfquad", "quadratic-energy", "euler"]
    corpus = argmap.read_corpus(MAPS)
    for m in corpus.maps:
        expected = map_strengths(m, "euler")
        assert set(data["essays"][m.id]) == {r.id for r in m.recommendations}
        for r in m.recommendations:
            assert data["essays"][m.id][r.id]["euler"] == expected[r.id]
    assert main(["strength", str(MAPS)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    rows = [line.split()[0] for line in out.splitlines() if line.startswith("hudson-cronin")]
    assert rows[0] == "hudson-cronin-2019:r-help-not-hinder"
    assert main(["strength", str(MAPS), "--explain", "x"]) == 1
    assert "give the map's file" in capsys.readouterr().err


def test_argmap_extensions_adds_a_strength_column_where_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    import argmap
    from argmap.cli import main
    from argmap.gradual import map_strengths
    from tests.helpers import MAPS

    path = MAPS / "hudson-cronin-2019.yaml"
    assert main(["extensions", str(path), "--strength", "euler", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    m = argmap.read_map(path)
    expected = map_strengths(m, "euler")
    assert data["strength"]["strengths"] == {n.id: expected[n.id] for n in m.nodes}
    assert main(["extensions", str(path), "--strength", "euler"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("strength: euler")
    assert f"c-fractured            claim           accepted   {expected['c-fractured']:.3f}" in out
    assert main(["extensions", str(path)]) == 0
    assert "strength" not in capsys.readouterr().out


def test_each_essay_page_of_the_report_gives_its_recommendations_strengths(
    tmp_path: Path,
) -> None:
    import argmap
    from argmap.gradual import BIPOLAR_SEMANTICS, map_strengths
    from argmap.render.report import write_report
    from tests.helpers import MAPS

    corpus = argmap.read_corpus(MAPS)
    write_report(corpus, tmp_path)
    for m in corpus.maps:
        page = (tmp_path / f"essay-{m.id}.html").read_text(encoding="utf-8")
        assert "strength (DF-QuAD / QE / Euler)" in page
        graded = [map_strengths(m, s) for s in BIPOLAR_SEMANTICS]
        for r in m.recommendations:
            cell = " / ".join(f"{found[r.id]:.2f}" for found in graded)
            row = page[page.index(f"<code>{r.id}</code>") :]
            assert f"<td>{cell}</td>" in row[: row.index("</tr>")], (m.id, r.id)


# -- where people see it: diagrams, the consensus matrix, the report ------------------------


def _badges(source: str) -> dict[str, str]:
    """Node id → the strength its badge shows, read off a diagram's DOT."""
    import re

    found = {}
    for line in source.splitlines():
        named = re.match(r'\s*"([^"]+)" \[', line)
        badge = re.search(r"strength <B>([0-9.]+)</B>", line)
        if named and badge:
            found[named.group(1)] = badge.group(1)
    return found


def test_a_diagram_shades_each_node_by_its_strength() -> None:
    import re

    import argmap
    from argmap.gradual import map_strengths
    from argmap.render.diagrams import map_drawing
    from argmap.render.essay import STATUS_STYLES, strength_shade
    from tests.helpers import MAPS

    m = argmap.read_map(MAPS / "our-national-conversation-2024.yaml")
    expected = map_strengths(m, "euler")
    source = map_drawing(m, strength="EB").source
    assert _badges(source) == {n.id: f"{expected[n.id]:.2f}" for n in m.nodes}
    assert "strength (Euler-based)" in source
    assert "1 strong" in source
    # one per reason, by its arrow or junction (after its scheme's name, if it has one)
    labels = sorted(re.findall(r'xlabel="(?:[^"]* )?([0-9.]+)"', source))
    assert labels == sorted(f"{expected[e.key]:.2f}" for e in m.supports)
    for node in m.nodes:  # no semantics: the fill is the strength's shade
        line = next(x for x in source.splitlines() if x.strip().startswith(f'"{node.id}" ['))
        assert f'fillcolor="{strength_shade(expected[node.id])}"' in line, node.id
    both = map_drawing(m, "grounded", strength="dfquad").source  # status keeps the fill
    fills = set(re.findall(r'fillcolor="(#[0-9A-F]{6})"', both))
    assert fills <= {fill for fill, _, _ in STATUS_STYLES.values()}
    assert "strength (DF-QuAD)" in both
    assert "status" in both
    assert not _badges(map_drawing(m, "grounded").source)
    assert "strength (" not in map_drawing(m, "grounded").source


def test_strength_shades_run_from_orange_through_grey_to_purple() -> None:
    from argmap.render.essay import strength_shade

    def rgb(value: float) -> tuple[int, ...]:
        return tuple(bytes.fromhex(strength_shade(value)[1:]))

    assert strength_shade(-1) == strength_shade(0) == "#F1A340"
    assert strength_shade(2) == strength_shade(1) == "#998EC3"
    reds = [rgb(k / 20)[0] for k in range(11, 21)]  # above 0.5 the red falls steadily
    assert reds == sorted(reds, reverse=True)
    assert reds[0] > reds[-1]
    blues = [rgb(k / 20)[2] for k in range(10)]  # below 0.5 the blue rises steadily
    assert blues == sorted(blues)
    assert blues[0] < blues[-1]


def test_a_strength_badge_cannot_carry_markup_from_the_map() -> None:
    import argmap
    from argmap.render.diagrams import map_drawing

    m = argmap.ArgumentMap(
        "m",
        "<B>T</B>",
        [argmap.Node("c", "claim", 'x"><TABLE>&amp;</TD>', weight=0.25)],
    )
    source = map_drawing(m, strength="quadratic-energy").source
    assert "&lt;TABLE&gt;&amp;amp;&lt;/TD&gt;" in source
    assert "strength <B>0.25</B>" in source


def test_a_corpus_drawing_refuses_strength_and_says_where_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import argmap
    from argmap.cli import main
    from tests.helpers import MAPS

    with pytest.raises(ArgmapError, match="argmap report shades each essay's page"):
        argmap.draw(argmap.read_corpus(MAPS), format="dot", strength="dfquad")
    out = tmp_path / "c.svg"
    assert main(["render", str(MAPS), "-o", str(out), "--strength", "dfquad"]) == 1
    assert "report shades each essay's page" in capsys.readouterr().err
    assert not out.exists()
    path = MAPS / "hudson-cronin-2019.yaml"
    assert main(["render", str(path), "-o", str(tmp_path / "m.dot"), "--strength", "QE"]) == 0
    assert "strength (quadratic energy)" in (tmp_path / "m.dot").read_text(encoding="utf-8")


def test_the_consensus_matrix_gives_each_stating_essays_strength(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    import argmap
    from argmap.analysis.consensus import consensus
    from argmap.cli import main
    from argmap.gradual import map_strengths
    from tests.helpers import MAPS

    corpus = argmap.read_corpus(MAPS)
    found = consensus(corpus).with_strengths(corpus, "euler")
    by_id = {m.id: map_strengths(m, "euler") for m in corpus.maps}
    stated = 0
    for item in found.items:
        expected: dict[str, float] = {}
        for ref in item.members:
            value = by_id[ref.essay][ref.node]
            expected[ref.essay] = max(value, expected.get(ref.essay, 0.0))
        assert dict(found.strengths[item.node]) == expected, item.node
        stated += len(expected)
    assert stated >= len(found.items)
    matrix = found.matrix()
    for row in matrix["rows"]:  # a strength for the counted essays that state it, no others
        assert set(row["strengths"]) == set(found.strengths[row["node"]]) & set(found.counted)
    assert "strengths" not in consensus(corpus).matrix()["rows"][0]

    assert main(["consensus", str(MAPS), "--strength", "euler", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["strength"] == "euler"
    assert data["matrix"] == json.loads(json.dumps(matrix))
    assert main(["consensus", str(MAPS), "--strength", "euler"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in out) <= 80
    assert "Euler-based strength where the essay states it" in " ".join(out)
    first = found.items[0]
    row = next(line for line in out if line.startswith(first.node + " "))
    marks = [
        f"{found.stance(first, e).mark}{found.strengths[first.node][e]:.2f}" for e in found.counted
    ]
    assert row.split()[1:] == marks


def test_the_report_shades_its_essay_diagrams_and_matrix_by_strength(tmp_path: Path) -> None:
    import re

    import argmap
    from argmap.analysis.consensus import consensus
    from argmap.gradual import map_strengths
    from argmap.render.report import write_report
    from tests.helpers import MAPS

    corpus = argmap.read_corpus(MAPS)
    write_report(corpus, tmp_path, strength="euler")
    for m in corpus.maps:
        page = (tmp_path / f"essay-{m.id}.html").read_text(encoding="utf-8")
        expected = map_strengths(m, "euler")
        assert "Euler-based strength, shaded" in page
        for n in m.nodes:  # each node's drawn group carries its badge
            group = page[page.index(f'id="n:{n.id.replace("-", "&#45;")}"') :]
            group = group[: group.index("</g>")]
            assert f"{expected[n.id]:.2f}" in group, (m.id, n.id)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    found = consensus(corpus).with_strengths(corpus, "euler")
    shown = re.findall(r'<span class="strength" style="background: #[0-9A-F]{6}">([0-9.]+)<', index)
    assert sorted(shown) == sorted(
        f"{v:.2f}"
        for node, row in found.strengths.items()
        for essay, v in row.items()
        if essay in found.counted
    )
    assert "Euler-based strength, from 0 weak to 1 strong" in index


def test_a_report_of_a_map_whose_strengths_do_not_settle_says_so(tmp_path: Path) -> None:
    import argmap
    from argmap.render.report import write_report

    m = argmap.ArgumentMap(
        "loop",
        "Loop",
        [
            argmap.Node("a", "claim", "A.", weight=1.0),
            argmap.Node("b", "claim", "B.", weight=1.0),
            argmap.Node("r", "recommendation", "Act.", actors=["US"]),
        ],
        [
            argmap.Edge("attack", "a", "b"),
            argmap.Edge("attack", "b", "a"),
            argmap.Edge("support", "a", "r"),
        ],
    )
    write_report(argmap.Corpus([m], title="L"), tmp_path)
    page = (tmp_path / "essay-loop.html").read_text(encoding="utf-8")
    assert "The DF-QuAD strengths of this map do not settle (a cycle): no badges." in page
    row = page[page.index("<code>r</code>") :]
    assert "<td>— / " in row[: row.index("</tr>")]


# -- large graphs as arrays -------------------------------------------------------------------


@given(graphs(acyclic=False), st.sampled_from(BIPOLAR))
def test_an_array_graph_has_the_strengths_of_the_same_named_graph(
    g: WeightedGraph, semantics: str
) -> None:
    import numpy as np

    from argmap.gradual import ArrayGraph

    arrays = ArrayGraph.of(g)
    try:
        named = strengths(g, semantics)
    except NotConverged:
        with pytest.raises(NotConverged):
            strengths(arrays, semantics)
        return
    found = strengths(arrays, semantics)
    assert isinstance(found, np.ndarray)
    assert found.tolist() == [named[item] for item in g.items]


def test_an_array_graph_refuses_what_is_not_a_weighted_graph() -> None:
    from argmap.gradual import ArrayGraph

    with pytest.raises(ArgmapError, match=r"1 base score\(s\) not in \[0, 1\] \(item 1: nan\)"):
        ArrayGraph([0.5, float("nan")])
    with pytest.raises(ArgmapError, match=r"attacks name an item outside 0 … 1.*supports"):
        ArrayGraph([0.5, 0.5], attacks=[[0, 2]], supports=[[-1, 0]])
    with pytest.raises(ArgmapError, match=r"integer index pairs of shape \(m, 2\)"):
        ArrayGraph([0.5], attacks=[[0.0, 0.0]])
    with pytest.raises(ArgmapError, match="the h-categoriser reads attacks only"):
        strengths(ArrayGraph([0.5, 0.5], supports=[[0, 1]]), "h-categoriser")
    assert strengths(ArrayGraph([]), "euler").tolist() == []

"""Argumentation schemes and critical questions: the catalogue, schemes on reasons, answers,
open questions, and the five essays' reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.questions import critical_questions, with_questions
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Edge, Node
from argmap.schemes import (
    Target,
    answers_of,
    builtin,
    catalogue_of,
    read_catalogue,
    scheme_findings,
    schemed_reasons,
)
from tests.helpers import MAPS

REQUIRED = {
    "practical-reasoning",
    "practical-reasoning-values",
    "positive-consequences",
    "negative-consequences",
    "expert-opinion",
    "position-to-know",
    "analogy",
    "precedent",
    "cause-to-effect",
    "correlation-to-cause",
    "sign",
    "popular-opinion",
    "ad-hominem",
    "slippery-slope",
}

TOY = """\
id: toy
title: Toy
nodes:
  - {id: g, kind: claim, text: Stability is the goal.}
  - {id: c, kind: claim, text: Cooperation brings stability.}
  - {id: x, kind: claim, text: Cooperation provokes China.}
  - {id: y, kind: claim, text: China is provoked anyway.}
  - {id: r, kind: recommendation, text: Cooperate., actors: [US]}
edges:
  - support: g + c -> r
    id: s
    scheme: practical-reasoning
    roles: {goal: g, means: c}
  - attack: x -> r
  - attack: y -> x
    answers: s:side-effects
"""


# -- the catalogue -----------------------------------------------------------------------------


def test_the_catalogue_has_the_schemes_the_issue_names_each_complete() -> None:
    catalogue = builtin()
    assert {s.id for s in catalogue} >= REQUIRED
    for s in catalogue:
        assert all((s.name, s.source, s.conclusion, s.aif, s.premises)), s.id
        assert len(set(s.roles)) == len(s.roles), s.id
        assert len(s.questions) >= 2, s.id
        for q in s.questions:
            assert (q.target is Target.PREMISE) == (q.role is not None), (s.id, q.id)
            assert q.role is None or q.role in s.roles, (s.id, q.id)
        for name in (s.id, s.name, *s.aif, s.name.upper()):  # every name finds it
            assert catalogue.find(name) is s, name
    assert getattr(catalogue.find("Argument From Expert Opinion"), "id", "") == "expert-opinion"
    assert catalogue.find("Default Inference") is None


def test_a_user_catalogue_adds_and_replaces_schemes(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "schemes:\n"
        "  - id: analogy\n"
        "    name: Our analogy\n"
        "    source: us\n"
        "    conclusion: So.\n"
        "    premises: [{role: case, text: A case.}]\n"
        "    critical_questions: [{id: alike, target: inference, text: Alike?}]\n"
        "  - id: from-treaty\n"
        "    name: Argument from a treaty\n"
        "    source: us\n"
        "    aif: [Treaty Obligation]\n"
        "    conclusion: So it must be done.\n"
        "    premises: [{role: treaty, text: A treaty binds.}]\n"
        "    critical_questions: [{id: binding, target: 'premise:treaty', text: Binding?}]\n",
        encoding="utf-8",
    )
    found = catalogue_of([path])
    assert len(found) == len(builtin()) + 1
    assert getattr(found.find("analogy"), "name", None) == "Our analogy"
    assert [s.id for s in found][-1] == "from-treaty"
    assert getattr(found.find("treaty obligation"), "id", None) == "from-treaty"


def test_a_bad_catalogue_is_refused_with_every_problem_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "schemes:\n"
        "  - id: a\n"
        "    source: s\n"
        "    conclusion: C.\n"
        "    premises: [{role: r, text: R.}]\n"
        "    critical_questions:\n"
        "      - {id: q, target: premise:nope, text: Q?}\n"
        "      - {id: w, target: sideways, text: W?}\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(ArgmapError) as caught:
        read_catalogue(path)
    found = {(p.code, p.line) for p in caught.value.problems}
    assert ("missing-field", 2) in found  # no name
    assert ("unknown-role", 7) in found
    assert ("invalid-value", 8) in found
    assert ("unknown-field", 9) in found
    assert all(p.path == str(path) for p in caught.value.problems)


def test_argmap_schemes_lists_the_catalogue_and_one_scheme(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from argmap.cli import main

    assert main(["schemes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {s["id"] for s in data["schemes"]} >= REQUIRED
    first = data["schemes"][0]
    assert set(first) >= {"id", "name", "premises", "critical_questions", "aif", "source"}
    assert main(["schemes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(x) for x in lines) <= 80
    assert any(x.startswith("slippery-slope ") for x in lines)
    assert main(["schemes", "Argument From Expert Opinion"]) == 0
    out = capsys.readouterr().out
    assert "expertise (premise expert): How credible is E as an expert source?" in out
    assert main(["schemes", "nonsense"]) == 1
    assert "no scheme 'nonsense'" in capsys.readouterr().err


# -- schemes, roles and answers in a map --------------------------------------------------------


def test_roles_and_answers_round_trip_through_every_format_that_writes() -> None:
    from argmap.formats import registry

    m = argmap.map_from_yaml(TOY.replace("{goal: g, means: c}", "{goal: ~, means: c}"))
    assert argmap.map_to_yaml(m) == TOY.replace(
        "{goal: g, means: c}", "{goal: ~, means: c}"
    )  # unchanged, comments and flow style included
    for fmt in registry.FORMATS:
        if fmt.framework or str(fmt.name) in ("arggraph", "kialo", "yaml"):
            continue
        back = fmt.loads(fmt.dumps(m))
        edges = {(str(e.kind), e.target): e for e in back.edges}
        assert edges["support", "r"].scheme == "practical-reasoning", fmt.name
        assert edges["support", "r"].roles == {"goal": None, "means": "c"}, fmt.name
        if str(fmt.name) != "argdown":  # Argdown has no place for it (registry: loses)
            assert edges["attack", "x"].answers == "s:side-effects", fmt.name


def test_roles_must_name_the_reasons_own_premises() -> None:
    with pytest.raises(ArgmapError) as caught:
        argmap.map_from_yaml(
            TOY.replace("{goal: g, means: c}", "{goal: x, means: c}").replace(
                "  - attack: x -> r\n", "  - attack: x -> r\n    roles: {a: x}\n"
            )
        )
    found = {(p.code, p.line) for p in caught.value.problems}
    assert ("role-not-premise", 13) in found
    assert ("roles-on-attack", 15) in found
    with pytest.raises(ArgmapError, match="REASON:QUESTION"):
        argmap.map_from_yaml(TOY.replace("answers: s:side-effects", "answers: 'two words'"))


def _warnings(text: str) -> list[tuple[str, int | None]]:
    from argmap.checking import check

    path = Path(text)
    report = check([path])
    return [(p.code, p.line) for p in report.warnings]


def test_check_warns_of_unknown_schemes_and_roles_missing_roles_and_stray_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    path = tmp_path / "m.yaml"
    path.write_text(
        TOY.replace("roles: {goal: g, means: c}", "roles: {aim: g}")
        .replace("answers: s:side-effects", "answers: colour")
        .replace(
            "  - attack: x -> r\n",
            "  - support: y -> r\n    scheme: Argument From Luck\n  - attack: x -> r\n",
        ),
        encoding="utf-8",
    )
    found = _warnings(str(path))
    assert ("unknown-role", 13) in found
    assert ("missing-role", 13) in found
    assert ("unknown-scheme", 15) in found
    assert ("unknown-question", 18) in found
    assert main(["check", str(path), "--strict"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:13:13: warning: scheme 'practical-reasoning' has no role 'aim'" in out
    # with a catalogue that knows the scheme, that warning goes
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "schemes:\n  - {id: luck, name: Argument from luck, source: us, conclusion: So.,\n"
        "     aif: [Argument From Luck], premises: [{role: luck, text: L.}]}\n",
        encoding="utf-8",
    )
    main(["check", str(path), "--catalogue", str(mine)])
    assert "unknown-scheme" not in capsys.readouterr().out


def test_a_one_role_scheme_on_a_one_premise_reason_needs_no_roles() -> None:
    m = ArgumentMap(
        "m",
        "M",
        [Node("a", "claim", "Harm follows."), Node("r", "recommendation", "Stop.")],
        [Edge("support", "a", "r", scheme="Negative Consequences")],
    )
    assert scheme_findings(m) == []
    reason = schemed_reasons(m)["support:a->r"]
    assert reason.scheme.id == "negative-consequences"
    assert reason.roles == {"consequences": "a"}


def test_an_answer_finds_its_reason_from_its_target() -> None:
    m = argmap.map_from_yaml(
        """\
id: m
title: M
nodes:
  - {id: e, kind: claim, text: E says so.}
  - {id: ex, kind: claim, text: E is an expert.}
  - {id: a, kind: claim, text: A holds.}
  - {id: b, kind: claim, text: B is known.}
  - {id: u, kind: claim, text: E was paid.}
  - {id: v, kind: claim, text: Others agree.}
  - {id: w, kind: claim, text: E studied A for years.}
edges:
  - {support: ex + e -> a, id: s1, scheme: expert-opinion, roles: {expert: ex, assertion: e}}
  - {support: b -> a, id: s2, scheme: sign, roles: {finding: b, indication: ~}}
  - {attack: u -> s1, answers: trustworthiness}
  - {support: v -> a, answers: consistency}
  - {support: w -> ex, answers: field}
  - {attack: u -> b, answers: s1:backup-evidence}
"""
    )
    found = answers_of(m)
    assert found[("s1", "trustworthiness")] == ["attack:u->s1"]  # an undercut: its reason
    assert found[("s1", "consistency")] == ["support:v->a"]  # the conclusion of s1 only fits
    assert found[("s1", "field")] == ["support:w->ex"]  # a premise of s1
    assert found[("s1", "backup-evidence")] == ["attack:u->b"]  # named outright
    assert scheme_findings(m) == []
    two = ArgumentMap(
        "m",
        "M",
        list(m.nodes),
        [
            *m.edges[:2],
            Edge("support", "v", "a", scheme="sign", roles={"finding": "v", "indication": None}),
            Edge("attack", "u", "a", answers="other-events"),
        ],
    )
    [warning] = scheme_findings(two)
    assert warning.code == "unknown-question"
    assert "name one, as REASON:other-events" in warning.message


# -- open questions ----------------------------------------------------------------------------


def test_open_questions_rank_decisive_ones_first_and_answered_ones_drop_out() -> None:
    m = argmap.map_from_yaml(TOY)
    [found] = critical_questions(m, assume=True)
    assert found.status == "in"
    practical = builtin().find("practical-reasoning")
    assert practical is not None
    ids = [q.question.id for q in found.open]
    assert sorted([*ids, "side-effects"]) == sorted(q.id for q in practical.questions)
    assert all(q.decisive for q in found.open)  # its only reason: every "no" takes it out
    assert found.reasons[0].answered == {"side-effects": ("attack:y->x",)}
    assert found.assumed == "undec"  # open questions assumed: nothing settles it

    # a second, independent reason: undercutting one reason no longer decides
    both = argmap.map_from_yaml(TOY + "  - {support: y -> r, scheme: negative-consequences}\n")
    [found] = critical_questions(both)
    by_id = {(q.reason, q.question.id): q for q in found.open}
    assert not by_id[("s", "alternatives")].decisive  # an undercut of one of two reasons
    assert by_id[("s", "other-goals")].decisive  # a rebuttal of the conclusion itself
    assert [q.decisive for q in found.open] == sorted(
        (q.decisive for q in found.open), reverse=True
    )


def test_a_question_on_the_conclusion_is_asked_once_whichever_reason_raises_it() -> None:
    m = ArgumentMap(
        "m",
        "M",
        [Node("g", "claim", "G."), Node("h", "claim", "H."), Node("r", "recommendation", "R.")],
        [
            Edge(
                "support",
                "g",
                "r",
                scheme="practical-reasoning",
                roles={"goal": "g", "means": None},
            ),
            Edge(
                "support",
                "h",
                "r",
                scheme="practical-reasoning",
                roles={"goal": "h", "means": None},
            ),
        ],
    )
    [found] = critical_questions(m)
    side = [q for q in found.open if q.question.id == "side-effects"]
    assert len(side) == 1
    assert side[0].also == ("support:h->r",)
    alternatives = [q for q in found.open if q.question.id == "alternatives"]
    assert len(alternatives) == 2  # an undercut is of one reason


@st.composite
def schemed_maps(draw: st.DrawFn) -> ArgumentMap:
    """A recommendation with one to three schemed reasons, some answered, some attacked."""
    catalogue = list(builtin())
    nodes = [Node("r", "recommendation", "Do it.")]
    edges: list[Edge] = []
    for i in range(draw(st.integers(1, 3))):
        scheme = draw(st.sampled_from(catalogue))
        premises = [f"p{i}{j}" for j in range(len(scheme.roles))]
        nodes += [Node(p, "claim", f"Premise {p}.") for p in premises]
        named = draw(st.booleans())  # a reason without an id is named by its key
        edges.append(
            Edge(
                "support",
                premises[0],
                "r",
                id=f"s{i}" if named else None,
                linked=premises[1:],
                scheme=scheme.id,
                roles=dict(zip(scheme.roles, premises, strict=True)),
            )
        )
        key = edges[-1].key
        for q in scheme.questions:
            if draw(st.booleans()):
                nodes.append(Node(f"a{i}-{q.id}", "claim", "An answer."))
                edges.append(Edge("support", f"a{i}-{q.id}", "r", answers=f"{key}:{q.id}"))
    return ArgumentMap("m", "M", nodes, edges)


@settings(max_examples=40, deadline=None)
@given(schemed_maps())
def test_every_question_of_every_reason_is_answered_or_open_exactly_once(m: ArgumentMap) -> None:
    [found] = critical_questions(m)
    answered = {(r.reason.key, q) for r in found.reasons for q in r.answered}
    open_ = {(o.reason, o.question.id) for o in found.open}
    open_ |= {(key, o.question.id) for o in found.open for key in o.also}
    asked = {(r.reason.key, q.id) for r in found.reasons for q in r.reason.scheme.questions}
    assert answered | open_ == asked
    for key, question in answered:  # an answered question is never also open...
        reason = next(r for r in found.reasons if r.reason.key == key)
        q = reason.reason.scheme.question(question)
        assert q is not None
        if q.target is not Target.CONCLUSION:  # (a conclusion's is shared by its reasons)
            assert (key, question) not in open_
    # ... and each open question enters the assumed map once: one question, one dismissal
    assumed = with_questions(m)
    questions = [n for n in assumed.nodes if n.id.startswith("cq-") and "dismissed" not in n.id]
    assert len(questions) == len(found.open)
    [with_assumed] = critical_questions(m, assume=True)  # reasons without ids are named
    assert with_assumed.assumed in ("in", "out", "undec")


def test_argmap_questions_prints_each_recommendation_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from argmap.cli import main

    path = tmp_path / "toy.yaml"
    path.write_text(TOY, encoding="utf-8")
    assert main(["questions", str(path), "--json", "--assume-questions"]) == 0
    data = json.loads(capsys.readouterr().out)
    [rec] = data["maps"]["toy"]
    assert rec["recommendation"] == "r"
    assert rec["assumed_status"] == "undec"
    assert rec["reasons"][0]["scheme"] == "practical-reasoning"
    side = next(q for q in rec["reasons"][0]["questions"] if q["id"] == "side-effects")
    assert side["answered_by"] == ["attack:y->x"]
    assert [q["id"] for q in rec["open"]] == [
        q.question.id for q in critical_questions(argmap.read_map(path))[0].open
    ]
    assert main(["questions", str(MAPS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert max(len(x) for x in out) <= 80
    assert out[0].startswith("arrington-yeo-2019: 8 recommendations; 18 of the 18 reasons")


# -- the five essays ---------------------------------------------------------------------------


def _maps() -> list[ArgumentMap]:
    return list(argmap.read_corpus(MAPS).maps)


def test_every_reason_for_a_recommendation_in_the_essays_names_a_scheme_with_its_roles() -> None:
    catalogue = builtin()
    for m in _maps():
        recommendations = {r.id for r in m.recommendations}
        reasons = schemed_reasons(m, catalogue)
        for e in m.supports:
            if e.target in recommendations:
                assert e.key in reasons, (m.id, e.key)
                assert set(reasons[e.key].roles) == set(reasons[e.key].scheme.roles), e.key
        assert scheme_findings(m, catalogue) == [], m.id
        assert sum(len(keys) for keys in answers_of(m, catalogue).values()) == sum(
            1 for e in m.edges if e.answers
        ), m.id  # every answer finds its question


def test_the_essays_schemes_survive_aif_and_back() -> None:
    from argmap.formats.aif import map_from_aif, map_to_aif

    for m in _maps():
        back = map_from_aif(json.loads(json.dumps(map_to_aif(m))))
        assert back == m, m.id
        assert [(e.scheme, e.roles, e.answers) for e in back.edges] == [
            (e.scheme, e.roles, e.answers) for e in m.edges
        ]


def test_the_report_lists_each_recommendations_critical_questions(tmp_path: Path) -> None:
    from argmap.render.report import write_report

    corpus = argmap.read_corpus(MAPS)
    write_report(corpus, tmp_path)
    for m in corpus.maps:
        page = (tmp_path / f"essay-{m.id}.html").read_text(encoding="utf-8")
        assert '<h2 id="questions">Critical questions</h2>' in page, m.id
        for q in critical_questions(m):
            section = page[page.index(f"<code>{q.recommendation.id}</code></a> <span") :]
            section = section[: section.index("</ul>")]
            for r in q.reasons:
                if r.depth == 1:
                    for question in r.answered:
                        assert f"☑ <b>{question}</b>" in section, (m.id, question)
            decisive = [o for o in q.open if o.decisive]
            assert section.count("☐ <b>!</b>") == len(decisive), m.id


def test_a_diagram_names_each_reasons_scheme_by_its_arrow() -> None:
    import re

    from argmap.render.diagrams import map_drawing

    m = argmap.read_map(MAPS / "hudson-cronin-2019.yaml")
    source = map_drawing(m, "grounded").source
    labels = re.findall(r'xlabel="([^"]+)"', source)
    schemed = [e for e in m.supports if e.scheme]
    assert sorted(labels) == sorted(
        getattr(builtin().find(e.scheme or ""), "id", "") for e in schemed
    )
    assert 'forcelabels="false"' in source  # dropped where it would cover a node
    odd = ArgumentMap(
        "m",
        "M",
        [Node("a", "claim", "A."), Node("b", "claim", "B.")],
        [Edge("support", "a", "b", scheme='x" color="red')],
    )
    assert 'xlabel="x\\" color=\\"red"' in map_drawing(odd).source

"""argmap align: suggested equivalences by word overlap, hashed against the all-pairs reading."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.alignment import (
    align,
    exact_pairs,
    hashed_pairs,
    item_words,
    opposition,
    suggest_equivalences,
    suggest_relations,
)
from argmap.errors import ArgmapError
from tests.helpers import MAPS


def restated(maps: int, seed: int) -> tuple[list[frozenset[str]], list[str]]:
    """Word sets of maps of five items, a third restating an item of another map."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    words: list[frozenset[str]] = []
    essays: list[str] = []
    for m in range(maps):
        for _ in range(5):
            if words and rng.random() < 0.3:
                base = list(words[rng.randrange(len(words))])
                base[rng.randrange(len(base))] = rng.choice(vocabulary)
                words.append(frozenset(base))
            else:
                words.append(frozenset(rng.sample(vocabulary, 8)))
            essays.append(f"m{m}")
    return words, essays


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 40), st.integers(0, 10_000), st.sampled_from([0.5, 0.6, 0.8]))
def test_hashing_finds_only_true_pairs_and_nearly_all_of_them(
    maps: int, seed: int, threshold: float
) -> None:
    words, essays = restated(maps, seed)
    exact = exact_pairs(words, essays, threshold)
    hashed, candidates = hashed_pairs(words, essays, threshold)
    assert hashed.items() <= exact.items()  # every pair it gives is a true one, exactly scored
    assert all(essays[i] != essays[j] for i, j in exact)
    if len(exact) >= 10:
        assert len(hashed) / len(exact) >= 0.9
    assert candidates <= len(words) * (len(words) - 1) // 2


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 15),
    st.integers(0, 10_000),
    st.sampled_from([0.2, 0.25, 0.5, 0.6, 0.7, 0.875, 1.0]),
)
def test_the_all_pairs_answer_is_the_definition(maps: int, seed: int, threshold: float) -> None:
    """All-Pairs prefix filtering against every pair compared, thresholds on the boundary."""
    words, essays = restated(maps, seed)
    expected = {
        (i, j): len(words[i] & words[j]) / len(words[i] | words[j])
        for i in range(len(words))
        for j in range(i + 1, len(words))
        if essays[i] != essays[j]
        and len(words[i] & words[j]) / len(words[i] | words[j]) >= threshold
    }
    assert exact_pairs(words, essays, threshold) == expected


def _map(essay: str, *texts: str, kind: str = "recommendation") -> argmap.ArgumentMap:
    nodes = [argmap.Node(f"n{i}", kind, text) for i, text in enumerate(texts)]
    return argmap.ArgumentMap(essay, essay.upper(), nodes)


def test_groups_hold_one_node_per_map_of_one_kind_most_similar_first() -> None:
    text = "Washington should convene Tokyo and Seoul on cyber security now"
    maps = [
        _map("a", text, text.replace("now", "soon")),  # two nodes of one map: one may join
        _map("b", text),
        _map("c", text.replace("cyber", "missile")),
        _map("d", text, kind="claim"),  # another kind: never with the recommendations
    ]
    found = suggest_equivalences(maps, 0.6, ("recommendation", "claim"), exact=True)
    assert len(found) == 1
    [group] = found
    assert [m.split(":")[0] for m in group.members] == ["a", "b", "c"]
    assert 0.6 <= group.score < 1.0
    left = suggest_equivalences(maps, 0.6, exact=True, grouped=["b:n0"])
    assert all("b:n0" not in s.members for s in left)
    assert suggest_equivalences(maps, 0.6) == suggest_equivalences(maps, 0.6, exact=True)
    with pytest.raises(ArgmapError, match="a similarity in"):
        suggest_equivalences(maps, 1.5)
    assert item_words("The US and the UK.") == {"us", "uk"}


def test_argmap_align_writes_a_review_file_and_merges_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    review = tmp_path / "review.yaml"
    before = (MAPS / "corpus.yaml").read_text(encoding="utf-8")
    assert main(["align", str(MAPS), "--threshold", "0.2", "-o", str(review)]) == 0
    assert (MAPS / "corpus.yaml").read_text(encoding="utf-8") == before
    doc = yaml.safe_load(review.read_text(encoding="utf-8"))
    groups = [argmap.Equivalence(g["nodes"], note=g["note"]) for g in doc["equivalences"]]
    corpus = argmap.read_corpus(MAPS)
    known = {str(r) for g in corpus.equivalences for r in g.members}
    for group in groups:  # valid groups of nodes that exist, none already grouped
        assert len({r.essay for r in group.members}) == len(group.members)
        assert not {str(r) for r in group.members} & known
        for ref in group.members:
            assert corpus.node(ref).kind == "recommendation"
    out = capsys.readouterr().out
    assert "nothing is merged" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["align", str(MAPS), "--threshold", "0.2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["members"] for s in data["suggestions"]] == [
        [str(r) for r in g.members] for g in groups
    ]


@pytest.mark.parametrize(
    ("one", "other", "cue"),
    [
        ("Tokyo should lift the controls.", "Tokyo should not lift the controls.", "'not'"),
        ("Seoul will join the pact.", "Seoul won't join the pact.", "'n't'"),
        ("Seoul will join the pact.", "Seoul will never join the pact.", "'never'"),
        ("Raise the tariffs on chips.", "Tariffs on chips should be lowered.", "raise"),
        ("The talks succeeded.", "The talks failed.", "succeeded"),
        ("Washington supports the deal.", "Washington opposes the deal.", "supports"),
        ("Tokyo lifted the controls.", "Tokyo lifted the controls.", None),
        ("It is not true that Tokyo did not act.", "Tokyo acted.", None),  # double negation
        ("Seoul can neither apologise nor forget.", "Seoul can apologise.", "'neither'"),
        ("The controls were lifted.", "Lifting the controls helps.", None),
    ],
)
def test_opposition_reads_negation_and_antonyms(one: str, other: str, cue: str | None) -> None:
    found = opposition(("a:x", one), ("b:y", other))
    if cue is None:
        assert found is None
    else:
        assert found is not None
        assert cue in found
        assert ("a:x" in found) or ("b:y" in found)
    assert (opposition(("b:y", other), ("a:x", one)) is None) == (found is None)  # symmetric


def test_a_denial_is_a_suggested_contradiction_never_an_equivalence() -> None:
    text = "Washington should convene Tokyo and Seoul on cyber security"
    denial = "Washington should not convene Tokyo and Seoul on cyber security"
    maps = [_map("a", text), _map("b", text), _map("c", denial)]
    for exact in (False, True):
        found = align(maps, 0.6, exact=exact)
        assert [s.members for s in found.equivalences] == [("a:n0", "b:n0")]
        assert {(r.source, r.target) for r in found.relations} == {
            ("a:n0", "c:n0"),
            ("b:n0", "c:n0"),
        }
        assert all(r.kind == "contradiction" and r.score == 1.0 for r in found.relations)
        assert all(r.cue == "'not' in c:n0 only" for r in found.relations)
    # a pair the corpus already relates is not suggested again
    assert len(suggest_relations(maps, 0.6, related=[("c:n0", "a:n0")])) == 1
    # at a low overlap the texts are about different things: a negation says nothing
    loose = [_map("a", "Washington should act now"), _map("b", "Washington should not wait")]
    assert align(loose, 0.2).relations == ()
    assert align(loose, 0.2).equivalences == ()
    # a conditional and a plain statement: neither its restatement nor its denial
    conditional = [
        _map("a", "Freedom of speech is sometimes not permissible"),
        _map("b", "If freedom of speech is sometimes not permissible, it is not absolute"),
        _map("c", "Freedom of speech is sometimes permissible"),
    ]
    found = align(conditional, 0.5, exact=True)
    assert [(r.source, r.target) for r in found.relations] == [("a:n0", "c:n0")]
    assert found.equivalences == ()


def test_the_review_file_reads_as_corpus_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Washington should convene Tokyo and Seoul on cyber security"
    maps = [
        _map("a", text),
        _map("b", text.replace("cyber", "cyber and missile")),
        _map("c", text.replace("should", "should not")),
    ]
    folder = tmp_path / "corpus"
    argmap.write_corpus(argmap.Corpus(maps), folder)
    review = tmp_path / "review.yaml"
    from argmap.cli import main

    assert main(["align", str(folder), "-o", str(review)]) == 0
    doc = yaml.safe_load(review.read_text(encoding="utf-8"))
    corpus_file = folder / "corpus.yaml"
    accepted = yaml.safe_load(corpus_file.read_text(encoding="utf-8"))
    accepted["equivalences"] = doc["equivalences"]
    accepted["relations"] = doc["relations"]
    corpus_file.write_text(yaml.safe_dump(accepted, allow_unicode=True), encoding="utf-8")
    linked = argmap.read_corpus(folder)  # every suggested link is a valid one
    assert [[str(r) for r in g.members] for g in linked.equivalences] == [["a:n0", "b:n0"]]
    assert sorted((str(r.source), str(r.target)) for r in linked.relations) == [
        ("a:n0", "c:n0"),
        ("b:n0", "c:n0"),
    ]
    assert all(r.kind == "contradiction" for r in linked.relations)
    capsys.readouterr()
    assert main(["align", str(folder), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["suggestions"], again["relations"]) == ([], [])  # nothing left to suggest

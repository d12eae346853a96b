"""Later evidence: relations marked ``hindsight``, and the losing side of a conflict named."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import argmap
from argmap import ArgumentMap, Corpus, Edge, Node, Relation
from argmap.errors import ArgmapError

HOPE = ArgumentMap(
    "early",
    "Early",
    [
        Node("c-recovery", "claim", "Relations are starting to recover."),
        Node("r-wait", "recommendation", "Wait for the recovery.", actors=["US"]),
    ],
    [Edge("support", "c-recovery", "r-wait")],
    date="2019-11",
)
LATER = ArgumentMap(
    "late",
    "Late",
    [
        Node("e-low", "evidence", "Relations hit a low in 2020."),
        Node("r-engage", "recommendation", "Engage now.", actors=["US"]),
    ],
    [Edge("support", "e-low", "r-engage")],
    date="2021-03",
)


def corpus(*, hindsight: bool = True, date: str = "2021-03") -> Corpus:
    return Corpus(
        [HOPE, attrs.evolve(LATER, date=date)],
        relations=[Relation("attack", "late:e-low", "early:c-recovery", hindsight=hindsight)],
    )


def test_a_contradiction_cannot_be_hindsight() -> None:
    with pytest.raises(ArgmapError, match="hindsight-contradiction"):
        Relation("contradiction", "a:x", "b:y", hindsight=True)


def test_conflict_from_later_evidence_is_marked_and_names_the_loser() -> None:
    (found,) = argmap.conflicts(corpus())
    assert (found.attacker, found.target, found.hindsight) == (
        "late:e-low",
        "early:c-recovery",
        True,
    )
    assert found.resolution == "attacker wins"
    assert found.lost == ("early:c-recovery",)
    assert "attacked by late:e-low" in found.why
    assert found.to_dict()["hindsight"] is True
    (plain,) = argmap.conflicts(corpus(hindsight=False))
    assert not plain.hindsight


def test_later_evidence_is_not_opposition() -> None:
    # the later report undermines the early recommendation's only reason: the recommendation
    # falls, but the later essay did not disagree with it when it was written
    def item(found: argmap.Consensus) -> argmap.ConsensusItem:
        (only,) = [i for i in found.items if i.node == "early:r-wait"]
        return only

    later = item(argmap.consensus(corpus(), "quorum", quorum=1))
    assert (later.opposers, later.later_evidence, later.status) == ((), ("late",), "rejected")
    plain = item(argmap.consensus(corpus(hindsight=False), "quorum", quorum=1))
    assert (plain.opposers, plain.later_evidence) == (("late",), ())


def test_yaml_round_trip_and_located_errors(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    argmap.write_corpus(corpus(), folder)
    text = (folder / "corpus.yaml").read_text(encoding="utf-8")
    assert "hindsight: true" in text
    assert argmap.read_corpus(folder).relations[0].hindsight
    report = argmap.check([folder])
    assert report.ok(strict=True), report.problems
    bad = text.replace(
        "attack: late:e-low -> early:c-recovery", "contradiction: late:e-low <-> early:c-recovery"
    )
    (folder / "corpus.yaml").write_text(bad, encoding="utf-8")
    codes = {(p.code, p.line is not None) for p in argmap.check([folder]).errors}
    assert ("hindsight-contradiction", True) in codes
    (folder / "corpus.yaml").write_text(
        text.replace("hindsight: true", "hindsight: yes please"), encoding="utf-8"
    )
    assert "wrong-type" in {p.code for p in argmap.check([folder]).errors}


def test_hindsight_must_come_later(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    argmap.write_corpus(corpus(date="2019"), folder)
    warnings = argmap.check([folder]).warnings
    assert [p.code for p in warnings] == ["hindsight-not-later"]
    assert "2019 vs 2019-11" in warnings[0].message


def test_later_evidence_does_not_make_essays_inconsistent() -> None:
    later = argmap.consistency(corpus())
    assert [sorted(s) for s in later.maximal] == [["early", "late"]]
    assert list(later.later_evidence) == [("late", "early")]
    assert later.to_dict()["later_evidence"][0]["essays"] == ["late", "early"]
    plain = argmap.consistency(corpus(hindsight=False))
    assert [sorted(s) for s in plain.maximal] == [["early"], ["late"]]
    assert plain.later_evidence == {}

"""The bundled maps: valid, strictly, against the essays' texts."""

from __future__ import annotations

from pathlib import Path

import argmap
from tests.helpers import MAPS


def test_bundled_maps_pass_a_strict_check(needs_seeds: Path) -> None:
    report = argmap.check([MAPS])
    assert [str(p) for p in report.problems] == []


def test_every_recommendation_names_its_actors() -> None:
    for m in argmap.read_corpus(MAPS).maps:
        for node in m.recommendations:
            assert node.actors, f"{m.id}:{node.id}"


def test_no_two_nodes_of_an_essay_share_a_text() -> None:
    for m in argmap.read_corpus(MAPS).maps:
        texts = [n.text.casefold() for n in m.nodes]
        assert len(texts) == len(set(texts)), m.id

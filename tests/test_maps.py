"""The bundled maps: valid, strictly, against the essays' texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.rules import paragraphs_of
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


def test_every_node_points_into_its_essay(needs_seeds: Path) -> None:
    for m in argmap.read_corpus(MAPS).maps:
        assert m.text_file, m.id
        paragraphs = paragraphs_of((MAPS / m.text_file).read_text(encoding="utf-8"))
        for node in m.nodes:
            assert node.locator is not None, f"{m.id}:{node.id}"
            assert node.locator.paragraphs, f"{m.id}:{node.id}"
            assert all(1 <= p <= len(paragraphs) for p in node.locator.paragraphs)


def test_every_recommendation_rests_on_a_reason() -> None:
    """A path of supports reaches each recommendation from a claim or piece of evidence."""
    for m in argmap.read_corpus(MAPS).maps:
        into: dict[str, set[str]] = {}
        for edge in m.supports:
            into.setdefault(edge.target, set()).add(edge.source)
        kinds = {n.id: n.kind for n in m.nodes}
        for r in m.recommendations:
            seen, frontier = set(), set(into.get(r.id, ()))
            while frontier:
                seen |= frontier
                frontier = {s for x in frontier for s in into.get(x, ())} - seen
            assert any(kinds.get(x) in ("claim", "evidence") for x in seen), f"{m.id}:{r.id}"


def test_each_essay_accepts_its_own_recommendations() -> None:
    """Under the default reading, unless the node's note argues otherwise with a paragraph.

    docs/essays.md lists every exception with that note.
    """
    for m in argmap.read_corpus(MAPS).maps:
        labels = argmap.labelling(m, "grounded")
        for r in m.recommendations:
            if labels[r.id] != "in":
                assert r.note, f"{m.id}:{r.id}"
                assert re.search(r"(¶|para(graph)?s? )\d+", r.note), f"{m.id}:{r.id}"


def test_each_essay_rejects_the_rival_views_it_reports() -> None:
    """A view attributed to someone else is never accepted in the essay's own map.

    It is OUT when the essay answers it, UNDEC when the essay reports a dispute and takes no side.
    """
    for m in argmap.read_corpus(MAPS).maps:
        labels = argmap.labelling(m, "grounded")
        accepted = [n.id for n in m.nodes if "rival-view" in n.tags and labels[n.id] == "in"]
        assert accepted == [], m.id


def test_each_essay_accepts_the_facts_it_reports() -> None:
    for m in argmap.read_corpus(MAPS).maps:
        labels = argmap.labelling(m, "grounded")
        assert [e.id for e in m.evidence if labels[e.id] != "in"] == [], m.id


def test_the_essays_page_is_up_to_date() -> None:
    import runpy

    tool = runpy.run_path(str(MAPS.parent / "tools" / "essays_doc.py"))
    page = MAPS.parent / "docs" / "essays.md"
    assert page.read_text(encoding="utf-8") == tool["render"](), "run tools/essays_doc.py"


def test_no_equivalence_group_opposes_its_own_members() -> None:
    # a group stands for the same proposition in several essays: none of them can oppose it
    corpus = argmap.read_corpus(MAPS)
    reading = argmap.reading(corpus)
    for item in argmap.consensus(reading, roles=("essay", "comments")).items:
        if len(item.members) > 1:
            own = {ref.essay for ref in item.members}
            assert not own & set(item.opposers), (item.node, item.opposers)
    for conflict in argmap.conflicts(reading):
        for attacking, attacked in conflict.pairs:
            assert attacking not in reading.merged.essays_of(conflict.target), conflict
            assert attacked not in reading.merged.essays_of(conflict.attacker), conflict


CITATION = re.compile(r"([a-z0-9-]+) ((?:¶\d+(?:, )?)+)")


def _cited(note: str) -> dict[str, set[int]]:
    """The paragraphs a rationale cites, per essay: ``essay-id ¶3, ¶4``."""
    found: dict[str, set[int]] = {}
    for essay, paras in CITATION.findall(" ".join(note.split())):
        found.setdefault(essay, set()).update(int(p) for p in re.findall(r"\d+", paras))
    return found


def test_every_cross_essay_link_cites_paragraphs_on_both_sides(needs_seeds: Path) -> None:
    corpus = argmap.read_corpus(MAPS)
    sizes = {
        m.id: len(paragraphs_of((MAPS / str(m.text_file)).read_text(encoding="utf-8")))
        for m in corpus.maps
    }
    links = [(r.key, r.note, {r.source.essay, r.target.essay}) for r in corpus.relations]
    links += [(str(g.id), g.note, {m.essay for m in g.members}) for g in corpus.equivalences]
    for key, note, essays in links:
        cited = _cited(note or "")
        assert essays <= set(cited), (key, sorted(essays - set(cited)))
        for essay, paras in cited.items():
            assert essay in sizes, (key, essay)
            assert all(1 <= p <= sizes[essay] for p in paras), (key, essay, paras)


def test_hindsight_runs_from_a_later_essay() -> None:
    corpus = argmap.read_corpus(MAPS)
    later = [r for r in corpus.relations if r.hindsight]
    assert later, "the corpus marks its later evidence"
    for r in later:
        assert str(corpus.essay(r.source.essay).date) > str(corpus.essay(r.target.essay).date)


@pytest.mark.parametrize("support", ["defeasible", "necessary", "deductive", "evidential", "none"])
def test_no_helper_node_reaches_the_output(support: str) -> None:
    """The gates and per-essay versions the merged framework needs stay out of every answer."""
    import json

    corpus = argmap.read_corpus(MAPS)
    reading = argmap.reading(corpus, support=support)
    found = argmap.conflicts(reading)
    text = json.dumps(
        [argmap.consensus(reading).to_dict(), [c.to_dict() for c in found]], default=str
    )
    helpers = [n.id for n in reading.map.nodes if n.data.get("synthetic")]
    assert (support == "necessary") == bool(helpers)
    assert [h for h in helpers if re.search(rf'[" ]{re.escape(h)}\b(?!\[)', text)] == []
    assert ".unsupported" not in text

"""Validation: every kind of mistake is reported, all at once, at its line and column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from ruamel.yaml import YAML

import argmap
from argmap import ArgumentMap, Corpus
from argmap.formats.yaml import load_corpus_document, parse_yaml
from tests.helpers import MAPS, SHOWCASE
from tests.strategies import argument_maps, corpora

GOOD = """\
id: toy
title: Toy
nodes:
  - id: a
    kind: claim
    text: A.
  - id: r
    kind: recommendation
    text: R.
edges:
  - id: s
    support: a -> r
"""


def problems_of(text: str, tmp_path: Path, name: str = "m.yaml") -> list[argmap.Problem]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(argmap.check([path]).problems)


def codes_and_places(problems: list[argmap.Problem]) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.column) for p in problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: toy\ntitle: [unclosed\nnodes: []\n", [("yaml-syntax", 3, 6)]),
        ("id: a\nid: b\ntitle: T\nnodes: []\n", [("duplicate-key", 2, 1)]),
        ("", [("empty-file", 1, 1)]),
        ("- just\n- a list\n", [("wrong-type", 1, 1)]),
        (GOOD.replace("title: Toy\n", ""), [("missing-field", 1, 1)]),
        (GOOD.replace("    text: A.\n", ""), [("missing-field", 4, 5)]),
        (GOOD.replace("kind: claim", "kind: clam"), [("unknown-kind", 5, 11)]),
        (
            GOOD.replace("  - id: r\n", "  - id: a\n"),
            [("duplicate-id", 7, 9), ("unknown-node", 12, 19)],
        ),
        (GOOD.replace("  - id: s\n", "  - id: a\n"), [("duplicate-id", 11, 9)]),
        (GOOD.replace("a -> r", "a -> zz"), [("unknown-node", 12, 19)]),
        (GOOD.replace("a -> r", "q -> r"), [("unknown-node", 12, 14)]),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    weight: 1.5\n"),
            [("weight-range", 7, 13)],
        ),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    weight: -0.1\n"),
            [("weight-range", 7, 13)],
        ),
        (GOOD.replace("a -> r", "a -> a"), [("self-support", 12, 14)]),
        (GOOD + "  - attack: r -> s\n  - attack: a -> 'attack:r->s'\n", [("invalid-id", 14, 18)]),
        (
            GOOD + "  - id: t\n    attack: r -> a\n  - attack: a -> t\n",
            [("undercut-target", 15, 18)],
        ),
        (GOOD + "  - support: a -> s\n", [("support-target", 13, 19)]),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    txet: typo\n"),
            [("unknown-field", 7, 5)],
        ),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    actors: [US]\n"),
            [("actors-not-recommendation", 7, 13)],
        ),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    quote: words\n"),
            [("missing-field", 7, 12)],
        ),
        (GOOD.replace("    text: A.\n", "    text: A.\n    para: 0\n"), [("invalid-value", 7, 11)]),
        (
            GOOD.replace("    text: A.\n", "    text: A.\n    para: three\n"),
            [("wrong-type", 7, 11)],
        ),
        (GOOD.replace("a -> r", "a => r"), [("bad-arrow", 12, 14)]),
        (GOOD.replace("a -> r", "a <-> r"), [("bad-arrow", 12, 14)]),
        (
            GOOD.replace("    support: a -> r\n", "    support: a -> r\n    attack: r -> a\n"),
            [("missing-field", 11, 5)],
        ),
        (GOOD.replace("id: toy", "id: t:oy"), [("invalid-id", 1, 5)]),
        (GOOD.replace("nodes:\n", "date: 11/2019\nnodes:\n"), [("invalid-value", 3, 7)]),
        (GOOD.replace("    text: A.\n", "    text: A.\n    tags: 7\n"), [("wrong-type", 7, 11)]),
        (GOOD.replace("  - id: r\n", "  - 42\n  - id: r\n"), [("wrong-type", 7, 5)]),
        (GOOD.replace("title: Toy\n", "title: Toy\nrole: coments\n"), [("invalid-value", 3, 7)]),
        (
            GOOD.replace("title: Toy\n", "title: Toy\nresponds_to: toy\n"),
            [("invalid-value", 3, 14)],
        ),
        (GOOD.replace("title: Toy\n", "title: Toy\nresponds_to: t:oy\n"), [("invalid-id", 3, 14)]),
    ],
)
def test_each_mistake_is_reported_at_its_place(
    text: str, expected: list[tuple[str, int, int]], tmp_path: Path
) -> None:
    problems = [p for p in problems_of(text, tmp_path) if p.is_error]
    assert codes_and_places(problems) == expected


def test_three_mistakes_give_three_lines(tmp_path: Path) -> None:
    text = (
        GOOD.replace("kind: claim", "kind: clam")
        .replace("    text: R.\n", "    text: R.\n    weight: 2\n")
        .replace("a -> r", "a -> nowhere")
    )
    problems = problems_of(text, tmp_path)
    assert codes_and_places(problems) == [
        ("unknown-kind", 5, 11),
        ("weight-range", 10, 13),
        ("unknown-node", 13, 19),
    ]
    assert str(problems[0]).startswith(
        f"{tmp_path / 'm.yaml'}:5:11: error: unknown kind 'clam' (did you mean 'claim'?)"
    )


def test_one_bad_node_does_not_cascade(tmp_path: Path) -> None:
    # the node 'a' is broken, but edges naming it are not reported as unknown
    problems = problems_of(GOOD.replace("kind: claim", "kind: clam"), tmp_path)
    assert [p.code for p in problems] == ["unknown-kind"]


def test_warnings_for_unsupported_recommendations_and_isolated_nodes(tmp_path: Path) -> None:
    text = (
        GOOD.replace("edges:\n  - id: s\n    support: a -> r\n", "")
        + "  - id: lonely\n    kind: claim\n    text: L.\n"
    )
    problems = problems_of(text, tmp_path)
    assert [(p.code, p.severity.value, p.line) for p in problems] == [
        ("isolated-node", "warning", 4),
        ("unsupported-recommendation", "warning", 7),
        ("isolated-node", "warning", 7),
        ("isolated-node", "warning", 10),
    ]
    report = argmap.check([tmp_path / "m.yaml"])
    assert report.ok()
    assert not report.ok(strict=True)


def test_locators_are_checked_against_the_text(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text(
        "Title\n\nFirst “quoted” paragraph.\n\nSecond one.\n", encoding="utf-8"
    )
    text = (
        GOOD.replace("nodes:\n", "text_file: essay.txt\nnodes:\n")
        .replace(
            "    text: A.\n", "    text: A.\n    para: 2\n    quote: '\"quoted\"   paragraph'\n"
        )
        .replace("    text: R.\n", "    text: R.\n    para: 3\n    quote: not there\n")
    )
    problems = problems_of(text, tmp_path)
    assert codes_and_places(problems) == [("quote-not-found", 14, 12)]
    problems = problems_of(text.replace("para: 3", "para: 4"), tmp_path)
    assert codes_and_places(problems) == [("paragraph-range", 13, 11)]
    assert "essay.txt has 3" in problems[0].message


def test_missing_text_file_is_a_warning(tmp_path: Path) -> None:
    problems = problems_of(GOOD.replace("nodes:\n", "text_file: nowhere.txt\nnodes:\n"), tmp_path)
    assert codes_and_places(problems) == [("text-file-missing", 3, 12)]
    assert not problems[0].is_error


def test_nodes_without_locators_are_flagged_when_there_is_a_text(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text("One.\n", encoding="utf-8")
    problems = problems_of(GOOD.replace("nodes:\n", "text_file: essay.txt\nnodes:\n"), tmp_path)
    assert [p.code for p in problems] == ["no-locator", "no-locator"]


CORPUS = """\
corpus:
  id: c
  title: Two essays
equivalences:
  - nodes: [one:a, two:a]
relations:
  - attack: one:r -> two:r
    note: why
  - contradiction: one:a <-> two:r
"""


def write_corpus_folder(tmp_path: Path, corpus_text: str) -> Path:
    (tmp_path / "one.yaml").write_text(GOOD.replace("id: toy", "id: one"), encoding="utf-8")
    (tmp_path / "two.yaml").write_text(GOOD.replace("id: toy", "id: two"), encoding="utf-8")
    (tmp_path / "corpus.yaml").write_text(corpus_text, encoding="utf-8")
    return tmp_path


def test_valid_corpus_folder(tmp_path: Path) -> None:
    folder = write_corpus_folder(tmp_path, CORPUS)
    assert argmap.check([folder]).problems == ()
    c = argmap.read_corpus(folder)
    assert c.essay_ids == ("one", "two")
    assert [str(r.kind) for r in c.relations] == ["attack", "contradiction"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("one:r -> two:r", "one:r -> three:r", ("unknown-essay", 7, 22)),
        ("one:r -> two:r", "one:r -> two:zz", ("unknown-node", 7, 22)),
        ("one:r -> two:r", "one:r -> one:a", ("relation-same-essay", 7, 13)),
        ("one:a <-> two:r", "one:a -> two:r", ("bad-arrow", 9, 20)),
        ("[one:a, two:a]", "[one:a, one:r]", ("equivalence-same-essay", 5, 20)),
        ("[one:a, two:a]", "[one:a]", ("equivalence-size", 5, 12)),
        ("[one:a, two:a]", "[one:a, twoa]", ("bad-reference", 5, 20)),
        ("one:a <-> two:r", "one:a <-> two:a", ("relation-equivalent", 9, 20)),
        (
            "  - contradiction: one:a <-> two:r\n",
            "  - attack: one:r -> two:r\n",
            ("duplicate-edge", 9, 13),
        ),
    ],
)
def test_corpus_mistakes(
    old: str, new: str, expected: tuple[str, int, int], tmp_path: Path
) -> None:
    folder = write_corpus_folder(tmp_path, CORPUS.replace(old, new))
    problems = [p for p in argmap.check([folder]).problems if p.is_error]
    assert codes_and_places(problems) == [expected]
    assert problems[0].path == str(folder / "corpus.yaml")


def test_corpus_file_alone_is_checked_against_its_folder(tmp_path: Path) -> None:
    folder = write_corpus_folder(tmp_path, CORPUS.replace("one:r -> two:r", "one:r -> two:zz"))
    report = argmap.check([folder / "corpus.yaml"])
    assert [p.code for p in report.problems] == ["unknown-node"]
    assert report.files == (str(folder / "corpus.yaml"),)


def test_broken_map_does_not_bury_the_corpus_in_follow_on_errors(tmp_path: Path) -> None:
    folder = write_corpus_folder(tmp_path, CORPUS)
    (folder / "two.yaml").write_text(
        GOOD.replace("id: toy", "id: two").replace("kind: claim", "kind: x")
    )
    report = argmap.check([folder])
    assert [(Path(p.path or "").name, p.code) for p in report.problems] == [
        ("two.yaml", "unknown-kind")
    ]


def test_two_maps_with_one_essay_id(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    report = argmap.check([tmp_path])
    assert codes_and_places(list(report.problems)) == [("duplicate-id", 1, 5)]
    assert report.problems[0].path == str(tmp_path / "b.yaml")
    with pytest.raises(argmap.ArgmapError, match="essay id 'toy'"):
        argmap.read_corpus(tmp_path)


def test_a_bad_role_is_named_with_the_closest_one(tmp_path: Path) -> None:
    (problem,) = problems_of(GOOD.replace("title: Toy\n", "title: Toy\nrole: coments\n"), tmp_path)
    assert str(problem).startswith(
        f"{tmp_path / 'm.yaml'}:3:7: error: unknown role 'coments' (did you mean 'comments'?)"
    )


@pytest.mark.parametrize("corpus_file", [True, False])
def test_responds_to_must_name_an_essay_of_the_folder(tmp_path: Path, corpus_file: bool) -> None:
    if corpus_file:
        write_corpus_folder(tmp_path, CORPUS)
    else:
        (tmp_path / "one.yaml").write_text(GOOD.replace("id: toy", "id: one"), encoding="utf-8")
    comments = GOOD.replace("id: toy", "id: notes").replace(
        "title: Toy\n", "title: Notes\nrole: comments\nresponds_to: onee\n"
    )
    (tmp_path / "notes.yaml").write_text(comments, encoding="utf-8")
    report = argmap.check([tmp_path])
    assert codes_and_places(list(report.problems)) == [("unknown-essay", 4, 14)]
    assert report.problems[0].path == str(tmp_path / "notes.yaml")
    assert "responds to 'onee', which is not an essay of the corpus (did you mean 'one'?)" in str(
        report.problems[0]
    )
    with pytest.raises(argmap.ArgmapError, match="responds to 'onee'"):
        argmap.read_corpus(tmp_path)
    (tmp_path / "notes.yaml").write_text(comments.replace("onee", "one"), encoding="utf-8")
    assert argmap.check([tmp_path]).problems == ()
    notes = argmap.read_corpus(tmp_path).essay("notes")
    assert (notes.role, notes.responds_to) == ("comments", "one")


def test_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    report = argmap.check([tmp_path / "nope.yaml", tmp_path])
    assert sorted(p.code for p in report.problems) == ["no-files", "not-found"]


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_bytes(b"id: \xff\xfe\n")
    assert [p.code for p in argmap.check([tmp_path / "m.yaml"]).problems] == ["encoding"]
    with pytest.raises(argmap.ArgmapError, match="not UTF-8"):
        argmap.read_map(tmp_path / "m.yaml")


def test_reading_raises_the_library_error_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        GOOD.replace("kind: claim", "kind: clam").replace("a -> r", "a -> a"), encoding="utf-8"
    )
    with pytest.raises(argmap.ArgmapError) as caught:
        argmap.read_map(path)
    err = caught.value
    assert (err.path, err.line, err.column) == (str(path), 5, 11)
    assert [p.code for p in err.problems] == ["unknown-kind", "self-support"]
    assert "2 problems" in str(err)


def test_malformed_yaml_raises_the_library_error() -> None:
    with pytest.raises(argmap.ArgmapError) as caught:
        argmap.map_from_yaml("id: [", path="x.yaml")
    assert caught.value.problems[0].code == "yaml-syntax"
    assert caught.value.path == "x.yaml"


def test_a_corpus_file_is_not_a_map() -> None:
    with pytest.raises(argmap.ArgmapError, match="corpus file"):
        argmap.map_from_yaml(CORPUS)


def test_showcase_is_valid() -> None:
    assert argmap.check([SHOWCASE]).errors == ()


# -- generated invalid references ---------------------------------------------------------


def _line_of(document: object, pointer: tuple[str | int, ...]) -> int:
    node = document
    for step in pointer[:-1]:
        node = node[step]  # type: ignore[index]
    return int(node.lc.value(pointer[-1])[0]) + 1  # type: ignore[attr-defined]


@given(argument_maps(), st.data())
def test_generated_unknown_edge_ends_are_reported_at_their_line(
    m: ArgumentMap, data: st.DataObject
) -> None:
    if not m.edges:
        return
    text = argmap.map_to_yaml(m)
    index = data.draw(st.integers(0, len(m.edges) - 1))
    edge = m.edges[index]
    end = data.draw(st.sampled_from(["target", *range(len(edge.premises))]))
    document = YAML().load(text)
    line = _line_of(document, ("edges", index, str(edge.kind)))
    lines = text.splitlines(keepends=True)
    unknown = "zz-unknown-9"
    premises = list(edge.premises)
    old = f"{edge.kind}: {' + '.join(premises)} -> {edge.target}"
    if end == "target":
        new = f"{edge.kind}: {' + '.join(premises)} -> {unknown}"
    else:  # one premise (of a linked reason, any of them) is unknown
        premises[int(end)] = unknown
        new = f"{edge.kind}: {' + '.join(premises)} -> {edge.target}"
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    bad = "".join(lines)
    note(bad)
    with pytest.raises(argmap.ArgmapError) as caught:
        argmap.map_from_yaml(bad)
    unknown_node = [p for p in caught.value.problems if p.code == "unknown-node"]
    column = lines[line - 1].index(unknown) + 1
    assert [(p.line, p.column) for p in unknown_node] == [(line, column)]


@given(corpora(), st.data())
def test_generated_unknown_corpus_references_are_reported_at_their_line(
    c: Corpus, data: st.DataObject
) -> None:
    if not c.relations and not c.equivalences:
        return
    text = argmap.corpus_to_yaml(c)
    lines = text.splitlines(keepends=True)
    document = YAML().load(text)
    use_relation = data.draw(st.booleans())
    if c.relations and use_relation:
        index = data.draw(st.integers(0, len(c.relations) - 1))
        rel = c.relations[index]
        line = _line_of(document, ("relations", index, str(rel.kind)))
        target = str(rel.target)
        lines[line - 1] = (
            re.sub(rf" {re.escape(target)}$", " nowhere:x", lines[line - 1].rstrip("\n")) + "\n"
        )
    elif c.equivalences:
        index = data.draw(st.integers(0, len(c.equivalences) - 1))
        line = _line_of(document, ("equivalences", index, "nodes"))
        member = str(c.equivalences[index].members[-1])
        lines[line - 1] = lines[line - 1].replace(f"{member}]", "nowhere:x]")
    else:
        return
    bad = "".join(lines)
    note(bad)
    assert "nowhere:x" in bad
    doc, _ = parse_yaml(bad, "corpus.yaml")
    assert doc is not None
    corpus, problems = load_corpus_document(doc, "corpus.yaml", c.maps, bad)
    assert corpus is None
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("unknown-essay", line, lines[line - 1].index("nowhere:x") + 1)
    ]


THREE = """\
id: toy
title: Toy
nodes:
  - {id: a, kind: evidence, text: A.}
  - {id: b, kind: evidence, text: B.}
  - {id: c, kind: claim, text: C.}
edges:
  - id: s
    support: a + b -> c
"""


@pytest.mark.parametrize(
    ("arrow", "expected"),
    [
        ("a + zz -> c", [("unknown-node", 9, 18)]),
        ("zz + b -> c", [("unknown-node", 9, 14)]),
        ("a + -> c", [("empty-premise", 9, 16)]),
        ("+ b -> c", [("empty-premise", 9, 14)]),
        ("a + b + a -> c", [("duplicate-premise", 9, 22)]),
        ("a + c -> c", [("self-support", 9, 18)]),
        ("a+b->c", []),
        ("  a  +  b  ->  c", []),
    ],
)
def test_linked_premise_mistakes_are_reported_at_the_premise(
    arrow: str, expected: list[tuple[str, int, int]], tmp_path: Path
) -> None:
    text = THREE.replace("a + b -> c", arrow)
    problems = [p for p in problems_of(text, tmp_path) if p.is_error]
    assert codes_and_places(problems) == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("  - attack: a + b -> c\n", [("linked-attack", 10, 13)]),
        ("  - {id: t, attack: c -> a}\n  - attack: b -> t\n", [("undercut-target", 11, 18)]),
        ("  - attack: b -> nothing\n", [("unknown-node", 10, 18)]),
        ("  - {support: b + a -> c}\n", [("duplicate-edge", 10, 15)]),
        ("  - {support: b -> c, scheme: ' '}\n", [("invalid-value", 10, 31)]),
    ],
)
def test_reason_mistakes_are_reported_at_their_place(
    extra: str, expected: list[tuple[str, int, int]], tmp_path: Path
) -> None:
    problems = [p for p in problems_of(THREE + extra, tmp_path) if p.is_error]
    assert codes_and_places(problems) == expected


def test_all_reason_mistakes_are_reported_at_once(tmp_path: Path) -> None:
    text = THREE.replace("a + b -> c", "a + zz -> c") + "  - support: + b -> c\n"
    text += "  - attack: a + b -> c\n"
    codes = [p.code for p in problems_of(text, tmp_path)]
    assert codes == ["unknown-node", "empty-premise", "linked-attack"]


def test_a_linked_premise_is_not_an_isolated_node(tmp_path: Path) -> None:
    text = THREE.replace("  - {id: c,", "  - {id: d, kind: claim, text: D.}\n  - {id: c,")
    warnings = [(p.code, p.message) for p in problems_of(text, tmp_path)]
    assert warnings == [("isolated-node", "node 'd' has no edges")]
    text = THREE + "  - {attack: a -> c, scheme: ad hominem}\n"
    assert [p.code for p in problems_of(text, tmp_path)] == ["scheme-on-attack"]


def test_a_clean_check_keeps_each_folders_corpus_as_read_corpus_reads_it(tmp_path: Path) -> None:
    """``check --consistency`` analyses the corpus the check read instead of reading again."""
    report = argmap.check([MAPS])
    assert report.corpora[str(MAPS)] == argmap.read_corpus(MAPS)
    assert report.corpora[str(MAPS)].relations  # the corpus file's, not the bare maps
    bad = tmp_path / "m.yaml"
    bad.write_text("id: m\ntitle: M\nnodes:\n  - {id: a, kind: clam, text: A.}\n")
    assert argmap.check([MAPS, tmp_path]).corpora == {}  # an error anywhere: nothing to analyse

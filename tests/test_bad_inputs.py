"""Inputs that used to end in a traceback or a hang: each is now a located ArgmapError (issue 14).

Every case names the file, the line (and column where the format has them) and a code; none
of them runs long (the fuzz suite, tests/test_fuzz.py, bounds the time of each input).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.checking import check
from argmap.errors import ArgmapError, Problem
from argmap.formats import registry
from argmap.framework import read_af
from tests.helpers import SHOWCASE

MAP = """\
id: toy
title: Toy
nodes:
  - id: a
    kind: claim
    text: A.
  - id: b
    kind: claim
    text: B.
edges:
  - attack: a -> b
"""


def _error(path: Path, fmt: str | None = None) -> Problem:
    """The first problem reading ``path`` raises; every problem names the file and a line."""
    with pytest.raises(ArgmapError) as caught:
        registry.read(path, fmt)
    for problem in caught.value.problems:
        assert problem.path == str(path)
        assert problem.line is not None
    return caught.value.problems[0]


def _file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_a_date_that_is_no_day_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "m.yaml", MAP.replace("title: Toy", "title: Toy\ndate: 2019-02-30"))
    problem = _error(path)
    assert (problem.line, problem.column, problem.code) == (3, 7, "invalid-value")
    assert "not a day of the calendar" in problem.message


def test_a_date_that_is_no_day_in_argdown_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    path = _file(tmp_path, "m.argdown", "===\ndate: 2019-02-30\n===\n\n[A]: a.\n  - [B]: b.\n")
    m = registry.read(path)
    assert m.data["argdown"]["front_matter"]["date"] == "2019-02-30"


def test_argdown_front_matter_model_must_be_a_mapping(tmp_path: Path) -> None:
    path = _file(tmp_path, "m.argdown", "===\nmodel: 5\n===\n\n[A]: a.\n")
    problem = _error(path)
    assert (problem.line, problem.code) == (1, "argdown-syntax")
    assert "'model' must be a mapping" in problem.message


def test_an_argument_in_a_premise_list_is_reported(tmp_path: Path) -> None:
    path = _file(tmp_path, "m.argdown", "<Arg>\n\n(1) <Argument>\n(2) [B]: b.\n----\n(3) [C]: c.\n")
    problem = _error(path)
    assert (problem.line, problem.code) == (3, "argdown-syntax")


def test_argdown_reports_every_bad_line_at_once(tmp_path: Path) -> None:
    text = "[A]: a.\n\n(1) <X>\n\n[C]: c\n* a list item glued to it\n\n[B]: b\x0b.\n"
    with pytest.raises(ArgmapError) as caught:
        registry.read(_file(tmp_path, "m.argdown", text))
    assert [(p.line, p.code) for p in caught.value.problems] == [
        (8, "control-character"),
        (3, "argdown-syntax"),  # an argument as a premise of an untitled structure
        (6, "argdown-syntax"),  # a list must follow a blank line
    ]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("m.argdown", "argdown"),
        ("m.json", "aif"),
        ("n.json", "node-link"),
        ("m.graphml", "graphml"),
        ("m.xml", "arggraph"),
    ],
)
def test_bytes_that_are_not_utf8_are_reported_at_their_line_and_column(
    tmp_path: Path, name: str, fmt: str
) -> None:
    problem = _error(_file(tmp_path, name, b"\n\n  ab\xff"), fmt)
    assert (problem.line, problem.column, problem.code) == (3, 5, "encoding")


@pytest.mark.parametrize("fmt", ["aif", "node-link"])
def test_a_top_level_list_is_not_a_map(tmp_path: Path, fmt: str) -> None:
    problem = _error(_file(tmp_path, "m.json", "[]"), fmt)
    assert (problem.line, problem.code) == (1, "wrong-type")


def test_deep_json_is_refused_where_it_gets_too_deep(tmp_path: Path) -> None:
    text = '{"nodes":\n' + "[" * 100_000 + "]" * 100_000 + "}"
    problem = _error(_file(tmp_path, "m.json", text), "aif")
    assert (problem.line, problem.column, problem.code) == (2, 100, "too-deep")


def test_aif_values_of_the_wrong_type_are_all_reported_at_their_lines(tmp_path: Path) -> None:
    text = '{"nodes": [\n {"nodeID": "1", "text": 5, "type": "I"},\n 7\n],\n "edges": [{"fromID": true, "toID": "1"}]}'
    with pytest.raises(ArgmapError) as caught:
        registry.read(_file(tmp_path, "m.json", text), "aif")
    assert [(p.line, p.code) for p in caught.value.problems] == [
        (2, "wrong-type"),
        (3, "wrong-type"),
        (5, "wrong-type"),
    ]
    assert all(p.path == str(tmp_path / "m.json") for p in caught.value.problems)


def test_a_malformed_argmap_extension_in_aif_is_reported_at_its_lines(tmp_path: Path) -> None:
    """argmap's own fields in AIF (the ``argmap`` key): each wrong value at its line, all at
    once, rather than an internal error when the map is built (it was a ValueError)."""
    text = (
        '{"nodes": [\n'
        ' {"nodeID": "1", "text": "a", "type": "I", "argmap": {"kind": "bogus"}},\n'
        ' {"nodeID": "2", "text": "b", "type": "I", "argmap": {"weight": "heavy",\n'
        '   "tags": "t", "locator": {"paragraphs": [0]}}},\n'
        ' {"nodeID": "3", "text": "", "type": "RA", "argmap": {"edges": [{"premises": "1"}]}}\n'
        '],\n "edges": []}'
    )
    with pytest.raises(ArgmapError) as caught:
        registry.read(_file(tmp_path, "m.json", text), "aif")
    assert sorted((p.line, p.message.split("'")[3]) for p in caught.value.problems) == [
        (2, "kind"),
        (3, "weight"),
        (4, "locator"),
        (4, "tags"),
        (5, "premises"),
    ]


def test_check_reads_each_file_in_its_own_format(tmp_path: Path) -> None:
    """``argmap check`` on AIF, Argdown and Kialo files reads them as such (an AIF file was
    read as a YAML map: hundreds of 'unknown field' errors), and checks their maps."""
    m = argmap.read_map(SHOWCASE)
    files = [tmp_path / name for name in ("m.json", "m.argdown", "m.kialo")]
    for path in files:
        registry.write(m, path)
    report = check(files)
    assert report.errors == ()
    bad = _file(tmp_path, "bad.json", '{"nodes": [{"nodeID": "1", "type": "I", "argmap": 3}]}')
    assert [(p.path, p.line, p.code) for p in check([bad]).errors] == [(str(bad), 1, "wrong-type")]


def test_node_link_values_of_the_wrong_type_are_reported_at_their_lines(tmp_path: Path) -> None:
    m = argmap.map_from_yaml(MAP)
    text = registry.dumps(m, "node-link").replace('"text": "B."', '"text": 7', 1)
    path = _file(tmp_path, "m.json", text)
    problem = _error(path, "node-link")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"text": 7' in s)
    assert (problem.line, problem.code) == (line, "wrong-type")


def test_graphml_json_text_that_is_not_json_is_reported_at_its_data_element(tmp_path: Path) -> None:
    m = argmap.map_from_yaml(MAP.replace("text: A.", "text: A.\n    tags: [x]"))
    text = registry.dumps(m, "graphml").replace('json:["x"]', "json:[x", 1)
    problem = _error(_file(tmp_path, "m.graphml", text))
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "json:[x" in s)
    assert (problem.line, problem.code) == (line, "wrong-type")


def test_graphml_values_their_type_refuses_are_reported_at_their_data_element(
    tmp_path: Path,
) -> None:
    m = argmap.map_from_yaml(MAP.replace("text: A.", "text: A.\n    weight: 0.5"))
    text = registry.dumps(m, "graphml")
    assert 'attr.name="weight" attr.type="double"' in text
    text = text.replace(">0.5<", ">half<", 1)
    problem = _error(_file(tmp_path, "m.graphml", text))
    line = next(i for i, s in enumerate(text.splitlines(), 1) if ">half<" in s)
    assert (problem.line, problem.code) == (line, "graphml")
    assert "'half' is not a GraphML double, as the key of 'weight' declares" in problem.message


def test_graphml_entities_are_refused(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "aaaa">]>\n<graphml>&a;</graphml>'
    problem = _error(_file(tmp_path, "m.graphml", text))
    assert (problem.line, problem.code) == (2, "xml-entity")


def test_yaml_merge_keys_and_complex_keys_in_data_load_and_save_back(tmp_path: Path) -> None:
    data = "data:\n  base: &b {x: 1}\n  more: {<<: *b, y: 2}\n  ? [k, l]\n  : 3\n"
    m = registry.read(_file(tmp_path, "m.yaml", MAP.replace("title: Toy\n", "title: Toy\n" + data)))
    assert m.data["more"] == {"x": 1, "y": 2}
    for fmt in ("yaml", "node-link", "graphml"):
        assert registry.loads(registry.dumps(m, fmt), fmt, f"m.{fmt}") == m


def test_yaml_nested_too_deep_is_reported_where_it_gets_too_deep(tmp_path: Path) -> None:
    path = _file(
        tmp_path, "m.yaml", MAP.replace("title: Toy", "title: Toy\ndata: " + "[" * 300 + "]" * 300)
    )
    problem = _error(path)
    assert (problem.line, problem.column, problem.code) == (3, 106, "too-deep")


def test_a_yaml_alias_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    bomb = "data:\n  a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghi"):
        bomb += f"  {name}: &{name} [" + ", ".join([f"*{'abcdefghi'[i]}"] * 9) + "]\n"
    problem = _error(_file(tmp_path, "m.yaml", MAP.replace("title: Toy\n", "title: Toy\n" + bomb)))
    assert problem.code == "too-large"


def test_a_recursive_value_is_refused() -> None:
    looped: dict[str, object] = {}
    looped["self"] = looped
    with pytest.raises(ArgmapError, match="contains itself"):
        argmap.ArgumentMap("m", "M", [], data=looped)


def test_a_microtexts_edge_without_a_type_is_reported_at_its_line(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0"?>\n<arggraph id="x">\n  <edu id="e1">A.</edu>\n'
        '  <adu id="a1" type="pro"/>\n  <edge id="c1" src="e1" trg="a1" type="seg"/>\n'
        '  <edge id="c2" src="a1" trg="a1"/>\n  <edge id="c3" src="a9" trg="a1" type="sup"/>\n</arggraph>\n'
    )
    with pytest.raises(ArgmapError) as caught:
        registry.read(_file(tmp_path, "m.xml", text), "arggraph")
    assert [(p.line, p.code) for p in caught.value.problems] == [(6, "arggraph"), (7, "arggraph")]


def test_pathological_argdown_is_read_in_linear_time(tmp_path: Path) -> None:
    problem = _error(_file(tmp_path, "a.argdown", "[A]: a.\n" + "<!--" * 50_000))
    assert (problem.line, problem.column, problem.code) == (2, 1, "argdown-syntax")
    spaces = registry.read(
        _file(tmp_path, "b.argdown", "[A]: a." + " " * 100_000 + "x {" * 1000 + "\n")
    )
    assert len(spaces.nodes) == 1


def test_text_file_must_be_a_regular_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "m.yaml", MAP.replace("title: Toy", "title: Toy\ntext_file: /dev/zero"))
    report = check([path])
    assert [(p.line, p.code) for p in report.problems] == [(3, "text-file-missing")]
    assert "not a regular file" in report.problems[0].message
    with pytest.raises(ArgmapError, match="not a regular file") as caught:
        registry.read(tmp_path)
    assert caught.value.problems[0].code == "not-a-file"


@pytest.mark.parametrize("character", ["\x01", "\x0b", "\x0c", "\r", "\x85", "\u2028", "\x7f"])
def test_control_characters_in_texts_are_refused_at_their_line(
    tmp_path: Path, character: str
) -> None:
    escaped = f"\\u{ord(character):04x}"
    path = _file(tmp_path, "m.yaml", MAP.replace("text: B.", f'text: "B{escaped}."'))
    problem = _error(path)
    assert (problem.line, problem.column, problem.code) == (9, 11, "control-character")
    with pytest.raises(ArgmapError, match="control character"):
        argmap.Node("a", "claim", f"A{character}.")


def test_what_check_accepts_every_format_writes_and_reads_back(tmp_path: Path) -> None:
    path = _file(
        tmp_path, "m.yaml", MAP.replace("text: A.", 'text: "A\\ttab\\nand a new line <&>\\u00e9"')
    )
    assert check([path]).ok()
    m = registry.read(path)
    for fmt in ("yaml", "node-link", "graphml"):
        assert registry.loads(registry.dumps(m, fmt), fmt, f"m.{fmt}") == m
    for fmt in ("aif", "argdown", "arggraph", "i23", "apx", "tgf"):
        registry.loads(registry.dumps(m, fmt), fmt, f"m.{fmt}")


@pytest.mark.parametrize(
    ("text", "fmt", "line", "message"),
    [
        ("# p af\n", "tgf", 1, "cannot be named '#'"),
        ("p af 3\n\u00b9 2\n", "i23", 2, "is not ASCII"),
        ("p af 99999999999999999999999\n", "i23", 1, "more than argmap reads"),
    ],
)
def test_iccma_files_that_used_to_break_the_readers(
    tmp_path: Path, text: str, fmt: str, line: int, message: str
) -> None:
    path = _file(tmp_path, f"f.{fmt}", text)
    with pytest.raises(ArgmapError, match=message) as caught:
        read_af(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)

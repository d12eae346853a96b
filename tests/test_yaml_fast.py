"""The fast YAML read path reads exactly what the round-trip parser reads, or steps aside.

Each property compares :func:`fast_document` with ruamel's round-trip parse of the same text,
value by value with exact types and key order: the fast path must give the same values or
``None`` (never a value where the round-trip parser finds an error, never a different one).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import argmap
from argmap.formats.yaml import load_map_document
from argmap.formats.yaml.document import _load, parse_yaml, read_yaml
from argmap.formats.yaml.fast import fast_document, fast_nodes
from argmap.formats.yaml.positions import NodePositions, NotSure, Positions
from tests.helpers import MAPS
from tests.strategies import argument_maps

BUNDLED = sorted(MAPS.glob("*.yaml"))


def exact(value: Any) -> Any:
    """A value with its type spelled out (ruamel's str, int and float subclasses as the base)."""
    if isinstance(value, dict):
        return ("mapping", [(exact(k), exact(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [exact(v) for v in value])
    if isinstance(value, bool | dt.date):
        return (type(value).__name__, value)
    for kind in (int, float, str):
        if isinstance(value, kind):
            return (kind.__name__, kind(value))
    assert value is None, type(value)
    return None


def round_trip_reading(text: str) -> Any:
    """The round-trip parser's values of ``text``, or ``"error"``."""
    try:
        return exact(_load(text))
    except Exception:
        return "error"


def same_or_aside(text: str) -> None:
    fast = fast_document(text)
    note(repr(text))
    if fast is not None:
        assert exact(fast) == round_trip_reading(text)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_bundled_maps_are_read_by_the_fast_path_to_the_same_values(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = fast_document(text)
    assert fast is not None
    assert exact(fast) == round_trip_reading(text)


@given(argument_maps())
def test_written_maps_are_read_by_the_fast_path_to_the_same_values(m: argmap.ArgumentMap) -> None:
    text = argmap.map_to_yaml(m)
    same_or_aside(text)


YAMLISH = st.lists(
    st.sampled_from(
        [*"ab01 .-+:#'\"|>!&*%?,[]{}\n\t\r~_eE", "\u2028", "\x85", "\n  ", "- ", "yes", "2019-"]
    ),
    max_size=30,
).map("".join)


@given(YAMLISH.map(lambda t: "k: " + t))
def test_any_text_is_read_the_same_or_left_to_the_round_trip_parser(text: str) -> None:
    same_or_aside(text)


@st.composite
def damaged_maps(draw: st.DrawFn) -> str:
    """A bundled map's text with one to three random cuts and insertions of YAML-ish text."""
    text = draw(st.sampled_from(BUNDLED)).read_text(encoding="utf-8")
    edits = st.tuples(st.floats(0, 1), st.integers(0, 3), YAMLISH)
    for where, cut, insert in draw(st.lists(edits, min_size=1, max_size=3)):
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    return text


@given(damaged_maps())
def test_a_damaged_map_is_read_the_same_or_left_to_the_round_trip_parser(text: str) -> None:
    same_or_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x [1]\nb: *x\n",  # a list used twice
        "a: !!str 1\n",  # explicit tag
        "<<: {a: 1}\n",  # merge key
        "%YAML 1.1\n---\na: yes\n",  # directive
        "a: 0x1F\n",  # a number not in plain decimal
        "a: .5\n",
        "a: 2019-08-01 10:00:00\n",  # a time of day
        "1: a\n",  # a key that is not text
        "a: b\u2028c\n",  # a line separator YAML 1.1 breaks lines at
        "- a\n",  # not a mapping
        "a: [b\n",  # a syntax error
        "",
    ],
)
def test_doubtful_texts_are_left_to_the_round_trip_parser(text: str) -> None:
    assert fast_document(text) is None


def test_a_problem_found_on_the_fast_path_is_located_as_on_the_round_trip_path() -> None:
    text = "id: m\ntitle: M\nnodes:\n  - {id: a, kind: clam, text: A.}\n"
    doc, problems = read_yaml(text, "m.yaml")
    assert problems == []
    assert not hasattr(doc, "lc")  # a plain dict from the fast path
    with pytest.raises(argmap.ArgmapError) as caught:
        argmap.map_from_yaml(text, "m.yaml")
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.column) == ("m.yaml", 4, 19)  # at 'clam'
    rt, _ = parse_yaml(text, "m.yaml")
    assert rt is not None
    assert load_map_document(rt, "m.yaml", text)[1] == [problem]


def pointers(value: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every pointer into a plain document, and one past each of its values."""
    found = [at, (*at, "no-such-key"), (*at, 99)]
    if isinstance(value, dict):
        for k, v in value.items():
            found += pointers(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += pointers(v, (*at, i))
    return found


PARTS = (None, "key", "source", "target", "premise:0", "premise:1", "premise:5")


def same_positions(text: str) -> None:
    """libyaml's node tree locates every pointer where the round-trip document does."""
    doc = fast_document(text)
    if doc is None:
        return
    by_nodes, by_document = NodePositions(fast_nodes(text), text), Positions(_load(text))
    for pointer in pointers(doc):
        for part in PARTS:
            try:
                found = by_nodes(pointer, part)
            except NotSure:  # the caller asks the round-trip document
                continue
            assert found == by_document(pointer, part), (text, pointer, part)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_node_tree_locates_as_the_round_trip_document_in_the_bundled_maps(path: Path) -> None:
    same_positions(path.read_text(encoding="utf-8"))


@given(argument_maps())
def test_the_node_tree_locates_as_the_round_trip_document_in_written_maps(
    m: argmap.ArgumentMap,
) -> None:
    same_positions(argmap.map_to_yaml(m))


@given(YAMLISH.map(lambda t: "k: " + t))
def test_the_node_tree_locates_as_the_round_trip_document_in_any_text(text: str) -> None:
    same_positions(text)


@given(damaged_maps())
def test_the_node_tree_locates_as_the_round_trip_document_in_damaged_maps(text: str) -> None:
    same_positions(text)


@given(argument_maps())
def test_warnings_on_a_fast_read_are_located_as_on_the_round_trip_document(
    m: argmap.ArgumentMap,
) -> None:
    import tempfile

    from argmap import rules
    from argmap.formats.yaml import load_file, locate_findings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.yaml"
        argmap.write_map(m, path)
        loaded = load_file(path)
        assert loaded.map is not None
        findings = rules.map_warnings(loaded.map)
        text = path.read_text(encoding="utf-8")
        expected = locate_findings(findings, _load(text), str(path))
        assert loaded.locate(findings) == expected


def test_a_position_the_node_tree_is_not_sure_of_is_taken_from_the_round_trip_document(
    tmp_path: Path,
) -> None:
    from argmap.formats.yaml import load_file, locate_findings
    from argmap.model.invariants import Finding

    text = "id: m\ntitle: M\nedges: # none yet\nnodes:\n  - id: a\n    kind: claim\n    text: A.\n"
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.map is not None
    assert not hasattr(loaded.document, "lc")  # read by the fast path
    finding = Finding(("edges",), "an edge is wanted", "wanted")
    with pytest.raises(NotSure):
        NodePositions(fast_nodes(text), text)(finding.pointer)
    [problem] = loaded.locate([finding])
    assert [problem] == locate_findings([finding], _load(text), str(path))
    assert (problem.line, problem.column) == (3, 7)

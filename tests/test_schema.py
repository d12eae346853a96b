"""The published JSON Schemas agree with the reader on valid and invalid files."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from ruamel.yaml import YAML

import argmap
from argmap import ArgumentMap, Corpus
from tests.helpers import MAPS, ROOT
from tests.strategies import argument_maps, corpora

DOCS = ROOT / "docs"
MAP_VALIDATOR = jsonschema.Draft202012Validator(argmap.map_schema())
CORPUS_VALIDATOR = jsonschema.Draft202012Validator(argmap.corpus_schema())


def as_json(text: str) -> Any:
    """A YAML text as the JSON an editor's schema validator sees (dates as text)."""
    return json.loads(json.dumps(YAML(typ="safe").load(text), default=str))


def test_schemas_are_valid_json_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(argmap.map_schema())
    jsonschema.Draft202012Validator.check_schema(argmap.corpus_schema())


def test_bundled_files_match_the_schemas() -> None:
    for path in sorted(MAPS.glob("*.yaml")):
        data = as_json(path.read_text(encoding="utf-8"))
        validator = CORPUS_VALIDATOR if "corpus" in data else MAP_VALIDATOR
        assert list(validator.iter_errors(data)) == [], path


@given(argument_maps())
def test_generated_maps_match_the_schema(m: ArgumentMap) -> None:
    errors = [e.message for e in MAP_VALIDATOR.iter_errors(as_json(argmap.map_to_yaml(m)))]
    assert errors == []


@given(corpora())
def test_generated_corpus_files_match_the_schema(c: Corpus) -> None:
    errors = [e.message for e in CORPUS_VALIDATOR.iter_errors(as_json(argmap.corpus_to_yaml(c)))]
    assert errors == []


BASE = "id: t\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A.}\n  - {id: b, kind: claim, text: B.}\n"


@pytest.mark.parametrize(
    "text",
    [
        BASE.replace("title: T\n", ""),
        BASE.replace("kind: claim, text: A.", "kind: clam, text: A."),
        BASE.replace("text: A.}", "text: A., weight: 2}"),
        BASE.replace("text: A.}", "text: A., colour: red}"),
        BASE.replace("text: A.}", "text: A., para: 0}"),
        BASE.replace("text: A.}", "text: A., quote: q}"),
        BASE.replace("id: a,", "id: 'a b',"),
        BASE + "edges:\n  - {support: a -> b, attack: b -> a}\n",
        BASE + "edges:\n  - {support: a b}\n",
        BASE + "edges:\n  - {support: a + -> b}\n",
        BASE + "edges:\n  - {support: + a -> b}\n",
        BASE + "edges:\n  - {attack: a + b -> a}\n",
        BASE + "edges:\n  - {support: a -> b, scheme: ' '}\n",
        BASE + "edges:\n  - {note: no kind}\n",
        BASE.replace("title: T\n", "title: T\ndate: 11/2019\n"),
        BASE + "extra: 1\n",
    ],
)
def test_invalid_maps_are_rejected_by_schema_and_reader(text: str) -> None:
    assert list(MAP_VALIDATOR.iter_errors(as_json(text))) != []
    with pytest.raises(argmap.ArgmapError):
        argmap.map_from_yaml(text)


def test_schema_text_is_what_the_cli_prints(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import main

    assert main(["schema", "map"]) == 0
    assert json.loads(capsys.readouterr().out) == argmap.map_schema()


# -- one description of the format -----------------------------------------------------------


@pytest.mark.parametrize("name", ["map", "corpus"])
def test_committed_schemas_are_the_generated_ones(name: str) -> None:
    """``argmap/schemas`` is written by ``tools/generate_schemas.py`` from the shape data."""
    from argmap.formats.shape import schema_text as generated
    from argmap.schema import schema_text

    assert schema_text(name) == generated(name), "run: python tools/generate_schemas.py"


def _sections(text: str) -> dict[str, str]:
    """docs/format.md split at its headings."""
    parts = re.split(r"^(#{2,3} .*)$", text, flags=re.MULTILINE)
    return {parts[i].lstrip("# ").strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_format_doc_names_every_field() -> None:
    from argmap.formats import shape

    sections = _sections((DOCS / "format.md").read_text(encoding="utf-8"))
    where = {
        "Map fields": [shape.MAP],
        "Node fields": [shape.NODE],
        "Edge fields": [shape.EDGE],
        "The corpus file": [shape.CORPUS_FILE, shape.CORPUS, shape.GROUP, shape.RELATION],
    }
    for section, shapes in where.items():
        for s in shapes:
            for f in s.fields:
                assert f"`{f.name}" in sections[section], (section, s.name, f.name)
    for value in shape.NODE.field("kind").values:
        assert f"`{value}`" in sections["Node fields"]


def test_key_lists_come_from_the_description() -> None:
    from argmap import graph
    from argmap.formats import shape

    assert graph._MAP_META == shape.MAP_META
    assert set(shape.AIF_META) <= set(shape.MAP.keys)


def test_the_schema_accepts_reasons_as_the_reader_does() -> None:
    text = (
        BASE
        + "  - {id: c, kind: claim, text: C.}\n"
        + "edges:\n  - {id: r, support: a + b -> c, scheme: expert opinion}\n"
        + "  - support: a+b+c->c\n"
        + "  - attack: b -> r\n"
    )
    errors = [e.message for e in MAP_VALIDATOR.iter_errors(as_json(text))]
    assert errors == []  # the schema describes the shape; a circular reason is for check
    with pytest.raises(argmap.ArgmapError, match="self-support"):
        argmap.map_from_yaml(text)
    good = text.replace("  - support: a+b+c->c\n", "")
    assert list(MAP_VALIDATOR.iter_errors(as_json(good))) == []
    assert argmap.map_from_yaml(good).edges[0].premises == ("a", "b")

"""The format registry: one contract for every format, and bad input as the library's error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.convert import dumps
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.formats.text import read_text, write_text
from tests.helpers import SHOWCASE

SUFFIX = {
    "yaml": ".yaml",
    "aif": ".json",
    "node-link": ".json",
    "graphml": ".graphml",
    "argdown": ".argdown",
    "arggraph": ".xml",
    "kialo": ".txt",
    "sadface": ".json",
    "i23": ".i23",
    "apx": ".apx",
    "tgf": ".tgf",
}


def test_every_format_is_registered_once() -> None:
    assert set(registry.FORMAT_NAMES) == set(SUFFIX)
    assert len(registry.FORMAT_NAMES) == len(set(registry.FORMAT_NAMES))
    for fmt in registry.FORMATS:
        assert fmt.keeps, fmt.name
        assert fmt.loses, fmt.name
        assert SUFFIX[fmt.name] in fmt.suffixes


def test_names_are_parsed_once_case_insensitively() -> None:
    assert registry.get("GraphML") is registry.get("graphml")
    assert registry.get("Node_Link").name == "node-link"
    with pytest.raises(ArgmapError, match=r"unknown format 'argdwon' \(did you mean 'argdown'\?\)"):
        registry.get("argdwon")


@pytest.mark.parametrize("name", list(SUFFIX))
def test_each_format_sniffs_its_own_text(name: str, tmp_path: Path) -> None:
    text = dumps(argmap.read_map(SHOWCASE), name)
    assert registry.get(name).sniff(text)
    path = tmp_path / f"m{SUFFIX[name]}"
    path.write_text(text, encoding="utf-8")
    assert registry.detect(path, text).name == name
    assert registry.read(path).nodes


def test_ambiguous_suffixes_are_told_apart_by_content() -> None:
    showcase = argmap.read_map(SHOWCASE)
    assert registry.detect("x.json", dumps(showcase, "aif")).name == "aif"
    assert registry.detect("x.json", dumps(showcase, "node-link")).name == "node-link"
    assert registry.detect("x.xml", dumps(showcase, "arggraph")).name == "arggraph"
    with pytest.raises(ArgmapError, match="none of aif, node-link, sadface") as caught:
        registry.detect("x.json", '"just a string"')
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert registry.detect("x.xml", dumps(showcase, "graphml")).name == "graphml"
    assert registry.detect("x.xml").name == "arggraph"
    with pytest.raises(ArgmapError, match="none of arggraph, graphml"):
        registry.detect("x.xml", "<html/>")


def test_an_unknown_suffix_names_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "m.docx"
    path.write_text("id: m\n", encoding="utf-8")
    with pytest.raises(ArgmapError, match=r"cannot tell the format of .*m\.docx.*\.yaml"):
        registry.read(path)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_a_non_utf8_file_is_an_error_with_its_place(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"bad{SUFFIX[name]}"
    path.write_bytes(b"first line\nsecond \xff line\n")
    with pytest.raises(ArgmapError) as caught:
        registry.read(path, name)
    err = caught.value
    assert (err.path, err.line, err.column) == (str(path), 2, 8)
    assert err.problems[0].code == "encoding"
    with pytest.raises(ArgmapError):  # and so for detection by suffix
        registry.read(path)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_an_empty_file_is_an_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{SUFFIX[name]}"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ArgmapError, match="empty") as caught:
        registry.read(path, name)
    assert (caught.value.path, caught.value.line) == (str(path), 1)


@pytest.mark.parametrize("name", list(SUFFIX))
def test_the_wrong_format_under_a_known_suffix_is_an_error(name: str, tmp_path: Path) -> None:
    other = "apx" if name == "yaml" else "yaml"
    path = tmp_path / f"wrong{SUFFIX[name]}"
    path.write_text(dumps(argmap.read_map(SHOWCASE), other), encoding="utf-8")
    with pytest.raises(ArgmapError) as caught:
        registry.read(path)
    assert caught.value.path == str(path)


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SHOWCASE.read_bytes())
    assert read_text(path) == SHOWCASE.read_text(encoding="utf-8")
    assert registry.read(path) == argmap.read_map(SHOWCASE)


def test_oversized_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(ArgmapError, match="larger than") as caught:
        read_text(path, limit=10)
    assert caught.value.problems[0].code == "too-large"


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    write_text(path, "old\n")
    with pytest.raises(TypeError):
        write_text(path, None)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]


def test_the_registry_loads_no_format_module() -> None:
    code = (
        "import sys, argmap.formats.registry as r; r.FORMAT_NAMES; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('ruamel', 'networkx', 'numpy') or m.startswith(('argmap.formats.y', "
        "'argmap.formats.a', 'argmap.formats.g', 'argmap.formats.i', 'argmap.formats.m'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_formats_do_not_import_the_framework() -> None:
    code = (
        "import sys; from argmap.formats import iccma, aif, argdown, microtexts, graphs; "
        "import argmap.formats.yaml; print('argmap.framework' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

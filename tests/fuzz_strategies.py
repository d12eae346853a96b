"""Mutations of real files, and every reader of argmap with the invariants each must keep.

A *reader* reads a file (or a folder) the way a user's command would. Its seeds are real
files: the maps in ``maps/`` and the corpora in ``../shared/corpora/`` (see its README);
the formats no corpus holds (node-link, GraphML, i23, apx, tgf) are written from the maps
at the start of a session, then mutated like the others.

A mutation is a short list of edits of a seed's bytes: a byte changed, the text cut
short, a line repeated, dropped or swapped, or a piece of syntax inserted anywhere (the
format's own brackets and keywords, and the characters that broke readers before: control
characters, a date that is no day, YAML aliases and merge keys, ``json:`` prefixes,
unclosed comments, deep brackets, long runs of spaces).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import argmap
from argmap.checking import check
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.framework import AF, format_af, parse_af, read_af
from tests.helpers import MAPS

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
"""The corpora of real argument maps beside the project (``../shared/corpora``)."""

ESSAYS = sorted(p for p in MAPS.glob("*.yaml") if p.name != "corpus.yaml")

_COMMON: tuple[bytes, ...] = (
    b"\x00",
    b"\x01",
    b"\x0b",
    b"\x0c",
    b"\r",
    b"\x7f",
    b"\xff",
    b"\xc3",
    "\u0085".encode(),
    "\u2028".encode(),
    "\ufffe".encode(),
    b" " * 300,
    b"\n" * 3,
    b"2019-02-30",
    b"99999999999999999999999",
    b"-1",
    b"json:",
    b"json:{",
    b"<!--",
    b"/*",
    b"[" * 120,
    b"{" * 120,
)
"""Inserted into any format: what broke readers before."""

SYNTAX: dict[str, tuple[bytes, ...]] = {
    "yaml": (
        b": ",
        b"- ",
        b"&a ",
        b"*a",
        b"<<: *a",
        b"? [a, b]\n: 1\n",
        b"!!python/object:os.system ",
        b"!!binary ",
        b"|\n",
        b">-\n",
        b"'",
        b'"',
        b"\t",
        b"#",
        b"---\n",
        b"...\n",
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b"%YAML 1.1\n",
        b"data: &b [x, x, x]\n",
        b'"\\x0b"',
        b" -> ",
        b" + ",
        b"true",
        b"null",
        b".nan",
    ),
    "json": (
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b'"',
        b"\\",
        b"null",
        b"true",
        b"1e999",
        b'"\\ud800"',
        b'"\\u000b"',
        b"-",
        b"0.5",
    ),
    "xml": (
        b"<",
        b">",
        b"</",
        b"/>",
        b"&amp;",
        b"&#11;",
        b"&#13;",
        b"&#x85;",
        b"&a;",
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        b"<![CDATA[",
        b"]]>",
        b'"',
        b"=",
        b'type="int"',
        b'<data key="d0">json:[</data>',
        b"<node/>",
        b'<edge source="x"/>',
        b'<edge id="zz" src="a1"/>',
    ),
    "argdown": (
        b"[",
        b"]",
        b"<",
        b">",
        b": ",
        b"\n  + ",
        b"\n  - ",
        b"\n  <_ ",
        b"\n  >< ",
        b"\n(1) ",
        b"\n(1) <Argument>\n",
        b"\n----\n",
        b"\n--\n",
        b"#tag ",
        b"#(a tag) ",
        b"{uses: [1, 9]}",
        b"{",
        b"}",
        b"\n===\nmodel: 5\n===\n",
        b"\n===\n",
        b"-->",
        b"*/",
        b"//",
        b"\n# ",
        b"\n* ",
        b"@include x",
    ),
    "kialo": (
        b"\n1.1. Pro: ",
        b"\n1.9.9. Con: ",
        b"\n1.2. ",
        b"-> See 1.1.",
        b"-> See 7.",
        b"Discussion Title: ",
        b"\\(",
        b"\\",
        b"[a](b)",
        b"\n1. ",
        b"Maybe: ",
    ),
    "iccma": (
        b"p af ",
        b"#",
        b"# ",
        b"\n",
        b" ",
        b"arg(",
        b"att(",
        b")",
        b".",
        b",",
        b"0",
        b"01",
        "\u00b9".encode(),
        "\u0663".encode(),
        b"-",
    ),
}


Edit = tuple[str, int, int, bytes]
"""An edit: its kind, two numbers (positions or line indexes, taken modulo the length of
what they index) and a token to insert."""

_KINDS = ("insert", "insert", "flip", "truncate", "repeat", "drop", "swap")
"""Insertions are the richest edit: drawn twice as often."""


def edits(syntax: Sequence[bytes]) -> st.SearchStrategy[list[Edit]]:
    """One to four edits (see the module docstring), with tokens of ``syntax`` and :data:`_COMMON`."""
    edit = st.tuples(
        st.sampled_from(_KINDS),
        st.integers(0, 2**20),
        st.integers(0, 2**20),
        st.sampled_from((*syntax, *_COMMON)),
    )
    return st.lists(edit, min_size=1, max_size=4)


def mutate(data: bytes, changes: Sequence[Edit]) -> bytes:
    r"""``data`` with ``changes`` applied in order.

    >>> mutate(b"ab\ncd", [("insert", 1, 0, b"X"), ("drop", 0, 1, b"")])
    b'cd'
    """
    for kind, a, b, token in changes:
        data = _apply(data, kind, a, b, token)
    return data


def _apply(data: bytes, kind: str, a: int, b: int, token: bytes) -> bytes:
    at = a % (len(data) + 1)
    lines = data.split(b"\n")
    i, j = a % len(lines), b % len(lines)
    if kind == "insert":
        return data[:at] + token + data[at:]
    if kind == "flip":
        return data[:at] + bytes([b % 256]) + data[at + 1 :]
    if kind == "truncate":
        return data[:at]
    if kind == "repeat":
        lines[i + 1 : i + 1] = [lines[i]] * (1 + b % 3)
    elif kind == "drop":
        del lines[i]
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


@dataclass
class Reader:
    """A reader under test: its seeds, how it reads a file, how a read result saves back."""

    name: str
    suffix: str
    syntax: str
    seeds: Callable[[Path], list[Path]]
    """The seed files, given a folder where generated seeds may be written."""
    read: Callable[[Path], Any]
    round_trip: Callable[[Any], None]
    """Save what was read and read it back: asserts it comes back equal."""
    folder: bool = False
    """Whether the reader reads the mutated file's whole folder (a corpus)."""
    counts: dict[str, int] = field(default_factory=lambda: {"inputs": 0, "loaded": 0, "errors": 0})


def _lossless(m: argmap.ArgumentMap, *formats: str) -> None:
    """``m`` written in each format reads back equal (YAML always: argmap's own format)."""
    for fmt in ("yaml", *formats):
        text = registry.dumps(m, fmt)
        again = registry.loads(text, fmt, f"round-trip.{fmt}")
        assert again == m, f"{fmt} round trip changed the map"


def _loads_back(m: argmap.ArgumentMap, fmt: str) -> None:
    """``m`` (from a lossy format) saved in its format and in YAML reads back; YAML equal."""
    _lossless(m)
    text = registry.dumps(m, fmt)
    registry.loads(text, fmt, f"round-trip.{fmt}")


def _af_round_trip(fmt: str) -> Callable[[AF], None]:
    def round_trip(af: AF) -> None:
        text = format_af(af, fmt)
        again = parse_af(text, fmt, f"round-trip.{fmt}")
        assert format_af(again, fmt) == text

    return round_trip


def _corpus_round_trip(corpus: argmap.Corpus) -> None:
    folder = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
    try:
        argmap.write_corpus(corpus, folder)
        assert argmap.read_corpus(folder) == corpus, "the corpus changed when written back"
    finally:
        shutil.rmtree(folder)


def _files(directory: Path, *patterns: str) -> list[Path]:
    return sorted({p for pattern in patterns for p in directory.glob(pattern) if p.is_file()})


def _written(fmt: str) -> Callable[[Path], list[Path]]:
    """Seeds written from the essays' maps in ``fmt`` (the maps are real; only the format is generated)."""

    def seeds(folder: Path) -> list[Path]:
        written = []
        for essay in ESSAYS:
            path = folder / f"{essay.stem}.{fmt}"
            if not path.exists():
                m = argmap.read_map(essay)
                path.write_text(registry.dumps(m, fmt), encoding="utf-8")
            written.append(path)
        return written

    return seeds


def _corpus_seeds(folder: Path) -> list[Path]:
    """The files of a copy of ``maps/``; mutating one of them mutates the corpus."""
    copy = folder / "corpus"
    if not copy.exists():
        shutil.copytree(MAPS, copy)
    return sorted(copy.glob("*.yaml"))


def _read_yaml(path: Path) -> argmap.ArgumentMap:
    """``argmap check`` locates every problem, then the map is read (or a located error)."""
    report = check([path])
    for problem in report.problems:
        assert problem.path is not None, f"no file: {problem}"
        assert problem.line is not None, f"no line: {problem}"
    return registry.read(path, "yaml")


READERS: tuple[Reader, ...] = (
    Reader(
        "yaml",
        ".yaml",
        "yaml",
        lambda _: ESSAYS,
        _read_yaml,
        lambda m: _lossless(m, "node-link", "graphml"),
    ),
    Reader(
        "corpus",
        ".yaml",
        "yaml",
        _corpus_seeds,
        lambda path: argmap.read_corpus(path.parent),
        _corpus_round_trip,
        folder=True,
    ),
    Reader(
        "argdown",
        ".argdown",
        "argdown",
        lambda _: _files(CORPORA / "argdown", "*.argdown", "*.ad"),
        lambda path: registry.read(path, "argdown"),
        lambda m: _loads_back(m, "argdown"),
    ),
    Reader(
        "aif",
        ".json",
        "json",
        lambda _: _files(CORPORA / "aif", "*.json"),
        lambda path: registry.read(path, "aif"),
        lambda m: _loads_back(m, "aif"),
    ),
    Reader(
        "node-link",
        ".json",
        "json",
        _written("node-link"),
        lambda path: registry.read(path, "node-link"),
        lambda m: _lossless(m, "node-link", "graphml"),
    ),
    Reader(
        "graphml",
        ".graphml",
        "xml",
        _written("graphml"),
        lambda path: registry.read(path, "graphml"),
        lambda m: _lossless(m, "node-link", "graphml"),
    ),
    Reader(
        "arggraph",
        ".xml",
        "xml",
        lambda _: _files(CORPORA / "microtexts-en", "*.xml"),
        lambda path: registry.read(path, "arggraph"),
        lambda m: _loads_back(m, "arggraph"),
    ),
    Reader(
        "kialo",
        ".txt",
        "kialo",
        lambda _: _files(CORPORA / "kialo", "*.txt"),
        lambda path: registry.read(path, "kialo"),
        lambda m: _loads_back(m, "kialo"),
    ),
    Reader(
        "sadface",
        ".json",
        "json",
        lambda folder: [*_files(CORPORA / "sadface", "*.json"), *_written("sadface")(folder)],
        lambda path: registry.read(path, "sadface"),
        lambda m: _lossless(m, "sadface"),
    ),
    *(
        Reader(
            fmt,
            f".{fmt}",
            "iccma",
            _written(fmt),
            lambda path, fmt=fmt: read_af(path, fmt),  # type: ignore[misc]
            _af_round_trip(fmt),
        )
        for fmt in ("i23", "apx", "tgf")
    ),
)


def assert_located(error: ArgmapError, where: Path) -> None:
    """Every problem of ``error`` names a file (in ``where``'s folder) and a line."""
    problems = error.problems or ()
    if not problems:
        assert error.path is not None, f"no file: {error!r}"
        assert error.line is not None, f"no line: {error!r}"
        return
    for problem in problems:
        assert problem.path is not None, f"no file: {problem}"
        assert Path(problem.path).parent == where.parent, f"another file: {problem}"
        assert problem.line is not None, f"no line: {problem}"

"""Argdown, read and written natively, checked against the Argdown CLI's own JSON export."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import registry
from argmap.formats.argdown import map_from_argdown, map_to_argdown, parse_argdown, read_argdown
from tests.argdown_structure import cli_data, cli_structure, differences, our_structure
from tests.helpers import MAPS, ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "argdown"
CLI_VERSION = "1.7.5"
CLI_EXAMPLES = int(os.environ.get("ARGMAP_ARGDOWN_EXAMPLES", "12"))
"""Examples of each property test through the Argdown CLI (about 0.5 s each): a few in
``make test``, many in ``make argdown-cli``."""
CACHE = Path.home() / ".cache" / "argmap-tests" / f"argdown-cli-{CLI_VERSION}"

Relation = tuple[str, str, str, str, str]

# Syntax examples of our own: text, then the statements, arguments and relations expected.
EXAMPLES: dict[str, tuple[str, list[str], list[str], list[Relation]]] = {
    "relations both ways": (
        "[A]: a.\n  + [B]: b.\n  - <C>: c.\n  +> [D]: d.\n  -> <E>: e.\n  >< [F]: f.\n",
        ["A", "B", "D", "F"],
        ["C", "E"],
        [
            ("B", "statement", "support", "A", "statement"),
            ("C", "argument", "attack", "A", "statement"),
            ("A", "statement", "support", "D", "statement"),
            ("A", "statement", "attack", "E", "argument"),
            ("A", "statement", "contradictory", "F", "statement"),
        ],
    ),
    "nesting, untitled statements and continuation lines": (
        "[Claim]: The claim,\nwhich goes on.\n  + A reason\n    that goes on too.\n"
        "    - An objection to the reason.\n  <- <Rival>\n\nA paragraph is a statement.\n",
        ["Claim", "Untitled 1", "Untitled 2", "Untitled 3"],
        ["Rival"],
        [
            ("Untitled 1", "statement", "support", "Claim", "statement"),
            ("Untitled 2", "statement", "attack", "Untitled 1", "statement"),
            ("Rival", "argument", "attack", "Claim", "statement"),
        ],
    ),
    "front matter, comments, headings, tags and data": (
        "===\ntitle: T\n===\n\n# Part one\n\n// a comment\n[S]: s #(my tag) #x {weight: 2}\n"
        "  <!-- a\n  multi-line comment -->\n  + <A>: a /* inline */\n",
        ["S"],
        ["A"],
        [("A", "argument", "support", "S", "statement")],
    ),
    "premise-conclusion structures": (
        "<Arg>: sketch.\n\n(1) [P]: premise.\n(2) Another premise.\n--\nModus ponens {uses: [1, 2]}\n--\n"
        "(3) [C]: conclusion.\n  -> [D]\n\n[X]\n  + <Arg>\n",
        ["P", "Untitled 1", "C", "D", "X"],
        ["Arg"],
        [
            ("C", "statement", "attack", "D", "statement"),
            ("C", "statement", "support", "X", "statement"),  # the conclusion speaks for it
        ],
    ),
    "undercuts and strict mode": (
        "===\nmodel:\n  mode: strict\n===\n\n<A>: a\n  _ <B>: b\n\n[S]\n  + [T]\n  - [U]\n",
        ["S", "T", "U"],
        ["A", "B"],
        [
            ("B", "argument", "undercut", "A", "argument"),
            ("T", "statement", "entails", "S", "statement"),
            ("U", "statement", "contrary", "S", "statement"),
        ],
    ),
}


def parsed(text: str) -> tuple[list[str], list[str], list[Relation]]:
    doc = parse_argdown(text)
    return list(doc.statements), list(doc.arguments), doc.relations


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_syntax_examples(name: str) -> None:
    text, statements, arguments, relations = EXAMPLES[name]
    got_statements, got_arguments, got_relations = parsed(text)
    assert got_statements == statements
    assert got_arguments == arguments
    assert sorted(got_relations) == sorted(relations)


def test_tags_data_and_front_matter() -> None:
    doc = parse_argdown(EXAMPLES["front matter, comments, headings, tags and data"][0])
    assert doc.front_matter == {"title": "T"}
    assert doc.sections == ["Part one"]
    assert doc.section_levels == [1]
    assert doc.statements["S"] == {
        "text": "s",
        "tags": ["my tag", "x"],
        "data": {"weight": 2},
        "section": 0,
    }
    assert doc.arguments["A"]["text"] == "a"


def test_unsupported_syntax_names_the_line() -> None:
    with pytest.raises(argmap.ArgmapError, match="a list item right below other text") as caught:
        parse_argdown("[A]: a\n* an item\n")
    assert caught.value.line == 2
    with pytest.raises(argmap.ArgmapError, match="front matter opened with === is never closed"):
        parse_argdown("===\ntitle: x\n")
    with pytest.raises(
        argmap.ArgmapError, match="a premise-conclusion structure indented under a relation"
    ) as caught:
        parse_argdown("[A]: a\n  + <B>: b\n    (1) p\n    ----\n    (2) q\n")
    assert (caught.value.line, caught.value.column) == (3, 5)
    with pytest.raises(argmap.ArgmapError, match="an indented heading right below") as caught:
        parse_argdown("[A]: a\n  + [B]: b\n    # Heading\n")
    assert (caught.value.line, caught.value.column) == (3, 5)
    with pytest.raises(argmap.ArgmapError, match="a list item right below") as caught:
        parse_argdown("[A]: a\n  + [B]: b\n  12. an item\n")
    assert (caught.value.line, caught.value.column) == (3, 3)


def test_argdown_becomes_a_map() -> None:
    m = map_from_argdown(
        "[Tax]: Raise taxes. #recommendation\n  + [Need]: Schools need money. #evidence\n"
        "  - <Growth>: It slows growth.\n    _ <Study>: A study says otherwise.\n"
        "  >< [Cut]: Cut taxes.\n",
        map_id="tax",
    )
    kinds = {n.id: n.kind.value for n in m.nodes}
    assert kinds == {
        "Tax": "recommendation",
        "Need": "evidence",
        "Cut": "claim",
        "Growth": "claim",
        "Study": "claim",
    }
    assert m.node("Growth").data["argdown"] == {"title": "Growth", "argument": True}
    edges = {(e.kind.value, e.source, e.target, e.data.get("argdown")) for e in m.edges}
    assert edges == {
        ("support", "Need", "Tax", None),
        ("attack", "Growth", "Tax", None),
        ("attack", "Study", "Growth", "undercut"),
        ("attack", "Tax", "Cut", "contradictory"),
        ("attack", "Cut", "Tax", "contradictory"),
    }
    # a title that is not an id becomes a slug
    assert [n.id for n in map_from_argdown("[Two words]: x\n").nodes] == ["two-words"]


def written_as_arguments(m: argmap.ArgumentMap) -> dict[str, argmap.Edge]:
    """The reasons a map exports as arguments (see map_to_argdown), by argument title: those
    with linked premises, a scheme or an undercut. A title is the reason's key, with the
    ``>`` Argdown cannot read between angle brackets written ``)``."""
    undercut = {e.target for e in m.undercuts}
    return {
        e.key.replace(">", ")"): e
        for e in m.supports
        if e.linked or e.scheme is not None or e.key in undercut
    }


def expected_relations(m: argmap.ArgumentMap) -> list[Relation]:
    """The Argdown relations a map should export to (see map_to_argdown): a reason written
    as an argument is no relation but a premise-conclusion structure, its undercuts aimed
    at its inference; every other support or attack is a relation between statements."""
    arguments = {e.key: title for title, e in written_as_arguments(m).items()}
    found: list[Relation] = []
    for e in m.edges:
        if m.is_undercut(e):
            found.append((e.source, "statement", "undercut", arguments[e.target], "inference"))
        elif e.key not in arguments:
            found.append((e.source, "statement", str(e.kind), e.target, "statement"))
    return sorted(found)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_essays_export_to_argdown(path: Path) -> None:
    if path.name == "corpus.yaml":
        return
    m = argmap.read_map(path)
    doc = parse_argdown(map_to_argdown(m))
    assert sorted(doc.statements) == sorted(n.id for n in m.nodes)
    assert sorted(doc.relations) == expected_relations(m)
    # each reason written as an argument keeps its own premises and conclusion
    arguments = written_as_arguments(m)
    assert sorted(doc.arguments) == sorted(arguments)
    for title, e in arguments.items():
        assert doc.arguments[title]["premises"] == list(e.premises), title
        assert doc.arguments[title]["conclusions"] == [e.target], title


# -- against the Argdown CLI ------------------------------------------------------------


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """The Argdown CLI, installed once into a cache folder with npm."""
    program = CACHE / "node_modules" / ".bin" / "argdown"
    if program.exists():
        return program
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot install the Argdown CLI to compare with")
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(CACHE),
            "--no-audit",
            "--no-fund",
            "--silent",
            f"@argdown/cli@{CLI_VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0 or not program.exists():
        pytest.skip(f"could not install @argdown/cli@{CLI_VERSION}: {done.stderr[-300:]}")
    return program


def cli_json(cli: Path, path: Path) -> tuple[list[str], list[str], list[Relation]] | None:
    data = cli_data(cli, path)
    if data is None:
        return None  # the CLI itself rejects the file

    def kind(t: str) -> str:
        return "statement" if t == "equivalence-class" else t

    relations = [
        (r["from"], kind(r["fromType"]), r["relationType"], r["to"], kind(r["toType"]))
        for r in data["relations"]
    ]
    return sorted(data["statements"]), sorted(data["arguments"]), sorted(relations)


def ours(text: str) -> tuple[list[str], list[str], list[Relation]]:
    doc = parse_argdown(text)
    return sorted(doc.statements), sorted(doc.arguments), sorted(doc.relations)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_syntax_examples_match_the_cli(name: str, argdown_cli: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_text(EXAMPLES[name][0], encoding="utf-8")
    assert ours(EXAMPLES[name][0]) == cli_json(argdown_cli, path)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_cli_reads_and_draws_the_essays_as_written(
    path: Path, argdown_cli: Path, tmp_path: Path
) -> None:
    if path.name == "corpus.yaml":
        return
    m = argmap.read_map(path)
    out = tmp_path / f"{m.id}.argdown"
    out.write_text(map_to_argdown(m), encoding="utf-8")
    drawn = subprocess.run(
        [str(argdown_cli), "map", str(out), str(tmp_path), "--format", "dot"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert drawn.returncode == 0, drawn.stderr
    assert (tmp_path / f"{m.id}.dot").read_text(encoding="utf-8").startswith("digraph")
    statements, arguments, relations = cli_json(argdown_cli, out) or ([], [], [])
    assert statements == sorted(n.id for n in m.nodes)
    assert arguments == sorted(written_as_arguments(m))
    assert relations == expected_relations(m)


# Real files: those the CLI reads either match its export exactly or use syntax argmap
# refuses with an error naming the line: an @include cycle, which the CLI breaks by
# dropping the include that closes it (silently: only a comment in its text says so).
UNSUPPORTED = {"include-test": "an include cycle: _partial1.argdown -> _partial2.argdown"}
# Files the CLI 1.7.5 itself rejects (syntax errors, or an @include cycle).
CLI_REJECTS = {
    "ArgVu__demo",
    "argdown-core__test__lexer-argument",
    "docs__syntax__README__block16",
    "docs__syntax__README__block42",
    "docs__syntax__README__block48",
}
# with the main files in folders (not the partials they include, named ``_…``)
REAL = (
    sorted([*CORPUS.glob("*.argdown"), *CORPUS.glob("*/[!_]*.argdown")]) if CORPUS.is_dir() else []
)


@pytest.mark.skipif(not REAL, reason="../shared/corpora/argdown is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_argdown_files_match_the_cli(path: Path, argdown_cli: Path) -> None:
    """Structure, not counts: each statement's canonical text and tags, each argument's
    description, premises, intermediate and main conclusion, every relation with both
    ends (undercuts of an inference by its conclusion), and the sections."""
    data = cli_data(argdown_cli, path)
    if data is None:
        pytest.skip("the Argdown CLI itself rejects this file")
    text = path.read_text(encoding="utf-8")
    if path.stem in UNSUPPORTED:
        with pytest.raises(argmap.ArgmapError, match=UNSUPPORTED[path.stem]) as caught:
            parse_argdown(text, str(path))
        assert caught.value.line is not None
        return
    assert differences(our_structure(parse_argdown(text, str(path))), cli_structure(data)) == []


# Silent misreads once made, each checked against the CLI's JSON.
MISREADS = {
    "a reference followed by tags and data": (
        "[B]: b\n\n[A]: a\n  - [B] #t\n  + [C] #(x y) {k: 1}\n  - <D> #u\n"
    ),
    "a structure without an argument title": (
        "[A]: x\n\nplain\n\n(1) p\n(2) q\n----\n(3) r\n\n<Z>: z\n\n(1) s\n----\n(2) t\n"
    ),
    "an indented structure and inference line": (
        "<A>: a\n\n  (1) [P]: p\n    - [X]: x\n  (2) q\n  ----\n    <_ [U]: u\n  (3) [C]: c\n"
    ),
    "an inference line indented under its structure": (
        "<A>\n\n(1) p\n(2) q\n    ----\n    <_ [U]: u\n(3) r\n"
    ),
    "a Markdown link starting a line": "[A]: a\n[l](http://x) b\nc\n\nd\n\n[e](http://y) f\n",
    "undercuts of inferences": (
        "<A>: a\n\n(1) [P]: p\n----\n  <_ [U]: u\n(2) [I]: i\n(3) [Q]: q\n-- rule --\n(4) [C]: c\n\n"
        "[I]\n  <_ [V]: v\n\n[C]\n  <_ <W>: w\n"
    ),
    "a statement defined twice": (
        "[S]: first\n\n[S]: second\n\n[T]: one {isCanonical: true}\n\n[T]: two\n  + [S]\n"
    ),
    "emphasis, links and heading data": (
        "# Part **one** #tag {isGroup: true}\n\n[A]: x _a b_ y *c* **d** [g h](http://x)\n"
    ),
}


# Constructs once refused, read as the CLI reads them.
CONSTRUCTS = {
    "explodeArguments": (
        "===\nmodel:\n  explodeArguments: true\n===\n\n<A>: desc #t\n  - [X]: x\n\n"
        "(1) p\n(2) q\n----\n(3) r\n(4) s\n--\n{uses: [3, 4]}\n--\n(5) t\n\n<B>\n\n(1) b\n----\n(2) c\n"
    ),
    "Markdown lists": (
        "* a\n* [T]: t #x\n  continued\n    + [S]: s\n* <A>: arg\n  - z\n\n  1. one\n  2. two\n\n"
        "[A]: a\n  + [B]: b\n\n  12. an item\n"
    ),
    "indented after a blank line": (
        "[A]: a\n  + b\n\n  free para\n  more\n\n  [T]: t\n    + u\n\n  <Q>: q\n\n"
        "  # Indented heading\n\n  > quoted\n  > more\n\n[B]: b\n  + <C>: c\n\n"
        "    (1) p\n    (2) q\n    ----\n    (3) r\n"
    ),
    "shortcodes": "# :heart: Title :heart:\n\n[A]: p .^. q .->. r :smile: .smile. e.g. x :nope:\n",
    "a dedent between two levels": "A\n  + B\n  - C\n      <+ D\n        <- E\n    -> G\n",
}


def assert_structure_as_the_cli_reads_it(text: str, cli: Path, folder: Path) -> None:
    """argmap reads ``text`` to the structure the CLI reads it to (which must accept it)."""
    path = folder / "x.argdown"
    path.write_text(text, encoding="utf-8")
    data = cli_data(cli, path)
    assert data is not None, "the CLI reads this file"
    assert differences(our_structure(parse_argdown(text)), cli_structure(data)) == []


@pytest.mark.parametrize("name", list(CONSTRUCTS))
def test_constructs_match_the_cli(name: str, argdown_cli: Path, tmp_path: Path) -> None:
    assert_structure_as_the_cli_reads_it(CONSTRUCTS[name], argdown_cli, tmp_path)


def test_lists_as_read() -> None:
    doc = parse_argdown(CONSTRUCTS["Markdown lists"])
    assert doc.statements["T"]["text"] == "t continued"
    assert ("S", "statement", "support", "T", "statement") in doc.relations
    assert ("Untitled 2", "statement", "attack", "A", "argument") in doc.relations
    assert [doc.statements[f"Untitled {k}"]["text"] for k in (3, 4, 5)] == ["one", "two", "an item"]
    doc = parse_argdown(CONSTRUCTS["indented after a blank line"])
    assert doc.statements["Untitled 2"]["text"] == "free para more"
    assert ("Untitled 3", "statement", "support", "T", "statement") in doc.relations
    assert doc.sections == ["Indented heading"]
    assert doc.statements["Untitled 4"]["text"] == "> quoted > more"
    # a structure indented under a relation after a blank line is one of its own
    assert doc.arguments["Untitled 5"]["premises"] == ["Untitled 6", "Untitled 7"]
    assert doc.arguments["C"].get("premises") == []
    doc = parse_argdown(CONSTRUCTS["shortcodes"])
    assert doc.sections == ["\u2764 Title \u2764"]
    assert doc.statements["A"]["text"] == "p \u2227 q \u2192 r \u263a\ufe0f \u263a e.g. x :nope:"
    # G, dedented between C's level and D's, is C's sibling: it attacks A
    doc = parse_argdown(CONSTRUCTS["a dedent between two levels"])
    assert ("Untitled 1", "statement", "attack", "Untitled 6", "statement") in doc.relations


def write_includes(folder: Path) -> Path:
    """A main file including a file in a folder, which includes one beside it, and a
    file included twice (kept once, as the CLI keeps it)."""
    (folder / "sub").mkdir()
    (folder / "main.argdown").write_text(
        "# Main\n\n[A]: a\n\n@include(sub/one.argdown)\n\n@include(twice.argdown)\n\n[Z]: z\n",
        encoding="utf-8",
    )
    (folder / "sub" / "one.argdown").write_text(
        "[B]: b\n  + [A]\n\n@include(two.argdown)\n@include(../twice.argdown)\n", encoding="utf-8"
    )
    (folder / "sub" / "two.argdown").write_text("<C>: c\n  - [B]\n", encoding="utf-8")
    (folder / "twice.argdown").write_text("Once only.\n", encoding="utf-8")
    return folder / "main.argdown"


def test_includes_match_the_cli(argdown_cli: Path, tmp_path: Path) -> None:
    main = write_includes(tmp_path)
    data = cli_data(argdown_cli, main)
    assert data is not None
    doc = parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert differences(our_structure(doc), cli_structure(data)) == []


def test_includes_as_read_and_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = write_includes(tmp_path)
    doc = parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert list(doc.statements) == ["A", "B", "Untitled 1", "Z"]
    assert ("B", "statement", "attack", "C", "argument") in doc.relations
    assert {n.id for n in read_argdown(main).nodes} == {"A", "B", "untitled-1", "Z", "C"}
    # without the including file's path, an include cannot be found
    with pytest.raises(argmap.ArgmapError, match="needs the including file's path") as caught:
        parse_argdown("[A]: a\n\n@include(x.argdown)\n")
    assert caught.value.line == 3
    # a cycle is named, at the include that closes it
    (tmp_path / "sub" / "two.argdown").write_text("<C>: c\n\n@include(one.argdown)\n")
    with pytest.raises(
        argmap.ArgmapError,
        match=re.escape("an include cycle: one.argdown -> two.argdown -> one.argdown"),
    ) as caught:
        parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "sub" / "two.argdown"), 3)
    # a syntax error in an included file is placed in that file
    (tmp_path / "sub" / "two.argdown").write_text("[C]: c\n* glued\n")
    with pytest.raises(argmap.ArgmapError, match="a list item right below") as caught:
        parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "sub" / "two.argdown"), 2)
    (tmp_path / "sub" / "two.argdown").write_text("@include(none.argdown)\n")
    with pytest.raises(argmap.ArgmapError, match="no such file") as caught:
        parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert caught.value.line == 1
    monkeypatch.setattr("argmap.formats.argdown.MAX_INCLUDE_DEPTH", 1)
    with pytest.raises(argmap.ArgmapError, match="nest deeper than 1") as caught:
        parse_argdown(main.read_text(encoding="utf-8"), str(main))
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "sub" / "one.argdown"), 4)


@pytest.mark.parametrize("name", list(MISREADS))
def test_former_misreads_match_the_cli(name: str, argdown_cli: Path, tmp_path: Path) -> None:
    assert_structure_as_the_cli_reads_it(MISREADS[name], argdown_cli, tmp_path)


def test_explode_arguments_makes_an_argument_per_step() -> None:
    doc = parse_argdown(CONSTRUCTS["explodeArguments"] + "\n<A>\n  <+ [Y]: y\n")
    assert sorted(doc.arguments) == ["A - 1", "A - 2", "B"]  # one step: kept as it is
    assert doc.arguments["A - 2"]["premises"] == ["Untitled 3", "Untitled 4"]
    assert doc.arguments["A - 1"]["text"] == "desc"
    # the argument's relations go to its last step
    assert ("X", "statement", "attack", "A - 2", "argument") in doc.relations
    assert ("Y", "statement", "support", "A - 2", "argument") in doc.relations
    # an undercut of a step goes to that step's argument (the CLI 1.7.5 leaves it aimed at
    # the argument it removed)
    text = "===\nmodel:\n  explodeArguments: true\n===\n\n<A>\n\n(1) p\n----\n  <_ [U]: u\n(2) q\n----\n(3) r\n"
    doc = parse_argdown(text)
    assert ("U", "statement", "undercut", "A - 1", "inference") in doc.relations
    assert doc.arguments["A - 1"]["steps"][0]["undercuts"] == [("U", "statement")]
    with pytest.raises(argmap.ArgmapError, match="'A - 1', an argument with that") as caught:
        parse_argdown(text + "\n<A - 1>: taken\n")
    assert caught.value.line == 6


def test_former_misreads_as_read() -> None:
    """What the misreads now read as, without the CLI."""
    doc = parse_argdown(MISREADS["a reference followed by tags and data"])
    assert sorted(doc.statements) == ["A", "B", "C"]
    assert doc.statements["B"]["text"] == "b"
    assert doc.statements["B"]["tags"] == ["t"]
    doc = parse_argdown(MISREADS["a structure without an argument title"])
    assert doc.arguments["Untitled 2"]["premises"] == ["Untitled 3", "Untitled 4"]
    assert doc.arguments["Untitled 2"]["conclusions"] == ["Untitled 5"]
    doc = parse_argdown(MISREADS["an indented structure and inference line"])
    assert doc.arguments["A"]["conclusions"] == ["C"]
    assert doc.statements["P"]["text"] == "p"
    assert doc.arguments["A"]["steps"][0]["undercuts"] == [("U", "statement")]
    doc = parse_argdown(MISREADS["a Markdown link starting a line"])
    assert doc.statements["A"]["text"] == "a l b c"
    assert sorted(doc.statements) == ["A", "Untitled 1", "Untitled 2"]
    doc = parse_argdown(MISREADS["undercuts of inferences"])
    steps = doc.arguments["A"]["steps"]
    assert [s["undercuts"] for s in steps] == [
        [("U", "statement")],
        [("V", "statement"), ("W", "argument")],  # the inference read last, as the CLI does
    ]
    assert not [r for r in doc.relations if r[2] in ("attack", "undercut") and r[4] != "inference"]
    doc = parse_argdown(MISREADS["a statement defined twice"])
    assert (doc.statements["S"]["text"], doc.statements["T"]["text"]) == ("second", "one")
    doc = parse_argdown(MISREADS["emphasis, links and heading data"])
    assert doc.sections == ["Part one #tag"]
    assert doc.section_data == [{"isGroup": True}]
    assert doc.statements["A"]["text"] == "x a b y c d g h"


# -- reasons: premise-conclusion structures ---------------------------------------------

STEPS = """<Arg>: The whole argument.
  - [Doubt]: A doubt about it.
  <+ [Help]: Help for it.

(1) [P1]: First premise.
(2) [P2]: Second premise.
-- Modus ponens --
  <_ [U1]: Not in this case.
(3) [C1]: Intermediate conclusion.
(4) [P4]: Fourth premise.
--
{uses: [3, 4]}
--
(5) [C2]: Main conclusion.

<Other>: An objection to the last step.
  _> <Arg>

[C1]
  <_ [U2]: Another undercut, below the concluded statement.
"""


def reasons(m: argmap.ArgumentMap) -> set[tuple[str | None, tuple[str, ...], str]]:
    return {(e.id, e.premises, e.target) for e in m.supports}


def undercuts(m: argmap.ArgumentMap) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in m.undercuts}


def test_each_inference_step_is_one_linked_reason() -> None:
    m = map_from_argdown(STEPS, map_id="steps")
    # the argument is its reasons: no node of its own; the last step has its id
    assert "Arg" not in {n.id for n in m.nodes}
    assert reasons(m) == {("Arg-3", ("P1", "P2"), "C1"), ("Arg", ("C1", "P4"), "C2")}
    assert m.edge("Arg-3").scheme == "Modus ponens"
    assert m.edge("Arg").data["argdown"]["text"] == "The whole argument."
    # an undercut below the inference line hits its reason; one of the argument, and one
    # below a statement after it (the inference read last, as the CLI reads it), the last; an attack on the argument as a whole too
    assert undercuts(m) == {("U1", "Arg-3"), ("U2", "Arg"), ("Other", "Arg"), ("Doubt", "Arg")}
    assert m.edge("attack:Doubt->Arg").data["argdown"] == "attack"
    # a support of the argument names no premise: kept, not placed
    assert m.data["argdown"]["unplaced"][0]["from"] == "Help"


def test_default_premises_of_a_step_and_uses() -> None:
    text = "<A>\n\n(1) p\n(2) q\n----\n(3) r\n(4) s\n----\n(5) t\n\n<B>\n\n(1) [x]: x\n(2) [y]: y\n----\n(3) [z]: z {uses: [1]}\n"
    doc = parse_argdown(text)
    steps = [(s["premises"], s["conclusion"]) for s in doc.arguments["A"]["steps"]]
    # a step uses the premises since the last inference and that inference's conclusion
    assert steps == [
        (["Untitled 1", "Untitled 2"], "Untitled 3"),
        (["Untitled 3", "Untitled 4"], "Untitled 5"),
    ]
    assert [s["premises"] for s in doc.arguments["B"]["steps"]] == [["x"]]
    with pytest.raises(argmap.ArgmapError, match="'uses' must list the numbers above it") as caught:
        parse_argdown("<A>\n\n(1) p\n--\n{uses: [7]}\n--\n(2) q\n")
    assert caught.value.line == 4
    with pytest.raises(argmap.ArgmapError, match="only an undercut") as caught:
        parse_argdown("<A>\n\n(1) p\n----\n  - [x]\n(2) q\n")
    assert caught.value.line == 5


def linked_map() -> argmap.ArgumentMap:
    return argmap.ArgumentMap(
        "toy",
        "Toy",
        [argmap.Node(i, "claim", i.upper() + ".") for i in ("a", "b", "c", "d", "u")],
        [
            argmap.Edge("support", "a", "c", linked=("b",), id="r1", scheme="Analogy"),
            argmap.Edge("support", "d", "c", id="r2"),  # convergent: a plain support
            argmap.Edge("attack", "u", "r1"),
            argmap.Edge("attack", "u", "d"),
        ],
    )


def test_a_linked_reason_is_written_as_an_argument_and_read_back() -> None:
    m = linked_map()
    text = map_to_argdown(m)
    assert (
        "<r1>: a and b support c.\n\n(1) [a]\n(2) [b]\n-- Analogy --\n    <_ [u]\n(3) [c]\n" in text
    )
    back = map_from_argdown(text)
    assert reasons(back) == {("r1", ("a", "b"), "c"), (None, ("d",), "c")}
    assert back.edge("r1").scheme == "Analogy"
    assert undercuts(back) == {("u", "r1")}
    assert {(e.source, e.target) for e in back.attacks if not back.is_undercut(e)} == {("u", "d")}


def test_the_cli_reads_written_reasons_alike(argdown_cli: Path, tmp_path: Path) -> None:
    for name, m in (("toy", linked_map()), ("steps", map_from_argdown(STEPS, map_id="steps"))):
        path = tmp_path / f"{name}.argdown"
        path.write_text(map_to_argdown(m), encoding="utf-8")
        theirs = cli_json(argdown_cli, path)
        assert theirs is not None
        assert theirs == ours(path.read_text(encoding="utf-8"))
        pcs = cli_pcs(argdown_cli, path)
        assert pcs == {
            (e.id, frozenset(e.premises), e.target)
            for e in map_from_argdown(path.read_text(encoding="utf-8")).supports
            if e.id in pcs_titles(pcs)
        }
        if name == "steps":  # its two steps written as one argument again
            assert cli_structure(cli_data(argdown_cli, path) or {})["arguments"]["Arg"] == (
                "The whole argument.",
                [],
                ["P1", "P2", "P4"],
                ["C1"],
                "C2",
            )
        back = map_from_argdown(path.read_text(encoding="utf-8"))
        assert premise_sets(back) == premise_sets(m)  # a plain support's id is not written
        assert len(back.undercuts) == len(m.undercuts)


def premise_sets(m: argmap.ArgumentMap) -> set[tuple[frozenset[str], str]]:
    return {(frozenset(e.premises), e.target) for e in m.supports}


def cli_pcs(cli: Path, path: Path) -> set[tuple[str, frozenset[str], str]]:
    """Each argument's inference as the CLI reads it, premises and conclusion, for the
    arguments with one inference (no intermediate conclusion)."""
    data = cli_data(cli, path)
    assert data is not None, f"the CLI rejects {path}"
    found = set()
    for title, argument in data["arguments"].items():
        pcs = argument.get("pcs") or []
        if pcs and not any(s["role"] == "intermediary-conclusion" for s in pcs):
            premises = frozenset(s["title"] for s in pcs if s["role"] == "premise")
            found.add((title, premises, pcs[-1]["title"]))
    return found


def pcs_titles(pcs: set[tuple[str, frozenset[str], str]]) -> set[str]:
    return {title for title, _, _ in pcs}


@pytest.mark.skipif(not REAL, reason="../shared/corpora/argdown is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_argdown_files_keep_their_reasons(path: Path) -> None:
    if path.stem in UNSUPPORTED:
        return
    if path.stem in CLI_REJECTS:  # invalid Argdown: refused with a located error, or read
        try:
            parse_argdown(path.read_text(encoding="utf-8"), str(path))
        except argmap.ArgmapError as exc:
            refused: argmap.ArgmapError | None = exc
        else:
            refused = None
        if refused is not None:
            assert refused.line is not None
            return
    m = map_from_argdown(path.read_text(encoding="utf-8"), str(path))
    doc = parse_argdown(path.read_text(encoding="utf-8"))
    steps = sum(len(a.get("steps") or []) for a in doc.arguments.values())
    assert len([e for e in m.supports if isinstance(e.data.get("argdown"), dict)]) <= steps
    back = map_from_argdown(map_to_argdown(m))
    by_premises = {(frozenset(e.premises), e.target) for e in m.supports}
    assert {(frozenset(e.premises), e.target) for e in back.supports} == by_premises
    assert reasons(back) == reasons(m)
    assert undercuts(back) == undercuts(m)


# -- texts escaped so that the CLI reads them back ---------------------------------------

SYNTAX = ["<!--", "-->", "//", "/*", "*/", "(1)", "[a](b)", "#x", "#(a b)", "{k: 1}", "- ", "+ "]
SYNTAX += ["> ", "<+ ", "----", "===", "@[x]", "<A>", "[A]", "_a_", "**b**", ".x.", ":y:", "\\"]
TEXTS = st.lists(
    st.lists(
        st.characters(
            min_codepoint=32, max_codepoint=0x2FFF, blacklist_categories=("Cc", "Cs", "Zl", "Zp")
        )
        | st.sampled_from(SYNTAX),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .map(lambda t: " ".join(t.split()))
    .filter(bool),
    min_size=2,
    max_size=40,
)


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=TEXTS)
def test_written_texts_read_back_the_same(
    texts: list[str], argdown_cli: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every statement and argument text argmap writes, the CLI (and argmap) read back as it
    was: brackets, tags, data, emphasis, comments and the rest escaped."""
    m = argmap.ArgumentMap(
        "texts",
        "Texts",
        [argmap.Node(f"n{i}", "claim", t) for i, t in enumerate(texts)],
        [  # a reason read from an argument: written as one, its text the argument's
            argmap.Edge(
                "support",
                "n0",
                f"n{len(texts) - 1}",
                id="r",
                data={"argdown": {"argument": "r", "text": texts[-1]}},
            )
        ],
    )
    text = map_to_argdown(m)
    path = tmp_path_factory.mktemp("texts") / "texts.argdown"
    path.write_text(text, encoding="utf-8")
    data = cli_data(argdown_cli, path)
    assert data is not None, text
    cli_texts = {
        title: ec["members"][0]["text"]
        for title, ec in data["statements"].items()
        if not ec["members"][0].get("isReference")
    }
    assert cli_texts == {f"n{i}": t for i, t in enumerate(texts)}
    assert not any(ec.get("tags") for ec in data["statements"].values())
    assert [m["text"] for m in data["arguments"]["r"]["members"]] == [texts[-1]]
    doc = parse_argdown(text)
    assert {title: s["text"] for title, s in doc.statements.items()} == cli_texts
    assert doc.arguments["r"]["text"] == texts[-1]


PRINTABLE = st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_categories=("Cc", "Cs"))
TAGS = st.lists(
    st.lists(
        PRINTABLE.filter(lambda c: c != ")") | st.sampled_from(SYNTAX),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda t: ")" not in t),
    max_size=3,
    unique=True,
)
DATA = st.dictionaries(
    st.text(PRINTABLE, min_size=1, max_size=6),
    st.text(PRINTABLE, max_size=12)
    | st.sampled_from(SYNTAX)
    | st.integers(-(2**53), 2**53),  # JavaScript (the CLI) holds integers to 2**53 exactly
    max_size=3,
)


def tagged_map(tags: list[list[str]], data: Sequence[Mapping[str, object]]) -> argmap.ArgumentMap:
    """Statements T0, T1, … with the given tags and ``{data}``, each supporting the next."""
    nodes = [
        argmap.Node(f"n{i}", "claim", f"T{i}", tags=t, data={"argdown": {"data": d}} if d else {})
        for i, (t, d) in enumerate(zip(tags, data, strict=True))
    ]
    edges = [argmap.Edge("support", f"n{i}", f"n{i + 1}") for i in range(len(nodes) - 1)]
    return argmap.ArgumentMap("tagged", "Tagged", nodes, edges)


@settings(max_examples=40, deadline=None)
@given(tags=st.lists(TAGS, min_size=2, max_size=6), data=st.data())
def test_written_tags_and_data_read_back_the_same(
    tags: list[list[str]], data: st.DataObject
) -> None:
    """Tags (any text but ')' and line breaks) and {data} (any JSON) read back as written."""
    values = [data.draw(DATA) for _ in tags]
    back = map_from_argdown(map_to_argdown(tagged_map(tags, values)))
    assert [list(n.tags) for n in back.nodes] == tags
    assert [(n.data.get("argdown") or {}).get("data") or {} for n in back.nodes] == values
    assert [n.text for n in back.nodes] == [f"T{i}" for i in range(len(tags))]


@settings(
    max_examples=max(1, CLI_EXAMPLES // 2),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(tags=st.lists(TAGS, min_size=2, max_size=6), data=st.data())
def test_the_cli_reads_written_tags_and_data_alike(
    tags: list[list[str]],
    data: st.DataObject,
    argdown_cli: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The CLI reads the tags and {data} argmap writes as argmap wrote them."""
    values = [data.draw(DATA) for _ in tags]
    path = tmp_path_factory.mktemp("tags") / "tagged.argdown"
    path.write_text(map_to_argdown(tagged_map(tags, values)), encoding="utf-8")
    read = cli_data(argdown_cli, path)
    assert read is not None, path.read_text(encoding="utf-8")
    members = [read["statements"][f"n{i}"]["members"][0] for i in range(len(tags))]
    assert [m.get("tags") or [] for m in members] == tags
    assert [m.get("data") or {} for m in members] == values


def test_a_tag_argdown_cannot_hold_is_refused_with_the_node() -> None:
    """Found by hypothesis: a tag ')' was written as '#())', which reads as no tag."""
    m = tagged_map([["a)b"], [""], ["ok"]], [{}, {}, {}])
    with pytest.raises(argmap.ArgmapError) as raised:
        map_to_argdown(m)
    message = str(raised.value)
    assert "node 'n0': the tag 'a)b'" in message
    assert "node 'n1': the tag ''" in message
    assert "'ok'" not in message


def test_comment_openers_in_tags_and_escapes_open_no_comment() -> None:
    """As the CLI lexes them: '#(…)' holds '<!--' and '//' literally, '\\<!--' is text."""
    m = map_from_argdown("[A]: A \\<!-- x #(a <!-- b) #(c // d)\n\n[B]: B\n  + [A]\n")
    assert [(n.text, n.tags) for n in m.nodes] == [("A <!-- x", ("a <!-- b", "c // d")), ("B", ())]
    assert len(m.supports) == 1


@pytest.mark.skipif(not REAL, reason="../shared/corpora/argdown is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_argdown_files_written_back_keep_their_structure(
    path: Path, argdown_cli: Path, tmp_path: Path
) -> None:
    """Read, written back: the CLI reads the same statements (texts, tags), arguments
    (premises, intermediate and main conclusions, tags), relations and sections."""
    data = cli_data(argdown_cli, path)
    if data is None or path.stem in UNSUPPORTED:
        pytest.skip("the CLI rejects this file, or argmap refuses it")
    m = map_from_argdown(path.read_text(encoding="utf-8"), str(path))
    out = tmp_path / path.name
    out.write_text(map_to_argdown(m), encoding="utf-8")
    back = cli_data(argdown_cli, out)
    assert back is not None, "the CLI reads the file written"
    assert differences(cli_structure(back), cli_structure(data)) == []
    read_back = map_from_argdown(out.read_text(encoding="utf-8"), str(out))
    assert read_back.data["argdown"]["front_matter"] == m.data["argdown"]["front_matter"]
    assert {n.id: n.data for n in read_back.nodes} == {n.id: n.data for n in m.nodes}


def test_a_map_with_nothing_in_it_is_written_as_a_document() -> None:
    """Found by the fuzz campaign: a document holding only a comment read as an empty map,
    which was written as an empty file (refused on reading: "the file is empty")."""
    m = map_from_argdown("<!-- nothing yet -->\n")
    text = map_to_argdown(m)
    assert text.strip()
    assert registry.loads(text, "argdown") == m

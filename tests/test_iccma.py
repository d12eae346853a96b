"""ICCMA formats (i23, apx, tgf) and the `argmap solve` interface."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.formats import iccma
from argmap.formats.iccma import scan_i23
from argmap.formats.registry import FRAMEWORK_FORMATS as FORMATS
from argmap.framework import AF, Split, format_af, parse_af, read_af, write_af
from argmap.semantics.reference import reference_extensions
from tests.strategies import frameworks


@pytest.mark.parametrize("fmt", FORMATS)
@given(af=frameworks())
def test_formats_round_trip(fmt: str, af: AF) -> None:
    again = parse_af(format_af(af, fmt), fmt)
    if fmt == "i23":  # i23 numbers the arguments
        renamed = {name: str(i + 1) for i, name in enumerate(af.arguments)}
        assert again.attacks == {(renamed[a], renamed[b]) for a, b in af.attacks}
        assert len(again) == len(af)
    else:
        assert again == af


def test_comments_and_files(tmp_path: Path) -> None:
    (tmp_path / "x.i23").write_text(
        "# made by hand\np af 3\n#another\n1 2\n\n2 3\n", encoding="utf-8"
    )
    assert sorted(read_af(tmp_path / "x.i23").attacks) == [("1", "2"), ("2", "3")]
    (tmp_path / "x.apx").write_text(
        "arg(a). arg(b). % two on a line\natt(a,b).\n", encoding="utf-8"
    )
    assert AF.from_file(tmp_path / "x.apx").attacks == {("a", "b")}
    write_af(AF(["x", "y"], [("y", "x")]), tmp_path / "y.tgf")
    assert (tmp_path / "y.tgf").read_text(encoding="utf-8") == "x\ny\n#\ny x\n"


@pytest.mark.parametrize(
    ("text", "fmt", "line", "message"),
    [
        ("1 2\n", "i23", 1, "expected the header"),
        ("p af 2\n1 3\n", "i23", 2, "outside 1..2"),
        ("p af 2\n1 x\n", "i23", 2, "expected an attack"),
        ("", "i23", 1, "no header"),
        ("arg(a).\natt(a,b).\n", "apx", 2, "which no arg/1 declares"),
        ("arg(a).\narg a.\n", "apx", 2, r"expected arg\(a\)\. or att\(a,b\)\."),
        ("arg(a). arg(b).  xyz\n", "apx", 1, "expected arg.* at 'xyz'"),
        ("arg(a).\narg(a,b).\n", "apx", 2, r"arg/1 takes one argument: 'arg\(a,b\)\.'"),
        ("arg(a).\n  att( a ) .\n", "apx", 2, r"att/2 takes two arguments: 'att\( a \) \.'"),
        ("a\n#\na b\n", "tgf", 3, "not listed before '#'"),
    ],
)
def test_parse_errors_name_the_line(text: str, fmt: str, line: int, message: str) -> None:
    with pytest.raises(ArgmapError, match=message) as caught:
        parse_af(text, fmt, "x." + fmt)
    assert (caught.value.path, caught.value.line) == ("x." + fmt, line)


def solve(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["solve", *args]) == 0
    return capsys.readouterr().out.strip()


SEMANTICS = {
    "CO": "complete",
    "GR": "grounded",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
    "EA": "eager",
}


@settings(max_examples=15)
@given(af=frameworks(max_arguments=5))
def test_solve_answers_match_the_definitions(
    af: AF, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("solve")
    for fmt in ("i23", "apx"):
        path = folder / f"af.{fmt}"
        write_af(af, path)
        read = read_af(path)
        for abbreviation, name in SEMANTICS.items():
            expected = reference_extensions(read, name)
            for arg in read.arguments:
                for task, want in (
                    ("DC", any(arg in e for e in expected)),
                    ("DS", all(arg in e for e in expected)),
                ):
                    out = _run(["-p", f"{task}-{abbreviation}", "-f", str(path), "-a", arg])
                    lines = out.split("\n")
                    assert lines[0] == ("YES" if want else "NO")
                    if fmt == "i23" and (task == "DC") == want:  # DC YES and DS NO: certified
                        assert lines[1].split()[0] == "w"
                        witness = frozenset(lines[1].split()[1:])
                        assert witness in expected
                        assert (arg in witness) == (task == "DC")
                    else:
                        assert len(lines) == 1
            assert _run(["-p", f"CE-{abbreviation}", "-f", str(path)]) == str(len(expected))
            se = _run(["-p", f"SE-{abbreviation}", "-f", str(path)])
            if not expected:
                assert se == "NO"
            elif fmt == "i23":
                assert se.split()[0] == "w"
                assert frozenset(se.split()[1:]) in expected
            else:
                assert frozenset(filter(None, se.strip("[]").split(","))) in expected


def _run(args: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["solve", *args]) == 0
    return out.getvalue().strip()


def test_solve_lists(capsys: pytest.CaptureFixture[str]) -> None:
    assert solve(["--formats"], capsys) == "[i23,apx,tgf]"
    problems = solve(["--problems"], capsys).strip("[]").split(",")
    assert len(problems) == 40
    assert {"DS-PR", "EE-SST", "SE-ID", "CE-EA"} <= set(problems)


def test_solve_ee_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.apx"
    path.write_text(
        "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n", encoding="utf-8"
    )
    ee = solve(["-p", "EE-PR", "-f", str(path)], capsys)
    assert sorted(ee[1:-1].replace("],[", "];[").split(";")) == ["[a,c]", "[b]"]
    assert main(["solve", "-p", "DC-PR", "-f", str(path)]) == 1
    assert "needs the query argument" in capsys.readouterr().err
    assert main(["solve", "-p", "XX-PR", "-f", str(path)]) == 1
    assert main(["solve", "-p", "SE-PR", "-f", str(tmp_path / "missing.apx")]) == 1


# -- ICCMA 2023 conformance --------------------------------------------------------------


def test_bare_solve_prints_name_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    from argmap import __version__

    assert solve([], capsys) == f"argmap {__version__}"


def test_af_files_are_i23_and_certified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chain.af"
    path.write_text("p af 4\n# 1 attacks 2 attacks 3\n1 2\n2 3\n3 4\n", encoding="utf-8")
    assert solve(["-p", "DC-CO", "-f", str(path), "-a", "3"], capsys) == "YES\nw 1 3"
    assert solve(["-p", "DC-CO", "-f", str(path), "-a", "2"], capsys) == "NO"
    assert solve(["-p", "DS-PR", "-f", str(path), "-a", "1"], capsys) == "YES"
    assert solve(["-p", "DS-PR", "-f", str(path), "-a", "4"], capsys) == "NO\nw 1 3"
    assert solve(["-p", "SE-GR", "-f", str(path)], capsys) == "w 1 3"


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("p af 3\n1 ²\n", 2, 3, "'²' is not ASCII"),
        ("p af 3\n1 ٣\n", 2, 3, "is not ASCII"),
        ("p af 3\n# fine\n01 2\n", 3, 1, "'01' has a leading zero"),
        ("p af 3\n1 2\n2  4\n", 3, 4, "argument 4 is outside 1..3"),
        ("p af 3\n1 2 3\n", 2, 1, "expected an attack 'i j'"),
        ("p af ³\n", 1, 6, "is not ASCII"),
        ("p af 007\n", 1, 6, "leading zero"),
        ("p af 100000001\n", 1, 6, "more than argmap reads"),
        ("1 2\n", 1, 1, "expected the header 'p af N'"),
    ],
)
def test_i23_numbers_are_strict_and_located(
    text: str, line: int, column: int, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.i23"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArgmapError) as raised:
        read_af(path)
    (problem,) = raised.value.problems
    assert (problem.path, problem.line, problem.column) == (str(path), line, column)
    assert message in problem.message


def test_a_large_header_costs_little(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "large.af"
    path.write_text("p af 2000000\n1 2\n", encoding="utf-8")
    tracemalloc.start()
    af = parse_af(path.read_text(encoding="utf-8"), "i23")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(af) == 2_000_000
    assert "2000000" in af
    assert "2000001" not in af
    assert af.arguments[-1] == "2000000"
    assert af.index["2"] == 1
    assert peak < 50 * 2_000_000  # bytes: the names are not stored (about 24 a piece)
    assert solve(["-p", "DC-GR", "-f", str(path), "-a", "2"], capsys) == "NO"


@settings(max_examples=40)
@given(af=frameworks(max_arguments=5), extra=st.integers(min_value=0, max_value=3))
def test_split_extensions_are_the_cores_with_the_isolated_added(af: AF, extra: int) -> None:
    """Splitting (Baumann 2011), checked against the definitions on the whole framework."""
    whole = AF([*af.arguments, *(f"z{i}" for i in range(extra))], af.attacks)
    split = Split.of(whole)
    in_attacks = {name for pair in whole.attacks for name in pair}
    assert set(split.core.arguments) == in_attacks
    assert set(split.isolated()) == set(whole.arguments) - in_attacks
    assert split.core.attacks == whole.attacks
    for name in SEMANTICS.values():
        expected = set(reference_extensions(whole, name))
        found = {frozenset(split.whole(e)) for e in reference_extensions(split.core, name)}
        assert found == expected, name


@settings(max_examples=20)
@given(af=frameworks(max_arguments=6), extra=st.integers(min_value=0, max_value=3))
def test_split_of_an_i23_file_is_the_split_of_its_framework(
    af: AF, extra: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("split") / "af.i23"
    write_af(AF([*af.arguments, *(f"z{i}" for i in range(extra))], af.attacks), path)
    read, of = Split.read(path), Split.of(read_af(path))
    assert (read.core, len(read), list(read.isolated())) == (of.core, len(of), list(of.isolated()))
    assert list(read.core.arguments) == list(of.core.arguments)


def test_solve_cost_follows_the_attacks_not_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``p af N`` with one attack: answers list every argument, nothing holds all N names.

    (The memory figures are in benchmarks/header.py; here the answers, at a size where a
    list of names would show.)
    """
    n = 200_000
    path = tmp_path / "wide.i23"
    path.write_text(f"p af {n}\n2 3\n", encoding="utf-8")
    split = Split.read(path)
    assert (len(split.core), split.isolated_count) == (2, n - 2)
    every = [str(k) for k in range(1, n + 1) if k != 3]
    assert solve(["-p", "SE-PR", "-f", str(path)], capsys).split() == ["w", *every]
    assert solve(["-p", "DC-ST", "-f", str(path), "-a", "7"], capsys).split() == [
        "YES",
        "w",
        *every,
    ]
    assert solve(["-p", "DS-CO", "-f", str(path), "-a", str(n)], capsys) == "YES"
    assert solve(["-p", "DS-GR", "-f", str(path), "-a", "3"], capsys).split()[:3] == [
        "NO",
        "w",
        "1",
    ]
    assert solve(["-p", "EE-PR", "-f", str(path)], capsys) == "[[" + ",".join(every) + "]]"
    assert solve(["-p", "CE-ST", "-f", str(path)], capsys) == "1"
    assert main(["solve", "-p", "DC-PR", "-f", str(path), "-a", str(n + 1)]) == 1


def test_an_isolated_argument_is_not_credulously_accepted_when_no_extension_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.i23"
    path.write_text("p af 2\n1 1\n", encoding="utf-8")  # a self-attack: no stable extension
    assert solve(["-p", "DC-ST", "-f", str(path), "-a", "2"], capsys) == "NO"
    assert solve(["-p", "DS-ST", "-f", str(path), "-a", "2"], capsys) == "YES"
    assert solve(["-p", "DC-PR", "-f", str(path), "-a", "2"], capsys) == "YES\nw 2"


_I23_PIECES = ["1", "2", "3", "0", "07", "12", "4294967297", " ", "  ", "\t", "\r", "\n", "\n",
               "#", "# 1 2", "p af 3", "\x0c", "é", "x", "-1", "+2",
               "1 2\n", "2 3\n", "3 12\n", "07 1\n", "0 1\n", "12 13\n"]  # fmt: skip


def _reading(read: Callable[[str, str], tuple[int, Any] | None], text: str) -> object:
    """What ``read`` makes of ``text``: N and the ends, ``None``, or its located error."""
    try:
        found = read(text, "t.i23")
    except ArgmapError as exc:
        (problem,) = exc.problems
        return ("error", problem.line, problem.column, problem.message)
    return None if found is None else (found[0], found[1].tolist())


@settings(max_examples=300)
@given(
    pieces=st.lists(st.sampled_from(_I23_PIECES), max_size=40),
    header=st.sampled_from(["p af 3\n", "p af 12\n", "# c\n p af 3 \r\n", ""]),
    chunk=st.sampled_from([1, 3, 16, 0]),
)
def test_the_array_reader_of_i23_reads_as_the_line_reader(
    pieces: list[str], header: str, chunk: int
) -> None:
    """Any text: the array reader gives up, or reads what the strict line reader reads."""
    text = header + "".join(pieces)
    expected = _reading(iccma._scan_lines, text)
    fast = _reading(lambda t, p: iccma._scan_arrays(t, p, chunk), text)
    assert fast in (None, expected)
    assert _reading(scan_i23, text) == expected


@settings(max_examples=100)
@given(
    n=st.integers(min_value=1, max_value=12),
    data=st.data(),
    chunk=st.sampled_from([1, 5, 0]),
)
def test_well_formed_i23_is_read_by_arrays(n: int, data: st.DataObject, chunk: int) -> None:
    """A well-formed file (blanks, comments, CRLF) never needs the line-by-line reader."""
    blank = st.sampled_from(["", " ", "\t", "  ", "\r"])
    attacks = data.draw(
        st.lists(st.tuples(st.integers(1, n), st.integers(1, n), blank, blank), max_size=20)
    )
    comment = data.draw(st.sampled_from(["", "# a comment\n", "  # 1 2 x\n", "\n", " \r\n"]))
    lines = [f"{b1}{a} {b2}{b}{b1}" for a, b, b1, b2 in attacks]
    text = f"p af {n}\n{comment}" + f"\n{comment}".join(lines)
    fast = iccma._scan_arrays(text, "t.i23", chunk)
    assert fast is not None
    assert fast[0] == n
    assert fast[1].tolist() == [k - 1 for a, b, _, _ in attacks for k in (a, b)]


def test_split_of_a_sparse_i23_file_names_its_core_by_number(tmp_path: Path) -> None:
    """Few attacks under a large header (binary search) and many (a mark per argument)."""
    sparse, dense = tmp_path / "sparse.i23", tmp_path / "dense.i23"
    sparse.write_text("p af 100\n7 5\n5 7\n9 9\n", encoding="ascii")
    dense.write_text("p af 4\n4 2\n2 4\n", encoding="ascii")
    cases = ((sparse, ["5", "7", "9"], 97, "8"), (dense, ["2", "4"], 2, "3"))
    for path, core, isolated, alone in cases:
        split = Split.read(path)
        assert list(split.core.arguments) == core
        assert [split.core.index[name] for name in core] == list(range(len(core)))
        assert split.isolated_count == isolated
        assert alone not in split.core
        assert alone in split
        assert split.is_isolated(alone)
        assert sorted(split.core.attacks) == sorted(Split.of(read_af(path)).core.attacks)

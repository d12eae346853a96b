"""The text output fits the terminal, speaks one vocabulary, and helps with slips."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.cli.output import status_word, width, wrapped
from argmap.cli.parser import build_parser
from argmap.options import STATUS_WORDS, Semantics
from argmap.table import fill, format_table, shorten
from tests.helpers import EXAMPLES, MAPS, ROOT, SHOWCASE

HUDSON = str(MAPS / "hudson-cronin-2019.yaml")
TOY = EXAMPLES / "toy-corpus"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def demo_commands() -> list[list[str]]:
    """The argmap commands of ``make demo`` that print to the terminal (not the report)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\ndemo:") :].split("\n\n")[0]
    found = []
    for line in target.splitlines():
        words = shlex.split(line.split("#")[0])
        if words and words[0] == "$(BIN)/argmap" and words[1] != "report":
            found.append(words[1:])
    return found


def test_the_demo_runs_what_the_brief_measures() -> None:
    assert demo_commands() == [
        ["check", "maps/"],
        ["summary", "maps/"],
        ["conflicts", "maps/", "--direct"],
        ["consensus", "maps/"],
        ["check", "--consistency", "maps/"],
        ["strength", "maps/"],
        ["questions", "maps/hudson-cronin-2019.yaml"],
    ]


@pytest.mark.parametrize("command", demo_commands(), ids=" ".join)
def test_demo_commands_fit_80_columns(command: list[str]) -> None:
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    too_long = [line for line in lines if len(line) > 80]
    assert too_long == []
    if command[0] != "check" or len(command) > 2:
        assert len(lines) > 10  # real output, not an error


def test_off_a_terminal_the_width_is_80_and_columns_wins() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    code = "from argmap.cli.output import width; print(width())"
    piped = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert piped.stdout.strip() == "80"
    wide = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "132"},
    )
    assert wide.stdout.strip() == "132"


def test_a_wide_terminal_gets_one_summary_table_a_narrow_one_two(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    _, wide, _ = run(["summary", str(MAPS)], capsys)
    monkeypatch.setenv("COLUMNS", "80")
    _, narrow, _ = run(["summary", str(MAPS)], capsys)
    assert wide.count("essay  ") == 1
    assert narrow.count("essay  ") == 2
    assert re.search(r"^essay +claims +evidence +recs +nodes +supports", wide, flags=re.M)
    assert re.search(r"^essay +supports +attacks +undercuts +edges$", narrow, flags=re.M)
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_ids_are_never_split_and_cut_text_ends_in_an_ellipsis(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(["conflicts", str(MAPS), "--direct"], capsys)
    ids = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", (MAPS / "corpus.yaml").read_text()))
    for line in out.splitlines():
        if line.strip(" -"):  # not a table's rule
            assert not line.rstrip().endswith("-"), line  # no id broken at a hyphen
    words = set(re.findall(r"[\w-]+", out))
    assert {"aum-silverberg-2021", "park-silverberg-2021", "c-bilateral-landmines"} <= words
    assert ids & words
    _, out, _ = run(["extensions", HUDSON], capsys)
    texts = [line.split("  ")[-1] for line in out.splitlines() if line.startswith("e-gsomia ")]
    assert texts[0].endswith("…")
    assert not texts[0].endswith(" …")


def test_status_words_follow_the_semantics(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")

    def statuses(semantics: str) -> dict[str, str]:
        _, out, _ = run(["extensions", HUDSON, "-s", semantics], capsys)
        rows = [re.split(r"\s{2,}", line) for line in out.splitlines()]
        return {r[0]: r[2] for r in rows if len(r) >= 4 and r[1] in ("claim", "evidence")}

    grounded = statuses("grounded")
    # the two readings of the islets attack each other: undecided, not rejected
    assert grounded["c-dokdo-korean"] == grounded["c-takeshima-japanese"] == "undecided"
    assert grounded["c-anachronistic"] == "rejected"  # the essay answers it
    assert grounded["e-gsomia"] == "accepted"
    assert set(grounded.values()) == {"accepted", "rejected", "undecided"}
    for unique in ("ideal", "eager"):
        assert set(statuses(unique).values()) <= {"accepted", "rejected", "undecided"}
    preferred = statuses("preferred")
    assert preferred["c-dokdo-korean"] == "credulously accepted"
    assert preferred["e-gsomia"] == "skeptically accepted"
    assert preferred["c-anachronistic"] == "rejected"
    _, out, _ = run(["extensions", HUDSON, "-s", "preferred"], capsys)
    assert "skeptically accepted: in every preferred extension" in out
    _, out, _ = run(["extensions", HUDSON, "--json"], capsys)
    data = json.loads(out)
    assert data["semantics"] == "grounded"  # the default everywhere
    assert data["status"]["c-dokdo-korean"] == "rejected"  # in no extension: stable values
    assert data["labels"]["c-dokdo-korean"] == "undec"
    assert data["labels"]["c-anachronistic"] == "out"
    _, out, _ = run(["extensions", HUDSON, "-s", "preferred", "--json"], capsys)
    assert "labels" not in json.loads(out)


def test_status_word_is_the_one_vocabulary() -> None:
    assert [status_word(x, Semantics.GROUNDED) for x in ("in", "out", "undec")] == [
        "accepted",
        "rejected",
        "undecided",
    ]
    several = [status_word(x, Semantics.STABLE) for x in ("skeptical", "credulous", "rejected")]
    assert several == ["skeptically accepted", "credulously accepted", "rejected"]
    assert set(several) | {"accepted", "undecided"} == set(STATUS_WORDS.values())


def test_every_command_defaults_to_grounded() -> None:
    parser = build_parser()
    for name in ("extensions", "explain", "conflicts", "consensus", "fuse", "report"):
        extra = {"explain": ["a"], "report": ["-o", "out"]}.get(name, [])
        args = parser.parse_args([name, "x", *extra])
        assert args.semantics is Semantics.GROUNDED, name
    assert parser.parse_args(["check", "x"]).semantics is Semantics.GROUNDED


def test_consensus_and_report_agree_in_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["consensus", str(MAPS)], capsys)
    assert out.startswith("Consensus by majority: 1 of 44 recommendations")
    assert re.search(r"^\*\s+eq-us-engage\s+5/5\s+0\s+accepted", out, flags=re.M)


def test_did_you_mean_a_semantics_and_a_node(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extensions", HUDSON, "-s", "prefered"])
    assert exit_.value.code == 2
    assert "(did you mean 'preferred'?)" in capsys.readouterr().err
    status, _, err = run(["explain", str(SHOWCASE), "c-credibilty-bar"], capsys)
    assert status == 1
    assert err == (
        "argmap: there is no argument 'c-credibilty-bar' to explain "
        "(did you mean 'c-credibility-bar'?)\n"
    )


def test_did_you_mean_an_argument_of_solve(
    tmp_path: os.PathLike[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = os.path.join(tmp_path, "f.apx")
    with open(path, "w", encoding="utf-8") as f:
        f.write("arg(alpha).\narg(beta).\natt(alpha,beta).\n")
    status, _, err = run(["solve", "-p", "DC-GR", "-f", path, "-a", "alpah"], capsys)
    assert status == 1
    assert "has no argument 'alpah' (did you mean 'alpha'?)" in err


def test_bare_argmap_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run([], capsys)
    assert (status, err) == (0, "")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices is not None
    for name in sub.choices:
        assert re.search(rf"^  {name} +\S", out, flags=re.M), name
    assert "  check       validate map and corpus files" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    done = subprocess.run(
        [sys.executable, "-m", "argmap"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout == out


def test_a_folder_where_a_file_is_expected_and_the_other_way_round(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(["extensions", str(MAPS)], capsys)
    assert status == 1
    assert err == (
        f"argmap: {MAPS} is a folder, and extensions reads one file: a map (.yaml) or a "
        f"framework (.apx, .tgf, .i23); for example: argmap extensions "
        f"{MAPS / 'arrington-yeo-2019.yaml'}\n"
    )
    status, _, err = run(["explain", str(TOY), "x"], capsys)
    assert status == 1
    assert "is a folder, and explain reads one file" in err
    for command in (["consensus"], ["fuse"], ["check", "--consistency"]):
        status, _, err = run([*command, str(TOY / "hawk.yaml")], capsys)
        assert status == 1
        assert f"is a file, and {' '.join(command)} reads a folder of maps" in err
        assert err.endswith(f"for example: argmap {' '.join(command)} {TOY}\n")
    status, _, err = run(["conflicts", str(TOY / "hawks.yaml")], capsys)
    assert status == 1
    missing, hawk = TOY / "hawks.yaml", TOY / "hawk.yaml"
    assert err == f"argmap: {missing}: no such file or folder (did you mean {hawk}?)\n"


def test_long_lists_are_summarised_unless_all(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, short, _ = run(["conflicts", str(MAPS), "--support", "necessary"], capsys)
    _, everything, _ = run(["conflicts", str(MAPS), "--support", "necessary", "--all"], capsys)
    more = re.search(r"… and (\d+) more conflicts in this section \(--all", short)
    assert more is not None
    assert "--all lists every one" not in everything
    numbered = {int(n) for n in re.findall(r"^(\d+)\. ", everything, flags=re.M)}
    shown = {int(n) for n in re.findall(r"^(\d+)\. ", short, flags=re.M)}
    assert len(shown) + int(more.group(1)) <= len(numbered)
    assert len(short.splitlines()) < len(everything.splitlines()) / 2
    _, listed, _ = run(["consensus", str(MAPS), "--all"], capsys)
    assert "more recommendation" not in listed
    assert "park-silverberg-2021:r-acsa" in listed
    assert max(len(line) for line in listed.splitlines()) <= 80


def test_width_honours_columns_with_a_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    assert width() == 100
    monkeypatch.setenv("COLUMNS", "10")
    assert width() == 40


def test_table_cuts_text_wraps_references_and_spills_long_ids() -> None:
    rows = [["aum-silverberg-2021:c-quiet-works", 2, "Gradual, low-profile steps can build it"]]
    text = format_table(["node", "n", "text"], rows, width=42, cut=(2,))
    assert max(len(line) for line in text.splitlines()) <= 42
    assert "aum-silverberg-2021:" in text
    assert "c-quiet-works" in text
    assert "…" in text
    assert shorten("Gradual, low-profile steps", 12) == "Gradual…"
    narrow = format_table(["node", "n", "text"], rows, width=40, cut=(2,))
    assert narrow.splitlines()[0].split() == ["node", "n"]  # 15 letters of text: left out
    spilled = format_table(["id", "a", "b"], [["our-national-conversation-2024", 1, 2]], width=12)
    assert spilled.splitlines()[2] == "our-national-conversation-2024"


ids = st.from_regex(
    r"[a-z]{1,6}(-[a-z0-9]{1,6}){0,4}(:[a-z]{1,5}(-[a-z]{1,5}){0,3})?", fullmatch=True
)


@given(st.lists(ids, min_size=1, max_size=30), st.integers(min_value=10, max_value=90))
def test_wrapping_keeps_every_id_whole_and_within_the_width(words: list[str], columns: int) -> None:
    lines = fill(" ".join(words), columns)
    for line in lines:
        pieces = line.split()
        assert len(line) <= columns or len(pieces) == 1  # only a lone id may be longer
    rejoined = re.sub(r":\n", ":", "\n".join(lines)).split()
    assert rejoined == words
    indented = wrapped(" ".join(words), "  ", columns).splitlines()
    assert all(line.startswith("  ") for line in indented)

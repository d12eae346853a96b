"""The argmap command: exit status, human output and --json."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import ArgumentMap, Node, write_map
from argmap.cli import main
from tests.helpers import EXAMPLES, MAPS, ROOT, SHOWCASE

BAD = """\
id: demo
title: Three mistakes
nodes:
  - id: a
    kind: clam
    text: A claim with a typo in its kind.
  - id: b
    kind: evidence
    text: Some evidence.
    weight: 1.5
edges:
  - support: b -> c
"""


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output as in a terminal 120 columns wide (tests of narrower ones set their own)."""
    monkeypatch.setenv("COLUMNS", "120")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_check_valid_folder(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(["check", str(MAPS)], capsys)
    assert status == 0
    assert "argmap check passed" in err


def test_check_three_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    status, out, err = run(["check", str(bad)], capsys)
    assert status == 1
    assert out.splitlines() == [
        f"{bad}:5:11: error: unknown kind 'clam' (did you mean 'claim'?): a node is a claim, evidence or recommendation [unknown-kind]",
        f"{bad}:10:13: error: weight 1.5 of node 'b' is outside [0, 1] [weight-range]",
        f"{bad}:12:19: error: edge target 'c' is not a node or edge id of this map [unknown-node]",
    ]
    assert "3 errors" in err


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    status, out, _ = run(["check", "--json", str(bad)], capsys)
    assert status == 1
    problems = json.loads(out)
    assert [(p["line"], p["column"], p["code"], p["severity"]) for p in problems] == [
        (5, 11, "unknown-kind", "error"),
        (10, 13, "weight-range", "error"),
        (12, 19, "unknown-node", "error"),
    ]
    assert problems[0]["path"] == str(bad)
    assert problems[0]["pointer"] == "$.nodes[0].kind"


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lonely = tmp_path / "lonely.yaml"
    lonely.write_text(
        "id: l\ntitle: L\nnodes:\n  - {id: a, kind: claim, text: A.}\n", encoding="utf-8"
    )
    assert run(["check", str(lonely)], capsys)[0] == 0
    status, out, err = run(["check", "--strict", str(lonely)], capsys)
    assert status == 1
    assert out.strip() == f"{lonely}:4:10: warning: node 'a' has no edges [isolated-node]"
    assert "warnings fail --strict" in err


def test_summary_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["summary", str(MAPS)], capsys)
    assert status == 0
    header, _rule, row = out.split("\n\n")[1].splitlines()[:3]
    assert header.split() == [
        "essay",
        "claims",
        "evidence",
        "recs",
        "nodes",
        "supports",
        "attacks",
        "undercuts",
        "edges",
    ]
    assert row.split()[0] == "arrington-yeo-2019"  # essays in id order
    status, out, _ = run(["summary", "--json", str(MAPS)], capsys)
    data = json.loads(out)
    essays = {e["id"]: e for e in data[0]["essays"]}
    # the undercut (of s-credibility) is counted apart from the attacks on nodes
    assert essays["arrington-yeo-2019"]["nodes"] == {
        "claim": 30,
        "evidence": 19,
        "recommendation": 8,
    }
    assert essays["arrington-yeo-2019"]["edges"] == {"support": 51, "attack": 10, "undercut": 1}
    assert essays["hudson-cronin-2019"]["nodes"] == {
        "claim": 28,
        "evidence": 11,
        "recommendation": 10,
    }
    assert essays["hudson-cronin-2019"]["edges"] == {"support": 40, "attack": 5, "undercut": 0}


def test_summary_of_a_bad_file_reports_instead_of_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    status, _out, err = run(["summary", str(bad)], capsys)
    assert status == 1
    assert err.startswith("argmap: 3 problems:")
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        main(["frobnicate"])


@pytest.mark.parametrize(
    "command", [[sys.executable, "-m", "argmap"], [str(Path(sys.executable).parent / "argmap")]]
)
def test_installed_entry_points(command: list[str]) -> None:
    done = subprocess.run(
        [*command, "check", "maps/"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("argmap ")


def test_extensions_of_a_map(capsys: pytest.CaptureFixture[str]) -> None:
    showcase = str(SHOWCASE)
    status, out, _ = run(["extensions", showcase, "-s", "grounded", "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert data["semantics"] == "grounded"
    assert data["support"] == "defeasible"
    # c-cannot-ignore undercuts the only reason for the objection c-credibility-bar, so
    # the objection falls and the recommendation it attacks stands
    assert data["status"]["c-credibility-bar"] == "rejected"
    assert data["status"]["c-no-credibility"] == "skeptical"  # the concession itself holds
    assert data["status"]["r-denounce"] == "skeptical"
    assert data["status"]["c-claims-settled"] == "rejected"  # undecided: a mutual attack
    status, out, _ = run(["extensions", showcase, "-s", "PR", "--support", "none"], capsys)
    assert status == 0
    assert out.startswith("arrington-yeo-2019: 2 preferred extensions, support: none")
    # without reasons there is no undercut: the objection stands and the recommendation falls
    assert "c-credibility-bar        claim           skeptical" in out
    assert "r-denounce               recommendation  rejected" in out
    assert "c-claims-settled         claim           credulous" in out


def test_extensions_of_a_framework_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\natt(b,a).\n", encoding="utf-8")
    status, out, _ = run(["extensions", str(path), "-s", "stable", "--json"], capsys)
    assert status == 0
    assert json.loads(out)["extensions"] == [["a"], ["b"]]
    assert json.loads(out)["status"] == {"a": "credulous", "b": "credulous"}


def test_explain_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # an explanation's lines, unwrapped
    showcase = str(SHOWCASE)
    status, out, _ = run(["explain", showcase, "c-credibility-bar"], capsys)
    assert status == 0
    assert out.splitlines() == [
        "c-credibility-bar is rejected (grounded): every reason for it fails: s-credibility "
        "(undercut by c-cannot-ignore, which is accepted).",
        "  c-cannot-ignore is accepted: through the reason c-nk-strategy -> c-cannot-ignore, whose "
        "premise c-nk-strategy is accepted; it has no attackers.",
        "    c-nk-strategy is accepted: through the reason c-nk-cooperation-needed -> c-nk-strategy, "
        "whose premise c-nk-cooperation-needed is accepted; it has no attackers.",
        "      c-nk-cooperation-needed is accepted: a premise of the map, unattacked.",
    ]
    status, out, _ = run(
        [
            "explain",
            showcase,
            "r-denounce",
            "-s",
            "preferred",
            "--mode",
            "credulous",
            "--json",
        ],
        capsys,
    )
    assert json.loads(out)[0]["accepted"] is True
    status, _, err = run(["explain", showcase, "nope"], capsys)
    assert status == 1
    assert "no argument 'nope'" in err
    assert "did you mean" not in err  # nothing close to 'nope'


TOY = EXAMPLES / "toy-corpus"


def test_conflicts_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["conflicts", str(TOY)], capsys)
    assert status == 0
    assert out.startswith("2 conflicts (grounded, support: defeasible")  # one a contradiction
    assert "1. broker vs hawk: attacker wins" in out
    assert "rationale: The broker doubts the evidence the hawk's threat claim rests on." in out
    assert "lost: hawk:c-threat; hawk:c-threat is rejected (grounded): attacked by" in out
    assert "Internal tensions: none" in out
    status, out, _ = run(["conflicts", str(TOY), "--direct", "--json"], capsys)
    data = json.loads(out)
    assert len(data["conflicts"]) == 2
    assert {c["kind"] for c in data["conflicts"]} == {"direct"}
    assert [c["mutual"] for c in data["conflicts"]] == [False, True]
    assert data["conflicts"][0]["pairs"] == [["broker", "hawk"]]
    status, _, err = run(["conflicts", str(TOY / "hawk.yaml")], capsys)
    assert status == 1
    assert err == (
        f"argmap: {TOY / 'hawk.yaml'} is a file, and conflicts reads a folder of maps with its "
        f"corpus.yaml; for example: argmap conflicts {TOY}\n"
    )


def test_consensus_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["consensus", str(TOY)], capsys)
    assert status == 0
    assert "Consensus by majority: 1 of 3 recommendations" in out
    assert "*  eq-talks" in out
    status, out, _ = run(
        ["consensus", str(TOY), "--rule", "quorum", "--quorum", "1", "--json"], capsys
    )
    data = json.loads(out)
    assert data["consensus"] == ["eq-talks", "dove:r-pause", "hawk:r-drills"]
    assert data["recommendations"][0]["endorsers"] == ["broker", "hawk"]
    assert data["recommendations"][0]["explanation"]["accepted"] is True
    status, _, err = run(["consensus", str(TOY), "--rule", "quorum"], capsys)
    assert status == 1
    assert "quorum of at least 1" in err


def test_check_consistency_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["check", "--consistency", str(TOY)], capsys)
    assert status == 0
    assert "2 maximal consistent subsets of essays" in out
    assert "broker, dove" in out
    status, out, _ = run(["check", "--consistency", "--json", str(TOY)], capsys)
    data = json.loads(out)
    assert data["maximal_consistent_subsets"] == [["broker", "dove"], ["hawk"]]
    assert data["truncated"] is False


def test_fuse_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["fuse", str(TOY), "--operator", "leximax"], capsys)
    assert status == 0
    assert out.startswith("leximax merge of 3 essays (grounded, support: defeasible)")
    status, out, _ = run(["fuse", str(TOY), "--json"], capsys)
    data = json.loads(out)
    assert data["operator"] == "sum"
    assert "eq-talks" in data["skeptical"]


@pytest.mark.parametrize(
    ("args", "option", "closest"),
    [
        (["extensions", "x.yaml", "-s", "prefered"], "--semantics/-s", "preferred"),
        (["conflicts", str(TOY), "--support", "nesessary"], "--support", "necessary"),
        (["explain", "x.yaml", "a", "--mode", "skeptic"], "--mode", "skeptical"),
        (["consensus", str(TOY), "--rule", "majoritty"], "--rule", "majority"),
        (["fuse", str(TOY), "--operator", "leximx"], "--operator", "leximax"),
        (["render", "x.yaml", "-o", "x.svg", "--format", "svgz"], "--format", "svg"),
    ],
)
def test_bad_option_values_exit_2(
    args: list[str], option: str, closest: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: argmap {args[0]}")
    assert f"error: argument {option}: unknown" in err
    assert f"(did you mean '{closest}'?)" in err


def test_option_values_parse_into_enums(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["conflicts", str(TOY), "-s", "GR", "--support", "Necessary"], capsys)
    assert status == 0
    assert out.startswith("4 conflicts (grounded, support: necessary")


def test_version_and_help_load_no_heavy_module() -> None:
    # The format registry (names and suffixes) is light; no format module may load.
    code = (
        "import sys, contextlib, io\n"
        "from argmap.cli import main\n"
        "for argv in (['--version'], ['--help'], ['check', '--help']):\n"
        "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(argv)\n"
        "heavy = ('numpy', 'networkx', 'pysat', 'ruamel', 'graphviz', 'argmap.model')\n"
        "light = {'argmap.formats', 'argmap.formats.registry', 'argmap.formats.text'}\n"
        "print([m for m in sys.modules if m.startswith(heavy) or\n"
        "       (m.startswith('argmap.formats') and m not in light)])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_help_fits_80_columns() -> None:
    commands = ["check", "summary", "extensions", "explain", "solve", "schema", "convert"]
    commands += ["conflicts", "consensus", "fuse", "render", "report"]
    env = {**os.environ, "COLUMNS": "80"}
    for args in [["--help"], *([c, "--help"] for c in commands)]:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert max(len(line) for line in done.stdout.splitlines()) <= 80, args


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(MAPS)],
        ["check", "--consistency", str(TOY)],
        ["check", "--consistency", str(TOY), str(TOY)],
        ["summary", str(MAPS), str(TOY)],
        ["extensions", str(MAPS / "hudson-cronin-2019.yaml"), "-s", "preferred"],
        ["explain", str(MAPS / "hudson-cronin-2019.yaml"), "r-burden-sharing", "c-fractured"],
        ["conflicts", str(TOY)],
        ["consensus", str(TOY), "--rule", "skeptical"],
        ["fuse", str(TOY), "-s", "preferred"],
    ],
)
def test_every_json_output_parses(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([*args, "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    if "--consistency" in args and len(args) == 4:
        assert [d["maximal_consistent_subsets"] for d in data] == [
            [["broker", "dove"], ["hawk"]]
        ] * 2


def test_report_honours_its_timeout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(
        ["report", str(TOY), "-o", str(tmp_path / "r"), "--timeout", "1e-9"], capsys
    )
    assert status == 3
    assert "timed out" in err


def test_consensus_and_consistency_count_essays_unless_comments_are_included(
    capsys: pytest.CaptureFixture[str],
) -> None:
    comments = "our-national-conversation-2024-comments"
    status, out, _ = run(["consensus", str(MAPS)], capsys)
    assert status == 0
    assert f"Counting 5 essays; left out: {comments} (comments;" in out
    # all five essays want Washington engaged; the blog's r-conduit is one of the five
    assert re.search(r"^\*\s+eq-us-engage\s+5/5\s+0\s+accepted\s", out, flags=re.M)
    assert "/6" not in out
    assert "… and 40 more recommendations, each endorsed by one essay" in out
    assert f"{comments}:r-not-for-granted" not in out  # summarised: one endorser, unopposed
    status, out, _ = run(["consensus", str(MAPS), "--all"], capsys)
    assert f"{comments}:r-not-for-granted  0/5†" in out
    assert "† endorsed only by maps left out of the count" in out
    status, out, _ = run(["consensus", str(MAPS), "--include-comments", "--json"], capsys)
    data = json.loads(out)
    assert (data["essays"], data["left_out"]) == (6, [])
    mentioned = {e for r in data["recommendations"] for e in r["endorsers"] + r["opposers"]}
    assert comments in mentioned
    status, out, _ = run(["consensus", str(MAPS), "--json"], capsys)
    data = json.loads(out)
    assert (data["essays"], data["left_out"]) == (5, [comments])
    assert all(comments not in r["endorsers"] + r["opposers"] for r in data["recommendations"])
    status, out, _ = run(["check", "--consistency", "--json", str(MAPS)], capsys)
    data = json.loads(out)
    assert comments not in data["essays"]
    assert data["left_out"] == [comments]
    assert all(comments not in s for s in data["maximal_consistent_subsets"])
    status, out, _ = run(["check", "--consistency", "--include-comments", str(MAPS)], capsys)
    assert status == 0
    assert "Counting 6 maps, reader comments included." in out


def _tagged_toy(tmp_path: Path) -> Path:
    """The toy corpus with themes: the threat claims share two tags, the drills one."""
    folder = tmp_path / "toy"
    folder.mkdir()
    for source in TOY.glob("*.yaml"):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    tags = {
        "broker.yaml": (
            "year to year., para: 1}",
            "year to year., para: 1, tags: [threat, evidence]}",
        ),
        "hawk.yaml": ("is growing., para: 1}", "is growing., para: 1, tags: [evidence, threat]}"),
        "dove.yaml": (
            "for a year., actors: [United States], para: 2}",
            "for a year., actors: [United States], para: 2, tags: [drills]}",
        ),
    }
    for name, (old, new) in tags.items():
        text = (folder / name).read_text(encoding="utf-8")
        assert old in text, name
        (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_conflicts_summarise_then_list_stated_before_derived_by_theme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(_tagged_toy(tmp_path))
    status, out, _ = run(["conflicts", folder, "--support", "necessary"], capsys)
    assert status == 0
    lines = out.splitlines()
    assert " ".join(out.split("\n\n")[0].split()[9:]) == (
        "2 stated (a direct attack between the two essays' nodes), "
        "2 derived (through reasons, under support: necessary), 0 later evidence (a later "
        "essay reports events after the attacked essay was written: not a disagreement "
        "between the authors)."
    )
    broker_hawk = next(line for line in lines if line.startswith("broker "))
    assert broker_hawk.split() == ["broker", "→", "hawk", "3", "1", "2", "0", "3", "0", "0"]
    dove_hawk = next(line for line in lines if line.startswith("dove "))
    assert dove_hawk.split() == ["dove", "↔", "hawk", "1", "1", "0", "0", "1", "0", "0"]
    assert "By theme: evidence 1, threat 1, untagged 3." in out
    stated, derived = out.index("Stated disagreements (2)"), out.index("Derived conflicts")
    assert stated < derived < out.index("Internal tensions")
    # the threat conflict sits under both shared tags, in full once; themes sorted, untagged last
    evidence, threat = out.index("== evidence (1) =="), out.index("== threat (1) ==")
    assert stated < evidence < threat < out.index("== untagged (1) ==", threat) < derived
    assert out.count("1. broker vs hawk: attacker wins") == 1
    assert "1. broker:c-thin attacks hawk:c-threat (listed under evidence)" in out
    # the drills are tagged on one side only: not a shared theme
    assert out.index("2. dove vs hawk") > out.index("== untagged (1) ==")
    # the contradiction is one conflict, said as such
    assert "contradicts hawk:r-drills" in out
    assert "how: dove:r-pause and hawk:r-drills attack each other (stated by corpus)" in out
    # derived conflicts give their path through reasons
    assert "secondary attack: broker:c-thin attacks hawk:c-threat, and hawk:c-threat ⇒" in out
    assert out.index("3. broker vs hawk") > derived
    status, out, _ = run(["conflicts", folder, "--support", "necessary", "--direct"], capsys)
    assert "2 stated" in out
    assert "0 derived" in out
    assert "Derived conflicts" not in out


def test_consensus_matrix_in_the_terminal_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["consensus", str(TOY)], capsys)
    assert status == 0
    lines = out.splitlines()
    start = lines.index("Who stands where (+ endorses, - opposes, . silent):")
    assert lines[start + 1].split() == ["recommendation", "1", "2", "3"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[start + 2 : start + 5]}
    assert rows == {
        "eq-talks": ["+", ".", "+"],
        "dove:r-pause": [".", "+", "-"],
        "hawk:r-drills": ["-", "-", "+"],
    }
    assert [line.strip() for line in lines[start + 5 : start + 8]] == [
        "1 = broker",
        "2 = dove",
        "3 = hawk",
    ]
    status, out, _ = run(["consensus", str(MAPS), "--all"], capsys)
    lines = out.splitlines()
    start = lines.index("Who stands where (+ endorses, - opposes, . silent):")
    matrix = lines[start : lines.index("", start)]
    assert max(len(line) for line in matrix) <= 80
    assert any(
        line.startswith("our-national-conversation-2024:r-remind-stakes ") for line in matrix
    )
    # the comments are no column by default: five essays, numbered in the legend
    assert matrix[1].split() == ["recommendation", "1", "2", "3", "4", "5"]
    assert [line.strip() for line in matrix[-5:]] == [
        "1 = arrington-yeo-2019",
        "2 = aum-silverberg-2021",
        "3 = hudson-cronin-2019",
        "4 = our-national-conversation-2024",
        "5 = park-silverberg-2021",
    ]
    status, out, _ = run(["consensus", str(TOY), "--json"], capsys)
    data = json.loads(out)["matrix"]
    assert data["essays"] == ["broker", "dove", "hawk"]
    assert data["rows"][0] == {
        "node": "eq-talks",
        "cells": {"broker": "endorses", "dove": "silent", "hawk": "endorses"},
    }


def test_the_json_contract_of_extensions_conflicts_and_consensus(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The field names docs/cli.md promises to keep."""
    _, out, _ = run(["extensions", str(TOY / "hawk.yaml"), "--json"], capsys)
    data = json.loads(out)
    assert [sorted(e) for e in data["extensions"]] == [
        ["c-threat", "e-tests", "r-drills", "r-talks"]
    ]
    _, out, _ = run(["conflicts", str(TOY), "--support", "necessary", "--json"], capsys)
    listed = json.loads(out)["conflicts"]
    keys = {"attacker", "target", "pairs", "kind", "path", "resolution"}
    assert all(keys <= set(c) for c in listed)
    assert {c["kind"] for c in listed} == {"direct", "secondary"}
    assert all(c["path"][0] == c["attacker"] and c["path"][-1] == c["target"] for c in listed)
    _, out, _ = run(["consensus", str(TOY), "--json"], capsys)
    data = json.loads(out)
    assert data["essays"] == 3
    item_keys = {"node", "text", "members", "endorsers", "opposers", "status"}
    assert all(item_keys <= set(r) for r in data["recommendations"])
    assert set(data["matrix"]) == {"essays", "rows"}
    assert [r["node"] for r in data["matrix"]["rows"]] == [
        r["node"] for r in data["recommendations"]
    ]


# -- exit statuses -----------------------------------------------------------------------


def _php(tmp_path: Path) -> Path:
    from argmap.framework import write_af
    from tests.test_semantics import pigeonhole

    path = tmp_path / "php10.i23"
    write_af(pigeonhole(10), path)
    return path


def test_exit_status_0_1_and_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["solve"], capsys)
    assert status == 0
    assert out.startswith("argmap ")
    status, _, err = run(["extensions", str(tmp_path / "missing.yaml")], capsys)
    assert status == 1
    assert "no such file" in err
    status, out, err = run(
        ["solve", "-p", "SE-ST", "-f", str(_php(tmp_path)), "--timeout", "0.2"], capsys
    )
    assert (status, out) == (3, "")
    assert err == "argmap: timed out after 0.2 s (--timeout)\n"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "abc", ""])
def test_bad_timeouts_are_usage_errors(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extensions", str(MAPS / "hudson-cronin-2019.yaml"), "--timeout", value])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --timeout:" in err
    assert "Traceback" not in err


def test_every_long_command_takes_a_timeout() -> None:
    from argmap.cli.parser import build_parser

    commands = [
        ["check", "--consistency", "x"],
        ["conflicts", "x"],
        ["consensus", "x"],
        ["fuse", "x"],
        ["report", "x", "-o", "y"],
        ["extensions", "x"],
        ["explain", "x", "a"],
        ["solve"],
        ["render", "x", "-o", "y"],
        ["convert", "x", "y"],
    ]
    for command in commands:
        assert build_parser().parse_args([*command, "--timeout", "1.5"]).timeout == 1.5


def _raise(exc: BaseException) -> object:
    def handler(args: object) -> int:
        raise exc

    return handler


def test_interrupted_is_130_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.cli.iccma

    monkeypatch.setattr(argmap.cli.iccma, "solve", _raise(KeyboardInterrupt()))
    status, out, err = run(["solve"], capsys)
    assert (status, out, err) == (130, "", "argmap: interrupted\n")


def test_an_internal_error_is_70_in_one_line_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.cli.iccma

    monkeypatch.setattr(argmap.cli.iccma, "solve", _raise(ZeroDivisionError("boom")))
    status, _, err = run(["solve"], capsys)
    assert status == 70
    assert err == (
        "argmap: internal error: ZeroDivisionError: boom (run with --debug for the traceback)\n"
    )
    for argv in (["--debug", "solve"], ["solve", "--debug"]):
        status, _, err = run(argv, capsys)
        assert status == 70
        assert "Traceback (most recent call last)" in err
        assert err.endswith("argmap: internal error: ZeroDivisionError: boom\n")


def test_a_timeout_in_a_subprocess_exits_3_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "solve",
            "-p",
            "SE-ST",
            "-f",
            str(_php(tmp_path)),
            "--timeout",
            "0.3",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 3
    assert done.stderr == "argmap: timed out after 0.3 s (--timeout)\n"


def test_a_consensus_matrix_too_wide_for_the_terminal_is_left_to_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for k in range(20):  # twenty essays: forty columns and more
        node = Node("r", "recommendation", f"Do thing {k}.")
        write_map(ArgumentMap(f"e{k:02d}", f"Essay {k}", [node]), tmp_path / f"e{k:02d}.yaml")
    status, out, _ = run(["consensus", str(tmp_path), "--all"], capsys)
    assert status == 0
    said = " ".join(out.split())
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Who stands where"))
    assert max(len(line) for line in lines[start:]) <= 40
    assert "Who stands where: 20 essays make too many columns for 40 columns;" in said
    assert "--json gives the matrix." in said
    status, out, _ = run(["consensus", str(tmp_path), "--all", "--json"], capsys)
    assert len(json.loads(out)["matrix"]["essays"]) == 20


def test_a_corpus_command_leaves_nothing_frozen_for_its_caller(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The CLI freezes what it read out of the collector's walks; main() thaws it again."""
    import gc

    status, _, _ = run(["consensus", str(MAPS)], capsys)
    assert status == 0
    assert gc.get_freeze_count() == 0

"""The corpus commands of ``argmap``: conflicts, consensus, fuse, and check --consistency.

Each prints tables a person can read, or JSON with ``--json``; the analyses themselves are
in :mod:`argmap.analysis`.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from argmap.analysis.conflicts import Conflict, conflicts_of
from argmap.analysis.consensus import consensus_of
from argmap.analysis.consistency import consistency_of
from argmap.analysis.fusion import fuse
from argmap.analysis.merge import merge
from argmap.analysis.reading import Reading
from argmap.analysis.reading import reading as read
from argmap.bipolar import AttackKind
from argmap.cli_options import mode_option, semantics_options
from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus
from argmap.model import Corpus
from argmap.options import ConsensusRule, FusionOperator
from argmap.table import format_table

__all__ = ["add_corpus_commands", "print_consistency"]

WIDTH = 100


def _corpus(path: str) -> Corpus:
    from pathlib import Path

    if not Path(path).is_dir():
        raise ArgmapError(f"{path}: expected a folder of maps with a corpus.yaml")
    return read_corpus(path)


def _reading(args: argparse.Namespace) -> Reading:
    return read(
        _corpus(args.path), args.semantics, args.support, mode=args.mode, timeout=args.timeout
    )


def _text(reading: Reading, node: str, width: int = 70) -> str:
    text = reading.merged.map.node(node).text
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrapped(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _heading(reading: Reading, what: str) -> str:
    return (
        f"{what} ({reading.semantics}, support: {reading.support}, "
        f"each essay's {reading.mode} acceptance)"
    )


def _print_conflict(number: int, reading: Reading, c: Conflict) -> None:
    pairs = ", ".join(f"{a} vs {b}" if a != b else f"{a} vs itself" for a, b in c.pairs)
    print(f"{number}. {pairs}: {c.resolution}")
    print(_wrapped(f"{c.attacker}: {_text(reading, c.attacker, 200)}", "   "))
    print(_wrapped(f"attacks {c.target}: {_text(reading, c.target, 200)}", "   "))
    print(_wrapped(f"how: {c.attack.describe()} (stated by {', '.join(c.stated_by)})", "   "))
    for note in c.notes:
        print(_wrapped(f"why: {note}", "   "))


def _cmd_conflicts(args: argparse.Namespace) -> int:
    reading = _reading(args)
    found = [
        c for c in conflicts_of(reading) if not args.direct or c.attack.kind is AttackKind.DIRECT
    ]
    tensions = [s.tension for s in reading.essays.values() if s.tension is not None]
    if args.json:
        data: dict[str, Any] = {
            "semantics": str(reading.semantics),
            "support": reading.support,
            "mode": reading.mode,
            "conflicts": [c.to_dict() for c in found],
            "tensions": [
                {
                    "essay": t.essay,
                    "recommendations": list(t.recommendations),
                    "attackers": t.attackers,
                }
                for t in tensions
            ],
        }
        json.dump(data, sys.stdout, indent=2)
        print()
        return 0
    print(_heading(reading, f"{len(found)} conflicts") + "\n")
    by_pair: dict[tuple[str, str], list[str]] = {}
    for c in found:
        for a, b in c.pairs:
            by_pair.setdefault((a, b), []).append(c.resolution)
    rows = [
        [
            a,
            b if b != a else "(itself)",
            len(r),
            r.count("attacker wins"),
            r.count("target wins"),
            r.count("open"),
        ]
        for (a, b), r in sorted(by_pair.items())
    ]
    print(
        format_table(
            [
                "attacking essay",
                "attacked essay",
                "conflicts",
                "attacker wins",
                "target wins",
                "open",
            ],
            rows,
        )
    )
    print()
    for i, c in enumerate(found, 1):
        _print_conflict(i, reading, c)
    print(f"\nInternal tensions: {len(tensions) or 'none'}")
    for t in tensions:
        print(_wrapped(t.describe(), "  "))
    return 0


def _cmd_consensus(args: argparse.Namespace) -> int:
    reading = _reading(args)
    result = consensus_of(reading, conflicts_of(reading), args.rule, args.quorum)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=2)
        print()
        return 0
    rule = f"quorum {args.quorum}" if args.rule == "quorum" else args.rule
    print(
        _heading(
            reading,
            f"Consensus by {rule}: {len(result.selected)} of {len(result.items)} recommendations",
        )
        + "\n"
    )
    chosen = {i.node for i in result.selected}
    rows = [
        [
            "*" if i.node in chosen else "",
            i.node,
            f"{len(i.endorsers)}/{result.essays}",
            len(i.opposers),
            i.status,
            _text(reading, i.node, 60),
        ]
        for i in result.items
    ]
    print(
        format_table(["", "recommendation", "endorsed", "opposed", "merged status", "text"], rows)
    )
    for i in result.selected:
        print(f"\n{i.node}: {i.text}")
        print(_wrapped(f"endorsed by {', '.join(i.endorsers) or 'no essay'}", "  "))
        if i.opposers:
            print(_wrapped(f"opposed by {', '.join(i.opposers)}", "  "))
        for line in str(i.explanation).splitlines():
            print(_wrapped(line.strip(), "  " + " " * (len(line) - len(line.lstrip()))))
    return 0


def print_consistency(path: str, args: argparse.Namespace) -> int:
    """Print which essays of a folder are jointly consistent (``check --consistency``)."""
    corpus = _corpus(path)
    reading = read(corpus, args.semantics, args.support, mode=args.mode, timeout=args.timeout)
    result = consistency_of(corpus.essay_ids, conflicts_of(reading))
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=2)
        print()
        return 0
    print(
        _heading(reading, f"{path}: {len(result.maximal)} maximal consistent subsets of essays")
        + "\n"
    )
    rows = [
        [i, len(subset), ", ".join(sorted(subset))] for i, subset in enumerate(result.maximal, 1)
    ]
    print(format_table(["#", "essays", "jointly consistent"], rows))
    if result.truncated:
        print(f"(only the first {len(result.maximal)} maximal subsets are listed)")
    print()
    clash_rows = [[a, b, len(found)] for (a, b), found in result.clashes.items()]
    print(
        format_table(["essay", "conflicts with", "conflicts"], clash_rows)
        if clash_rows
        else "No two essays conflict."
    )
    for essay, found in result.self_inconsistent.items():
        print(f"\n{essay} is inconsistent once linked to the corpus ({len(found)} conflicts)")
    return 0


def _cmd_fuse(args: argparse.Namespace) -> int:
    corpus = _corpus(args.path)
    result = fuse(
        corpus,
        args.operator,
        semantics=args.semantics,
        support=args.support,
        timeout=args.timeout,
    )
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=2)
        print()
        return 0
    merged = merge(corpus)
    print(
        f"{args.operator} merge of {len(corpus.maps)} essays ({result.semantics}, support: "
        f"{args.support}): {len(result.frameworks)} framework(s) selected, "
        f"{len(result.disputed)} disputed attack(s)\n"
    )
    for pair in result.disputed:
        kept = sum(pair in af.attacks for af in result.frameworks)
        print(f"  {pair[0]} -> {pair[1]}: kept in {kept} of {len(result.frameworks)}")
    print("\ndistances to the essays (" + ", ".join(m.id for m in corpus.maps) + "):")
    for d in result.distances:
        print(f"  {list(d)}")
    rows = []
    for node in merged.map.recommendations:
        status = (
            "skeptical"
            if node.id in result.skeptical
            else "credulous"
            if node.id in result.credulous
            else "rejected"
        )
        rows.append([node.id, ", ".join(sorted(merged.essays_of(node.id))), status])
    print()
    print(format_table(["recommendation", "stated by", "status"], rows))
    return 0


def _folder_command(
    commands: Any, name: str, help: str, description: str, run: Any
) -> argparse.ArgumentParser:
    """A subcommand on a corpus folder, with ``--json``."""
    p: argparse.ArgumentParser = commands.add_parser(name, help=help, description=description)
    p.add_argument("path", metavar="FOLDER", help="a folder of maps with its corpus.yaml")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)
    return p


def add_corpus_commands(commands: Any) -> None:
    """Add conflicts, consensus and fuse to the ``argmap`` parser."""
    p = _folder_command(
        commands,
        "conflicts",
        "where one essay's accepted nodes attack another's",
        "Every attack (direct or derived under the support reading) from a node one essay "
        "accepts to a node another essay accepts, and whether the merged framework resolves "
        "it; then each essay whose own recommendations are not jointly acceptable.",
        _cmd_conflicts,
    )
    semantics_options(p)
    mode_option(p)
    p.add_argument("--direct", action="store_true", help="direct attacks only")

    p = _folder_command(
        commands,
        "consensus",
        "recommendations the essays share, and what defeats them",
        "Recommendations grouped by equivalence, ranked by how many essays endorse them, with "
        "the essays opposing them and their status in the merged framework; the rule marks "
        "the consensus.",
        _cmd_consensus,
    )
    p.add_argument(
        "--rule",
        choices=[r.value for r in ConsensusRule],
        default="majority",
        help="the aggregation rule (default: majority)",
    )
    p.add_argument(
        "--quorum", type=int, default=None, metavar="K", help="essays needed under --rule quorum"
    )
    semantics_options(p)
    mode_option(p)

    p = _folder_command(
        commands,
        "fuse",
        "merge the essays' frameworks (sum, max, leximax)",
        "Merge the essays' attack graphs over their shared (equivalence-merged) arguments with "
        "an operator of Coste-Marquis et al. (2007), and report which recommendations the "
        "merged framework accepts.",
        _cmd_fuse,
    )
    p.add_argument(
        "--operator",
        choices=[o.value for o in FusionOperator],
        default="sum",
        help="the merging operator (default: sum)",
    )
    semantics_options(p)

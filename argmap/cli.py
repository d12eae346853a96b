"""The ``argmap`` command: the only place that prints or exits.

Commands print a table a person can read, or JSON with ``--json``. Exit status: 0 when
all is well, 1 when the input has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from argmap import __version__
from argmap.bipolar import attack_graph
from argmap.bipolar import extensions as map_extensions
from argmap.checking import CheckReport, check
from argmap.cli_corpus import add_corpus_commands, print_consistency
from argmap.cli_options import mode_option, semantics_options, support_option, timeout_option
from argmap.cli_render import add_render_commands
from argmap.errors import ArgmapError
from argmap.explanation import explain
from argmap.formats.registry import FRAMEWORK_FORMATS as FORMATS
from argmap.formats.yaml import read_corpus, read_map
from argmap.framework import AF
from argmap.model import ArgumentMap, Corpus, NodeKind
from argmap.options import Semantics
from argmap.schema import schema_text
from argmap.semantics import (
    acceptance,
    count_extensions,
    extensions,
    is_credulously_accepted,
    is_skeptically_accepted,
    iter_extensions,
    some_extension,
)
from argmap.table import format_table

__all__ = ["main"]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _print_check(report: CheckReport, strict: bool, out: TextIO, err: TextIO) -> None:
    for problem in report.problems:
        print(problem, file=out)
    verdict = "passed" if report.ok(strict) else "failed"
    print(
        f"argmap check {verdict}: {_plural(len(report.files), 'file')}, "
        f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
        + (" (warnings fail --strict)" if strict and report.warnings else ""),
        file=err,
    )


def _cmd_check(args: argparse.Namespace) -> int:
    report = check(args.paths)
    if args.consistency and report.ok(args.strict):
        if not args.json:
            _print_check(report, args.strict, sys.stdout, sys.stderr)
        for path in args.paths:
            if not args.json:
                print()
            print_consistency(path, args)
        return 0
    if args.json:
        json.dump([p.to_dict() for p in report.problems], sys.stdout, indent=2)
        print()
    else:
        _print_check(report, args.strict, sys.stdout, sys.stderr)
    return 0 if report.ok(args.strict) else 1


def _essay_counts(m: ArgumentMap) -> dict[str, Any]:
    nodes = Counter(str(n.kind) for n in m.nodes)
    undercuts = len(m.undercuts)
    return {
        "id": m.id,
        "title": m.title,
        "nodes": {str(k): nodes.get(str(k), 0) for k in NodeKind},
        "edges": {
            "support": len(m.supports),
            "attack": len(m.attacks) - undercuts,
            "undercut": undercuts,
        },
    }


def _corpora(paths: Sequence[str]) -> list[Corpus]:
    corpora = []
    for raw in paths:
        path = Path(raw)
        corpora.append(read_corpus(path) if path.is_dir() else Corpus([read_map(path)]))
    return corpora


def _cmd_summary(args: argparse.Namespace) -> int:
    corpora = _corpora(args.paths)
    summary: list[dict[str, Any]] = []
    for corpus in corpora:
        relations = Counter(str(r.kind) for r in corpus.relations)
        summary.append(
            {
                "corpus": {"id": corpus.id, "title": corpus.title},
                "essays": [_essay_counts(m) for m in corpus.maps],
                "equivalences": len(corpus.equivalences),
                "relations": dict(sorted(relations.items())),
            }
        )
    if args.json:
        json.dump(summary, sys.stdout, indent=2)
        print()
        return 0
    for entry in summary:
        essays = entry["essays"]
        if entry["corpus"]["title"]:
            print(f"Corpus: {entry['corpus']['title']}\n")
        rows = [
            [
                e["id"],
                *e["nodes"].values(),
                sum(e["nodes"].values()),
                *e["edges"].values(),
                sum(e["edges"].values()),
            ]
            for e in essays
        ]
        if len(rows) > 1:
            rows.append(["total", *(sum(r[i] for r in rows) for i in range(1, len(rows[0])))])
        headers = [
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
        print(format_table(headers, rows))
        print()
        for e in essays:
            print(f"  {e['id']}: {e['title']}")
        relations = entry["relations"]
        if entry["equivalences"] or relations:
            listed = ", ".join(f"{_plural(n, kind)}" for kind, n in relations.items()) or "none"
            print(
                f"\nCross-essay: {_plural(entry['equivalences'], 'equivalence group')}; relations: {listed}"
            )
        print()
    return 0


_TASKS = ("SE", "DC", "DS", "EE", "CE")
_ICCMA_SEMANTICS = ("CO", "GR", "PR", "ST", "SST", "STG", "ID", "EA")


def _iccma_set(names: Iterable[str], af: AF) -> str:
    return "[" + ",".join(sorted(names, key=af.index.__getitem__)) + "]"


def _cmd_solve(args: argparse.Namespace) -> int:
    if args.formats:
        print("[" + ",".join(FORMATS) + "]")
        return 0
    if args.problems:
        print("[" + ",".join(f"{t}-{s}" for t in _TASKS for s in _ICCMA_SEMANTICS) + "]")
        return 0
    if not args.task or not args.file:
        raise ArgmapError("solve needs -p TASK and -f FILE (or --formats, --problems)")
    task, _, name = args.task.upper().partition("-")
    if task not in _TASKS or name not in _ICCMA_SEMANTICS:
        raise ArgmapError(f"unknown problem '{args.task}'; see 'argmap solve --problems'")
    fmt = args.fo or Path(args.file).suffix.lstrip(".")
    af = AF.from_file(args.file, fmt)
    if task in ("DC", "DS"):
        if not args.a:
            raise ArgmapError(f"{args.task} needs the query argument: -a ARG")
        decide = is_credulously_accepted if task == "DC" else is_skeptically_accepted
        print("YES" if decide(af, args.a, name, timeout=args.timeout) else "NO")
    elif task == "SE":
        found = some_extension(af, name, timeout=args.timeout)
        if found is None:
            print("NO")
        elif fmt == "i23":
            print(" ".join(["w", *sorted(found, key=af.index.__getitem__)]))
        else:
            print(_iccma_set(found, af))
    elif task == "EE":
        print(
            "["
            + ",".join(_iccma_set(e, af) for e in iter_extensions(af, name, timeout=args.timeout))
            + "]"
        )
    else:
        print(count_extensions(af, name, timeout=args.timeout))
    return 0


def _target(path: str, support: str) -> tuple[AF | ArgumentMap, AF, str]:
    """A map (read from YAML) or a framework (from an ICCMA file), its AF and its name."""
    if Path(path).suffix in (".yaml", ".yml"):
        m = read_map(path)
        return m, attack_graph(m, support).af(), m.id
    af = AF.from_file(path)
    return af, af, Path(path).name


def _cmd_extensions(args: argparse.Namespace) -> int:
    target, af, name = _target(args.path, args.support)
    if isinstance(target, ArgumentMap):
        found = map_extensions(target, args.semantics, support=args.support, timeout=args.timeout)
        order = {n.id: i for i, n in enumerate(target.nodes)}
    else:
        found, order = extensions(af, args.semantics, timeout=args.timeout), af.index
    members = sorted(order, key=order.__getitem__)
    status = {a: acceptance(a, found) for a in members}
    if args.json:
        json.dump(
            {
                "target": name,
                "semantics": str(Semantics.parse(args.semantics)),
                "support": args.support if isinstance(target, ArgumentMap) else None,
                "extensions": [sorted(e, key=order.__getitem__) for e in found],
                "status": status,
            },
            sys.stdout,
            indent=2,
        )
        print()
        return 0
    reading = f", support: {args.support}" if isinstance(target, ArgumentMap) else ""
    print(
        f"{name}: {_plural(len(found), Semantics.parse(args.semantics) + ' extension')}{reading}\n"
    )
    for i, e in enumerate(found, 1):
        listed = ", ".join(sorted(e, key=order.__getitem__)) or "(empty)"
        print(f"extension {i} ({_plural(len(e), 'argument')}):")
        print(
            textwrap.fill(
                listed,
                width=100,
                initial_indent="  ",
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
        )
    if isinstance(target, ArgumentMap):
        print()
        table = [[n.id, str(n.kind), status[n.id], n.text[:70]] for n in target.nodes]
        print(format_table(["node", "kind", "status", "text"], table))
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    target, _, _ = _target(args.path, args.support)
    found = [
        explain(
            target, a, args.semantics, mode=args.mode, support=args.support, timeout=args.timeout
        )
        for a in args.arguments
    ]
    if args.json:
        json.dump([e.to_dict() for e in found], sys.stdout, indent=2)
        print()
    else:
        print("\n\n".join(str(e) for e in found))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.name))
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    from argmap.convert import convert

    m = convert(
        args.source,
        args.target,
        source_format=args.source_format,
        target_format=args.target_format,
        support=args.support,
    )
    print(
        f"wrote {args.target}: {_plural(len(m.nodes), 'node')}, {_plural(len(m.edges), 'edge')}",
        file=sys.stderr,
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Formal argument maps of essays: check, summarise, analyse and render them.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser(
        "check",
        help="validate map and corpus files",
        description="Validate map and corpus files (a folder means the YAML files in it). "
        "Prints one line per problem as path:line:column: severity: message [code].",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="map or corpus files, or folders of them"
    )
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument(
        "--json",
        action="store_true",
        help="print the problems as a JSON list (with --consistency: the consistency as JSON)",
    )
    p.add_argument(
        "--consistency",
        action="store_true",
        help="once the files are valid, report which essays of each folder are jointly "
        "consistent (the maximal consistent subsets)",
    )
    semantics_options(p)
    mode_option(p)
    p.set_defaults(run=_cmd_check)

    p = commands.add_parser(
        "summary",
        help="count nodes and edges per essay",
        description="A table per folder: each essay's nodes by kind and edges by kind, and the corpus's cross-essay relations.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders of maps, or map files")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=_cmd_summary)

    p = commands.add_parser(
        "extensions",
        help="the extensions of a map or framework",
        description="List the extensions of a map (YAML) or an ICCMA framework file (apx, tgf, i23) "
        "under a semantics, and each argument's status: skeptical (in every extension), "
        "credulous (in some) or rejected.",
    )
    p.add_argument("path", metavar="PATH", help="a map or framework file")
    semantics_options(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(run=_cmd_extensions)

    p = commands.add_parser(
        "explain",
        help="why an argument is accepted or rejected",
        description="Explain arguments' status: a defence tree under grounded, a witness or "
        "counterexample extension under the others.",
    )
    p.add_argument("path", metavar="PATH", help="a map or framework file")
    p.add_argument("arguments", nargs="+", metavar="ARG", help="node ids (or argument names)")
    semantics_options(p)
    mode_option(p, "acceptance mode for semantics with several extensions (default: skeptical)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=_cmd_explain)

    p = commands.add_parser(
        "solve",
        help="answer ICCMA tasks on a framework file",
        description="The ICCMA solver interface: SE (some extension), DC/DS (credulous/skeptical "
        "acceptance of -a ARG), EE (every extension), CE (count) for CO GR PR ST SST STG ID EA. "
        "i23 files get ICCMA 2023 output (w 1 2 / YES / NO); apx and tgf ICCMA 2019 output.",
    )
    p.add_argument("--formats", action="store_true", help="list the supported file formats")
    p.add_argument("--problems", action="store_true", help="list the supported problems")
    p.add_argument("-p", dest="task", metavar="TASK", help="the problem, e.g. DC-PR")
    p.add_argument("-f", dest="file", metavar="FILE", help="the framework file")
    p.add_argument(
        "-fo", dest="fo", choices=FORMATS, help="its format (default: the file's extension)"
    )
    p.add_argument("-a", dest="a", metavar="ARG", help="the query argument of DC and DS")
    timeout_option(p)
    p.set_defaults(run=_cmd_solve)

    p = commands.add_parser(
        "schema",
        help="print a JSON Schema of the file format",
        description="Print the JSON Schema of an essay map or of a corpus file, for editors.",
    )
    p.add_argument("name", choices=["map", "corpus"], help="which file format")
    p.set_defaults(run=_cmd_schema)

    from argmap.formats.registry import FORMAT_NAMES as CONVERSIONS

    p = commands.add_parser(
        "convert",
        help="convert a map between formats",
        description="Convert a map between argmap YAML, AIF JSON, node-link JSON, GraphML and "
        "the ICCMA formats (i23, apx, tgf: the attack graph under --support). Formats come "
        "from the file names (.json is sniffed when read, written as AIF) unless given.",
    )
    p.add_argument("source", metavar="IN", help="the file to read")
    p.add_argument("target", metavar="OUT", help="the file to write")
    p.add_argument("--from", dest="source_format", choices=CONVERSIONS, help="IN's format")
    p.add_argument("--to", dest="target_format", choices=CONVERSIONS, help="OUT's format")
    support_option(p, "how supports become attacks for the ICCMA formats (default: necessary)")
    p.set_defaults(run=_cmd_convert)

    add_corpus_commands(commands)
    add_render_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command with ``argv`` (default: the process's arguments)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ArgmapError as exc:
        print(f"argmap: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return status

"""The map commands of ``argmap``: check, summary, schema and convert."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap.checking import CheckReport, check
from argmap.cli.output import emit, format_table, plural, table, width, wrapped
from argmap.cli.paths import need_file
from argmap.formats.yaml import read_corpus, read_map
from argmap.model import ArgumentMap, Corpus, NodeKind
from argmap.schemes import catalogue_of

__all__ = ["check_files", "convert_file", "schema", "summary"]


def _verdict(report: CheckReport, strict: bool) -> str:
    verdict = "passed" if report.ok(strict) else "failed"
    return (
        f"argmap check {verdict}: {plural(len(report.files), 'file')}, "
        f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}"
        + (" (warnings fail --strict)" if strict and report.warnings else "")
    )


def check_files(args: argparse.Namespace) -> int:
    """``argmap check``: the problems (1 if any fails), then ``--consistency`` if asked."""
    report = check(args.paths, catalogue_of(args.catalogue or ()))
    ok = report.ok(args.strict)
    with_consistency = args.consistency and ok
    if not (with_consistency and args.json):  # --consistency --json: the consistency alone
        emit(list(report.problems), args, lambda problems: [str(p) for p in problems])
    if not args.json:
        print(_verdict(report, args.strict), file=sys.stderr)
    if with_consistency:
        from argmap.cli.corpus import check_consistency

        return check_consistency(args, report.corpora)
    return 0 if ok else 1


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


def _corpus_counts(corpus: Corpus) -> dict[str, Any]:
    relations = Counter(str(r.kind) for r in corpus.relations)
    return {
        "corpus": {"id": corpus.id, "title": corpus.title},
        "essays": [_essay_counts(m) for m in corpus.maps],
        "equivalences": len(corpus.equivalences),
        "relations": dict(sorted(relations.items())),
    }


_SUMMARY_HEADERS = [
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


def _summary_tables(essays: list[dict[str, Any]]) -> list[str]:
    """One table of nodes and edges per essay; a table of nodes and one of edges if narrow."""
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
    whole = format_table(_SUMMARY_HEADERS, rows)
    if max(len(line) for line in whole.splitlines()) <= width():
        return [whole]
    split = 1 + len(NodeKind) + 1  # essay, a column per kind of node, their total
    nodes = table(_SUMMARY_HEADERS[:split], [r[:split] for r in rows])
    edges = table(
        _SUMMARY_HEADERS[:1] + _SUMMARY_HEADERS[split:], [r[:1] + r[split:] for r in rows]
    )
    return [nodes, "", edges]


def _summary_text(summary: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for entry in summary:
        if entry["corpus"]["title"]:
            out += [wrapped(f"Corpus: {entry['corpus']['title']}", ""), ""]
        out += [*_summary_tables(entry["essays"]), ""]
        out += [wrapped(f"{e['id']}: {e['title']}", "  ", hanging="    ") for e in entry["essays"]]
        relations = entry["relations"]
        if entry["equivalences"] or relations:
            listed = ", ".join(plural(n, kind) for kind, n in relations.items()) or "none"
            groups = plural(entry["equivalences"], "equivalence group")
            out += ["", wrapped(f"Cross-essay: {groups}; relations: {listed}", "")]
        out.append("")
    return out


def summary(args: argparse.Namespace) -> int:
    """``argmap summary``: nodes and edges by kind, per essay of each folder or file."""
    emit([_corpus_counts(c) for c in _corpora(args.paths)], args, _summary_text)
    return 0


def schema(args: argparse.Namespace) -> int:
    """``argmap schema``: the JSON Schema of a map or a corpus file."""
    from argmap.schema import schema_text

    sys.stdout.write(schema_text(args.name))
    return 0


def convert_file(args: argparse.Namespace) -> int:
    """``argmap convert``: read a map in one format and write it in another."""
    from argmap.convert import convert

    need_file(args.source, "convert", "a map in a format 'argmap convert --help' lists", False)
    m = convert(
        args.source,
        args.target,
        source_format=args.source_format,
        target_format=args.target_format,
        support=args.support,
    )
    print(
        f"wrote {args.target}: {plural(len(m.nodes), 'node')}, {plural(len(m.edges), 'edge')}",
        file=sys.stderr,
    )
    return 0

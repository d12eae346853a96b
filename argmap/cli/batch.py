"""``argmap batch``: validate and solve many maps in parallel on Dask, rows to Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from argmap.batch import Task, run_batch
from argmap.cli.output import emit, plural, progress_line, table, wrapped
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.analysis.alignment import Alignment

from argmap.model import ArgumentMap

__all__ = ["align_maps", "batch_maps"]


def batch_maps(args: argparse.Namespace) -> int:
    """``argmap batch PATH... -o DIR``: one row per map and per node; 1 if a map failed."""
    task = Task(
        args.semantics,
        args.credulous,
        args.support,
        args.strength,
        args.questions,
        args.timeout,
    )
    progress = progress_line("maps")

    summary = run_batch(
        args.paths,
        args.output,
        task,
        scheduler=args.scheduler,
        workers=args.workers,
        fmt=args.format,
        resume=args.resume,
        progress=None if args.json else progress,
    )
    if not args.json:
        print(file=sys.stderr)

    def text(_: object) -> list[str]:
        rate = (summary.maps - summary.skipped) / summary.seconds if summary.seconds else 0.0
        rows: list[list[object]] = [
            ["maps", f"{summary.maps:,}"],
            ["failed (see their rows' error)", f"{summary.failed:,}"],
            ["done by an earlier run (--resume)", f"{summary.skipped:,}"],
            ["nodes", f"{summary.nodes:,}"],
            ["recommendations", f"{summary.recommendations:,}"],
            [f"accepted ({task.semantics})", f"{summary.accepted:,}"],
            ["workers", summary.workers],
            ["seconds", f"{summary.seconds:.1f}"],
            ["maps per second", f"{rate:,.0f}"],
        ]
        return [
            table(["", "batch"], rows, rule=False),
            wrapped(f"rows in {summary.out}/maps and {summary.out}/nodes ({args.format})", ""),
        ]

    emit(summary.to_dict(), args, text)
    return 1 if summary.failed else 0


@attrs.frozen
class _Aligned:
    """The maps ``argmap align`` reads, the links their corpus files hold, and failures."""

    maps: list[ArgumentMap] = attrs.Factory(list)
    grouped: set[str] = attrs.Factory(set)
    """Nodes already in an equivalence (``essay:node``)."""
    related: set[tuple[str, str]] = attrs.Factory(set)
    """Pairs of nodes already related."""
    failed: list[ArgmapError] = attrs.Factory(list)
    """The maps that could not be read: their located errors (the others are aligned)."""


def _aligned_maps(paths: list[str]) -> _Aligned:
    """The maps of the PATHs, and the nodes grouped and pairs related by corpus files there."""
    from argmap.batch import read_source, sources
    from argmap.formats.yaml import read_corpus

    found = _Aligned()
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and any((path / n).exists() for n in ("corpus.yaml", "corpus.yml")):
            corpus = read_corpus(path)  # its own links are not suggested again
            found.maps.extend(corpus.maps)
            found.grouped.update(str(ref) for g in corpus.equivalences for ref in g.members)
            found.related.update((str(r.source), str(r.target)) for r in corpus.relations)
            continue
        for source in sources([path]):
            try:
                found.maps.append(read_source(source))
            except ArgmapError as error:
                found.failed.append(error)
    return found


def _alignment_text(
    found: Alignment, maps: int, method: str, args: argparse.Namespace
) -> list[str]:
    groups, relations = found.equivalences, found.relations
    out = [
        wrapped(
            f"{plural(len(groups), 'suggested equivalence group')} and "
            f"{plural(len(relations), 'suggested contradiction')} among {maps} maps (word "
            f"overlap >= {args.threshold}, {method}); review them"
            + (f" in {args.output}" if args.output else "")
            + ": nothing is merged.",
            "",
        )
    ]
    if groups:
        rows = [[f"{s.score:.2f}", ", ".join(s.members)] for s in groups[:SHOWN]]
        out += ["", table(["score", "equivalent"], rows, cut=(1,))]
        if len(groups) > SHOWN:
            out.append(f"… and {len(groups) - SHOWN} more")
    if relations:
        out += ["", "score  contradiction", "-----  " + "-" * 13]
        for r in relations[:SHOWN]:
            out.append(f"{r.score:.2f}".ljust(7) + r.source)  # an id: not wrapped
            out.append(wrapped(f"<-> {r.target}", "       "))
            out.append(wrapped(f"({r.cue})", "       "))
        if len(relations) > SHOWN:
            out.append(f"… and {len(relations) - SHOWN} more")
    return out


def align_maps(args: argparse.Namespace) -> int:
    """``argmap align PATH... -o FILE``: suggested equivalences and contradictions."""
    from argmap.analysis.alignment import align, review_text
    from argmap.formats.text import write_text

    read = _aligned_maps(args.paths)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    found = align(
        read.maps,
        args.threshold,
        kinds,
        exact=args.exact,
        grouped=read.grouped,
        related=read.related,
    )
    method = "All-Pairs, exact" if args.exact else "MinHash LSH candidates"
    if found.candidates is not None:
        method += f": {found.candidates:,} pairs compared"
    if args.output is not None:
        review = review_text(found.equivalences, args.threshold, method, found.relations)
        write_text(args.output, review)
    text = _alignment_text(found, len(read.maps), method, args)
    failed = [{"error": str(e), "problems": len(e.problems) or 1} for e in read.failed]
    emit({"threshold": args.threshold, **found.to_dict(), "failed": failed}, args, lambda _: text)
    for error in read.failed:  # after the answer: the maps left out, each located
        print(f"argmap align: left out: {error}", file=sys.stderr)
    return 1 if read.failed else 0


SHOWN = 20
"""How many suggestions of each kind ``argmap align`` prints (the review file has all)."""

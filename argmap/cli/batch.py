"""``argmap batch``: validate and solve many maps in parallel on Dask, rows to Parquet."""

from __future__ import annotations

import argparse
import sys

from argmap.batch import Task, run_batch
from argmap.cli.output import emit, table, wrapped

__all__ = ["align_maps", "batch_maps"]


def batch_maps(args: argparse.Namespace) -> int:
    """``argmap batch PATH... -o DIR``: one row per map and per node; 1 if a map failed."""
    task = Task(
        args.semantics,
        None if args.credulous == "none" else args.credulous,
        args.support,
        args.strength,
        args.questions,
        args.timeout,
    )
    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != shown["last"]:
            shown["last"] = percent
            print(f"\r  {done:,} of {total:,} maps ({percent}%)", end="", file=sys.stderr)

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


def align_maps(args: argparse.Namespace) -> int:
    """``argmap align PATH... -o FILE``: suggested equivalences, to a review file."""
    from pathlib import Path

    from argmap.analysis.alignment import review_text, suggest_equivalences, to_dict
    from argmap.batch import read_source, sources
    from argmap.formats.text import write_text
    from argmap.formats.yaml import read_corpus

    maps, grouped = [], set()
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir() and any((path / n).exists() for n in ("corpus.yaml", "corpus.yml")):
            corpus = read_corpus(path)  # its own equivalences are not suggested again
            maps += list(corpus.maps)
            grouped |= {str(ref) for group in corpus.equivalences for ref in group.members}
        else:
            maps += [read_source(s) for s in sources([path])]
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    found = suggest_equivalences(maps, args.threshold, kinds, exact=args.exact, grouped=grouped)
    method = "every pair sharing a word" if args.exact else "MinHash LSH candidates"
    if args.output is not None:
        write_text(args.output, review_text(found, args.threshold, method))

    def text(_: object) -> list[str]:
        rows = [[f"{s.score:.2f}", ", ".join(s.members)] for s in found[:20]]
        out = [
            wrapped(
                f"{len(found)} suggested equivalence groups among {len(maps)} maps (word "
                f"overlap >= {args.threshold}, {method}); review them"
                + (f" in {args.output}" if args.output else "")
                + ": nothing is merged.",
                "",
            )
        ]
        if rows:
            out += ["", table(["score", "members"], rows, cut=(1,))]
        if len(found) > 20:
            out.append(f"… and {len(found) - 20} more")
        return out

    emit({"threshold": args.threshold, "suggestions": to_dict(found)}, args, text)
    return 0

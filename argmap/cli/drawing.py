"""The drawing commands of ``argmap``: render (a map or a corpus) and report (a site)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus, read_map
from argmap.options import DEFAULT_SEMANTICS, Clustering, Direction

__all__ = ["render", "report"]


def render(args: argparse.Namespace) -> int:
    """``argmap render``: draw a map or a corpus with Graphviz."""
    from argmap.render.diagrams import corpus_drawing, draw_diagram, map_drawing

    out = Path(args.output)
    fmt = str(args.format or out.suffix.lstrip(".") or "svg")
    source = Path(args.path)
    if source.is_dir():
        if args.direction is not None or args.cluster is not None:
            raise ArgmapError("--direction and --cluster apply to a map, not to a corpus folder")
        if args.strength is not None:
            raise ArgmapError(
                "--strength shades one map's nodes; for a corpus, argmap report shades each "
                "essay's page"
            )
        dot = corpus_drawing(
            read_corpus(source),
            args.semantics or DEFAULT_SEMANTICS,
            args.support,
            recommendations_only=args.recommendations_only,
            timeout=args.timeout,
        )
    else:
        dot = map_drawing(
            read_map(source),
            args.semantics,
            args.support,
            extension=args.extension,
            show_legend=not args.no_legend,
            direction=args.direction or Direction.AUTO,
            cluster=args.cluster or Clustering.NONE,
            timeout=args.timeout,
            strength=args.strength,
        )
    data = draw_diagram(dot, out, fmt)
    print(f"wrote {out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0


def report(args: argparse.Namespace) -> int:
    """``argmap report``: a static HTML site of a corpus."""
    from argmap.render.report import write_report

    source = Path(args.path)
    if not source.is_dir():
        raise ArgmapError(f"{source}: expected a folder of maps with a corpus.yaml")
    index = write_report(
        read_corpus(source),
        args.output,
        args.semantics,
        args.support,
        timeout=args.timeout,
        direction=args.direction,
        progress=lambda message: print(f"  {message}", file=sys.stderr),
        force=args.force,
        strength=args.strength,
    )
    print(f"wrote the report: {index}")
    return 0

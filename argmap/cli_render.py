"""The drawing commands of ``argmap``: render (a map or a corpus) and report (a site)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli_options import semantics_options, support_option, timeout_option
from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus, read_map
from argmap.render.dot import FORMATS

__all__ = ["add_render_commands"]


def _cmd_render(args: argparse.Namespace) -> int:
    from argmap.render.diagrams import corpus_drawing, draw_diagram, map_drawing

    out = Path(args.output)
    fmt = args.format or out.suffix.lstrip(".") or "svg"
    source = Path(args.path)
    if source.is_dir():
        dot = corpus_drawing(
            read_corpus(source),
            args.semantics or "grounded",
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
            timeout=args.timeout,
        )
    data = draw_diagram(dot, out, fmt)
    print(f"wrote {out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from argmap.render.report import write_report

    source = Path(args.path)
    if not source.is_dir():
        raise ArgmapError(f"{source}: expected a folder of maps with a corpus.yaml")
    index = write_report(
        read_corpus(source),
        args.output,
        args.semantics,
        args.support,
        progress=lambda message: print(f"  {message}", file=sys.stderr),
    )
    print(f"wrote the report: {index}")
    return 0


def add_render_commands(commands: Any) -> None:
    """Add render and report to the ``argmap`` parser."""
    p = commands.add_parser(
        "render",
        help="draw a map or a corpus with Graphviz",
        description="Draw a map (YAML file) or a corpus (folder) as SVG, PNG, PDF or DOT, by "
        "the output's extension or --format. With --semantics, nodes are filled by their "
        "status: the label under grounded, ideal or eager; with several extensions, "
        "--extension K picks one, else skeptical/credulous/rejected.",
    )
    p.add_argument("path", metavar="PATH", help="a map file or a folder of maps")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    p.add_argument("--format", choices=FORMATS, help="default: from OUT")
    p.add_argument("-s", "--semantics", default=None, help="fill nodes by status under it")
    support_option(p, "how supports are read (default: necessary)")
    p.add_argument("--extension", type=int, metavar="K", help="colour by extension K (1-based)")
    p.add_argument(
        "--recommendations-only",
        action="store_true",
        help="corpus: only recommendations and the nodes the corpus file links",
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    timeout_option(p)
    p.set_defaults(run=_cmd_render)

    p = commands.add_parser(
        "report",
        help="write a static HTML report of a corpus",
        description="Write a self-contained static site: an index with the corpus diagram, "
        "consensus and conflicts, and a page per essay with its diagram, extensions and "
        "recommendations.",
    )
    p.add_argument("path", metavar="FOLDER", help="a folder of maps with its corpus.yaml")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write")
    semantics_options(p)
    p.set_defaults(run=_cmd_report)

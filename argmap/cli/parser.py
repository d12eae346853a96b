"""The ``argmap`` argument parser, built from cheap modules only.

Each subcommand names its handler as ``"module:function"`` of the command modules
(:mod:`~argmap.cli.maps`, :mod:`~argmap.cli.semantics`, :mod:`~argmap.cli.iccma`,
:mod:`~argmap.cli.corpus`, :mod:`~argmap.cli.drawing`); :func:`argmap.cli.main` imports that module, and with it the
library, only when the command runs. ``argmap --help`` and ``argmap --version`` load none
of it.
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap import __version__
from argmap.cli.options import (
    CONVERSIONS,
    FRAMEWORK_FORMATS,
    catalogue_option,
    choice,
    cluster_option,
    dask_options,
    debug_option,
    diagram_format_option,
    direction_option,
    json_option,
    mode_option,
    operator_option,
    rule_option,
    semantics_option,
    semantics_options,
    support_option,
    timeout_option,
)
from argmap.options import BatchFormat, Direction, GradualSemantics, Semantics

__all__ = ["build_parser"]

Commands = Any  # argparse's private _SubParsersAction


def _command(
    commands: Commands, name: str, handler: str, help: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand run by ``handler`` (``"module:function"`` of ``argmap.cli``)."""
    p: argparse.ArgumentParser = commands.add_parser(name, help=help, description=description)
    p.set_defaults(handler=handler)
    debug_option(p, default=argparse.SUPPRESS)  # after the command too; keeps a global --debug
    return p


def _folder_command(
    commands: Commands, name: str, handler: str, help: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand on a corpus folder, with ``--json``."""
    p = _command(commands, name, handler, help, description)
    p.add_argument("path", metavar="FOLDER", help="a folder of maps with its corpus.yaml")
    json_option(p)
    return p


def _add_map_commands(commands: Commands) -> None:
    """The commands check and summary."""
    p = _command(
        commands,
        "check",
        "maps:check_files",
        "validate map and corpus files",
        "Validate map and corpus files (a folder means the YAML files in it). "
        "Prints one line per problem as path:line:column: severity: message [code].",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="map or corpus files, or folders of them"
    )
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    json_option(
        p, "print the problems as a JSON list (with --consistency: the consistency as JSON)"
    )
    p.add_argument(
        "--consistency",
        action="store_true",
        help="once the files are valid, report which essays of each folder are jointly "
        "consistent (the maximal consistent subsets)",
    )
    _comments_option(p, "with --consistency, consider reader comments (role: comments) too")
    semantics_options(p)
    mode_option(p)
    catalogue_option(p)

    p = _command(
        commands,
        "summary",
        "maps:summary",
        "count nodes and edges per essay",
        "A table per folder: each essay's nodes by kind and edges by kind, and the corpus's "
        "cross-essay relations.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders of maps, or map files")
    json_option(p, "print JSON instead of a table")


def _add_semantics_commands(commands: Commands) -> None:
    """The commands extensions, explain and solve."""
    p = _command(
        commands,
        "extensions",
        "semantics:extensions_of",
        "the extensions of a map or framework",
        "List the extensions of a map (YAML) or an ICCMA framework file (apx, tgf, i23) "
        "under a semantics, and each argument's status: accepted, rejected or undecided "
        "under grounded, ideal or eager (one extension); skeptically accepted (in every "
        "extension), credulously accepted (in some) or rejected (in none) under the others.",
    )
    p.add_argument("path", metavar="PATH", help="a map or framework file")
    semantics_options(p)
    p.add_argument(
        "--strength",
        type=choice(GradualSemantics),
        metavar="GRADUAL",
        help="also each node's strength under a gradual semantics: dfquad, quadratic-energy, "
        "euler or h-categoriser (maps only; see argmap strength)",
    )
    json_option(p, "print JSON instead of tables")

    p = _command(
        commands,
        "strength",
        "gradual:strength_of",
        "how strongly each node of a map stands",
        "Each node's strength in [0, 1] under a gradual semantics, from the nodes' weights "
        "(0.5 where a node has none) and the map's supports, attacks and undercuts; a "
        "linked reason is as strong as its weakest premise (docs/gradual.md).",
    )
    p.add_argument(
        "path",
        metavar="PATH",
        help="a map (.yaml), or a folder: each essay's recommendations under every semantics",
    )
    p.add_argument(
        "--semantics",
        "-s",
        type=choice(GradualSemantics),
        default=GradualSemantics.DFQUAD,
        help="dfquad, quadratic-energy, euler or h-categoriser (attacks only; default: dfquad)",
    )
    p.add_argument(
        "--explain",
        metavar="NODE",
        help="also each item's contribution to NODE's strength, and the smallest change of one "
        "weight that takes NODE across --threshold",
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="the strength --explain's changes cross (default: 0.5)",
    )
    json_option(p, 'print JSON: {"semantics": ..., "strengths": {node: value}, "reasons": ...}')

    p = _command(
        commands,
        "explain",
        "semantics:explain_arguments",
        "why an argument is accepted or rejected",
        "Explain arguments' status: a defence tree under grounded, a witness or "
        "counterexample extension under the others.",
    )
    p.add_argument("path", metavar="PATH", help="a map or framework file")
    p.add_argument("arguments", nargs="+", metavar="ARG", help="node ids (or argument names)")
    semantics_options(p)
    mode_option(p, "acceptance mode for semantics with several extensions (default: skeptical)")
    json_option(p)

    p = _command(
        commands,
        "solve",
        "iccma:solve",
        "answer ICCMA tasks on a framework file",
        "The ICCMA solver interface: SE (some extension), DC/DS (credulous/skeptical "
        "acceptance of -a ARG), EE (every extension), CE (count) for CO GR PR ST SST STG ID EA. "
        "i23 files get ICCMA 2023 output (w 1 2 / YES / NO); apx and tgf ICCMA 2019 output.",
    )
    p.add_argument("--formats", action="store_true", help="list the supported file formats")
    p.add_argument("--problems", action="store_true", help="list the supported problems")
    p.add_argument("-p", dest="task", metavar="TASK", help="the problem, e.g. DC-PR")
    p.add_argument("-f", dest="file", metavar="FILE", help="the framework file")
    p.add_argument(
        "-fo",
        dest="fo",
        choices=FRAMEWORK_FORMATS,
        help="its format (default: the file's extension)",
    )
    p.add_argument("-a", dest="a", metavar="ARG", help="the query argument of DC and DS")
    timeout_option(p)


def _add_file_commands(commands: Commands) -> None:
    """The commands schema and convert."""
    p = _command(
        commands,
        "schema",
        "maps:schema",
        "print a JSON Schema of the file format",
        "Print the JSON Schema of an essay map or of a corpus file, for editors.",
    )
    p.add_argument("name", choices=["map", "corpus"], help="which file format")

    p = _command(
        commands,
        "convert",
        "maps:convert_file",
        "convert a map between formats",
        "Convert a map between argmap YAML, AIF JSON, node-link JSON, GraphML and "
        "the ICCMA formats (i23, apx, tgf: the attack graph under --support). Formats come "
        "from the file names (.json is sniffed when read, written as AIF) unless given.",
    )
    p.add_argument("source", metavar="IN", help="the file to read")
    p.add_argument("target", metavar="OUT", help="the file to write")
    known = ", ".join(CONVERSIONS)
    for flag, dest, of in (("--from", "source_format", "IN"), ("--to", "target_format", "OUT")):
        p.add_argument(
            flag, dest=dest, choices=CONVERSIONS, metavar="FORMAT", help=f"{of}'s format: {known}"
        )
    support_option(p, "the reading whose framework the ICCMA formats carry")
    timeout_option(p)


def _comments_option(p: argparse.ArgumentParser, help: str) -> None:
    """``--include-comments``: count maps of reader comments beside the essays."""
    p.add_argument(
        "--include-comments",
        action="store_true",
        help=help + "; by default only essays are counted",
    )


def _all_option(p: argparse.ArgumentParser, help: str) -> None:
    """``--all``: list everything, where the text output summarises a long list."""
    p.add_argument("--all", action="store_true", help=help)


def _add_scheme_commands(commands: Commands) -> None:
    """The commands schemes and questions."""
    p = _command(
        commands,
        "schemes",
        "schemes:list_schemes",
        "the catalogue of argumentation schemes",
        "List the argumentation schemes a reason may name (scheme: in a map), with their "
        "premise roles and critical questions; SCHEME shows one in full.",
    )
    p.add_argument("scheme", nargs="?", metavar="SCHEME", help="a scheme's id, name or AIF name")
    catalogue_option(p)
    json_option(
        p, 'print JSON: {"schemes": [{"id", "name", "premises", "critical_questions", "aif", ...}]}'
    )

    p = _command(
        commands,
        "questions",
        "schemes:open_questions",
        "the critical questions each recommendation leaves open",
        "For each recommendation of a map (or of each map in a folder): the schemes of the "
        "reasons leading to it, the critical questions the map answers, and those it leaves "
        "open, most telling first: decisive ones (a 'no' would take the recommendation out "
        "of the accepted set) before the rest, by how much strength a 'no' takes away.",
    )
    p.add_argument("path", metavar="PATH", help="a map (.yaml), or a folder of maps")
    p.add_argument(
        "--assume-questions",
        action="store_true",
        help="also each recommendation's status with every open question entered as an "
        "undecided undercutter of its reason (what its acceptance rests on)",
    )
    _all_option(p, "list every open question (by default the five most telling)")
    semantics_options(p)
    catalogue_option(p)
    json_option(p)


def _credulous(text: str) -> Semantics | None:
    """``--credulous``: a semantics, or ``none`` (no credulous acceptance computed)."""
    return None if text == "none" else choice(Semantics)(text)


def _add_batch_command(commands: Commands) -> None:
    """The command batch."""
    p = _command(
        commands,
        "batch",
        "batch:batch_maps",
        "validate and solve many maps in parallel (Dask), rows to Parquet",
        "Read every map of the PATHs (folder trees of any format argmap reads, corpus files "
        "aside; JSON-lines files of maps, one per line), validate and solve each — each "
        "node's status under --semantics, each recommendation's credulous acceptance under "
        "--credulous, optionally --strength and --questions — and write one row per map and "
        "one per node to DIR/maps and DIR/nodes, chunk by chunk (DIR/manifest.jsonl lists "
        "the chunks done; --resume goes on from there). A map that cannot be read gets its "
        "located error in its row, and the batch goes on (exit 1 at the end). Runs on a "
        "local Dask cluster of every core, or --scheduler ADDRESS.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders, map files, .jsonl files")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write")
    p.add_argument(
        "--format",
        type=choice(BatchFormat),
        default=BatchFormat.PARQUET,
        help="parquet (the default) or jsonl",
    )
    semantics_options(p)
    p.add_argument(
        "--credulous",
        type=_credulous,
        default=Semantics.PREFERRED,
        metavar="SEMANTICS",
        help="the semantics of each recommendation's credulous acceptance (default: "
        "preferred; 'none' to skip)",
    )
    p.add_argument(
        "--strength",
        type=choice(GradualSemantics),
        metavar="GRADUAL",
        help="also each node's strength under a gradual semantics",
    )
    p.add_argument(
        "--questions",
        action="store_true",
        help="also the number of each recommendation's open critical questions",
    )
    dask_options(p, "a local cluster")
    p.add_argument("--resume", action="store_true", help="go on with an interrupted batch in DIR")
    json_option(p, "print the summary as JSON")


def _add_align_command(commands: Commands) -> None:
    """The command align."""
    p = _command(
        commands,
        "align",
        "batch:align_maps",
        "suggest equivalences between maps by their words, for review",
        "Suggest groups of nodes of different maps that say much the same thing (the "
        "Jaccard overlap of their content words at least --threshold), found by MinHash "
        "LSH so that the comparisons grow near-linearly with the corpus (--exact: every "
        "pair sharing a word). Groups hold one node per map; a corpus folder's own "
        "equivalences are not suggested again. -o writes them as a review file in the "
        "corpus format: nothing is merged until a person moves them into corpus.yaml.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="corpus folders, folders, map files")
    p.add_argument("-o", "--output", metavar="FILE", help="the review file to write (YAML)")
    p.add_argument(
        "--threshold", type=float, default=0.6, help="the least word overlap (default: 0.6)"
    )
    p.add_argument(
        "--kinds",
        default="recommendation",
        help="the node kinds compared, comma-separated (default: recommendation)",
    )
    p.add_argument(
        "--exact",
        action="store_true",
        help="find every pair exactly (All-Pairs prefix filtering) instead of hashing",
    )
    json_option(p, 'print JSON: {"threshold", "suggestions": [{"members", "score"}]}')


def _components_options(p: argparse.ArgumentParser) -> None:
    """``--scheduler``/``--workers`` of a corpus command: component by component, on Dask."""
    dask_options(
        p,
        "the whole corpus in this process. Given either, the corpus is solved component by "
        "component (the parts no equivalence or relation joins), as tasks on Dask; the "
        "answer is the same",
    )


def _add_corpus_commands(commands: Commands) -> None:
    """The commands conflicts, consensus and fuse."""
    p = _folder_command(
        commands,
        "conflicts",
        "corpus:conflicts_in",
        "where one essay's accepted nodes attack another's",
        "Every attack (direct or derived under the support reading) from a node one essay "
        "accepts to a node another essay accepts, and whether the merged framework resolves "
        "it; then each essay whose own recommendations are not jointly acceptable.",
    )
    semantics_options(p)
    mode_option(p)
    p.add_argument("--direct", action="store_true", help="direct attacks only")
    _all_option(p, "detail every conflict (by default 10 stated, 5 derived, 5 of later evidence)")
    _components_options(p)

    p = _folder_command(
        commands,
        "consensus",
        "corpus:consensus_of",
        "recommendations the essays share, and what defeats them",
        "Recommendations grouped by equivalence, ranked by how many essays endorse them, with "
        "the essays opposing them and their status in the merged framework; the rule marks "
        "the consensus. With --strength, the matrix also gives how strongly each essay's own "
        "statement of a recommendation stands in its map.",
    )
    rule_option(p)
    p.add_argument(
        "--strength",
        type=choice(GradualSemantics),
        metavar="GRADUAL",
        help="add each stating essay's strength of each recommendation to the matrix: dfquad, "
        "quadratic-energy or euler",
    )
    p.add_argument(
        "--quorum", type=int, default=None, metavar="K", help="essays needed under --rule quorum"
    )
    _comments_option(p, "count reader comments (role: comments) as endorsers and opposers too")
    _all_option(
        p,
        "list every recommendation (by default those endorsed by one essay alone, "
        "unopposed and accepted, are counted, not listed)",
    )
    semantics_options(p)
    mode_option(p)
    _components_options(p)

    p = _folder_command(
        commands,
        "fuse",
        "corpus:fuse_essays",
        "merge the essays' frameworks (sum, max, leximax)",
        "Merge the essays' attack graphs over their shared (equivalence-merged) arguments with "
        "an operator of Coste-Marquis et al. (2007), and report which recommendations the "
        "merged framework accepts.",
    )
    operator_option(p)
    semantics_options(p)
    _comments_option(p, "merge the frameworks of reader comments (role: comments) too")


def _add_drawing_commands(commands: Commands) -> None:
    """The commands render and report."""
    p = _command(
        commands,
        "render",
        "drawing:render",
        "draw a map or a corpus with Graphviz",
        "Draw a map (YAML file) or a corpus (folder) as SVG, PNG, PDF or DOT, by "
        "the output's extension or --format. With --semantics, nodes are filled by their "
        "status: the label under grounded, ideal or eager; with several extensions, "
        "--extension K picks one, else skeptical/credulous/rejected. With --strength, "
        "each node of a map gets a badge with its strength, shaded from weak (orange) to "
        "strong (purple), and the fill too when there is no --semantics. A corpus is always "
        "read, under grounded unless --semantics says otherwise.",
    )
    p.add_argument("path", metavar="PATH", help="a map file or a folder of maps")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    diagram_format_option(p)
    semantics_option(p, None, "fill nodes by status under it")
    support_option(p, "how supports are read")
    p.add_argument("--extension", type=int, metavar="K", help="colour by extension K (1-based)")
    p.add_argument(
        "--strength",
        type=choice(GradualSemantics),
        metavar="GRADUAL",
        help="shade each node by its strength: dfquad, quadratic-energy or euler (maps only)",
    )
    p.add_argument(
        "--recommendations-only",
        action="store_true",
        help="corpus: only recommendations and the nodes the corpus file links",
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    direction_option(p)
    cluster_option(p)
    timeout_option(p)

    p = _command(
        commands,
        "report",
        "drawing:report",
        "write a static HTML report of a corpus",
        "Write a self-contained static site: an index with the corpus diagram, "
        "consensus and conflicts, and a page per essay with its diagram, extensions and "
        "recommendations. DIR must be new, empty or an earlier report (marked by its "
        ".argmap-report.json); pages are written atomically.",
    )
    p.add_argument("path", metavar="FOLDER", help="a folder of maps with its corpus.yaml")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write")
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that holds no argmap report (overwriting files "
        "named like its pages)",
    )
    direction_option(p, Direction.AUTO)
    semantics_options(p)
    p.add_argument(
        "--strength",
        type=choice(GradualSemantics),
        default=GradualSemantics.DFQUAD,
        metavar="GRADUAL",
        help="the gradual semantics of the strength badges and the matrix: dfquad (default), "
        "quadratic-energy or euler",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every ``argmap`` command; ``handler`` names what runs a command."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Formal argument maps of essays: check, summarise, analyse and render them.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    debug_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_map_commands(commands)
    _add_semantics_commands(commands)
    _add_scheme_commands(commands)
    _add_batch_command(commands)
    _add_align_command(commands)
    _add_file_commands(commands)
    _add_corpus_commands(commands)
    _add_drawing_commands(commands)
    return parser

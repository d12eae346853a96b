"""Options several ``argmap`` commands share, defined once.

Every option with a closed set of values parses into its enum of :mod:`argmap.options`
while the command line is read, so a bad value is a usage error (exit status 2) whose
message names the closest choice and lists them all::

    argmap extensions: error: argument --semantics/-s: unknown semantics 'prefered'
    (did you mean 'preferred'?); known: conflict-free, admissible, ...

This module imports only the standard library and :mod:`argmap.options`, so building the
parser (and ``argmap --help``) stays cheap.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TypeVar

from argmap.errors import ArgmapError
from argmap.formats.registry import FORMAT_NAMES, FRAMEWORK_FORMATS
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    Choice,
    Clustering,
    ConsensusRule,
    DiagramFormat,
    Direction,
    FusionOperator,
    Semantics,
    Support,
)

__all__ = [
    "CONVERSIONS",
    "FRAMEWORK_FORMATS",
    "choice",
    "cluster_option",
    "count",
    "dask_options",
    "debug_option",
    "diagram_format_option",
    "direction_option",
    "json_option",
    "mode_option",
    "operator_option",
    "rule_option",
    "seconds",
    "semantics_option",
    "semantics_options",
    "support_option",
    "timeout_option",
]

C = TypeVar("C", bound=Choice)

CONVERSIONS = FORMAT_NAMES
"""The formats ``argmap convert`` reads and writes (the registry's names)."""


def choice(cls: type[C]) -> Callable[[str], C]:
    """An argparse ``type=``: the member of ``cls`` a value names, or a usage error.

    >>> choice(Semantics)("PR")
    <Semantics.PREFERRED: 'preferred'>
    >>> choice(Support)("nesessary")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: unknown support interpretation 'nesessary' (did you mean 'necessary'?); known: defeasible, necessary, deductive, evidential, none
    """

    def parse(text: str) -> C:
        try:
            return cls.parse(text)
        except ArgmapError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = cls.noun()
    return parse


def _names(cls: type[Choice]) -> str:
    """The usage text of a choice: ``{a,b,c}``, as argparse shows ``choices``."""
    return "{" + ",".join(m.value for m in cls) + "}"


def semantics_option(
    p: argparse.ArgumentParser,
    default: Semantics | None = DEFAULT_SEMANTICS,
    help: str | None = None,
) -> None:
    """``--semantics``/``-s``: a :class:`~argmap.options.Semantics`, ``default`` if not given."""
    p.add_argument(
        "--semantics",
        "-s",
        type=choice(Semantics),
        default=default,
        help=help
        or "conflict-free, admissible, complete, grounded, preferred, stable, semi-stable, "
        f"stage, ideal, eager, or CO GR PR ST SST STG ID EA (default: {default})",
    )


def support_option(
    p: argparse.ArgumentParser,
    help: str = "how a map's supports are read",
) -> None:
    """``--support``: a :class:`~argmap.options.Support`, defeasible by default."""
    names = ", ".join(s.value for s in Support)
    p.add_argument(
        "--support",
        type=choice(Support),
        default=DEFAULT_SUPPORT,
        metavar="READING",
        help=f"{help}: {names} (default: {DEFAULT_SUPPORT.value}; see docs/semantics.md)",
    )


def seconds(text: str) -> float:
    """An argparse ``type=`` for ``--timeout``: a positive, finite number of seconds.

    >>> seconds("0.5"), seconds("2")
    (0.5, 2.0)
    >>> seconds("nan")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a positive number of seconds, got 'nan'
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: '{text}'") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got '{text}'")
    return value


def count(text: str) -> int:
    """An argparse ``type=`` for ``--workers``: a whole number of at least 1.

    >>> count("2")
    2
    >>> count("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a whole number of at least 1, got '0'
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got '{text}'")
    return value


def dask_options(p: argparse.ArgumentParser, default: str) -> None:
    """``--scheduler ADDRESS`` and ``--workers N``: where Dask runs the work.

    ``default`` says what happens when neither is given.
    """
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"a Dask scheduler to run on (tcp://host:8786), or 'none': in this process; "
        f"default: {default}",
    )
    p.add_argument(
        "--workers",
        type=count,
        metavar="N",
        help="the worker processes of a local Dask cluster (default: one per core)",
    )


def timeout_option(p: argparse.ArgumentParser) -> None:
    """``--timeout`` in seconds (positive and finite), none by default."""
    p.add_argument(
        "--timeout",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help="give up after this many seconds (exit status 3)",
    )


def debug_option(p: argparse.ArgumentParser, default: object = False) -> None:
    """``--debug``: print the traceback of a failure (of an internal error above all)."""
    p.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="print the traceback when the command fails",
    )


def catalogue_option(p: argparse.ArgumentParser) -> None:
    """``--catalogue FILE`` (repeatable): scheme catalogues added to the built-in one."""
    p.add_argument(
        "--catalogue",
        action="append",
        metavar="FILE",
        help="a scheme catalogue (YAML, the form of argmap's own) whose schemes are added to "
        "the built-in ones (may be given more than once)",
    )


def semantics_options(p: argparse.ArgumentParser) -> None:
    """``--semantics``/``-s`` (grounded by default), ``--support`` and ``--timeout``."""
    semantics_option(p)
    support_option(p)
    timeout_option(p)


def mode_option(
    p: argparse.ArgumentParser,
    help: str = "an essay accepts what is in every (skeptical) or some (credulous) extension "
    "of its map",
) -> None:
    """``--mode``: skeptical (the default) or credulous acceptance."""
    p.add_argument(
        "--mode",
        type=choice(Acceptance),
        default=Acceptance.SKEPTICAL,
        metavar=_names(Acceptance),
        help=help,
    )


def rule_option(p: argparse.ArgumentParser) -> None:
    """``--rule``: a :class:`~argmap.options.ConsensusRule`, majority by default."""
    p.add_argument(
        "--rule",
        type=choice(ConsensusRule),
        default=ConsensusRule.MAJORITY,
        metavar=_names(ConsensusRule),
        help="the aggregation rule (default: majority)",
    )


def operator_option(p: argparse.ArgumentParser) -> None:
    """``--operator``: a :class:`~argmap.options.FusionOperator`, sum by default."""
    p.add_argument(
        "--operator",
        type=choice(FusionOperator),
        default=FusionOperator.SUM,
        metavar=_names(FusionOperator),
        help="the merging operator (default: sum)",
    )


def diagram_format_option(p: argparse.ArgumentParser) -> None:
    """``--format``: a :class:`~argmap.options.DiagramFormat`, else the output's extension."""
    p.add_argument(
        "--format",
        type=choice(DiagramFormat),
        default=None,
        metavar=_names(DiagramFormat),
        help="default: from OUT",
    )


def json_option(p: argparse.ArgumentParser, help: str = "print JSON") -> None:
    """``--json``: print the result as JSON instead of text."""
    p.add_argument("--json", action="store_true", help=help)


def direction_option(p: argparse.ArgumentParser, default: Direction | None = None) -> None:
    """``--direction``: a :class:`~argmap.options.Direction` (auto, up, down, left, right)."""
    p.add_argument(
        "--direction",
        type=choice(Direction),
        default=default,
        metavar=_names(Direction),
        help="which way an essay diagram's supports point; auto (the default) draws up "
        "when that fits a page 1,400 px wide, else left (conclusions at the left)",
    )


def cluster_option(p: argparse.ArgumentParser) -> None:
    """``--cluster``: a :class:`~argmap.options.Clustering` (none, tag, paragraph)."""
    p.add_argument(
        "--cluster",
        type=choice(Clustering),
        default=None,
        metavar=_names(Clustering),
        help="box a map's nodes by their first tag or first paragraph (default: none)",
    )

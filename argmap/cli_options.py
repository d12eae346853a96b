"""Options several ``argmap`` commands share, defined once."""

from __future__ import annotations

import argparse

from argmap.options import DEFAULT_SEMANTICS, Acceptance, Support

__all__ = ["mode_option", "semantics_options", "support_option", "timeout_option"]


def support_option(
    p: argparse.ArgumentParser,
    help: str = "how a map's support edges are read (default: necessary; see docs/semantics.md)",
) -> None:
    """``--support``: a reading of support, necessary by default."""
    p.add_argument("--support", choices=[s.value for s in Support], default="necessary", help=help)


def timeout_option(p: argparse.ArgumentParser) -> None:
    """``--timeout`` in seconds, none by default."""
    p.add_argument("--timeout", type=float, default=None, help="give up after this many seconds")


def semantics_options(
    p: argparse.ArgumentParser, default: str | None = DEFAULT_SEMANTICS.value
) -> None:
    """``--semantics``/``-s`` (with ``default``), ``--support`` and ``--timeout``."""
    p.add_argument(
        "--semantics",
        "-s",
        default=default,
        help=f"conflict-free, admissible, complete, grounded, preferred, stable, semi-stable, "
        f"stage, ideal, eager, or CO GR PR ST SST STG ID EA (default: {default})",
    )
    support_option(p)
    timeout_option(p)


def mode_option(
    p: argparse.ArgumentParser,
    help: str = "an essay accepts what is in every (skeptical) or some (credulous) extension "
    "of its map",
) -> None:
    """``--mode``: skeptical (the default) or credulous acceptance."""
    p.add_argument("--mode", choices=[a.value for a in Acceptance], default="skeptical", help=help)

"""The ``argmap`` command: the only place that prints or exits.

Commands print a table a person can read, or JSON with ``--json``. Exit status: 0 when all
is well, 1 when the input has problems, 2 for a usage error (a bad option value included).

The package is laid out so that the command starts fast:

- :mod:`argmap.cli.parser` builds the parser from cheap modules only (argparse,
  :mod:`argmap.options`, the shared options of :mod:`argmap.cli.options`);
- each command group has a module that imports the library, loaded only when one of its
  commands runs: :mod:`~argmap.cli.maps` (check, summary, schema, convert),
  :mod:`~argmap.cli.semantics` (extensions, explain, solve), :mod:`~argmap.cli.corpus`
  (conflicts, consensus, fuse, check --consistency) and :mod:`~argmap.cli.drawing` (render,
  report);
- every command prints through :func:`argmap.cli.output.emit`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from argmap.cli.parser import build_parser
from argmap.errors import ArgmapError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command with ``argv`` (default: the process's arguments)."""
    args = build_parser().parse_args(argv)
    module, _, name = args.handler.partition(":")
    try:
        run = getattr(importlib.import_module(f"argmap.cli.{module}"), name)
        status: int = run(args)
    except ArgmapError as exc:
        print(f"argmap: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return status

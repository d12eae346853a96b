"""The ``argmap`` command: the only place that prints or exits.

Commands print a table a person can read, or JSON with ``--json``. Exit status (the table
is in docs/cli.md):

====  ====================================================================================
0     all is well
1     the input has problems (an :class:`~argmap.errors.ArgmapError`)
2     a usage error, a bad option value included (argparse)
3     ``--timeout`` ran out (:class:`~argmap.semantics.SolverTimeout`)
70    an internal error (a bug in argmap): one line, the traceback only with ``--debug``
130   interrupted (Ctrl-C): one line, and no output file half written
====  ====================================================================================

The package is laid out so that the command starts fast:

- :mod:`argmap.cli.parser` builds the parser from cheap modules only (argparse,
  :mod:`argmap.options`, the shared options of :mod:`argmap.cli.options`);
- each command group has a module that imports the library, loaded only when one of its
  commands runs: :mod:`~argmap.cli.maps` (check, summary, schema, convert),
  :mod:`~argmap.cli.semantics` (extensions, explain), :mod:`~argmap.cli.iccma` (solve: numpy,
  python-sat and the framework code only, no map model), :mod:`~argmap.cli.corpus`
  (conflicts, consensus, fuse, check --consistency) and :mod:`~argmap.cli.drawing` (render,
  report);
- every command prints through :func:`argmap.cli.output.emit`.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from argmap.cli.parser import build_parser
from argmap.errors import ArgmapError
from argmap.table import fill

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "command_list",
    "main",
]

EXIT_OK = 0
"""All is well."""
EXIT_PROBLEMS = 1
"""The input has problems."""
EXIT_USAGE = 2
"""A usage error (argparse's own status)."""
EXIT_TIMEOUT = 3
"""``--timeout`` ran out."""
EXIT_INTERNAL = 70
"""An internal error (``EX_SOFTWARE`` of sysexits.h)."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (128 + SIGINT, as shells report it)."""

_LONGEST_ALARM = 365 * 24 * 3600.0
"""A ``--timeout`` beyond a year sets no alarm (``setitimer`` has a platform limit)."""


class _OutOfTime(Exception):
    """Raised in the main thread by the ``--timeout`` alarm."""


def _is_timeout(exc: BaseException) -> bool:
    """Whether ``exc`` is a timeout (the alarm's, or the library's ``SolverTimeout``).

    ``argmap.semantics.sat`` is looked up only if already loaded: importing it costs the
    start-up time of numpy and the SAT solver.
    """
    if isinstance(exc, _OutOfTime):
        return True
    sat = sys.modules.get("argmap.semantics.sat")
    return sat is not None and isinstance(exc, sat.SolverTimeout)


def _expire(signum: int, frame: FrameType | None) -> None:
    raise _OutOfTime


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Stop whatever runs after ``seconds`` (wall clock), from the main thread.

    The library stops its own solver calls on its deadline; this alarm is the backstop for
    everything else a command does (reading files, building the frameworks, drawing with
    Graphviz). A no-op where there is no ``setitimer`` or off the main thread.
    """
    if seconds is None:
        yield
        return
    usable = (
        seconds < _LONGEST_ALARM
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _say(message: str) -> None:
    print(f"argmap: {message}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    """Run the command's handler under its ``--timeout``; exceptions go to :func:`main`."""
    module, _, name = args.handler.partition(":")
    try:
        with _alarm(getattr(args, "timeout", None)):
            run = getattr(importlib.import_module(f"argmap.cli.{module}"), name)
            status: int = run(args)
    finally:
        gc.unfreeze()  # what a command froze (corpus.py) is the caller's to collect again
    return status


def _failed(exc: BaseException, args: argparse.Namespace) -> int:
    """The exit status for an exception out of a command, after its one-line message."""
    debug = getattr(args, "debug", False)
    if debug:
        traceback.print_exception(exc)
    if _is_timeout(exc):
        timeout = getattr(args, "timeout", None)
        limit = "" if timeout is None else f" after {timeout:g} s"
        _say(f"timed out{limit} (--timeout)")
        return EXIT_TIMEOUT
    if isinstance(exc, ArgmapError):
        _say(str(exc))
        return EXIT_PROBLEMS
    if isinstance(exc, KeyboardInterrupt):
        _say("interrupted")
        return EXIT_INTERRUPTED
    detail = str(exc).splitlines()[0] if str(exc) else ""
    hint = "" if debug else " (run with --debug for the traceback)"
    _say(f"internal error: {type(exc).__name__}: {detail}{hint}")
    return EXIT_INTERNAL


def command_list(parser: argparse.ArgumentParser) -> str:
    """What bare ``argmap`` prints: each command with its one-line description."""
    rows: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            rows += [(a.dest, a.help or "") for a in action._choices_actions]
    column = max(len(name) for name, _ in rows) + 2
    listed = [f"  {name.ljust(column)}{help}" for name, help in rows]
    return "\n".join(
        [
            *fill(f"{parser.prog}: {parser.description}", 80),
            "",
            "Commands:",
            *listed,
            "",
            f"'{parser.prog} COMMAND --help' lists a command's options;",
            f"'{parser.prog} --help' the global ones.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command with ``argv`` (default: the process's arguments).

    Returns the exit status (see the module's table); a usage error exits with 2 through
    argparse. Without any argument, the list of commands is printed (status 0).
    """
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:
        print(command_list(parser))
        return EXIT_OK
    args = parser.parse_args(arguments)
    try:
        return _run(args)
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except (Exception, KeyboardInterrupt, _OutOfTime) as exc:
        return _failed(exc, args)


def _quiet_stdout() -> None:
    """After a closed pipe (``argmap ... | head``), send what is left of stdout nowhere.

    Python flushes stdout at exit, which would fail on the closed pipe a second time.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass

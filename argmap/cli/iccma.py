"""``argmap solve``: the ICCMA solver interface, on abstract frameworks only.

Kept apart from :mod:`argmap.cli.semantics` so that a solver call imports what it uses
(numpy, python-sat, :mod:`argmap.framework` and :mod:`argmap.semantics`) and none of the
map model, the YAML reader or the explanations: ICCMA runs a solver once per query, so its
start-up is part of every answer's time.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from itertools import chain, islice

from argmap import __version__
from argmap.errors import ArgmapError
from argmap.formats.registry import FRAMEWORK_FORMATS as FORMATS
from argmap.framework import Split, framework_format
from argmap.options import closest
from argmap.semantics import (
    count_extensions,
    credulous_witness,
    iter_extensions,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.sat import Deadline

__all__ = ["SUGGEST_AMONG", "solve"]

SUGGEST_AMONG = 100_000
"""Above this many arguments a misspelt name gets no suggestion (the search is linear)."""


_TASKS = ("SE", "DC", "DS", "EE", "CE")
_ICCMA_SEMANTICS = ("CO", "GR", "PR", "ST", "SST", "STG", "ID", "EA")


def _problem(args: argparse.Namespace) -> tuple[str, str]:
    """The task and the semantics of ``-p TASK-SEMANTICS``."""
    if not args.task or not args.file:
        raise ArgmapError("solve needs -p TASK and -f FILE (or --formats, --problems)")
    task, _, name = args.task.upper().partition("-")
    if task not in _TASKS or name not in _ICCMA_SEMANTICS:
        raise ArgmapError(f"unknown problem '{args.task}'; see 'argmap solve --problems'")
    return task, name


def _joined(names: Iterator[str], sep: str) -> Iterator[str]:
    """``sep.join(names)`` in pieces, so that ten million names are never held at once."""
    first = True
    while batch := list(islice(names, 65536)):
        yield ("" if first else sep) + sep.join(batch)
        first = False


def _extension(found: frozenset[str], split: Split, fmt: str) -> Iterator[str]:
    """An extension of the core, isolated arguments added: a 2023 ``w`` line or ``[...]``."""
    if fmt == "i23":
        yield "w"
        yield from (" " + piece for piece in _joined(split.whole(found), " "))
    else:
        yield "["
        yield from _joined(split.whole(found), ",")
        yield "]"


def _decide(
    task: str, name: str, split: Split, fmt: str, query: str | None, timeout: float | None
) -> Iterator[str]:
    """DC or DS; in the ICCMA 2023 style (i23) with its certificate.

    DC answers YES with an extension containing the argument, DS answers NO with one that
    lacks it (ICCMA 2023 rules); the other answers have none. An isolated argument is in
    every extension: credulously accepted if there is one, skeptically always.
    """
    if not query:
        raise ArgmapError(f"{task}-{name} needs the query argument: -a ARG")
    if query not in split:
        raise ArgmapError(f"the framework has no argument '{query}'{_suggestion(query, split)}")
    core = split.core
    found: frozenset[str] | None
    if task == "DC":
        found = (
            some_extension(core, name, timeout=timeout)
            if split.is_isolated(query)
            else credulous_witness(core, query, name, timeout=timeout)
        )
        answer = "NO" if found is None else "YES"
    else:
        found = (
            None
            if split.is_isolated(query)
            else skeptical_counterexample(core, query, name, timeout=timeout)
        )
        answer = "YES" if found is None else "NO"
    yield answer
    if found is not None and fmt == "i23":
        yield "\n"
        yield from _extension(found, split, fmt)


def _suggestion(query: str, split: Split) -> str:
    """`` (did you mean 'x'?)`` for a misspelt argument of a framework not too large."""
    if len(split) > SUGGEST_AMONG:
        return ""
    hint = closest(query, [*split.core.arguments, *split.isolated()])
    return f" (did you mean '{hint}'?)" if hint else ""


def _answer(
    task: str, name: str, split: Split, fmt: str, query: str | None, timeout: float | None
) -> Iterator[str]:
    """The ICCMA answer to a task, in pieces, within ``timeout`` seconds.

    The core (the arguments in some attack) is solved; the isolated arguments are added to
    what is printed as it is printed (:class:`~argmap.framework.Split`).
    """
    core = split.core
    if task in ("DC", "DS"):
        yield from _decide(task, name, split, fmt, query, timeout)
    elif task == "SE":
        found = some_extension(core, name, timeout=timeout)
        yield from ("NO",) if found is None else _extension(found, split, fmt)
    elif task == "EE":
        every = iter_extensions(core, name, timeout=timeout)
        first = next(every, None)  # printed as found: a timeout later leaves a partial list
        yield "["
        for i, found in enumerate(chain((first,), every) if first is not None else ()):
            yield from chain(("," if i else "",), _extension(found, split, "apx"))
        yield "]"
    else:
        yield str(count_extensions(core, name, timeout=timeout))


def solve(args: argparse.Namespace) -> int:
    """``argmap solve``: ICCMA's solver interface (its own output format, no ``--json``).

    Without any option it prints the solver's name and version, as ICCMA 2023 asks.
    """
    if args.formats:
        print("[" + ",".join(FORMATS) + "]")
        return 0
    if args.problems:
        print("[" + ",".join(f"{t}-{s}" for t in _TASKS for s in _ICCMA_SEMANTICS) + "]")
        return 0
    if not (args.task or args.file or args.a or args.fo):
        print(f"argmap {__version__}")
        return 0
    task, name = _problem(args)
    deadline = Deadline(args.timeout)  # the time to read the file counts too
    fmt = framework_format(args.file, args.fo)
    split = Split.read(args.file, fmt)
    answer = _answer(task, name, split, fmt, args.a, deadline.remaining())
    first = next(answer)  # the solving is done before anything is printed
    sys.stdout.writelines(chain((first,), answer, ("\n",)))
    return 0

"""The semantics commands of ``argmap``: extensions, explain and solve."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping
from itertools import chain, islice
from pathlib import Path
from typing import Any

from argmap import __version__
from argmap.bipolar import attack_graph, labelling
from argmap.bipolar import extensions as map_extensions
from argmap.cli.output import emit, plural, status_word, table, wrapped
from argmap.cli.paths import need_file
from argmap.errors import ArgmapError
from argmap.explanation import Explanation, explain
from argmap.formats.registry import FRAMEWORK_FORMATS as FORMATS
from argmap.formats.yaml import read_map
from argmap.framework import AF, Split, framework_format
from argmap.model import ArgumentMap
from argmap.options import STATUS_WORDS, Semantics, Support, closest
from argmap.semantics import (
    acceptance,
    count_extensions,
    credulous_witness,
    extensions,
    iter_extensions,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.sat import Deadline

__all__ = ["explain_arguments", "extensions_of", "solve"]


_FILES = "a map (.yaml) or a framework (.apx, .tgf, .i23)"
"""What extensions and explain read."""


def _target(path: str, support: Support, command: str) -> tuple[AF | ArgumentMap, AF, str]:
    """A map (read from YAML) or a framework (from an ICCMA file), its AF and its name."""
    need_file(path, command, _FILES)
    if Path(path).suffix in (".yaml", ".yml"):
        m = read_map(path)
        return m, attack_graph(m, support).af(), m.id
    af = AF.from_file(path)
    return af, af, Path(path).name


def _extensions(args: argparse.Namespace) -> dict[str, Any]:
    """The extensions of a map or framework file, and each argument's status.

    ``status`` is the acceptance status across the extensions (``skeptical``, ``credulous``,
    ``rejected``); under a semantics with one extension ``labels`` adds each argument's
    label (``in``, ``out``, ``undec``), which tells a rejected argument from an undecided one.
    """
    target, af, name = _target(args.path, args.support, "extensions")
    if isinstance(target, ArgumentMap):
        found = map_extensions(target, args.semantics, support=args.support, timeout=args.timeout)
        order: Mapping[str, int] = {n.id: i for i, n in enumerate(target.nodes)}
        members = [n.id for n in target.nodes]
    else:
        found, order = extensions(af, args.semantics, timeout=args.timeout), af.index
        members = list(af.arguments)
    result = {
        "target": name,
        "semantics": args.semantics,
        "support": args.support if isinstance(target, ArgumentMap) else None,
        "extensions": [sorted(e, key=order.__getitem__) for e in found],
        "status": {a: acceptance(a, found) for a in members},
    }
    if args.semantics.unique:
        labels = labelling(target, args.semantics, support=args.support, timeout=args.timeout)
        result["labels"] = {a: labels[a] for a in members}
    return {**result, "map": target if isinstance(target, ArgumentMap) else None}


def _legend(semantics: Semantics) -> str:
    """What the status words mean under ``semantics``."""
    if semantics.unique:
        return (
            f"{STATUS_WORDS['in']}: in the {semantics} extension; {STATUS_WORDS['out']}: "
            f"attacked by an accepted node; {STATUS_WORDS['undec']}: neither."
        )
    return (
        f"{STATUS_WORDS['skeptical']}: in every {semantics} extension; "
        f"{STATUS_WORDS['credulous']}: in some, not all; {STATUS_WORDS['rejected']}: in none."
    )


def _extensions_text(result: dict[str, Any]) -> list[str]:
    m: ArgumentMap | None = result["map"]
    semantics: Semantics = result["semantics"]
    reading = f", support: {result['support']}" if m is not None else ""
    found = result["extensions"]
    counted = plural(len(found), f"{semantics} extension")
    out = [wrapped(f"{result['target']}: {counted}{reading}", ""), ""]
    for i, e in enumerate(found, 1):
        out.append(f"extension {i} ({plural(len(e), 'argument')}):")
        out.append(wrapped(", ".join(e) or "(empty)", "  "))
    if m is not None:
        status = result.get("labels", result["status"])
        rows = [[n.id, str(n.kind), status_word(status[n.id], semantics), n.text] for n in m.nodes]
        out += ["", table(["node", "kind", "status", "text"], rows, cut=(3,))]
        out += ["", wrapped(_legend(semantics), "")]
    return out


def extensions_of(args: argparse.Namespace) -> int:
    """``argmap extensions``: a map's or framework's extensions and statuses."""
    result = _extensions(args)
    data = {k: v for k, v in result.items() if k != "map"}
    emit(data, args, lambda _: _extensions_text(result))
    return 0


def _known(target: AF | ArgumentMap) -> list[str]:
    """The names an argument can be asked about by: node ids, or a framework's arguments."""
    if isinstance(target, ArgumentMap):
        return [n.id for n in target.nodes]
    return list(target.arguments) if len(target) <= _SUGGEST_AMONG else []


_SUGGEST_AMONG = 100_000
"""Above this many arguments a misspelt name gets no suggestion (the search is linear)."""


def _explained(target: AF | ArgumentMap, name: str, args: argparse.Namespace) -> Explanation:
    """The explanation of one argument; a misspelt id is answered with the closest one."""
    try:
        return explain(
            target, name, args.semantics, mode=args.mode, support=args.support, timeout=args.timeout
        )
    except ArgmapError as exc:
        known = _known(target)
        hint = None if name in known else closest(name, known)
        if hint is None:
            raise
        raise ArgmapError(f"{exc} (did you mean '{hint}'?)") from None


def _explanation_text(explanations: list[Explanation]) -> str:
    """Each explanation, its lines wrapped under their own indentation."""
    blocks = []
    for e in explanations:
        rows = []
        for line in str(e).splitlines():
            indent = " " * (len(line) - len(line.lstrip()))
            rows.append(wrapped(line.strip(), indent, hanging=indent + "  "))
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


def explain_arguments(args: argparse.Namespace) -> int:
    """``argmap explain``: why each argument is accepted or not."""
    target, _, _ = _target(args.path, args.support, "explain")
    found = [_explained(target, a, args) for a in args.arguments]
    emit(found, args, _explanation_text)
    return 0


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
    if len(split) > _SUGGEST_AMONG:
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

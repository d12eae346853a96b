"""The semantics commands of ``argmap`` on maps and frameworks: extensions and explain.

``argmap solve`` is in :mod:`argmap.cli.iccma`.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap.bipolar import attack_graph, labelling
from argmap.bipolar import extensions as map_extensions
from argmap.cli.iccma import SUGGEST_AMONG
from argmap.cli.output import emit, plural, status_word, table, wrapped
from argmap.cli.paths import need_file
from argmap.errors import ArgmapError
from argmap.explanation import Explanation, explain
from argmap.formats.yaml import read_map
from argmap.framework import AF
from argmap.gradual import map_strengths
from argmap.model import ArgumentMap
from argmap.options import STATUS_WORDS, Semantics, Support, closest
from argmap.semantics import (
    acceptance,
    extensions,
)

__all__ = ["explain_arguments", "extensions_of"]


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
    if getattr(args, "strength", None) is not None:
        if not isinstance(target, ArgumentMap):
            raise ArgmapError("--strength reads a map's weights and reasons: give a map (.yaml)")
        strengths = map_strengths(target, args.strength)
        result["strength"] = {
            "semantics": args.strength,
            "strengths": {a: strengths[a] for a in members},
        }
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
    graded_by = f", strength: {result['strength']['semantics']}" if "strength" in result else ""
    out = [wrapped(f"{result['target']}: {counted}{reading}{graded_by}", ""), ""]
    for i, e in enumerate(found, 1):
        out.append(f"extension {i} ({plural(len(e), 'argument')}):")
        out.append(wrapped(", ".join(e) or "(empty)", "  "))
    if m is not None:
        status = result.get("labels", result["status"])
        graded = result.get("strength")
        rows = [
            [
                n.id,
                str(n.kind),
                status_word(status[n.id], semantics),
                *([f"{graded['strengths'][n.id]:.3f}"] if graded else []),
                n.text,
            ]
            for n in m.nodes
        ]
        headers = ["node", "kind", "status", *(["strength"] if graded else []), "text"]
        out += ["", table(headers, rows, cut=(len(headers) - 1,))]
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
    return list(target.arguments) if len(target) <= SUGGEST_AMONG else []


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

"""``argmap schemes`` and ``argmap questions``: the scheme catalogue, and open questions.

``questions`` lists, per recommendation, the schemes of the reasons leading to it and the
critical questions they leave open, most telling first.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.analysis.questions import Questions, critical_questions
from argmap.cli.output import emit, plural, table, wrapped
from argmap.cli.paths import need_file
from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus, read_map
from argmap.model import ArgumentMap
from argmap.options import status_word
from argmap.schemes import Catalogue, Scheme, catalogue_of

__all__ = ["list_schemes", "open_questions"]


def _catalogue(args: argparse.Namespace) -> Catalogue:
    return catalogue_of(args.catalogue or ())


def list_schemes(args: argparse.Namespace) -> int:
    """``argmap schemes [SCHEME]``: the catalogue, or one scheme in full."""
    catalogue = _catalogue(args)
    if args.scheme is not None:
        scheme = catalogue.find(args.scheme)
        if scheme is None:
            known = ", ".join(s.id for s in catalogue)
            raise ArgmapError(f"no scheme '{args.scheme}' in the catalogue (known: {known})")
        emit(scheme.to_dict(), args, lambda _: _scheme_text(scheme))
        return 0

    def text(_: object) -> list[str]:
        rows = [[s.id, len(s.questions), ", ".join(s.roles)] for s in catalogue]
        return [
            table(["scheme", "questions", "premise roles"], rows, cut=(2,)),
            "",
            wrapped(
                "'argmap schemes SCHEME' gives one in full: its premises, conclusion, critical "
                "questions, source and AIF names.",
                "",
            ),
        ]

    emit(catalogue.to_dict(), args, text)
    return 0


def _scheme_text(s: Scheme) -> list[str]:
    out = [wrapped(f"{s.id}: {s.name}", ""), wrapped(f"source: {s.source}", "  ")]
    out.append(wrapped(f"AIF names: {', '.join(s.aif) or 'none'}", "  "))
    out.append("premises:")
    out += [wrapped(f"{p.role}: {p.text}", "  ", hanging="    ") for p in s.premises]
    out.append(wrapped(f"conclusion: {s.conclusion}", ""))
    out.append("critical questions (target: what a 'no' attacks):")
    for q in s.questions:
        target = f"premise {q.role}" if q.role else str(q.target)
        out.append(wrapped(f"{q.id} ({target}): {q.text}", "  ", hanging="    "))
    return out


def open_questions(args: argparse.Namespace) -> int:
    """``argmap questions PATH``: per recommendation, its schemes and open questions."""
    catalogue = _catalogue(args)
    path = Path(args.path)
    if path.is_dir():
        maps = list(read_corpus(path).maps)
    else:
        need_file(args.path, "questions", "a map (.yaml) or a folder of maps", suggest=False)
        maps = [read_map(path)]
    found = {
        m.id: critical_questions(
            m,
            catalogue,
            args.semantics,
            args.support,
            assume=args.assume_questions,
            timeout=args.timeout,
        )
        for m in maps
    }
    result: dict[str, Any] = {
        "semantics": str(args.semantics),
        "support": str(args.support),
        "maps": {mid: [q.to_dict() for q in qs] for mid, qs in found.items()},
    }

    def text(_: object) -> list[str]:
        out: list[str] = []
        for m in maps:
            out += _map_text(m, found[m.id], args)
        return out

    emit(result, args, text)
    return 0


def _map_text(m: ArgumentMap, found: list[Questions], args: argparse.Namespace) -> list[str]:
    reasons = {r.reason.key: r for q in found for r in q.reasons}
    direct = {r.reason.key for q in found for r in q.reasons if r.depth == 1}
    unschemed = {k for q in found for k in q.unschemed}
    asked = sum(len(r.reason.scheme.questions) for r in reasons.values())
    answered = sum(len(r.answered) for r in reasons.values())
    out = [
        wrapped(
            f"{m.id}: {plural(len(found), 'recommendation')}; "
            f"{len(direct)} of the {plural(len(direct | unschemed), 'reason')} for them name a "
            f"scheme ({len(reasons)} schemed reasons in all on the way to them); "
            f"{answered} of their {asked} critical questions answered ({args.semantics}, "
            f"{args.support} support).",
            "",
        )
    ]
    for q in found:
        word = status_word(q.status, args.semantics)
        out += ["", wrapped(f"{q.recommendation.id} ({word}): {q.recommendation.text}", "")]
        for r in q.reasons:
            roles = ", ".join(f"{k}: {v or '(unstated)'}" for k, v in r.reason.roles.items())
            out.append(
                wrapped(f"{r.reason.key}: {r.reason.scheme.id} ({roles})", "  ", hanging="    ")
            )
            for question, keys in r.answered.items():
                out.append(wrapped(f"answered {question}: by {', '.join(keys)}", "    "))
        if q.unschemed:
            listed = ", ".join(q.unschemed)
            out.append(wrapped(f"no scheme named: {listed}", "  ", hanging="    "))
        if q.open:
            out.append(
                wrapped(
                    "open, most telling first (! decisive; what a 'no' would attack; the "
                    "strength it takes away):",
                    "  ",
                )
            )
        for o in q.open[: None if args.all else 5]:
            mark = "!" if o.decisive else " "
            drop = "" if o.drop is None else f" [-{o.drop:.2f}]"
            out.append(
                wrapped(
                    f"{mark} {o.question.id} on {o.attacks}{drop}: {o.question.text}",
                    "  ",
                    hanging="      ",
                )
            )
        if len(q.open) > 5 and not args.all:
            out.append(f"    … and {len(q.open) - 5} more (--all lists them)")
        if q.assumed is not None:
            after = status_word(q.assumed, args.semantics)
            out.append(wrapped(f"with its open questions assumed: {after}", "  "))
    return out

"""``argmap strength``: how strongly each node of a map stands under a gradual semantics."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.cli.output import emit, plural, table, wrapped
from argmap.cli.paths import need_file
from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus, read_map
from argmap.gradual import (
    BIPOLAR_SEMANTICS,
    DEFAULT_WEIGHT,
    map_graph,
    map_strengths,
    strengths,
)
from argmap.gradual.contributions import (
    gradient_contributions,
    removal_contributions,
    sensitivity,
)
from argmap.model import NodeKind

__all__ = ["strength_of"]


def strength_of(args: argparse.Namespace) -> int:
    """``argmap strength``: a map's nodes under one semantics, or a folder's recommendations."""
    if Path(args.path).is_dir():
        return _folder(args)
    need_file(args.path, "strength", "a map (.yaml) or a folder of maps", suggest=False)
    m = read_map(args.path)
    graph = map_graph(m)
    found = strengths(graph, args.semantics)
    nodes = {n.id for n in m.nodes}
    result: dict[str, Any] = {
        "map": m.id,
        "semantics": args.semantics,
        "default_weight": DEFAULT_WEIGHT,
        "strengths": {n: v for n, v in found.items() if n in nodes},
        "reasons": {n: v for n, v in found.items() if n not in nodes},
    }

    if args.explain is not None:
        if args.explain not in found:
            raise ArgmapError(f"map '{m.id}' has no node or reason '{args.explain}'")
        removal = removal_contributions(graph, args.explain, args.semantics)
        gradient = gradient_contributions(graph, args.explain, args.semantics)
        result["contributions"] = {
            item: {"removal": value, "gradient": gradient.get(item)}
            for item, value in sorted(removal.items(), key=lambda kv: -abs(kv[1]))
        }
        result["sensitivity"] = [
            {"node": s.item, "weight": s.base, "change": s.change, "path": list(s.path)}
            for s in sensitivity(graph, args.explain, args.semantics, args.threshold)
        ]

    def text(_: object) -> list[str]:
        ordered = sorted(m.nodes, key=lambda n: n.kind is not NodeKind.RECOMMENDATION)
        rows = [
            [
                n.id,
                str(n.kind),
                f"{DEFAULT_WEIGHT if n.weight is None else n.weight:.2f}",
                f"{found[n.id]:.3f}",
                n.text,
            ]
            for n in ordered
        ]
        heading = (
            f"{m.id}: strengths under {args.semantics} (base score: each node's weight, "
            f"{DEFAULT_WEIGHT} where it has none; a reason's: its weakest premise)"
        )
        headers = ["node", "kind", "base", "strength", "text"]
        out = [wrapped(heading, ""), "", table(headers, rows, cut=(4,))]
        if args.explain is not None:
            out += ["", *_explained(args, found[args.explain], result)]
        return out

    emit(result, args, text)
    return 0


def _explained(args: argparse.Namespace, strength: float, result: dict[str, Any]) -> list[str]:
    """What ``--explain NODE`` adds: contributions, then the changes that cross the threshold."""
    node, contributions = args.explain, result["contributions"]
    out = [
        wrapped(
            f"What makes {node} {strength:.3f} (removal: its strength with the item "
            "minus without it; gradient: per unit of the item's weight):",
            "",
        )
    ]
    rows = [
        [item, f"{c['removal']:+.3f}", "" if c["gradient"] is None else f"{c['gradient']:+.3f}"]
        for item, c in list(contributions.items())[:15]
    ]
    out.append(table(["item", "removal", "gradient"], rows))
    if len(contributions) > 15:
        out.append(f"… and {len(contributions) - 15} more (--json lists them all)")
    side = "below" if strength >= args.threshold else "at or above"
    found = result["sensitivity"]
    out += ["", wrapped(f"One weight changed alone that takes {node} {side} {args.threshold}:", "")]
    if not found:
        out.append("  none")
    for s in found[:10]:
        chain = " → ".join(s["path"])
        out.append(
            wrapped(
                f"{s['node']}: weight {s['weight']:.3f} ({s['change']:+.3f}), via {chain}", "  "
            )
        )
    return out


def _folder(args: argparse.Namespace) -> int:
    """Each essay's recommendations under every semantics that reads supports."""
    if args.explain is not None:
        raise ArgmapError("--explain names a node of one map: give the map's file, not a folder")
    corpus = read_corpus(args.path)
    essays = {m.id: {s: map_strengths(m, s) for s in BIPOLAR_SEMANTICS} for m in corpus.maps}
    result = {
        "semantics": [str(s) for s in BIPOLAR_SEMANTICS],
        "default_weight": DEFAULT_WEIGHT,
        "essays": {
            m.id: {
                r.id: {str(s): essays[m.id][s][r.id] for s in BIPOLAR_SEMANTICS}
                for r in m.recommendations
            }
            for m in corpus.maps
        },
    }

    def text(_: object) -> list[str]:
        rows = [
            [f"{m.id}:{r.id}", *(f"{essays[m.id][s][r.id]:.3f}" for s in BIPOLAR_SEMANTICS), r.text]
            for m in corpus.maps
            for r in m.recommendations
        ]
        heading = (
            f"Strength of each recommendation of {plural(len(corpus.maps), 'map')} (base score: "
            f"each node's weight, {DEFAULT_WEIGHT} where it has none; 'argmap strength MAP "
            "--explain NODE' says why)"
        )
        headers = ["recommendation", "DF-QuAD", "QE", "Euler", "text"]
        return [wrapped(heading, ""), "", table(headers, rows, cut=(4,))]

    emit(result, args, text)
    return 0

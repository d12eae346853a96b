"""``argmap strength``: how strongly each node of a map stands under a gradual semantics."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli.output import emit, table, wrapped
from argmap.cli.paths import need_file
from argmap.formats.yaml import read_map
from argmap.gradual import DEFAULT_WEIGHT, map_strengths
from argmap.model import NodeKind

__all__ = ["strength_of"]


def strength_of(args: argparse.Namespace) -> int:
    """``argmap strength``: every node's strength, recommendations first in the text."""
    need_file(args.path, "strength", "a map (.yaml)")
    m = read_map(args.path)
    found = map_strengths(m, args.semantics)
    nodes = {n.id for n in m.nodes}
    result: dict[str, Any] = {
        "map": m.id,
        "semantics": args.semantics,
        "default_weight": DEFAULT_WEIGHT,
        "strengths": {n: v for n, v in found.items() if n in nodes},
        "reasons": {n: v for n, v in found.items() if n not in nodes},
    }

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
        return [wrapped(heading, ""), "", table(headers, rows, cut=(4,))]

    emit(result, args, text)
    return 0

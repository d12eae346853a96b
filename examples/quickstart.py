"""Quickstart: load an essay's map, list its nodes by kind, and hand it to networkx.

Run from the project folder:  python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

import argmap

MAP = Path(__file__).resolve().parent.parent / "maps" / "hudson-cronin-2019.yaml"

m = argmap.read_map(MAP)
print(f"{m.title} ({', '.join(m.authors)}, {m.date})\n")

for kind in argmap.NodeKind:
    nodes = m.nodes_of(kind)
    print(f"{kind} ({len(nodes)}):")
    for node in nodes:
        where = (
            f"para {', '.join(map(str, node.locator.paragraphs))}" if node.locator else "no locator"
        )
        actors = f" [{', '.join(node.actors)}]" if node.actors else ""
        print(f"  {node.id:<22} {where:<12}{actors} {node.text}")
    print()

print(f"{len(m.supports)} supports, {len(m.attacks)} attacks ({len(m.undercuts)} undercut)")
for edge in m.undercuts:
    support = m.edge(edge.target)
    print(f"  undercut: {edge.source} denies that {support.source} supports {support.target}")

# The networkx graph keeps every field as attributes; here, the support edges only.
g = argmap.to_networkx(m)
supports: nx.DiGraph[str] = nx.DiGraph()
supports.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["kind"] == "support")
for rec in m.recommendations:
    reasons = nx.ancestors(supports, rec.id) if rec.id in supports else set()
    print(f"{rec.id}: {len(reasons)} nodes argue for it")

"""How strongly a recommendation stands once its reasons and objections are weighed.

Run from the project folder:  python examples/gradual_strength.py
(draws into $ARGMAP_EXAMPLE_OUT, or a temporary folder)

A weighted graph gives each item a base score in [0, 1]; a reason's base score is its
weakest premise's strength. The four gradual semantics weigh the same graph differently.
On the bundled maps: the worked example of docs/gradual.md, drawn with each node shaded by
its strength, and how strongly each essay's own statement of a shared recommendation stands.
"""

import os
import tempfile
from pathlib import Path

import argmap
from argmap.analysis.consensus import consensus
from argmap.gradual import WeightedGraph, map_strengths, strengths
from argmap.options import GradualSemantics

graph = WeightedGraph(
    ["evidence", "claim", "reason", "objection", "undercut", "recommendation"],
    [0.9, 0.6, 1.0, 0.7, 0.3, 0.5],
    attacks=[("objection", "recommendation"), ("undercut", "reason")],
    supports=[("evidence", "claim"), ("reason", "recommendation")],
    reasons={"reason": ("evidence", "claim")},  # a linked reason for the recommendation
)

for semantics in GradualSemantics:
    if semantics is GradualSemantics.H_CATEGORISER:  # attacks only
        continue
    found = strengths(graph, semantics)
    print(f"{semantics:17} recommendation {found['recommendation']:.3f}")

m = argmap.read_map("docs/examples/gradual.yaml")
print("worked example, DF-QuAD:", {k: round(v, 3) for k, v in map_strengths(m).items()})
out = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())
argmap.draw(m, out / "gradual.svg", strength="dfquad")  # badges and fill shaded by strength
print("drew", out / "gradual.svg")

corpus = argmap.read_corpus("maps")
graded = consensus(corpus).with_strengths(corpus, "euler")
for item in graded.items[:2]:
    row = ", ".join(f"{essay} {value:.2f}" for essay, value in graded.strengths[item.node].items())
    print(f"{item.node}: {row}")

"""How strongly a recommendation stands once its reasons and objections are weighed.

Run from the project folder:  python examples/gradual_strength.py

A weighted graph gives each item a base score in [0, 1]; a reason's base score is its
weakest premise's strength. The four gradual semantics weigh the same graph differently.
"""

from argmap.gradual import WeightedGraph, strengths
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

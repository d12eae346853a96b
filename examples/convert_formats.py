"""Convert a map to Argdown, AIF, arggraph, GraphML and ICCMA, and read them back.

Run from the project folder:  python examples/convert_formats.py
"""

from pathlib import Path

import argmap
from argmap.convert import dumps, loads

ROOT = Path(__file__).resolve().parent.parent
m = argmap.read_map(ROOT / "maps" / "hudson-cronin-2019.yaml")

# Argdown: one statement per node, relations beneath; tags mark evidence and recommendations.
text = dumps(m, "argdown")
print(text.splitlines()[4])
back = loads(text, "argdown")
print("Argdown keeps", len(back.nodes), "nodes and", len(back.edges), "edges")

# AIF JSON: I-nodes, RA (support) and CA (attack) nodes; lossless for maps read from AIF.
aif = loads(dumps(m, "aif"), "aif")
print("AIF:", argmap.labelling(aif, "grounded") == argmap.labelling(m, "grounded"))

# GraphML and node-link JSON keep every field.
print("GraphML:", loads(dumps(m, "graphml"), "graphml") == m)

# ICCMA: the attack graph under a reading of support, for competition solvers.
print(dumps(m, "i23", support="necessary").splitlines()[0])

# Argdown written by others: statements, arguments, relations, premise-conclusion structures.
debate = loads(
    """
[Bridge]: The town should build the bridge. #recommendation
  + [Ferry]: The ferry takes an hour. #evidence
  - <Cost>: It costs too much.
    _ <Repaid>: The cost is repaid in ten years.
""",
    "argdown",
)
print([(n.id, n.kind.value) for n in debate.nodes])
print(argmap.labelling(debate, "grounded"))

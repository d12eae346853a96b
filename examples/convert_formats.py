"""Convert a map to Argdown, AIF, arggraph, GraphML, ICCMA, Kialo and SADFace, and read them
back; read a networkx graph.

Run from the project folder:  python examples/convert_formats.py
"""

import json
from pathlib import Path

import networkx as nx

import argmap
from argmap.convert import dumps, loads

ROOT = Path(__file__).resolve().parent.parent
m = argmap.read_map(ROOT / "maps" / "hudson-cronin-2019.yaml")

# Argdown: one statement per node, relations beneath; tags mark evidence and recommendations.
text = dumps(m, "argdown")
print(text.splitlines()[4])
back = loads(text, "argdown")
print("Argdown keeps", len(back.nodes), "nodes and", len(back.edges), "edges")

# AIF JSON: I-nodes, RA (support) and CA (attack) nodes; what AIF has no place for (kinds,
# locators, tags, notes, ...) rides in 'argmap' extension keys, so the map comes back whole.
aif = loads(dumps(m, "aif"), "aif")
print("AIF:", aif == m, [n.kind.value for n in aif.nodes][:3])

# GraphML and node-link JSON keep every field.
print("GraphML:", loads(dumps(m, "graphml"), "graphml") == m)

# A graph built with networkx (node_link_data, 'links' or 'edges'): labels become texts,
# a 'relation' attribute says support or attack, the rest is kept in data["graph"].
g: "nx.DiGraph[str]" = nx.DiGraph(name="Bridge debate")
g.add_node("bridge", label="The town should build the bridge.")
g.add_node("ferry", label="The ferry takes an hour.", source="survey")
g.add_edge("ferry", "bridge", relation="support")
other = loads(json.dumps(nx.node_link_data(g, edges="links")), "node-link", "bridge.json")
print(other.id, [(e.kind.value, e.source, e.target) for e in other.edges])

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

# Kialo's plain-text export: Pro is support, Con attack, "-> See" a link to a claim.
kialo = loads(
    """Discussion Title: Should the town build the bridge?

1. The town should build the bridge.
1.1. Pro: The ferry takes an hour.
1.2. Con: It costs too much \\(say critics\\).
1.2.1. Con: The cost is repaid in ten years.
1.3. Pro: -> See 1.2.1.
""",
    "kialo",
)
print([(e.kind.value, e.source, e.target) for e in kialo.edges])
print(dumps(kialo, "kialo").splitlines()[-1])

# SADFace 0.2: atoms and schemes; argmap's own fields ride in its metadata, so nothing is lost.
print("SADFace:", loads(dumps(m, "sadface"), "sadface") == m)

# Written back: the premise-conclusion structure (an intermediate conclusion too), the front
# matter, the sections (levels, data, what each holds) and tags; texts with Argdown syntax in
# them are escaped, and a tag in #( ) is held literally, so both read back the same.
structured = loads(
    """===
model: {mode: strict}
===

# Economics {isGroup: true}

<Chain>: Two steps. #pro #(cost-benefit view)

(1) [P]: Costs \\< benefits, see \\[1\\] \\// escaped, not a comment.
(2) [Q]: Tolls pay for it.
----
(3) [R]: The bridge pays off.
(4) [S]: Paying off is \\#1.
----
(5) [T]: Build it.

## Politics

[U]: Voters want it. #(poll: 60% <!-- no comment)
  +> [T]
""",
    "argdown",
)
written = dumps(structured, "argdown")
print(written)
again = loads(written, "argdown")
assert [(n.text, n.tags) for n in again.nodes] == [(n.text, n.tags) for n in structured.nodes]
assert structured.node("P").text == "Costs < benefits, see [1] // escaped, not a comment."
assert structured.node("U").tags == ("poll: 60% <!-- no comment",)
assert again.data["argdown"] == structured.data["argdown"]  # front matter and sections
print([(s["title"], s["level"]) for s in again.data["argdown"]["sections"]])

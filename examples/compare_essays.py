"""Compare essays: conflicts, consistency, consensus and framework merging.

Run from the project folder:  python examples/compare_essays.py
"""

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent

# A toy corpus of three essays (see docs/corpus.md): hawk, dove and broker.
toy = argmap.read_corpus(ROOT / "examples" / "toy-corpus")

# Conflicts: an attack between nodes that different essays accept, and who wins it.
for conflict in argmap.conflicts(toy):
    print(f"{conflict.attacker} -> {conflict.target}: {conflict.resolution}")
    print("   ", conflict.attack.describe())

# Which essays can be held together?
print("maximal consistent subsets:", [sorted(s) for s in argmap.consistency(toy).maximal])

# Consensus: recommendations ranked by endorsement; the rule selects.
for rule in ("unanimity", "majority", "skeptical"):
    print(f"{rule}: {[item.node for item in argmap.consensus(toy, rule).selected]}")
talks = argmap.consensus(toy).items[0]
print(talks.node, "endorsed by", talks.endorsers, "status:", talks.status)
print(talks.explanation)

# Framework merging (Coste-Marquis et al. 2007): what would the essays agree on?
fused = argmap.fuse(toy, "sum", semantics="preferred")
print("sum merge accepts:", sorted(fused.skeptical))

# The same on the five essays, with the provenance of a merged node.
corpus = argmap.read_corpus(ROOT / "maps")
merged = argmap.merge(corpus)
print("eq-us-engage is stated by", sorted(merged.essays_of("eq-us-engage")))
majority = argmap.consensus(corpus, "majority")
print("majority consensus:", [(i.node, len(i.endorsers)) for i in majority.selected])
for tension in argmap.tensions(corpus):
    print(tension.describe())

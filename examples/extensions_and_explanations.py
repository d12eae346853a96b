"""Extensions, acceptance and explanations: on a small framework and on an essay's map.

Run from the project folder:  python examples/extensions_and_explanations.py
"""

from pathlib import Path

import argmap

# An abstract framework: a and b attack each other, b attacks c, c and d attack each other.
af = argmap.AF(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "c")])
for semantics in ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal"):
    found = argmap.extensions(af, semantics)
    print(f"{semantics:>12}: {[sorted(e) for e in found]}")
print("d credulously accepted (preferred):", argmap.is_credulously_accepted(af, "d", "preferred"))
print("d skeptically accepted (preferred):", argmap.is_skeptically_accepted(af, "d", "preferred"))
print(argmap.explain(af, "d", "preferred", mode="skeptical"))
print()

# An essay's map. Its reasons are read defeasibly (the default: an attack defeats what
# uses the node attacked), as necessary, deductive or evidential support (a node stands
# only on a chain of support from evidence), or not at all. Arrington and Yeo concede that
# Trump has little credibility on trade (c-no-credibility), which would bar Washington from
# denouncing Japan's measures (c-credibility-bar, against r-denounce), and answer that it
# cannot ignore the rift all the same: c-cannot-ignore undercuts that inference.
m = argmap.read_map(Path(__file__).resolve().parent.parent / "maps" / "arrington-yeo-2019.yaml")
for support in ("defeasible", "necessary", "deductive", "evidential", "none"):
    labels = argmap.labelling(m, "grounded", support=support)
    rejected = sorted(node for node, label in labels.items() if label != argmap.Label.IN)
    print(f"grounded, support {support}: not accepted: {', '.join(rejected)}")
print()
for attack in argmap.attack_graph(m, "necessary").attacks:
    if attack.kind != "direct":  # one per argument for c-cannot-ignore, named by its tree
        print(f"  {attack.attacker} attacks {attack.target}: {attack.describe()}")
print()
print(argmap.explain(m, "r-denounce"))  # IN: the objection's reason is undercut
print(argmap.explain(m, "c-no-credibility", support="deductive"))  # the concession falls

# Evidential support: which recommendations rest on the evidence the essay cites?
evidential = argmap.labelling(m, "grounded", support="evidential")
print("resting on evidence:", [r.id for r in m.recommendations if evidential[r.id] == "in"])
print(argmap.explain(m, "r-recognise-dependence", support="evidential"))

# The one vocabulary of statuses, as every command prints them: a label under a semantics
# with one extension (grounded, ideal, eager), an acceptance status under the others.
from argmap.options import STATUS_WORDS  # noqa: E402
from argmap.semantics import acceptance  # noqa: E402

grounded = argmap.labelling(m, "grounded")
print("c-credibility-bar under grounded:", STATUS_WORDS[grounded["c-credibility-bar"]])
preferred = argmap.extensions(m, "preferred", support="none")
status = acceptance("c-claims-settled", preferred)
print("c-claims-settled under preferred, support none:", STATUS_WORDS[status])

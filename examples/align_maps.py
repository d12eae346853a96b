"""Suggest equivalences and contradictions between maps by their words, for review.

Run from the project folder:  python examples/align_maps.py

`align` finds nodes of different maps whose content words overlap (Jaccard) at least a
threshold, with MinHash LSH candidates; a pair whose texts say opposite things (a "not" in
one only, or antonyms) is a suggested contradiction, the others are grouped as equivalences.
`review_text` writes them in the corpus format. Nothing is merged: a person moves the links
they accept into corpus.yaml.
"""

import argmap
from argmap.analysis.alignment import align, review_text, suggest_equivalences

maps = [
    argmap.ArgumentMap(
        "blog",
        "A blog post",
        [
            argmap.Node(
                "r1", "recommendation", "Washington should quietly mediate the export dispute."
            )
        ],
    ),
    argmap.ArgumentMap(
        "report",
        "A think-tank report",
        [
            argmap.Node(
                "rec", "recommendation", "Washington should mediate the export dispute quietly."
            ),
            argmap.Node("other", "recommendation", "Tokyo should lift its export controls."),
        ],
    ),
    argmap.ArgumentMap(
        "op-ed",
        "An op-ed",
        [argmap.Node("r", "recommendation", "Tokyo should not lift its export controls.")],
    ),
]
found = align(maps, threshold=0.6)
for s in found.equivalences:
    print(f"{s.score:.2f}  {', '.join(s.members)}")
for r in found.relations:
    print(f"{r.score:.2f}  {r.kind}: {r.source} <-> {r.target} ({r.cue})")
print(review_text(found.equivalences, 0.6, "MinHash LSH", found.relations), end="")

# the bundled essays: their equivalences are paraphrases, which word overlap does not find
corpus = argmap.read_corpus("maps")
print(len(suggest_equivalences(corpus.maps, threshold=0.6)), "suggestions at 0.6 on the essays")

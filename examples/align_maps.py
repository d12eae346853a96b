"""Suggest equivalences between maps by their words, for a person to review.

Run from the project folder:  python examples/align_maps.py

`suggest_equivalences` groups nodes of different maps whose content words overlap (Jaccard)
at least a threshold, with MinHash LSH candidates; `review_text` writes them in the corpus
format. Nothing is merged: a person moves the groups they accept into corpus.yaml.
"""

import argmap
from argmap.analysis.alignment import review_text, suggest_equivalences

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
]
found = suggest_equivalences(maps, threshold=0.6)
for s in found:
    print(f"{s.score:.2f}  {', '.join(s.members)}")
print(review_text(found, 0.6, "MinHash LSH"), end="")

# the bundled essays: their equivalences are paraphrases, which word overlap does not find
corpus = argmap.read_corpus("maps")
print(len(suggest_equivalences(corpus.maps, threshold=0.6)), "suggestions at 0.6 on the essays")

"""Build a small corpus in code, write it as YAML files, and read it back.

Run from the project folder:  python examples/build_in_code.py
"""

import os
import tempfile
from pathlib import Path

import argmap
from argmap import ArgumentMap, Corpus, Edge, Equivalence, Node, Relation

hawk = ArgumentMap(
    "hawk",
    "Deter first",
    nodes=[
        Node("e-tests", "evidence", "North Korea tested 20 missiles last year."),
        Node("c-threat", "claim", "North Korea is the most urgent threat."),
        Node(
            "r-drills",
            "recommendation",
            "Hold trilateral missile-defence drills.",
            actors=["US", "Japan", "ROK"],
        ),
    ],
    edges=[Edge("support", "e-tests", "c-threat"), Edge("support", "c-threat", "r-drills")],
)
dove = ArgumentMap(
    "dove",
    "History first",
    nodes=[
        Node(
            "c-trust",
            "claim",
            "Without reconciliation over history, military cooperation will not last.",
        ),
        Node("c-nk", "claim", "North Korea's missiles are the gravest danger."),
        Node(
            "r-history",
            "recommendation",
            "Settle the wartime labour dispute first.",
            actors=["Japan", "ROK"],
        ),
    ],
    edges=[Edge("support", "c-trust", "r-history"), Edge("attack", "c-trust", "c-nk")],
)
corpus = Corpus(
    [hawk, dove],
    equivalences=[
        Equivalence(["hawk:c-threat", "dove:c-nk"], note="Both call North Korea the top threat.")
    ],
    relations=[
        Relation(
            "attack", "dove:c-trust", "hawk:r-drills", note="Drills without trust will not hold."
        )
    ],
    title="Two views",
)

folder = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp()) / "two-views"
argmap.write_corpus(corpus, folder)
for path in sorted(folder.iterdir()):
    print(f"--- {path.name}")
    print(path.read_text(encoding="utf-8"))

again = argmap.read_corpus(folder)
assert again == corpus
print(
    f"read back: {again.essay_ids}, {len(again.equivalences)} equivalence, {len(again.relations)} relation"
)
print(f"check: {len(argmap.check([folder]).errors)} errors")

"""Edit a hand-written map in code and save it: comments and layout are kept.

Run from the project folder:  python examples/edit_and_save.py
"""

import difflib
import os
import tempfile
from pathlib import Path

import attrs

import argmap

SOURCE = Path(__file__).resolve().parent.parent / "maps" / "hudson-cronin-2019.yaml"
folder = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())

m = argmap.read_map(SOURCE)

# Maps are immutable: build the new version with attrs.evolve.
objection = argmap.Node(
    "c-rhetoric-helps",
    "claim",
    "Some argue that public pressure is what moves allies to pay more.",
    locator=argmap.Locator(13),
    tags=["rival-view"],
)
edited = attrs.evolve(
    m,
    nodes=[*m.nodes, objection],
    edges=[*m.edges, argmap.Edge("attack", "c-rhetoric-helps", "r-burden-sharing")],
)

target = folder / "hudson-edited.yaml"
argmap.write_map(edited, target)

before = SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
after = target.read_text(encoding="utf-8").splitlines(keepends=True)
print("".join(difflib.unified_diff(before, after, "original", "edited")))
assert argmap.read_map(target) == edited
print(
    "The saved file reads back as the edited map; everything else, comments included, is unchanged."
)

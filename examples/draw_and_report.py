"""Draw a map and a corpus with Graphviz, and write the HTML report.

Run from the project folder:  python examples/draw_and_report.py
(writes into $ARGMAP_EXAMPLE_OUT, or a temporary folder)
"""

import os
import tempfile
from pathlib import Path

import argmap
from argmap.render.diagrams import map_drawing
from argmap.render.overview import conflict_diagram, disagreements
from argmap.render.report import write_report

ROOT = Path(__file__).resolve().parent.parent
out = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())

m = argmap.read_map(ROOT / "maps" / "hudson-cronin-2019.yaml")
# The DOT source, without running Graphviz: deterministic, every text escaped.
print(map_drawing(m, "grounded").source.splitlines()[0])
# Drawings: the format comes from the file name (svg, png, pdf, dot).
argmap.draw(m, out / "hudson.svg", semantics="grounded")
argmap.draw(m, out / "hudson-preferred-1.png", semantics="preferred", extension=1)
toy = argmap.read_corpus(ROOT / "examples" / "toy-corpus")
argmap.draw(toy, out / "toy-corpus.svg")
# A self-contained static site: the overview (index), the full corpus diagram, one page per essay.
index = write_report(toy, out / "report")
print("wrote", sorted(p.name for p in out.iterdir()), "and", index)

# The overview's parts on their own: the essays and the stated conflicts between them, and
# one conflict drawn with only the nodes on its path (DOT; nothing is run).
reading = argmap.reading(toy)
conflicts = argmap.conflicts(reading)
for (attacking, attacked), found in disagreements(conflicts).items():
    print(f"{attacking} -> {attacked}: {len(found)} stated conflict(s)")
print(conflict_diagram(reading, conflicts[0], 1).splitlines()[0])

"""Draw a map and a corpus with Graphviz, and write the HTML report.

A map's diagram fits a page 1,400 px wide by default (``direction="auto"``); a direction can
be forced, and nodes boxed by tag or paragraph (``cluster``).

Run from the project folder:  python examples/draw_and_report.py
(writes into $ARGMAP_EXAMPLE_OUT, or a temporary folder)
"""

import os
import tempfile
from pathlib import Path

import argmap
from argmap.options import Direction
from argmap.render.diagrams import map_drawing
from argmap.render.essay import auto_layout
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
# The layout: auto picks the direction (and characters per line) that fits the page ...
direction, measure = auto_layout(m)
print(f"auto draws {m.id} {direction}, {measure} characters a line")
# ... or force one, and box the nodes by their first tag.
argmap.draw(m, out / "hudson-up-by-tag.svg", semantics="grounded", direction="up", cluster="tag")
assert 'rankdir="BT"' in map_drawing(m, direction=Direction.UP).source
toy = argmap.read_corpus(ROOT / "examples" / "toy-corpus")
argmap.draw(toy, out / "toy-corpus.svg")
# A self-contained static site: the overview (index), the full corpus diagram, one page per
# essay (its diagrams drawn left to right here).
index = write_report(toy, out / "report", direction="left")
print("wrote", sorted(p.name for p in out.iterdir()), "and", index)
# Each essay page opens with its diagram at its whole width (drag or scroll to move,
# ctrl + wheel to zoom, search, click a node for its source paragraph); a link can open it
# zoomed to one node:
print("focus:", index.with_name("essay-hawk.html").as_uri() + "#focus=c-threat")

# The overview's parts on their own: the essays and the stated conflicts between them, and
# one conflict drawn with only the nodes on its path (DOT; nothing is run).
reading = argmap.reading(toy)
conflicts = argmap.conflicts(reading)
for (attacking, attacked), found in disagreements(conflicts).items():
    print(f"{attacking} -> {attacked}: {len(found)} stated conflict(s)")
print(conflict_diagram(reading, conflicts[0], 1).splitlines()[0])

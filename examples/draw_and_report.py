"""Draw a map and a corpus with Graphviz, and write the HTML report.

Run from the project folder:  python examples/draw_and_report.py
(writes into $ARGMAP_EXAMPLE_OUT, or a temporary folder)
"""

import os
import tempfile
from pathlib import Path

import argmap
from argmap.render.diagrams import map_drawing
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
# A self-contained static site: index, corpus diagram, one page per essay.
index = write_report(toy, out / "report")
print("wrote", sorted(p.name for p in out.iterdir()), "and", index)
# Each essay page opens with its diagram fitted to the window (drag to pan, wheel to zoom,
# search, click a node for its source paragraph); a link can open it zoomed to one node:
print("focus:", index.with_name("essay-hawk.html").as_uri() + "#focus=c-threat")

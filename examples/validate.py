"""Validate maps: every problem at once, each with its file, line and column.

Run from the project folder:  python examples/validate.py
"""

import os
import tempfile
from pathlib import Path

import argmap

# A map with three mistakes: a misspelt kind, a weight out of range, an unknown node.
BROKEN = """\
id: demo
title: Three mistakes
nodes:
  - id: a
    kind: clam
    text: A claim with a typo in its kind.
  - id: b
    kind: evidence
    text: Some evidence.
    weight: 1.5
edges:
  - support: b -> c
"""

folder = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())
path = folder / "broken.yaml"
path.write_text(BROKEN, encoding="utf-8")

# check() reports; it never raises for bad input.
report = argmap.check([path])
for problem in report.problems:
    print(problem)
print(f"valid: {report.ok()}\n")

# Reading raises the library's one exception type, carrying every problem.
try:
    argmap.read_map(path)
except argmap.ArgmapError as err:
    print(f"ArgmapError at {err.path}:{err.line}:{err.column}: {err.message}")
    print(f"({len(err.problems)} problems in all)\n")

# The bundled maps are valid.
bundled = argmap.check([Path(__file__).resolve().parent.parent / "maps"])
print(
    f"bundled maps: {len(bundled.files)} files, {len(bundled.errors)} errors, {len(bundled.warnings)} warnings"
)

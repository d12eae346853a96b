"""Solve a framework whose header declares far more arguments than its attacks mention.

Run from the project folder:  python examples/large_frameworks.py

An ICCMA i23 file declares its arguments by number (``p af N``); those no attack mentions
are in every extension. ``Split`` separates them from the core, the semantics run on the
core, and ``Split.whole`` adds the isolated arguments back one at a time, so a framework of
ten million arguments costs what its attacks cost. ``argmap solve`` works this way.
"""

import os
import tempfile
from itertools import islice
from pathlib import Path

import argmap
from argmap.framework import Split

folder = Path(os.environ.get("ARGMAP_EXAMPLE_OUT") or tempfile.mkdtemp())
path = folder / "wide.af"
path.write_text("p af 10000000\n1 2\n2 1\n2 3\n", encoding="ascii")

split = Split.read(path)
print(f"{len(split):,} arguments: {len(split.core)} in attacks, {split.isolated_count:,} isolated")
for extension in argmap.iter_extensions(split.core, "preferred"):
    whole = split.whole(extension)  # an iterator: the ten million names are never held
    print("preferred:", " ".join(islice(whole, 6)), "...")
print("9999999 is isolated, so in every extension:", split.is_isolated("9999999"))

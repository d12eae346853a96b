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

# A framework made of parts with no attack between them has as extensions the unions of one
# extension of each part (splitting): argmap enumerates each part on its own and yields the
# combinations lazily. Twenty two-cycles have 2**20 preferred extensions; the first 10,000
# take a fraction of a second, and the ideal one needs no enumeration at all.
pairs = argmap.AF(
    [f"{side}{i}" for i in range(20) for side in "ab"],
    [(f"{x}{i}", f"{y}{i}") for i in range(20) for x, y in (("a", "b"), ("b", "a"))],
)
first = list(islice(argmap.iter_extensions(pairs, "preferred"), 10_000))
print(len(first), "preferred extensions listed, e.g.", sorted(first[-1])[:4], "...")
print("ideal:", sorted(argmap.extensions(pairs, "ideal")[0]))

"""Read Argdown files as the Argdown CLI reads them: @include, Markdown lists, explodeArguments.

Run from the project folder:  python examples/argdown_includes.py
"""

import tempfile
from pathlib import Path

import argmap
from argmap.formats.argdown import parse_argdown, read_argdown

MAIN = """===
model:
  explodeArguments: true
===

# Debate

[Tax]: Raise taxes.

@include(parts/reasons.argdown)
"""
REASONS = """Reasons heard:

  * [Schools]: Schools need money.
    + [Study]: A study says so.
  * [Growth]: Taxes slow growth.

<Chain>

(1) [Schools]
(2) Money helps schools.
----
(3) [Better]: Schools get better.
(4) Better schools serve everyone.
----
(5) [Tax]
"""

with tempfile.TemporaryDirectory() as folder:
    main = Path(folder) / "main.argdown"
    main.write_text(MAIN, encoding="utf-8")
    (Path(folder) / "parts").mkdir()
    (Path(folder) / "parts" / "reasons.argdown").write_text(REASONS, encoding="utf-8")

    # the included file's list items are statements; the argument is split per step
    doc = parse_argdown(main.read_text(encoding="utf-8"), str(main))
    print("statements:", ", ".join(doc.statements))
    for title, argument in doc.arguments.items():
        print(f"argument {title}: {argument['premises']} -> {argument['conclusions']}")
    m = read_argdown(main)
    print("map:", len(m.nodes), "nodes,", len(m.supports), "reasons")

    # an include cycle is refused, naming the files and the line that closes it
    (Path(folder) / "parts" / "reasons.argdown").write_text("@include(../main.argdown)\n")
    try:
        read_argdown(main)
    except argmap.ArgmapError as error:
        print(error)

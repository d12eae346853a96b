"""Draw the bundled maps into docs/diagrams/ for docs/rendering.md, semantics.md, gradual.md.

Run:  .venv/bin/python tools/render_docs.py     (needs Graphviz's dot)
"""

from __future__ import annotations

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "diagrams"


def main() -> None:
    """Write one SVG per essay (grounded labelling), and the corpus overview.

    The essays are drawn with the default options (``direction="auto"``), at their natural
    size; one is drawn again boxed by tag, to show ``cluster``.
    """
    OUT.mkdir(exist_ok=True)
    corpus = argmap.read_corpus(ROOT / "maps")
    for m in corpus.maps:
        argmap.draw(m, OUT / f"{m.id}.svg", semantics="grounded")
        print(f"wrote docs/diagrams/{m.id}.svg")
    hudson = corpus.essay("hudson-cronin-2019")
    argmap.draw(hudson, OUT / "hudson-cronin-2019-tags.svg", semantics="grounded", cluster="tag")
    print("wrote docs/diagrams/hudson-cronin-2019-tags.svg")
    argmap.draw(corpus, OUT / "corpus.svg", recommendations_only=True)
    print("wrote docs/diagrams/corpus.svg")
    example = argmap.read_map(ROOT / "docs" / "examples" / "readings.yaml")
    for support in argmap.Support:
        path = OUT / f"readings-{support}.svg"
        argmap.draw(example, path, semantics="grounded", support=support, legend=False)
        print(f"wrote docs/diagrams/{path.name}")
    weighted = argmap.read_map(ROOT / "docs" / "examples" / "gradual.yaml")
    argmap.draw(weighted, OUT / "gradual-dfquad.svg", strength="dfquad", direction="up")
    print("wrote docs/diagrams/gradual-dfquad.svg")


if __name__ == "__main__":
    main()

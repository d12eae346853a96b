"""The diagram entry points: a map or a corpus, under a semantics, to DOT or a drawing.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: c, kind: claim, text: It rains.}
... ''')
>>> source = map_drawing(m, "grounded").source
>>> source.splitlines()[0], '"c" [shape="box", style="rounded,filled", fillcolor="#BDE5CF"' in source
('digraph "toy" {', True)
"""

from __future__ import annotations

from pathlib import Path

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Corpus
from argmap.render.dot import run_dot
from argmap.render.essay import Diagram, essay_diagram, statuses

__all__ = ["corpus_drawing", "draw", "map_drawing", "svg_bundle"]


def map_drawing(
    m: ArgumentMap,
    semantics: str | None = None,
    support: str = "necessary",
    *,
    extension: int | None = None,
    show_legend: bool = True,
    timeout: float | None = None,
) -> Diagram:
    """A map's diagram, nodes filled by their status when ``semantics`` is given."""
    status = statuses(m, semantics, support, extension, timeout) if semantics else None
    return essay_diagram(m, status, show_legend=show_legend)


def corpus_drawing(
    corpus: Corpus,
    semantics: str = "grounded",
    support: str = "necessary",
    *,
    recommendations_only: bool = False,
    timeout: float | None = None,
) -> Diagram:
    """A corpus diagram: essays as clusters, links, conflicts and the majority consensus."""
    from argmap.analysis.conflicts import conflicts_of
    from argmap.analysis.consensus import consensus_of
    from argmap.analysis.reading import read
    from argmap.render.corpus import corpus_diagram

    reading = read(corpus, semantics, support, timeout=timeout)
    conflicts = conflicts_of(reading)
    consensus = consensus_of(reading, conflicts, "majority")
    return corpus_diagram(reading, conflicts, consensus, recommendations_only=recommendations_only)


def draw(diagram: Diagram, path: str | Path | None = None, fmt: str | None = None) -> bytes:
    """Run ``dot`` on a diagram; write the result to ``path`` if given.

    The format is ``fmt``, else ``path``'s extension, else SVG.

    Raises
    ------
    ArgmapError
        If ``dot`` is missing or fails, or the file cannot be written.
    """
    chosen = fmt or (Path(path).suffix.lstrip(".") if path is not None else "") or "svg"
    data = run_dot(diagram.source, chosen)
    if path is not None:
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            raise ArgmapError(f"cannot write {path}: {exc.strerror}") from None
    return data


def svg_bundle(diagram: Diagram, text: str) -> dict[str, str]:
    """A Jupyter MIME bundle: the SVG drawing, or just ``text`` where ``dot`` is missing."""
    try:
        return {"image/svg+xml": draw(diagram, fmt="svg").decode("utf-8"), "text/plain": text}
    except ArgmapError:
        return {"text/plain": text}

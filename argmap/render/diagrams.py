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

from argmap.analysis.conflicts import conflicts_of
from argmap.analysis.consensus import consensus_of
from argmap.analysis.reading import reading
from argmap.errors import ArgmapError
from argmap.formats.text import write_bytes
from argmap.gradual import map_strengths
from argmap.model import ArgumentMap, Corpus
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Clustering,
    ConsensusRule,
    DiagramFormat,
    Direction,
    GradualSemantics,
    Semantics,
    Support,
)
from argmap.render.corpus import corpus_diagram
from argmap.render.dot import run_dot
from argmap.render.essay import Diagram, essay_diagram, statuses

__all__ = ["corpus_drawing", "draw", "draw_diagram", "map_drawing", "svg_bundle"]

_CORPUS_STRENGTH = (
    "strength shades one map's nodes (each essay has its own strengths); for a corpus, "
    "argmap report shades each essay's page"
)


def map_drawing(
    m: ArgumentMap,
    semantics: str | Semantics | None = None,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    extension: int | None = None,
    show_legend: bool = True,
    direction: str | Direction = Direction.AUTO,
    cluster: str | Clustering = Clustering.NONE,
    timeout: float | None = None,
    strength: str | GradualSemantics | None = None,
) -> Diagram:
    """A map's diagram, nodes filled by their status when ``semantics`` is given.

    ``direction`` is the way supports point (by default the one that fits a page, see
    :func:`~argmap.render.essay.auto_layout`); ``cluster`` boxes nodes by tag or paragraph.
    ``strength`` (a gradual semantics) gives each node a badge with its strength, shaded
    from weak to strong, and fills the nodes with that shade when there is no ``semantics``.

    Raises
    ------
    NotConverged
        If ``strength`` is given and the map's strengths do not settle (a cycle).
    """
    status = statuses(m, semantics, support, extension, timeout) if semantics else None
    graded, title = None, "strength"
    if strength is not None:
        chosen = GradualSemantics.parse(strength)
        graded, title = map_strengths(m, chosen), chosen.display_name
    return essay_diagram(
        m,
        status,
        show_legend=show_legend,
        direction=direction,
        cluster=cluster,
        strength=graded,
        strength_title=title,
    )


def corpus_drawing(
    corpus: Corpus,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    recommendations_only: bool = False,
    timeout: float | None = None,
) -> Diagram:
    """A corpus diagram: essays as clusters, links, conflicts and the majority consensus."""
    found = reading(corpus, semantics, support, timeout=timeout)
    conflicts = conflicts_of(found)
    chosen = consensus_of(found, conflicts, ConsensusRule.MAJORITY)
    return corpus_diagram(found, conflicts, chosen, recommendations_only=recommendations_only)


def draw_diagram(diagram: Diagram, path: str | Path | None = None, fmt: str | None = None) -> bytes:
    """Run ``dot`` on a diagram; write the result to ``path`` if given.

    The format is ``fmt``, else ``path``'s extension, else SVG. The file is written
    atomically (:func:`~argmap.formats.text.write_bytes`): if anything fails, an existing
    file stays as it was.

    Raises
    ------
    ArgmapError
        If ``dot`` is missing or fails, or the file cannot be written.
    """
    chosen = fmt or (Path(path).suffix.lstrip(".") if path is not None else "") or "svg"
    data = run_dot(diagram.source, chosen)
    if path is not None:
        write_bytes(path, data)
    return data


def svg_bundle(diagram: Diagram, text: str) -> dict[str, str]:
    """A Jupyter MIME bundle: the SVG drawing, or just ``text`` where ``dot`` is missing."""
    try:
        return {
            "image/svg+xml": draw_diagram(diagram, fmt="svg").decode("utf-8"),
            "text/plain": text,
        }
    except ArgmapError:
        return {"text/plain": text}


def draw(
    target: ArgumentMap | Corpus,
    path: str | Path | None = None,
    *,
    format: str | DiagramFormat | None = None,
    semantics: str | Semantics | None = None,
    support: str | Support = DEFAULT_SUPPORT,
    extension: int | None = None,
    legend: bool = True,
    direction: str | Direction = Direction.AUTO,
    cluster: str | Clustering = Clustering.NONE,
    recommendations_only: bool = False,
    timeout: float | None = None,
    strength: str | GradualSemantics | None = None,
) -> bytes:
    """Draw a map or a corpus with Graphviz; write it to ``path`` if given.

    The format is ``format``, else ``path``'s extension, else SVG (``svg``, ``png``, ``pdf``,
    or ``dot`` for the DOT source). A map's nodes are filled by their status when
    ``semantics`` is given (in extension number ``extension``, if given); a corpus is always
    read, under :data:`~argmap.options.DEFAULT_SEMANTICS` unless ``semantics`` says otherwise,
    and ``recommendations_only`` draws just the recommendations and their links. For a map,
    ``direction`` is the way supports point (``auto``, ``up``, ``down``, ``left``, ``right``;
    ``auto`` picks the one that fits a page 1,400 px wide) and ``cluster`` boxes its nodes
    by ``tag`` or ``paragraph``; a corpus has a layout of its own and takes neither.
    ``strength`` (a gradual semantics: ``dfquad``, ``quadratic-energy``, ``euler``) gives a
    map's nodes a badge with their strength, shaded weak to strong (the fill too, without
    ``semantics``); for a corpus, the report shades each essay's page.

    Raises
    ------
    ArgmapError
        If ``direction``, ``cluster`` or ``strength`` is given for a corpus, or a name is
        unknown.

    >>> import argmap
    >>> m = argmap.ArgumentMap("toy", "Toy", [argmap.Node("c", "claim", "It rains.")])
    >>> draw(m, format="dot", semantics="grounded").decode().splitlines()[0]
    'digraph "toy" {'
    """
    chosen, grouping = Direction.parse(direction), Clustering.parse(cluster)
    if isinstance(target, Corpus):
        if chosen is not Direction.AUTO or grouping is not Clustering.NONE:
            raise ArgmapError("direction and cluster apply to a map, not to a corpus")
        if strength is not None:
            raise ArgmapError(_CORPUS_STRENGTH)
        diagram = corpus_drawing(
            target,
            semantics or DEFAULT_SEMANTICS,
            support,
            recommendations_only=recommendations_only,
            timeout=timeout,
        )
    else:
        diagram = map_drawing(
            target,
            semantics,
            support,
            extension=extension,
            show_legend=legend,
            direction=chosen,
            cluster=grouping,
            timeout=timeout,
            strength=strength,
        )
    return draw_diagram(
        diagram, path, DiagramFormat.parse(format).value if format is not None else None
    )

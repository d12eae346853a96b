"""Diagrams in Jupyter: maps, corpora and readings show themselves as SVG.

Importing this module registers the drawings with :func:`argmap.model.register_display`;
``import argmap`` does so when it runs inside IPython. Where Graphviz's ``dot`` is missing, a
notebook shows the object's ``repr``.
"""

from __future__ import annotations

from argmap.analysis.conflicts import conflicts_of
from argmap.analysis.consensus import consensus_of
from argmap.analysis.reading import Reading
from argmap.model import ArgumentMap, Corpus, register_display
from argmap.render.corpus import corpus_diagram
from argmap.render.diagrams import corpus_drawing, map_drawing, svg_bundle

__all__ = ["show_corpus", "show_map", "show_reading"]


def show_map(m: ArgumentMap) -> dict[str, str]:
    """A map's diagram as a notebook MIME bundle."""
    return svg_bundle(map_drawing(m), repr(m))


def show_corpus(corpus: Corpus) -> dict[str, str]:
    """A corpus's recommendations and their links as a notebook MIME bundle."""
    return svg_bundle(corpus_drawing(corpus, recommendations_only=True), repr(corpus))


def show_reading(reading: Reading) -> dict[str, str]:
    """A reading's corpus diagram, with conflicts and consensus, as a notebook MIME bundle."""
    conflicts = conflicts_of(reading)
    consensus = consensus_of(reading, conflicts)
    diagram = corpus_diagram(reading, conflicts, consensus, recommendations_only=True)
    return svg_bundle(
        diagram, f"Reading of {len(reading.corpus.maps)} essays ({reading.semantics})"
    )


register_display(ArgumentMap, show_map)
register_display(Corpus, show_corpus)
register_display(Reading, show_reading)

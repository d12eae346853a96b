"""Diagrams and reports: Graphviz drawings of maps and corpora, and a static HTML report."""

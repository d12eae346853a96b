"""Checks beyond the model's invariants: what is legal but probably a slip.

A recommendation nothing supports, a node with no edges, a scheme on an attack, a locator
that misses the essay's text, equivalent nodes of different kinds. These are warnings (``argmap check --strict``
fails on them); a paragraph number past the end of the essay is an error.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from argmap.model import ArgumentMap, Corpus, Edge, Node
from argmap.model.invariants import Finding, Pointer, warning

__all__ = ["corpus_warnings", "map_warnings", "paragraphs_of", "text_findings"]


def map_warnings(m: ArgumentMap) -> list[Finding]:
    """Legal but suspicious: unsupported recommendations, nodes with no edges, schemes on attacks.

    A node is touched by an edge it starts (as a reason's source or any of its linked
    premises) or ends.
    """
    found: list[Finding] = [
        warning(
            ("edges", i, "scheme"),
            f"attack '{e.key}' names a scheme; only a reason (a support) has one",
            "scheme-on-attack",
        )
        for i, e in enumerate(m.edges)
        if e.kind == "attack" and e.scheme is not None
    ]
    supported = {e.target for e in m.edges if e.kind == "support"}
    touched = {p for e in m.edges for p in e.premises} | {e.target for e in m.edges}
    for i, node in enumerate(m.nodes):
        if node.kind == "recommendation" and node.id not in supported:
            found.append(
                warning(
                    ("nodes", i, "id"),
                    f"nothing supports recommendation '{node.id}'",
                    "unsupported-recommendation",
                )
            )
        if node.id not in touched:
            found.append(
                warning(("nodes", i, "id"), f"node '{node.id}' has no edges", "isolated-node")
            )
    return found


def paragraphs_of(text: str) -> list[str]:
    r"""Split an essay's text into paragraphs: its non-empty lines, numbered from 1.

    >>> paragraphs_of("Title\n\nFirst.\n  \nSecond.")
    ['Title', 'First.', 'Second.']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’‚‛“”„‟–—", "''''\"\"\"\"--"))
    return " ".join(text.split()).casefold()


def text_findings(m: ArgumentMap, paragraphs: Sequence[str], text_file: str) -> list[Finding]:
    """Check locators against the essay's paragraphs.

    A paragraph number past the end is an error; a quote not found in the paragraphs it
    cites, and a node with no locator at all, are warnings.
    """
    found: list[Finding] = []
    items: list[tuple[Pointer, str, Node | Edge]] = [
        (("nodes", i), f"node '{n.id}'", n) for i, n in enumerate(m.nodes)
    ]
    items += [(("edges", i), f"edge '{e.key}'", e) for i, e in enumerate(m.edges)]
    for pointer, name, item in items:
        loc = item.locator
        if loc is None:
            if pointer[0] == "nodes":
                found.append(
                    warning((*pointer, "id"), f"{name} has no 'para' locator", "no-locator")
                )
            continue
        beyond = [p for p in loc.paragraphs if p > len(paragraphs)]
        if beyond:
            found.append(
                Finding(
                    (*pointer, "para"),
                    f"{name} cites paragraph {beyond[0]}, but {text_file} has {len(paragraphs)}",
                    "paragraph-range",
                )
            )
            continue
        if loc.quote is not None:
            cited = _normalise(" ".join(paragraphs[p - 1] for p in loc.paragraphs))
            if _normalise(loc.quote) not in cited:
                where = ", ".join(str(p) for p in loc.paragraphs)
                found.append(
                    warning(
                        (*pointer, "quote"),
                        f"quote of {name} is not in paragraph(s) {where} of {text_file}",
                        "quote-not-found",
                    )
                )
    return found


def corpus_warnings(c: Corpus) -> list[Finding]:
    """Legal but suspicious: equivalent nodes of different kinds, hindsight not later."""
    found = _hindsight_warnings(c)
    for g, group in enumerate(c.equivalences):
        kinds = Counter(str(c.node(ref).kind) for ref in group.members)
        if len(kinds) > 1:
            listed = ", ".join(sorted(kinds))
            found.append(
                warning(
                    ("equivalences", g, "nodes"),
                    f"equivalence group {group.id or g + 1} mixes node kinds ({listed})",
                    "equivalence-kinds",
                )
            )
    return found


def _hindsight_warnings(c: Corpus) -> list[Finding]:
    """A relation marked hindsight whose source essay is not dated after its target's.

    Dates compare as written (``2019`` before ``2019-07``): a year alone is not later than a
    month of that year.
    """
    found: list[Finding] = []
    for r, rel in enumerate(c.relations):
        if not rel.hindsight:
            continue
        later, earlier = c.essay(rel.source.essay).date, c.essay(rel.target.essay).date
        if later is None or earlier is None or not _after(later, earlier):
            found.append(
                warning(
                    ("relations", r, "hindsight"),
                    f"hindsight needs '{rel.source.essay}' to be dated after "
                    f"'{rel.target.essay}' ({later or 'no date'} vs {earlier or 'no date'})",
                    "hindsight-not-later",
                )
            )
    return found


def _after(later: str, earlier: str) -> bool:
    """Whether a date written ``YYYY[-MM[-DD]]`` is surely after another."""
    common = min(len(later), len(earlier))
    return later[:common] > earlier[:common]

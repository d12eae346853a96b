"""Alignment: suggest equivalences between the nodes of different maps, by their words.

Hand-written links do not scale to thousands of maps. :func:`suggest_equivalences` proposes
groups of nodes of different maps that say much the same thing — by the Jaccard similarity
of their sets of content words (lower-cased, stop words dropped) — for a person to review:
nothing is merged. Comparing every pair grows with the square of the nodes, so candidate
pairs come from locality-sensitive hashing of MinHash signatures (datasketch's
``MinHashLSH``): nodes whose signatures agree on some band are compared, which keeps the
candidates near-linear in the corpus; each candidate's exact similarity then decides. The
all-pairs reading (:func:`exact_pairs`, through an inverted index of words) is the
reference the hashing is measured against (``benchmarks/alignment.py``).

Suggested pairs are joined into groups greedily, the most similar first, never putting two
nodes of one map in a group (an equivalence group holds one node per essay), and written
as a review file in the corpus format (:func:`review_text`).

>>> import argmap
>>> a = argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation",
...     "Washington should mediate the export dispute quietly.")])
>>> b = argmap.ArgumentMap("b", "B", [argmap.Node("x", "recommendation",
...     "Washington should quietly mediate the export dispute.")])
>>> [(s.members, round(s.score, 2)) for s in suggest_equivalences([a, b])]
[(('a:r', 'b:x'), 1.0)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, NodeKind

__all__ = ["Suggestion", "exact_pairs", "item_words", "review_text", "suggest_equivalences"]

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "more",
        "most",
        "must",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "over",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "under",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
"""Words that say little about what a claim is about (a short English list)."""

NUM_PERM = 128
"""MinHash permutations: more make the estimate closer and the hashing slower."""


def item_words(text: str) -> frozenset[str]:
    """The content words of a text: lower-cased, stop words and one-letter words dropped.

    >>> sorted(item_words("The US should mediate, quietly."))
    ['mediate', 'quietly', 'us']
    """
    words = re.findall(r"[^\W_]+", text.casefold())
    return frozenset(w for w in words if len(w) > 1 and w not in STOP_WORDS)


@attrs.frozen
class Suggestion:
    """A suggested equivalence group: its members (``essay:node``) and its weakest link."""

    members: tuple[str, ...]
    score: float
    """The smallest similarity of the pairs that joined the group."""


def _items(
    maps: Iterable[ArgumentMap], kinds: Sequence[NodeKind]
) -> tuple[list[str], list[str], list[frozenset[str]]]:
    names, essays, words = [], [], []
    for m in maps:
        for n in m.nodes:
            if n.kind in kinds:
                found = item_words(n.text)
                if found:
                    names.append(f"{m.id}:{n.id}")
                    essays.append(m.id)
                    words.append(found)
    return names, essays, words


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def exact_pairs(
    words: Sequence[frozenset[str]], essays: Sequence[str], threshold: float
) -> dict[tuple[int, int], float]:
    """Every pair of items of different maps at or above ``threshold``, by an inverted index.

    The reference for the hashing: exact, but it compares every two items sharing a word.
    """
    index: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, []).append(i)
    found: dict[tuple[int, int], float] = {}
    for i, ws in enumerate(words):
        seen: set[int] = set()
        for w in ws:
            seen.update(j for j in index[w] if j > i)
        for j in seen:
            if essays[i] != essays[j]:
                score = _jaccard(ws, words[j])
                if score >= threshold:
                    found[i, j] = score
    return found


def hashed_pairs(
    words: Sequence[frozenset[str]], essays: Sequence[str], threshold: float
) -> tuple[dict[tuple[int, int], float], int]:
    """The pairs at or above ``threshold`` among the LSH candidates, and how many candidates."""
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:  # pragma: no cover - in the batch extra, which the tests install
        raise ArgmapError("alignment needs datasketch: pip install 'argmap[batch]'") from None
    signatures = MinHash.bulk([[w.encode() for w in sorted(ws)] for ws in words], num_perm=NUM_PERM)
    # a lower LSH threshold than the pairs' own: candidates near the line are kept, to be
    # decided by their exact similarity (recall at the price of more comparisons)
    lsh = MinHashLSH(threshold=max(0.05, threshold * 0.7), num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, signature in enumerate(signatures):
            session.insert(i, signature)
    found: dict[tuple[int, int], float] = {}
    candidates = 0
    for i, signature in enumerate(signatures):
        for j in lsh.query(signature):
            if j > i and essays[i] != essays[j]:
                candidates += 1
                score = _jaccard(words[i], words[j])
                if score >= threshold:
                    found[i, j] = score
    return found, candidates


def suggest_equivalences(
    maps: Iterable[ArgumentMap],
    threshold: float = 0.6,
    kinds: Iterable[str | NodeKind] = (NodeKind.RECOMMENDATION,),
    *,
    exact: bool = False,
    grouped: Iterable[str] = (),
) -> list[Suggestion]:
    """Groups of nodes of different maps whose words overlap at least ``threshold`` (Jaccard).

    ``kinds`` are the node kinds compared (recommendations by default: consensus rests on
    them), each with its own kind only; ``exact`` compares every pair sharing a word instead of hashing; nodes in
    ``grouped`` (``essay:node``, already in an equivalence) are left out. Most similar first.
    """
    if not 0.0 < threshold <= 1.0:
        raise ArgmapError(f"the threshold is a similarity in (0, 1], not {threshold}")
    chosen = tuple(dict.fromkeys(NodeKind(k) for k in kinds))
    every = list(maps)
    left_out = set(grouped)
    found: list[Suggestion] = []
    for kind in chosen:  # a group holds nodes of one kind
        names, essays, words = _items(every, (kind,))
        pairs = (
            exact_pairs(words, essays, threshold)
            if exact
            else hashed_pairs(words, essays, threshold)[0]
        )
        found += _groups(names, essays, pairs, left_out)
    return sorted(found, key=lambda s: (-s.score, s.members))


def _groups(
    names: Sequence[str],
    essays: Sequence[str],
    pairs: dict[tuple[int, int], float],
    left_out: set[str],
) -> list[Suggestion]:
    """Pairs joined into groups, most similar first, one node per map in each group."""
    group = list(range(len(names)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(names))}
    weakest: dict[int, float] = {}

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for (i, j), score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if names[i] in left_out or names[j] in left_out:
            continue
        a, b = root(i), root(j)
        if a == b or {essays[k] for k in members[a]} & {essays[k] for k in members[b]}:
            continue  # already together, or it would put two nodes of one map in a group
        group[b] = a
        members[a] += members.pop(b)
        weakest[a] = min(score, weakest.get(a, score), weakest.pop(b, score))
    found = [
        Suggestion(tuple(sorted(names[k] for k in ks)), weakest[r])
        for r, ks in members.items()
        if len(ks) > 1
    ]
    return sorted(found, key=lambda s: (-s.score, s.members))


def review_text(suggestions: Sequence[Suggestion], threshold: float, method: str) -> str:
    """A review file in the corpus format: each suggestion an equivalence group to accept.

    >>> print(review_text([Suggestion(("a:r", "b:x"), 0.75)], 0.6, "MinHash LSH"), end="")
    # Equivalences suggested by argmap align (word overlap >= 0.6, MinHash LSH).
    # Nothing here is merged: move each group you accept into the corpus file.
    equivalences:
      - nodes: [a:r, b:x]
        note: "suggested: word overlap 0.75"
    """
    lines = [
        f"# Equivalences suggested by argmap align (word overlap >= {threshold}, {method}).",
        "# Nothing here is merged: move each group you accept into the corpus file.",
        "equivalences:" if suggestions else "equivalences: []",
    ]
    for s in suggestions:
        lines.append(f"  - nodes: [{', '.join(s.members)}]")
        lines.append(f'    note: "suggested: word overlap {s.score:.2f}"')
    return "\n".join(lines) + "\n"


def to_dict(suggestions: Sequence[Suggestion]) -> list[dict[str, Any]]:
    """JSON-ready."""
    return [{"members": list(s.members), "score": s.score} for s in suggestions]

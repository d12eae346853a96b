"""Alignment: suggest equivalences between the nodes of different maps, by their words.

Hand-written links do not scale to thousands of maps. :func:`suggest_equivalences` proposes
groups of nodes of different maps that say much the same thing — by the Jaccard similarity
of their sets of content words (lower-cased, stop words dropped) — for a person to review:
nothing is merged. Comparing every pair grows with the square of the nodes, so candidate
pairs come from locality-sensitive hashing of MinHash signatures (datasketch's
``MinHashLSH``): nodes whose signatures agree on some band are compared, which keeps the
candidates near-linear in the corpus; each candidate's exact similarity then decides. The
all-pairs answer (:func:`exact_pairs`, by All-Pairs prefix filtering, exact) is the
reference the hashing is measured against (``benchmarks/alignment.py``).

Two texts with the same content words can say opposite things: "Washington should not
mediate" against "Washington should mediate", "raise the tariffs" against "lower the
tariffs". A similar pair is therefore read for *polarity* before it is suggested: if a
negation (not, no, never, -n't, …) stands in one and not the other, or one says a word
where the other says its antonym (a short table, :data:`ANTONYMS`), the pair is suggested
as a cross-map ``contradiction`` (:func:`suggest_relations`) instead of an equivalence,
with the cue that decided it — if the two share at least 60% of their words
(:data:`OPPOSITION_AT_LEAST`): below that they are about different things, and a "not" in
one says nothing about the other. A conditional ("if", "unless") in one text only makes a
pair neither: "if A, then not B" neither denies nor restates "A". Word overlap cannot
tell a support between maps: a claim of one map that a reason of another rests on is
suggested as an equivalence with that reason's premise, which links the maps the same way.

Suggested pairs are joined into groups greedily, the most similar first, never putting two
nodes of one map in a group (an equivalence group holds one node per essay), and written
with the suggested relations as a review file in the corpus format (:func:`review_text`).

>>> import argmap
>>> a = argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation",
...     "Washington should mediate the export dispute quietly.")])
>>> b = argmap.ArgumentMap("b", "B", [argmap.Node("x", "recommendation",
...     "Washington should quietly mediate the export dispute.")])
>>> [(s.members, round(s.score, 2)) for s in suggest_equivalences([a, b])]
[(('a:r', 'b:x'), 1.0)]
>>> c = argmap.ArgumentMap("c", "C", [argmap.Node("y", "recommendation",
...     "Washington should not mediate the export dispute.")])
>>> [(r.source, r.target, r.cue) for r in suggest_relations([a, c], 0.5)]
[('a:r', 'c:y', "'not' in c:y only")]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, NodeKind, RelationKind

__all__ = [
    "ANTONYMS",
    "CONDITIONALS",
    "NEGATIONS",
    "OPPOSITION_AT_LEAST",
    "Alignment",
    "RelationSuggestion",
    "Suggestion",
    "align",
    "conditional_in_one",
    "exact_pairs",
    "item_words",
    "opposition",
    "review_text",
    "suggest_equivalences",
    "suggest_relations",
]

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

NEGATIONS = frozenset(["not", "no", "never", "neither", "cannot", "without", "none"])
"""Words that turn a statement into its denial (with every word ending in -n't; *nor* goes
with a *neither* or *not* already counted)."""

OPPOSITION_AT_LEAST = 0.6
"""The least word overlap at which two texts are read for opposite polarity: below it they
are about different things, and a negation in one says nothing about the other (such a pair
is suggested as neither an equivalence nor a contradiction)."""

ANTONYMS = (
    ("accept", "reject"),
    ("allow", "ban"),
    ("allow", "forbid"),
    ("allow", "prohibit"),
    ("continue", "end"),
    ("continue", "stop"),
    ("ease", "tighten"),
    ("expand", "reduce"),
    ("help", "hinder"),
    ("help", "hurt"),
    ("impose", "lift"),
    ("improve", "worsen"),
    ("include", "exclude"),
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("join", "leave"),
    ("maintain", "withdraw"),
    ("more", "less"),
    ("more", "fewer"),
    ("raise", "lower"),
    ("strengthen", "weaken"),
    ("succeed", "fail"),
    ("support", "oppose"),
    ("win", "lose"),
)
"""Pairs of words one of which says the opposite of the other (a short list; an inflected
form — ``raises``, ``raised``, ``raising`` — counts as its word)."""

_OPPOSITE = {
    a: {b for x, b in ANTONYMS if x == a} | {x for x, y in ANTONYMS if y == a}
    for pair in ANTONYMS
    for a in pair
}

NUM_PERM = 128
"""MinHash permutations: more make the estimate closer and the hashing slower."""


def item_words(text: str) -> frozenset[str]:
    """The content words of a text: lower-cased, stop words and one-letter words dropped.

    >>> sorted(item_words("The US should mediate, quietly."))
    ['mediate', 'quietly', 'us']
    """
    words = re.findall(r"[^\W_]+", text.casefold())
    return frozenset(w for w in words if len(w) > 1 and w not in STOP_WORDS)


def _negations(text: str) -> list[str]:
    """The negations of a text, in order (``not``, ``n't``, …)."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.casefold())
    return [
        "n't" if w.endswith(("n't", "n’t")) else w
        for w in words
        if w in NEGATIONS or w.endswith(("n't", "n’t"))
    ]


CONDITIONALS = frozenset(["if", "unless", "whether"])
"""Words that make a statement conditional: "if A, then not B" does not deny A."""


def conditional_in_one(a: str, b: str) -> bool:
    """Whether one text is conditional and the other not (compare neither as one claim).

    >>> conditional_in_one("If trade falls, talks fail.", "Trade falls.")
    True
    """
    found = [CONDITIONALS & set(re.findall(r"[^\W_]+", t.casefold())) for t in (a, b)]
    return bool(found[0]) != bool(found[1])


def _lemma(word: str) -> str:
    """A word's form in :data:`ANTONYMS`, if an inflection of one of them (else the word)."""
    if word in _OPPOSITE:
        return word
    for ending in ("ing", "ed", "es", "s", "d"):
        stem = word.removesuffix(ending)
        if stem != word:
            for candidate in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                if candidate in _OPPOSITE:
                    return candidate
    return word


def opposition(a: tuple[str, str], b: tuple[str, str]) -> str | None:
    """Why the texts of two similar items say opposite things, or ``None`` if they do not.

    ``a`` and ``b`` are (name, text). A negation in one and not the other (by parity: a
    double negation is none), or a word of one whose antonym is a word of the other only.

    >>> opposition(("a:r", "Tokyo should lift the controls."),
    ...            ("b:x", "Tokyo should not lift the controls."))
    "'not' in b:x only"
    >>> opposition(("a:r", "Raise the tariffs."), ("b:x", "Tariffs should be lowered."))
    'raise (a:r) against lowered (b:x)'
    >>> opposition(("a:r", "Lift the controls."), ("b:x", "The controls should be lifted."))
    """
    negated = [_negations(text) for _, text in (a, b)]
    if len(negated[0]) % 2 != len(negated[1]) % 2:
        which = 0 if len(negated[0]) % 2 else 1
        return f"'{negated[which][0]}' in {(a, b)[which][0]} only"
    words = [re.findall(r"[^\W_]+", text.casefold()) for _, text in (a, b)]
    lemmas = [{_lemma(w): w for w in ws} for ws in words]
    for lemma, word in lemmas[0].items():
        if lemma in lemmas[1]:
            continue
        for other in sorted(_OPPOSITE.get(lemma, ())):
            if other in lemmas[1] and other not in lemmas[0]:
                return f"{word} ({a[0]}) against {lemmas[1][other]} ({b[0]})"
    return None


@attrs.frozen
class Suggestion:
    """A suggested equivalence group: its members (``essay:node``) and its weakest link."""

    members: tuple[str, ...]
    score: float
    """The smallest similarity of the pairs that joined the group."""


@attrs.frozen
class RelationSuggestion:
    """A suggested cross-map relation: its kind, its two nodes, their similarity and why.

    ``cue`` says what makes the two similar texts opposite (:func:`opposition`).
    """

    kind: RelationKind = attrs.field(converter=RelationKind)
    source: str
    target: str
    score: float
    cue: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "kind": str(self.kind),
            "source": self.source,
            "target": self.target,
            "score": self.score,
            "cue": self.cue,
        }


@attrs.frozen
class Alignment:
    """What :func:`align` suggests: equivalence groups and relations, most similar first."""

    equivalences: tuple[Suggestion, ...]
    relations: tuple[RelationSuggestion, ...]
    candidates: int | None
    """The LSH candidate pairs compared (``None`` with ``exact``)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "suggestions": to_dict(self.equivalences),
            "relations": [r.to_dict() for r in self.relations],
            "candidates": self.candidates,
        }


def _items(
    maps: Iterable[ArgumentMap], kinds: Sequence[NodeKind]
) -> tuple[list[str], list[str], list[frozenset[str]], list[str]]:
    names, essays, words, texts = [], [], [], []
    for m in maps:
        for n in m.nodes:
            if n.kind in kinds:
                found = item_words(n.text)
                if found:
                    names.append(f"{m.id}:{n.id}")
                    essays.append(m.id)
                    words.append(found)
                    texts.append(n.text)
    return names, essays, words, texts


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def exact_pairs(
    words: Sequence[frozenset[str]], essays: Sequence[str], threshold: float
) -> dict[tuple[int, int], float]:
    """Every pair of items of different maps at or above ``threshold``: the all-pairs answer.

    Found without comparing every pair by SetSimilaritySearch's All-Pairs (Bayardo, Ma and
    Srikant 2007: words ranked rarest first, two sets can reach the threshold only if
    their first few words meet), which is exact: the reference the hashing is measured
    against, and ``argmap align --exact``.
    """
    try:
        from SetSimilaritySearch import all_pairs
    except ImportError:  # pragma: no cover - in the batch extra, which the tests install
        raise ArgmapError(
            "exact alignment needs SetSimilaritySearch: pip install 'argmap[batch]'"
        ) from None
    found: dict[tuple[int, int], float] = {}
    if len(words) < 2:  # All-Pairs needs two sets
        return found
    for x, y, _ in all_pairs([sorted(ws) for ws in words], "jaccard", threshold):
        i, j = sorted((int(x), int(y)))
        if essays[i] != essays[j]:
            found[i, j] = _jaccard(words[i], words[j])  # as the hashed pairs' scores
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


def align(
    maps: Iterable[ArgumentMap],
    threshold: float = 0.6,
    kinds: Iterable[str | NodeKind] = (NodeKind.RECOMMENDATION,),
    *,
    exact: bool = False,
    grouped: Iterable[str] = (),
    related: Iterable[tuple[str, str]] = (),
) -> Alignment:
    """Suggested equivalences and contradictions between the nodes of different maps.

    Pairs of nodes of one kind (``kinds``: recommendations by default, consensus rests on
    them) whose content words overlap at least ``threshold`` (Jaccard), found by MinHash
    LSH (``exact``: every such pair, by All-Pairs); a pair whose texts say opposite things
    (:func:`opposition`) is a suggested contradiction if they overlap at least
    :data:`OPPOSITION_AT_LEAST` (and nothing below it), the others are joined into
    equivalence groups; a pair of a conditional and a plain statement
    (:func:`conditional_in_one`) is neither. Nodes in ``grouped`` (``essay:node``, already in an equivalence)
    are not grouped again, and pairs in ``related`` (already related) not suggested again.

    Raises
    ------
    ArgmapError
        If the threshold is not in (0, 1].
    """
    if not 0.0 < threshold <= 1.0:
        raise ArgmapError(f"the threshold is a similarity in (0, 1], not {threshold}")
    chosen = tuple(dict.fromkeys(NodeKind(k) for k in kinds))
    every = list(maps)
    left_out = set(grouped)
    known = {frozenset(pair) for pair in related}
    groups: list[Suggestion] = []
    relations: list[RelationSuggestion] = []
    compared: int | None = None if exact else 0
    for kind in chosen:  # a group holds nodes of one kind
        names, essays, words, texts = _items(every, (kind,))
        if exact:
            pairs = exact_pairs(words, essays, threshold)
        else:
            pairs, candidates = hashed_pairs(words, essays, threshold)
            compared = (compared or 0) + candidates
        alike: dict[tuple[int, int], float] = {}
        for (i, j), score in pairs.items():
            if conditional_in_one(texts[i], texts[j]):
                continue  # a conditional and a plain claim: neither one claim nor its denial
            cue = opposition((names[i], texts[i]), (names[j], texts[j]))
            if cue is None:
                alike[i, j] = score
            elif score >= OPPOSITION_AT_LEAST and frozenset((names[i], names[j])) not in known:
                kind_of = RelationKind.CONTRADICTION
                relations.append(RelationSuggestion(kind_of, names[i], names[j], score, cue))
        groups += _groups(names, essays, alike, left_out)
    return Alignment(
        tuple(sorted(groups, key=lambda s: (-s.score, s.members))),
        tuple(sorted(relations, key=lambda r: (-r.score, r.source, r.target))),
        compared,
    )


def suggest_equivalences(
    maps: Iterable[ArgumentMap],
    threshold: float = 0.6,
    kinds: Iterable[str | NodeKind] = (NodeKind.RECOMMENDATION,),
    *,
    exact: bool = False,
    grouped: Iterable[str] = (),
) -> list[Suggestion]:
    """The equivalence groups :func:`align` suggests, most similar first.

    Groups of nodes of different maps whose words overlap at least ``threshold`` and whose
    texts do not say opposite things.
    """
    return list(align(maps, threshold, kinds, exact=exact, grouped=grouped).equivalences)


def suggest_relations(
    maps: Iterable[ArgumentMap],
    threshold: float = 0.6,
    kinds: Iterable[str | NodeKind] = (NodeKind.RECOMMENDATION,),
    *,
    exact: bool = False,
    related: Iterable[tuple[str, str]] = (),
) -> list[RelationSuggestion]:
    """The contradictions :func:`align` suggests: similar texts that say opposite things."""
    return list(align(maps, threshold, kinds, exact=exact, related=related).relations)


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


def review_text(
    suggestions: Sequence[Suggestion],
    threshold: float,
    method: str,
    relations: Sequence[RelationSuggestion] = (),
) -> str:
    """A review file in the corpus format: suggested equivalence groups and relations.

    >>> found = [Suggestion(("a:r", "b:x"), 0.75)]
    >>> denial = RelationSuggestion("contradiction", "a:r", "c:y", 0.8, "'not' in c:y only")
    >>> print(review_text(found, 0.6, "MinHash LSH", [denial]), end="")
    # Suggested by argmap align (word overlap >= 0.6, MinHash LSH).
    # Nothing here is merged: move each link you accept into the corpus file.
    equivalences:
      - nodes: [a:r, b:x]
        note: "suggested: word overlap 0.75"
    relations:
      - contradiction: a:r <-> c:y
        note: "suggested: word overlap 0.80; 'not' in c:y only"
    """
    lines = [
        f"# Suggested by argmap align (word overlap >= {threshold}, {method}).",
        "# Nothing here is merged: move each link you accept into the corpus file.",
        "equivalences:" if suggestions else "equivalences: []",
    ]
    for s in suggestions:
        lines.append(f"  - nodes: [{', '.join(s.members)}]")
        lines.append(f'    note: "suggested: word overlap {s.score:.2f}"')
    lines.append("relations:" if relations else "relations: []")
    for r in relations:
        lines.append(f"  - {r.kind}: {r.source} <-> {r.target}")
        note = f"suggested: word overlap {r.score:.2f}; {r.cue}"
        lines.append(f"    note: {json.dumps(note, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def to_dict(suggestions: Sequence[Suggestion]) -> list[dict[str, Any]]:
    """JSON-ready."""
    return [{"members": list(s.members), "score": s.score} for s in suggestions]

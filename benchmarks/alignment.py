"""argmap align: MinHash LSH candidates against the all-pairs answer, at 10^3 and 10^4 maps.

Run:  .venv/bin/python benchmarks/alignment.py [--maps 1000 10000] [--threshold 0.6]
          [--exact-up-to 10000] [--denials 1000]

Synthetic maps (seed 1) of 15 recommendations each, their texts ten content words drawn
from a Zipf-like vocabulary of 30,000 words; a fifth of them restate a recommendation of
another map with one or two words changed (the pairs an analyst wants found), and a
quarter of those deny it ("not" added). For each size: items, the LSH candidate pairs
compared, the pairs at or above the threshold found by hashing and by All-Pairs (the
exact reference: SetSimilaritySearch's prefix filtering), the recall of hashing against
it, the seconds of each (the reference up to ``--exact-up-to`` maps) and the comparisons
every pair would take; at every size, the share of the planted restatements at or above
the threshold that hashing finds.

A second table (``--denials``: maps) runs the whole of ``align`` on such maps. Items
restated from one another form a family; two of a family at or above the threshold are
*opposed* if one says "not" and the other does not (a denial of a denial says what the
original says), of the *same stance* otherwise. It gives the opposed pairs suggested as
contradictions (recall) and the share of suggested contradictions that are opposed pairs
(precision), the same-stance pairs joined in one equivalence group, the opposed pairs put
in one group (which must be none), and the pairs of different families at or above the
threshold (coincidences of the vocabulary).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import argmap
from argmap.analysis.alignment import align, exact_pairs, hashed_pairs
from argmap.table import format_table

VOCABULARY = 30_000
PER_MAP = 15
WORDS = 10


def synthetic(
    maps: int, seed: int = 1
) -> tuple[list[frozenset[str]], list[str], list[tuple[int, int]], set[int]]:
    """The word sets of every recommendation, each one's map, the restatement pairs and
    the restatements that deny their source."""
    rng = random.Random(seed)
    weights = [1 / (rank + 10) for rank in range(VOCABULARY)]  # Zipf-like, flattened at the top
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]
    words: list[frozenset[str]] = []
    essays: list[str] = []
    planted: list[tuple[int, int]] = []
    denials: set[int] = set()
    for m in range(maps):
        for _ in range(PER_MAP):
            if words and rng.random() < 0.2:  # a restatement of another map's recommendation
                source = rng.randrange(len(words))
                planted.append((source, len(words)))
                if rng.random() < 0.25:
                    denials.add(len(words))
                base = list(words[source])
                for _ in range(rng.choice((1, 2))):
                    base[rng.randrange(len(base))] = rng.choices(vocabulary, weights)[0]
                words.append(frozenset(base))
            else:
                words.append(frozenset(rng.choices(vocabulary, weights, k=WORDS)))
            essays.append(f"m{m}")
    return words, essays, planted, denials


def text_of(words: frozenset[str], denied: bool) -> str:
    """An item's text: its words, with "not" after the first if it denies its source."""
    ordered = sorted(words)
    return " ".join([*ordered[:1], "not", *ordered[1:]] if denied else ordered) + "."


def denial_rows(maps: int, threshold: float) -> list[list[object]]:
    """One row: what ``align`` suggests, against what the planted texts say.

    Items restated from one another form a family; two of a family at or above the
    threshold contradict each other if one of them says "not" and the other does not, and
    are equivalent otherwise (a denial of a denial says the same as the original, as its
    text does). Pairs of different families at or above the threshold are coincidences.
    """
    words, essays, planted, denials = synthetic(maps)
    family = list(range(len(words)))

    def root(i: int) -> int:
        while family[i] != i:
            i = family[i]
        return i

    for i, j in planted:
        family[root(j)] = root(i)
    nodes: dict[str, list[argmap.Node]] = {}
    for i, (ws, essay) in enumerate(zip(words, essays, strict=True)):
        node = argmap.Node(f"n{i}", "recommendation", text_of(ws, i in denials))
        nodes.setdefault(essay, []).append(node)
    start = time.perf_counter()
    found = align([argmap.ArgumentMap(e, e, ns) for e, ns in nodes.items()], threshold)
    seconds = time.perf_counter() - start

    def name(i: int) -> str:
        return f"{essays[i]}:n{i}"

    above = exact_pairs(words, essays, threshold)
    related = [(i, j) for i, j in above if root(i) == root(j)]
    denying = {
        frozenset((name(i), name(j))) for i, j in related if (i in denials) != (j in denials)
    }
    alike = [(name(i), name(j)) for i, j in related if (i in denials) == (j in denials)]
    suggested = {frozenset((r.source, r.target)) for r in found.relations}
    group_of = {m: k for k, s in enumerate(found.equivalences) for m in s.members}
    together = sum(1 for a, b in alike if a in group_of and group_of[a] == group_of.get(b))
    opposed_grouped = sum(
        1 for pair in denying if len({group_of.get(m, -1 - k) for k, m in enumerate(pair)}) == 1
    )
    right = len(suggested & denying)
    return [
        [
            maps,
            f"{len(denying):,}",
            f"{right / len(denying):.3f}" if denying else "",
            f"{right / len(suggested):.3f}" if suggested else "",
            f"{len(alike):,}",
            f"{together / len(alike):.3f}" if alike else "",
            opposed_grouped,
            len(above) - len(related),
            f"{seconds:.1f}",
        ]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--maps", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--exact-up-to", type=int, default=10_000)
    parser.add_argument("--denials", type=int, nargs="*", default=[1000])
    args = parser.parse_args()
    rows = []
    for maps in args.maps:
        print(f"{maps} maps ...", file=sys.stderr, flush=True)
        words, essays, planted, _ = synthetic(maps)
        # the restatements at or above the threshold: a part of the all-pairs answer that
        # is known at every size (the all-pairs reading itself grows with the square)
        wanted = {
            (i, j)
            for i, j in planted
            if essays[i] != essays[j]
            and len(words[i] & words[j]) / len(words[i] | words[j]) >= args.threshold
        }
        start = time.perf_counter()
        hashed, candidates = hashed_pairs(words, essays, args.threshold)
        lsh_seconds = time.perf_counter() - start
        planted_recall = len(wanted & set(hashed)) / len(wanted) if wanted else 1.0
        cells: list[object] = [maps, len(words), f"{candidates:,}", f"{len(hashed):,}"]
        cells.append(f"{planted_recall:.3f}")
        if maps <= args.exact_up_to:
            start = time.perf_counter()
            exact = exact_pairs(words, essays, args.threshold)
            exact_seconds = time.perf_counter() - start
            recall = len(set(hashed) & set(exact)) / len(exact) if exact else 1.0
            all_pairs = len(words) * (len(words) - 1) // 2
            cells += [f"{len(exact):,}", f"{recall:.3f}", f"{lsh_seconds:.1f}"]
            cells += [f"{exact_seconds:.1f}", f"{all_pairs:,}"]
        else:
            cells += ["", "", f"{lsh_seconds:.1f}", "", ""]
        rows.append(cells)
    headers = [
        "maps",
        "items",
        "LSH candidates",
        "found",
        "restatements found",
        "all-pairs found",
        "recall",
        "LSH s",
        "all-pairs s",
        "pairs in all",
    ]
    print(format_table(headers, rows))
    rows = []
    for maps in args.denials:
        print(f"{maps} maps, align ...", file=sys.stderr, flush=True)
        rows += denial_rows(maps, args.threshold)
    headers = [
        "maps",
        "opposed pairs",
        "as contradictions",
        "precision",
        "same-stance pairs",
        "grouped",
        "opposed grouped",
        "coincidences",
        "align s",
    ]
    print()
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

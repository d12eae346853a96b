"""argmap align: MinHash LSH candidates against the all-pairs reading, at 10^3 and 10^4 maps.

Run:  .venv/bin/python benchmarks/alignment.py [--maps 1000 10000] [--threshold 0.6]
          [--exact-up-to 10000]

Synthetic maps (seed 1) of 15 recommendations each, their texts ten content words drawn
from a Zipf-like vocabulary of 30,000 words; a fifth of them restate a recommendation of
another map with one or two words changed (the pairs an analyst wants found). For each
size: items, the LSH candidate pairs compared, the pairs at or above the threshold found
by hashing and by comparing every pair sharing a word (the reference: an inverted index),
the recall of hashing against it, and the seconds of each (the reference only up to
``--exact-up-to`` maps); at every size, the share of the planted restatements at or above
the threshold that hashing finds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from argmap.analysis.alignment import exact_pairs, hashed_pairs
from argmap.table import format_table

VOCABULARY = 30_000
PER_MAP = 15
WORDS = 10


def synthetic(
    maps: int, seed: int = 1
) -> tuple[list[frozenset[str]], list[str], list[tuple[int, int]]]:
    """The word sets of every recommendation, each one's map, and the restatement pairs."""
    rng = random.Random(seed)
    weights = [1 / (rank + 10) for rank in range(VOCABULARY)]  # Zipf-like, flattened at the top
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]
    words: list[frozenset[str]] = []
    essays: list[str] = []
    planted: list[tuple[int, int]] = []
    for m in range(maps):
        for _ in range(PER_MAP):
            if words and rng.random() < 0.2:  # a restatement of another map's recommendation
                source = rng.randrange(len(words))
                planted.append((source, len(words)))
                base = list(words[source])
                for _ in range(rng.choice((1, 2))):
                    base[rng.randrange(len(base))] = rng.choices(vocabulary, weights)[0]
                words.append(frozenset(base))
            else:
                words.append(frozenset(rng.choices(vocabulary, weights, k=WORDS)))
            essays.append(f"m{m}")
    return words, essays, planted


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--maps", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--exact-up-to", type=int, default=10_000)
    args = parser.parse_args()
    rows = []
    for maps in args.maps:
        print(f"{maps} maps ...", file=sys.stderr, flush=True)
        words, essays, planted = synthetic(maps)
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


if __name__ == "__main__":
    main()

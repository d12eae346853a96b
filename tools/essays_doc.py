"""Write docs/essays.md from the bundled maps, so the page cannot drift from the data.

Run:  .venv/bin/python tools/essays_doc.py            (rewrites docs/essays.md)
      .venv/bin/python tools/essays_doc.py --check    (exit 1 if it is out of date)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import argmap
from argmap.analysis.questions import critical_questions

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "essays.md"

INTRO = """\
# The essays

`maps/` encodes the five essays of the first corpus (and, as a separate map, the reader
comments under the blog post) from the texts in `../shared/seeds/`. Each node's `para`
counts the non-empty lines of its essay's text file; `argmap check --strict maps/` checks
every paragraph number and quote against the text. This page is generated from the maps by
`tools/essays_doc.py` (the test suite fails if it is out of date): the protocol and the
account of agreements and disagreements are written by hand in `tools/essays_protocol.md`
and `tools/essays_account.md`, everything else is computed from the maps (the schemes and
open critical questions too: the schemes were chosen, and the answers linked, by reading
each reason's paragraphs).
"""

HERE = Path(__file__).resolve().parent
PROTOCOL = HERE / "essays_protocol.md"
ACCOUNT = HERE / "essays_account.md"


def _own_reading(corpus: argmap.Corpus) -> list[str]:
    """What each essay accepts of its own recommendations and rival views, computed."""
    lines = [
        "## What each essay accepts, computed",
        "",
        "Under the default reading (`defeasible` support, grounded semantics), in each essay's "
        "own map:",
        "",
        "| essay | recommendations accepted | rival views rejected |",
        "|---|---|---|",
    ]
    exceptions = []
    for m in corpus.maps:
        labels = argmap.labelling(m, "grounded")
        recs = list(m.recommendations)
        rivals = [n for n in m.nodes if "rival-view" in n.tags]
        kept = sum(labels[r.id] == "in" for r in recs)
        rejected = sum(labels[n.id] != "in" for n in rivals)
        lines.append(f"| `{m.id}` | {kept} of {len(recs)} | {rejected} of {len(rivals)} |")
        exceptions += [
            f"- `{m.id}:{r.id}` is {str(labels[r.id]).upper()}: {r.note or 'no note'}"
            for r in recs
            if labels[r.id] != "in"
        ]
    lines += ["", *(exceptions or ["Every essay accepts every one of its own recommendations."])]
    return [*lines, ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _essay(m: argmap.ArgumentMap, corpus: argmap.Corpus) -> list[str]:
    kinds = (len(m.claims), len(m.evidence), len(m.recommendations))
    edges = (len(m.supports), len(m.attacks) - len(m.undercuts), len(m.undercuts))
    lines = [
        f"## {m.title}",
        "",
        f"`maps/{m.id}.yaml` — {', '.join(m.authors)}"
        + (f", {m.venue}" if m.venue else "")
        + (f", {m.date}" if m.date else "")
        + ".",
        "",
        _cell(m.summary or ""),
        "",
        f"{len(m.nodes)} nodes ({kinds[0]} claims, {kinds[1]} evidence, {kinds[2]} "
        f"recommendations); {len(m.edges)} edges ({edges[0]} supports, {edges[1]} attacks, "
        f"{edges[2]} undercuts).",
        "",
        "| id | actors | recommendation |",
        "|---|---|---|",
    ]
    lines += [f"| `{r.id}` | {', '.join(r.actors)} | {_cell(r.text)} |" for r in m.recommendations]
    links = [
        f"- same as {', '.join(f'`{o}`' for o in eq.members if o.essay != m.id)} "
        f"(`{', '.join(x.node for x in eq.members if x.essay == m.id)}`): "
        f"{' '.join((eq.note or '').split())}"
        for eq in corpus.equivalences
        if any(x.essay == m.id for x in eq.members)
    ]
    links += [
        f"- {r.kind}{' (hindsight: later evidence)' if r.hindsight else ''}: "
        f"`{r.source}` → `{r.target}`: {' '.join((r.note or '').split())}"
        for r in corpus.relations
        if m.id in (r.source.essay, r.target.essay)
    ]
    lines += ["", "Linked in `maps/corpus.yaml`:", "", *(links or ["- nothing yet"]), ""]
    return lines + _questions(m)


SHOWN = 3
"""The open critical questions listed per recommendation (the most telling first)."""


def _questions(m: argmap.ArgumentMap) -> list[str]:
    """The schemes of the recommendations' reasons, and the critical questions left open."""
    found = critical_questions(m)
    own = [r for q in found for r in q.reasons if r.depth == 1]
    if not own:
        return []
    schemes = Counter(r.reason.scheme.id for r in {r.reason.key: r for r in own}.values())
    answered = {(r.reason.key, q) for r in own for q in r.answered}
    opened = {(o.reason, o.question.id) for q in found for o in q.open if o.depth == 1}
    lines = [
        "Schemes of the reasons for its recommendations (`argmap questions`, "
        "[schemes](schemes.md)): "
        + ", ".join(f"{name} ×{count}" for name, count in schemes.most_common())
        + f". Their critical questions: {len(answered)} answered in the map, {len(opened)} "
        f"left open. The most telling open ones per recommendation (! decisive: an "
        f"unanswered “no” would take it out of the accepted set):",
        "",
    ]
    for q in found:
        shown = [o for o in q.open if o.depth == 1][:SHOWN]
        if shown:
            items = "; ".join(
                f"{'! ' if o.decisive else ''}{o.question.id} (on `{o.attacks}`) — "
                f"{_cell(o.question.text)}"
                for o in shown
            )
            lines.append(f"- `{q.recommendation.id}`: {items}")
    return [*lines, ""]


def render() -> str:
    """The page's text."""
    corpus = argmap.read_corpus(ROOT / "maps")
    lines = [INTRO, PROTOCOL.read_text(encoding="utf-8"), ACCOUNT.read_text(encoding="utf-8")]
    lines += _own_reading(corpus)
    for m in corpus.maps:
        lines += _essay(m, corpus)
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    """Write the page, or with --check compare it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the page is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run tools/essays_doc.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

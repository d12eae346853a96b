"""The corpus commands of ``argmap``: conflicts, consensus, fuse, and check --consistency.

The analyses themselves are in :mod:`argmap.analysis`; this module reads the folder, runs
them and writes their results as text (or JSON, through :func:`~argmap.cli.output.emit`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.analysis.conflicts import Conflict, Resolution, conflicts
from argmap.analysis.consensus import Consensus, consensus
from argmap.analysis.consistency import Consistency, consistency
from argmap.analysis.fusion import Fusion, fuse
from argmap.analysis.merge import merge
from argmap.analysis.reading import Reading, reading, tensions
from argmap.analysis.status import Tension
from argmap.bipolar import AttackKind
from argmap.cli.output import emit, format_table, wrapped
from argmap.errors import ArgmapError
from argmap.formats.yaml import read_corpus
from argmap.model import Corpus
from argmap.options import DEFAULT_ROLES, Role

__all__ = ["check_consistency", "conflicts_in", "consensus_of", "fuse_essays"]


def _corpus(path: str) -> Corpus:
    if not Path(path).is_dir():
        raise ArgmapError(f"{path}: expected a folder of maps with a corpus.yaml")
    return read_corpus(path)


def _reading(path: str, args: argparse.Namespace) -> Reading:
    return reading(
        _corpus(path), args.semantics, args.support, mode=args.mode, timeout=args.timeout
    )


def _roles(args: argparse.Namespace) -> tuple[Role, ...]:
    """The roles of the maps counted: essays, and comments with ``--include-comments``."""
    return tuple(Role) if getattr(args, "include_comments", False) else DEFAULT_ROLES


def _counting(counted: int, left_out: tuple[str, ...], args: argparse.Namespace) -> str:
    """One line: how many maps are counted, and which are left out."""
    if getattr(args, "include_comments", False):
        return f"Counting {counted} maps, reader comments included."
    line = f"Counting {counted} essays"
    if left_out:
        line += f"; left out: {', '.join(left_out)} (comments; --include-comments counts them)"
    return line + "."


def _text(found: Reading, node: str, width: int = 70) -> str:
    text = found.merged.map.node(node).text
    return text if len(text) <= width else text[: width - 1] + "…"


def _heading(found: Reading, what: str) -> str:
    return (
        f"{what} ({found.semantics}, support: {found.support}, "
        f"each essay's {found.mode} acceptance)"
    )


def _conflict_lines(number: int, found: Reading, c: Conflict) -> list[str]:
    pairs = ", ".join(f"{a} vs {b}" if a != b else f"{a} vs itself" for a, b in c.pairs)
    out = [
        f"{number}. {pairs}: {c.resolution}",
        wrapped(f"{c.attacker}: {_text(found, c.attacker, 200)}", "   "),
        wrapped(f"attacks {c.target}: {_text(found, c.target, 200)}", "   "),
        wrapped(f"how: {c.attack.describe()} (stated by {', '.join(c.stated_by)})", "   "),
    ]
    out += [wrapped(f"rationale: {note}", "   ") for note in c.notes]
    if c.lost:
        out.append(wrapped(f"lost: {', '.join(c.lost)}; {c.why}", "   "))
    return out


STATED, DERIVED, LATER = "stated", "derived", "later evidence"
"""The three sections of the conflicts report, in order."""


def _category(c: Conflict) -> str:
    """Stated (a direct attack), derived (through reasons), or later evidence (hindsight)."""
    if c.hindsight:
        return LATER
    return STATED if c.attack.kind is AttackKind.DIRECT else DERIVED


UNTAGGED = "untagged"
"""The theme of conflicts whose two nodes share no tag; listed last."""


def _themes(found: Reading, c: Conflict) -> tuple[str, ...]:
    """The tags the attacker and the target share (in the attacker's order), or ``untagged``."""
    nodes = found.merged.map
    target = set(nodes.node(c.target).tags)
    shared = tuple(t for t in nodes.node(c.attacker).tags if t in target)
    return shared or (UNTAGGED,)


def _by_theme(found: Reading, listed: list[Conflict]) -> dict[str, list[Conflict]]:
    """The conflicts under each theme they belong to: themes sorted, ``untagged`` last."""
    groups: dict[str, list[Conflict]] = {}
    for c in listed:
        for theme in _themes(found, c):
            groups.setdefault(theme, []).append(c)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == UNTAGGED, item[0])))


def _conflict_table(found: list[Conflict]) -> str:
    by_pair: dict[tuple[str, str], list[Conflict]] = {}
    for c in found:
        for a, b in c.pairs:
            by_pair.setdefault((a, b), []).append(c)
    rows = [
        [
            a,
            b if b != a else "(itself)",
            len(cs),
            *(sum(_category(c) == k for c in cs) for k in (STATED, DERIVED, LATER)),
            *(sum(c.resolution is r for c in cs) for r in Resolution),
        ]
        for (a, b), cs in sorted(by_pair.items())
    ]
    headers = ["attacking essay", "attacked essay", "all", STATED, DERIVED, "later"]
    return format_table([*headers, *(str(r) for r in Resolution)], rows)


def _summary(found: Reading, listed: list[Conflict]) -> list[str]:
    """The one-screen summary: counts, the table per pair of essays, the themes."""
    count = {k: sum(_category(c) == k for c in listed) for k in (STATED, DERIVED, LATER)}
    out = [
        _heading(found, f"{len(listed)} conflicts"),
        wrapped(
            f"{count[STATED]} stated (a direct attack between the two essays' nodes), "
            f"{count[DERIVED]} derived (through reasons, under support: {found.support}), "
            f"{count[LATER]} later evidence (a later essay reports events after the attacked "
            "essay was written: not a disagreement between the authors).",
            "",
        ),
    ]
    if not listed:
        return out
    themes = ", ".join(f"{t} {len(cs)}" for t, cs in _by_theme(found, listed).items())
    return [*out, "", _conflict_table(listed), "", wrapped(f"By theme: {themes}.", "")]


def _section(found: Reading, title: str, listed: list[tuple[int, Conflict]]) -> list[str]:
    """One section (stated or derived) of the details, grouped by theme."""
    out = ["", "", f"{title} ({len(listed)})"]
    numbers = {id(c): n for n, c in listed}
    shown: dict[int, str] = {}
    for theme, group in _by_theme(found, [c for _, c in listed]).items():
        out += ["", f"== {theme} ({len(group)}) =="]
        for c in group:
            number = numbers[id(c)]
            if number in shown:
                out.append(
                    f"{number}. {c.attacker} attacks {c.target} (listed under {shown[number]})"
                )
                continue
            shown[number] = theme
            out += _conflict_lines(number, found, c)
    return out


SECTIONS = {
    STATED: "Stated disagreements",
    DERIVED: "Derived conflicts, each with its path through reasons",
    LATER: "Later evidence: events reported after the attacked essay was written",
}
"""The title of each section of the details."""


def _conflicts_text(found: Reading, listed: list[Conflict], internal: list[Tension]) -> list[str]:
    order = list(SECTIONS)
    numbered = list(enumerate(sorted(listed, key=lambda c: order.index(_category(c))), 1))
    out = _summary(found, listed)
    for category, title in SECTIONS.items():
        section = [(n, c) for n, c in numbered if _category(c) == category]
        if section or category == STATED:
            out += _section(found, title, section)
    out += ["", f"Internal tensions: {len(internal) or 'none'}"]
    return out + [wrapped(t.describe(), "  ") for t in internal]


def conflicts_in(args: argparse.Namespace) -> int:
    """``argmap conflicts``: where one essay's accepted nodes attack another's."""
    found = _reading(args.path, args)
    listed = [c for c in conflicts(found) if not args.direct or c.attack.kind is AttackKind.DIRECT]
    internal = tensions(found)
    result = {
        "semantics": found.semantics,
        "support": found.support,
        "mode": found.mode,
        "conflicts": listed,
        "tensions": [
            {"essay": t.essay, "recommendations": list(t.recommendations), "attackers": t.attackers}
            for t in internal
        ],
    }
    emit(result, args, lambda _: _conflicts_text(found, listed, internal))
    return 0


MATRIX_WIDTH = 80
"""The width the consensus matrix fits in: long recommendation ids are cut."""


def _matrix(result: Consensus) -> list[str]:
    """Recommendation groups by counted essays, one mark a cell, numbered columns, a legend."""
    essays = result.counted
    if not essays or not result.items:
        return []
    column = max(len(str(len(essays))), 1) + 1
    room = MATRIX_WIDTH - column * len(essays) - 1
    width = min(max(len("recommendation"), *(len(i.node) for i in result.items)), room)

    def cut(node: str) -> str:
        return node if len(node) <= width else node[: width - 1] + "…"

    header = "recommendation".ljust(width)
    out = [
        "Who stands where (+ endorses, - opposes, . silent):",
        header + " " + "".join(str(n).rjust(column) for n in range(1, len(essays) + 1)),
    ]
    for item in result.items:
        marks = "".join(result.stance(item, e).mark.rjust(column) for e in essays)
        out.append(cut(item.node).ljust(width) + " " + marks)
    return out + [f"{str(n).rjust(column)} = {e}" for n, e in enumerate(essays, 1)]


def _consensus_text(found: Reading, result: Consensus, args: argparse.Namespace) -> list[str]:
    rule = f"quorum {args.quorum}" if args.rule == "quorum" else str(args.rule)
    what = f"Consensus by {rule}: {len(result.selected)} of {len(result.items)} recommendations"
    chosen = {i.node for i in result.selected}
    rows = [
        [
            "*" if i.node in chosen else "",
            i.node,
            f"{len(i.endorsers)}/{result.essays}"
            + (" (comments only)" if i.only_uncounted else ""),
            len(i.opposers),
            i.status,
            _text(found, i.node, 60),
        ]
        for i in result.items
    ]
    headers = ["", "recommendation", "endorsed", "opposed", "merged status", "text"]
    counting = _counting(result.essays, result.left_out, args)
    out = [_heading(found, what), counting, "", format_table(headers, rows), ""]
    out += _matrix(result)
    for i in result.selected:
        out += ["", f"{i.node}: {i.text}"]
        out.append(wrapped(f"endorsed by {', '.join(i.endorsers) or 'no essay'}", "  "))
        if i.opposers:
            out.append(wrapped(f"opposed by {', '.join(i.opposers)}", "  "))
        if i.later_evidence:
            later = ", ".join(i.later_evidence)
            out.append(wrapped(f"later evidence against it from {later} (not opposers)", "  "))
        for line in str(i.explanation).splitlines():
            out.append(wrapped(line.strip(), "  " + " " * (len(line) - len(line.lstrip()))))
    return out


def consensus_of(args: argparse.Namespace) -> int:
    """``argmap consensus``: the recommendations the essays share, ranked."""
    found = _reading(args.path, args)
    result = consensus(found, args.rule, quorum=args.quorum, roles=_roles(args))
    emit(result, args, lambda r: _consensus_text(found, r, args))
    return 0


def _consistency_text(
    path: str, found: Reading, result: Consistency, args: argparse.Namespace
) -> list[str]:
    what = f"{path}: {len(result.maximal)} maximal consistent subsets of essays"
    rows = [
        [i, len(subset), ", ".join(sorted(subset))] for i, subset in enumerate(result.maximal, 1)
    ]
    counting = _counting(len(result.essays), result.left_out, args)
    out = [
        _heading(found, what),
        counting,
        "",
        format_table(["#", "essays", "jointly consistent"], rows),
    ]
    if result.truncated:
        out.append(f"(only the first {len(result.maximal)} maximal subsets are listed)")
    out.append("")
    clash_rows = [[a, b, len(c)] for (a, b), c in result.clashes.items()]
    out.append(
        format_table(["essay", "conflicts with", "conflicts"], clash_rows)
        if clash_rows
        else "No two essays conflict."
    )
    for essay, c in result.self_inconsistent.items():
        out += ["", f"{essay} is inconsistent once linked to the corpus ({len(c)} conflicts)"]
    for (later, earlier), c in result.later_evidence.items():
        out.append(
            wrapped(
                f"Not counted: {len(c)} conflict(s) of later evidence, {later} reporting "
                f"events after {earlier} was written.",
                "",
            )
        )
    return out


def check_consistency(args: argparse.Namespace) -> int:
    """``argmap check --consistency``: which essays of each folder are jointly consistent.

    With ``--json``, the consistency of one folder is an object, of several a list of them.
    """
    readings = [(path, _reading(path, args)) for path in args.paths]
    results = [consistency(found, roles=_roles(args)) for _, found in readings]

    def text(_: object) -> list[str]:
        out: list[str] = []
        for (path, found), result in zip(readings, results, strict=True):
            out += ["", *_consistency_text(path, found, result, args)]
        return out

    emit(results[0] if len(results) == 1 else results, args, text)
    return 0


def _fusion_text(corpus: Corpus, result: Fusion, args: argparse.Namespace) -> list[str]:
    out = [
        f"{args.operator} merge of {len(result.essays)} essays ({result.semantics}, support: "
        f"{args.support}): {len(result.frameworks)} framework(s) selected, "
        f"{len(result.disputed)} disputed attack(s)",
        "",
    ]
    for pair in result.disputed:
        kept = sum(pair in af.attacks for af in result.frameworks)
        out.append(f"  {pair[0]} -> {pair[1]}: kept in {kept} of {len(result.frameworks)}")
    out += ["", wrapped("distances to the essays (" + ", ".join(result.essays) + "):", "")]
    out += [f"  {list(d)}" for d in result.distances]
    merged = merge(corpus)
    counted = set(result.essays)
    rows = [
        [node.id, f"{len(stating)}/{len(counted)}", result.status(node.id)]
        for node in merged.map.recommendations
        for stating in [merged.essays_of(node.id) & counted]
        if stating
    ]
    return [*out, "", format_table(["recommendation", "stated by", "status"], rows)]


def fuse_essays(args: argparse.Namespace) -> int:
    """``argmap fuse``: merge the essays' frameworks with an operator."""
    corpus = _corpus(args.path)
    result = fuse(
        corpus,
        args.operator,
        semantics=args.semantics,
        support=args.support,
        timeout=args.timeout,
        roles=_roles(args),
    )
    emit(result, args, lambda r: _fusion_text(corpus, r, args))
    return 0

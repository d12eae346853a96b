"""The corpus commands of ``argmap``: conflicts, consensus, fuse, and check --consistency.

The analyses themselves are in :mod:`argmap.analysis`; this module reads the folder, runs
them and writes their results as text (or JSON, through :func:`~argmap.cli.output.emit`).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from argmap.analysis.conflicts import Category, Conflict, Resolution, conflicts_of, in_order
from argmap.analysis.consensus import Consensus, ConsensusItem, combined, consensus
from argmap.analysis.consistency import Consistency, consistency
from argmap.analysis.fusion import Fusion, fuse
from argmap.analysis.merge import merge
from argmap.analysis.reading import Reading, reading, tensions
from argmap.analysis.status import Tension
from argmap.batch.components import per_component
from argmap.bipolar import AttackKind, labelling
from argmap.cli.output import (
    emit,
    plural,
    progress_line,
    shorten,
    status_word,
    table,
    width,
    wrapped,
)
from argmap.cli.paths import need_folder
from argmap.formats.yaml import read_corpus
from argmap.model import Corpus, Node
from argmap.options import (
    DEFAULT_ROLES,
    STATUS_WORDS,
    Acceptance,
    ConsensusRule,
    Role,
    Semantics,
    Support,
)

__all__ = ["check_consistency", "conflicts_in", "consensus_of", "fuse_essays"]

T = TypeVar("T")


def _corpus(path: str, command: str) -> Corpus:
    corpus = read_corpus(need_folder(path, command))
    # What was read lives until the command ends: out of the collector's reach, so the
    # analyses' allocations do not set off collections that walk it all again.
    gc.freeze()
    return corpus


def _reading(
    path: str, args: argparse.Namespace, command: str, corpus: Corpus | None = None
) -> Reading:
    found = reading(
        corpus or _corpus(path, command),
        args.semantics,
        args.support,
        mode=args.mode,
        timeout=args.timeout,
    )
    gc.freeze()  # the reading, too, lives until the command ends (see _corpus)
    return found


@attrs.frozen
class Shown:
    """What a corpus command's text shows of its reading: the options and the merged nodes.

    Read off a whole corpus's :class:`Reading` (:meth:`of`), or gathered from its
    components' (``--workers``/``--scheduler``), whose merged nodes are the same.
    """

    semantics: Semantics
    support: Support
    mode: Acceptance
    node: Callable[[str], Node]
    """A merged node by its id."""

    @classmethod
    def of(cls, found: Reading) -> Shown:
        """What the text shows of a whole reading."""
        return cls(found.semantics, found.support, found.mode, found.merged.map.node)


def _by_components(args: argparse.Namespace) -> bool:
    """Whether the command runs component by component (``--scheduler`` or ``--workers``)."""
    return args.scheduler is not None or args.workers is not None


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


def _text(found: Shown, node: str, width: int = 200) -> str:
    """A node's text, cut at a word (with "…") beyond ``width`` characters."""
    return shorten(found.node(node).text, width)


def _heading(found: Shown, what: str) -> str:
    return (
        f"{what} ({found.semantics}, support: {found.support}, "
        f"each essay's {found.mode} acceptance)"
    )


def _verb(c: Conflict) -> str:
    """``attacks``, or ``contradicts`` for a conflict whose two nodes attack each other."""
    return "contradicts" if c.mutual else "attacks"


def _conflict_lines(number: int, found: Shown, c: Conflict) -> list[str]:
    pairs = ", ".join(f"{a} vs {b}" if a != b else f"{a} vs itself" for a, b in c.pairs)
    how = f"{c.attacker} and {c.target} attack each other" if c.mutual else c.attack.describe()
    out = [
        wrapped(f"{number}. {pairs}: {c.resolution}", "", hanging="   "),
        wrapped(f"{c.attacker}: {_text(found, c.attacker)}", "   "),
        wrapped(f"{_verb(c)} {c.target}: {_text(found, c.target)}", "   "),
        wrapped(f"how: {how} (stated by {', '.join(c.stated_by)})", "   "),
    ]
    out += [wrapped(f"rationale: {note}", "   ") for note in c.notes]
    if c.lost:
        out.append(wrapped(f"lost: {', '.join(c.lost)}; {c.why}", "   "))
    return out


STATED, DERIVED, LATER = Category.STATED, Category.DERIVED, Category.LATER
"""The three sections of the conflicts report, in order."""


UNTAGGED = "untagged"
"""The theme of conflicts whose two nodes share no tag; listed last."""


def _themes(found: Shown, c: Conflict) -> tuple[str, ...]:
    """The tags the attacker and the target share (in the attacker's order), or ``untagged``."""
    target = set(found.node(c.target).tags)
    shared = tuple(t for t in found.node(c.attacker).tags if t in target)
    return shared or (UNTAGGED,)


def _by_theme(found: Shown, listed: list[Conflict]) -> dict[str, list[Conflict]]:
    """The conflicts under each theme they belong to: themes sorted, ``untagged`` last."""
    groups: dict[str, list[Conflict]] = {}
    for c in listed:
        for theme in _themes(found, c):
            groups.setdefault(theme, []).append(c)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == UNTAGGED, item[0])))


def _conflict_table(found: list[Conflict]) -> str:
    """Per ordered pair of essays: the conflicts by kind and by resolution (one each)."""
    by_pair: dict[tuple[str, str], list[Conflict]] = {}
    for c in found:
        for a, b in c.pairs:
            by_pair.setdefault((a, b), []).append(c)
    rows = [
        [
            f"{a} {'↔' if all(c.mutual for c in cs) else '→'} {b if b != a else '(itself)'}",
            len(cs),
            *(sum(c.category == k for c in cs) for k in (STATED, DERIVED, LATER)),
            *(sum(c.resolution is r for c in cs) for r in Resolution),
        ]
        for (a, b), cs in sorted(by_pair.items())
    ]
    headers = ["attacking → attacked essay", "all", STATED, DERIVED, "later"]
    return table([*headers, *(str(r) for r in Resolution)], rows)


def _summary(found: Shown, listed: list[Conflict]) -> list[str]:
    """The one-screen summary: counts, the table per pair of essays, the themes."""
    count = {k: sum(c.category == k for c in listed) for k in (STATED, DERIVED, LATER)}
    out = [
        wrapped(_heading(found, plural(len(listed), "conflict")), ""),
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
    return [
        *out,
        "",
        wrapped(
            "Each conflict is one attack from a node one essay accepts to a node another "
            "accepts, counted once, under the essay that attacks; two nodes that attack each "
            "other (↔, a contradiction) are one conflict:",
            "",
        ),
        _conflict_table(listed),
        "",
        wrapped(f"By theme: {themes}.", ""),
    ]


SHOWN = {STATED: 10, DERIVED: 5, LATER: 5}
"""How many conflicts of each section are detailed unless ``--all`` is given."""


def _section(
    found: Shown, title: str, listed: list[tuple[int, Conflict]], limit: int | None
) -> list[str]:
    """One section (stated or derived) of the details, grouped by theme.

    Only the first ``limit`` conflicts of the section are detailed (all if ``None``), and a
    line says how many more ``--all`` would list.
    """
    out = ["", "", wrapped(f"{title} ({len(listed)})", "")]
    kept = listed if limit is None else listed[:limit]
    numbers = {id(c): n for n, c in kept}
    shown: dict[int, str] = {}
    for theme, all_of_theme in _by_theme(found, [c for _, c in kept]).items():
        group = [c for c in all_of_theme if id(c) in numbers]
        out += ["", f"== {theme} ({len(group)}) =="]
        for c in group:
            number = numbers[id(c)]
            if number in shown:
                out.append(
                    wrapped(
                        f"{number}. {c.attacker} {_verb(c)} {c.target} (listed under {shown[number]})",
                        "",
                        hanging="   ",
                    )
                )
                continue
            shown[number] = theme
            out += _conflict_lines(number, found, c)
    if len(kept) < len(listed):
        more = plural(len(listed) - len(kept), "more conflict")
        out += ["", wrapped(f"… and {more} in this section (--all lists every one).", "")]
    return out


SECTIONS = {kind: kind.heading for kind in Category}
"""The title of each section of the details."""


def _conflicts_text(
    found: Shown, listed: list[Conflict], internal: list[Tension], everything: bool
) -> list[str]:
    order = list(SECTIONS)
    numbered = list(enumerate(sorted(listed, key=lambda c: order.index(c.category)), 1))
    out = _summary(found, listed)
    for category, title in SECTIONS.items():
        section = [(n, c) for n, c in numbered if c.category == category]
        if section or category == STATED:
            limit = None if everything else SHOWN[category]
            out += _section(found, title, section, limit)
    out += ["", f"Internal tensions: {len(internal) or 'none'}"]
    return out + [wrapped(t.describe(), "  ") for t in internal]


def _part_conflicts(found: Reading) -> tuple[list[Conflict], list[Tension], dict[str, Node]]:
    """One component's conflicts, tensions and the merged nodes they name."""
    listed = conflicts_of(found)
    named = {n for c in listed for n in (c.attacker, c.target)}
    return listed, tensions(found), {n: found.merged.map.node(n) for n in named}


def _per_component(
    args: argparse.Namespace, command: str, analyse: Callable[..., T], *extra: Any
) -> tuple[Corpus, list[T]]:
    """The corpus, and ``analyse(reading, *extra)`` of each of its components (on Dask)."""
    corpus = _corpus(args.path, command)
    found = per_component(
        corpus,
        analyse,
        *extra,
        semantics=args.semantics,
        support=args.support,
        mode=args.mode,
        timeout=args.timeout,
        scheduler=args.scheduler,
        workers=args.workers,
        progress=None if args.json else progress_line("components"),
    )
    if not args.json:
        print(file=sys.stderr)  # the end of the progress line
    return corpus, found


def _conflicts(args: argparse.Namespace) -> tuple[Shown, list[Conflict], list[Tension]]:
    """The conflicts and tensions of the corpus: whole, or component by component."""
    if not _by_components(args):
        found = _reading(args.path, args, "conflicts")
        return Shown.of(found), conflicts_of(found), tensions(found)
    corpus, parts = _per_component(args, "conflicts", _part_conflicts)
    nodes: dict[str, Node] = {}
    listed: list[Conflict] = []
    internal: list[Tension] = []
    for part_listed, part_internal, part_nodes in parts:
        listed += part_listed
        internal += part_internal
        nodes.update(part_nodes)
    place = {m.id: i for i, m in enumerate(corpus.maps)}
    internal.sort(key=lambda t: place[t.essay])  # as the whole reading lists them
    shown = Shown(args.semantics, args.support, args.mode, nodes.__getitem__)
    return shown, in_order(listed, corpus), internal


def conflicts_in(args: argparse.Namespace) -> int:
    """``argmap conflicts``: where one essay's accepted nodes attack another's."""
    found, every, internal = _conflicts(args)
    listed = [c for c in every if not args.direct or c.attack.kind is AttackKind.DIRECT]
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
    emit(result, args, lambda _: _conflicts_text(found, listed, internal, args.all))
    return 0


def _matrix(result: Consensus, items: list[ConsensusItem]) -> list[str]:
    """Recommendation groups by counted essays, one mark a cell, numbered columns, a legend."""
    essays = result.counted
    if not essays or not items:
        return []
    cell = 6 if result.strength is not None else 2  # a mark and a strength, or a mark
    if len("recommendation") + cell * len(essays) > width():
        return [
            wrapped(
                f"Who stands where: {len(essays)} essays make too many columns for "
                f"{width()} columns; --json gives the matrix.",
                "",
            )
        ]

    def mark(item: ConsensusItem, essay: str) -> str:
        value = result.strengths.get(item.node, {}).get(essay)
        return result.stance(item, essay).mark + ("" if value is None else f"{value:.2f}")

    rows = [[i.node, *(mark(i, e) for e in essays)] for i in items]
    headers = ["recommendation", *(str(n) for n in range(1, len(essays) + 1))]
    column = len(str(len(essays)))
    legend = "Who stands where (+ endorses, - opposes, . silent"
    if result.strength is not None:
        legend += f"; the {result.strength.display_name} strength where the essay states it"
    return [
        wrapped(legend + "):", ""),
        table(headers, rows, gap=1, rule=False),
        *(f"{str(n).rjust(column)} = {e}" for n, e in enumerate(essays, 1)),
    ]


COMMENTS_ONLY = "†"
"""Marks a recommendation only maps left out of the count (reader comments) endorse."""


def _notable(result: Consensus, item: ConsensusItem, chosen: set[str]) -> bool:
    """Whether a recommendation is listed without ``--all``: selected, shared or disputed."""
    return (
        item.node in chosen
        or len(item.endorsers) > 1
        or bool(item.opposers or item.later_evidence)
        or item.status != "skeptical"
    )


HIDDEN_AT_LEAST = 4
"""Fewer unremarkable recommendations than this are listed anyway."""


def _merged_words(found: Reading, timeout: float | None) -> dict[str, str]:
    """Each merged node's status in words (the label under a single-extension semantics)."""
    if found.semantics.unique:
        labels = labelling(found.map, found.semantics, support=found.support, timeout=timeout)
        return {node: status_word(label, found.semantics) for node, label in labels.items()}
    return {}


def _consensus_text(
    found: Shown, words: Mapping[str, str], result: Consensus, args: argparse.Namespace
) -> list[str]:
    rule = f"quorum {args.quorum}" if args.rule == "quorum" else str(args.rule)
    what = f"Consensus by {rule}: {len(result.selected)} of {len(result.items)} recommendations"
    chosen = {i.node for i in result.selected}
    listed = [i for i in result.items if args.all or _notable(result, i, chosen)]
    if len(result.items) - len(listed) < HIDDEN_AT_LEAST:
        listed = list(result.items)
    rows = [
        [
            "*" if i.node in chosen else "",
            i.node,
            f"{len(i.endorsers)}/{result.essays}" + (COMMENTS_ONLY if i.only_uncounted else ""),
            len(i.opposers),
            words.get(i.node) or status_word(i.status, found.semantics),
            i.text,
        ]
        for i in listed
    ]
    headers = ["", "recommendation", "endorsed", "opposed", "merged status", "text"]
    counting = _counting(result.essays, result.left_out, args)
    out = [wrapped(_heading(found, what), ""), wrapped(counting, ""), ""]
    out += [table(headers, rows, cut=(5,))]
    if any(i.only_uncounted for i in listed):
        out.append(wrapped(f"{COMMENTS_ONLY} endorsed only by maps left out of the count", ""))
    hidden = len(result.items) - len(listed)
    if hidden:
        out.append(
            wrapped(
                f"… and {plural(hidden, 'more recommendation')}, each endorsed by one essay, "
                "opposed by none and accepted (--all lists them).",
                "",
            )
        )
    out += ["", *_matrix(result, listed)]
    for i in result.selected:
        out += ["", wrapped(f"{i.node}: {i.text}", "")]
        out.append(wrapped(f"endorsed by {', '.join(i.endorsers) or 'no essay'}", "  "))
        if i.opposers:
            out.append(wrapped(f"opposed by {', '.join(i.opposers)}", "  "))
        if i.later_evidence:
            later = ", ".join(i.later_evidence)
            out.append(wrapped(f"later evidence against it from {later} (not opposers)", "  "))
        for line in str(i.explanation).splitlines():
            indent = "  " + " " * (len(line) - len(line.lstrip()))
            out.append(wrapped(line.strip(), indent, hanging=indent + "  "))
    return out


def _part_consensus(
    found: Reading, roles: tuple[Role, ...], timeout: float | None
) -> tuple[Consensus, dict[str, str]]:
    """One component's recommendation groups and their status in words."""
    result = consensus(found, ConsensusRule.UNANIMITY, roles=roles)
    words = _merged_words(found, timeout)
    return result, {i.node: words[i.node] for i in result.items if i.node in words}


def consensus_of(args: argparse.Namespace) -> int:
    """``argmap consensus``: the recommendations the essays share, ranked."""
    if _by_components(args):
        corpus, found_parts = _per_component(
            args, "consensus", _part_consensus, _roles(args), args.timeout
        )
        parts = [part for part, _ in found_parts]
        words = {node: word for _, part_words in found_parts for node, word in part_words.items()}
        result = combined(parts, corpus, args.rule, args.quorum, roles=_roles(args))
        none: dict[str, Node] = {}  # the consensus text names no merged node
        found = Shown(args.semantics, args.support, args.mode, none.__getitem__)
        source: Corpus | Reading = corpus
    else:
        whole = _reading(args.path, args, "consensus")
        result = consensus(whole, args.rule, quorum=args.quorum, roles=_roles(args))
        found, words, source = Shown.of(whole), _merged_words(whole, args.timeout), whole
    if args.strength is not None:
        result = result.with_strengths(source, args.strength)
    emit(result, args, lambda r: _consensus_text(found, words, r, args))
    return 0


def _consistency_text(
    path: str, found: Reading, result: Consistency, args: argparse.Namespace
) -> list[str]:
    what = f"{path}: {plural(len(result.maximal), 'maximal consistent subset')} of essays"
    rows = [
        [i, len(subset), ", ".join(sorted(subset))] for i, subset in enumerate(result.maximal, 1)
    ]
    counting = _counting(len(result.essays), result.left_out, args)
    out = [
        wrapped(_heading(Shown.of(found), what), ""),
        wrapped(counting, ""),
        "",
        table(["#", "essays", "jointly consistent"], rows),
    ]
    if result.truncated:
        out.append(f"(only the first {len(result.maximal)} maximal subsets are listed)")
    out.append("")
    clash_rows = [[f"{a} ↔ {b}", len(c)] for (a, b), c in result.clashes.items()]
    if clash_rows:
        out.append(
            wrapped(
                "The pairs of essays that conflict: their conflicts either way (a "
                "contradiction counts once), stated or derived (later evidence is not counted):",
                "",
            )
        )
        out.append(table(["essays", "conflicts"], clash_rows))
    else:
        out.append("No two essays conflict.")
    for essay, c in result.self_inconsistent.items():
        out += [
            "",
            wrapped(
                f"{essay} is inconsistent once linked to the corpus ({plural(len(c), 'conflict')})",
                "",
            ),
        ]
    for (later, earlier), c in result.later_evidence.items():
        out.append(
            wrapped(
                f"Not counted: {plural(len(c), 'conflict')} of later evidence, {later} reporting "
                f"events after {earlier} was written.",
                "",
            )
        )
    return out


def check_consistency(args: argparse.Namespace, checked: Mapping[str, Corpus] | None = None) -> int:
    """``argmap check --consistency``: which essays of each folder are jointly consistent.

    ``checked``: the corpora the check has read, by path (the others are read here). With
    ``--json``, the consistency of one folder is an object, of several a list of them.
    """
    readings = [
        (path, _reading(path, args, "check --consistency", (checked or {}).get(path)))
        for path in args.paths
    ]
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
        wrapped(
            f"{args.operator} merge of {len(result.essays)} essays ({result.semantics}, support: "
            f"{args.support}): {plural(len(result.frameworks), 'framework')} selected, "
            f"{plural(len(result.disputed), 'disputed attack')}",
            "",
        ),
        "",
    ]
    for pair in result.disputed:
        kept = sum(pair in af.attacks for af in result.frameworks)
        out.append(
            wrapped(f"{pair[0]} -> {pair[1]}: kept in {kept} of {len(result.frameworks)}", "  ")
        )
    out += ["", wrapped("distances to the essays (" + ", ".join(result.essays) + "):", "")]
    out += [wrapped(str(list(d)), "  ") for d in result.distances]
    merged = merge(corpus)
    counted = set(result.essays)
    rows = [
        [node.id, f"{len(stating)}/{len(counted)}", STATUS_WORDS[result.status(node.id)]]
        for node in merged.map.recommendations
        for stating in [merged.essays_of(node.id) & counted]
        if stating
    ]
    legend = (
        f"status across the selected frameworks: {STATUS_WORDS['skeptical']} (in every "
        f"extension of every one), {STATUS_WORDS['credulous']} (in some), "
        f"{STATUS_WORDS['rejected']} (in none)."
    )
    return [
        *out,
        "",
        table(["recommendation", "stated by", "status"], rows),
        "",
        wrapped(legend, ""),
    ]


def fuse_essays(args: argparse.Namespace) -> int:
    """``argmap fuse``: merge the essays' frameworks with an operator."""
    corpus = _corpus(args.path, "fuse")
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

"""Cross-essay conflicts: one essay's accepted node attacks another essay's accepted node.

A *conflict* is an attack — direct, or derived under the chosen reading of support — from a
node ``a`` to a node ``b`` such that some essay ``A`` states and accepts ``a`` and a different
essay ``B`` states and accepts ``b``. The attack is looked for in the merged framework cut
down to what ``A`` and ``B`` state (with the corpus file's relations between them), reading
the support chains of one essay at a time: a chain through a third essay's reasons, or one
that joins ``A``'s reasons to ``B``'s through an equivalence group, does not make a conflict.
Only pairs of essays that the corpus file links (by an equivalence or a relation) can
conflict. It is *resolved* when
the merged framework settles it the same way in every extension (``a`` in all and ``b`` in
none: the attacker wins; ``b`` in all and ``a`` in none: the target wins) and *open*
otherwise; where the derivation runs through one essay's reasons for a group, it is the
essay's own version of the group that is settled. An attack between two nodes one essay itself accepts (possible once the corpus
links them) makes that essay *self-inconsistent* in the corpus.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import attrs

from argmap.analysis.merge import merged_order
from argmap.analysis.reading import Reading, as_reading
from argmap.bipolar import CHAIN, AttackKind, DerivedAttack, attack_graph
from argmap.model import Corpus
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    Semantics,
    Status,
    Support,
)

__all__ = ["Category", "Conflict", "Resolution", "conflicts", "conflicts_of", "in_order"]


class Resolution(enum.StrEnum):
    """How the merged framework settles a conflict."""

    ATTACKER_WINS = "attacker wins"
    """The attacker is in every extension and the target in none."""
    TARGET_WINS = "target wins"
    """The target is in every extension and the attacker in none."""
    OPEN = "open"
    """Anything else: the extensions disagree, or leave both undecided."""


class Category(enum.StrEnum):
    """What kind of disagreement a conflict is: the sections every report lists them in."""

    STATED = "stated"
    """A direct attack between the two essays' nodes (stated by an essay or the corpus file)."""
    DERIVED = "derived"
    """An attack derived through reasons under the reading of support."""
    LATER = "later evidence"
    """Through a ``hindsight`` relation: a later essay reports events after the attacked
    essay was written, not a disagreement between the authors."""

    @property
    def heading(self) -> str:
        """The title of its section in a report."""
        return _TITLES[self]


_TITLES = {
    Category.STATED: "Stated disagreements",
    Category.DERIVED: "Derived conflicts, each with its path through reasons",
    Category.LATER: "Later evidence: events reported after the attacked essay was written",
}


@attrs.frozen
class Conflict:
    """An attack between nodes accepted by different essays, and how it is settled."""

    attacker: str
    target: str
    pairs: tuple[tuple[str, str], ...]
    """Each (attacking essay, attacked essay): the first states and accepts the attacker,
    the second the target, and the attack holds between what the two state."""
    attack: DerivedAttack
    """How the attack arises: its kind and path through the merged map."""
    stated_by: tuple[str, ...]
    """Who states the edges on that path: essays, or ``corpus`` for the corpus file."""
    notes: tuple[str, ...]
    """The rationales given for those edges (the corpus file's for its relations)."""
    resolution: Resolution
    """``attacker wins``, ``target wins`` or ``open`` in the merged framework."""
    hindsight: bool = False
    """Whether the attack runs through a relation marked ``hindsight``: a later essay's
    report of events after the attacked essay was written, not its authors' disagreement."""
    lost: tuple[str, ...] = ()
    """The essays' own nodes (``essay:node``) on the losing side of a resolved conflict:
    which member of a group lost, when a side is an equivalence group."""
    why: str = ""
    """Why the losing side lost (an explanation's summary); empty when the conflict is open."""
    mutual: bool = False
    """Whether the target attacks the attacker back, directly and between the same essays: the
    two contradict each other, one disagreement, listed once (from the side ranked first)."""

    @property
    def category(self) -> Category:
        """Stated, derived, or later evidence (see :class:`Category`)."""
        if self.hindsight:
            return Category.LATER
        return Category.STATED if self.attack.kind is AttackKind.DIRECT else Category.DERIVED

    @property
    def attacker_essays(self) -> tuple[str, ...]:
        """The essays on the attacking side."""
        return tuple(sorted({a for a, _ in self.pairs}))

    @property
    def target_essays(self) -> tuple[str, ...]:
        """The essays on the attacked side."""
        return tuple(sorted({b for _, b in self.pairs}))

    @property
    def cross_essay(self) -> bool:
        """Whether it sets two different essays against each other."""
        return any(a != b for a, b in self.pairs)

    @property
    def self_inconsistent(self) -> tuple[str, ...]:
        """Essays that accept both ends: the corpus's links set them against themselves."""
        return tuple(sorted({a for a, b in self.pairs if a == b}))

    def to_dict(self) -> dict[str, Any]:
        """The conflict as JSON-ready data."""
        return {
            "attacker": self.attacker,
            "target": self.target,
            "pairs": [list(pair) for pair in self.pairs],
            "kind": self.attack.kind,
            "path": list(self.attack.path),
            "how": self.attack.describe(),
            "stated_by": list(self.stated_by),
            "notes": list(self.notes),
            "resolution": self.resolution,
            "hindsight": self.hindsight,
            "lost": list(self.lost),
            "why": self.why,
            "mutual": self.mutual,
        }


def _path_edges(reading: Reading, path: tuple[str, ...]) -> list[str]:
    """The merged edges along a derivation path (either direction; reified supports)."""
    sources = reading.merged.edge_sources
    keys = []
    for x, y in pairwise(path):
        candidates = [x, y] + [
            f"{kind}:{a}->{b}" for kind in ("support", "attack") for a, b in ((x, y), (y, x))
        ]
        keys += [k for k in candidates if k in sources and k not in keys]
    return keys


def _resolution(reading: Reading, attacker: str, target: str) -> Resolution:
    found = reading.framework_extensions
    if reading.status(attacker) is Status.SKEPTICAL and not any(target in e for e in found):
        return Resolution.ATTACKER_WINS
    if reading.status(target) is Status.SKEPTICAL and not any(attacker in e for e in found):
        return Resolution.TARGET_WINS
    return Resolution.OPEN


def linked_pairs(reading: Reading) -> list[tuple[str, str]]:
    """The pairs of essays the corpus file links, by an equivalence or a relation."""
    corpus = reading.corpus
    pairs = {
        tuple(sorted((a.essay, b.essay)))
        for group in corpus.equivalences
        for a in group.members
        for b in group.members
        if a.essay != b.essay
    }
    pairs |= {tuple(sorted((r.source.essay, r.target.essay))) for r in corpus.relations}
    return sorted((a, b) for a, b in pairs)


def conflicts_of(reading: Reading) -> list[Conflict]:
    """Every conflict of a read corpus, cross-essay and within one essay.

    One conflict per attacking and attacked node, through its first derivation (direct
    attacks first), with every pair of essays it sets against each other.
    """
    derivation: dict[tuple[str, str], DerivedAttack] = {}
    versions: dict[tuple[str, str], tuple[str, str]] = {}
    pairs: dict[tuple[str, str], set[tuple[str, str]]] = {}
    views = (
        (linked, reasons, reading.merged.restricted(linked, [reasons]))
        for linked in linked_pairs(reading)
        for reasons in linked
    )
    for linked, reasons, view in views:
        graph = attack_graph(view, reading.support)
        nodes = {n.id for n in view.nodes}
        for attack in graph.attacks:
            a, b = graph.conclusion(attack.attacker), graph.conclusion(attack.target)
            if a not in nodes or b not in nodes:
                continue
            chain_on_attacker, chain_on_target = _chain_sides(attack)
            attacking = {reasons} if chain_on_attacker else set(linked)
            attacked = {reasons} if chain_on_target else set(linked)
            found = {
                (x, y)
                for x in reading.accepting(a)
                if x in attacking
                for y in reading.accepting(b)
                if y in attacked
            }
            if found:
                if (a, b) not in derivation:
                    # settle it between the versions whose reasons the derivation uses
                    derivation[(a, b)] = attack
                    versions[(a, b)] = (
                        reading.version(a, reasons) if chain_on_attacker else a,
                        reading.version(b, reasons) if chain_on_target else b,
                    )
                pairs.setdefault((a, b), set()).update(found)
    order = {n.id: i for i, n in enumerate(reading.merged.map.nodes)}
    ranked = sorted(derivation.items(), key=lambda item: _rank(item, order))
    listed = [
        _settled(
            reading,
            Conflict(
                a,
                b,
                tuple(sorted(pairs[(a, b)])),
                attack,
                tuple(sorted({s for k in edges for s in reading.merged.edge_sources[k]})),
                tuple(
                    dict.fromkeys(n for k in edges for n in reading.merged.edge_notes.get(k, ()))
                ),
                _resolution(reading, *versions[(a, b)]),
                hindsight=any(k in reading.merged.hindsight for k in edges),
            ),
            versions[(a, b)],
        )
        for (a, b), attack in ranked
        for edges in [_path_edges(reading, attack.path)]
    ]
    return _contradictions_once(listed)


def _contradictions_once(found: list[Conflict]) -> list[Conflict]:
    """The conflicts with each pair of direct attacks both ways between the same essays as one.

    Two nodes that attack each other (a contradiction in the corpus file, or two essays'
    attacks on each other's point) are one disagreement to a reader, not two: the first
    ranked keeps its place, marked ``mutual``, with both sides' sources and rationales.
    """
    at = {(c.attacker, c.target): i for i, c in enumerate(found)}
    merged: list[Conflict] = []
    absorbed: set[int] = set()
    for i, conflict in enumerate(found):
        if i in absorbed:
            continue
        j = at.get((conflict.target, conflict.attacker), i)
        back = found[j]
        if (
            j != i
            and j not in absorbed
            and conflict.attack.kind is AttackKind.DIRECT
            and back.attack.kind is AttackKind.DIRECT
            and back.hindsight == conflict.hindsight
            and set(back.pairs) == {(b, a) for a, b in conflict.pairs}
        ):
            absorbed.add(j)
            conflict = attrs.evolve(
                conflict,
                mutual=True,
                stated_by=tuple(sorted({*conflict.stated_by, *back.stated_by})),
                notes=tuple(dict.fromkeys((*conflict.notes, *back.notes))),
            )
        merged.append(conflict)
    return merged


def _settled(reading: Reading, conflict: Conflict, versions: tuple[str, str]) -> Conflict:
    """The conflict with its losing side named, member by member, and why it lost."""
    if conflict.resolution is Resolution.OPEN:
        return conflict
    attacker_won = conflict.resolution is Resolution.ATTACKER_WINS
    node = conflict.target if attacker_won else conflict.attacker
    essays = conflict.target_essays if attacker_won else conflict.attacker_essays
    lost = tuple(str(m) for m in reading.merged.members[node] if m.essay in essays)
    why = reading.explain(versions[1] if attacker_won else versions[0])
    return attrs.evolve(conflict, lost=lost, why=why.summary)


def _chain_sides(attack: DerivedAttack) -> tuple[bool, bool]:
    """Whether the derivation leans on a support chain on the attacker's, the target's side.

    The essay whose chain it is must be the one holding that side: accepting a node commits
    an essay to its own reasons for it, not to another essay's.
    """
    if attack.kind in (AttackKind.SUPPORTED, AttackKind.EXTENDED):
        return True, False
    if attack.kind in (AttackKind.SECONDARY, AttackKind.MEDIATED):
        return False, True
    if attack.kind is AttackKind.EVIDENTIAL:
        return CHAIN in attack.attacker, CHAIN in attack.target
    return False, False


def _rank(
    item: tuple[tuple[str, str], DerivedAttack], order: dict[str, int]
) -> tuple[bool, int, int]:
    (a, b), attack = item
    return attack.kind is not AttackKind.DIRECT, order[a], order[b]


def in_order(found: Iterable[Conflict], corpus: Corpus) -> list[Conflict]:
    """Conflicts in the order :func:`conflicts_of` gives those of ``corpus``.

    Direct attacks before derived ones, then by the attacker's and the target's places in
    the merged map (:func:`~argmap.analysis.merge.merged_order`): the order of the whole
    corpus's conflicts, for conflicts found part by part.
    """
    order = merged_order(corpus)
    return sorted(found, key=lambda c: _rank(((c.attacker, c.target), c.attack), order))


def conflicts(
    source: Corpus | Reading,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
) -> list[Conflict]:
    """The conflicts of a corpus (read under the options) or of a reading.

    >>> import argmap
    >>> corpus = argmap.Corpus(
    ...     [argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")]),
    ...      argmap.ArgumentMap("b", "B", [argmap.Node("x", "claim", "Acting fails.")])],
    ...     relations=[argmap.Relation("attack", "b:x", "a:r")])
    >>> [(c.attacker, c.target, str(c.resolution)) for c in conflicts(corpus)]
    [('b:x', 'a:r', 'attacker wins')]
    """
    return conflicts_of(as_reading(source, semantics, support, mode=mode, timeout=timeout))

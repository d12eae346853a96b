"""Why an argument is accepted or rejected, as readable text and as data.

- **grounded** (and the single-status semantics ideal and eager): for an IN argument, the
  *defence tree*: each attacker is OUT because an argument accepted earlier attacks it,
  down to unattacked arguments; for an OUT argument, its accepted attacker and that
  attacker's tree; for an UNDEC argument, the undecided attackers that leave it open.
- **credulous** acceptance: a witness extension that contains the argument; if rejected,
  the reason no extension can contain it.
- **skeptical** acceptance: the reason it is in every extension; if rejected, an extension
  that leaves it out, and the members of that extension that attack it.

>>> from argmap.framework import AF
>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> print(explain(af, "c"))
c is IN (grounded): every attacker is OUT.
  b is OUT: attacked by a, which is IN.
    a is IN: it has no attackers.
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.bipolar import attack_graph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Acceptance, Semantics, Support
from argmap.semantics import (
    credulous_witness,
    extensions,
    is_credulously_accepted,
    skeptical_counterexample,
)
from argmap.semantics.grounded import IN, OUT, grounded_ranks

__all__ = ["DefenceTree", "Explanation", "explain"]


@attrs.frozen
class DefenceTree:
    """One step of a grounded explanation: an argument, its label and why."""

    argument: str
    label: str
    reason: str
    children: tuple[DefenceTree, ...] = ()

    def lines(self, depth: int = 0) -> list[str]:
        """The tree as indented lines."""
        out = ["  " * depth + f"{self.argument} is {self.label.upper()}: {self.reason}"]
        for child in self.children:
            out += child.lines(depth + 1)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The tree as JSON-ready data."""
        return {
            "argument": self.argument,
            "label": self.label,
            "reason": self.reason,
            "children": [c.to_dict() for c in self.children],
        }


@attrs.frozen
class Explanation:
    """Why ``argument`` is or is not accepted under ``semantics`` in ``mode``."""

    argument: str
    semantics: Semantics
    mode: Acceptance | None
    """Skeptical or credulous; ``None`` under a single-status semantics, where they agree."""
    accepted: bool
    summary: str
    tree: DefenceTree | None = None
    witness: frozenset[str] | None = None
    attackers: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [self.summary]
        if self.tree is not None:  # the summary gives the root's reason; list the rest
            for child in self.tree.children:
                lines += child.lines(1)
        if self.witness is not None:
            lines.append(f"  extension: {{{', '.join(sorted(self.witness))}}}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return {
            "argument": self.argument,
            "semantics": str(self.semantics),
            "mode": str(self.mode) if self.mode is not None else None,
            "accepted": self.accepted,
            "summary": self.summary,
            "tree": self.tree.to_dict() if self.tree else None,
            "witness": sorted(self.witness) if self.witness is not None else None,
            "attackers": list(self.attackers),
        }


def _grounded_tree(af: AF, a: int, labels: list[int], ranks: list[int]) -> DefenceTree:
    name = af.arguments[a]
    if labels[a] == IN:
        attackers = af.attackers[a]
        if not attackers:
            return DefenceTree(name, "in", "it has no attackers.")
        # every attacker of an IN argument is OUT: each child is its OUT tree
        children = tuple(_grounded_tree(af, b, labels, ranks) for b in attackers)
        return DefenceTree(name, "in", "every attacker is OUT.", children)
    if labels[a] == OUT:
        killer = min((c for c in af.attackers[a] if labels[c] == IN), key=lambda c: ranks[c])
        return DefenceTree(
            name,
            "out",
            f"attacked by {af.arguments[killer]}, which is IN.",
            (_grounded_tree(af, killer, labels, ranks),),
        )
    open_attackers = [b for b in af.attackers[a] if labels[b] != OUT]
    listed = ", ".join(af.arguments[b] for b in open_attackers)
    reason = f"no attacker is IN, but {listed} {'is' if len(open_attackers) == 1 else 'are'} not OUT either."
    if a in open_attackers:
        reason = "it attacks itself. " + reason
    return DefenceTree(name, "undec", reason)


def _explain_grounded(af: AF, a: int) -> Explanation:
    labels, ranks = grounded_ranks(af)
    tree = _grounded_tree(af, a, labels, ranks)
    name = af.arguments[a]
    label = tree.label.upper()
    attackers = tuple(af.arguments[c] for c in af.attackers[a] if labels[c] == IN)
    return Explanation(
        name,
        Semantics.GROUNDED,
        None,
        labels[a] == IN,
        f"{name} is {label} (grounded): {tree.reason}",
        tree,
        attackers=attackers,
    )


def _attackers_in(af: AF, a: int, extension: frozenset[str]) -> tuple[str, ...]:
    return tuple(af.arguments[b] for b in af.attackers[a] if af.arguments[b] in extension)


def explain(
    target: AF | ArgumentMap,
    argument: str,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> Explanation:
    """Explain the status of ``argument`` in a framework or a map.

    Parameters
    ----------
    target
        An :class:`~argmap.framework.AF`, or a map (read under ``support``).
    argument
        The argument (node id) to explain.
    semantics
        Any semantics; grounded gives a defence tree.
    mode
        ``credulous`` or ``skeptical``, for semantics with several extensions.
    support
        For maps: the interpretation of support (``none``, ``deductive``, ``necessary``,
        ``evidential``). Under evidential support a node is explained through its supported
        arguments: an accepted one if there is one.
    timeout
        Seconds before :class:`~argmap.semantics.SolverTimeout`.

    Raises
    ------
    ArgmapError
        For an unknown argument, semantics or mode.
    """
    mode = Acceptance.parse(mode)
    chosen = Semantics.parse(semantics)
    if isinstance(target, AF):
        return _explain(target, argument, chosen, mode, timeout)
    graph = attack_graph(target, support)
    af, stands_for = graph.af(), graph.arguments_for(argument)
    if argument in af or not any(n.id == argument for n in target.nodes):
        return _explain(af, argument, chosen, mode, timeout)
    if not stands_for:  # evidential support, and no chain from evidence reaches the node
        return Explanation(
            argument,
            chosen,
            mode,
            accepted=False,
            summary=f"{argument} is rejected: no chain of support links it to evidence, "
            "so under evidential support no argument for it can stand.",
        )
    found = [_explain(af, a, chosen, mode, timeout) for a in stands_for]
    return next((e for e in found if e.accepted), found[0])


def _explain(
    af: AF, argument: str, chosen: Semantics, mode: Acceptance, timeout: float | None
) -> Explanation:
    if argument not in af:
        raise ArgmapError(f"there is no argument '{argument}' to explain")
    a = af.index[argument]
    if chosen is Semantics.GROUNDED or (
        chosen is Semantics.COMPLETE and mode is Acceptance.SKEPTICAL
    ):
        found = _explain_grounded(af, a)
        if chosen is Semantics.GROUNDED:
            return found
        # skeptical complete = grounded; when rejected, the grounded extension leaves it out
        leaves_out = None if found.accepted else extensions(af, Semantics.GROUNDED)[0]
        return attrs.evolve(found, semantics=chosen, mode=mode, witness=leaves_out)
    if chosen.unique:
        return _explain_unique(af, argument, a, chosen, timeout)
    if mode is Acceptance.CREDULOUS:
        return _explain_credulous(af, argument, a, chosen, timeout)
    return _explain_skeptical(af, argument, a, chosen, timeout)


def _explain_unique(
    af: AF, argument: str, a: int, chosen: Semantics, timeout: float | None
) -> Explanation:
    """Explain an argument under a semantics with one extension: in it, or attacked from it.

    Parameters
    ----------
    af
        The framework.
    argument
        The argument's name.
    a
        Its index in ``af``.
    chosen
        A semantics with exactly one extension (other than grounded).
    timeout
        Seconds before :class:`~argmap.semantics.SolverTimeout`.
    """
    (extension,) = extensions(af, chosen, timeout=timeout)
    inside = argument in extension
    attackers = _attackers_in(af, a, extension)
    verdict = "is in" if inside else "is not in"
    why = f"; attacked by {', '.join(attackers)}" if attackers else ""
    return Explanation(
        argument,
        chosen,
        None,
        inside,
        f"{argument} {verdict} the {chosen} extension{why}.",
        witness=extension,
        attackers=attackers,
    )


def _explain_credulous(
    af: AF, argument: str, a: int, chosen: Semantics, timeout: float | None
) -> Explanation:
    """Explain credulous acceptance: an extension containing the argument, or why none does.

    Parameters
    ----------
    af
        The framework.
    argument
        The argument's name.
    a
        Its index in ``af``.
    chosen
        A semantics that may have several extensions.
    timeout
        Seconds before :class:`~argmap.semantics.SolverTimeout`.
    """
    witness = credulous_witness(af, argument, chosen, timeout=timeout)
    if witness is not None:
        return Explanation(
            argument,
            chosen,
            Acceptance.CREDULOUS,
            True,
            f"{argument} is credulously accepted ({chosen}): this extension contains it.",
            witness=witness,
        )
    if af.attacks_index(a, a):
        reason = "it attacks itself"
    elif chosen in (Semantics.STABLE,) and not is_credulously_accepted(af, argument, "admissible"):
        reason = "no admissible set contains it"
    else:
        reason = f"every {chosen} extension leaves it out"
    grounded_attackers = _explain_grounded(af, a).attackers
    return Explanation(
        argument,
        chosen,
        Acceptance.CREDULOUS,
        False,
        f"{argument} is not credulously accepted ({chosen}): {reason}.",
        attackers=grounded_attackers,
    )


def _explain_skeptical(
    af: AF, argument: str, a: int, chosen: Semantics, timeout: float | None
) -> Explanation:
    """Explain skeptical acceptance: why every extension contains it, or one that does not.

    Parameters
    ----------
    af
        The framework.
    argument
        The argument's name.
    a
        Its index in ``af``.
    chosen
        A semantics that may have several extensions (not complete: that is grounded).
    timeout
        Seconds before :class:`~argmap.semantics.SolverTimeout`.
    """
    mode = Acceptance.SKEPTICAL
    counter = skeptical_counterexample(af, argument, chosen, timeout=timeout)
    if counter is None:
        grounded = _explain_grounded(af, a)
        if grounded.accepted:
            return Explanation(
                argument,
                chosen,
                mode,
                True,
                f"{argument} is skeptically accepted ({chosen}): it is in the grounded extension, hence in every {chosen} extension.",
                grounded.tree,
            )
        vacuous = chosen is Semantics.STABLE and not extensions(af, "stable", timeout=timeout)
        reason = (
            "there is no stable extension (vacuously)"
            if vacuous
            else f"every {chosen} extension contains it"
        )
        return Explanation(
            argument,
            chosen,
            mode,
            True,
            f"{argument} is skeptically accepted ({chosen}): {reason}.",
        )
    attackers = _attackers_in(af, a, counter)
    why = (
        f"it is attacked there by {', '.join(attackers)}" if attackers else "it is undecided there"
    )
    return Explanation(
        argument,
        chosen,
        mode,
        False,
        f"{argument} is not skeptically accepted ({chosen}): this extension leaves it out; {why}.",
        witness=counter,
        attackers=attackers,
    )

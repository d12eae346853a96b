"""Why an argument is accepted or rejected, as readable text and as data.

- **grounded** (and the single-status semantics ideal and eager): for grounded, the
  *defence graph*: an accepted (IN) argument's attackers are each rejected (OUT) because an
  argument accepted in an earlier round attacks it, down to unattacked arguments; a
  rejected argument is explained by the accepted argument that defeats it; an undecided
  (UNDEC) one by its attackers that are neither accepted nor rejected. The text uses the
  words of every command (``argmap.options.STATUS_WORDS``). Each argument is explained once: a later mention refers back to it
  ("b is rejected (see above)"), so the explanation is a graph with one step per argument, at
  most as long as the framework (arguments plus attacks), never the exponential tree that
  unfolding shared defenders gives.
- **credulous** acceptance: a witness extension that contains the argument; if rejected,
  the reason no extension can contain it.
- **skeptical** acceptance: the reason it is in every extension; if rejected, an extension
  that leaves it out, and the members of that extension that attack it.

Under a reading of support, an attack that only the reading implies is explained by its
path (:meth:`argmap.bipolar.DerivedAttack.describe`), and under evidential support a node
is accepted in an extension when one of its supported arguments is: every explanation
asks the same question the extensions answer.

How a reading of support is explained is one :class:`Backend`, built per map by the
function :data:`READINGS` holds for it: the attack-graph readings (``none``,
``deductive``, ``necessary``, ``evidential``) share :class:`FrameworkBackend`; a reading
that does not go through an abstract framework (such as ``defeasible``) adds its own.

>>> from argmap.framework import AF
>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> print(explain(af, "c"))
c is accepted (grounded): every attacker is rejected.
  b is rejected: attacked by a, which is accepted.
    a is accepted: it has no attackers.

A defender shared by two attackers is explained once:

>>> af = AF(["a", "b1", "b2", "c"], [("a", "b1"), ("a", "b2"), ("b1", "c"), ("b2", "c")])
>>> print(explain(af, "c"))
c is accepted (grounded): every attacker is rejected.
  b1 is rejected: attacked by a, which is accepted.
    a is accepted: it has no attackers.
  b2 is rejected: attacked by a, which is accepted.
    a is accepted (see above).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from argmap.errors import ArgmapError
from argmap.explanation.defeasible import defeasible_reading
from argmap.explanation.framework import FrameworkBackend, framework_reading
from argmap.explanation.steps import Backend, DefenceGraph, Link, Step, listed
from argmap.framework import AF
from argmap.model import ArgumentMap
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Acceptance, Semantics, Support
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline

__all__ = [
    "READINGS",
    "Backend",
    "DefenceGraph",
    "Explanation",
    "FrameworkBackend",
    "Link",
    "Step",
    "backend_for",
    "explain",
]

_COMPLETE_BASED = frozenset(
    {
        Semantics.COMPLETE,
        Semantics.GROUNDED,
        Semantics.PREFERRED,
        Semantics.STABLE,
        Semantics.SEMI_STABLE,
        Semantics.IDEAL,
        Semantics.EAGER,
    }
)
"""Semantics whose extensions are complete, so contain the grounded extension."""


@attrs.frozen
class Explanation:
    """Why ``argument`` is or is not accepted under ``semantics`` in ``mode``."""

    argument: str
    semantics: Semantics
    mode: Acceptance | None
    """Skeptical or credulous; ``None`` under a single-status semantics, where they agree."""
    accepted: bool
    summary: str
    defence: DefenceGraph | None = None
    """Under grounded (and when the grounded extension settles a query): the defence graph."""
    witness: frozenset[str] | None = None
    """An extension with the argument (credulous) or without it (skeptical), or the
    single-status extension; a map's extensions list map elements (nodes, and reified
    supports), as :func:`argmap.bipolar.extensions` does."""
    attackers: tuple[str, ...] = ()
    """The members of the relevant extension that attack the argument."""
    label: Label | None = None
    """IN, OUT or UNDEC, under a single-status semantics (or in the counterexample)."""

    def __str__(self) -> str:
        lines = [self.summary]
        if self.defence is not None:  # the summary gives the root's reason; list the rest
            lines += self.defence.lines()[1:]
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
            "label": str(self.label) if self.label is not None else None,
            "summary": self.summary,
            "defence": self.defence.to_dict() if self.defence else None,
            "witness": sorted(self.witness) if self.witness is not None else None,
            "attackers": list(self.attackers),
        }


# -- readings of support -----------------------------------------------------------------


READINGS: dict[Support, Callable[[ArgumentMap, Support], Backend]] = {
    Support.DEFEASIBLE: defeasible_reading,
    Support.NONE: framework_reading,
    Support.DEDUCTIVE: framework_reading,
    Support.NECESSARY: framework_reading,
    Support.EVIDENTIAL: framework_reading,
}
"""How each reading of support is explained: a function from a map to its :class:`Backend`.

A new reading registers one function here (``defeasible`` adds a backend over its
:class:`~argmap.bipolar.reasons.ReasonGraph` and its engine's witnesses)."""


def backend_for(target: AF | ArgumentMap, support: str | Support = DEFAULT_SUPPORT) -> Backend:
    """The backend that explains a framework, or a map under a reading of support.

    Raises
    ------
    ArgmapError
        For a reading explanations do not cover.
    """
    if isinstance(target, AF):
        return FrameworkBackend(target)
    reading = Support.parse(support)
    make = READINGS.get(reading)
    if make is None:
        raise ArgmapError(f"explanations under {reading} support are not available")
    return make(target, reading)


# -- explain -----------------------------------------------------------------------------


def explain(
    target: AF | ArgumentMap,
    argument: str,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
    backend: Backend | None = None,
) -> Explanation:
    """Explain the status of ``argument`` in a framework or a map.

    The answer agrees with the extensions: ``accepted`` is whether the argument is in
    the single extension (grounded, ideal, eager), in some extension (credulous) or in
    every one (skeptical, vacuously when there is none) — for a map, the extensions of
    :func:`argmap.bipolar.extensions` under the same reading of support.

    Parameters
    ----------
    target
        An :class:`~argmap.framework.AF`, or a map (read under ``support``).
    argument
        The argument (node id) to explain.
    semantics
        Any semantics; grounded gives a defence graph.
    mode
        ``credulous`` or ``skeptical``, for semantics with several extensions.
    support
        For maps: the reading of support (see :data:`READINGS`). Under evidential support
        a node is accepted through any one of its supported arguments.
    timeout
        Seconds for the whole explanation, before
        :class:`~argmap.semantics.sat.SolverTimeout`.
    backend
        ``backend_for(target, support)``, built once to explain many arguments of one
        target: what a backend learns of the whole target is reused.

    Raises
    ------
    ArgmapError
        For an unknown argument, semantics, mode or reading.
    SolverTimeout
        If ``timeout`` seconds pass first.
    """
    deadline = Deadline(timeout)
    chosen, how = Semantics.parse(semantics), Acceptance.parse(mode)
    backend = backend_for(target, support) if backend is None else backend
    backend.check(argument)
    deadline.remaining()
    if chosen is Semantics.COMPLETE and how is Acceptance.SKEPTICAL:
        # skeptical complete = grounded: the grounded extension is the least complete one
        found = _explain_grounded(backend, argument, deadline)
        leaves_out = None if found.accepted else backend.single(Semantics.GROUNDED, deadline)
        witness = None if leaves_out is None else backend.elements(leaves_out)
        return attrs.evolve(found, semantics=chosen, mode=how, witness=witness)
    if chosen is Semantics.GROUNDED:
        return _explain_grounded(backend, argument, deadline)
    if chosen.unique:
        return _explain_unique(backend, argument, chosen, deadline)
    if how is Acceptance.CREDULOUS:
        return _explain_credulous(backend, argument, chosen, deadline)
    return _explain_skeptical(backend, argument, chosen, deadline)


def _nodes(backend: Backend, links: Iterable[Link]) -> tuple[str, ...]:
    """The nodes the attackers in ``links`` stand for, each once."""
    return tuple(dict.fromkeys(backend.conclusion(link.argument) for link in links))


def _explain_grounded(backend: Backend, argument: str, deadline: Deadline) -> Explanation:
    defence = backend.defence(argument, deadline)
    root = defence.step(argument)
    grounded = backend.single(Semantics.GROUNDED, deadline)
    return Explanation(
        argument,
        Semantics.GROUNDED,
        None,
        root.label is Label.IN,
        f"{argument} is {root.label.word} (grounded): {root.reason}",
        defence,
        attackers=_nodes(backend, backend.attackers(argument, grounded)),
        label=root.label,
    )


def _explain_unique(
    backend: Backend, argument: str, chosen: Semantics, deadline: Deadline
) -> Explanation:
    """Explain an argument under ideal or eager: in the extension, attacked from it, or not.

    Parameters
    ----------
    backend
        The framework or reading.
    argument
        The argument's name.
    chosen
        A semantics with exactly one extension (other than grounded).
    deadline
        When to stop.
    """
    extension = backend.single(chosen, deadline)
    label = backend.label(argument, extension)
    attackers = backend.attackers(argument, extension)
    if label is Label.IN:
        why = f"it is in the {chosen} extension."
    elif label is Label.OUT:
        why = _out_reason(backend, argument, attackers, f"the {chosen} extension")
    else:
        why = f"it is not in the {chosen} extension, and {_undecided(attackers)}."
    return Explanation(
        argument,
        chosen,
        None,
        label is Label.IN,
        f"{argument} is {label.word} ({chosen}): {why}",
        witness=backend.elements(extension),
        attackers=_nodes(backend, attackers),
        label=label,
    )


def _out_reason(backend: Backend, argument: str, attackers: Sequence[Link], where: str) -> str:
    missing = backend.missing(argument)
    if missing is not None:
        return f"{missing}."
    return f"attacked by {listed(attackers)}, in {where}."


def _undecided(attackers: Sequence[Link]) -> str:
    """Why an argument outside an extension is not rejected there either."""
    if attackers:
        verb = "attacks" if len(attackers) == 1 else "attack"
        return f"{listed(attackers)} {verb} some argument for it, but not every one"
    return "nothing in it attacks it"


def _never(backend: Backend, argument: str, chosen: Semantics, deadline: Deadline) -> str:
    """Why no extension of ``chosen`` accepts the argument."""
    missing = backend.missing(argument)
    if missing is not None:
        return missing
    if backend.self_attacking(argument):
        return "it attacks itself"
    if chosen is Semantics.STABLE:
        if not backend.has_extension(chosen, deadline):
            return "there is no stable extension"
        if backend.containing(argument, Semantics.ADMISSIBLE, deadline) is None:
            return "no admissible set contains it"
    return f"every {chosen} extension leaves it out"


def _explain_credulous(
    backend: Backend, argument: str, chosen: Semantics, deadline: Deadline
) -> Explanation:
    """Explain credulous acceptance: an extension containing the argument, or why none does.

    Parameters
    ----------
    backend
        The framework or reading.
    argument
        The argument's name.
    chosen
        A semantics that may have several extensions.
    deadline
        When to stop.
    """
    witness = backend.containing(argument, chosen, deadline)
    if witness is not None:
        return Explanation(
            argument,
            chosen,
            Acceptance.CREDULOUS,
            True,
            f"{argument} is credulously accepted ({chosen}): this extension contains it.",
            witness=backend.elements(witness),
        )
    reason = _never(backend, argument, chosen, deadline)
    grounded = backend.single(Semantics.GROUNDED, deadline)
    return Explanation(
        argument,
        chosen,
        Acceptance.CREDULOUS,
        False,
        f"{argument} is not credulously accepted ({chosen}): {reason}.",
        attackers=_nodes(backend, backend.attackers(argument, grounded)),
    )


def _skeptically_accepted(
    backend: Backend, argument: str, chosen: Semantics, deadline: Deadline
) -> Explanation:
    """Why every extension accepts the argument: the grounded extension, or vacuity."""
    mode = Acceptance.SKEPTICAL
    if chosen in _COMPLETE_BASED:
        grounded = _explain_grounded(backend, argument, deadline)
        if grounded.accepted:
            return Explanation(
                argument,
                chosen,
                mode,
                True,
                f"{argument} is skeptically accepted ({chosen}): it is in the grounded "
                f"extension, hence in every {chosen} extension.",
                grounded.defence,
            )
    vacuous = chosen is Semantics.STABLE and not backend.has_extension(chosen, deadline)
    reason = (
        "there is no stable extension (vacuously)"
        if vacuous
        else f"every {chosen} extension contains it"
    )
    return Explanation(
        argument, chosen, mode, True, f"{argument} is skeptically accepted ({chosen}): {reason}."
    )


def _explain_skeptical(
    backend: Backend, argument: str, chosen: Semantics, deadline: Deadline
) -> Explanation:
    """Explain skeptical acceptance: why every extension contains it, or one that does not.

    Parameters
    ----------
    backend
        The framework or reading.
    argument
        The argument's name.
    chosen
        A semantics that may have several extensions (not complete: that is grounded).
    deadline
        When to stop.
    """
    counter = backend.lacking(argument, chosen, deadline)
    if counter is None:
        return _skeptically_accepted(backend, argument, chosen, deadline)
    attackers = backend.attackers(argument, counter)
    label = backend.label(argument, counter)
    missing = backend.missing(argument)
    if missing is not None:
        why = missing
    elif label is Label.OUT:
        why = f"it is attacked there by {listed(attackers)}"
    else:
        why = f"it is undecided there: {_undecided(attackers)}"
    return Explanation(
        argument,
        chosen,
        Acceptance.SKEPTICAL,
        False,
        f"{argument} is not skeptically accepted ({chosen}): this extension leaves it out; {why}.",
        witness=backend.elements(counter),
        attackers=_nodes(backend, attackers),
        label=label,
    )

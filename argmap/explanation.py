"""Why an argument is accepted or rejected, as readable text and as data.

- **grounded** (and the single-status semantics ideal and eager): for grounded, the
  *defence graph*: an IN argument's attackers are each OUT because an argument accepted in
  an earlier round attacks it, down to unattacked arguments; an OUT argument is explained
  by the accepted argument that defeats it; an UNDEC argument by its attackers that are
  neither IN nor OUT. Each argument is explained once: a later mention refers back to it
  ("b is OUT (see above)"), so the explanation is a graph with one step per argument, at
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
c is IN (grounded): every attacker is OUT.
  b is OUT: attacked by a, which is IN.
    a is IN: it has no attackers.

A defender shared by two attackers is explained once:

>>> af = AF(["a", "b1", "b2", "c"], [("a", "b1"), ("a", "b2"), ("b1", "c"), ("b2", "c")])
>>> print(explain(af, "c"))
c is IN (grounded): every attacker is OUT.
  b1 is OUT: attacked by a, which is IN.
    a is IN: it has no attackers.
  b2 is OUT: attacked by a, which is IN.
    a is IN (see above).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import attrs

from argmap.bipolar import AttackKind, DerivedAttack, DerivedGraph, attack_graph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Acceptance, Semantics, Support
from argmap.semantics import (
    credulous_witness,
    extensions,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.grounded import IN, OUT, grounded_ranks
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline, SatFramework

__all__ = [
    "READINGS",
    "Backend",
    "DefenceGraph",
    "Explanation",
    "FrameworkBackend",
    "Link",
    "Step",
    "explain",
]

MAX_INDENT = 40
"""Deeper steps are printed at this depth, so a long chain of defence stays linear in size."""
_CHECK_EVERY = 1024
"""Steps built between two looks at the deadline."""
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
class Link:
    """A reference from one step to another argument's step.

    ``how`` says how that argument attacks (or is attacked by) the step's argument when
    the attack is derived by a reading of support; ``None`` for a direct attack.
    """

    argument: str
    how: str | None = None

    def __str__(self) -> str:
        return self.argument if self.how is None else f"{self.argument} ({self.how})"

    def to_dict(self) -> dict[str, Any]:
        """The link as JSON-ready data."""
        return {"argument": self.argument, "how": self.how}


@attrs.frozen
class Step:
    """One argument of a grounded explanation: its label, why, and the steps it rests on."""

    argument: str
    label: Label
    reason: str
    because: tuple[Link, ...] = ()

    def line(self) -> str:
        """The step as one line of text."""
        return f"{self.argument} is {self.label.upper()}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """The step as JSON-ready data; ``because`` names other steps by argument."""
        return {
            "argument": self.argument,
            "label": str(self.label),
            "reason": self.reason,
            "because": [link.to_dict() for link in self.because],
        }


@attrs.frozen
class DefenceGraph:
    """A grounded explanation: one :class:`Step` per argument, shared where reused.

    ``steps`` holds each argument once, the root first; a step's ``because`` refers to
    other steps by argument. The IN and OUT steps form a directed acyclic graph (an IN
    argument's defenders were accepted in earlier rounds of the grounded construction);
    UNDEC steps may refer to each other in a cycle.
    """

    root: str
    steps: tuple[Step, ...]

    def step(self, argument: str) -> Step:
        """The step explaining ``argument``."""
        for step in self.steps:
            if step.argument == argument:
                return step
        raise KeyError(argument)

    def lines(self) -> list[str]:
        """The graph as indented lines, depth first; a step shown before is referred to."""
        steps = {s.argument: s for s in self.steps}
        out: list[str] = []
        shown: set[str] = set()
        stack = [(self.root, 0)]
        while stack:
            argument, depth = stack.pop()
            step = steps[argument]
            indent = "  " * min(depth, MAX_INDENT)
            if argument in shown:
                out.append(f"{indent}{argument} is {step.label.upper()} (see above).")
                continue
            shown.add(argument)
            out.append(indent + step.line())
            stack += [(link.argument, depth + 1) for link in reversed(step.because)]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The graph as JSON-ready data: the root's name and every step once."""
        return {"root": self.root, "steps": [s.to_dict() for s in self.steps]}


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


# -- the seam: what explain needs from a reading of support ----------------------------


class Backend(Protocol):
    """What :func:`explain` asks of a reading of support (or of a framework).

    Extensions are in the backend's own terms (a framework's arguments; for a reading
    without a framework, its nodes); :meth:`elements` turns one into what the user sees.
    A *node* is what is explained: it is in an extension when the extension accepts it
    (under evidential support, through one of its supported arguments).
    """

    def check(self, node: str) -> None:
        """Raise :class:`~argmap.errors.ArgmapError` if there is no such node."""

    def missing(self, node: str) -> str | None:
        """Why the reading gives the node no argument at all, or ``None``."""

    def self_attacking(self, node: str) -> bool:
        """Whether the node cannot be accepted because it attacks itself."""

    def single(self, semantics: Semantics, deadline: Deadline) -> frozenset[str]:
        """The extension of a single-status semantics (grounded, ideal, eager)."""

    def label(self, node: str, extension: frozenset[str]) -> Label:
        """The node's label in the labelling ``extension`` induces."""

    def containing(
        self, node: str, semantics: Semantics, deadline: Deadline
    ) -> frozenset[str] | None:
        """An extension that accepts the node, or ``None``."""

    def lacking(self, node: str, semantics: Semantics, deadline: Deadline) -> frozenset[str] | None:
        """An extension that does not accept the node, or ``None``."""

    def has_extension(self, semantics: Semantics, deadline: Deadline) -> bool:
        """Whether there is any extension (only stable may have none)."""

    def defence(self, node: str, deadline: Deadline) -> DefenceGraph:
        """The grounded defence graph rooted at the node."""

    def attackers(self, node: str, extension: frozenset[str]) -> tuple[Link, ...]:
        """The members of ``extension`` that attack the node, with how."""

    def conclusion(self, argument: str) -> str:
        """The node an argument of an extension stands for."""

    def elements(self, extension: frozenset[str]) -> frozenset[str]:
        """An extension as the user sees it."""


@attrs.frozen(eq=False)
class FrameworkBackend:
    """Explanations over an abstract framework, bare or the attack graph of a map.

    Parameters
    ----------
    af
        The framework.
    graph
        The map's attack graph under a reading of support, or ``None`` for a bare
        framework; it tells a node's arguments (several under evidential support) and how
        each derived attack arises.
    nodes
        The map's node ids.
    """

    af: AF
    graph: DerivedGraph | None = None
    nodes: frozenset[str] = frozenset()
    """The map's node ids (empty for a bare framework)."""
    derived: dict[tuple[str, str], DerivedAttack] = attrs.field(init=False)
    """For each attack that only the reading implies, its first derivation."""

    @derived.default
    def _derived(self) -> dict[tuple[str, str], DerivedAttack]:
        if self.graph is None:
            return {}
        direct = {(d.attacker, d.target) for d in self.graph.attacks if d.kind is AttackKind.DIRECT}
        found: dict[tuple[str, str], DerivedAttack] = {}
        for d in self.graph.attacks:
            if (d.attacker, d.target) not in direct:
                found.setdefault((d.attacker, d.target), d)
        return found

    def arguments(self, node: str) -> tuple[str, ...]:
        """The framework's arguments that stand for ``node``."""
        if self.graph is None or node in self.af:
            return (node,) if node in self.af else ()
        return self.graph.arguments_for(node)

    def check(self, node: str) -> None:
        """Raise :class:`~argmap.errors.ArgmapError` if there is no such node."""
        if not self.arguments(node) and self.missing(node) is None:
            raise ArgmapError(f"there is no argument '{node}' to explain")

    def missing(self, node: str) -> str | None:
        """Under evidential support: why a node no chain reaches has no argument."""
        if self.graph is None or self.graph.support is not Support.EVIDENTIAL:
            return None
        if self.arguments(node) or node not in self.nodes:
            return None
        return (
            "no chain of support links it to evidence, so under evidential support "
            "no argument for it can stand"
        )

    def self_attacking(self, node: str) -> bool:
        """Whether every argument for the node attacks itself."""
        found = [self.af.index[a] for a in self.arguments(node)]
        return bool(found) and all(self.af.attacks_index(a, a) for a in found)

    def single(self, semantics: Semantics, deadline: Deadline) -> frozenset[str]:
        """The extension of a single-status semantics."""
        if semantics is Semantics.GROUNDED:
            labels, _ = grounded_ranks(self.af)
            return self.af.names(i for i, x in enumerate(labels) if x == IN)
        (extension,) = extensions(self.af, semantics, timeout=deadline.remaining())
        return extension

    def label(self, node: str, extension: frozenset[str]) -> Label:
        """IN if an argument for the node is in ``extension``, OUT if all are attacked."""
        found = self.arguments(node)
        if any(a in extension for a in found):
            return Label.IN
        af = self.af
        hit = all(
            any(af.arguments[b] in extension for b in af.attackers[af.index[a]]) for a in found
        )
        return Label.OUT if hit else Label.UNDEC

    def containing(
        self, node: str, semantics: Semantics, deadline: Deadline
    ) -> frozenset[str] | None:
        """An extension with an argument for the node."""
        for a in self.arguments(node):
            found = credulous_witness(self.af, a, semantics, timeout=deadline.remaining())
            if found is not None:
                return found
        return None

    def lacking(self, node: str, semantics: Semantics, deadline: Deadline) -> frozenset[str] | None:
        """An extension with no argument for the node."""
        found = self.arguments(node)
        if len(found) == 1:
            return skeptical_counterexample(
                self.af, found[0], semantics, timeout=deadline.remaining()
            )
        if not found:
            return some_extension(self.af, semantics, timeout=deadline.remaining())
        lacking = _lacking_all(self.af, sorted(self.af.indices(found)), semantics, deadline)
        return None if lacking is None else self.af.names(lacking)

    def has_extension(self, semantics: Semantics, deadline: Deadline) -> bool:
        """Whether there is an extension."""
        return some_extension(self.af, semantics, timeout=deadline.remaining()) is not None

    def how(self, attacker: str, target: str) -> str | None:
        """How a derived attack arises; ``None`` for a direct one."""
        found = self.derived.get((attacker, target))
        return None if found is None else found.describe()

    def attackers(self, node: str, extension: frozenset[str]) -> tuple[Link, ...]:
        """The members of ``extension`` that attack an argument for the node."""
        af, found = self.af, dict[str, Link]()
        for a in self.arguments(node):
            for b in af.attackers[af.index[a]]:
                name = af.arguments[b]
                if name in extension:
                    found.setdefault(name, Link(name, self.how(name, a)))
        return tuple(found.values())

    def conclusion(self, argument: str) -> str:
        """The node an argument stands for."""
        return argument if self.graph is None else self.graph.conclusion(argument)

    def elements(self, extension: frozenset[str]) -> frozenset[str]:
        """A framework's extension as is; a map's as the map elements it accepts."""
        return extension if self.graph is None else self.graph.project(extension)

    def defence(self, node: str, deadline: Deadline) -> DefenceGraph:
        """The grounded defence graph: each argument reached explained once."""
        labels, ranks = grounded_ranks(self.af)
        found = self.arguments(node)
        steps: dict[str, Step] = {}
        if found != (node,):
            steps[node] = self._node_step(node, found, labels)
        stack = [link.argument for link in reversed(steps[node].because)] if steps else [node]
        while stack:
            name = stack.pop()
            if name in steps:
                continue
            if len(steps) % _CHECK_EVERY == 0:
                deadline.remaining()
            step = self._step(self.af.index[name], labels, ranks)
            steps[name] = step
            stack += [
                link.argument for link in reversed(step.because) if link.argument not in steps
            ]
        return DefenceGraph(node, tuple(steps.values()))

    def _node_step(self, node: str, found: Sequence[str], labels: list[int]) -> Step:
        """Under evidential support: a node, through its supported arguments."""
        codes = [labels[self.af.index[a]] for a in found]
        accepted = [a for a, x in zip(found, codes, strict=True) if x == IN]
        if accepted:
            return Step(node, Label.IN, f"its argument {accepted[0]} is IN.", (Link(accepted[0]),))
        if not found:
            return Step(node, Label.OUT, f"{self.missing(node)}.")
        open_ = [a for a, x in zip(found, codes, strict=True) if x != OUT]
        if not open_:
            return Step(
                node, Label.OUT, "every argument for it is OUT.", tuple(Link(a) for a in found)
            )
        return Step(
            node,
            Label.UNDEC,
            f"no argument for it is IN, but {_listed(open_)} {_is(open_)} not OUT either.",
            tuple(Link(a) for a in open_),
        )

    def _step(self, a: int, labels: list[int], ranks: list[int]) -> Step:
        """One argument's step in the grounded labelling."""
        af, name = self.af, self.af.arguments[a]
        if labels[a] == IN:
            links = tuple(
                Link(af.arguments[b], self.how(af.arguments[b], name)) for b in af.attackers[a]
            )
            return Step(name, Label.IN, _in_reason(links), links)
        if labels[a] == OUT:
            killer = min(
                (b for b in af.attackers[a] if labels[b] == IN),
                key=lambda b: (ranks[b], self.how(af.arguments[b], name) is not None, b),
            )
            link = Link(af.arguments[killer], self.how(af.arguments[killer], name))
            return Step(name, Label.OUT, f"attacked by {link}, which is IN.", (link,))
        open_ = [
            Link(af.arguments[b], self.how(af.arguments[b], name))
            for b in af.attackers[a]
            if labels[b] != OUT
        ]
        reason = f"no attacker is IN, but {_listed(open_)} {_is(open_)} not OUT either."
        if af.attacks_index(a, a):
            reason = "it attacks itself. " + reason
        return Step(name, Label.UNDEC, reason, tuple(x for x in open_ if x.argument != name))


def _listed(items: Iterable[object]) -> str:
    return ", ".join(str(x) for x in items)


def _is(items: Sequence[object]) -> str:
    return "is" if len(items) == 1 else "are"


def _in_reason(links: Sequence[Link]) -> str:
    """Why an argument whose attackers are all OUT is IN, with how derived attacks arise."""
    if not links:
        return "it has no attackers."
    derived = [f"{link.argument} by {link.how}" for link in links if link.how is not None]
    return f"every attacker is OUT ({'; '.join(derived)})." if derived else "every attacker is OUT."


def _lacking_all(
    af: AF, members: list[int], chosen: Semantics, deadline: Deadline
) -> frozenset[int] | None:
    """An extension containing none of ``members``, or ``None`` if every one has one.

    The skeptical question for a node several arguments stand for (evidential support):
    the same SAT procedures as :func:`argmap.semantics.skeptical_counterexample`, under
    the assumption that every member is out of the set.
    """
    if chosen.unique or chosen is Semantics.COMPLETE:
        unique = Semantics.GROUNDED if chosen is Semantics.COMPLETE else chosen
        (extension,) = extensions(af, unique, timeout=deadline.remaining())
        found = af.indices(extension)
        return None if found & set(members) else found
    if chosen in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        return frozenset()  # the empty set is always an extension
    sat = SatFramework(af, deadline)
    if chosen is Semantics.STABLE:
        return sat.exists("stable", exclude=members)
    if chosen is Semantics.PREFERRED:
        return _preferred_lacking(sat, members)
    return _range_maximal_lacking(
        sat, "complete" if chosen is Semantics.SEMI_STABLE else "conflict-free", members
    )


def _preferred_lacking(sat: SatFramework, members: list[int]) -> frozenset[int] | None:
    """A preferred extension without any of ``members`` (counterexample-guided search).

    A complete extension without the members is grown to a preferred one; if that one
    still lacks them it is the answer, else its subsets are excluded and the search goes on.
    """
    avoid = [-sat.IN(a) for a in members]
    candidates, grow = sat.solver("complete"), sat.solver("complete")
    try:
        while (model := candidates.solve(avoid)) is not None:
            maximal = sat.maximise_in(grow, sat.in_set(model))
            if not maximal & set(members):
                return maximal
            outside = [sat.IN(x) for x in range(sat.n) if x not in maximal]
            if not outside:
                return None
            candidates.add(outside)
        return None
    finally:
        candidates.close()
        grow.close()


def _range_maximal_lacking(
    sat: SatFramework, base: str, members: list[int]
) -> frozenset[int] | None:
    """A semi-stable (base complete) or stage (conflict-free) extension without ``members``.

    A candidate whose range is not maximal rules out every candidate whose range it contains.
    """
    avoid = [-sat.IN(a) for a in members]
    candidates, check = sat.solver(base, with_range=True), sat.solver(base, with_range=True)
    try:
        while (model := candidates.solve(avoid)) is not None:
            current = sat.range_set(model)
            outside = [sat.RANGE(x) for x in range(sat.n) if x not in current]
            act = sat.fresh()
            check.add([-act, *outside])
            bigger = check.solve([act, *(sat.RANGE(x) for x in current)])
            check.add([-act])
            if bigger is None:
                return sat.in_set(model)
            candidates.add(outside)
        return None
    finally:
        candidates.close()
        check.close()


# -- readings of support -----------------------------------------------------------------


def _framework_reading(m: ArgumentMap, support: Support) -> Backend:
    """A reading through the map's attack graph (none, deductive, necessary, evidential)."""
    graph = attack_graph(m, support)
    return FrameworkBackend(graph.af(), graph, frozenset(n.id for n in m.nodes))


READINGS: dict[Support, Callable[[ArgumentMap, Support], Backend]] = {
    Support.NONE: _framework_reading,
    Support.DEDUCTIVE: _framework_reading,
    Support.NECESSARY: _framework_reading,
    Support.EVIDENTIAL: _framework_reading,
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

    Raises
    ------
    ArgmapError
        For an unknown argument, semantics, mode or reading.
    SolverTimeout
        If ``timeout`` seconds pass first.
    """
    deadline = Deadline(timeout)
    chosen, how = Semantics.parse(semantics), Acceptance.parse(mode)
    backend = backend_for(target, support)
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
        f"{argument} is {root.label.upper()} (grounded): {root.reason}",
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
        f"{argument} is {label.upper()} ({chosen}): {why}",
        witness=backend.elements(extension),
        attackers=_nodes(backend, attackers),
        label=label,
    )


def _out_reason(backend: Backend, argument: str, attackers: Sequence[Link], where: str) -> str:
    missing = backend.missing(argument)
    if missing is not None:
        return f"{missing}."
    return f"attacked by {_listed(attackers)}, in {where}."


def _undecided(attackers: Sequence[Link]) -> str:
    """Why an argument outside an extension is not OUT there either."""
    if attackers:
        verb = "attacks" if len(attackers) == 1 else "attack"
        return f"{_listed(attackers)} {verb} some argument for it, but not every one"
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
        why = f"it is attacked there by {_listed(attackers)}"
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

"""The pieces of an explanation: steps, links between them, and what a backend answers.

A :class:`DefenceGraph` holds one :class:`Step` per argument (or node), shared where reused;
a :class:`Backend` is what :func:`argmap.explanation.explain` asks of a reading of support.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import attrs

from argmap.options import Semantics
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline

__all__ = ["CHECK_EVERY", "MAX_INDENT", "Backend", "DefenceGraph", "Link", "Step", "is_", "listed"]

MAX_INDENT = 40
"""Deeper steps are printed at this depth, so a long chain of defence stays linear in size."""
CHECK_EVERY = 1024
"""Steps built between two looks at the deadline."""


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
        return f"{self.argument} is {self.label.word}: {self.reason}"

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
                out.append(f"{indent}{argument} is {step.label.word} (see above).")
                continue
            shown.add(argument)
            out.append(indent + step.line())
            stack += [(link.argument, depth + 1) for link in reversed(step.because)]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The graph as JSON-ready data: the root's name and every step once."""
        return {"root": self.root, "steps": [s.to_dict() for s in self.steps]}


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


def listed(items: Iterable[object]) -> str:
    """Items joined by commas."""
    return ", ".join(str(x) for x in items)


def is_(items: Sequence[object]) -> str:
    """``is`` or ``are``, by how many ``items`` there are."""
    return "is" if len(items) == 1 else "are"

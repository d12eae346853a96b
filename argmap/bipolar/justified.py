"""Necessary and evidential support: arguments as minimal justifications through reasons.

Both readings accept a node only through a *justification*: a ⊆-minimal set of reasons
that derives the node from the *base* nodes, every premise of every reason used being a
base node or the conclusion of a reason used, without circularity. Under ``necessary`` the
base nodes are those no reason concludes (they need nothing); under ``evidential`` they are
the pieces of evidence. A minimal justification gives each node it derives exactly one
reason, so it is a tree of reasons (a DAG where premises are shared).

The Dung framework has one argument per node and minimal justification, as in the
translations of argumentation frameworks with necessities (Nouioua and Risch 2011; Nouioua 2013) and of
evidential argumentation systems (Polberg and Oren 2014): the argument for
``b`` through ``K`` is attacked by every argument for a node ``a`` that attacks ``b`` or
a node of ``K``, or undercuts a reason of ``K``. A node with no justification has no
argument: it cannot be accepted, and its attacks count for nothing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import attrs

from argmap.bipolar.derived import CHAIN, MAX_CHAINS, AttackKind, DerivedAttack, DerivedGraph
from argmap.bipolar.reasons import Reason, ReasonGraph
from argmap.errors import ArgmapError
from argmap.options import Support

__all__ = ["Justification", "justifications", "justified_graph"]

STEPS_PER_ARGUMENT = 64
"""The search may take this many steps per argument allowed before it gives up."""


@attrs.frozen
class Justification:
    """A node and one minimal set of reasons deriving it (``via``: node to its reason)."""

    conclusion: str
    via: tuple[tuple[str, Reason], ...]

    @property
    def elements(self) -> frozenset[str]:
        """The nodes and reasons (by id) the justification rests on, its conclusion included."""
        found = {self.conclusion}
        for _, reason in self.via:
            found.add(reason.id)
            found.update(reason.premises)
        return frozenset(found)

    def name(self) -> str:
        """The justification as a tree: ``"e ⇒ c"``, ``"(a + b ⇒ x) ⇒ c"``."""
        via = dict(self.via)

        def render(node: str) -> str:
            reason = via.get(node)
            if reason is None:
                return node
            parts = [render(p) for p in reason.premises]
            joined = parts[0] if len(parts) == 1 else f"({' + '.join(parts)})"
            return f"{joined}{CHAIN}{node}"

        return render(self.conclusion)

    def routes(self) -> dict[str, tuple[str, ...]]:
        """For each element, a route from it up to the conclusion (``x ⇒ … ⇒ conclusion``)."""
        via = dict(self.via)
        found: dict[str, tuple[str, ...]] = {self.conclusion: (self.conclusion,)}
        queue = deque([self.conclusion])
        while queue:
            node = queue.popleft()
            reason = via.get(node)
            if reason is None:
                continue
            found.setdefault(reason.id, (reason.id, *found[node]))
            for p in reason.premises:
                if p not in found:
                    found[p] = (p, *found[node])
                    queue.append(p)
        return found


def _derivable(g: ReasonGraph, base: frozenset[str]) -> set[str]:
    """The nodes some reasons derive from the base (the least fixpoint)."""
    done = set(base)
    changed = True
    while changed:
        changed = False
        for r in g.reasons:
            if r.conclusion not in done and all(p in done for p in r.premises):
                done.add(r.conclusion)
                changed = True
    return done


def _closes_cycle(via: dict[str, Reason], node: str, reason: Reason) -> bool:
    """Whether giving ``node`` this reason makes the derivation circular."""
    stack = list(reason.premises)
    seen: set[str] = set()
    while stack:
        x = stack.pop()
        if x == node:
            return True
        if x in via and x not in seen:
            seen.add(x)
            stack += via[x].premises
    return False


class _Budget:
    """Counts search steps; too many is an error, not a wait."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise ArgmapError(
                f"more than {MAX_CHAINS} arguments (minimal justifications): the reading is "
                "too large for this map"
            )


def _search(
    node: str,
    usable: dict[str, list[Reason]],
    base: frozenset[str],
    budget: _Budget,
) -> Iterator[dict[str, Reason]]:
    """Every minimal justification of a node that is not a base node, depth first.

    A state is the reasons chosen so far and the nodes still to derive; a node is derived by
    choosing one of its reasons (never a circular one), which adds its premises to derive.
    Each minimal justification is reached by exactly one sequence of choices.
    """
    stack: list[tuple[dict[str, Reason], tuple[str, ...]]] = [({}, (node,))]
    while stack:
        via, pending = stack.pop()
        budget.spend()
        while pending and (pending[0] in base or pending[0] in via):
            pending = pending[1:]
        if not pending:
            yield via
            continue
        x, rest = pending[0], pending[1:]
        for reason in reversed(usable.get(x, [])):
            if not _closes_cycle(via, x, reason):
                more = tuple(p for p in reason.premises if p not in base and p not in via)
                stack.append(({**via, x: reason}, rest + more))


def justifications(g: ReasonGraph, base: frozenset[str]) -> list[Justification]:
    """Every minimal justification of every node, in node order.

    A base node has one, with no reasons. Raises ``ArgmapError`` when there are more than
    ``MAX_CHAINS``: the search takes time close to linear in the number it finds (each
    step extends a partial justification that leads, but for circular dead ends, to one).
    """
    reach = _derivable(g, base)
    usable: dict[str, list[Reason]] = {}
    for r in g.reasons:
        if r.conclusion not in base and all(p in reach for p in r.premises):
            usable.setdefault(r.conclusion, []).append(r)
    budget = _Budget(STEPS_PER_ARGUMENT * MAX_CHAINS)
    found: list[Justification] = []
    for node in g.nodes:
        if node in base:
            found.append(Justification(node, ()))
            continue
        for via in _search(node, usable, base, budget):
            found.append(Justification(node, tuple(via.items())))
            if len(found) > MAX_CHAINS:
                budget.left = -1
                budget.spend()
    return found


def _names(found: list[Justification], by_node: bool) -> list[str]:
    """A unique name per argument: the node (when ``by_node`` and it has one) or its tree."""
    count: dict[str, int] = {}
    for j in found:
        count[j.conclusion] = count.get(j.conclusion, 0) + 1
    names: list[str] = []
    taken: set[str] = set()
    for j in found:
        name = j.conclusion if (by_node and count[j.conclusion] == 1) else j.name()
        if name in taken:  # two reasons with the same premises and conclusion
            name = f"{name} [{', '.join(sorted(r.id for _, r in j.via))}]"
        taken.add(name)
        names.append(name)
    return names


def justified_graph(g: ReasonGraph, reading: Support, base: frozenset[str]) -> DerivedGraph:
    """The Dung framework of minimal justifications (see the module docstring).

    Under ``necessary`` an argument is named by its node when the node has exactly one
    justification; otherwise (and always under ``evidential``, but for evidence) by its
    tree of reasons.
    """
    found = justifications(g, base)
    names = _names(found, by_node=reading is Support.NECESSARY)
    of_node: dict[str, list[str]] = {}
    resting: dict[str, list[tuple[str, tuple[str, ...]]]] = {}  # element -> (arg, route)
    for name, j in zip(names, found, strict=True):
        of_node.setdefault(j.conclusion, []).append(name)
        for element, route in j.routes().items():
            resting.setdefault(element, []).append((name, route))
    attacks: dict[tuple[str, str], DerivedAttack] = {}
    for a, x in (*g.attacks, *g.undercuts):
        for attacker in of_node.get(a, []):
            for target, route in resting.get(x, []):
                trivial = attacker == a and target == x
                direct = len(route) == 1 and (trivial or reading is Support.NECESSARY)
                kind = AttackKind.DIRECT if direct else _derived_kind(reading)
                attack = DerivedAttack(attacker, target, kind, (a, *route), 1)
                old = attacks.setdefault((attacker, target), attack)
                if direct and old.kind is not AttackKind.DIRECT:
                    attacks[(attacker, target)] = attack
    return DerivedGraph(
        tuple(names),
        tuple(attacks.values()),
        reading,
        (),
        tuple(j.conclusion for j in found),
    )


def _derived_kind(reading: Support) -> AttackKind:
    return AttackKind.SECONDARY if reading is Support.NECESSARY else AttackKind.EVIDENTIAL

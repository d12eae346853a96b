"""The defeasible reading of a map, computed without building argument trees.

The reading (the ASPIC+-style one of :mod:`argmap.bipolar.trees`, which is its
definition): arguments are finite trees of reasons; a premise (a node no reason concludes)
is an argument on its own; a node with reasons is concluded only through one of its reasons
whose premises are each concluded; an attack on a node hits every argument using that node,
an undercut of a reason every argument using that reason; a node is in an extension iff
some argument concluding it is. There can be exponentially many trees, so the engine never
builds them. It reads the map as a flat *assumption-based argumentation* framework
(Bondarenko, Dung, Kowalski and Toni 1997, "An abstract, argumentation-theoretic approach
to default reasoning", AIJ 93; Toni 2014, "A tutorial on assumption-based argumentation",
Argument & Computation 5(1)):

- one assumption per *item*: per node ``n`` ("``n`` is not defeated") and per reason ``r``
  ("``r`` is not undercut");
- rules ``n <- ok(n)`` for a premise and ``c <- p1, ..., pk, ok(r), ok(c)`` for each reason
  ``r`` of ``c`` with premises ``p1 ... pk``;
- the contrary of ``ok(y)`` is derived by every attacker of ``y``, that of ``ok(r)`` by
  every undercutter of ``r``.

ABA's arguments are then exactly the argument trees, with the same attacks (an ABA argument
for a contrary is a copy of the argument for the attacker). For flat ABA the
assumption-level semantics correspond to the argument-level ones for admissible (up to the
projection below), complete, grounded, preferred, stable and ideal (Toni 2014, Thm. 4.1;
Čyras, Fan, Schulz and Toni 2018, "Assumption-based argumentation: disputes, explanations,
preferences", Handbook of Formal Argumentation, ch. 7): a set of assumptions ``D`` is an
extension iff the arguments built from it are, and its nodes are ``Cn(D)``, what ``D``
derives. In what follows ``Att(D)`` is the set of items attacked by a node of ``Cn(D)``,
and ``D`` *defends* an item when each of its attackers lies outside
``Cn(items - Att(D))``: every argument for the attacker uses an item ``D`` attacks.

- *grounded*: the least fixpoint of the characteristic function at the assumption level,
  by alternating Horn closures (linear each; no SAT);
- *complete, stable, preferred, ideal* (and credulous/skeptical acceptance): SAT
  (python-sat), derivability by Clark completion plus loop formulas added lazily when a
  model derives a set larger than the least fixpoint of its assumptions (an unfounded set;
  Lin and Zhao 2004), preferred by maximisation and skeptical preferred by counterexample
  guided search, as :mod:`argmap.semantics.sat` does for frameworks;
- *conflict-free* and *admissible* are not closed (a subset of the arguments of an
  extension is one), so their node sets are not ``Cn(D)``; exactly: a node set ``N`` is the
  set of conclusions of some conflict-free set of arguments iff ``N ⊆ Cn(U)`` with ``U`` the
  items ``N`` does not attack, and of some admissible set iff ``N ⊆ Cn(V)`` with ``V`` the
  items of ``U`` whose attackers lie outside ``Cn(U)``. Both are enumerated by SAT;
- *semi-stable, stage* and *eager* compare ranges of *arguments*, which the assumption
  level does not preserve (Caminada, Sá, Alcântara and Dvořák 2015, "On the equivalence
  between logic programming semantics and argumentation semantics", IJAR 58): they are
  computed by the brute-force reference, for maps of up to :data:`REFERENCE_LIMIT`
  argument trees, and refused beyond with an :class:`~argmap.errors.ArgmapError`.

>>> from argmap.bipolar.reasons import Reason, ReasonGraph
>>> g = ReasonGraph(
...     ["a", "b", "c", "x"],
...     [Reason("r1", ("a",), "c"), Reason("r2", ("b",), "c")],
...     attacks=[("x", "a")],
... )
>>> [sorted(e) for e in extensions(g, "grounded")]  # one reason defeated, the other stands
[['b', 'c', 'x']]
>>> labelling(g)["a"]
<Label.OUT: 'out'>
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from argmap.bipolar import trees
from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.options import DEFAULT_SEMANTICS, Semantics
from argmap.semantics.names import Label
from argmap.semantics.sat import Deadline, IncrementalSolver

__all__ = [
    "REFERENCE_LIMIT",
    "credulous_witness",
    "extensions",
    "grounded",
    "is_credulously_accepted",
    "is_skeptically_accepted",
    "iter_extensions",
    "labelling",
    "labelling_of",
    "skeptical_counterexample",
]

REFERENCE_LIMIT = trees.LIMIT
"""The most argument trees built for semi-stable, stage and eager (see the module notes)."""

_BY_REFERENCE = (Semantics.SEMI_STABLE, Semantics.STAGE, Semantics.EAGER)

Nodes = frozenset[str]


class _Graph:
    """A map as indexed items: node ``i`` is item ``i``, reason ``j`` is item ``n + j``."""

    def __init__(self, graph: ReasonGraph) -> None:
        self.graph = graph
        self.nodes = graph.nodes
        self.n = n = len(graph.nodes)
        index = {name: i for i, name in enumerate(graph.nodes)}
        reason_index = {r.id: n + j for j, r in enumerate(graph.reasons)}
        self.m = n + len(graph.reasons)
        try:
            self.premises = [
                list(dict.fromkeys(index[p] for p in r.premises)) for r in graph.reasons
            ]
            self.conclusion = [index[r.conclusion] for r in graph.reasons]
            pairs = [(index[x], index[y]) for x, y in graph.attacks]
            pairs += [(index[u], reason_index[r]) for u, r in graph.undercuts]
        except KeyError as exc:
            raise ArgmapError(f"the reason graph names an unknown node or reason {exc}") from None
        self.pairs = list(dict.fromkeys(pairs))
        """``(attacker node, attacked item)``, each once."""
        self.attackers: list[list[int]] = [[] for _ in range(self.m)]
        for x, a in self.pairs:
            self.attackers[a].append(x)
        self.index = index
        self.reasons_of: list[list[int]] = [[] for _ in range(n)]
        self.used_by: list[list[int]] = [[] for _ in range(n)]
        for j, c in enumerate(self.conclusion):
            self.reasons_of[c].append(j)
            for p in self.premises[j]:
                self.used_by[p].append(j)
        self.is_premise = [not rs for rs in self.reasons_of]

    def node(self, name: str) -> int:
        """The index of a node."""
        if name not in self.index:
            raise ArgmapError(f"the map has no node '{name}'")
        return self.index[name]

    def closure(self, usable: Sequence[bool]) -> list[bool]:
        """Per node, whether it is derivable from the usable items (forward chaining)."""
        derived = [False] * self.n
        missing = [len(p) for p in self.premises]
        stack = [i for i in range(self.n) if self.is_premise[i] and usable[i]]
        while stack:
            c = stack.pop()
            if derived[c] or not usable[c]:
                continue
            derived[c] = True
            for j in self.used_by[c]:
                missing[j] -= 1
                if missing[j] == 0 and usable[self.n + j]:
                    stack.append(self.conclusion[j])
        return derived

    def attacked(self, derived: Sequence[bool]) -> list[bool]:
        """Per item, whether a derived node attacks it."""
        hit = [False] * self.m
        for x, a in self.pairs:
            if derived[x]:
                hit[a] = True
        return hit

    def defended(self, derived: Sequence[bool]) -> list[bool]:
        """Per item, whether the derived nodes defend it: no attacker survives their attacks.

        An attacker survives when it is derivable from the items they leave unattacked.
        """
        potential = self.closure([not a for a in self.attacked(derived)])
        return [not a for a in self.attacked(potential)]

    def completed(self, items: Sequence[bool]) -> list[bool]:
        """An admissible assumption set with everything it defends, repeatedly (complete).

        Adding a defended item to an admissible set keeps it admissible (Dung's fundamental
        lemma, which holds for flat ABA: Bondarenko et al. 1997, Thm. 5.7).
        """
        current = list(items)
        while True:
            following = [
                a or d for a, d in zip(current, self.defended(self.closure(current)), strict=True)
            ]
            if following == current:
                return current
            current = following

    def names(self, derived: Sequence[bool]) -> Nodes:
        """The names of the derived nodes."""
        return frozenset(name for name, d in zip(self.nodes, derived, strict=True) if d)


# -- grounded ----------------------------------------------------------------------------


def _grounded_items(g: _Graph) -> tuple[list[bool], list[bool], list[bool]]:
    """The grounded assumption set, its nodes, and the nodes still derivable at all.

    Alternating fixpoint: the items defended by the current set, until nothing changes.
    """
    accepted = [False] * g.m
    while True:
        derived = g.closure(accepted)
        potential = g.closure([not a for a in g.attacked(derived)])
        following = [not a for a in g.attacked(potential)]
        if following == accepted:
            return accepted, derived, potential
        accepted = following


def grounded(graph: ReasonGraph) -> Nodes:
    """The grounded extension's nodes, in time linear in the map per round.

    >>> from argmap.bipolar.reasons import Reason, ReasonGraph
    >>> sorted(grounded(ReasonGraph("ab", [Reason("r", ("a",), "b")], [("b", "a")])))
    []
    """
    g = _Graph(graph)
    return g.names(_grounded_items(g)[1])


# -- SAT ---------------------------------------------------------------------------------


class _Derivation:
    """Variables for "node is derivable from the items whose ``base`` literal holds"."""

    def __init__(self, base: list[int], variables: list[int], bodies: list[int]) -> None:
        self.base = base
        self.variables = variables
        self.bodies = bodies


class _Encoding:
    """A SAT encoding over one map: ``in`` variables per item, derivations, attacks."""

    def __init__(self, g: _Graph, deadline: Deadline) -> None:
        self.g = g
        self.deadline = deadline
        self.top = g.m + 1  # variable g.m + 1 is TRUE
        self.clauses: list[list[int]] = [[self.top]]
        self.exact: list[_Derivation] = []

    @property
    def true(self) -> int:
        """A literal that always holds."""
        return self.g.m + 1

    def IN(self, item: int) -> int:
        """The variable for "item is in the assumption set"."""
        return item + 1

    def fresh(self) -> int:
        """A new variable."""
        self.top += 1
        return self.top

    def derivation(self, base: list[int], exact: bool) -> _Derivation:
        """Node variables derivable from the items whose ``base`` literal holds.

        Always closed under the rules (a model derives at least the least fixpoint); with
        ``exact``, also supported (Clark completion), and checked for unfounded sets by
        :class:`_Solver`, which adds loop formulas.
        """
        g, true = self.g, self.true
        variables = [base[i] if g.is_premise[i] else self.fresh() for i in range(g.n)]
        bodies = []
        for j, premises in enumerate(g.premises):
            c = g.conclusion[j]
            parts = [base[g.n + j], base[c], *(variables[p] for p in premises)]
            parts = [lit for lit in parts if lit != true]  # an unattacked item is always usable
            self.clauses.append([variables[c], *(-lit for lit in parts)])
            if not exact:
                continue
            # the body's literal: the conclusion's own variable when this is its only reason
            body = variables[c] if len(g.reasons_of[c]) == 1 else self.fresh()
            self.clauses += [[-body, lit] for lit in parts]
            bodies.append(body)
        if exact:
            for c in range(g.n):
                if len(g.reasons_of[c]) > 1:
                    self.clauses.append([-variables[c], *(bodies[j] for j in g.reasons_of[c])])
        found = _Derivation(base, variables, bodies)
        if exact:
            self.exact.append(found)
        return found

    def attacked(self, derived: _Derivation) -> list[int]:
        """Per item, a literal for "a derived node attacks it"."""
        literals = []
        for attackers in self.g.attackers:
            if not attackers:
                literals.append(-self.true)
                continue
            att = self.fresh()
            ds = [derived.variables[x] for x in attackers]
            self.clauses += [[-d, att] for d in ds]
            self.clauses.append([-att, *ds])
            literals.append(att)
        return literals

    def assumption_sets(self, semantics: Semantics) -> _Derivation:
        """Clauses whose models are the extensions at the assumption level; ``Cn(D)``."""
        g = self.g
        ins = [self.IN(a) for a in range(g.m)]
        derived = self.derivation(ins, exact=True)
        att = self.attacked(derived)
        targets = [a for a in range(g.m) if g.attackers[a]]
        self.clauses += [[-ins[a], -att[a]] for a in targets]  # conflict-free
        if semantics is Semantics.STABLE:
            self.clauses += [[ins[a], att[a]] for a in range(g.m)]
            return derived
        complete = semantics is Semantics.COMPLETE
        potential = self.derivation([-a for a in att], exact=complete)
        for a in targets:
            threats = [potential.variables[x] for x in g.attackers[a]]
            self.clauses += [[-ins[a], -t] for t in threats]  # defended
        if complete:
            for a in range(g.m):  # defended, hence in
                self.clauses.append([ins[a], *(potential.variables[x] for x in g.attackers[a])])
        return derived

    def projections(self, semantics: Semantics) -> None:
        """Clauses whose models' node ``in`` variables are the projected node sets.

        For conflict-free or admissible (see the module notes).
        """
        g = self.g
        chosen = _Derivation([], [self.IN(i) for i in range(g.n)], [])
        att = self.attacked(chosen)
        unattacked = [-a for a in att]
        if semantics is Semantics.ADMISSIBLE:
            potential = self.derivation(unattacked, exact=False)
            usable = []
            for a in range(g.m):
                v = self.fresh()
                parts = [unattacked[a], *(-potential.variables[x] for x in g.attackers[a])]
                self.clauses += [[-v, lit] for lit in parts]
                self.clauses.append([v, *(-lit for lit in parts)])
                usable.append(v)
        else:
            usable = unattacked
        support = self.derivation(usable, exact=True)
        self.clauses += [[-self.IN(i), support.variables[i]] for i in range(g.n)]

    def solver(self) -> _Solver:
        """A solver loaded with the clauses so far."""
        return _Solver(self, self.clauses)


class _Solver:
    """An incremental solver that honours a deadline and keeps derivations founded."""

    def __init__(self, encoding: _Encoding, clauses: list[list[int]]) -> None:
        self.encoding = encoding
        self.sat = IncrementalSolver(clauses, encoding.deadline)
        # prefer large assumption sets: fewer steps to maximise them
        self.sat.solver.set_phases(list(range(1, encoding.g.m + 1)))

    def solve(self, assumptions: Sequence[int] = ()) -> _Model | None:
        """A model whose derivations are least fixpoints, or ``None``."""
        while (raw := self.sat.solve(assumptions)) is not None:
            model = _Model(raw)
            loops = [c for d in self.encoding.exact for c in _loop_formulas(self, d, model)]
            if not loops:
                return model
            for clause in loops:
                self.sat.add(clause)
        return None

    def add(self, clause: list[int]) -> None:
        """Add a clause."""
        self.sat.add(clause)

    def close(self) -> None:
        """Free the solver."""
        self.sat.close()


class _Model:
    """A satisfying assignment."""

    def __init__(self, raw: list[int]) -> None:
        self.raw = raw

    def __call__(self, literal: int) -> bool:
        v = abs(literal)
        value = v <= len(self.raw) and self.raw[v - 1] > 0
        return value if literal > 0 else not value


def _loop_formulas(solver: _Solver, d: _Derivation, model: _Model) -> list[list[int]]:
    """Loop formulas refuting the model's unfounded derived nodes, if it has any."""
    g = solver.encoding.g
    least = g.closure([model(b) for b in d.base])
    loop = {c for c in range(g.n) if model(d.variables[c]) and not least[c]}
    if not loop:
        return []
    external = [
        d.bodies[j]
        for j, c in enumerate(g.conclusion)
        if c in loop and not any(p in loop for p in g.premises[j])
    ]
    return [[-d.variables[c], *external] for c in loop]


class _Engine:
    """The SAT-based tasks on one map."""

    def __init__(self, graph: ReasonGraph, deadline: Deadline) -> None:
        self.g = _Graph(graph)
        self.deadline = deadline
        self._grounded: frozenset[int] | None = None

    def encode(self, semantics: Semantics) -> tuple[_Encoding, _Derivation, _Solver]:
        enc = _Encoding(self.g, self.deadline)
        derived = enc.assumption_sets(semantics)
        return enc, derived, enc.solver()

    def items(self, model: _Model) -> frozenset[int]:
        return frozenset(a for a in range(self.g.m) if model(a + 1))

    def nodes_of(self, items: frozenset[int]) -> Nodes:
        return self.g.names(self.g.closure([a in items for a in range(self.g.m)]))

    def maximise(self, enc: _Encoding, sat: _Solver, start: frozenset[int]) -> frozenset[int]:
        """Grow an assumption set until no model of the solver strictly contains it."""
        g = self.g
        current = start
        while True:
            completed = g.completed([a in current for a in range(g.m)])
            current = frozenset(a for a in range(g.m) if completed[a])
            act = enc.fresh()
            sat.add([-act, *(a + 1 for a in range(self.g.m) if a not in current)])
            model = sat.solve([act, *(a + 1 for a in current)])
            sat.add([-act])
            if model is None:
                return current
            current = self.items(model)

    def enumerate_closed(self, semantics: Semantics) -> Iterator[Nodes]:
        """Complete or stable node sets, each once (blocking on the derived nodes)."""
        _enc, derived, sat = self.encode(semantics)
        try:
            while (model := sat.solve()) is not None:
                values = [model(v) for v in derived.variables]
                yield self.g.names(values)
                sat.add([-v if on else v for v, on in zip(derived.variables, values, strict=True)])
        finally:
            sat.close()

    def enumerate_preferred(self) -> Iterator[frozenset[int]]:
        """Every preferred assumption set."""
        enc, _, sat = self.encode(Semantics.ADMISSIBLE)
        try:
            while (model := sat.solve()) is not None:
                found = self.maximise(enc, sat, self.items(model))
                yield found
                outside = [a + 1 for a in range(self.g.m) if a not in found]
                if not outside:
                    return
                sat.add(outside)
        finally:
            sat.close()

    def enumerate_projections(self, semantics: Semantics) -> Iterator[Nodes]:
        """Conflict-free or admissible node sets."""
        enc = _Encoding(self.g, self.deadline)
        enc.projections(semantics)
        sat = enc.solver()
        try:
            while (model := sat.solve()) is not None:
                values = [model(i + 1) for i in range(self.g.n)]
                yield self.g.names(values)
                sat.add([-(i + 1) if on else i + 1 for i, on in enumerate(values)])
        finally:
            sat.close()

    def grounded_items(self) -> frozenset[int]:
        """The grounded assumption set (computed once)."""
        if self._grounded is None:
            accepted = _grounded_items(self.g)[0]
            self._grounded = frozenset(a for a in range(self.g.m) if accepted[a])
        return self._grounded

    def preferred_counterexample(
        self, literal: _Literal, shared: tuple[_Encoding, _Derivation, _Solver] | None = None
    ) -> frozenset[int] | None:
        """A preferred assumption set where ``literal`` fails, or ``None``.

        Counterexample-guided: the first candidate is the grounded set (the least complete
        one); each candidate is maximised, and one whose maximum satisfies the literal rules
        out every subset of that maximum. ``shared`` is an admissible encoding to reuse; its
        blocking clauses are switched on for this call only.
        """
        if literal.holds(self, self.grounded_items()):
            return None  # the grounded set is in every preferred one
        enc, derived, sat = shared or self.encode(Semantics.ADMISSIBLE)
        act = enc.fresh()
        candidate: frozenset[int] | None = self.grounded_items()
        try:
            while candidate is not None:
                maximal = self.maximise(enc, sat, candidate)
                if not literal.holds(self, maximal):
                    return maximal
                outside = [a + 1 for a in range(self.g.m) if a not in maximal]
                if not outside:
                    return None
                sat.add([-act, *outside])
                model = sat.solve([act, -literal.of(derived)])
                candidate = None if model is None else self.items(model)
            return None
        finally:
            sat.add([-act])
            if shared is None:
                sat.close()

    def ideal(self) -> Nodes:
        """The ideal extension: the largest admissible set within every preferred one."""
        shared = self.encode(Semantics.ADMISSIBLE)
        try:
            candidates = set(self.maximise(*shared[::2], self.grounded_items()))
            core: set[int] = set()
            while candidates:
                a = candidates.pop()
                counter = self.preferred_counterexample(_Literal(item=a), shared)
                if counter is None:
                    core.add(a)
                else:
                    candidates &= counter
        finally:
            shared[2].close()
        current = [a in core for a in range(self.g.m)]
        while True:
            defended = self.g.defended(self.g.closure(current))
            following = [c and d for c, d in zip(current, defended, strict=True)]
            if following == current:
                return self.g.names(self.g.closure(current))
            current = following


class _Literal:
    """An item in the assumption set, or a node derived from it."""

    def __init__(self, item: int | None = None, node: int | None = None) -> None:
        self.item, self.node = item, node

    def of(self, derived: _Derivation) -> int:
        """The SAT literal."""
        return self.item + 1 if self.item is not None else derived.variables[self.node or 0]

    def holds(self, engine: _Engine, items: frozenset[int]) -> bool:
        """Whether it holds of an assumption set."""
        if self.item is not None:
            return self.item in items
        return engine.g.closure([a in items for a in range(engine.g.m)])[self.node or 0]


# -- the public API ----------------------------------------------------------------------


def _sorted(found: set[Nodes] | list[Nodes]) -> list[Nodes]:
    return sorted(found, key=lambda e: (len(e), sorted(e)))


def _by_reference(graph: ReasonGraph, chosen: Semantics) -> list[Nodes]:
    try:
        return trees.extensions(graph, chosen, REFERENCE_LIMIT)
    except ArgmapError as exc:
        raise ArgmapError(
            f"{chosen} semantics under the defeasible reading is computed from argument trees: {exc}"
        ) from None


def _iter(graph: ReasonGraph, chosen: Semantics, deadline: Deadline) -> Iterator[Nodes]:
    engine = _Engine(graph, deadline)
    if chosen is Semantics.GROUNDED:
        yield grounded(graph)
    elif chosen is Semantics.IDEAL:
        yield engine.ideal()
    elif chosen in _BY_REFERENCE:
        yield from _by_reference(graph, chosen)
    elif chosen in (Semantics.COMPLETE, Semantics.STABLE):
        yield from engine.enumerate_closed(chosen)
    elif chosen is Semantics.PREFERRED:
        for items in engine.enumerate_preferred():
            yield engine.nodes_of(items)
    else:
        yield from engine.enumerate_projections(chosen)


def iter_extensions(
    graph: ReasonGraph, semantics: str | Semantics, *, timeout: float | None = None
) -> Iterator[Nodes]:
    """Yield each extension's node set once, as found; ``timeout`` covers them all.

    Raises
    ------
    SolverTimeout
        If ``timeout`` seconds pass first.
    ArgmapError
        For an unknown semantics, or semi-stable, stage or eager on a map with more than
        :data:`REFERENCE_LIMIT` argument trees.
    """
    chosen = Semantics.parse(semantics)
    deadline = Deadline(timeout)
    seen: set[Nodes] = set()
    for found in _iter(graph, chosen, deadline):
        deadline.remaining()
        if found not in seen:
            seen.add(found)
            yield found


def extensions(
    graph: ReasonGraph, semantics: str | Semantics, *, timeout: float | None = None
) -> list[Nodes]:
    """Every extension's node set under the defeasible reading, smallest first, then by names.

    >>> from argmap.bipolar.reasons import Reason, ReasonGraph
    >>> g = ReasonGraph("abc", [Reason("r", ("a", "b"), "c")], [("a", "b"), ("b", "a")])
    >>> [sorted(e) for e in extensions(g, "preferred")]  # linked: c needs both a and b
    [['a'], ['b']]
    """
    return _sorted(list(iter_extensions(graph, semantics, timeout=timeout)))


def credulous_witness(
    graph: ReasonGraph, node: str, semantics: str | Semantics, *, timeout: float | None = None
) -> Nodes | None:
    """An extension's node set containing ``node``, or ``None`` if no extension has it.

    For preferred the witness is a preferred extension (an admissible set with ``node``,
    maximised).

    >>> from argmap.bipolar.reasons import Reason, ReasonGraph
    >>> g = ReasonGraph("abc", [Reason("r", ("a",), "c")], [("a", "b"), ("b", "a")])
    >>> sorted(credulous_witness(g, "c", "preferred"))
    ['a', 'c']
    """
    return _credulous(graph, node, Semantics.parse(semantics), Deadline(timeout), witness=True)


def _credulous(
    graph: ReasonGraph, node: str, chosen: Semantics, deadline: Deadline, witness: bool
) -> Nodes | None:
    """A witness for :func:`credulous_witness`, or any extension containing ``node``.

    When not ``witness``, for preferred an admissible set is enough (all acceptance needs).
    """
    engine = _Engine(graph, deadline)
    c = engine.g.node(node)
    if chosen.unique or chosen in _BY_REFERENCE:
        return next((e for e in _iter(graph, chosen, engine.deadline) if node in e), None)
    if chosen is Semantics.CONFLICT_FREE:
        g = engine.g
        alone = g.closure([not a for a in g.attacked([i == c for i in range(g.n)])])
        return frozenset([node]) if alone[c] else None
    base = Semantics.ADMISSIBLE if chosen is Semantics.PREFERRED else chosen
    enc, derived, sat = engine.encode(base)
    try:
        model = sat.solve([derived.variables[c]])
        if model is None:
            return None
        items = engine.items(model)
        if chosen is Semantics.PREFERRED and witness:
            items = engine.maximise(enc, sat, items)
        return engine.nodes_of(items)
    finally:
        sat.close()


def skeptical_counterexample(
    graph: ReasonGraph, node: str, semantics: str | Semantics, *, timeout: float | None = None
) -> Nodes | None:
    """An extension's node set lacking ``node``, or ``None`` if every extension has it.

    >>> from argmap.bipolar.reasons import Reason, ReasonGraph
    >>> g = ReasonGraph("abc", [Reason("r", ("a",), "c")], [("a", "b"), ("b", "a")])
    >>> sorted(skeptical_counterexample(g, "c", "preferred"))
    ['b']
    """
    chosen = Semantics.parse(semantics)
    engine = _Engine(graph, Deadline(timeout))
    c = engine.g.node(node)
    if chosen in (Semantics.CONFLICT_FREE, Semantics.ADMISSIBLE):
        return frozenset()  # the empty set of arguments is always one
    if chosen.unique or chosen in _BY_REFERENCE or chosen is Semantics.COMPLETE:
        # the grounded extension is the least complete one
        unique = Semantics.GROUNDED if chosen is Semantics.COMPLETE else chosen
        return next((e for e in _iter(graph, unique, engine.deadline) if node not in e), None)
    if chosen is Semantics.PREFERRED:
        found = engine.preferred_counterexample(_Literal(node=c))
        return None if found is None else engine.nodes_of(found)
    _, derived, sat = engine.encode(chosen)
    try:
        model = sat.solve([-derived.variables[c]])
        return None if model is None else engine.nodes_of(engine.items(model))
    finally:
        sat.close()


def is_credulously_accepted(
    graph: ReasonGraph, node: str, semantics: str | Semantics, *, timeout: float | None = None
) -> bool:
    """Whether some extension has ``node``."""
    chosen = Semantics.parse(semantics)
    return _credulous(graph, node, chosen, Deadline(timeout), witness=False) is not None


def is_skeptically_accepted(
    graph: ReasonGraph, node: str, semantics: str | Semantics, *, timeout: float | None = None
) -> bool:
    """Whether every extension has ``node`` (vacuously so when there is none)."""
    return skeptical_counterexample(graph, node, semantics, timeout=timeout) is None


def labelling_of(graph: ReasonGraph, extension: Nodes) -> dict[str, Label]:
    """The node labelling an extension induces.

    A node is IN when it is in the extension; OUT when every argument concluding it is
    attacked by an argument of the extension (it is derivable from no set of nodes and
    reasons the extension leaves unattacked; a node no argument concludes, as one resting
    only on a cycle of support, is OUT); UNDEC otherwise.

    >>> from argmap.bipolar.reasons import Reason, ReasonGraph
    >>> g = ReasonGraph("abc", [Reason("r", ("a",), "c")], [("b", "a")])
    >>> {n: str(v) for n, v in labelling_of(g, frozenset("b")).items()}
    {'a': 'out', 'b': 'in', 'c': 'out'}
    """
    g = _Graph(graph)
    inside = [name in extension for name in g.nodes]
    potential = g.closure([not a for a in g.attacked(inside)])
    return {
        name: Label.IN if inside[i] else Label.UNDEC if potential[i] else Label.OUT
        for i, name in enumerate(g.nodes)
    }


def labelling(
    graph: ReasonGraph,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    timeout: float | None = None,
) -> dict[str, Label]:
    """The node labelling under grounded, ideal or eager (see :func:`labelling_of`).

    Raises
    ------
    ArgmapError
        For a semantics that can have several extensions.
    """
    chosen = Semantics.parse(semantics)
    if not chosen.unique:
        raise ArgmapError(
            f"{chosen} semantics can have several extensions: use labelling_of(graph, extension)"
        )
    (extension,) = extensions(graph, chosen, timeout=timeout)
    return labelling_of(graph, extension)

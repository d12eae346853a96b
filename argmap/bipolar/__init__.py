"""From a bipolar map to an attack graph: the standard readings of support, through reasons.

A map has reasons (one or more premises jointly supporting a conclusion; several reasons
for one conclusion are convergent) as well as attacks and undercuts (attacks on a reason);
Dung's semantics need attacks only. Each reading of support gives a Dung framework
(:class:`DerivedGraph`), each attack with the path that produced it (``docs/semantics.md``
has the definitions, with worked examples):

- ``none``: supports and undercuts are ignored; the direct attacks remain.
- ``deductive`` (accepting an argument commits to what it supports): the d-attack closure
  of Cayrol and Lagasquie-Schiex (2013, 2015): direct, supported, mediated and
  super-mediated attacks (:mod:`argmap.bipolar.deductive`).
- ``necessary`` (a node needs one of its reasons, a reason all its premises):
  argumentation frameworks with necessities over sets (Nouioua and Risch 2011; Nouioua
  2013), through their translation into Dung's frameworks: an argument is a node with a
  minimal justification from the nodes no reason concludes
  (:mod:`argmap.bipolar.justified`).
- ``evidential`` (an argument stands only on reasons from evidence): evidential
  argumentation (Oren and Norman 2008) through the translation of Polberg and Oren (2014):
  an argument is a node with a minimal set of reasons deriving it from evidence.

:mod:`argmap.bipolar.reference` holds brute-force readings of the published definitions
that the tests check these against.

>>> import argmap
>>> m = argmap.map_from_yaml('''
... id: toy
... title: Toy
... nodes:
...   - {id: e, kind: evidence, text: E.}
...   - {id: c, kind: claim, text: C.}
...   - {id: x, kind: claim, text: X.}
... edges:
...   - support: e -> c
...   - attack: x -> e
... ''')
>>> [(a.attacker, a.target, str(a.kind)) for a in attack_graph(m, "necessary").attacks]
[('x', 'e', 'direct'), ('x', 'c', 'secondary')]
"""

from __future__ import annotations

from argmap import semantics as _semantics
from argmap.bipolar import defeasible
from argmap.bipolar.deductive import deductive_graph, none_graph
from argmap.bipolar.derived import CHAIN, MAX_CHAINS, AttackKind, DerivedAttack, DerivedGraph
from argmap.bipolar.justified import justified_graph
from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.model import ArgumentMap, NodeKind
from argmap.options import DEFAULT_SEMANTICS, DEFAULT_SUPPORT, Semantics, Support
from argmap.semantics.names import Label

__all__ = [
    "CHAIN",
    "MAX_CHAINS",
    "AttackKind",
    "DerivedAttack",
    "DerivedGraph",
    "Support",
    "attack_graph",
    "extensions",
    "labelling",
    "node_statuses",
]


def attack_graph(m: ArgumentMap, support: str | Support = DEFAULT_SUPPORT) -> DerivedGraph:
    """The attack graph of a map under a reading of support.

    Parameters
    ----------
    m
        The map.
    support
        ``none``, ``deductive``, ``necessary`` or ``evidential`` (see ``docs/semantics.md``).

    Returns
    -------
    DerivedGraph
        Its arguments and its attacks, each once per (attacker, target) with a shortest
        derivation. Under ``none`` and ``deductive`` the arguments are the nodes (and, under
        ``deductive``, the reasons that are arguments of their own); under ``necessary`` and
        ``evidential`` they are the nodes' minimal justifications.

    Raises
    ------
    ArgmapError
        Under ``necessary`` or ``evidential``, when a map has more than ``MAX_CHAINS``
        minimal justifications.
    """
    reading = Support.parse(support)
    g = ReasonGraph.of(m)
    if reading is Support.DEFEASIBLE:
        return stated_graph(g)
    if reading is Support.NONE:
        return none_graph(g)
    if reading is Support.DEDUCTIVE:
        return deductive_graph(g)
    if reading is Support.NECESSARY:
        return justified_graph(g, reading, frozenset(g.premise_nodes()))
    if reading is Support.EVIDENTIAL:
        evidence = frozenset(n.id for n in m.nodes if n.kind is NodeKind.EVIDENCE)
        return justified_graph(g, reading, evidence)
    raise ArgmapError(f"no attack graph for the {reading} reading of support")


def stated_graph(g: ReasonGraph) -> DerivedGraph:
    """The attacks as the map states them: between nodes, and undercuts of reasons.

    What the defeasible reading's attack graph is. It is not a Dung framework whose
    extensions are the reading's (arguments are trees of reasons, which
    :mod:`argmap.bipolar.defeasible` never builds): it says who attacks what, for conflicts
    and diagrams. The undercut reasons are its further arguments.
    """
    undercut = tuple(dict.fromkeys(r for _, r in g.undercuts))
    attacks = [DerivedAttack(a, b, AttackKind.DIRECT, (a, b)) for a, b in g.attacks]
    attacks += [DerivedAttack(u, r, AttackKind.DIRECT, (u, r)) for u, r in g.undercuts]
    return DerivedGraph((*g.nodes, *undercut), tuple(attacks), Support.DEFEASIBLE, undercut)


def extensions(
    target: AF | ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> list[frozenset[str]]:
    """The extensions of a framework, or of a map under a reading of support.

    A map's extensions list its nodes: reasons are left out and, under necessary and
    evidential support, each argument counts as its conclusion. ``support`` is ignored for
    a framework.

    >>> import argmap
    >>> m = argmap.map_from_yaml('''
    ... id: toy
    ... title: Toy
    ... nodes:
    ...   - {id: a, kind: claim, text: A.}
    ...   - {id: b, kind: claim, text: B.}
    ... edges:
    ...   - attack: a -> b
    ...   - attack: b -> a
    ... ''')
    >>> [sorted(e) for e in extensions(m, "preferred")]
    [['a'], ['b']]
    """
    if isinstance(target, AF):
        return _semantics.extensions(target, semantics, timeout=timeout)
    if Support.parse(support) is Support.DEFEASIBLE:
        return defeasible.extensions(ReasonGraph.of(target), semantics, timeout=timeout)
    graph = attack_graph(target, support)
    nodes = {n.id for n in target.nodes}
    found = _semantics.extensions(graph.af(), semantics, timeout=timeout)
    return list(dict.fromkeys(graph.project(e) & nodes for e in found))


def labelling(
    target: AF | ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> dict[str, Label]:
    """Each argument's (or node's) label, in, out or undec, under a single-status semantics.

    Under necessary and evidential support a node is IN when one of its arguments is, OUT
    when all are (or it has none: nothing establishes it), UNDEC otherwise.
    """
    if isinstance(target, AF):
        return _semantics.labelling(target, semantics, timeout=timeout)
    if Support.parse(support) is Support.DEFEASIBLE:
        return defeasible.labelling(ReasonGraph.of(target), semantics, timeout=timeout)
    graph = attack_graph(target, support)
    labels = _semantics.labelling(graph.af(), semantics, timeout=timeout)
    result = {}
    for node in target.nodes:
        mine = {labels[a] for a in graph.arguments_for(node.id)}
        result[node.id] = next((x for x in (Label.IN, Label.UNDEC) if x in mine), Label.OUT)
    return result


def node_statuses(
    m: ArgumentMap,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    *,
    support: str | Support = DEFAULT_SUPPORT,
    timeout: float | None = None,
) -> dict[str, str]:
    """Each node's status under a semantics, as every view of one map shows it.

    Its label (``in``/``out``/``undec``) under a single-status semantics, else
    ``skeptical``/``credulous``/``rejected`` across the extensions (diagrams, critical
    questions, batch rows).
    """
    chosen = Semantics.parse(semantics)
    if chosen.unique:
        found = labelling(m, chosen, support=support, timeout=timeout)
        return {node: str(label) for node, label in found.items()}
    every = extensions(m, chosen, support=support, timeout=timeout)
    return {n.id: str(_semantics.acceptance(n.id, every)) for n in m.nodes}

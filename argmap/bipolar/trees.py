"""The defeasible reading by brute force, from argument trees: the tests' oracle.

This is the ASPIC+-style reading of a map (Modgil and Prakken 2014, "The ASPIC+ framework
for structured argumentation: a tutorial", Argument & Computation 5(1)) built exactly as
defined, with nothing clever in it:

- an *argument* is a finite tree of reasons. A node no reason concludes is a premise and is
  an argument on its own. A node with reasons is concluded only by an argument that applies
  one of its reasons to sub-arguments concluding each of that reason's premises (so it is
  not an argument on its own, and a cycle of supports with no premise below it gives no
  argument at all). A node never occurs twice on one branch of a tree: arguments are the
  non-circular trees (Modgil and Prakken's arguments may repeat a conclusion, but then there
  are infinitely many; a circular argument's conclusion always has a non-circular argument
  using a subset of its nodes and reasons);
- an attack ``x -> y`` makes every argument concluding ``x`` attack every argument that
  *uses* ``y``: as a premise, an intermediate conclusion or its final conclusion; an
  undercut ``u -> r`` makes every argument concluding ``u`` attack every argument that uses
  the reason ``r``. Support never carries an attack backwards;
- the extensions are those of the Dung framework of these arguments, computed by
  :mod:`argmap.semantics`; a node is in an extension iff some argument concluding it is.

Two trees with the same conclusion, nodes and reasons attack and are attacked by exactly
the same arguments, so each is listed once. The number of trees grows exponentially with
the map; :func:`argument_trees` refuses beyond ``limit`` of them.

>>> from argmap.bipolar.reasons import Reason, ReasonGraph
>>> g = ReasonGraph("abc", [Reason("r", ("a",), "c")], attacks=[("b", "a")])
>>> [(t.conclusion, sorted(t.nodes)) for t in argument_trees(g)]
[('a', ['a']), ('b', ['b']), ('c', ['a', 'c'])]
>>> extensions(g, "grounded")
[frozenset({'b'})]
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import attrs

from argmap.bipolar.reasons import ReasonGraph
from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.options import Semantics
from argmap.semantics import extensions as af_extensions

__all__ = ["LIMIT", "ArgumentTree", "argument_framework", "argument_trees", "extensions"]

LIMIT = 2000
"""The most argument trees :func:`argument_trees` builds before refusing."""


@attrs.frozen
class ArgumentTree:
    """What matters of one argument: its conclusion and the nodes and reasons it uses."""

    conclusion: str
    nodes: frozenset[str]
    reasons: frozenset[str]


def argument_trees(graph: ReasonGraph, limit: int = LIMIT) -> list[ArgumentTree]:
    """Every argument of the map, once per conclusion, nodes and reasons used.

    Raises
    ------
    ArgmapError
        If there are more than ``limit`` of them.
    """
    found: dict[ArgumentTree, None] = {}
    for node in graph.nodes:
        for tree in _trees(graph, node, frozenset(), limit):
            found[tree] = None
            if len(found) > limit:
                raise ArgmapError(f"the map has more than {limit} argument trees")
    return list(found)


def _trees(
    graph: ReasonGraph, node: str, above: frozenset[str], limit: int
) -> Iterator[ArgumentTree]:
    """The trees concluding ``node`` whose branches avoid ``above`` (its ancestors)."""
    if node in above:
        return
    reasons = graph.reasons_for(node)
    if not reasons:
        yield ArgumentTree(node, frozenset([node]), frozenset())
        return
    path = above | {node}
    for reason in reasons:
        subtrees = [list(_trees(graph, p, path, limit)) for p in reason.premises]
        if sum(len(s) for s in subtrees) > limit:
            raise ArgmapError(f"the map has more than {limit} argument trees")
        for chosen in product(*subtrees):
            yield ArgumentTree(
                node,
                frozenset([node]).union(*(t.nodes for t in chosen)),
                frozenset([reason.id]).union(*(t.reasons for t in chosen)),
            )


def _attacks(graph: ReasonGraph, a: ArgumentTree, b: ArgumentTree) -> bool:
    """Whether argument ``a`` attacks argument ``b``."""
    hits_node = any(x == a.conclusion and y in b.nodes for x, y in graph.attacks)
    hits_reason = any(u == a.conclusion and r in b.reasons for u, r in graph.undercuts)
    return hits_node or hits_reason


def argument_framework(
    graph: ReasonGraph, limit: int = LIMIT
) -> tuple[AF, dict[str, ArgumentTree]]:
    """The Dung framework of the map's arguments, and what each argument (``A0``, ...) is."""
    trees = argument_trees(graph, limit)
    names = {f"A{i}": t for i, t in enumerate(trees)}
    attacks = [(x, y) for x, a in names.items() for y, b in names.items() if _attacks(graph, a, b)]
    return AF(names, attacks), names


def extensions(
    graph: ReasonGraph, semantics: str | Semantics, limit: int = LIMIT
) -> list[frozenset[str]]:
    """The node sets of the extensions: the conclusions of each extension's arguments.

    Deduplicated, smallest first, then by names (as :func:`argmap.semantics.extensions`).
    """
    af, trees = argument_framework(graph, limit)
    found = {frozenset(trees[a].conclusion for a in e) for e in af_extensions(af, semantics)}
    return sorted(found, key=lambda e: (len(e), sorted(e)))

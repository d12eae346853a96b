"""Converting maps between formats, through the format registry.

Every format's reading and writing, its file names and what it keeps and loses are in
:mod:`argmap.formats.registry` (``docs/interop.md`` has the table). This module adds the
one thing the registry cannot do at its layer: writing a map to an abstract-framework
format (i23, apx, tgf) through its *attack graph* under a reading of support
(:func:`argmap.bipolar.attack_graph`), so that supports and undercuts count.

>>> import argmap
>>> m = argmap.ArgumentMap("toy", "Toy", [argmap.Node("a", "claim", "A."),
...     argmap.Node("b", "claim", "B.")], [argmap.Edge("attack", "a", "b")])
>>> print(dumps(m, "apx"), end="")
arg(a).
arg(b).
att(a,b).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from argmap.bipolar import attack_graph, trees
from argmap.bipolar.reasons import ReasonGraph
from argmap.formats import registry
from argmap.formats.registry import FORMAT_NAMES as FORMATS
from argmap.formats.registry import FormatName
from argmap.formats.text import read_text, write_text
from argmap.framework import AF
from argmap.model import ArgumentMap, Edge, Node
from argmap.model.invariants import NODE_ID_PATTERN
from argmap.options import DEFAULT_SUPPORT, Support

__all__ = ["FORMATS", "attack_map", "convert", "dumps", "format_of", "loads"]


def format_of(path: str | Path, text: str | None = None) -> str:
    """The name of the format a file name (and, when ambiguous, its text) indicates.

    Raises
    ------
    ArgmapError
        If the name says nothing known, or the text is none of the suffix's formats.
    """
    return registry.detect(path, text).name.value


def attack_map(m: ArgumentMap, support: str | Support = DEFAULT_SUPPORT) -> ArgumentMap:
    """The map's attack graph under a reading of support, as a map of claims and attacks.

    Its nodes keep the map's node ids (an undercut's attack, which stands for an edge, is
    named by the edge's key). Under the defeasible reading the framework is that of the
    argument trees (a node with several is named ``node ⇐ reasons``, a valid id or
    ``arg-N``), refused beyond :data:`argmap.bipolar.trees.LIMIT` trees.
    """
    reading = Support.parse(support)
    af = _tree_framework(m) if reading is Support.DEFEASIBLE else attack_graph(m, reading).af()
    ids = _argument_ids(af.arguments)
    nodes = [Node(ids[name], "claim", name) for name in af.arguments]
    edges = [Edge("attack", ids[a], ids[b]) for a, b in sorted(af.attacks)]
    return ArgumentMap(m.id, m.title, nodes, edges)


def _tree_framework(m: ArgumentMap) -> AF:
    """The Dung framework of a map's argument trees, each named by what it concludes."""
    af, found = trees.argument_framework(ReasonGraph.of(m))
    count = Counter(t.conclusion for t in found.values())

    def name(tree: trees.ArgumentTree) -> str:
        if count[tree.conclusion] == 1:
            return tree.conclusion
        return f"{tree.conclusion} ⇐ {' + '.join(sorted(tree.reasons))}"

    names = {a: name(t) for a, t in found.items()}
    return AF(names.values(), ((names[a], names[b]) for a, b in af.attacks))


def _argument_ids(names: Sequence[str]) -> dict[str, str]:
    """Node ids for arguments; each argument's name stays its node's text.

    A name that is a valid id keeps it; any other (an argument named by its tree of
    reasons, ``"(a + b) ⇒ c"``) becomes ``arg-N``.

    >>> _argument_ids(["a", "a ⇒ c", "arg-1"])
    {'a': 'a', 'a ⇒ c': 'arg-2', 'arg-1': 'arg-1'}
    """
    valid = re.compile(NODE_ID_PATTERN)
    taken = {name for name in names if valid.fullmatch(name)}
    ids: dict[str, str] = {}
    counter = 0
    for name in names:
        if name in taken:
            ids[name] = name
            continue
        counter += 1
        while f"arg-{counter}" in taken:
            counter += 1
        ids[name] = f"arg-{counter}"
        taken.add(ids[name])
    return ids


def loads(text: str, fmt: str | FormatName, path: str = "<input>") -> ArgumentMap:
    """Read a map from text in a format (see :func:`argmap.formats.registry.loads`).

    Raises
    ------
    ArgmapError
        For an unknown format, or anything wrong with the text (with its line where known).
    """
    return registry.loads(text, fmt, path)


def dumps(m: ArgumentMap, fmt: str | FormatName, support: str | Support = DEFAULT_SUPPORT) -> str:
    """A map as text in a format (framework formats: its attack graph under ``support``).

    Raises
    ------
    ArgmapError
        For an unknown format or reading of support.
    """
    chosen = registry.get(fmt)
    return chosen.dumps(attack_map(m, support) if chosen.framework else m)


def convert(
    source: str | Path,
    target: str | Path,
    *,
    source_format: str | None = None,
    target_format: str | None = None,
    support: str | Support = DEFAULT_SUPPORT,
) -> ArgumentMap:
    """Read ``source`` and write it to ``target``; formats from the names unless given.

    The target is replaced atomically: if anything fails, an existing file stays as it was.
    Returns the map read.

    Raises
    ------
    ArgmapError
        For unknown formats, unreadable input or anything wrong in it.
    """
    text = read_text(source)
    m = loads(text, source_format or format_of(source, text), str(source))
    out = dumps(m, target_format or format_of(target), support)
    write_text(target, out)
    return m

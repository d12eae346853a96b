"""A corpus read under one semantics and one interpretation of support.

Everything the corpus analyses share is computed once here: the merged framework, each
essay's own extensions (and what it accepts, as merged node ids), the merged framework's
derived attacks and extensions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from argmap.analysis.merge import MergedCorpus, alternative_reasons, merge, readonly
from argmap.analysis.status import EssayStatus, Tension, essay_status
from argmap.bipolar import DerivedGraph, attack_graph, extensions
from argmap.explanation import Backend, DefenceGraph, Explanation, Link, Step, backend_for, explain
from argmap.framework import AF
from argmap.model import ArgumentMap, Corpus, NodeRef, display
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    Acceptance,
    Semantics,
    Status,
    Support,
)
from argmap.semantics import acceptance
from argmap.semantics.sat import Deadline

__all__ = ["Reading", "as_reading", "reading", "tensions"]


@attrs.frozen(eq=False, slots=False)
class Reading:
    """A corpus, its merged framework and every essay's own acceptance, under one reading."""

    corpus: Corpus
    semantics: Semantics
    support: Support
    mode: Acceptance
    merged: MergedCorpus
    map: ArgumentMap
    """The map whose semantics is the merged framework's: the merged map, with each
    group's reasons kept apart per essay under necessary support (see
    :func:`~argmap.analysis.merge.alternative_reasons`)."""
    graph: DerivedGraph
    """Its attack graph (derived attacks carry their paths)."""
    framework_extensions: tuple[frozenset[str], ...]
    """The extensions of :attr:`map` itself, its synthetic nodes included."""
    essays: Mapping[str, EssayStatus] = attrs.field(converter=readonly)
    accepted: Mapping[str, frozenset[str]] = attrs.field(converter=readonly)
    """Essay id → the merged nodes standing for the nodes the essay accepts (in ``mode``)."""

    @functools.cached_property
    def extensions(self) -> tuple[frozenset[str], ...]:
        """The merged framework's extensions, as merged node ids (synthetic nodes left out)."""
        nodes = {n.id for n in self.merged.map.nodes}
        return tuple(dict.fromkeys(e & nodes for e in self.framework_extensions))

    @functools.cached_property
    def af(self) -> AF:
        """The merged framework as an abstract framework (built once)."""
        return self.graph.af()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Show the reading in Jupyter (see :func:`argmap.model.display`)."""
        return display(self)

    def status(self, node: str) -> Status:
        """``skeptical``, ``credulous`` or ``rejected`` in the merged framework.

        ``node`` may also be a synthetic node of :attr:`map` (an essay's version of a group).
        """
        return acceptance(node, self.framework_extensions)

    def version(self, node: str, essay: str) -> str:
        """The argument standing for ``essay``'s own version of a merged node.

        Under necessary support a group with reasons has one version per essay (see
        :func:`~argmap.analysis.merge.alternative_reasons`); otherwise the node itself.
        """
        name = f"{node}.{essay}"
        return name if name in self.map else node

    def explain(self, node: str) -> Explanation:
        """Why ``node`` (a merged node, or a group's version) has its status in :attr:`map`.

        Skeptically, under the reading's semantics, in words a reader can follow: a group's
        version reads ``group[essay]`` (the group on that essay's own reasons) and the gates
        that join the versions are left out, their reasons given by the step that needs them.
        """
        found = explain(
            self.map,
            node,
            self.semantics,
            mode=Acceptance.SKEPTICAL,
            support=self.support,
            backend=self._backend,
        )
        helpers = self._helpers
        return _readable(found, helpers) if helpers.gates or helpers.names else found

    @functools.cached_property
    def _backend(self) -> Backend:
        """What explains the map's nodes, built once for every node explained."""
        return backend_for(self.map, self.support)

    @functools.cached_property
    def _helpers(self) -> _Helpers:
        """The synthetic nodes of :attr:`map`, found once."""
        return _Helpers.of(self.map)

    def accepting(self, node: str) -> tuple[str, ...]:
        """The essays that state ``node`` and accept it."""
        return tuple(e for e in sorted(self.merged.essays_of(node)) if node in self.accepted[e])


def reading(
    corpus: Corpus,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
) -> Reading:
    """Read a corpus: merge it, and compute every essay's and the merged map's extensions.

    Every corpus analysis (:func:`~argmap.analysis.conflicts.conflicts`,
    :func:`~argmap.analysis.consensus.consensus`, ...) starts from a reading; compute it once
    and pass it to each. ``timeout`` covers the whole reading.
    """
    chosen, support, mode = (
        Semantics.parse(semantics),
        Support.parse(support),
        Acceptance.parse(mode),
    )
    deadline = Deadline(timeout)
    merged = merge(corpus)
    essays = {
        m.id: essay_status(m, chosen, support, timeout=deadline.remaining()) for m in corpus.maps
    }
    accepted = {
        essay: frozenset(merged.node_of[NodeRef(essay, n)] for n in status.accepted(mode))
        for essay, status in essays.items()
    }
    framework = alternative_reasons(merged) if support is Support.NECESSARY else merged.map
    found = extensions(framework, chosen, support=support, timeout=deadline.remaining())
    graph = attack_graph(framework, support)
    return Reading(
        corpus, chosen, support, mode, merged, framework, graph, tuple(found), essays, accepted
    )


def as_reading(
    source: Corpus | Reading,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
) -> Reading:
    """A reading as given, or the reading of a corpus under the options (see :func:`reading`).

    The options apply to a corpus only: a reading keeps its own.
    """
    if isinstance(source, Reading):
        return source
    return reading(source, semantics, support, mode=mode, timeout=timeout)


def tensions(
    source: Corpus | Reading,
    semantics: str | Semantics = DEFAULT_SEMANTICS,
    support: str | Support = DEFAULT_SUPPORT,
    *,
    mode: str | Acceptance = Acceptance.SKEPTICAL,
    timeout: float | None = None,
) -> list[Tension]:
    """The essays whose own recommendations are not jointly acceptable."""
    found = as_reading(source, semantics, support, mode=mode, timeout=timeout)
    return [s.tension for s in found.essays.values() if s.tension is not None]


_GATE_REASONS = {
    "in": "one essay's own reasons for it stand.",
    "out": "no essay's own reasons for it stand.",
    "undec": "whether an essay's own reasons for it stand is undecided.",
}
"""A group's reason, by its label, once the gate standing between it and its versions is
left out of an explanation."""


@attrs.frozen
class _Helpers:
    """The gates and versions of :func:`alternative_reasons`, and how versions read."""

    names: Mapping[str, str]
    """A version's id → ``group[essay]``."""
    gates: frozenset[str]
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, m: ArgumentMap) -> _Helpers:
        names = {
            n.id: f"{n.data['group']}[{n.data['source']}]"
            for n in m.nodes
            if n.data.get("synthetic") == "version"
        }
        gates = frozenset(n.id for n in m.nodes if n.data.get("synthetic") == "gate")
        longest_first = sorted(names, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, longest_first))) if names else None
        return cls(names, gates, pattern)

    def shown(self, text: str) -> str:
        """``text`` with every version's id put as ``group[essay]``."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.names[m.group(0)], text)


def _readable(found: Explanation, helpers: _Helpers) -> Explanation:
    """``found`` with the synthetic nodes of :func:`alternative_reasons` put in words."""
    shown, gates = helpers.shown, helpers.gates
    defence = found.defence
    if defence is not None:
        steps = {s.argument: s for s in defence.steps}
        kept = []
        for step in defence.steps:
            if step.argument in gates:
                continue
            links: list[Link] = []
            reason = step.reason
            for link in step.because:
                if link.argument in gates:
                    links += steps[link.argument].because
                    reason = _GATE_REASONS[str(step.label)]
                else:
                    links.append(link)
            kept.append(
                Step(
                    shown(step.argument),
                    step.label,
                    shown(reason),
                    tuple(Link(shown(k.argument), k.how and shown(k.how)) for k in links),
                )
            )
        defence = DefenceGraph(shown(defence.root), tuple(kept))
    root = defence.steps[0] if defence is not None and defence.steps else None
    summary = shown(found.summary)
    if root is not None and found.defence is not None:
        before = found.defence.steps[0].reason
        summary = summary.replace(shown(before), root.reason) if before != root.reason else summary
    return Explanation(
        shown(found.argument),
        found.semantics,
        found.mode,
        found.accepted,
        summary,
        defence,
        None if found.witness is None else frozenset(shown(a) for a in found.witness - gates),
        tuple(shown(a) for a in found.attackers if a not in gates),
        found.label,
    )

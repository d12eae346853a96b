"""The merged framework of a corpus: every essay's map in one, with provenance.

Each node of each essay becomes a node ``essay:node`` of one map (its
:class:`~argmap.model.NodeRef`, as text); each equivalence group of the corpus file becomes a
single node (named by the group's id, or by its first member)
that keeps all its sources. Edges are renamed the same way; an edge that several essays
state (after merging) is one edge that remembers every essay stating it. A linked reason
keeps all its premises, renamed (two premises merged into one group count once; premises
in any order are the same reason); a support with a premise equivalent to its conclusion
is dropped, and so are the undercuts of a dropped support, each with the reason. The
corpus file's relations are added (a contradiction as two attacks) with the provenance
``corpus``.

Because the result is an ordinary :class:`~argmap.model.ArgumentMap`, everything that works
on a map works on it: the bipolar interpretations of support, the semantics, explanations.

>>> import argmap
>>> toy = argmap.Corpus([
...     argmap.ArgumentMap("a", "A", [argmap.Node("r", "recommendation", "Act.")], []),
...     argmap.ArgumentMap("b", "B", [argmap.Node("x", "recommendation", "Act now.")], []),
... ], equivalences=[argmap.Equivalence(["a:r", "b:x"], id="act")])
>>> merged = merge(toy)
>>> [n.id for n in merged.map.nodes], sorted(merged.essays_of("act"))
(['act'], ['a', 'b'])
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Corpus, Edge, EdgeKind, Node, NodeKind, NodeRef, RelationKind

__all__ = ["CORPUS", "MergedCorpus", "merge", "merged_order", "readonly"]

CORPUS = "corpus"
"""The provenance of edges that come from the corpus file's relations."""


def readonly(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """A read-only copy of a mapping: results of the analyses cannot be changed in place.

    >>> readonly({"a": 1})["a"]
    1
    """
    return MappingProxyType(dict(value))


@attrs.frozen(eq=False, slots=False)
class MergedCorpus:
    """A corpus merged into one map, and where each part of it comes from."""

    map: ArgumentMap
    """The merged map: nodes ``essay:node`` or equivalence groups, all edges."""
    members: Mapping[str, tuple[NodeRef, ...]] = attrs.field(converter=readonly)
    """Merged node id → the essays' nodes it stands for."""
    node_of: Mapping[NodeRef, str] = attrs.field(converter=readonly)
    """An essay's node → its merged node id."""
    edge_sources: Mapping[str, frozenset[str]] = attrs.field(converter=readonly)
    """Merged edge key → the essays stating the edge (``corpus`` for relations)."""
    edge_notes: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=readonly)
    """Merged edge key → the notes (rationales) given where it is stated."""
    dropped: tuple[str, ...] = ()
    """Edges left out, with the reason (a support between two equivalent nodes)."""
    hindsight: frozenset[str] = frozenset()
    """Merged edge keys stated only by relations marked ``hindsight``: later evidence, not
    a disagreement between the authors."""

    @functools.cached_property
    def _order(self) -> dict[str, int]:
        """Node id or edge key → its position in the map."""
        order = {n.id: i for i, n in enumerate(self.map.nodes)}
        order.update({e.key: i for i, e in enumerate(self.map.edges)})
        return order

    @functools.cached_property
    def _stated(self) -> dict[str, list[Edge]]:
        """Essay (or ``corpus``) → the merged edges it states, in map order."""
        stated: dict[str, list[Edge]] = {}
        for edge in self.map.edges:
            for source in sorted(self.edge_sources[edge.key]):
                stated.setdefault(source, []).append(edge)
        return stated

    @functools.cached_property
    def _relations_from(self) -> dict[str, list[Edge]]:
        """Essay → the corpus file's relations whose first premise it states.

        A view keeps a relation only if it keeps the relation's premise, so a view of some
        essays need look only at theirs, not at every relation of the corpus.
        """
        related: dict[str, list[Edge]] = {}
        for edge in self._stated.get(CORPUS, ()):
            for essay in sorted(self.essays_of(edge.premises[0])):
                related.setdefault(essay, []).append(edge)
        return related

    @functools.cached_property
    def _nodes_of(self) -> dict[str, list[str]]:
        """Essay → the merged nodes it states, in map order."""
        nodes: dict[str, list[str]] = {}
        for node in self.map.nodes:
            for essay in sorted(self.essays_of(node.id)):
                nodes.setdefault(essay, []).append(node.id)
        return nodes

    def essays_of(self, node: str) -> frozenset[str]:
        """The essays that state a merged node."""
        return frozenset(ref.essay for ref in self.members[node])

    def restricted(
        self, essays: Iterable[str], supports_of: Iterable[str] | None = None
    ) -> ArgumentMap:
        """The merged map cut down to what some essays state.

        The nodes these essays state, the attacks they state, the corpus file's relations
        between those nodes, and the supports stated by ``supports_of`` (by default the same
        essays). Conflicts between two essays are found in such views, reading each essay's
        support chains on their own: a chain that runs through a third essay's reasons, or
        that joins one essay's reasons to another's through an equivalence group, does not
        make two essays conflict.
        """
        chosen = set(essays)
        supporting = chosen if supports_of is None else set(supports_of)
        keep = {n for essay in chosen for n in self._nodes_of.get(essay, ())}
        candidates = {e.key: e for source in chosen for e in self._stated.get(source, ())}
        # the corpus file's relations: only those from a node these essays state
        related = self._relations_from
        candidates.update((e.key, e) for essay in chosen for e in related.get(essay, ()))
        edges: list[Edge] = []
        kept_keys: set[str] = set()
        for edge in sorted(candidates.values(), key=lambda e: e.kind is not EdgeKind.SUPPORT):
            stated = self.edge_sources[edge.key]
            starts = all(p in keep for p in edge.premises)
            ends = starts and (edge.target in keep or edge.target in kept_keys)
            by = supporting if edge.kind is EdgeKind.SUPPORT else chosen | {CORPUS}
            if ends and stated & by:
                edges.append(edge)
                kept_keys.add(edge.key)
        order = self._order
        return self.map.part(
            [self.map.nodes[order[n]] for n in sorted(keep, key=order.__getitem__)],
            sorted(edges, key=lambda e: order[e.key]),
        )

    def merged_id(self, ref: NodeRef | str) -> str:
        """The merged node standing for ``essay:node``.

        Raises
        ------
        ArgmapError
            If the corpus has no such node.
        """
        key = ref if isinstance(ref, NodeRef) else NodeRef.parse(ref)
        try:
            return self.node_of[key]
        except KeyError:
            raise ArgmapError(f"the corpus has no node '{key}'") from None


def _merged_kind(kinds: Iterable[NodeKind]) -> NodeKind:
    """The kind of a group: its most common member kind, recommendations first on a tie."""
    order = [NodeKind.RECOMMENDATION, NodeKind.CLAIM, NodeKind.EVIDENCE]
    counts = Counter(kinds)
    return max(order, key=lambda k: (counts[k], -order.index(k)))


def merge(corpus: Corpus) -> MergedCorpus:
    """Merge a corpus into one map (see the module docstring).

    Raises
    ------
    ArgmapError
        If a group id collides with a renamed node id.
    """
    node_of, members = _merge_nodes(corpus)
    nodes = [_merged_node(name, refs, corpus) for name, refs in members.items()]
    table = _EdgeTable()
    support_of, dropped = _merge_supports(corpus, node_of, table)
    dropped += _merge_attacks(corpus, node_of, table, support_of)

    edges = {t: table.edge(t) for t in table.idents}
    sources = {edges[t].key: found for t, found in table.stated.items()}
    notes = {edges[t].key: found for t, found in table.noted.items()}
    later = frozenset(edges[t].key for t, only in table.later.items() if only)

    merged = ArgumentMap(
        corpus.id or "corpus",
        corpus.title or "Merged corpus",
        nodes,
        list(edges.values()),
        summary=corpus.summary,
    )
    return MergedCorpus(
        merged,
        {name: tuple(refs) for name, refs in members.items()},
        node_of,
        {key: frozenset(found) for key, found in sources.items()},
        edge_notes={key: tuple(found) for key, found in notes.items()},
        dropped=tuple(dropped),
        hindsight=later,
    )


_Triple = tuple[str, tuple[str, ...], str]
"""A merged edge as it is identified: its kind, its premises (sorted) and its target."""


def _triple(kind: str, premises: Iterable[str], target: str) -> _Triple:
    return (kind, tuple(sorted(set(premises))), target)


@attrs.define
class _EdgeTable:
    """The merged edges as they are added, with who states them and their notes."""

    idents: dict[_Triple, str | None] = attrs.field(factory=dict)
    """Each merged edge, in the order first added, with its id if one is needed."""
    premises: dict[_Triple, tuple[str, ...]] = attrs.field(factory=dict)
    """Each merged edge → its premises (its source first) in the order first stated."""
    schemes: dict[_Triple, str] = attrs.field(factory=dict)
    """Each merged support → the first scheme stated for it."""
    stated: dict[_Triple, set[str]] = attrs.field(factory=dict)
    """Each merged edge → the essays (or ``corpus``) stating it."""
    noted: dict[_Triple, list[str]] = attrs.field(factory=dict)
    """Each merged edge → the notes given where it is stated."""
    later: dict[_Triple, bool] = attrs.field(factory=dict)
    """Each merged edge → whether every statement of it is a hindsight relation."""

    def add(
        self,
        edge: Edge,
        source: str,
        ident: str | None = None,
        note: str | None = None,
        *,
        hindsight: bool = False,
    ) -> _Triple:
        """Record that ``source`` states ``edge`` (in merged ids), with its id and note if any.

        Returns the merged edge's identity.
        """
        triple = _triple(str(edge.kind), edge.premises, edge.target)
        if self.idents.get(triple) is None:  # an id is kept so that undercuts can name the edge
            self.idents[triple] = ident
        self.premises.setdefault(triple, edge.premises)
        if edge.scheme is not None:
            self.schemes.setdefault(triple, edge.scheme)
        self.stated.setdefault(triple, set()).add(source)
        self.later[triple] = self.later.get(triple, True) and hindsight
        if note:
            self.noted.setdefault(triple, []).append(note)
        return triple

    def edge(self, triple: _Triple) -> Edge:
        """The merged edge: its first stated premises, id and scheme."""
        first, *linked = self.premises[triple]
        return Edge(
            triple[0],
            first,
            triple[2],
            id=self.idents[triple],
            linked=linked,
            scheme=self.schemes.get(triple),
        )

    def key(self, triple: _Triple) -> str:
        """The key of a merged edge: its id, or ``kind:source->target``."""
        return self.edge(triple).key


def merged_order(corpus: Corpus) -> dict[str, int]:
    """Each merged node's place in :func:`merge`'s map, without merging the corpus.

    Equivalence groups first, in the corpus file's order, then every other essay node in
    the corpus's order (essay by essay, each in its map's order).

    >>> import argmap
    >>> order = merged_order(argmap.read_corpus("maps"))
    >>> order == {n.id: i for i, n in enumerate(merge(argmap.read_corpus("maps")).map.nodes)}
    True
    """
    return {name: i for i, name in enumerate(_merge_nodes(corpus)[1])}


def _merge_nodes(corpus: Corpus) -> tuple[dict[NodeRef, str], dict[str, list[NodeRef]]]:
    """Name the merged nodes: one per equivalence group, then one per other essay node.

    Returns
    -------
    tuple[dict[NodeRef, str], dict[str, list[NodeRef]]]
        Each essay's node → its merged node, and each merged node → the nodes it stands for.

    Raises
    ------
    ArgmapError
        If a group id collides with a renamed node id.
    """
    node_of: dict[NodeRef, str] = {}
    members: dict[str, list[NodeRef]] = {}
    for group in corpus.equivalences:
        name = group.id or str(group.members[0])
        for ref in group.members:
            node_of[ref] = name
        members[name] = list(group.members)
    for ref, _ in corpus.nodes():
        if ref not in node_of:
            name = str(ref)
            if name in members:
                raise ArgmapError(f"the merged node '{name}' would stand for two things")
            node_of[ref] = name
            members[name] = [ref]
    return node_of, members


def _merge_supports(
    corpus: Corpus, node_of: dict[NodeRef, str], table: _EdgeTable
) -> tuple[dict[tuple[str, str], _Triple], list[str]]:
    """Add the essays' supports, then the corpus file's support relations, to ``table``.

    Supports come first so that undercuts can name their merged ids.

    Returns
    -------
    tuple[dict[tuple[str, str], _Triple], list[str]]
        (essay, original key) → merged support, and the supports dropped (a premise in one
        group with the conclusion), with the reason.
    """
    support_of: dict[tuple[str, str], _Triple] = {}
    dropped: list[str] = []
    for m in corpus.maps:
        for edge in m.supports:
            (first, *linked), target = _renamed(edge, m.id, node_of)
            if target == first or target in linked:
                where = "a premise and the conclusion" if edge.linked else "both ends"
                dropped.append(f"{m.id}: {edge.key} ({where} in the group '{target}')")
                continue
            renamed = Edge("support", first, target, linked=linked, scheme=edge.scheme)
            ident = f"{m.id}:{edge.id}" if edge.id is not None else None
            support_of[(m.id, edge.key)] = table.add(renamed, m.id, ident, edge.note)
    for relation in corpus.relations:
        ends = (node_of[relation.source], node_of[relation.target])
        if relation.kind is RelationKind.SUPPORT:
            table.add(
                Edge("support", *ends), CORPUS, note=relation.note, hindsight=relation.hindsight
            )
    return support_of, dropped


def _renamed(edge: Edge, essay: str, node_of: dict[NodeRef, str]) -> tuple[tuple[str, ...], str]:
    """An essay's support in merged ids: its premises and its conclusion.

    Premises merged into one group count once.
    """
    premises = tuple(dict.fromkeys(node_of[NodeRef(essay, p)] for p in edge.premises))
    return premises, node_of[NodeRef(essay, edge.target)]


def _merge_attacks(
    corpus: Corpus,
    node_of: dict[NodeRef, str],
    table: _EdgeTable,
    support_of: dict[tuple[str, str], _Triple],
) -> list[str]:
    """Add the essays' attacks, then the corpus file's attack relations, to ``table``.

    An undercut is renamed to target its merged support; a contradiction becomes two
    attacks.

    Returns
    -------
    list[str]
        The undercuts dropped (their support was dropped), with the reason.
    """
    dropped: list[str] = []
    for m in corpus.maps:
        for edge in m.attacks:
            source = node_of[NodeRef(m.id, edge.source)]
            if not m.is_undercut(edge):
                target = node_of[NodeRef(m.id, edge.target)]
                table.add(Edge("attack", source, target), m.id, note=edge.note)
            elif (m.id, edge.target) in support_of:
                target = table.key(support_of[(m.id, edge.target)])
                table.add(Edge("attack", source, target), m.id, note=edge.note)
            else:
                dropped.append(f"{m.id}: {edge.key} (it undercuts a dropped support)")
    for relation in corpus.relations:
        ends = (node_of[relation.source], node_of[relation.target])
        if relation.kind is not RelationKind.SUPPORT:
            table.add(
                Edge("attack", *ends), CORPUS, note=relation.note, hindsight=relation.hindsight
            )
        if relation.kind is RelationKind.CONTRADICTION:
            table.add(Edge("attack", ends[1], ends[0]), CORPUS, note=relation.note)
    return dropped


def _merged_node(name: str, refs: list[NodeRef], corpus: Corpus) -> Node:
    originals = [corpus.node(ref) for ref in refs]
    first = originals[0]
    kind = _merged_kind(n.kind for n in originals)
    actors = tuple(dict.fromkeys(a for n in originals for a in n.actors))
    tags = tuple(dict.fromkeys(t for n in originals for t in n.tags))
    return Node(
        name,
        kind,
        first.text,
        tags=tags,
        actors=actors if kind is NodeKind.RECOMMENDATION else (),
        data={"members": [str(ref) for ref in refs]},
    )


def alternative_reasons(merged: MergedCorpus) -> ArgumentMap:
    """The merged map with each equivalence group's reasons kept apart, essay by essay.

    Under *necessary* support a merged group would need every essay's reasons at once,
    although each essay offers its own as enough. So each group ``g`` with supports into it
    gets a *version* ``g.E`` per essay ``E`` stating it (or per source of a support into it),
    carrying just ``E``'s supports, and a *gate* ``g.unsupported`` that attacks ``g`` and is
    attacked by every version: ``g`` stands when one essay's version of it does (the
    standard way to express a disjunction in an attack graph). Versions and gates are marked
    ``synthetic`` in their ``data``. Other readings of support need no such care: evidential
    support already asks for one chain, and deductive supports combine as they should.
    """
    m = merged.map
    groups = {name for name, refs in merged.members.items() if len(refs) > 1}
    incoming: dict[str, list[Edge]] = {}
    for edge in m.supports:
        if edge.target in groups:
            incoming.setdefault(edge.target, []).append(edge)
    if not incoming:
        return m
    undercuts: dict[str, list[Edge]] = {}
    for edge in m.undercuts:
        undercuts.setdefault(edge.target, []).append(edge)
    redirected = {e.key for supports in incoming.values() for e in supports}
    nodes = list(m.nodes)
    edges = [
        e
        for e in m.edges
        if e.key not in redirected and not (m.is_undercut(e) and e.target in redirected)
    ]
    taken = {n.id for n in m.nodes}
    for group, supports in incoming.items():
        node = m.node(group)
        gate = f"{group}.unsupported"
        _claim(gate, taken)
        nodes.append(
            _synthetic(gate, NodeKind.CLAIM, f"No essay's own reasons for {group} stand.", group)
        )
        edges.append(Edge("attack", gate, group))
        sources = sorted(
            merged.essays_of(group) | {s for e in supports for s in merged.edge_sources[e.key]}
        )
        for source in sources:
            version = f"{group}.{source}"
            _claim(version, taken)
            nodes.append(
                _synthetic(
                    version, node.kind, f"{node.text} (on the reasons of {source})", group, source
                )
            )
            edges.append(Edge("attack", version, gate))
            for support in supports:
                if source not in merged.edge_sources[support.key]:
                    continue
                ident = f"{support.id}.{source}" if support.id is not None else None
                copy = attrs.evolve(support, target=version, id=ident)
                edges.append(copy)
                edges += [
                    Edge("attack", u.source, copy.key) for u in undercuts.get(support.key, [])
                ]
    return attrs.evolve(m, nodes=nodes, edges=edges)


def _claim(node_id: str, taken: set[str]) -> None:
    """Reserve a synthetic node's id, which must not be one an essay's node already has."""
    if node_id in taken:
        raise ArgmapError(f"the synthetic node '{node_id}' would stand for two things")
    taken.add(node_id)


def _synthetic(
    node_id: str, kind: NodeKind, text: str, group: str, source: str | None = None
) -> Node:
    """A node the analysis adds, not one an essay states: a group's version or its gate.

    Its ``data`` says which: ``{"synthetic": "version", "group": g, "source": E}`` or
    ``{"synthetic": "gate", "group": g}``.
    """
    data: dict[str, Any] = {"synthetic": "gate" if source is None else "version", "group": group}
    if source is not None:
        data["source"] = source
    return Node(node_id, kind, text, data=data)

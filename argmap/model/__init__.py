"""The data model: bipolar argument maps of essays, and corpora of several maps.

An :class:`ArgumentMap` encodes one essay. Its :class:`Node` objects are *claims*,
*evidence* and *recommendations*; its :class:`Edge` objects are *support* and *attack*.
An attack may target a support edge instead of a node: that is an *undercut* (it denies
that the premise supports the conclusion), which is why edges can carry ids. Node ids and
edge ids share one namespace per map.

A :class:`Corpus` groups several maps and holds the cross-essay relations: groups of
nodes that state the same proposition (:class:`Equivalence`) and :class:`Relation` objects
(support, attack, and contradiction, a symmetric attack). Across a corpus a node is
addressed as ``essay-id:node-id`` (:class:`NodeRef`).

All classes are frozen attrs classes: build new versions with :func:`attrs.evolve`.
Every object checks its invariants on construction and raises
:class:`~argmap.errors.ArgmapError` listing all problems at once.

Examples
--------
>>> m = ArgumentMap(
...     id="toy", title="A toy essay",
...     nodes=[Node("e1", "evidence", "Exports fell 20% in 2019.", locator=Locator([3])),
...            Node("c1", "claim", "The trade dispute hurts both economies."),
...            Node("r1", "recommendation", "End the export controls.", actors=["Japan"])],
...     edges=[Edge("support", "e1", "c1", id="s1"), Edge("support", "c1", "r1")])
>>> [n.id for n in m.recommendations]
['r1']
>>> m.edge("s1").target
'c1'
>>> ArgumentMap(id="bad", title="x", nodes=[Node("a", "claim", "t")],
...             edges=[Edge("attack", "a", "zz")])
Traceback (most recent call last):
...
argmap.errors.ArgmapError: <input>:$.edges[0].attack: error: edge target 'zz' is not a node or edge id of this map [unknown-node]
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from argmap.errors import ArgmapError
from argmap.model import invariants as validate
from argmap.options import Role

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "Corpus",
    "Edge",
    "EdgeKind",
    "Equivalence",
    "Locator",
    "Node",
    "NodeKind",
    "NodeRef",
    "Origin",
    "Relation",
    "RelationKind",
    "display",
    "register_display",
]

#: Node, edge and essay ids: letters, digits, ``_``, ``.`` and inner ``-``.
ID_PATTERN = validate.ID_PATTERN


class NodeKind(enum.StrEnum):
    """What a node is in the essay's argument."""

    CLAIM = "claim"
    """A proposition the essay asserts or discusses."""
    EVIDENCE = "evidence"
    """A fact the essay cites: an event, a date, a figure, a poll, a ruling."""
    RECOMMENDATION = "recommendation"
    """A course of action the essay urges on an actor."""


class EdgeKind(enum.StrEnum):
    """The relation an edge states between its ends."""

    SUPPORT = "support"
    ATTACK = "attack"


class RelationKind(enum.StrEnum):
    """Cross-essay relations; a contradiction is a symmetric attack."""

    SUPPORT = "support"
    ATTACK = "attack"
    CONTRADICTION = "contradiction"


@attrs.frozen
class Origin:
    """Where a map or corpus was read from, set by readers and used by their writers.

    ``document`` is opaque to the model: a reader keeps there what its writer needs to write
    the object back as it was (the YAML reader: the text and parsed document, for comments
    and layout). It takes no part in comparisons.

    >>> Origin("maps/a.yaml", object()) == Origin("maps/a.yaml", object())
    True
    """

    path: str | None
    document: object = attrs.field(default=None, eq=False, repr=False)


_DISPLAYS: dict[type, Callable[[Any], dict[str, str]]] = {}


def register_display(kind: type, show: Callable[[Any], dict[str, str]]) -> None:
    """Let notebooks show objects of ``kind`` through ``show`` (a MIME type → content map).

    The model draws nothing itself: :mod:`argmap.render.notebook` registers the diagrams when
    argmap is imported in IPython, so that the model never imports what is layered above it.
    """
    _DISPLAYS[kind] = show


def display(obj: object) -> dict[str, str]:
    """What a notebook shows for ``obj``: its registered drawing, else its ``repr``."""
    for kind in type(obj).__mro__:
        if kind in _DISPLAYS:
            return _DISPLAYS[kind](obj)
    return {"text/plain": repr(obj)}


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Convert a string or an iterable of strings to a tuple (a lone string is one item)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _ints(value: int | Iterable[int]) -> tuple[int, ...]:
    if isinstance(value, int):
        return (value,)
    return tuple(value)


def _nodes(value: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(value)


def _edges(value: Iterable[Edge]) -> tuple[Edge, ...]:
    return tuple(value)


def _equivalences(value: Iterable[Equivalence]) -> tuple[Equivalence, ...]:
    return tuple(value)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


def _role(value: Role | str | None) -> Role:
    return Role.ESSAY if value is None else Role.parse(value)


S = TypeVar("S", bound=enum.StrEnum)


def _kind(cls: type[S], value: object, what: str) -> S:
    """A kind from its name; an unknown name is the library's error, not a ``ValueError``.

    (So that a reader of any format that passes one on gets a message, never a traceback.)
    """
    if isinstance(value, str) and value in cls._value2member_map_:
        return cls(value)
    names = ", ".join(k.value for k in cls)
    raise ArgmapError(f"unknown {what} kind {value!r}: one of {names}")


def _node_kind(value: object) -> NodeKind:
    return _kind(NodeKind, value, "node")


def _edge_kind(value: object) -> EdgeKind:
    return _kind(EdgeKind, value, "edge")


def _relation_kind(value: object) -> RelationKind:
    return _kind(RelationKind, value, "relation")


def _roles(value: Mapping[str, str | None] | None) -> dict[str, str | None]:
    if value is not None and not isinstance(value, Mapping):
        raise ArgmapError(f"roles must be a mapping of role names to premise ids, not {value!r}")
    return dict(value or {})


def _data(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value) if value else {}


def _raise(findings: list[validate.Finding]) -> None:
    errors = [f.to_problem() for f in findings if f.is_error]
    if errors:
        raise ArgmapError.from_problems(errors)


@attrs.frozen
class Locator:
    """Where the essay says it: paragraph number(s) and an optional short quote.

    Paragraphs are numbered from 1, counting the non-empty lines of the essay's text file
    (see ``docs/format.md``).

    >>> Locator([13, 14], quote="burden-sharing").paragraphs
    (13, 14)
    """

    paragraphs: tuple[int, ...] = attrs.field(converter=_ints)
    quote: str | None = None

    def __attrs_post_init__(self) -> None:
        _raise(validate.locator_findings(self.paragraphs, self.quote, ()))


@attrs.frozen
class Node:
    """A claim, a piece of evidence or a recommendation.

    Parameters
    ----------
    id
        Unique within the map (shared namespace with edge ids).
    kind
        A :class:`NodeKind` or its name.
    text
        A paraphrase of what the essay says, in the encoder's words.
    locator
        Where the essay says it.
    tags
        Free labels for filtering (``history``, ``china``).
    weight
        Optional base weight in [0, 1], for weighted semantics.
    actors
        For recommendations: who is urged to act.
    note
        The encoder's remark (not part of the argument).
    data
        Any further JSON-like data, kept as it is on load and save.
    """

    id: str
    kind: NodeKind = attrs.field(converter=_node_kind)
    text: str
    locator: Locator | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    weight: float | None = None
    actors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    note: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)

    def __attrs_post_init__(self) -> None:
        _raise(
            validate.node_findings(
                id=self.id,
                kind=str(self.kind),
                text=self.text,
                weight=self.weight,
                actors=self.actors,
                pointer=(),
            )
        )


@attrs.frozen
class Edge:
    """A support or an attack from one node to a node (or, for an undercut, to a support edge).

    A support is a *reason*: its premises (``source``, then any ``linked`` ones) jointly
    support its target, the conclusion. A one-premise reason is written ``a -> c`` in a
    file, a linked one ``a + b -> c``. Several supports of one conclusion are *convergent*
    reasons, each enough on its own. An attack whose target is a support's id undercuts
    that reason (all of it, whatever its number of premises).

    Parameters
    ----------
    kind
        :attr:`EdgeKind.SUPPORT` or :attr:`EdgeKind.ATTACK` (or their names).
    source
        The id of the supporting (first premise) or attacking node.
    target
        The id of the node supported or attacked, or of the support edge undercut.
    id
        Needed only when another edge must refer to this one (an undercut's target).
    locator, note, data
        As for :class:`Node`.
    linked
        A support's further premises (see :attr:`premises`); empty for an attack.
    scheme
        A support's argumentation scheme: an id, name or AIF name of a scheme in the
        catalogue (:mod:`argmap.schemes`), or free text.
    roles
        A support's premises by the role each fills in its scheme (``{role: premise}``);
        ``None`` for a role the essay leaves unstated (an enthymeme's missing premise).
    answers
        The critical question the edge answers: ``QUESTION`` (of the reason its target is,
        or is a premise or conclusion of), or ``REASON:QUESTION``.

    Examples
    --------
    >>> r = Edge("support", "a", "c", linked=["b"], id="r1")
    >>> r.premises, r.key
    (('a', 'b'), 'r1')
    >>> Edge("support", "a", "c", linked=["b"]).key
    'support:a+b->c'
    """

    kind: EdgeKind = attrs.field(converter=_edge_kind)
    source: str
    target: str
    id: str | None = None
    locator: Locator | None = None
    note: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)
    linked: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """A support's further premises: with ``source`` they form one *linked* reason, which
    supports the target only when all of them hold. Several supports into one node are
    *convergent* reasons, each enough on its own."""
    scheme: str | None = None
    """The argumentation scheme a support (a reason) instantiates, if named."""
    roles: dict[str, str | None] = attrs.field(factory=dict, converter=_roles, hash=False)
    """Which premise fills which role of the scheme: role → premise id, or ``None`` where the
    essay leaves the role's premise unstated (supports only)."""
    answers: str | None = None
    """The critical question this edge answers (see the class docstring)."""
    _premises: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _key: str = attrs.field(init=False, eq=False, repr=False, hash=False)

    @property
    def premises(self) -> tuple[str, ...]:
        """The nodes the edge starts from: its source, then any linked premises."""
        return self._premises

    @property
    def key(self) -> str:
        """The edge's id, or ``kind:source->target`` when it has none (unique in a map).

        A linked reason's key joins its premises with ``+``: ``support:a+b->c``.
        (Computed once: analyses of large corpora look keys up millions of times.)
        """
        return self._key

    def __attrs_post_init__(self) -> None:
        premises = (self.source, *self.linked)
        object.__setattr__(self, "_premises", premises)
        key = self.id if self.id is not None else f"{self.kind}:{'+'.join(premises)}->{self.target}"
        object.__setattr__(self, "_key", key)
        _raise(
            validate.edge_findings(
                kind=str(self.kind),
                source=self.source,
                target=self.target,
                id=self.id,
                pointer=(),
                linked=self.linked,
                roles=self.roles,
                answers=self.answers,
            )
        )


@attrs.frozen
class ArgumentMap:
    """The bipolar argument map of one essay.

    Parameters
    ----------
    id
        The essay's id, used in ``essay-id:node-id`` references.
    title
        The essay's title.
    nodes, edges
        The argument graph.
    authors, venue, date, url, summary
        Bibliographic metadata; ``date`` is ISO 8601 (``2019``, ``2019-11`` or ``2019-11-22``).
    text_file
        The essay's text, relative to the map file; paragraph locators count its non-empty lines.
    role
        What the map is: an essay (the default) or reader comments (:class:`~argmap.options.Role`).
    responds_to
        The id of the essay this map comments on, if any; in a corpus it must name an essay.
    data
        Further JSON-like metadata, kept as it is.
    origin
        Set by readers: what they need to write the map back as it was (the file's path and
        parsed document, for comments and layout). Ignored by comparison.
    """

    id: str
    title: str
    nodes: tuple[Node, ...] = attrs.field(converter=_nodes)
    edges: tuple[Edge, ...] = attrs.field(default=(), converter=_edges)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    venue: str | None = None
    date: str | None = None
    url: str | None = None
    summary: str | None = None
    text_file: str | None = None
    role: Role = attrs.field(default=Role.ESSAY, converter=_role)
    responds_to: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False, hash=False)
    _index: dict[str, Node | Edge] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        _raise(validate.map_findings(self))
        index: dict[str, Node | Edge] = {n.id: n for n in self.nodes}
        index.update((e.key, e) for e in self.edges)
        object.__setattr__(self, "_index", index)

    # -- lookup ------------------------------------------------------------------------------

    def __contains__(self, node_id: object) -> bool:
        return isinstance(self._index.get(node_id), Node) if isinstance(node_id, str) else False

    def node(self, node_id: str) -> Node:
        """The node with this id.

        Raises
        ------
        ArgmapError
            If the map has no such node.
        """
        found = self._index.get(node_id)
        if not isinstance(found, Node):
            raise ArgmapError(f"map '{self.id}' has no node '{node_id}'")
        return found

    def edge(self, key: str) -> Edge:
        """The edge with this id (or :attr:`Edge.key`).

        Raises
        ------
        ArgmapError
            If the map has no such edge.
        """
        found = self._index.get(key)
        if not isinstance(found, Edge):
            raise ArgmapError(f"map '{self.id}' has no edge '{key}'")
        return found

    def part(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> ArgumentMap:
        """The map cut down to some of its own nodes and edges, in the order given.

        A part of a valid map is valid, so it is not checked again (which makes the many
        views a corpus analysis takes cheap); only that every node and edge is this map's and
        that every kept edge's ends are kept.

        >>> m = ArgumentMap("m", "M", [Node("a", "claim", "A."), Node("b", "claim", "B.")],
        ...                 [Edge("attack", "a", "b")])
        >>> [n.id for n in m.part(m.nodes[:1], []).nodes]
        ['a']

        Raises
        ------
        ArgmapError
            If a node or edge is not this map's, or an edge's end is left out.
        """
        nodes, edges = tuple(nodes), tuple(edges)
        index: dict[str, Node | Edge] = {n.id: n for n in nodes}
        index.update((e.key, e) for e in edges)
        if len(index) != len(nodes) + len(edges):
            raise ArgmapError(f"a node or edge is given twice for a part of map '{self.id}'")
        for name, item in index.items():
            if self._index.get(name) is not item:
                raise ArgmapError(f"'{name}' is not part of map '{self.id}'")
        for edge in edges:
            for end in (*edge.premises, edge.target):
                if end not in index:
                    raise ArgmapError(f"edge '{edge.key}' needs '{end}', which is left out")
        part = copy.copy(self)
        object.__setattr__(part, "nodes", nodes)
        object.__setattr__(part, "edges", edges)
        object.__setattr__(part, "_index", index)
        return part

    def nodes_of(self, kind: NodeKind | str) -> tuple[Node, ...]:
        """The nodes of one kind, in map order."""
        kind = NodeKind(kind)
        return tuple(n for n in self.nodes if n.kind is kind)

    @property
    def claims(self) -> tuple[Node, ...]:
        """The claim nodes."""
        return self.nodes_of(NodeKind.CLAIM)

    @property
    def evidence(self) -> tuple[Node, ...]:
        """The evidence nodes."""
        return self.nodes_of(NodeKind.EVIDENCE)

    @property
    def recommendations(self) -> tuple[Node, ...]:
        """The recommendation nodes."""
        return self.nodes_of(NodeKind.RECOMMENDATION)

    @property
    def supports(self) -> tuple[Edge, ...]:
        """The support edges."""
        return tuple(e for e in self.edges if e.kind is EdgeKind.SUPPORT)

    @property
    def attacks(self) -> tuple[Edge, ...]:
        """The attack edges, undercuts included."""
        return tuple(e for e in self.edges if e.kind is EdgeKind.ATTACK)

    def is_undercut(self, edge: Edge) -> bool:
        """Whether ``edge`` attacks a support edge rather than a node."""
        return edge.kind is EdgeKind.ATTACK and isinstance(self._index.get(edge.target), Edge)

    @property
    def undercuts(self) -> tuple[Edge, ...]:
        """The attacks whose target is a support edge."""
        return tuple(e for e in self.edges if self.is_undercut(e))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Show the map as a diagram in Jupyter (see :func:`display`)."""
        return display(self)

    def edges_from(self, node_id: str) -> Iterator[Edge]:
        """The edges leaving a node: those it starts, as source or as a linked premise."""
        return (e for e in self.edges if node_id in e.premises)

    def edges_to(self, key: str) -> Iterator[Edge]:
        """The edges arriving at a node (or, for undercuts, at an edge key)."""
        return (e for e in self.edges if e.target == key)


@attrs.frozen(order=True, repr=False)
class NodeRef:
    """A node addressed across a corpus as ``essay-id:node-id``.

    >>> ref = NodeRef.parse("hudson-cronin-2019:r1")
    >>> ref.essay, ref.node, str(ref)
    ('hudson-cronin-2019', 'r1', 'hudson-cronin-2019:r1')
    >>> ref
    NodeRef.parse('hudson-cronin-2019:r1')
    """

    essay: str
    node: str

    def __attrs_post_init__(self) -> None:
        _raise(validate.ref_findings(self.essay, self.node, ()))

    @classmethod
    def parse(cls, text: str) -> NodeRef:
        """Parse ``essay-id:node-id``.

        Raises
        ------
        ArgmapError
            If ``text`` is not of that form.
        """
        essay, colon, node = text.strip().partition(":")
        if not (essay and colon and node) or any(c.isspace() for c in text.strip()):
            raise ArgmapError(f"'{text}' is not a node reference of the form essay-id:node-id")
        return cls(essay, node)

    def __str__(self) -> str:
        return f"{self.essay}:{self.node}"

    def __repr__(self) -> str:
        return f"NodeRef.parse({str(self)!r})"


def _refs(values: Iterable[NodeRef | str]) -> tuple[NodeRef, ...]:
    return tuple(v if isinstance(v, NodeRef) else NodeRef.parse(v) for v in values)


def _by_essay_id(maps: Iterable[ArgumentMap]) -> tuple[ArgumentMap, ...]:
    return tuple(sorted(maps, key=lambda m: m.id))


def _ref(value: NodeRef | str) -> NodeRef:
    return value if isinstance(value, NodeRef) else NodeRef.parse(value)


@attrs.frozen
class Equivalence:
    """Nodes of different essays that state the same proposition."""

    members: tuple[NodeRef, ...] = attrs.field(converter=_refs)
    id: str | None = None
    note: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.id is not None:
            _raise(validate.id_findings(self.id, ("id",)))


@attrs.frozen
class Relation:
    """A support, attack or contradiction between nodes of two different essays.

    ``hindsight`` marks a relation whose source reports events after the target's essay
    was written: later evidence for or against it, not a disagreement between the authors
    (a contradiction has no direction, so it cannot be one).

    >>> Relation("attack", "later:e-event", "earlier:c-hope", hindsight=True).hindsight
    True
    """

    kind: RelationKind = attrs.field(converter=_relation_kind)
    source: NodeRef = attrs.field(converter=_ref)
    target: NodeRef = attrs.field(converter=_ref)
    id: str | None = None
    note: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)
    hindsight: bool = attrs.field(default=False, kw_only=True, converter=bool)

    @property
    def key(self) -> str:
        """The relation's id, or ``kind:source->target``."""
        arrow = "<->" if self.kind is RelationKind.CONTRADICTION else "->"
        return self.id if self.id is not None else f"{self.kind}:{self.source}{arrow}{self.target}"

    def __attrs_post_init__(self) -> None:
        if self.id is not None:
            _raise(validate.id_findings(self.id, ("id",)))
        if self.hindsight and self.kind is RelationKind.CONTRADICTION:
            _raise(validate.hindsight_findings(("hindsight",)))


@attrs.frozen
class Corpus:
    """Several essays' maps and the relations across them.

    Parameters
    ----------
    maps
        The essays' maps; their ids must differ. They are kept ordered by essay id, so a
        corpus does not depend on the order its maps were given or read in.
    equivalences
        Groups of nodes (from different essays) that state the same proposition.
    relations
        Cross-essay supports, attacks and contradictions.
    id, title, summary
        What the corpus is about.
    data
        Further JSON-like metadata.
    origin
        Set by readers, as for :class:`ArgumentMap`.
    """

    maps: tuple[ArgumentMap, ...] = attrs.field(converter=_by_essay_id)
    equivalences: tuple[Equivalence, ...] = attrs.field(default=(), converter=_equivalences)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_relations)
    id: str | None = None
    title: str | None = None
    summary: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict, converter=_data, hash=False)
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False, hash=False)
    _by_id: dict[str, ArgumentMap] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {m.id: m for m in reversed(self.maps)})  # the first
        _raise(validate.corpus_findings(self))

    @property
    def essay_ids(self) -> tuple[str, ...]:
        """The essays' ids, in corpus order."""
        return tuple(m.id for m in self.maps)

    def essay(self, essay_id: str) -> ArgumentMap:
        """The map of one essay.

        Raises
        ------
        ArgmapError
            If the corpus has no such essay.
        """
        found = self._by_id.get(essay_id)
        if found is None:
            raise ArgmapError(f"the corpus has no essay '{essay_id}'")
        return found

    def node(self, ref: NodeRef | str) -> Node:
        """The node a reference points at."""
        ref = _ref(ref)
        return self.essay(ref.essay).node(ref.node)

    def nodes(self) -> Iterator[tuple[NodeRef, Node]]:
        """Every node of every essay, with its global reference."""
        for m in self.maps:
            for n in m.nodes:
                yield NodeRef(m.id, n.id), n

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """Show the corpus (recommendations and their links) in Jupyter (see :func:`display`)."""
        return display(self)

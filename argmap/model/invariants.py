"""The invariants of the model: what every map and corpus obeys, as functions that return findings.

Each rule is written once and used twice: by the model classes, which raise on errors when
built in code, and by the file readers, which turn each finding's *pointer* (a path into
the document, like ``("edges", 3, "support")``) into a file, line and column.

Further checks that flag what is legal but probably a slip live in :mod:`argmap.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from argmap.errors import Problem, Severity
from argmap.options import closest

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Corpus, Edge, Equivalence, Node, Relation

__all__ = [
    "CONTROL_CHARACTERS",
    "ID_PATTERN",
    "MAX_DEPTH",
    "NODE_ID_PATTERN",
    "Finding",
    "Pointer",
    "corpus_findings",
    "cross_findings",
    "edge_findings",
    "graph_findings",
    "id_findings",
    "locator_findings",
    "map_findings",
    "metadata_findings",
    "node_findings",
    "pointer_text",
    "ref_findings",
    "responds_to_finding",
    "responds_to_findings",
    "value_findings",
    "warning",
]

ID_PATTERN = r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?"
"""Essay, group and relation ids, and the ids written in a map: letters, digits, ``_``,
``.`` and inner ``-``."""
NODE_ID_PATTERN = rf"{ID_PATTERN}(?::{ID_PATTERN})?"
"""Node and edge ids: an id, or a qualified id ``essay:node`` (as merged corpora name theirs)."""
_ID = re.compile(ID_PATTERN)
_NODE_ID = re.compile(NODE_ID_PATTERN)
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

Pointer = tuple[str | int, ...]

MAX_DEPTH = 100
"""How deep lists and mappings may nest in a file (in ``data``, say): deeper is refused."""

CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
"""What no text of a map may hold: control characters other than tab and newline (``\\r``,
``\\x0b`` and ``\\x0c`` too, which some formats would turn into line breaks), Unicode's line and
paragraph separators, lone surrogates and the non-characters U+FFFE and U+FFFF. XML cannot
hold most of them and YAML, JSON and Argdown would not give them back unchanged, so a map
that has none can be written in every format and read back the same."""


@attrs.frozen
class Finding:
    """A problem located by a pointer into the document rather than by line and column.

    ``part`` narrows the position inside a value: ``"source"`` or ``"target"`` for the ends
    of an ``a -> b`` arrow, ``"key"`` for the key itself rather than its value.
    """

    pointer: Pointer
    message: str
    code: str
    severity: Severity = Severity.ERROR
    part: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether this finding makes the input invalid."""
        return self.severity is Severity.ERROR

    def to_problem(
        self, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> Problem:
        """The finding as a :class:`~argmap.errors.Problem`, at a position if known."""
        return Problem(
            self.message,
            code=self.code,
            severity=self.severity,
            path=path,
            line=line,
            column=column,
            pointer=pointer_text(self.pointer),
        )


def pointer_text(pointer: Pointer) -> str:
    """Render a pointer as ``$.nodes[3].kind``.

    >>> pointer_text(("nodes", 3, "kind"))
    '$.nodes[3].kind'
    """
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in pointer)


def warning(pointer: Pointer, message: str, code: str, part: str | None = None) -> Finding:
    """A finding that flags what is legal but probably a slip."""
    return Finding(pointer, message, code, Severity.WARNING, part)


def id_findings(
    value: str,
    pointer: Pointer,
    what: str = "id",
    part: str | None = None,
    *,
    qualified: bool = False,
) -> list[Finding]:
    """An id must be letters, digits, ``_``, ``.`` and inner ``-``.

    A ``qualified`` one (node and edge ids) may also be ``essay:node``.
    """
    if (_NODE_ID if qualified else _ID).fullmatch(value):
        return []
    return [
        Finding(
            pointer,
            f"invalid {what} '{value}': use letters, digits, '_', '.' and inner '-'",
            "invalid-id",
            part=part,
        )
    ]


def locator_findings(
    paragraphs: Sequence[int], quote: str | None, pointer: Pointer
) -> list[Finding]:
    """Paragraphs are numbered from 1; a quote is a non-empty string."""
    found: list[Finding] = []
    if not paragraphs:
        found.append(Finding((*pointer, "para"), "'para' lists no paragraph", "invalid-value"))
    for p in paragraphs:
        if isinstance(p, bool) or not isinstance(p, int) or p < 1:
            found.append(
                Finding(
                    (*pointer, "para"),
                    f"paragraph {p!r} is not a number from 1 up",
                    "invalid-value",
                )
            )
    if quote is not None and not quote.strip():
        found.append(Finding((*pointer, "quote"), "'quote' is empty", "invalid-value"))
    if quote is not None:
        found += value_findings(quote, (*pointer, "quote"))
    return found


def node_findings(
    *,
    id: str,
    kind: str,
    text: str,
    weight: float | None,
    actors: Sequence[str],
    pointer: Pointer,
) -> list[Finding]:
    """A node's own rules: valid id, some text, weight in [0, 1], actors on recommendations."""
    found = id_findings(id, (*pointer, "id"), qualified=True)
    found += value_findings(text, (*pointer, "text"))
    found += value_findings(list(actors), (*pointer, "actors"))
    if not text.strip():
        found.append(Finding((*pointer, "text"), f"node '{id}' has empty text", "invalid-value"))
    if weight is not None and (isinstance(weight, bool) or not 0.0 <= weight <= 1.0):
        found.append(
            Finding(
                (*pointer, "weight"),
                f"weight {weight!r} of node '{id}' is outside [0, 1]",
                "weight-range",
            )
        )
    if actors and kind != "recommendation":
        found.append(
            Finding(
                (*pointer, "actors"),
                f"node '{id}' is a {kind}; only recommendations have actors",
                "actors-not-recommendation",
            )
        )
    return found


def edge_findings(
    *,
    kind: str,
    source: str,
    target: str,
    id: str | None,
    pointer: Pointer,
    linked: Sequence[str] = (),
    roles: Mapping[str, str | None] | None = None,
    answers: str | None = None,
) -> list[Finding]:
    """An edge's own rules: valid ids at both ends, and no node supporting itself.

    ``linked`` are a support's further premises (a linked reason): valid ids, each once,
    none the source or the conclusion, and only on supports. ``roles`` (supports only) name
    premises of the reason, each once; ``answers`` is ``QUESTION`` or ``REASON:QUESTION``.
    """
    at = (*pointer, kind)
    found = id_findings(source, at, "node id", part="source", qualified=True)
    found += id_findings(target, at, "node or edge id", part="target", qualified=True)
    if id is not None:
        found += id_findings(id, (*pointer, "id"), qualified=True)
    premises = [source, *linked]
    if kind == "support" and target in premises:
        found.append(Finding(at, f"node '{target}' supports itself", "self-support"))
    found += _role_findings(kind, premises, roles or {}, pointer)
    if answers is not None:
        found += _answers_findings(answers, (*pointer, "answers"))
    return found + _linked_findings(kind, premises, at)


def _role_findings(
    kind: str, premises: Sequence[str], roles: Mapping[str, str | None], pointer: Pointer
) -> list[Finding]:
    """A reason's roles: on a support, each a premise of it (or unstated), none in two roles."""
    if not roles:
        return []
    at = (*pointer, "roles")
    if kind != "support":
        return [Finding(at, "only a support (a reason) has roles", "roles-on-attack")]
    found = []
    for role, premise in roles.items():
        if premise is not None and premise not in premises:
            listed = ", ".join(premises)
            found.append(
                Finding(
                    (*at, role),
                    f"role '{role}' names '{premise}', which is no premise of this reason "
                    f"({listed})",
                    "role-not-premise",
                )
            )
    filled = [p for p in roles.values() if p is not None]
    twice = sorted({p for p in filled if filled.count(p) > 1})
    if twice:
        found.append(Finding(at, f"premise '{twice[0]}' fills two roles", "duplicate-role"))
    return found


def _answers_findings(answers: str, at: Pointer) -> list[Finding]:
    """``answers``: ``QUESTION`` or ``REASON:QUESTION``, the question an id."""
    reason, _, question = answers.rpartition(":")
    if not re.fullmatch(ID_PATTERN, question) or (reason != "" and not reason.strip()):
        return [
            Finding(
                at,
                f"'answers' is a critical question's id, or REASON:QUESTION, not '{answers}'",
                "invalid-value",
            )
        ]
    return []


def _linked_findings(kind: str, premises: Sequence[str], at: Pointer) -> list[Finding]:
    """A linked reason's premises: valid ids, none twice, and only a support has several."""
    if len(premises) == 1:
        return []
    if kind != "support":
        return [Finding(at, "only a support can have linked premises", "linked-attack")]
    found: list[Finding] = []
    for premise in premises[1:]:
        found += id_findings(premise, at, "node id", part="source", qualified=True)
    repeated = sorted({p for p in premises if premises.count(p) > 1})
    if repeated:
        found.append(
            Finding(
                at,
                f"premise '{repeated[0]}' is listed twice in one reason",
                "duplicate-premise",
                part="source",
            )
        )
    return found


def ref_findings(essay: str, node: str, pointer: Pointer, part: str | None = None) -> list[Finding]:
    """Both halves of an ``essay-id:node-id`` reference are ids."""
    return id_findings(essay, pointer, "essay id", part) + id_findings(
        node, pointer, "node id", part, qualified=True
    )


def hindsight_findings(pointer: Pointer) -> list[Finding]:
    """A contradiction marked ``hindsight``: a symmetric relation has no later side."""
    return [
        Finding(
            pointer,
            "a contradiction cannot be hindsight: it has no direction, so no later side; "
            "write the later evidence as an attack or a support",
            "hindsight-contradiction",
        )
    ]


def metadata_findings(
    *, id: str, title: str, date: str | None, responds_to: str | None = None
) -> list[Finding]:
    """A map's own fields: a valid id, a title, an ISO 8601 date, another essay it responds to."""
    found = id_findings(id, ("id",), "essay id")
    if responds_to is not None:
        found += id_findings(responds_to, ("responds_to",), "essay id")
        if responds_to == id:
            found.append(
                Finding(("responds_to",), f"map '{id}' responds to itself", "invalid-value")
            )
    if not title.strip():
        found.append(Finding(("title",), "the title is empty", "invalid-value"))
    if date is not None and not _DATE.fullmatch(date):
        found.append(
            Finding(("date",), f"date '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD", "invalid-value")
        )
    elif date is not None and len(date) == 10 and not _real_date(date):
        found.append(
            Finding(("date",), f"date '{date}' is not a day of the calendar", "invalid-value")
        )
    return found


def _real_date(text: str) -> bool:
    """Whether ``YYYY-MM-DD`` names a day that exists (not 2019-02-30)."""
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return day <= days


def graph_findings(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    node_pointers: Sequence[Pointer] | None = None,
    edge_pointers: Sequence[Pointer] | None = None,
    unparsed_ids: Iterable[str] = (),
) -> list[Finding]:
    """The rules between nodes and edges.

    Ids are unique (nodes and edges share them); an edge starts at a node; a support ends
    at a node; an attack ends at a node or at a support edge (an undercut); no edge is
    stated twice. ``unparsed_ids`` are ids of items that failed to parse, so references
    to them are not reported a second time.
    """
    node_ptrs = node_pointers or [("nodes", i) for i in range(len(nodes))]
    edge_ptrs = edge_pointers or [("edges", i) for i in range(len(edges))]
    kinds, found = _graph_ids(nodes, edges, node_ptrs, edge_ptrs)
    skip = set(unparsed_ids)
    seen: dict[tuple[str, str, str], Pointer] = {}
    for edge, pointer in zip(edges, edge_ptrs, strict=True):
        at = (*pointer, str(edge.kind))
        found += _edge_source_findings(edge, at, kinds, skip)
        found += _edge_target_findings(edge, at, kinds, skip)
        found += _duplicate_edge_findings(edge, pointer, seen)
    return found


def _duplicate_id_findings(
    ident: str, pointer: Pointer, first_at: dict[str, Pointer]
) -> list[Finding]:
    """Record the first use of an id, or report a later one as a duplicate.

    Parameters
    ----------
    ident
        The id being declared.
    pointer
        Where the item with this id is.
    first_at
        The pointer of each id declared so far; updated in place with ``ident`` if new.

    Returns
    -------
    list[Finding]
        A ``duplicate-id`` finding at ``pointer`` if ``ident`` was declared before, else nothing.
    """
    if ident in first_at:
        return [
            Finding(
                (*pointer, "id"),
                f"duplicate id '{ident}' (first used at {pointer_text(first_at[ident])})",
                "duplicate-id",
            )
        ]
    first_at[ident] = pointer
    return []


def _graph_ids(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    node_ptrs: Sequence[Pointer],
    edge_ptrs: Sequence[Pointer],
) -> tuple[dict[str, str], list[Finding]]:
    """Declare the ids of a map's nodes, then of its edges that have one.

    Returns
    -------
    tuple[dict[str, str], list[Finding]]
        What each id names (``"node"``, ``"support"`` or ``"attack"``, from its first use),
        and a ``duplicate-id`` finding for each later use of an id.
    """
    declared = [(node.id, "node", at) for node, at in zip(nodes, node_ptrs, strict=True)]
    declared += [
        (edge.id, str(edge.kind), at)
        for edge, at in zip(edges, edge_ptrs, strict=True)
        if edge.id is not None
    ]
    kinds: dict[str, str] = {}
    first_at: dict[str, Pointer] = {}
    found: list[Finding] = []
    for ident, what, at in declared:
        found += _duplicate_id_findings(ident, at, first_at)
        kinds.setdefault(ident, what)
    return kinds, found


def _edge_source_findings(
    edge: Edge, at: Pointer, kinds: dict[str, str], skip: set[str]
) -> list[Finding]:
    """An edge starts at a known node (unless its source is in ``skip``), not at an edge."""
    found: list[Finding] = []
    for source in edge.premises:
        source_kind = kinds.get(source)
        if source_kind is None and source not in skip:
            found.append(
                Finding(
                    at,
                    f"edge source '{source}' is not a node of this map",
                    "unknown-node",
                    part="source",
                )
            )
        elif source_kind not in (None, "node"):
            found.append(
                Finding(
                    at,
                    f"edge source '{source}' is an edge; edges start at nodes",
                    "edge-source",
                    part="source",
                )
            )
    return found


def _edge_target_findings(
    edge: Edge, at: Pointer, kinds: dict[str, str], skip: set[str]
) -> list[Finding]:
    """An edge ends at a known id (unless in ``skip``); a support at a node; an attack not at an attack."""
    target_kind = kinds.get(edge.target)
    if target_kind is None and edge.target not in skip:
        return [
            Finding(
                at,
                f"edge target '{edge.target}' is not a node or edge id of this map",
                "unknown-node",
                part="target",
            )
        ]
    if target_kind in ("support", "attack") and edge.kind == "support":
        return [
            Finding(
                at,
                f"a support must end at a node, but '{edge.target}' is an edge",
                "support-target",
                part="target",
            )
        ]
    if target_kind == "attack":
        return [
            Finding(
                at,
                f"undercut target '{edge.target}' is an attack; only support edges can be undercut",
                "undercut-target",
                part="target",
            )
        ]
    return []


def _duplicate_edge_findings(
    edge: Edge, pointer: Pointer, seen: dict[tuple[str, str, str], Pointer]
) -> list[Finding]:
    """Report an edge of the same kind between the same ends as an earlier one.

    ``seen`` maps each (kind, source, target) stated so far to where; it is updated in
    place when ``edge`` is the first of its kind between its ends.
    """
    triple = (str(edge.kind), " + ".join(sorted(edge.premises)), edge.target)
    if triple in seen:
        return [
            Finding(
                (*pointer, str(edge.kind)),
                f"duplicate edge: '{triple[1]}' {edge.kind}s '{edge.target}' already at {pointer_text(seen[triple])}",
                "duplicate-edge",
            )
        ]
    seen[triple] = pointer
    return []


def map_findings(m: ArgumentMap) -> list[Finding]:
    """All error rules of a map built in code (pointers count list positions)."""
    found = metadata_findings(id=m.id, title=m.title, date=m.date, responds_to=m.responds_to)
    return found + graph_findings(m.nodes, m.edges) + model_text_findings(m)


def corpus_findings(c: Corpus) -> list[Finding]:
    """All error rules of a corpus built in code (pointers count list positions)."""
    found: list[Finding] = []
    seen: set[str] = set()
    for i, m in enumerate(c.maps):
        if m.id in seen:
            found.append(
                Finding(("maps", i, "id"), f"two maps have the essay id '{m.id}'", "duplicate-id")
            )
        seen.add(m.id)
    found += responds_to_findings(c.maps)
    for key in ("title", "summary", "data"):
        found += value_findings(getattr(c, key), (key,))
    for i, group in enumerate(c.equivalences):
        found += value_findings(group.note, ("equivalences", i, "note"))
        found += value_findings(group.data, ("equivalences", i, "data"))
    for i, rel in enumerate(c.relations):
        found += value_findings(rel.note, ("relations", i, "note"))
        found += value_findings(rel.data, ("relations", i, "data"))
    return found + cross_findings(c.maps, c.equivalences, c.relations)


def responds_to_findings(
    maps: Sequence[ArgumentMap], pointers: Sequence[Pointer] | None = None
) -> list[Finding]:
    """A map's ``responds_to`` names an essay of the corpus (``pointers``: each map's root).

    >>> from argmap.model import ArgumentMap
    >>> maps = [ArgumentMap("alpha", "A", []), ArgumentMap("c", "C", [], responds_to="alpah")]
    >>> [f.message for f in responds_to_findings(maps)]
    ["map 'c' responds to 'alpah', which is not an essay of the corpus (did you mean 'alpha'?)"]
    """
    roots = pointers or [("maps", i) for i in range(len(maps))]
    essays = [m.id for m in maps if m.role == "essay"]
    found = (responds_to_finding(m, essays, root) for m, root in zip(maps, roots, strict=True))
    return [f for f in found if f is not None]


def responds_to_finding(
    m: ArgumentMap, essays: Sequence[str], root: Pointer = ()
) -> Finding | None:
    """The finding if ``m`` responds to none of ``essays`` (``root``: the map's pointer)."""
    if m.responds_to is None or m.responds_to in essays:
        return None
    hint = closest(m.responds_to, list(essays))
    suggestion = f" (did you mean '{hint}'?)" if hint else ""
    return Finding(
        (*root, "responds_to"),
        f"map '{m.id}' responds to '{m.responds_to}', which is not an essay of the "
        f"corpus{suggestion}",
        "unknown-essay",
    )


def cross_findings(
    maps: Sequence[ArgumentMap],
    equivalences: Sequence[Equivalence],
    relations: Sequence[Relation],
    *,
    group_pointers: Sequence[Pointer] | None = None,
    relation_pointers: Sequence[Pointer] | None = None,
    unreadable_essays: Iterable[str] = (),
) -> list[Finding]:
    """The rules across essays.

    Every reference names a known essay and node; an equivalence group has two or more
    nodes from different essays and a node is in at most one group; a relation joins nodes
    of two different essays that are not equivalent; no relation is stated twice; ids of
    groups and relations are unique. References into ``unreadable_essays`` are skipped.
    """
    check = _CrossCheck({m.id: m for m in maps}, set(unreadable_essays))
    group_ptrs = group_pointers or [("equivalences", i) for i in range(len(equivalences))]
    relation_ptrs = relation_pointers or [("relations", i) for i in range(len(relations))]
    group_of = _check_equivalences(check, equivalences, group_ptrs)
    _check_relations(check, relations, relation_ptrs, group_of)
    return check.found


@attrs.define
class _CrossCheck:
    """What the rules across essays share: the essays, those to skip, ids seen, findings.

    Findings are appended to ``found`` in the order the rules meet them.
    """

    by_id: dict[str, ArgumentMap]
    skip: set[str]
    found: list[Finding] = attrs.field(factory=list)
    ids: dict[str, Pointer] = attrs.field(factory=dict)

    def known(self, essay: str, node: str, pointer: Pointer, part: str | None = None) -> bool:
        """Whether ``essay:node`` names a node of a readable essay; report it if unknown.

        References into skipped essays are neither known nor reported.
        """
        if essay in self.skip:
            return False
        if essay not in self.by_id:
            self.found.append(
                Finding(
                    pointer,
                    f"unknown essay '{essay}' in '{essay}:{node}'",
                    "unknown-essay",
                    part=part,
                )
            )
            return False
        if node not in self.by_id[essay]:
            self.found.append(
                Finding(pointer, f"essay '{essay}' has no node '{node}'", "unknown-node", part=part)
            )
            return False
        return True

    def declare(self, ident: str | None, pointer: Pointer) -> None:
        """Record the id of a group or relation, reporting it if already used."""
        if ident is not None:
            self.found += _duplicate_id_findings(ident, pointer, self.ids)


def _check_equivalences(
    check: _CrossCheck, equivalences: Sequence[Equivalence], group_ptrs: Sequence[Pointer]
) -> dict[str, int]:
    """Check the equivalence groups: ids, sizes, members known, in different essays, in one group.

    Parameters
    ----------
    check
        The shared state; findings are appended to ``check.found``.
    equivalences
        The groups, in order.
    group_ptrs
        Where each group is.

    Returns
    -------
    dict[str, int]
        The index of the first group of each known member, by its ``essay:node`` text.
    """
    group_of: dict[str, int] = {}
    for g, (group, at) in enumerate(zip(equivalences, group_ptrs, strict=True)):
        check.declare(group.id, at)
        if len(group.members) < 2:
            check.found.append(
                Finding(
                    (*at, "nodes"),
                    "an equivalence group needs at least two nodes",
                    "equivalence-size",
                )
            )
        _check_members(check, g, group, at, group_of)
    return group_of


def _check_members(
    check: _CrossCheck, g: int, group: Equivalence, at: Pointer, group_of: dict[str, int]
) -> None:
    """Check the members of group ``g``: known, one per essay, in no earlier group.

    ``group_of`` (member text to group index) is updated in place with the known members.
    """
    essays: dict[str, str] = {}
    for j, ref in enumerate(group.members):
        pointer = (*at, "nodes", j)
        if not check.known(ref.essay, ref.node, pointer):
            continue
        if ref.essay in essays:
            check.found.append(
                Finding(
                    pointer,
                    f"'{ref}' and '{ref.essay}:{essays[ref.essay]}' are in one essay; "
                    "equivalence groups join different essays",
                    "equivalence-same-essay",
                )
            )
        essays.setdefault(ref.essay, ref.node)
        if str(ref) in group_of and group_of[str(ref)] != g:
            check.found.append(
                Finding(
                    pointer,
                    f"'{ref}' is already in equivalence group {group_of[str(ref)] + 1}; merge the groups",
                    "equivalence-overlap",
                )
            )
        group_of.setdefault(str(ref), g)


def _check_relations(
    check: _CrossCheck,
    relations: Sequence[Relation],
    relation_ptrs: Sequence[Pointer],
    group_of: dict[str, int],
) -> None:
    """Check the relations: ids, known ends in two essays, not equivalent, not stated twice.

    Parameters
    ----------
    check
        The shared state; findings are appended to ``check.found``.
    relations
        The relations, in order.
    relation_ptrs
        Where each relation is.
    group_of
        The equivalence group of each member, as :func:`_check_equivalences` returns it.
    """
    seen: dict[tuple[str, ...], Pointer] = {}
    for rel, at in zip(relations, relation_ptrs, strict=True):
        check.declare(rel.id, at)
        field = (*at, str(rel.kind))
        ok = check.known(rel.source.essay, rel.source.node, field, "source")
        ok = check.known(rel.target.essay, rel.target.node, field, "target") and ok
        if rel.source.essay == rel.target.essay:
            check.found.append(
                Finding(
                    field,
                    f"'{rel.source}' and '{rel.target}' are in one essay; put the edge in that essay's map",
                    "relation-same-essay",
                )
            )
        elif ok and group_of.get(str(rel.source), -1) == group_of.get(str(rel.target), -2):
            check.found.append(
                Finding(
                    field,
                    f"'{rel.source}' and '{rel.target}' are declared equivalent",
                    "relation-equivalent",
                )
            )
        check.found += _duplicate_relation_findings(rel, at, field, seen)


def _duplicate_relation_findings(
    rel: Relation, at: Pointer, field: Pointer, seen: dict[tuple[str, ...], Pointer]
) -> list[Finding]:
    """Report a relation stated before (a contradiction either way round).

    ``seen`` maps each (kind, ends) stated so far to where; it is updated in place when
    ``rel`` is new.
    """
    ends = [str(rel.source), str(rel.target)]
    if rel.kind == "contradiction":
        ends.sort()
    triple = (str(rel.kind), *ends)
    if triple in seen:
        return [
            Finding(
                field,
                f"duplicate relation: already stated at {pointer_text(seen[triple])}",
                "duplicate-edge",
            )
        ]
    seen[triple] = at
    return []


def _control_finding(text: str, pointer: Pointer, part: str | None = None) -> Finding | None:
    """A ``control-character`` finding if ``text`` holds one (see :data:`CONTROL_CHARACTERS`)."""
    match = CONTROL_CHARACTERS.search(text)
    if match is None:
        return None
    return Finding(
        pointer,
        f"text holds the control character U+{ord(match.group()):04X} at position "
        f"{match.start() + 1}; remove it (texts may hold tabs and line breaks only)",
        "control-character",
        part=part,
    )


@attrs.define
class _Walk:
    """The state of :func:`value_findings`: sizes of the containers seen, findings so far."""

    limit: int | None
    found: list[Finding] = attrs.field(factory=list)
    sizes: dict[int, int] = attrs.field(factory=dict)  # id of a container -> expanded size
    open: set[int] = attrs.field(factory=set)  # containers on the current path

    def text(self, value: str, pointer: Pointer, part: str | None = None) -> None:
        finding = _control_finding(value, pointer, part)
        if finding is not None and len(self.found) < 100:
            self.found.append(finding)

    def stop(self, pointer: Pointer, message: str, code: str) -> int:
        self.found.append(Finding(pointer, message, code))
        return -1

    def size(self, value: object, pointer: Pointer) -> int:
        """The expanded size of ``value`` (-1: stopped), checking every text in it once."""
        if isinstance(value, str):
            self.text(value, pointer)
            return 1
        if not isinstance(value, dict | list | tuple):
            return 1
        key = id(value)
        if key in self.sizes:
            return self.sizes[key]
        if key in self.open:
            return self.stop(pointer, "a value contains itself (a recursive alias)", "recursive")
        if len(self.open) >= MAX_DEPTH:
            return self.stop(
                pointer, f"nested deeper than {MAX_DEPTH} lists and mappings", "too-deep"
            )
        self.open.add(key)
        total = self.children(value, pointer)
        self.open.discard(key)
        self.sizes[key] = total
        return total

    def children(
        self, value: dict[object, object] | list[object] | tuple[object, ...], pointer: Pointer
    ) -> int:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        total = 1
        for k, v in items:
            step = k if isinstance(k, str | int) and not isinstance(k, bool) else str(k)
            if isinstance(k, str):
                self.text(k, (*pointer, step), "key")
            n = self.size(v, (*pointer, step))
            if n < 0:
                return -1
            total += n
            if self.limit is not None and total > self.limit:
                return self.stop(
                    pointer,
                    f"expands to more than {self.limit} values (aliases repeated in aliases?)",
                    "too-large",
                )
        return total


def value_findings(value: object, pointer: Pointer = (), limit: int | None = None) -> list[Finding]:
    r"""The texts of a value (nested lists and mappings, keys too) hold no control character.

    The value also nests at most :data:`MAX_DEPTH` deep, does not contain itself, and, given
    a ``limit``, expands to at most that many values (a list that repeats a list that
    repeats a list counts every repetition: the way a small YAML file with aliases of
    aliases grows to gigabytes).

    >>> [f.code for f in value_findings({"a": ["ok", "bad\x0b"]}, ("data",))]
    ['control-character']
    >>> value_findings({"a": ["ok", "bad\x0b"]}, ("data",))[0].pointer
    ('data', 'a', 1)
    >>> shared = ["x"] * 10
    >>> for _ in range(8):
    ...     shared = [shared] * 10
    >>> [f.code for f in value_findings(shared, limit=10_000)]
    ['too-large']
    """
    if isinstance(value, str):  # the common case, without a walk
        finding = _control_finding(value, pointer)
        return [] if finding is None else [finding]
    walk = _Walk(limit)
    walk.size(value, pointer)
    return walk.found


class _NotFlat(Exception):
    """A value :func:`_strings` leaves to the full walk of :func:`value_findings`."""


def _strings(value: object, out: list[str], depth: int = 0) -> None:
    """The texts in a JSON-like value (keys too), appended to ``out``."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict | list | tuple):
        if depth >= MAX_DEPTH:
            raise _NotFlat
        if isinstance(value, dict):
            for k in value:
                _strings(k, out, depth + 1)
            value = list(value.values())
        for item in value:
            _strings(item, out, depth + 1)
    elif not (value is None or isinstance(value, int | float)):
        raise _NotFlat


def _flat_texts(m: ArgumentMap) -> list[str] | None:
    """Every text of a map, ``data`` included (``None``: some value needs the full walk)."""
    texts: list[str] = []
    try:
        for data in (m.data, *(n.data for n in m.nodes), *(e.data for e in m.edges)):
            if data:
                _strings(data, texts)
    except _NotFlat:
        return None
    texts += [m.title, *m.authors]
    texts += [v for v in (m.venue, m.date, m.url, m.summary, m.text_file, m.responds_to) if v]
    for n in m.nodes:
        texts += (n.text, n.note or "", *n.tags, *n.actors)
        texts.append(n.locator.quote or "" if n.locator is not None else "")
    for e in m.edges:
        texts += (e.note or "", e.scheme or "", e.answers or "", *e.roles)
        texts += (p or "" for p in e.roles.values())
        texts.append(e.locator.quote or "" if e.locator is not None else "")
    return texts if all(isinstance(t, str) for t in texts) else None


def model_text_findings(m: ArgumentMap) -> list[Finding]:
    """No text of a map (metadata, nodes, edges, ``data``) holds a control character."""
    texts = _flat_texts(m)
    if texts is not None and not CONTROL_CHARACTERS.search("\n".join(texts)):
        return []  # the common case, in one search; else each text says where
    found: list[Finding] = []
    for key in ("title", "venue", "date", "url", "summary", "text_file", "responds_to"):
        found += value_findings(getattr(m, key), (key,))
    found += value_findings(list(m.authors), ("authors",))
    found += value_findings(m.data, ("data",))
    for i, node in enumerate(m.nodes):
        for key in ("text", "note", "tags", "actors", "data"):
            found += value_findings(_field(getattr(node, key)), ("nodes", i, key))
        found += _locator_text_findings(node, ("nodes", i))
    for i, edge in enumerate(m.edges):
        for key in ("note", "scheme", "answers", "roles", "data"):
            found += value_findings(getattr(edge, key), ("edges", i, key))
        found += _locator_text_findings(edge, ("edges", i))
    return found


def _field(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _locator_text_findings(item: Node | Edge, pointer: Pointer) -> list[Finding]:
    locator = item.locator
    if locator is None or locator.quote is None:
        return []
    return value_findings(locator.quote, (*pointer, "quote"))

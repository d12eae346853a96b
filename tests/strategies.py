"""Hypothesis strategies for argument maps and corpora, kept in one place."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap import ArgumentMap, Corpus, Edge, Equivalence, Locator, Node, NodeRef, Relation
from argmap.framework import AF

ids = st.from_regex(r"[A-Za-z0-9_]([A-Za-z0-9_.-]{0,6}[A-Za-z0-9_])?", fullmatch=True)

# Any printable text a person could type, including YAML's and markup's special characters.
texts = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
special_texts = st.sampled_from(
    [
        "yes",
        "null",
        "~",
        "12",
        "1e3",
        "2019-11-22",
        "a: b",
        "- x",
        "#x",
        "[x]",
        "{y}",
        "'q'",
        '"dq"',
        "é ü 日本",
    ]
)
any_text = st.one_of(texts, special_texts)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    any_text,
)
json_data: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    ids,
    st.recursive(
        json_scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ids, inner, max_size=3),
        max_leaves=6,
    ),
    max_size=3,
)
locators = st.builds(
    Locator,
    st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=3),
    st.one_of(st.none(), any_text),
)
dates = st.from_regex(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1\d|2[0-8]))?)?", fullmatch=True)


@st.composite
def nodes(draw: st.DrawFn, node_id: str) -> Node:
    kind = draw(st.sampled_from(["claim", "evidence", "recommendation"]))
    return Node(
        id=node_id,
        kind=kind,
        text=draw(any_text),
        locator=draw(st.one_of(st.none(), locators)),
        tags=draw(st.lists(texts, max_size=2)),
        weight=draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1))),
        actors=draw(st.lists(texts, max_size=2)) if kind == "recommendation" else (),
        note=draw(st.one_of(st.none(), any_text)),
        data=draw(st.one_of(st.just({}), json_data)),
    )


def _linked_premises(draw: st.DrawFn, node_ids: list[str], source: str, target: str) -> list[str]:
    """Up to two further premises for a support from ``source`` to ``target`` (often none)."""
    others = [n for n in node_ids if n not in (source, target)]
    if not others or not draw(st.booleans()):
        return []
    return draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))


@st.composite
def argument_maps(
    draw: st.DrawFn, max_nodes: int = 8, essay_id: str | None = None, linked: bool = True
) -> ArgumentMap:
    """A valid map: unique ids, edges between its nodes, undercuts on named supports.

    With ``linked``, a support may have further premises (a linked reason) and a scheme;
    several supports of one node are convergent reasons.
    """
    size = 3 * max_nodes + 2  # nodes, then ids for up to 2 edges per node
    pool = draw(st.lists(ids, min_size=size, max_size=size, unique=True))
    count = draw(st.integers(min_value=1, max_value=max_nodes))
    node_ids, spare = pool[:count], pool[count:]
    node_list = [draw(nodes(i)) for i in node_ids]
    triples = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["support", "attack"]),
                st.sampled_from(node_ids),
                st.sampled_from(node_ids),
            ),
            max_size=2 * count,
            unique=True,
        )
    )
    edges: list[Edge] = []
    reasons: set[tuple[frozenset[str], str]] = set()
    for kind, source, target in triples:
        if kind == "support" and source == target:
            continue
        support = kind == "support"
        more = _linked_premises(draw, node_ids, source, target) if linked and support else []
        if support:
            reason = (frozenset([source, *more]), target)
            if reason in reasons:  # the same reason, its premises in another order
                continue
            reasons.add(reason)
        named = draw(st.booleans())
        edges.append(
            Edge(
                kind,
                source,
                target,
                id=spare.pop() if named else None,
                locator=draw(st.one_of(st.none(), locators)),
                note=draw(st.one_of(st.none(), any_text)),
                linked=more,
                scheme=draw(st.one_of(st.none(), texts)) if support and linked else None,
            )
        )
    named_supports = [e.id for e in edges if e.kind == "support" and e.id is not None]
    if named_supports:
        for target in draw(st.lists(st.sampled_from(named_supports), max_size=2, unique=True)):
            edges.append(Edge("attack", draw(st.sampled_from(node_ids)), target))
    return ArgumentMap(
        id=essay_id or draw(ids),
        title=draw(any_text),
        nodes=node_list,
        edges=draw(st.permutations(edges)),
        authors=draw(st.lists(texts, max_size=2)),
        venue=draw(st.one_of(st.none(), any_text)),
        date=draw(st.one_of(st.none(), dates)),
        url=draw(st.one_of(st.none(), st.just("https://example.org/essay?id=1&x=<y>"))),
        summary=draw(st.one_of(st.none(), any_text)),
        text_file=draw(st.one_of(st.none(), st.just("../texts/essay.txt"))),
        data=draw(st.one_of(st.just({}), json_data)),
    )


@st.composite
def corpora(draw: st.DrawFn, max_essays: int = 3) -> Corpus:
    """A valid corpus: maps with distinct ids, equivalences and relations across them."""
    essay_ids = draw(st.lists(ids, min_size=1, max_size=max_essays, unique=True))
    maps = [draw(argument_maps(max_nodes=5, essay_id=e)) for e in essay_ids]
    refs = [NodeRef(m.id, n.id) for m in maps for n in m.nodes]
    groups, group_of = _equivalence_groups(draw, maps)
    relations = _relations(draw, refs, group_of) if len(maps) > 1 else []
    return Corpus(
        maps,
        groups,
        relations,
        id=draw(st.one_of(st.none(), ids)),
        title=draw(st.one_of(st.none(), any_text)),
    )


def _equivalence_groups(
    draw: st.DrawFn, maps: list[ArgumentMap]
) -> tuple[list[Equivalence], dict[NodeRef, int]]:
    """Up to two groups of nodes from different essays, each node in at most one group.

    Returns the groups and the group index of each of their members.
    """
    groups: list[Equivalence] = []
    used: set[NodeRef] = set()
    group_of: dict[NodeRef, int] = {}
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        members = []
        for m in draw(st.permutations(maps)):
            free = [NodeRef(m.id, n.id) for n in m.nodes if NodeRef(m.id, n.id) not in used]
            take = draw(st.booleans())
            if free and take:
                members.append(draw(st.sampled_from(free)))
        if len(members) >= 2:
            used.update(members)
            for ref in members:
                group_of[ref] = len(groups)
            groups.append(Equivalence(members, note=draw(st.one_of(st.none(), any_text))))
    return groups, group_of


def _relations(
    draw: st.DrawFn, refs: list[NodeRef], group_of: dict[NodeRef, int]
) -> list[Relation]:
    """Up to four relations between nodes of different essays that are not equivalent.

    A drawn relation that breaks a rule, or repeats an earlier one, is left out.
    """
    relations: list[Relation] = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        kind = draw(st.sampled_from(["support", "attack", "contradiction"]))
        source, target = draw(st.sampled_from(refs)), draw(st.sampled_from(refs))
        if source.essay == target.essay:
            continue
        if source in group_of and group_of.get(target) == group_of[source]:
            continue
        ends = (
            sorted([str(source), str(target)])
            if kind == "contradiction"
            else [str(source), str(target)]
        )
        if (kind, *ends) in seen:
            continue
        seen.add((kind, *ends))
        relations.append(Relation(kind, source, target, note=draw(st.one_of(st.none(), any_text))))
    return relations


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 8) -> AF:
    """A small framework: any attacks among its arguments, self-attacks included."""
    n = draw(st.integers(min_value=0, max_value=max_arguments))
    names = [f"a{i}" for i in range(n)]
    if not names:
        return AF([])
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    return AF(names, draw(st.lists(pairs, max_size=3 * n)))

r"""Writing maps and corpora as YAML, keeping the comments and layout of a file read before.

A map or corpus read from a file remembers its source (:class:`~argmap.model.Origin`); writing
it back starts from that file and rewrites only the values that changed, so comments, quoting,
flow lists and indentation stay as the author left them. New items are written in the order
of the shapes in :mod:`argmap.formats.shape`.

>>> from argmap.formats.yaml.reader import map_from_yaml
>>> text = "id: t   # keep me\ntitle: T\nnodes:\n  - {id: a, kind: claim, text: A.}\n"
>>> map_to_yaml(map_from_yaml(text)) == text
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from argmap.errors import ArgmapError
from argmap.formats.shape import (
    CORPUS,
    CORPUS_FILE,
    CORPUS_KEY,
    EDGE,
    GROUP,
    MAP,
    MAP_META,
    NODE,
    RELATION,
    SHAPES,
)
from argmap.formats.text import write_text
from argmap.formats.yaml.document import PLUS, Source, dump
from argmap.formats.yaml.reader import Flat, Reader
from argmap.model import ArgumentMap, Corpus, Edge, Equivalence, Locator, Node, Relation
from argmap.model import invariants as validate
from argmap.model.invariants import Pointer
from argmap.options import Role

__all__ = ["corpus_to_yaml", "map_to_yaml", "write_corpus", "write_map"]

_FLOW_KEYS = {f.name for s in SHAPES.values() for f in s.fields if f.type in ("texts", "refs")}
"""Fields written as one-line ``[a, b]`` lists."""
_ARROWS = {*EDGE.one_of, *RELATION.one_of}


def _source(obj: ArgumentMap | Corpus) -> Source | None:
    """The YAML file ``obj`` was read from, if any."""
    origin = obj.origin
    return origin.document if origin is not None and isinstance(origin.document, Source) else None


def _flat_locator(flat: Flat, locator: Locator | None) -> None:
    if locator is not None:
        flat["para"] = locator.paragraphs
        if locator.quote is not None:
            flat["quote"] = locator.quote


def _drop_empty(flat: Flat) -> Flat:
    return {k: v for k, v in flat.items() if v is not None and v != () and v != {}}


def _flat_node(node: Node) -> Flat:
    flat: Flat = {
        "id": node.id,
        "kind": str(node.kind),
        "actors": node.actors,
        "text": node.text,
        "tags": node.tags,
        "weight": node.weight,
        "note": node.note,
        "data": node.data,
    }
    _flat_locator(flat, node.locator)
    return _drop_empty(flat)


def _flat_edge(edge: Edge) -> Flat:
    flat: Flat = {
        str(edge.kind): (edge.premises, edge.target),
        "id": edge.id,
        "scheme": edge.scheme,
        "roles": edge.roles,
        "answers": edge.answers,
        "note": edge.note,
        "data": edge.data,
    }
    _flat_locator(flat, edge.locator)
    return _drop_empty(flat)


def _flat_map_meta(m: ArgumentMap) -> Flat:
    flat = {key: getattr(m, key) for key in MAP_META}
    flat["role"] = None if m.role is Role.ESSAY else str(m.role)  # essay: the default, unwritten
    return _drop_empty(flat)


def _flat_group(group: Equivalence) -> Flat:
    return _drop_empty(
        {
            "id": group.id,
            "nodes": tuple(str(r) for r in group.members),
            "note": group.note,
            "data": group.data,
        }
    )


def _flat_relation(rel: Relation) -> Flat:
    return _drop_empty(
        {
            str(rel.kind): (str(rel.source), str(rel.target)),
            "id": rel.id,
            "note": rel.note,
            "hindsight": True if rel.hindsight else None,
            "data": rel.data,
        }
    )


def _render(key: str, value: Any) -> Any:
    """A flat value in its written form."""
    if key == "para":
        if len(value) == 1:
            return value[0]
        return _flow(list(value))
    if key in _ARROWS:
        arrow = "<->" if key == "contradiction" else "->"
        source = f" {PLUS} ".join(value[0]) if isinstance(value[0], tuple) else value[0]
        return f"{source} {arrow} {value[1]}"
    if key in _FLOW_KEYS:
        return _flow(list(value))
    if key == "data":
        return _commented(value)
    if key == "weight" and float(value).is_integer():
        return int(value)
    return value


_SAFE_IN_FLOW = re.compile(
    rf"[^\W\d][\w .'/()&+-]*(?<! )|{validate.ID_PATTERN}:{validate.ID_PATTERN}"
)


def _flow(items: list[Any]) -> CommentedSeq:
    """A one-line ``[a, b]`` list; items that are not plainly safe there are quoted.

    (ruamel can write an item such as ``?x`` bare, which its own parser then misreads.)
    """
    items = [
        item
        if not isinstance(item, str) or _SAFE_IN_FLOW.fullmatch(item)
        else DoubleQuotedScalarString(item)
        for item in items
    ]
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _commented(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_commented(v) for v in value)
    return value


def _merge_fields(
    item: CommentedMap, old: Flat | None, new: Flat, keys: Sequence[str], order: Sequence[str] = ()
) -> None:
    """Make ``item`` state ``new``, rewriting only the fields that differ from ``old``.

    ``keys`` are the fields this merge owns (others are left alone); ``order`` (default:
    ``keys``) is where a new field is inserted among the existing ones.
    """
    order = order or keys
    for key in [k for k in item if k in keys and k not in new]:
        del item[key]
    for key in keys:
        if key not in new:
            continue
        if old is not None and key in item and old.get(key) == new[key]:
            continue
        rendered = _render(key, new[key])
        if key in item:
            item[key] = rendered
        else:
            position = sum(1 for k in item if k in order and order.index(k) < order.index(key))
            item.insert(position, key, rendered)


def _merge_items(
    seq: CommentedSeq,
    old: Sequence[Flat | None],
    new: Sequence[Flat],
    identity: Callable[[Flat], Any],
    order: Sequence[str],
) -> None:
    """Make ``seq`` list ``new``, keeping the items (and their comments) that stay.

    An item whose identity was in ``seq`` is updated in place; the others are new. The
    comments ruamel keeps per position of the list move with their items.
    """
    kept: dict[Any, int] = {}
    for j, flat in enumerate(old):
        if flat is not None:
            kept.setdefault(identity(flat), j)
    items: list[CommentedMap] = []
    comments: dict[int, Any] = {}
    for i, flat in enumerate(new):
        at = kept.pop(identity(flat), None)
        if at is None:
            item = CommentedMap()
            _merge_fields(item, None, flat, order)
        else:
            item = seq[at]
            _merge_fields(item, old[at], flat, order)
            if at in seq.ca.items:
                comments[i] = seq.ca.items[at]
        items.append(item)
    if len(items) == len(seq) and all(a is b for a, b in zip(items, seq, strict=True)):
        return
    list.clear(seq)  # the plain list operations: ruamel's would shift comments item by item
    list.extend(seq, items)
    seq.ca.items.clear()
    seq.ca.items.update(comments)


def _merge_section(
    doc: CommentedMap,
    key: str,
    new: Sequence[Flat],
    read: Callable[[Any, Pointer], Flat | None],
    identity: Callable[[Flat], Any],
    item_keys: Sequence[str],
    order: Sequence[str],
    *,
    required: bool = False,
) -> None:
    """Make the list under ``key`` hold ``new`` (created, in its place in ``order``, if missing).

    A missing list that would stay empty is not created unless ``required``.
    """
    if not isinstance(doc.get(key), CommentedSeq):
        if not new and not required:
            return
        position = sum(1 for k in doc if k in order and order.index(k) < order.index(key))
        doc.insert(position, key, CommentedSeq())
    seq: CommentedSeq = doc[key]
    old = [read(value, (i,)) for i, value in enumerate(seq)]
    _merge_items(seq, old, new, identity, item_keys)


def _map_document(m: ArgumentMap) -> tuple[CommentedMap, tuple[int, int, int]]:
    source = _source(m)
    doc = source.working_copy() if source else CommentedMap()
    reader = Reader()
    old_meta = reader.map_meta(doc) if source else None
    _merge_fields(doc, old_meta, _flat_map_meta(m), MAP_META, MAP.keys)
    nodes = [_flat_node(n) for n in m.nodes]
    _merge_section(
        doc, "nodes", nodes, reader.node, _node_identity, NODE.keys, MAP.keys, required=True
    )
    edges = [_flat_edge(e) for e in m.edges]
    _merge_section(doc, "edges", edges, reader.edge, _edge_identity, EDGE.keys, MAP.keys)
    return doc, source.indent if source else (2, 4, 2)


def _node_identity(flat: Flat) -> Any:
    return flat.get("id")


def _group_identity(flat: Flat) -> Any:
    return flat.get("id") or frozenset(flat.get("nodes", ()))


def _edge_identity(flat: Flat) -> tuple[str, Any]:
    kind = next((k for k in (*EDGE.one_of, *RELATION.one_of) if k in flat), "")
    ends = flat.get(kind)
    if kind == "contradiction" and ends is not None:
        ends = tuple(sorted(ends))
    return (kind, ends)


def map_to_yaml(m: ArgumentMap) -> str:
    """The map as YAML text; a map read from YAML keeps its comments and layout."""
    return dump(*_map_document(m))


def write_map(m: ArgumentMap, path: str | Path) -> None:
    """Write a map to a YAML file (see :func:`map_to_yaml`), replacing it atomically."""
    write_text(path, map_to_yaml(m))


def corpus_to_yaml(corpus: Corpus) -> str:
    """The corpus file (metadata and cross-essay relations) as YAML text."""
    source = _source(corpus)
    doc = source.working_copy() if source else CommentedMap()
    reader = Reader()
    meta = _drop_empty({key: getattr(corpus, key) for key in CORPUS.keys})
    if not isinstance(doc.get(CORPUS_KEY), CommentedMap):
        doc.insert(0, CORPUS_KEY, CommentedMap())
        old_meta = None
    else:
        old_meta = reader.corpus_meta(doc)
    _merge_fields(doc[CORPUS_KEY], old_meta, meta, CORPUS.keys)
    groups = [_flat_group(g) for g in corpus.equivalences]
    order = CORPUS_FILE.keys
    _merge_section(doc, "equivalences", groups, reader.group, _group_identity, GROUP.keys, order)
    relations = [_flat_relation(r) for r in corpus.relations]
    _merge_section(
        doc, "relations", relations, reader.relation, _edge_identity, RELATION.keys, order
    )
    return dump(doc, source.indent if source else (2, 4, 2))


def _map_files(corpus: Corpus, corpus_file: str) -> list[str]:
    """Each map's file name: the one it was read from, unless another map's is the same."""
    read_from = [
        Path(m.origin.path).name if _source(m) and m.origin and m.origin.path else None
        for m in corpus.maps
    ]
    taken = Counter(name for name in read_from if name is not None)
    names = [
        name if name is not None and taken[name] == 1 else f"{m.id}.yaml"
        for m, name in zip(corpus.maps, read_from, strict=True)
    ]
    clashes = sorted(n for n, k in Counter([*names, corpus_file]).items() if k > 1)
    if clashes:  # an essay id that is another map's file name, or the corpus file's
        raise ArgmapError(f"two files of the corpus would be named {', '.join(clashes)}")
    return names


def write_corpus(corpus: Corpus, directory: str | Path, corpus_file: str = "corpus.yaml") -> None:
    """Write a corpus to a folder: each map as ``<essay-id>.yaml`` and the corpus file.

    Maps and a corpus read from that folder are written back to the files they came from;
    maps read from files of the same name (copies, or maps of several folders) are written
    as ``<essay-id>.yaml`` instead, so that no map overwrites another.

    Raises
    ------
    ArgmapError
        If the folder cannot be made or a file cannot be written (code ``unwritable``).
    """
    directory = Path(directory)
    origin = corpus.origin
    if _source(corpus) and origin and origin.path:
        corpus_file = Path(origin.path).name
    names = _map_files(corpus, corpus_file)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = f"cannot make the folder: {exc.strerror or exc}"
        raise ArgmapError.at(message, "unwritable", str(directory)) from None
    for m, name in zip(corpus.maps, names, strict=True):
        write_map(m, directory / name)
    write_text(directory / corpus_file, corpus_to_yaml(corpus))

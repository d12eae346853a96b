r"""The fast read path: a YAML file's values through libyaml's C parser.

ruamel's round-trip parser (:mod:`~argmap.formats.yaml.document`) keeps comments, layout and
the position of every value, and is written in Python: about a second per thousand nodes of
a map. Most reads never write the file back nor report a problem, so they need none of that.
:func:`fast_document` reads the same text with libyaml's C parser (through PyYAML), resolves
plain scalars by ruamel's own table of YAML 1.2's rules, and gives plain dicts, lists and
scalars.

It answers only where it is sure to read what the round-trip parser reads, and returns
``None`` on any doubt, for the caller to take the round-trip path (whose problems are located
by line and column):

- libyaml is not there (PyYAML built without it);
- the text has what YAML 1.1 and 1.2 read differently, or libyaml and ruamel do: a directive
  (``%YAML``), a NEL, LS or PS line break, a carriage return not followed by a line feed, a
  byte-order mark, a tab, a block scalar's header touching a comment, a line of spaces only;
- libyaml refuses the text (a syntax error, nesting past its limit);
- a tag, an anchor or a complex key (``!``, ``&x``, ``*x`` or ``? `` after a space: it may
  be one), a merge key (``<<``), a duplicate key, a key that is not text, a list or
  mapping used twice through an alias, nesting deeper than
  :data:`~argmap.model.invariants.MAX_DEPTH`;
- a plain scalar that YAML 1.2 reads as a number or date in any form but the plain decimal
  ones (``0x1F``, ``1_000``, ``.5``, ``.inf``, a time of day).

>>> fast_document("id: a  # comment\nweight: 0.5\ndate: 2019-08-01\nok: yes\n")
{'id': 'a', 'weight': 0.5, 'date': datetime.date(2019, 8, 1), 'ok': 'yes'}
>>> fast_document("a: 1\na: 2\n") is None  # a duplicate key: the round-trip path reports it
True
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from functools import lru_cache
from typing import Any

from argmap.model.invariants import MAX_DEPTH

__all__ = ["fast_document", "fast_nodes"]

_DOUBTFUL_TEXT = re.compile(
    r"""^%                      # a directive
    | [\t\x85\u2028\u2029\ufeff] | \r(?!\n)   # a tab, a line break of YAML 1.1 only
    | (?:^|[\s\[{,])(?:!|[&*]\S|\?(?:\s|$))   # a tag, an anchor, an alias, a complex key
    | [|>][-+0-9]*\#          # a block scalar's header touching a comment
    | ^\ +\r?$                # a line of spaces only (in a block scalar: ruamel differs)
    """,
    re.MULTILINE | re.VERBOSE,
)
_PLAIN, _TEXT, _LIST, _MAPPING = "plain", "text", "list", "mapping"
"""What the parser's resolver tags a node with (an explicit tag is anything else)."""
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CORE = "tag:yaml.org,2002:"


class _Doubt(Exception):
    """The fast path cannot be sure it reads what the round-trip parser reads."""


@lru_cache(maxsize=1)
def _parser() -> Any:
    """The C parser with argmap's resolver, or ``None`` where PyYAML has no libyaml."""
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
        from yaml.nodes import ScalarNode, SequenceNode
    except ImportError:
        return None

    class Parser(CParser):
        def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return _PLAIN if implicit[0] else _TEXT
            return _LIST if kind is SequenceNode else _MAPPING

        def descend_resolver(self, parent: object, index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return Parser


@lru_cache(maxsize=1)
def _rules() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """The implicit-resolver table of ruamel for YAML 1.2, by first character."""
    from ruamel.yaml.resolver import VersionedResolver

    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = VersionedResolver(
        version=(1, 2)
    ).versioned_resolver
    return table


@lru_cache(maxsize=65536)
def _plain(text: str) -> Any:
    """A plain scalar's value as ruamel's round-trip parser reads it (or a doubt)."""
    rules = _rules()
    tag = "str"
    for name, pattern in [*rules.get(text[:1] if text else "", []), *rules.get(None, [])]:
        if pattern.match(text):
            tag = str(name).removeprefix(_CORE)
            break
    if tag == "str":
        return text
    if tag == "null":
        return None
    if tag == "bool":
        return text[0] in "tT"
    if tag == "int" and _INT.match(text):
        return int(text)
    if tag == "float" and _FLOAT.match(text):
        return float(text)
    if tag == "timestamp" and _DAY.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:  # not a day: read as its text, as the round-trip path does
            return text
    raise _Doubt(text)


def _value(node: Any, depth: int, seen: set[int]) -> Any:
    tag = node.tag
    if tag == _PLAIN:
        return _plain(node.value)
    if tag == _TEXT:
        return node.value
    if depth > MAX_DEPTH or id(node) in seen:
        raise _Doubt("too deep or aliased")
    seen.add(id(node))
    if tag == _LIST:
        return [_value(item, depth + 1, seen) for item in node.value]
    if tag != _MAPPING:
        raise _Doubt(f"tag {tag}")
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key_node.tag not in (_PLAIN, _TEXT) or key in mapping or key == "<<":
            raise _Doubt("key")
        if key_node.tag == _PLAIN and not isinstance(_plain(key), str):
            raise _Doubt("key")
        mapping[key] = _value(value_node, depth + 1, seen)
    return mapping


def _read(text: str) -> tuple[Any, dict[str, Any]] | None:
    """The libyaml node tree of ``text`` and its plain top-level mapping, from one parse."""
    parser = _parser()
    if parser is None or not text or _DOUBTFUL_TEXT.search(text):
        return None
    paused = gc.isenabled()
    gc.disable()
    try:
        from yaml import YAMLError

        loader = parser(text)
        try:
            node = loader.get_single_node()
            value = None if node is None else _value(node, 0, set())
        finally:
            loader.dispose()
    except (YAMLError, _Doubt, RecursionError):
        return None
    finally:
        if paused:
            gc.enable()
    return (node, value) if isinstance(value, dict) else None


def fast_nodes(text: str) -> Any:
    """The libyaml node tree of a text :func:`fast_document` reads (for positions), or ``None``.

    Each node has ``start_mark`` (0-based ``line`` and ``column``); a scalar its ``style``
    (``'`` or ``"`` when quoted); a mapping's ``value`` is its (key, value) node pairs.
    """
    read = _read(text)
    return None if read is None else read[0]


def fast_document(text: str) -> dict[str, Any] | None:
    """The top-level mapping of ``text`` as plain values, or ``None`` on any doubt (see above)."""
    read = _read(text)
    return None if read is None else read[1]

r"""Building DOT with the graphviz package, safely, and running Graphviz's ``dot`` through it.

Diagrams are :class:`SafeDigraph` objects: ``graphviz.Digraph`` with its quoting hooks
replaced by argmap's own, so that every identifier, attribute key and attribute value given
to it, from any of its methods (``node``, ``edge``, ``attr``, ``subgraph``, the
``graph_attr``, ``node_attr`` and ``edge_attr`` mappings), is shown literally. The package's
own quoting is not enough for text from a map: it passes a value of the form ``<...>``
through as an HTML-like label, lets backslash escapes like ``\N`` or ``\G`` through, and
splits an edge end at ``:`` into node, port and compass point. So text reaches DOT through
:func:`quote` only (a double-quoted string with backslashes, quotes and line breaks escaped,
so no DOT escape sequence and no attribute can be injected), and the only markup is an
:class:`Html` label, built with :func:`html_label` from parts that went through
:func:`html_text` (``&``, ``<``, ``>`` and quotes escaped, so no markup can be injected).
``dot`` then escapes text again when it writes SVG.
"""

from __future__ import annotations

import functools
import html
import os
import re
import subprocess
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

import graphviz

from argmap.errors import ArgmapError
from argmap.options import DiagramFormat

__all__ = [
    "Html",
    "SafeDigraph",
    "html_label",
    "html_text",
    "quote",
    "run_dot",
    "run_dots",
    "same_rank",
    "wrap",
]

"""Output formats: ``dot`` is the source itself, the others are drawn by Graphviz."""


def quote(text: str) -> str:
    r"""A DOT double-quoted string that shows ``text`` literally.

    >>> print(quote('say "hi" \\N'))
    "say \"hi\" \\N"
    >>> print(quote("<b>x</b>"), quote("a -> b"), quote("node"), quote("hawk:r-talks"))
    "<b>x</b>" "a -> b" "node" "hawk:r-talks"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


WORD_JOINER = "\u2060"
"""An invisible character that :func:`html_text` puts after each backslash."""


def html_text(text: str) -> str:
    r"""Text for inside an HTML-like label: markup characters escaped, line breaks kept.

    ``dot`` (2.43 at least) reads backslash escapes even in HTML-like labels: ``\N`` would
    show the node's name, ``\G`` the graph's, ``\\`` one backslash. So every backslash is
    followed by an invisible :data:`WORD_JOINER`, which no escape starts with.

    >>> html_text('<script> & "x"')
    '&lt;script&gt; &amp; &quot;x&quot;'
    >>> html_text("a \\N") == "a \\" + WORD_JOINER + "N"
    True
    """
    return "<BR/>".join(
        html.escape(line.replace("\\", "\\" + WORD_JOINER), quote=True)
        for line in text.splitlines() or [""]
    )


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, as even as they can be (long words are broken).

    As few lines as ``width`` allows, then the narrowest measure that still gives that many,
    so that a text of one and a half lines makes two half-full lines, not one full and one
    short, and a node is as wide as its text needs.

    >>> wrap("The relationship between Seoul and Tokyo may now recover.", 40)
    ['The relationship between Seoul', 'and Tokyo may now recover.']
    """
    words = " ".join(text.split())
    lines = textwrap.wrap(words, width) or [""]
    if len(lines) < 2:
        return lines
    low = max(1, -(-len(words) // len(lines)))  # the measure if every line were full
    for measure in range(low, width):
        even = textwrap.wrap(words, measure)
        if len(even) == len(lines):
            return even
    return lines


Given = Mapping[str, object] | Iterable[tuple[str, object]] | None
"""Attributes as graphviz takes them: a mapping, ``(key, value)`` pairs, or none."""


class Html(str):
    """An HTML-like label's markup, written by this package (never by a map's text)."""

    __slots__ = ()


def html_label(markup: str) -> Html:
    """Mark markup (whose text parts went through :func:`html_text`) as a label."""
    return Html(f"<{markup}>")


def _value(item: object) -> str:
    """An attribute value: an :class:`Html` label as it is, anything else :func:`quote`.

    >>> print(_value(0.3), _value("<x>"), _value(html_label("<B>x</B>")))
    "0.3" "<x>" <<B>x</B>>
    """
    return item if isinstance(item, Html) else quote(str(item))


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


@functools.lru_cache(maxsize=256)  # attribute names are few
def _key(key: str) -> str:
    """An attribute name: bare when a plain name (as all of Graphviz's are), else quoted."""
    return key if _NAME.fullmatch(key) and key.lower() not in _KEYWORDS else quote(key)


def a_list(
    label: object = None, kwargs: Mapping[str, object] | None = None, attributes: Given = None
) -> str:
    """Attributes as DOT, ``key="value", ...``: the package's ``a_list`` hook, argmap's quoting.

    In the order given (graphviz would sort plain dicts): ``label``, the keywords, then
    ``attributes`` (a mapping or pairs); a ``None`` value means no attribute.

    >>> a_list("<x>", {"shape": "box"}, [("width", 0.5), ("color", None)])
    'label="<x>", shape="box", width="0.5"'
    """
    items: list[tuple[str, object]] = [] if label is None else [("label", label)]
    items += (kwargs or {}).items()
    if isinstance(attributes, Mapping):
        items += attributes.items()
    elif attributes:
        items += attributes
    return ", ".join(f"{_key(key)}={_value(item)}" for key, item in items if item is not None)


def attr_list(
    label: object = None, kwargs: Mapping[str, object] | None = None, attributes: Given = None
) -> str:
    """An attribute list, `` [key="value", ...]``, or nothing: the ``attr_list`` hook."""
    content = a_list(label, kwargs, attributes)
    return f" [{content}]" if content else ""


class SafeDigraph(graphviz.Digraph):  # type: ignore[misc]
    r"""A ``graphviz.Digraph`` that shows every name and value given to it literally.

    It replaces the package's quoting hooks (the ``graphviz.quoting.Quote`` mixin): names go
    through :func:`quote`, attribute lists through :func:`a_list` and :func:`attr_list`. Pass
    text as it is, never escaped; only an :class:`Html` value is read as markup. An edge end
    is a node name: a ``:`` in it is part of the name, not a port (the package would split it,
    see https://github.com/xflr6/graphviz/issues/53). Subgraphs are of this class too.

    >>> g = SafeDigraph(name="g", graph_attr={"label": html_label("<B>T</B>")})
    >>> g.edge("a:b", "<x>", _attributes={"tooltip": '"]; evil [label="x', "penwidth": 2})
    >>> print(g.source, end="")  # doctest: +NORMALIZE_WHITESPACE
    digraph "g" {
        graph [label=<<B>T</B>>]
        "a:b" -> "<x>" [tooltip="\"]; evil [label=\"x", penwidth="2"]
    }
    """

    _quote = staticmethod(quote)
    _quote_edge = staticmethod(quote)
    _a_list = staticmethod(a_list)
    _attr_list = staticmethod(attr_list)


def same_rank(graph: SafeDigraph, rank: str, names: Iterable[str]) -> None:
    """Put nodes on one rank (``min``, ``max``, ``same``, ``source``, ``sink``).

    An anonymous subgraph with ``rank`` set; nothing when ``names`` is empty.
    """
    members = list(names)
    if not members:
        return
    with graph.subgraph() as group:
        group.attr(rank=rank)
        for name in members:
            group.node(name)


def run_dot(source: str, fmt: str | DiagramFormat, timeout: float | None = None) -> bytes:
    """Lay out DOT with Graphviz's ``dot`` (through the graphviz package) and draw it.

    Returns the drawing in ``fmt``; the DOT text itself for ``dot``. ``dot``'s warnings are
    not printed. With ``timeout`` (seconds), ``dot`` is stopped when it takes longer.

    Raises
    ------
    ArgmapError
        If ``dot`` is missing, fails or takes longer than ``timeout``, or the format is
        unknown.
    """
    chosen = DiagramFormat.parse(fmt)
    if chosen is DiagramFormat.DOT:
        return source.encode("utf-8")
    try:
        return _pipe(source, chosen.value, timeout)
    except graphviz.ExecutableNotFound:
        raise ArgmapError(
            "Graphviz's dot is not installed; install the graphviz system package "
            "(make demo does), or write the DOT source with -o x.dot"
        ) from None
    except graphviz.CalledProcessError as exc:
        stderr = exc.stderr.decode("utf-8", "replace") if exc.stderr else ""
        raise ArgmapError(f"dot failed: {stderr.strip() or exc}") from None
    except subprocess.TimeoutExpired:
        raise ArgmapError(f"dot took longer than {timeout} s") from None


def run_dots(sources: Sequence[str], fmt: str | DiagramFormat) -> list[bytes]:
    """:func:`run_dot` on each source, one ``dot`` process per CPU at a time.

    ``dot`` works outside Python, so threads are enough to keep every CPU busy; a report of
    a thousand essays spends most of its time there.
    """
    if len(sources) < 2:
        return [run_dot(source, fmt) for source in sources]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda source: run_dot(source, fmt), sources))


def _pipe(source: str, fmt: str, timeout: float | None) -> bytes:
    """``dot -T fmt`` on ``source``, run by the graphviz package.

    graphviz (0.20, 0.21) has no timeout on ``pipe``; with a timeout, this runs the command
    ``pipe`` would run through the package's own runner, which hands the timeout on to
    ``subprocess.run`` (that kills ``dot`` when it expires).
    """
    if timeout is None:
        return bytes(graphviz.Source(source).pipe(format=fmt, quiet=True))
    from graphviz.backend import dot_command, execute

    done = execute.run_check(
        dot_command.command("dot", fmt),
        input=source.encode("utf-8"),
        capture_output=True,
        quiet=True,
        timeout=timeout,
    )
    return bytes(done.stdout)

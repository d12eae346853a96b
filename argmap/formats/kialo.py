r"""Kialo's plain-text discussion export, both ways.

A Kialo export is a title line and one claim per line, numbered by its place in the tree::

    Discussion Title: Should the town build the bridge?

    1. The town should build the bridge.
    1.1. Pro: The ferry takes an hour.
    1.1.1. Con: A faster ferry is on order.
    1.2. Con: It costs too much.
    1.3. Pro: -> See 1.1.1.

Reading:

- the claim ``1.`` is the thesis, the root of the map; every claim becomes a ``claim`` node
  whose id is its number without the last dot (``1.1.1``);
- ``N. Pro: text`` is a support of N's parent, ``N. Con: text`` an attack on it;
- ``N. Pro: -> See M.`` re-uses claim M: it is one more edge from the existing node M (a
  link, not a copy), and a claim under N is about M;
- a *multi-thesis* discussion (claims under ``1.`` without ``Pro:``/``Con:``) has a question
  for its root: the question is kept in the map's ``data["kialo"]["question"]`` and each
  thesis is a node of its own (a root);
- a backslash escape (``\(``, ``\]``, …) is undone; Markdown links ``[text](url)`` stay as
  they are; a line that is not numbered continues the claim before it (kept with ``\n``).

Every malformed line (a number with no parent, a repeated number, a missing or unknown
stance, a re-use of a claim that is not there) is reported at once, with its line and column.

Writing reverses this: the map's roots are the thesis (one root) or the theses under a
question (several; the question is the map's ``data["kialo"]["question"]`` or its title); a
node is written where it is first reached from them, and every other edge from it is a
``-> See`` line. Node kinds, tags, locators, notes, weights, actors and edge ids are lost; a
linked reason becomes one ``Pro:`` per premise; an undercut becomes a ``Con:`` of the reason's
premise. A map read from Kialo and written back reads back equal.

>>> m = loads("Discussion Title: Bridge?\n\n1. Build it.\n1.1. Pro: Ferries are slow.\n"
...           "1.2. Con: Too dear \\(say critics\\).\n1.2.1. Con: -> See 1.1.\n")
>>> [(n.id, n.text) for n in m.nodes]
[('1', 'Build it.'), ('1.1', 'Ferries are slow.'), ('1.2', 'Too dear (say critics).')]
>>> [e.key for e in m.edges]
['support:1.1->1', 'attack:1.2->1', 'kialo-1.2.1']
>>> print(dumps(m), end="")
Discussion Title: Bridge?
<BLANKLINE>
1. Build it.
1.1. Pro: Ferries are slow.
1.2. Con: Too dear \(say critics\).
1.2.1. Con: -> See 1.1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import ArgmapError, Problem
from argmap.model import ArgumentMap, Edge, EdgeKind, Node

__all__ = ["dumps", "escape", "loads", "unescape"]

TITLE = "Discussion Title:"
_NUMBERED = re.compile(r"(?P<number>\d+(?:\.\d+)*)\.(?:[ \t]+|$)")
_ALMOST = re.compile(r"(?P<number>\d+(?:\.\d+)*)\.?[ \t]*(?:Pro|Con):", re.IGNORECASE)
"""A line meant as a claim but not numbered right (``1.2 Pro:``, ``1.2.Con:``)."""
_CLAIM = re.compile(r"(?:(?P<stance>[A-Za-z]+):[ \t]*)?(?P<text>.*)")
_SEE = re.compile(r"->[ \t]*See[ \t]+(?P<number>\d+(?:\.\d+)*)\.?[ \t]*$")
_LINK = re.compile(r"\[(?:[^\[\]\\\n]|\\.)*\]\([^()\n]*\)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPECIAL = re.compile(r"[\\\[\]()]")
STANCES = {"pro": EdgeKind.SUPPORT, "con": EdgeKind.ATTACK}


def _outside_links(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to every part outside a Markdown link."""
    out: list[str] = []
    at = 0
    for link in _LINK.finditer(text):
        out += [change(text[at : link.start()]), link.group()]
        at = link.end()
    out.append(change(text[at:]))
    return "".join(out)


def unescape(text: str) -> str:
    r"""Kialo's text with its backslash escapes undone; Markdown links stay as written.

    >>> unescape(r"1\) see [the study](http://x.org/a) \[sic\]")
    '1) see [the study](http://x.org/a) [sic]'
    """
    return _outside_links(text, lambda part: _ESCAPED.sub(r"\1", part))


def escape(text: str) -> str:
    r"""A text as Kialo writes it: ``\ [ ] ( )`` escaped outside Markdown links.

    >>> escape("1) see [the study](http://x.org/a) [sic]")
    '1\\) see [the study](http://x.org/a) \\[sic\\]'
    """
    written = _outside_links(text, lambda part: _SPECIAL.sub(r"\\\g<0>", part))
    if _SEE.match(written):  # a text that reads as a re-use
        written = "\\" + written
    written = re.sub(r"^([A-Za-z]+):", r"\1\\:", written)  # not a stance
    lines = written.split("\n")
    return "\n".join([lines[0], *(_continued(s) for s in lines[1:])])


def _continued(line: str) -> str:
    r"""A line after a claim's first, marked with ``\\`` where it would read as a claim or blank."""
    line = line.strip()
    return "\\" + line if not line or line[0].isdigit() else line


@dataclass
class _Line:
    """A numbered claim line (with any continuation lines)."""

    number: str
    stance: EdgeKind | None
    text: str
    line: int
    column: int
    see: str | None = None
    see_column: int = 0
    raw: list[str] = field(default_factory=list)


def _problem(path: str, line: int, column: int, message: str, code: str) -> Problem:
    return Problem(message, code=code, path=path, line=line, column=column)


def _parse_lines(text: str, path: str) -> tuple[str | None, list[_Line], list[Problem]]:
    """The title, the claim lines and the problems of a Kialo export's text."""
    title: str | None = None
    claims: list[_Line] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip()) + 1
        if not claims and title is None and stripped.startswith(TITLE):
            title = stripped[len(TITLE) :].strip()
            continue
        numbered = _NUMBERED.match(stripped)
        if numbered is None and (almost := _ALMOST.match(stripped)):
            problems.append(
                _problem(
                    path,
                    number,
                    indent + almost.end("number"),
                    f"a claim number ends with '.' and a space ('{almost['number']}. Pro: text')",
                    "kialo-syntax",
                )
            )
            continue
        if numbered is None:
            if claims and stripped:
                claims[-1].raw.append(stripped)
            elif stripped:
                problems.append(
                    _problem(
                        path,
                        number,
                        indent,
                        "expected a numbered claim ('1. text') or 'Discussion Title: …'",
                        "kialo-syntax",
                    )
                )
            continue
        rest = stripped[numbered.end() :]
        claim = _CLAIM.fullmatch(rest)
        assert claim is not None  # the pattern matches any text
        stance: EdgeKind | None = None
        body, body_at = rest, indent + numbered.end()
        if claim["stance"] is not None and claim["stance"].lower() in STANCES:
            stance = STANCES[claim["stance"].lower()]
            body, body_at = claim["text"], indent + numbered.end() + claim.start("text")
        entry = _Line(numbered["number"], stance, body, number, body_at)
        if see := _SEE.match(body):
            entry.see, entry.see_column = see["number"], body_at + see.start("number")
        claims.append(entry)
    return title, claims, problems


def _is_question(claims: list[_Line]) -> bool:
    """Whether ``1.`` is a question: it has claims under it and none takes a stance."""
    under = [c for c in claims if c.number.count(".") == 1]
    return bool(under) and all(c.stance is None for c in under)


def _check_tree(claims: list[_Line], path: str) -> list[Problem]:
    """Each number's parent comes before it, numbers are unique, stances where they belong."""
    problems: list[Problem] = []
    seen: dict[str, _Line] = {}
    question = _is_question(claims)
    for c in claims:
        parent = c.number.rpartition(".")[0]
        if c.number in seen:
            message = f"claim {c.number}. is numbered twice (first on line {seen[c.number].line})"
            problems.append(_problem(path, c.line, 1, message, "duplicate-id"))
            continue
        if not parent and (seen or c.number != "1"):
            message = f"the thesis is claim 1. and comes first (found {c.number}.)"
            problems.append(_problem(path, c.line, 1, message, "kialo-tree"))
        elif parent and parent not in seen:
            message = f"claim {c.number}. comes before its parent {parent}."
            problems.append(_problem(path, c.line, 1, message, "kialo-tree"))
        if not parent and c.stance is not None:
            message = "the thesis 1. has no stance (Pro: or Con:)"
            problems.append(_problem(path, c.line, c.column, message, "kialo-stance"))
        elif parent and c.stance is None and (parent != "1" or not question):
            message = f"claim {c.number}. needs a stance: 'Pro:' or 'Con:'"
            problems.append(_problem(path, c.line, c.column, message, "kialo-stance"))
        elif question and parent == "1" and c.stance is not None:
            message = f"claim {c.number}. is under a question (1. has theses): it takes no stance"
            problems.append(_problem(path, c.line, c.column, message, "kialo-stance"))
        seen[c.number] = c
    return problems + _check_reuses(claims, seen, path)


def _check_reuses(claims: list[_Line], seen: dict[str, _Line], path: str) -> list[Problem]:
    """Each ``-> See M.`` names a claim of the discussion, and takes a stance."""
    problems: list[Problem] = []
    for c in claims:
        if c.see is not None and (c.see not in seen or seen[c.see].see is not None):
            message = f"'-> See {c.see}.' names no claim of the discussion"
            problems.append(_problem(path, c.line, c.see_column, message, "unknown-node"))
        elif c.see is not None and c.stance is None:
            message = "a re-used claim ('-> See') needs a stance: 'Pro:' or 'Con:'"
            problems.append(_problem(path, c.line, c.column, message, "kialo-stance"))
    return problems


def _text(c: _Line) -> str:
    """A claim's text, its continuation lines unmarked (see :func:`_continued`), still escaped."""
    rest = [s[1:] if s == "\\" or (s[:1] == "\\" and s[1:2].isdigit()) else s for s in c.raw]
    return "\n".join([c.text, *rest])


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """A map from a Kialo plain-text export (the format contract's reader).

    The map's id is the file's name (``kialo`` for text with no file); its title the
    discussion's title (else the thesis).

    Raises
    ------
    ArgmapError
        Listing every malformed line, each with its line and column.
    """
    title, claims, problems = _parse_lines(text, path)
    if not claims and not problems:
        problems.append(_problem(path, 1, 1, "no claims: expected '1. thesis'", "kialo-syntax"))
    problems += _check_tree(claims, path)
    if problems:
        raise ArgmapError.from_problems(problems)
    node_of = {c.number: c.see or c.number for c in claims}
    question = _is_question(claims)
    nodes: list[Node] = []
    edges: list[Edge] = []
    lines: dict[tuple[EdgeKind, str, str], int] = {}  # an edge's ends -> the line that made it
    for c in claims:
        if question and c.number == "1":
            continue
        if c.see is None:
            body = _text(c)
            nodes.append(Node(c.number, "claim", unescape(body) if body.strip() else "(no text)"))
        if c.stance is None:
            continue
        ends = (c.stance, node_of[c.number], node_of[c.number.rpartition(".")[0]])
        if ends in lines or (ends[0] is EdgeKind.SUPPORT and ends[1] == ends[2]):
            again = f"again (line {lines[ends]})" if ends in lines else "itself"
            message = f"claim {ends[1]}. {ends[0].value}s {ends[2]}. {again}: argmap holds one edge"
            problems.append(_problem(path, c.line, c.see_column or c.column, message, "kialo-tree"))
            continue
        lines[ends] = c.line
        edges.append(Edge(*ends, id=f"kialo-{c.number}" if c.see is not None else None))
    if problems:
        raise ArgmapError.from_problems(problems)
    thesis = claims[0]
    data = {"kialo": {"question": unescape(_text(thesis))}} if question else {}
    stem = Path(path).stem if path != "<input>" else "kialo"
    map_id = re.sub(r"[^A-Za-z0-9_.-]", "_", stem).strip(".-") or "kialo"
    return ArgumentMap(
        map_id, title or unescape(_text(thesis)), nodes, edges, data=data, origin=None
    )


class _Writer:
    """The state of writing one map as a Kialo tree."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.lines: list[str] = []
        self.placed: dict[str, str] = {}  # node id -> its claim number
        self.into: dict[str, list[tuple[Edge, str]]] = {}  # node id -> (edge, premise) into it
        seen: set[tuple[EdgeKind, str, str]] = set()  # what Kialo can hold once
        for e in m.edges:
            target = m.edge(e.target).source if m.is_undercut(e) else e.target
            for premise in e.premises:
                if (e.kind, premise, target) not in seen:
                    seen.add((e.kind, premise, target))
                    self.into.setdefault(target, []).append((e, premise))

    def claim(self, number: str, stance: str, text: str) -> None:
        self.lines.append(f"{number}. {stance}{escape(text)}")

    def tree(self, node_id: str, number: str) -> None:
        """Write the claims under a placed node, depth first (iteratively: no recursion limit)."""
        stack: list[Iterator[tuple[str, str]]] = [self._children(node_id, number)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            else:
                stack.append(self._children(*child))

    def _children(self, node_id: str, number: str) -> Iterator[tuple[str, str]]:
        for i, (e, premise) in enumerate(self.into.get(node_id, []), 1):
            stance = "Pro: " if e.kind is EdgeKind.SUPPORT else "Con: "
            child = f"{number}.{i}"
            if premise in self.placed:
                self.lines.append(f"{child}. {stance}-> See {self.placed[premise]}.")
                continue
            self.placed[premise] = child
            self.claim(child, stance, self.m.node(premise).text)
            yield premise, child


def dumps(m: ArgumentMap) -> str:
    """A map as a Kialo plain-text export (the format contract's writer).

    Raises
    ------
    ArgmapError
        For a map with no nodes.
    """
    if not m.nodes:
        raise ArgmapError.at("a Kialo discussion needs a thesis: the map has no nodes", "empty-map")
    sources = {p for e in m.edges for p in e.premises}
    theses = [n.id for n in m.nodes if n.id not in sources]
    kialo = m.data.get("kialo")
    question = kialo.get("question") if isinstance(kialo, dict) else None
    w = _Writer(m)
    if len(theses) == 1 and not isinstance(question, str):
        w.placed[theses[0]] = "1"
        w.claim("1", "", m.node(theses[0]).text)
        w.tree(theses[0], "1")
    if len(w.placed) < len(m.nodes):  # several roots, or a cycle the thesis does not reach
        w = _Writer(m)
        w.claim("1", "", question if isinstance(question, str) else m.title)
        count = 0
        for node_id in [*theses, *(n.id for n in m.nodes)]:
            if node_id not in w.placed:
                count += 1
                w.placed[node_id] = f"1.{count}"
                w.claim(f"1.{count}", "", m.node(node_id).text)
                w.tree(node_id, f"1.{count}")
    return f"{TITLE} {' '.join(m.title.split())}\n\n" + "\n".join(w.lines) + "\n"

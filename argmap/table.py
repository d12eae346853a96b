"""Plain-text tables and text that fit a width, for people reading a terminal.

>>> print(format_table(["essay", "nodes"], [["a", 3], ["bb", 12]]))
essay  nodes
-----  -----
a          3
bb        12

Given a ``width``, a table that is too wide is fitted in this order: headers wrap at their
spaces; the columns of free text named in ``cut`` are shortened (cut at a word, with an
ellipsis "…"); other text columns wrap at spaces and after the ``:`` of an ``essay:node``
reference; a cut column that would keep fewer than 16 characters is left out. An id is
never split (not at its hyphens either): as a last resort, a first-column cell too long for
its column takes a line of its own and its row continues on the next line.

>>> rows = [["hawk:c-threat", 2, "The missile threat is growing fast"]]
>>> print(format_table(["node", "n", "text"], rows, width=30, cut=(2,)))
node       n  text
---------  -  ----------------
hawk:      2  The missile…
c-threat
>>> print(format_table(["essay", "nodes"], [["our-national-conversation", 3]], width=12))
essay  nodes
-----  -----
our-national-conversation
           3
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

__all__ = ["ELLIPSIS", "fill", "format_table", "shorten"]

ELLIPSIS = "…"
"""What marks text that was cut."""

_COMFORTABLE = 24
"""A cut column keeps this many characters while headers can still wrap."""
_USEFUL = 16
"""A cut column keeps this many characters while other text columns can still wrap."""


def _pieces(word: str) -> list[str]:
    """A word as the pieces a line may break between: after each ``:`` (an ``essay:node``).

    Never at hyphens, so an id stays whole.
    """
    return re.split(r"(?<=:)(?=.)", word)


def _longest_piece(text: str) -> int:
    """The narrowest column ``text`` can wrap into without splitting a piece."""
    return max((len(p) for word in text.split() for p in _pieces(word)), default=0)


def fill(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """``text`` wrapped into lines of at most ``width`` characters where it can be.

    Breaks at spaces and after ``:``; a piece longer than the room (an id) stays whole on a
    line of its own rather than be split. The first line starts with ``indent``, the others
    with ``hanging`` (default: ``indent``).

    >>> fill("aum-silverberg-2021:c-quiet-works attacks hudson-cronin-2019:r-x", 22)
    ['aum-silverberg-2021:', 'c-quiet-works attacks', 'hudson-cronin-2019:r-x']
    >>> fill("alpha beta gamma", 11, hanging="  ")
    ['alpha beta', '  gamma']
    """
    after = indent if hanging is None else hanging
    lines: list[str] = []
    current = indent

    def add(piece: str, glue: str) -> None:
        nonlocal current
        start = after if lines else indent
        candidate = current + (glue if current != start else "") + piece
        if len(candidate) <= width or current == start:
            current = candidate
        else:
            lines.append(current)
            current = after + piece

    for word in text.split():
        start = after if lines else indent
        fits_here = len(current) + (current != start) + len(word) <= width
        if fits_here or len(after) + len(word) <= width:  # a whole word moves down whole
            add(word, " ")
            continue
        for i, piece in enumerate(_pieces(word)):  # a reference too long for any line
            add(piece, "" if i else " ")
    return [*lines, current]


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters: cut at a word, with an ellipsis if cut.

    >>> shorten("Washington should stay out of it", 20)
    'Washington should…'
    >>> shorten("short", 20), shorten("unbreakable-identifier", 10)
    ('short', 'unbreakab…')
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    room = text[: width - 1]
    space = room.rfind(" ")
    if space >= (width - 1) // 2:  # cut at a word unless that loses most of the room
        room = room[:space]
    return room.rstrip(" ,;:-–—") + ELLIPSIS


class _Widths:
    """Column widths being fitted to a line width, one step of the module's order at a time."""

    def __init__(self, widths: list[int], width: int, gap: int) -> None:
        self.ws = list(widths)
        self.width = width
        self.gap = gap

    def excess(self) -> int:
        """How many characters too wide the table is (0 or less: it fits)."""
        return sum(self.ws) + self.gap * (len(self.ws) - 1) - self.width

    def shrink(self, i: int, floor: int) -> None:
        """Narrow column ``i`` as far as needed, not below ``floor``."""
        if self.excess() > 0 and self.ws[i] > floor:
            self.ws[i] = max(floor, self.ws[i] - self.excess())

    def wrap(self, floors: dict[int, int]) -> None:
        """Narrow the widest columns that can still wrap, down to their ``floors``."""
        while self.excess() > 0:
            room = [i for i, floor in floors.items() if self.ws[i] > floor]
            if not room:
                return
            widest = max(room, key=lambda i: self.ws[i])
            self.shrink(widest, max(floors[widest], 1))


def _fit(
    widths: list[int],
    width: int,
    gap: int,
    columns: list[list[str]],
    numeric: list[bool],
    cut: Collection[int],
) -> list[int]:
    """Column widths that fit ``width`` as far as the order of the module's docstring allows."""
    fitted = _Widths(widths, width, gap)
    header_floor = [_longest_piece(col[0]) for col in columns]
    for i in sorted(range(len(columns)), key=lambda i: not numeric[i]):
        if i not in cut:  # wrap headers above their cells, numbers' first
            fitted.shrink(i, max([header_floor[i], *(len(c) for c in columns[i][1:])]))
    for i in cut:
        fitted.shrink(i, max(min(fitted.ws[i], _COMFORTABLE), header_floor[i]))
    for i in cut:
        fitted.shrink(i, max(min(fitted.ws[i], _USEFUL), header_floor[i]))
    wrappable = [i for i in range(len(widths)) if not numeric[i] and i not in cut]
    fitted.wrap({i: max(_longest_piece(c) for c in columns[i]) for i in wrappable})
    for i in cut:
        fitted.shrink(i, 0)  # narrower than _USEFUL: format_table leaves it out
    if columns and not numeric[0] and 0 not in cut:
        fitted.shrink(
            0, max(header_floor[0], 1)
        )  # its too-long cells spill onto a line of their own
    return fitted.ws


def format_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    width: int | None = None,
    cut: Collection[int] = (),
    gap: int = 2,
    rule: bool = True,
) -> str:
    """Align columns: numbers to the right, text to the left; a rule under the headers.

    Parameters
    ----------
    headers, rows
        The column titles and the cells (numbers are right-aligned).
    width
        The longest line wanted; ``None`` for no limit. See the module's docstring for how
        a table is fitted; a table can still be wider when its ids and numbers alone are.
    cut
        The indices of columns of free text that may be cut (with "…") to fit, or left out
        when too little of them would be left.
    gap
        The spaces between two columns.
    rule
        Whether a rule of dashes separates the headers from the rows.
    """
    cells = [[str(c) for c in row] for row in rows]
    numeric = [
        all(isinstance(row[i], int | float) for row in rows) if rows else False
        for i in range(len(headers))
    ]
    columns = [[h, *(r[i] for r in cells)] for i, h in enumerate(headers)]
    natural = [max(len(c) for c in col) for col in columns]
    ws = natural if width is None else _fit(natural, width, gap, columns, numeric, cut)
    narrow = [i for i in cut if ws[i] < min(natural[i], _USEFUL)]
    if narrow:  # a few letters of text say nothing: leave the column out
        kept = [i for i in range(len(headers)) if i not in narrow]
        return format_table(
            [headers[i] for i in kept],
            [[row[i] for i in kept] for row in rows],
            width=width,
            cut=[kept.index(i) for i in cut if i in kept],
            gap=gap,
            rule=rule,
        )
    sep = " " * gap

    def cell_lines(i: int, value: str) -> list[str]:
        if i in cut:
            return [shorten(value, ws[i])]
        if len(value) <= ws[i]:
            return [value]
        return fill(value, ws[i], hanging="" if numeric[i] or ws[i] < 12 else "  ")

    def block(values: Sequence[str], bottom: bool = False) -> list[str]:
        parts = [cell_lines(i, v) for i, v in enumerate(values)]
        out: list[str] = []
        if parts and len(parts[0]) > 0 and _longest_piece(values[0]) > ws[0] and len(ws) > 1:
            out.append(values[0])  # an id too long for the first column: a line of its own
            parts[0] = [""]
        height = max(len(p) for p in parts)
        pad = [[""] * (height - len(p)) for p in parts]
        full = [pad[i] + p if bottom else p + pad[i] for i, p in enumerate(parts)]
        for k in range(height):
            line = [
                full[i][k].rjust(ws[i]) if numeric[i] else full[i][k].ljust(ws[i])
                for i in range(len(values))
            ]
            out.append(sep.join(line).rstrip())
        return out

    out = block(list(headers), bottom=True)
    if rule:
        out.append(sep.join("-" * w for w in ws).rstrip())
    for row in cells:
        out += block(row)
    return "\n".join(out)

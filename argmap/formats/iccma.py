r"""The ICCMA competition's abstract-framework formats: i23, apx and tgf, on plain data.

- **i23** (ICCMA 2023): a header ``p af N``, then one attack ``i j`` per line; arguments are
  ``1`` to ``N``; lines starting with ``#`` are comments (argmap writes ``# i name`` lines
  that name the arguments, and reads them back when all are there).
- **apx** (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment.
- **tgf** (trivial graph format): one argument per line, a line ``#``, then ``a b`` per attack.

This module works on a :class:`Frame` (argument names and attack pairs) and on maps of
claims and attacks; it knows nothing of :class:`argmap.framework.AF`, which reads and writes
its files through :func:`parse_frame` and :func:`format_frame`. Errors name the file, the
line and what is wrong.

>>> frame = parse_frame("p af 3\n# a comment\n1 2\n2 3\n", "i23")
>>> frame.attacks
(('1', '2'), ('2', '3'))
>>> print(format_frame(frame, "apx"), end="")
arg(1).
arg(2).
arg(3).
att(1,2).
att(2,3).
>>> print(dumps_tgf(loads_apx("arg(a). arg(b). att(a,b).", "x.apx")), end="")
a
b
#
a b
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

# The map model (and attrs under it) is imported inside the functions that make or read
# maps: a framework read by ``argmap solve`` never needs it, and start-up is its cost.

__all__ = [
    "FRAME_FORMATS",
    "Frame",
    "dumps_apx",
    "dumps_i23",
    "dumps_tgf",
    "format_frame",
    "frame_of_map",
    "loads_apx",
    "loads_i23",
    "loads_tgf",
    "map_of_frame",
    "parse_frame",
    "scan_i23",
]

FRAME_FORMATS = ("i23", "apx", "tgf")
"""The formats this module reads and writes (the registry names them too)."""


class Frame(NamedTuple):
    """An abstract framework as plain data: argument names, and attacks between them."""

    arguments: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...]


_APX = re.compile(r"(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.")


MAX_ARGUMENTS = 10**8
"""The most arguments an i23 header may declare (a typo of a few digits would otherwise
make the reader allocate for billions of arguments)."""


def _fail(path: str, line: int, message: str) -> ArgmapError:
    return ArgmapError(message, path=path, line=line, column=1)


_HEADER = re.compile(r"p[ \t]+af[ \t]+([0-9]+)[ \t]*")


def _i23_error(path: str, line: int, column: int, message: str) -> ArgmapError:
    return ArgmapError.at(message, "i23-number", path, line, column)


def _i23_number(token: str, path: str, line: int, column: int) -> int:
    """An argument number or a size: ASCII digits, no leading zero (but ``0`` itself)."""
    if not (token.isascii() and token.isdigit()):
        raise _i23_error(
            path,
            line,
            column,
            f"expected an attack 'i j' of numbers: '{token}' is not ASCII digits",
        )
    if len(token) > 1 and token[0] == "0":
        raise _i23_error(
            path,
            line,
            column,
            f"argument '{token}' has a leading zero; i23 numbers are written 1 to N",
        )
    return int(token)


def _i23_attack(raw: str, n: int, path: str, line: int) -> tuple[int, int]:
    """The 0-based ends of the attack line ``raw`` (``i j``)."""
    parts = raw.split()
    if len(parts) != 2:
        raise _i23_error(path, line, 1, f"expected an attack 'i j', found '{raw.strip()}'")
    ends = []
    column = 1
    for token in parts:
        column = raw.index(token, column - 1) + 1
        value = _i23_number(token, path, line, column)
        if not 1 <= value <= n:
            raise _i23_error(path, line, column, f"argument {token} is outside 1..{n}")
        ends.append(value - 1)
        column += len(token)
    return ends[0], ends[1]


def _i23_header(raw: str, path: str, line: int) -> int:
    """N of the header line ``p af N``."""
    match = _HEADER.fullmatch(raw.strip(" \t\r"))
    if match is None:
        message = f"expected the header 'p af N', found '{raw.strip()}'"
        raise ArgmapError.at(message, "i23-header", path, line, 1)
    column = raw.index(match.group(1)) + 1
    n = _i23_number(match.group(1), path, line, column)
    if n > MAX_ARGUMENTS:
        raise _i23_error(
            path, line, column, f"{n} arguments is more than argmap reads ({MAX_ARGUMENTS})"
        )
    return n


def scan_i23(text: str, path: str = "<string>") -> tuple[int, np.ndarray]:
    r"""The size ``N`` of an i23 framework and its attacks as 0-based ends, flat.

    Read strictly: numbers are ASCII digits without leading zeros, every error names the
    line and column. The ends come back as one numpy array (attacker, attacked, attacker,
    ...; 8 bytes per end whatever ``N`` is), and no Python object is made per attack or per
    argument: the lines after the header are read as bytes by array operations
    (:func:`_scan_attacks`). When that reading finds anything out of the ordinary, the
    line-by-line reader (:func:`_scan_lines`) reads the file again and names the error.

    >>> n, ends = scan_i23("p af 3\n# comment\n1 2\n2 3\n")
    >>> n, ends.tolist()
    (3, [0, 1, 1, 2])
    """
    found = _scan_arrays(text, path)
    return found if found is not None else _scan_lines(text, path)


def _scan_arrays(text: str, path: str, chunk: int = 0) -> tuple[int, np.ndarray] | None:
    """:func:`scan_i23` by array operations, ``None`` where it takes the line-by-line reader.

    ``chunk`` is the bytes read at a time (default :data:`SCAN_CHUNK`); a header error is
    raised here, located.
    """
    if not text.isascii():
        return None
    found = _header(text, path)
    if found is None:
        return None
    n, rest = found
    ends = _scan_attacks(text.encode("ascii"), rest, n, chunk or SCAN_CHUNK)
    return None if ends is None else (n, ends)


def _header(text: str, path: str) -> tuple[int, int] | None:
    """``N`` of the header line and where its next line starts; ``None`` without a header."""
    position = 0
    while position < len(text):
        cut = text.find("\n", position)
        cut = len(text) if cut < 0 else cut
        raw = text[position:cut]
        stripped = raw.strip(" \t\r")
        if stripped and not stripped.startswith("#"):
            start = position
            position = cut + 1
            line = text.count("\n", 0, start) + 1
            return _i23_header(raw, path, line), position
        position = cut + 1
    return None


_BLANK = np.zeros(256, dtype=bool)
_BLANK[[ord(" "), ord("\t"), ord("\r")]] = True
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[ord(" "), ord("\t"), ord("\r"), ord("\n")]] = True

SCAN_CHUNK = 1 << 23
"""Bytes of attack lines read by one round of array operations (bounds the scratch memory
to a small multiple of this, whatever the file's size)."""


def _scan_attacks(data: bytes, start: int, n: int, chunk: int) -> np.ndarray | None:
    """The 0-based ends of the attack lines ``data[start:]`` (after the header), or ``None``.

    Array operations over the bytes, about ``chunk`` bytes (cut at a line end) at a time:
    ``#`` comment lines blanked, then every byte must be a digit or a blank, every line
    hold no number or exactly two, every number be written without a leading zero and lie
    in ``1..n``. ``None`` if anything else is met: the caller then
    reads line by line, which says where and what.
    """
    everything = np.frombuffer(data, dtype=np.uint8)
    parts = [np.zeros(0, dtype=np.int64)]
    while start < len(data):
        stop = data.find(b"\n", min(start + chunk, len(data)) - 1)
        stop = len(data) if stop < 0 else stop + 1
        ends = _scan_chunk(everything[start:stop], n)
        if ends is None:
            return None
        parts.append(ends)
        start = stop
    return np.concatenate(parts)


def _scan_chunk(buf: np.ndarray, n: int) -> np.ndarray | None:
    """:func:`_scan_attacks` on whole lines ``buf`` (bytes as ``uint8``)."""
    if b"#"[0] in buf:
        buf = _without_comments(buf)
    digit = (buf - 48) < 10  # uint8 arithmetic wraps: the bytes below '0' become large
    newline = buf == 10
    if not (digit | newline | (buf == 32)).all() and not (digit | _SPACE[buf]).all():
        return None  # (tabs and carriage returns are rare: looked up only when present)
    edge = np.diff(digit.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    begins = edge[:-1] == 1
    starts = np.flatnonzero(begins)
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    lengths = np.flatnonzero(edge == -1) - starts
    widest = int(lengths.max())
    if widest > len(str(n)) or ((buf[starts] == 48) & (lengths > 1)).any():
        return None  # a number out of range, or one with a leading zero
    # Every line holds no number or two: in the sequence of numbers and line ends, in
    # the order of the bytes, each line end comes after 0 or 2 numbers, and so does the end.
    events = np.flatnonzero(begins | newline)
    ends_at = np.flatnonzero(newline[events])
    numbers = np.diff(ends_at, prepend=-1, append=len(events)) - 1
    if ((numbers != 0) & (numbers != 2)).any():
        return None
    values = buf[starts].astype(np.int32)  # n <= MAX_ARGUMENTS < 2**31
    values -= 48
    at = starts.astype(np.int32)
    for k in range(1, widest):  # one more digit of the numbers that have it
        more = lengths > k
        at += 1
        np.multiply(values, 10, out=values, where=more)
        np.add(values, np.take(buf, at, mode="clip"), out=values, where=more)
        np.subtract(values, 48, out=values, where=more)
    if values.min() < 1 or values.max() > n:
        return None
    return values.astype(np.int64) - 1


def _without_comments(buf: np.ndarray) -> np.ndarray:
    """A copy of whole lines ``buf`` with each ``#`` comment line blanked out."""
    newline = np.flatnonzero(buf == 10)
    line_start = np.concatenate(([0], newline + 1))
    # a line is a comment if its first byte that is not a blank is '#'
    # newlines are solid here, so an empty line's first solid byte is its end
    solid = np.append(np.flatnonzero(~_BLANK[buf]), len(buf))
    first = solid[np.searchsorted(solid, line_start[line_start < len(buf)])]
    first = first[first < len(buf)]
    comment = first[buf[first] == b"#"[0]]
    if not len(comment):
        return buf
    out = buf.copy()
    stop = np.searchsorted(newline, comment)
    line_end = np.append(newline, len(buf))[stop]
    blank = np.zeros(len(buf) + 1, dtype=np.int32)
    np.add.at(blank, comment, 1)
    np.add.at(blank, line_end, -1)
    out[np.cumsum(blank[:-1]) > 0] = 32
    return out


def _scan_lines(text: str, path: str) -> tuple[int, np.ndarray]:
    """:func:`scan_i23` line by line in Python: slower, and it names every error."""
    n: int | None = None
    ends = array("q")
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(" \t\r")
        if not stripped or stripped.startswith("#"):
            continue
        if not raw.isascii():
            column = next(i for i, c in enumerate(raw, 1) if not c.isascii())
            raise _i23_error(
                path, number, column, f"'{raw[column - 1]}' is not ASCII; i23 lines are 'i j'"
            )
        if n is None:
            n = _i23_header(raw, path, number)
        else:
            ends.extend(_i23_attack(raw, n, path, number))
    if n is None:
        raise ArgmapError.at("no header 'p af N'", "i23-header", path, 1, 1)
    return n, np.frombuffer(ends, dtype=np.int64) if ends else np.zeros(0, dtype=np.int64)


def _parse_i23(text: str, path: str) -> Frame:
    n, ends = scan_i23(text, path)
    pairs = iter(ends.tolist())
    attacks = tuple((str(a + 1), str(b + 1)) for a, b in zip(pairs, pairs, strict=True))
    return Frame(tuple(str(i) for i in range(1, n + 1)), attacks)


def _parse_apx(text: str, path: str) -> Frame:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0].strip()
        for first, second in _apx_facts(line, number, path):
            if second is None:
                arguments.setdefault(first)
            else:
                attacks.append((first, second, number))
    _check_declared(attacks, arguments, path)
    return Frame(tuple(arguments), tuple((a, b) for a, b, _ in attacks))


def _apx_facts(line: str, number: int, path: str) -> Iterator[tuple[str, str | None]]:
    """The facts of one apx line (comment cut off), in order.

    Parameters
    ----------
    line
        The line's text, stripped, without its ``%`` comment.
    number
        The line's number (from 1), for errors.
    path
        The file's name, for errors.

    Yields
    ------
    tuple
        ``(a, None)`` for ``arg(a).``, ``(a, b)`` for ``att(a,b).``.

    Raises
    ------
    ArgmapError
        At the first text that is not a fact, or a fact with the wrong number of arguments
        (as soon as the facts before it have been yielded).
    """
    position = 0
    while position < len(line):
        match = _APX.match(line, position)
        if match is None:
            raise _fail(path, number, f"expected arg(a). or att(a,b). at '{line[position:]}'")
        kind, first, second = match.groups()
        if kind == "arg" and second is not None:
            raise _fail(path, number, f"arg/1 takes one argument: '{match.group(0)}'")
        if kind == "att" and second is None:
            raise _fail(path, number, f"att/2 takes two arguments: '{match.group(0)}'")
        yield first, second
        position = match.end()
        while position < len(line) and line[position].isspace():
            position += 1


def _check_declared(
    attacks: list[tuple[str, str, int]], arguments: Mapping[str, None], path: str
) -> None:
    """Fail at the first attack (in file order) naming an argument no ``arg/1`` declares."""
    for attacker, attacked, number in attacks:
        for name in (attacker, attacked):
            if name not in arguments:
                raise _fail(
                    path,
                    number,
                    f"att({attacker},{attacked}) names '{name}', which no arg/1 declares",
                )


def _parse_tgf(text: str, path: str) -> Frame:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            in_edges = True
            continue
        parts = line.split()
        if not in_edges:
            if parts[0] == "#":  # it would be written back as the separator
                raise _fail(path, number, "an argument cannot be named '#' (the separator)")
            arguments.setdefault(parts[0])
            continue
        if len(parts) < 2:
            raise _fail(path, number, f"expected an attack 'a b', found '{line}'")
        for name in parts[:2]:
            if name not in arguments:
                raise _fail(path, number, f"attack names '{name}', which is not listed before '#'")
        attacks.append((parts[0], parts[1]))
    return Frame(tuple(arguments), tuple(attacks))


def parse_frame(text: str, fmt: str, path: str = "<string>") -> Frame:
    """Read a framework from text in one of :data:`FRAME_FORMATS`.

    Raises
    ------
    ArgmapError
        Naming the line and what is wrong with it.
    """
    parsers = {"i23": _parse_i23, "apx": _parse_apx, "tgf": _parse_tgf}
    if fmt not in parsers:
        raise ArgmapError(f"unknown framework format '{fmt}'; known: {', '.join(FRAME_FORMATS)}")
    return parsers[fmt](text, path)


def format_frame(frame: Frame, fmt: str) -> str:
    """A framework as text in one of :data:`FRAME_FORMATS`.

    i23 numbers the arguments in order; attacks are written in the order of their ends.
    """
    index = {name: i for i, name in enumerate(frame.arguments)}
    ordered = sorted(set(frame.attacks), key=lambda pair: (index[pair[0]], index[pair[1]]))
    if fmt == "i23":
        lines = [f"p af {len(frame.arguments)}"]
        lines += [f"{index[a] + 1} {index[b] + 1}" for a, b in ordered]
    elif fmt == "apx":
        lines = [f"arg({a})." for a in frame.arguments] + [f"att({a},{b})." for a, b in ordered]
    elif fmt == "tgf":
        lines = [*frame.arguments, "#", *(f"{a} {b}" for a, b in ordered)]
    else:
        raise ArgmapError(f"unknown framework format '{fmt}'; known: {', '.join(FRAME_FORMATS)}")
    return "\n".join(lines) + "\n"


def frame_of_map(m: ArgumentMap) -> Frame:
    """A map's nodes as arguments and its attacks between nodes as attacks.

    Supports and undercuts are left out: to carry them, turn the map into its attack graph
    under a reading of support first (:func:`argmap.convert.dumps` does).
    """
    from argmap.model import EdgeKind

    nodes = {n.id for n in m.nodes}
    attacks = tuple(
        (e.source, e.target) for e in m.edges if e.kind is EdgeKind.ATTACK and e.target in nodes
    )
    return Frame(tuple(n.id for n in m.nodes), attacks)


def map_of_frame(frame: Frame, name: str) -> ArgumentMap:
    """A map of claims (named and worded by the arguments) and the attacks between them."""
    from argmap.formats.aif import safe_id
    from argmap.model import ArgumentMap, Edge, Node

    nodes = [Node(safe_id(a), "claim", a) for a in frame.arguments]
    edges = [Edge("attack", safe_id(a), safe_id(b)) for a, b in sorted(set(frame.attacks))]
    return ArgumentMap(safe_id(name), name, nodes, edges)


def _named(frame: Frame, text: str) -> Frame:
    """An i23 frame with the names of its ``# i name`` comment lines, if all are there."""
    names = dict(
        line[2:].split(" ", 1)
        for line in text.splitlines()
        if line.startswith("# ") and " " in line[2:]
    )
    if set(names) != set(frame.arguments) or len(set(names.values())) != len(names):
        return frame
    return Frame(
        tuple(names[a] for a in frame.arguments),
        tuple((names[a], names[b]) for a, b in frame.attacks),
    )


def loads_i23(text: str, path: str = "<input>") -> ArgumentMap:
    """A map of claims and attacks from i23 text (named by ``# i name`` lines if present)."""
    return map_of_frame(_named(parse_frame(text, "i23", path), text), Path(path).stem)


def loads_apx(text: str, path: str = "<input>") -> ArgumentMap:
    """A map of claims and attacks from apx text."""
    return map_of_frame(parse_frame(text, "apx", path), Path(path).stem)


def loads_tgf(text: str, path: str = "<input>") -> ArgumentMap:
    """A map of claims and attacks from tgf text."""
    return map_of_frame(parse_frame(text, "tgf", path), Path(path).stem)


def dumps_i23(m: ArgumentMap) -> str:
    """A map's claims and attacks as i23, the numbers named in ``# i name`` comment lines."""
    frame = frame_of_map(m)
    header, rest = format_frame(frame, "i23").split("\n", 1)
    names = "".join(f"# {i} {name}\n" for i, name in enumerate(frame.arguments, 1))
    return f"{header}\n{names}{rest}"


def dumps_apx(m: ArgumentMap) -> str:
    """A map's claims and attacks as apx."""
    return format_frame(frame_of_map(m), "apx")


def dumps_tgf(m: ArgumentMap) -> str:
    """A map's claims and attacks as tgf."""
    return format_frame(frame_of_map(m), "tgf")

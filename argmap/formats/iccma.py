r"""The ICCMA competition's abstract-framework formats: i23, apx and tgf.

- **i23** (ICCMA 2023): a header ``p af N``, then one attack ``i j`` per line; arguments are
  ``1`` to ``N``; lines starting with ``#`` are comments.
- **apx** (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment.
- **tgf** (trivial graph format): one argument per line, a line ``#``, then ``a b`` per attack.

Errors name the file, the line and what is wrong.

>>> af = parse_af("p af 3\n# a comment\n1 2\n2 3\n", "i23")
>>> sorted(af.attacks)
[('1', '2'), ('2', '3')]
>>> print(format_af(af, "apx"), end="")
arg(1).
arg(2).
arg(3).
att(1,2).
att(2,3).
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.formats.text import read_text
from argmap.framework import AF

__all__ = ["FORMATS", "format_af", "parse_af", "read_af", "write_af"]

FORMATS = ("i23", "apx", "tgf")

_APX = re.compile(r"(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.")


def _fail(path: str, line: int, message: str) -> ArgmapError:
    return ArgmapError(message, path=path, line=line, column=1)


def _parse_i23(text: str, path: str) -> AF:
    n: int | None = None
    attacks: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if n is None:
            match = re.fullmatch(r"p\s+af\s+(\d+)", line)
            if match is None:
                raise _fail(path, number, f"expected the header 'p af N', found '{line}'")
            n = int(match.group(1))
            continue
        parts = line.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise _fail(path, number, f"expected an attack 'i j', found '{line}'")
        for p in parts:
            if not 1 <= int(p) <= n:
                raise _fail(path, number, f"argument {p} is outside 1..{n}")
        attacks.append((parts[0], parts[1]))
    if n is None:
        raise _fail(path, 1, "no header 'p af N'")
    return AF([str(i) for i in range(1, n + 1)], attacks)


def _parse_apx(text: str, path: str) -> AF:
    arguments: dict[str, None] = {}
    attacks: list[tuple[str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0].strip()
        position = 0
        while position < len(line):
            match = _APX.match(line, position)
            if match is None:
                raise _fail(path, number, f"expected arg(a). or att(a,b). at '{line[position:]}'")
            kind, first, second = match.groups()
            if kind == "arg":
                if second is not None:
                    raise _fail(path, number, f"arg/1 takes one argument: '{match.group(0)}'")
                arguments.setdefault(first)
            else:
                if second is None:
                    raise _fail(path, number, f"att/2 takes two arguments: '{match.group(0)}'")
                attacks.append((first, second, number))
            position = match.end()
            while position < len(line) and line[position].isspace():
                position += 1
    for attacker, attacked, number in attacks:
        for name in (attacker, attacked):
            if name not in arguments:
                raise _fail(
                    path,
                    number,
                    f"att({attacker},{attacked}) names '{name}', which no arg/1 declares",
                )
    return AF(arguments, [(a, b) for a, b, _ in attacks])


def _parse_tgf(text: str, path: str) -> AF:
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
            arguments.setdefault(parts[0])
            continue
        if len(parts) < 2:
            raise _fail(path, number, f"expected an attack 'a b', found '{line}'")
        for name in parts[:2]:
            if name not in arguments:
                raise _fail(path, number, f"attack names '{name}', which is not listed before '#'")
        attacks.append((parts[0], parts[1]))
    return AF(arguments, attacks)


def parse_af(text: str, fmt: str, path: str = "<string>") -> AF:
    """Read a framework from text in one of :data:`FORMATS`.

    Raises
    ------
    ArgmapError
        Naming the line and what is wrong with it.
    """
    parsers = {"i23": _parse_i23, "apx": _parse_apx, "tgf": _parse_tgf}
    if fmt not in parsers:
        raise ArgmapError(f"unknown framework format '{fmt}'; known: {', '.join(FORMATS)}")
    return parsers[fmt](text, path)


def read_af(path: str | Path, fmt: str | None = None) -> AF:
    """Read a framework file; the format defaults to the file's extension."""
    path = Path(path)
    chosen = fmt or path.suffix.lstrip(".")
    return parse_af(read_text(path), chosen, str(path))


def format_af(af: AF, fmt: str) -> str:
    """A framework as text in one of :data:`FORMATS` (i23 numbers arguments in order)."""
    ordered = sorted(af.attacks, key=lambda pair: (af.index[pair[0]], af.index[pair[1]]))
    if fmt == "i23":
        lines = [f"p af {len(af)}"]
        lines += [f"{af.index[a] + 1} {af.index[b] + 1}" for a, b in ordered]
    elif fmt == "apx":
        lines = [f"arg({a})." for a in af.arguments] + [f"att({a},{b})." for a, b in ordered]
    elif fmt == "tgf":
        lines = [*af.arguments, "#", *(f"{a} {b}" for a, b in ordered)]
    else:
        raise ArgmapError(f"unknown framework format '{fmt}'; known: {', '.join(FORMATS)}")
    return "\n".join(lines) + "\n"


def write_af(af: AF, path: str | Path, fmt: str | None = None) -> None:
    """Write a framework file; the format defaults to the file's extension."""
    path = Path(path)
    path.write_text(format_af(af, fmt or path.suffix.lstrip(".")), encoding="utf-8")

"""Converting maps between formats: one reader and one writer per format, chosen by name.

| format | read | write | file names |
|---|---|---|---|
| ``yaml`` | yes | yes | ``.yaml``, ``.yml`` |
| ``aif`` | yes | yes | ``.json`` (read: sniffed), ``.aif`` |
| ``node-link`` | yes | yes | ``.json`` (read: sniffed) |
| ``graphml`` | yes | yes | ``.graphml`` |
| ``argdown`` | yes | yes | ``.argdown``, ``.ad`` |
| ``arggraph`` | yes | yes | ``.xml`` (the argumentative microtexts) |
| ``i23``, ``apx``, ``tgf`` | yes | yes | ``.i23``, ``.apx``, ``.tgf`` |

The ICCMA formats hold an abstract framework: written from a map's attack graph under a
reading of support (i23 numbers the arguments and lists the names in ``#`` comment lines);
read as a map of claims and attacks.

>>> import argmap
>>> m = argmap.ArgumentMap("toy", "Toy", [argmap.Node("a", "claim", "A."),
...     argmap.Node("b", "claim", "B.")], [argmap.Edge("attack", "a", "b")])
>>> print(dumps(m, "apx"), end="")
arg(a).
arg(b).
att(a,b).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from argmap.bipolar import attack_graph
from argmap.errors import ArgmapError
from argmap.formats import aif, argdown, graphs, iccma, microtexts
from argmap.formats.text import parse_json, read_text
from argmap.formats.yaml import map_from_yaml, map_to_yaml
from argmap.framework import AF
from argmap.model import ArgumentMap, Edge, Node

__all__ = ["FORMATS", "convert", "dumps", "format_of", "loads"]

FORMATS = ("yaml", "aif", "node-link", "graphml", "argdown", "arggraph", "i23", "apx", "tgf")
_SUFFIXES = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".aif": "aif",
    ".graphml": "graphml",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".xml": "arggraph",
    ".i23": "i23",
    ".apx": "apx",
    ".tgf": "tgf",
}


def format_of(path: str | Path, text: str | None = None) -> str:
    """The format a file name (and, for ``.json``, its content) indicates.

    Raises
    ------
    ArgmapError
        If the name says nothing known.
    """
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix == ".json":
        if text is None:
            return "aif"
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return "aif"  # the AIF reader reports the error with its line
        is_node_link = isinstance(data, dict) and "graph" in data and "directed" in data
        return "node-link" if is_node_link else "aif"
    known = ", ".join(sorted({*_SUFFIXES, ".json"}))
    raise ArgmapError(f"cannot tell the format of '{path}' (known: {known}); use --from/--to")


def _from_af(af: AF, name: str) -> ArgumentMap:
    nodes = [Node(aif.safe_id(a), "claim", a) for a in af.arguments]
    edges = [Edge("attack", aif.safe_id(a), aif.safe_id(b)) for a, b in sorted(af.attacks)]
    return ArgumentMap(aif.safe_id(name), name, nodes, edges)


def _to_af(m: ArgumentMap, fmt: str, support: str) -> str:
    af = attack_graph(m, support).af()
    text = iccma.format_af(af, fmt)
    if fmt == "i23":  # the numbers stand for the names
        names = "".join(f"# {i} {name}\n" for i, name in enumerate(af.arguments, 1))
        header, rest = text.split("\n", 1)
        text = f"{header}\n{names}{rest}"
    return text


def _yaml(text: str, path: str) -> ArgumentMap:
    return map_from_yaml(text, path=path)


def _aif(text: str, path: str) -> ArgumentMap:
    return aif.map_from_aif(parse_json(text, path), path=path)


def _node_link(text: str, path: str) -> ArgumentMap:
    return graphs.map_from_node_link(parse_json(text, path), path)


_READERS: dict[str, Callable[[str, str], ArgumentMap]] = {
    "yaml": _yaml,
    "aif": _aif,
    "node-link": _node_link,
    "graphml": graphs.map_from_graphml,
    "argdown": argdown.map_from_argdown,
    "arggraph": microtexts.map_from_arggraph,
}


def _iccma_reader(fmt: str) -> Callable[[str, str], ArgumentMap]:
    def read(text: str, path: str) -> ArgumentMap:
        af = iccma.parse_af(text, fmt, path)
        if fmt == "i23":  # names written by dumps() as "# n name" comments, if all there
            names = dict(
                line[2:].split(" ", 1)
                for line in text.splitlines()
                if line.startswith("# ") and " " in line[2:]
            )
            if set(names) == set(af.arguments) and len(set(names.values())) == len(names):
                af = AF(
                    [names[a] for a in af.arguments],
                    [(names[a], names[b]) for a, b in af.attacks],
                )
        return _from_af(af, Path(path).stem)

    return read


_READERS.update({fmt: _iccma_reader(fmt) for fmt in ("i23", "apx", "tgf")})


def loads(text: str, fmt: str, path: str = "<input>") -> ArgumentMap:
    """Read a map from text in a format.

    Raises
    ------
    ArgmapError
        For an unknown format, or anything wrong with the text (with its line where known).
    """
    if fmt not in _READERS:
        raise ArgmapError(f"unknown format '{fmt}'; known: {', '.join(FORMATS)}")
    return _READERS[fmt](text, path)


def dumps(m: ArgumentMap, fmt: str, support: str = "necessary") -> str:
    """A map as text in a format (ICCMA formats: its attack graph under ``support``).

    Raises
    ------
    ArgmapError
        For an unknown format.
    """
    if fmt == "yaml":
        return map_to_yaml(m)
    if fmt == "aif":
        return json.dumps(aif.map_to_aif(m), indent=2, ensure_ascii=False) + "\n"
    if fmt == "node-link":
        return json.dumps(graphs.map_to_node_link(m), indent=2, ensure_ascii=False) + "\n"
    if fmt == "graphml":
        return graphs.map_to_graphml(m)
    if fmt == "argdown":
        return argdown.map_to_argdown(m)
    if fmt == "arggraph":
        return microtexts.map_to_arggraph(m)
    if fmt in ("i23", "apx", "tgf"):
        return _to_af(m, fmt, support)
    raise ArgmapError(f"unknown format '{fmt}'; known: {', '.join(FORMATS)}")


def convert(
    source: str | Path,
    target: str | Path,
    *,
    source_format: str | None = None,
    target_format: str | None = None,
    support: str = "necessary",
) -> ArgumentMap:
    """Read ``source`` and write it to ``target``; formats from the names unless given.

    Returns the map read.

    Raises
    ------
    ArgmapError
        For unknown formats, unreadable input or anything wrong in it.
    """
    text = read_text(source)
    m = loads(text, source_format or format_of(source, text), str(source))
    out = dumps(m, target_format or format_of(target), support)
    try:
        Path(target).write_text(out, encoding="utf-8")
    except OSError as exc:
        raise ArgmapError(f"cannot write: {exc.strerror}", path=str(target)) from None
    return m

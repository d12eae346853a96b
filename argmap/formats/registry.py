r"""The one contract of argmap's file formats: a registry of them, by name and by file name.

Every format is a :class:`Format`: its name, the file suffixes it goes by, a content sniffer,
``loads(text, path) -> ArgumentMap`` and ``dumps(ArgumentMap) -> str`` (text in, text out),
and what it keeps and loses of a map. Format names are parsed once, case-insensitively,
with a "did you mean" for a typo (:class:`FormatName`). Files are read with
:func:`argmap.formats.text.read_text` and written atomically with
:func:`~argmap.formats.text.write_text`.

This module is import-light: a format's module (and ruamel, networkx, ...) is loaded only
when one of its functions is used, so the command line can build its ``--from``/``--to``
choices from :data:`FORMAT_NAMES` without loading them.

>>> get("GraphML").suffixes, get("i23").framework
(('.graphml', '.xml'), True)
>>> detect("essay.yml").name, detect("x.json", '{"directed": true, "graph": {}}').name
(<FormatName.YAML: 'yaml'>, <FormatName.NODE_LINK: 'node-link'>)
>>> get("grahpml")
Traceback (most recent call last):
...
argmap.errors.ArgmapError: unknown format 'grahpml' (did you mean 'graphml'?); known: yaml, aif, node-link, graphml, argdown, arggraph, kialo, sadface, i23, apx, tgf
>>> m = loads("arg(a). arg(b). att(a,b).", "apx", "toy.apx")
>>> print(dumps(m, "tgf"), end="")
a
b
#
a b
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError
from argmap.formats.text import parse_json, read_text, relocate, write_text
from argmap.options import Choice

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "FRAMEWORK_FORMATS",
    "Format",
    "FormatName",
    "detect",
    "dumps",
    "get",
    "loads",
    "read",
    "write",
]


class FormatName(Choice):
    """The names of the formats argmap reads and writes."""

    YAML = "yaml"
    AIF = "aif"
    NODE_LINK = "node-link"
    GRAPHML = "graphml"
    ARGDOWN = "argdown"
    ARGGRAPH = "arggraph"
    KIALO = "kialo"
    SADFACE = "sadface"
    I23 = "i23"
    APX = "apx"
    TGF = "tgf"

    @classmethod
    def noun(cls) -> str:
        """``format``."""
        return "format"


def _json_object(text: str) -> dict[str, object] | None:
    try:
        data = parse_json(text)
    except ArgmapError:
        return None
    return data if isinstance(data, dict) else None


def _json_kind(text: str) -> str | None:
    """Which JSON format a text is (:func:`_json_kind_of` its parsed object)."""
    return _json_kind_of(_json_object(text))


def _json_kind_of(data: dict[str, object] | None) -> str | None:
    """Which JSON format a parsed object is, by its keys: exactly one of them, or none.

    node-link has ``graph`` and ``directed``; SADFace ``metadata.core``, atoms and schemes or
    ``source_id`` edges; AIF an ``AIF`` wrapper, ``nodeID`` nodes, ``fromID`` edges,
    ``locutions`` or argmap's own key. An object with none of them (``{}``, empty lists) is
    none of them.
    """
    if data is None:
        return None
    if "graph" in data and "directed" in data:
        return "node-link"
    from argmap.formats.sadface import is_sadface  # light: the standard library only

    if is_sadface(data):
        return "sadface"
    inner = data.get("AIF")
    document = inner if isinstance(inner, dict) else data
    nodes, edges = document.get("nodes"), document.get("edges")
    keyed = (
        isinstance(nodes, list) and any(isinstance(n, dict) and "nodeID" in n for n in nodes)
    ) or (isinstance(edges, list) and any(isinstance(e, dict) and "fromID" in e for e in edges))
    if isinstance(inner, dict) or keyed or "locutions" in document or "argmap" in document:
        return "aif"
    return None


def _is_node_link(text: str) -> bool:
    return _json_kind(text) == "node-link"


def _is_aif(text: str) -> bool:
    return _json_kind(text) == "aif"


def _is_sadface(text: str) -> bool:
    return _json_kind(text) == "sadface"


def _is_kialo(text: str) -> bool:
    head = _head(text)
    return head.startswith("Discussion Title:") or re.match(r"1\.\s", head) is not None


def _is_yaml(text: str) -> bool:
    return re.search(r"^(id|corpus|nodes|title):", text, re.MULTILINE) is not None


def _is_argdown(text: str) -> bool:
    return re.search(r"^\s*(\[[^\]]+\]|<[^>]+>):?", text, re.MULTILINE) is not None


def _head(text: str) -> str:
    """The first line that is not blank or a ``#`` comment."""
    return next((s for s in map(str.strip, text.splitlines()) if s and s[0] != "#"), "")


def _is_i23(text: str) -> bool:
    return re.fullmatch(r"p\s+af\s+\d+", _head(text)) is not None


def _is_apx(text: str) -> bool:
    return re.match(r"(arg|att)\(", text.lstrip()) is not None


def _is_tgf(text: str) -> bool:
    return re.search(r"^\s*#\s*$", text, re.MULTILINE) is not None


@dataclass(frozen=True)
class Format:
    """A file format: how to recognise it, read it and write it, and what it keeps.

    ``module``, ``reader`` and ``writer`` name the functions (the module is imported on
    first use); ``sniff`` tells from a file's text whether it looks like this format.
    """

    name: FormatName
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    module: str
    keeps: str
    loses: str
    reader: str = "loads"
    writer: str = "dumps"
    framework: bool = False
    """Whether the format holds an abstract framework (arguments and attacks only)."""

    def loads(self, text: str, path: str = "<input>") -> ArgumentMap:
        """A map from text in this format.

        Raises
        ------
        ArgmapError
            With the file, line and column of what is wrong, where the format tells.
        """
        read: Callable[[str, str], ArgumentMap] = getattr(
            importlib.import_module(self.module), self.reader
        )
        if not text.strip():
            message = f"the file is empty (expected {self.name})"
            raise ArgmapError.at(message, "empty-file", path, 1, 1)
        try:
            return read(text, path)
        except ArgmapError as exc:  # every problem names the file, and a line (1 if none)
            if all(p.path == path and p.line is not None for p in exc.problems):
                raise
            raise relocate(exc, path, lambda _: None) from None
        except RecursionError:  # a last guard: each reader limits nesting itself
            raise ArgmapError.at("nested too deep to read", "too-deep", path, 1) from None

    def dumps(self, m: ArgumentMap) -> str:
        """A map as text in this format."""
        write: Callable[[ArgumentMap], str] = getattr(
            importlib.import_module(self.module), self.writer
        )
        return write(m)


_GRAPHS = "argmap.formats.graphs"
_ICCMA = "argmap.formats.iccma"
_ICCMA_LOSES = (
    "supports, undercuts, node kinds, texts, locators and metadata: written from the attack "
    "graph under a reading of support (argmap.convert); read as claims that attack each other"
)

FORMATS: tuple[Format, ...] = (
    Format(
        FormatName.YAML,
        (".yaml", ".yml"),
        _is_yaml,
        "argmap.formats.yaml",
        keeps="everything, and a file's comments and layout when it is written back",
        loses="nothing",
    ),
    Format(
        FormatName.AIF,
        (".json", ".aif"),
        _is_aif,
        "argmap.formats.aif",
        keeps="nodes and their text, reasons (an RA with all its premises: linked and "
        "convergent reasons, ids, schemes), attacks and undercuts of reasons (CA), the map's "
        "bibliographic metadata; AIF's dialogue layer, kept verbatim in data; scheme roles "
        "and answered critical questions in argmap's extension",
        loses="node kinds, locators, tags, weights, notes, actors, text_file and data",
    ),
    Format(
        FormatName.NODE_LINK,
        (".json",),
        _is_node_link,
        _GRAPHS,
        keeps="every field (networkx node-link JSON)",
        loses="nothing",
        reader="loads_node_link",
        writer="dumps_node_link",
    ),
    Format(
        FormatName.GRAPHML,
        (".graphml", ".xml"),
        lambda text: "<graphml" in text[:4096],
        _GRAPHS,
        keeps="every field (lists and mappings as JSON text)",
        loses="nothing",
        reader="loads_graphml",
        writer="dumps_graphml",
    ),
    Format(
        FormatName.ARGDOWN,
        (".argdown", ".ad"),
        _is_argdown,
        "argmap.formats.argdown",
        keeps="statements and their text, reasons (an inference step of a premise-conclusion "
        "structure, its rule as the scheme, its roles in the inference's data), supports, "
        "attacks, undercuts of inferences, kinds as tags, metadata",
        loses="locators, weights, notes, actors, the critical questions edges answer, the ids "
        "of one-premise supports; a linked, undercut or named reason becomes an argument of "
        "its own",
    ),
    Format(
        FormatName.ARGGRAPH,
        (".xml",),
        lambda text: "<arggraph" in text[:4096],
        "argmap.formats.microtexts",
        keeps="nodes (as ADUs with their text), reasons (linked premises as add edges), "
        "attacks and undercuts of reasons; a file read from arggraph with its ids",
        loses="node kinds, locators, tags, weights, notes and metadata (and the ids of a map "
        "not read from arggraph)",
    ),
    Format(
        FormatName.KIALO,
        (".txt", ".kialo"),
        _is_kialo,
        "argmap.formats.kialo",
        keeps="claims and their text (escapes undone, Markdown links kept), the thesis as the "
        "root, Pro as support and Con as attack, a re-used claim ('-> See') as one more edge "
        "from the same node; a multi-thesis discussion's question",
        loses="node kinds, tags, locators, weights, notes, actors, edge ids and metadata; a "
        "linked reason becomes one Pro per premise, an undercut a Con of the reason's premise",
    ),
    Format(
        FormatName.SADFACE,
        (".json", ".sadface"),
        _is_sadface,
        "argmap.formats.sadface",
        keeps="atoms, schemes as reasons (linked premises, scheme names, ids) and conflicts as "
        "attacks and undercuts, metadata.core as the map's id, title, summary, author and "
        "date; a SADFace document's metadata, resources, order and ids; argmap's own fields "
        "in metadata.argmap",
        loses="nothing of a map argmap wrote; of another document, the time of day of "
        "'created' is kept in its metadata only",
    ),
    Format(
        FormatName.I23,
        (".i23", ".af"),  # .af: the ICCMA 2023 benchmarks
        _is_i23,
        _ICCMA,
        "arguments (named in comments) and attacks",
        _ICCMA_LOSES,
        "loads_i23",
        "dumps_i23",
        True,
    ),
    Format(
        FormatName.APX,
        (".apx",),
        _is_apx,
        _ICCMA,
        "arguments and attacks",
        _ICCMA_LOSES,
        "loads_apx",
        "dumps_apx",
        True,
    ),
    Format(
        FormatName.TGF,
        (".tgf",),
        _is_tgf,
        _ICCMA,
        "arguments and attacks",
        _ICCMA_LOSES,
        "loads_tgf",
        "dumps_tgf",
        True,
    ),
)
"""Every format, in the order they are listed and tried."""

FORMAT_NAMES: tuple[str, ...] = tuple(f.name.value for f in FORMATS)
"""The format names, for command-line choices."""

FRAMEWORK_FORMATS: tuple[str, ...] = tuple(f.name.value for f in FORMATS if f.framework)
"""The names of the abstract-framework (ICCMA) formats."""

_BY_NAME = {f.name: f for f in FORMATS}


def get(name: str | FormatName) -> Format:
    """The format called ``name`` (any case).

    Raises
    ------
    ArgmapError
        For an unknown name, with the closest known one.
    """
    return _BY_NAME[FormatName.parse(name)]


def detect(path: str | Path, text: str | None = None) -> Format:
    """The format of a file: by its suffix, then (for ``.json`` and ``.xml``) by its text.

    Without ``text`` (a file to be written) an ambiguous suffix means its first format
    (``.json``: AIF, ``.xml``: arggraph).

    Raises
    ------
    ArgmapError
        For an unknown suffix, or text that none of the suffix's formats recognises.
    """
    suffix = Path(path).suffix.lower()
    candidates = sorted(  # a suffix's own format (its first suffix) first: .xml is arggraph
        (f for f in FORMATS if suffix in f.suffixes), key=lambda f: f.suffixes[0] != suffix
    )
    if not candidates:
        known = ", ".join(sorted({s for f in FORMATS for s in f.suffixes}))
        raise ArgmapError(
            f"cannot tell the format of '{path}' (known suffixes: {known}); name the format",
            path=str(path),
        )
    if len(candidates) == 1 or text is None:
        return candidates[0]
    tried = ", ".join(str(f.name) for f in candidates)
    what = "its text"
    if suffix == ".json":  # parsed once, told apart by its keys
        parsed = parse_json(text, path)  # malformed JSON is told as such, where it is
        data = parsed if isinstance(parsed, dict) else None
        kind = _json_kind_of(data)
        for candidate in candidates:
            if candidate.name == kind:
                return candidate
        what = (
            "an empty JSON object"
            if data == {}
            else f"JSON with the keys {', '.join(sorted(data)[:8])}"
            if data
            else "JSON that is not an object"
        )
    else:
        for candidate in candidates:
            if candidate.sniff(text):
                return candidate
    raise ArgmapError.at(
        f"cannot tell the format of '{path}': {what} is none of {tried}; "
        f"expected one of {tried} (or name the format)",
        "unknown-format",
        str(path),
        1,
        1,
    )


def loads(text: str, fmt: str | FormatName, path: str = "<input>") -> ArgumentMap:
    """A map from text in the format named ``fmt``.

    Raises
    ------
    ArgmapError
        For an unknown format, or anything wrong with the text (with its line where known).
    """
    return get(fmt).loads(text, path)


def dumps(m: ArgumentMap, fmt: str | FormatName) -> str:
    """A map as text in the format named ``fmt``."""
    return get(fmt).dumps(m)


def read(path: str | Path, fmt: str | FormatName | None = None) -> ArgumentMap:
    """Read a map from a file, in ``fmt`` or the format :func:`detect` finds.

    Raises
    ------
    ArgmapError
        If the file cannot be read or decoded, its format is unknown, or its text is bad.
    """
    text = read_text(path)
    chosen = get(fmt) if fmt is not None else detect(path, text)
    return chosen.loads(text, str(path))


def write(m: ArgumentMap, path: str | Path, fmt: str | FormatName | None = None) -> None:
    """Write a map to a file (atomically), in ``fmt`` or the format its suffix says."""
    chosen = get(fmt) if fmt is not None else detect(path)
    write_text(path, chosen.dumps(m))

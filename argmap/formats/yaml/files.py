r"""Loading YAML files and folders of them: one map per file, at most one corpus file per folder.

:func:`load_file` reads a file as far as it can and never raises: it is what both
:func:`read_corpus` and :func:`argmap.checking.check` build on, so reading and checking see
a folder the same way. :func:`read_map` and :func:`read_corpus` raise
:class:`~argmap.errors.ArgmapError` with every problem instead.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.yaml").write_text("id: a\ntitle: A\nnodes: []\n")
>>> _ = (folder / "b.yaml").write_text("id: a\ntitle: B\nnodes: []\n")
>>> loaded = [load_file(p) for p in yaml_files(folder)]
>>> [(f.essay_id, f.is_corpus, f.map is not None) for f in loaded]
[('a', False, True), ('a', False, True)]
>>> [p.code for p in folder_problems(loaded, folder)]
['duplicate-id']
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from ruamel.yaml.comments import CommentedMap

from argmap.errors import ArgmapError, Problem
from argmap.formats.text import read_text
from argmap.formats.yaml.document import Source, read_yaml, round_trip
from argmap.formats.yaml.fast import fast_nodes
from argmap.formats.yaml.positions import NodePositions, NotSure, Positions, locate_findings
from argmap.formats.yaml.reader import (
    is_corpus_document,
    load_corpus_document,
    load_map_document,
    map_from_yaml,
    raise_errors,
)
from argmap.model import ArgumentMap, Corpus
from argmap.model.invariants import Finding, responds_to_finding
from argmap.options import Role

__all__ = [
    "YAML_SUFFIXES",
    "LoadedFile",
    "duplicate_essay_problems",
    "folder_problems",
    "load_corpus_file",
    "load_file",
    "read_corpus",
    "read_map",
    "responds_to_problems",
    "yaml_files",
]

YAML_SUFFIXES = (".yaml", ".yml")


@attrs.frozen
class LoadedFile:
    """One YAML file as far as it could be read.

    ``map`` is set for a valid essay map; ``problems`` lists what is wrong (reading, syntax,
    shape and the model's invariants; a corpus file's cross-essay problems come from
    :func:`load_corpus_file`).
    """

    path: Path
    text: str | None = None
    document: dict[str, Any] | None = attrs.field(default=None, eq=False, repr=False)
    map: ArgumentMap | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def is_corpus(self) -> bool:
        """Whether the file is a corpus file (it has a top-level ``corpus`` key)."""
        return self.document is not None and is_corpus_document(self.document)

    @property
    def essay_id(self) -> str | None:
        """The ``id`` the file gives, if it gives one as text (even when invalid)."""
        value = self.document.get("id") if self.document is not None else None
        return value if isinstance(value, str) else None

    def locate(self, findings: Iterable[Finding]) -> list[Problem]:
        """Findings about this file's map or corpus, located by line and column in it."""
        findings = list(findings)
        read_slowly = isinstance(self.document, CommentedMap)  # positions kept: use them
        if not findings or self.document is None or self.text is None or read_slowly:
            return locate_findings(findings, self.document, str(self.path))
        nodes = fast_nodes(self.text)  # read by the fast path: located on libyaml's nodes
        if nodes is not None:
            positions = NodePositions(nodes, self.text)
            with contextlib.suppress(NotSure):
                return locate_findings(findings, self.document, str(self.path), positions)
        document = round_trip(self.document, self.text, str(self.path))[0]
        return locate_findings(findings, document, str(self.path))


def load_file(path: str | Path) -> LoadedFile:
    """Read a YAML file as far as possible; problems are reported, never raised."""
    path = Path(path)
    try:
        text = read_text(path)
    except ArgmapError as exc:
        return LoadedFile(path, problems=exc.problems)
    document, problems = read_yaml(text, str(path))
    if document is None or is_corpus_document(document):
        return LoadedFile(path, text, document, problems=tuple(problems))
    m, found = load_map_document(document, str(path), text)
    return LoadedFile(path, text, document, m, tuple(problems + found))


def load_corpus_file(
    corpus_file: LoadedFile, siblings: Sequence[LoadedFile]
) -> tuple[Corpus | None, list[Problem]]:
    """The corpus a loaded corpus file makes with the maps of ``siblings``, and its problems.

    References to siblings whose map could not be read are not reported, so one broken map
    does not bury the corpus file in follow-on errors.
    """
    assert corpus_file.document is not None
    assert corpus_file.text is not None
    maps = [s.map for s in siblings if s.map is not None]
    unreadable = [s.essay_id or "" for s in siblings if s.map is None and not s.is_corpus]
    responding = responds_to_problems(siblings)
    if responding:
        return None, responding
    return load_corpus_document(
        corpus_file.document, str(corpus_file.path), maps, corpus_file.text, unreadable
    )


def yaml_files(directory: str | Path) -> list[Path]:
    """The YAML files directly inside a folder, sorted by name."""
    directory = Path(directory)
    return sorted(p for p in directory.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def duplicate_essay_problems(maps: Sequence[ArgumentMap]) -> list[Problem]:
    """One problem per map whose essay id an earlier map already has, at its ``id``."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for m in maps:
        origin = m.origin
        source = origin.document if origin is not None else None
        path = origin.path if origin is not None else None
        if m.id in seen:
            line, column = (
                Positions(source.document)(("id",)) if isinstance(source, Source) else (None, None)
            )
            problems.append(
                Problem(
                    f"essay id '{m.id}' is also the id of {seen[m.id]}",
                    code="duplicate-id",
                    path=path,
                    line=line,
                    column=column,
                )
            )
        else:
            seen[m.id] = path or f"map {m.title!r}"
    return problems


def responds_to_problems(
    files: Sequence[LoadedFile], siblings: Sequence[LoadedFile] = ()
) -> list[Problem]:
    """One problem per map of ``files`` whose ``responds_to`` names no essay, located there.

    The essays are the maps of ``files`` and ``siblings`` (the rest of their folder). If a
    map could not be read, nothing is reported: its essay may be the one named.
    """
    everything = [*files, *siblings]
    if any(f.map is None and not f.is_corpus for f in everything):
        return []
    essays = [f.map.id for f in everything if f.map is not None and f.map.role is Role.ESSAY]
    problems = []
    for f in files:
        found = responds_to_finding(f.map, essays) if f.map is not None else None
        if found is not None:
            problems += f.locate([found])
    return problems


def folder_problems(files: Sequence[LoadedFile], directory: str | Path) -> list[Problem]:
    """What is wrong with the files of one folder together.

    That is: essay ids that repeat, a ``responds_to`` naming no essay of the folder (when no
    corpus file is among ``files``: :func:`load_corpus_file` reports it then), and more than
    one corpus file.
    """
    problems = duplicate_essay_problems([f.map for f in files if f.map is not None])
    if not any(f.is_corpus for f in files) and Path(directory).is_dir():
        named = {f.path for f in files}
        rest = [load_file(p) for p in yaml_files(directory) if p not in named]
        problems += responds_to_problems(files, [f for f in rest if not f.is_corpus])
    corpus_files = [str(f.path) for f in files if f.is_corpus]
    if len(corpus_files) > 1:
        problems.append(
            Problem(
                f"more than one corpus file in {directory}: {', '.join(corpus_files)}",
                code="corpus-files",
                path=str(directory),
            )
        )
    return problems


def read_map(path: str | Path) -> ArgumentMap:
    """Read an essay's map from a YAML file.

    Raises
    ------
    ArgmapError
        If the file cannot be read or is not a valid map; lists every problem.
    """
    path = Path(path)
    return map_from_yaml(read_text(path), str(path))


def read_corpus(path: str | Path) -> Corpus:
    """Read a corpus: a folder of essay maps with (at most) one corpus file.

    ``path`` is the folder, or its corpus file. Without a corpus file the corpus has the
    maps and no cross-essay relations.

    Raises
    ------
    ArgmapError
        With every problem of every file.
    """
    path = Path(path)
    directory = path.parent if path.is_file() else path
    if not directory.is_dir():
        raise ArgmapError(f"no such folder: {directory}", path=str(directory))
    files = [load_file(p) for p in yaml_files(directory)]
    problems = [p for f in files for p in f.problems]
    problems += folder_problems(files, directory)
    raise_errors(problems)
    corpus_files = [f for f in files if f.is_corpus]
    maps = [f.map for f in files if f.map is not None]
    if not corpus_files:
        return Corpus(maps)
    corpus, found = load_corpus_file(corpus_files[0], files)
    raise_errors(found)
    assert corpus is not None
    return corpus

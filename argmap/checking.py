r"""Check map and corpus files: every problem of every file, each with its line and column.

:func:`check` is what ``argmap check`` runs. It never raises for bad input: it reports.
Errors make a file invalid; warnings (a recommendation nothing supports, a node with no
edges, a locator that does not match the essay's text) fail only a ``--strict`` check.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "m.yaml").write_text("id: m\ntitle: M\nnodes:\n  - {id: a, kind: clam, text: A.}\n")
>>> report = check([folder])
>>> [f"{p.line}:{p.column} {p.code}" for p in report.problems]
['4:19 unknown-kind']
>>> report.ok()
False
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from argmap import rules as validate
from argmap.errors import ArgmapError, Problem, Severity
from argmap.formats import registry
from argmap.formats.text import read_text
from argmap.formats.yaml import (
    YAML_SUFFIXES,
    LoadedFile,
    folder_problems,
    load_corpus_file,
    load_file,
    yaml_files,
)
from argmap.model import Corpus, invariants
from argmap.schemes import Catalogue, scheme_findings

__all__ = ["TEXT_FILE_LIMIT", "CheckReport", "check"]

TEXT_FILE_LIMIT = 16 * 1024 * 1024
"""The largest essay text (``text_file``) a check reads, in bytes; it must be a regular file."""


@attrs.frozen
class CheckReport:
    """What :func:`check` found: the files it read and the problems, in file order."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    corpora: dict[str, Corpus] = attrs.field(factory=dict, eq=False, repr=False)
    """When nothing is in error: the corpus of each folder checked, by the path as given (what
    :func:`~argmap.formats.yaml.read_corpus` reads, for an analysis that follows the check)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make input invalid."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that fail only a strict check."""
        return tuple(p for p in self.problems if not p.is_error)

    def ok(self, strict: bool = False) -> bool:
        """Whether the input passes: no errors (and, if ``strict``, no warnings)."""
        return not (self.problems if strict else self.errors)


def _warnings(loaded: LoadedFile, catalogue: Catalogue | None = None) -> list[Problem]:
    """The rules' warnings about a loaded map, with the essay text when it names one."""
    m = loaded.map
    assert m is not None
    findings = validate.map_warnings(m) + scheme_findings(m, catalogue)
    if m.text_file is not None:
        text_path = loaded.path.parent / m.text_file
        try:
            paragraphs = validate.paragraphs_of(read_text(text_path, limit=TEXT_FILE_LIMIT))
        except ArgmapError as exc:
            reason = exc.problems[0].message if exc.problems else exc.message
            findings.append(
                invariants.Finding(
                    ("text_file",),
                    f"cannot read the essay text {text_path} ({reason}); locators are not checked",
                    "text-file-missing",
                    Severity.WARNING,
                )
            )
        else:
            findings += validate.text_findings(m, paragraphs, m.text_file)
    return loaded.locate(findings)


def _expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = yaml_files(path)
            if not found:
                problems.append(
                    Problem(
                        f"no {' or '.join(YAML_SUFFIXES)} files in this folder",
                        code="no-files",
                        path=str(path),
                    )
                )
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem("no such file or folder", code="not-found", path=str(path)))
    unique = list(dict.fromkeys(files))
    return unique, problems


def _check_corpus(
    corpus_file: LoadedFile, siblings: list[LoadedFile]
) -> tuple[Corpus | None, list[Problem]]:
    corpus, problems = load_corpus_file(corpus_file, siblings)
    if corpus is not None:
        problems += corpus_file.locate(validate.corpus_warnings(corpus))
    return corpus, problems


def _load(path: Path) -> LoadedFile:
    """A file as far as it could be read.

    A YAML map or corpus itself; a map in any other format through the format registry
    (its format found by suffix and content).
    """
    if path.suffix.lower() in YAML_SUFFIXES:
        return load_file(path)
    try:
        m = registry.read(path)
    except ArgmapError as exc:
        problems = exc.problems or (Problem(exc.message, code="unreadable", path=str(path)),)
        return LoadedFile(path, problems=tuple(problems))
    return LoadedFile(path, map=m)


def _problems_of(loaded: LoadedFile, catalogue: Catalogue | None = None) -> list[Problem]:
    """A file's own problems, and the rules' warnings when it is a valid map."""
    warned = _warnings(loaded, catalogue) if loaded.map is not None else []
    return [*loaded.problems, *warned]


def check(paths: Iterable[str | Path], catalogue: Catalogue | None = None) -> CheckReport:
    """Check map and corpus files, and the folders of them, reporting every problem.

    A folder means the YAML files directly in it. A corpus file is checked against the
    maps in its own folder, whether or not they were named. A file in another format (AIF,
    Argdown, Kialo, …; see :mod:`argmap.formats.registry`) is read as that format and its
    map checked by the same rules.

    Parameters
    ----------
    paths
        Files and folders.
    catalogue
        The schemes reasons may name (:mod:`argmap.schemes`; the built-in one by default).

    Returns
    -------
    CheckReport
        The files read and every problem, sorted by file, line and column.
    """
    paths = list(paths)
    files, problems = _expand(paths)
    loaded = {path: _load(path) for path in files}
    corpora: dict[Path, Corpus | None] = {}
    for path, item in loaded.items():
        problems += _problems_of(item, catalogue)
        if item.is_corpus:
            siblings = [loaded.get(p) or load_file(p) for p in yaml_files(path.parent) if p != path]
            corpora[path.parent], found = _check_corpus(item, siblings)
            problems += found
    by_folder: dict[Path, list[LoadedFile]] = {}
    for item in loaded.values():
        by_folder.setdefault(item.path.parent, []).append(item)
    for folder, items in by_folder.items():
        problems += folder_problems(items, folder)
    ordered = sorted(problems, key=lambda p: (p.path or "", p.line or 0, p.column or 0))
    read: dict[str, Corpus] = {}
    if not any(p.is_error for p in ordered):
        for raw in paths:
            folder = Path(raw)
            if folder.is_dir():
                maps = [loaded[p].map for p in yaml_files(folder)]
                read[str(raw)] = corpora.get(folder) or Corpus([m for m in maps if m is not None])
    return CheckReport(tuple(str(f) for f in files), tuple(ordered), read)

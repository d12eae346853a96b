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

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
from ruamel.yaml.comments import CommentedMap

from argmap import rules as validate
from argmap.errors import Problem, Severity
from argmap.formats.yaml import (
    YAML_SUFFIXES,
    duplicate_essay_problems,
    is_corpus_document,
    load_corpus_document,
    load_map_document,
    locate_findings,
    parse_yaml,
    yaml_files,
)
from argmap.model import ArgumentMap, invariants

__all__ = ["CheckReport", "check"]


@attrs.frozen
class CheckReport:
    """What :func:`check` found: the files it read and the problems, in file order."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]

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


@attrs.define
class _Loaded:
    """One file as far as it could be read."""

    path: Path
    document: CommentedMap | None = None
    text: str = ""
    map: ArgumentMap | None = None
    problems: list[Problem] = attrs.field(factory=list)

    @property
    def is_corpus(self) -> bool:
        return self.document is not None and is_corpus_document(self.document)

    @property
    def essay_id(self) -> str | None:
        value = self.document.get("id") if self.document is not None else None
        return value if isinstance(value, str) else None


def _load(path: Path) -> _Loaded:
    loaded = _Loaded(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        loaded.problems.append(
            Problem(
                f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                code="encoding",
                path=str(path),
            )
        )
        return loaded
    except OSError as exc:
        loaded.problems.append(
            Problem(f"cannot read: {exc.strerror}", code="unreadable", path=str(path))
        )
        return loaded
    loaded.document, found = parse_yaml(text, str(path))
    loaded.problems += found
    loaded.text = text
    if loaded.document is not None and not loaded.is_corpus:
        loaded.map, found = load_map_document(loaded.document, str(path), text)
        loaded.problems += found
        if loaded.map is not None:
            loaded.problems += _warnings(loaded.map, loaded.document, path)
    return loaded


def _warnings(m: ArgumentMap, document: CommentedMap, path: Path) -> list[Problem]:
    findings = validate.map_warnings(m)
    if m.text_file is not None:
        text_path = path.parent / m.text_file
        try:
            paragraphs = validate.paragraphs_of(text_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
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
    return locate_findings(findings, document, str(path))


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


def _check_corpus(corpus_file: _Loaded, siblings: Sequence[_Loaded]) -> list[Problem]:
    assert corpus_file.document is not None
    maps = [s.map for s in siblings if s.map is not None]
    unreadable = [s.essay_id or "" for s in siblings if s.map is None and not s.is_corpus]
    corpus, problems = load_corpus_document(
        corpus_file.document, str(corpus_file.path), maps, corpus_file.text, unreadable
    )
    if corpus is not None:
        problems += locate_findings(
            validate.corpus_warnings(corpus), corpus_file.document, str(corpus_file.path)
        )
    return problems


def check(paths: Iterable[str | Path]) -> CheckReport:
    """Check map and corpus files, and the folders of them, reporting every problem.

    A folder means the YAML files directly in it. A corpus file is checked against the
    maps in its own folder, whether or not they were named.

    Parameters
    ----------
    paths
        Files and folders.

    Returns
    -------
    CheckReport
        The files read and every problem, sorted by file, line and column.
    """
    files, problems = _expand(paths)
    loaded = {path: _load(path) for path in files}
    for path, item in loaded.items():
        problems += item.problems
        if not item.is_corpus:
            continue
        siblings = [loaded.get(p) or _load(p) for p in yaml_files(path.parent) if p != path]
        problems += _check_corpus(item, siblings)
    by_folder: dict[Path, list[ArgumentMap]] = {}
    for item in loaded.values():
        if item.map is not None:
            by_folder.setdefault(item.path.parent, []).append(item.map)
    for maps in by_folder.values():
        problems += duplicate_essay_problems(maps)
    corpus_files: dict[Path, list[str]] = {}
    for item in loaded.values():
        if item.is_corpus:
            corpus_files.setdefault(item.path.parent, []).append(str(item.path))
    for folder, names in corpus_files.items():
        if len(names) > 1:
            problems.append(
                Problem(
                    f"more than one corpus file: {', '.join(names)}",
                    code="corpus-files",
                    path=str(folder),
                )
            )
    ordered = sorted(problems, key=lambda p: (p.path or "", p.line or 0, p.column or 0))
    return CheckReport(tuple(str(f) for f in files), tuple(ordered))

r"""Reading and writing the text of format files, with errors that name file, line and column.

Every reader in :mod:`argmap.formats` gets its text from :func:`read_text` and every file
argmap writes (maps, converted files, drawings, report pages) goes through :func:`write_text`
or :func:`write_bytes`, so that all of them handle encodings, byte-order marks, oversized and
unreadable files the same way, never leave a half-written file (the writes are atomic), and
raise :class:`~argmap.errors.ArgmapError` rather than a traceback.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_bytes(b"\xef\xbb\xbfok\nbad \xff here\n")
>>> read_text(path)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.ArgmapError: ...a.txt:2:5: error: not UTF-8 text: byte 0xff cannot start a character [encoding]
>>> write_text(path, "ok\n"); read_text(path)
'ok\n'
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import errno
import json
import os
import re
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError, Problem

if TYPE_CHECKING:  # the model is imported when needed: the command line's --help stays light
    from argmap.model.invariants import Pointer

__all__ = [
    "MAX_BYTES",
    "json_position",
    "line_column",
    "locate_problems",
    "parse_json",
    "parse_located_xml",
    "position",
    "read_text",
    "relocate",
    "write_bytes",
    "write_text",
]

MAX_BYTES = 256 * 1024 * 1024
"""The largest file :func:`read_text` reads (256 MiB): a map file is never near that."""


def position(data: bytes, offset: int) -> tuple[int, int]:
    r"""The 1-based (line, column) of byte ``offset``, the column counted in characters.

    >>> position(b"ab\ncd", 4)
    (2, 2)
    """
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", errors="replace")) + 1


def _unreadable(path: Path, message: str, code: str) -> ArgmapError:
    return ArgmapError.at(message, code, str(path))


def read_text(path: str | Path, *, limit: int = MAX_BYTES) -> str:
    """A UTF-8 file's text (a leading byte-order mark dropped, line ends as they are).

    Only regular files are read: a device (``/dev/zero``), a pipe or a folder is refused
    before it is opened, so reading never blocks or runs on without end.

    Raises
    ------
    ArgmapError
        If the file is missing, not a regular file, unreadable, larger than ``limit``
        bytes, or not UTF-8 (with the line and column of the first bad byte); its
        problem's code is ``not-found``, ``not-a-file``, ``unreadable``, ``too-large`` or
        ``encoding``.
    """
    path = Path(path)
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            what = "a folder" if stat.S_ISDIR(found.st_mode) else "a device, pipe or socket"
            raise _unreadable(path, f"cannot read: {what}, not a regular file", "not-a-file")
        if found.st_size > limit:
            raise _unreadable(path, f"larger than the limit of {limit} bytes", "too-large")
        with path.open("rb") as f:  # read no more than the file held, nor than the limit
            data = f.read(min(found.st_size, limit) + 1)
    except FileNotFoundError:
        raise _unreadable(path, "cannot read: no such file", "not-found") from None
    except OSError as exc:
        raise _unreadable(path, f"cannot read: {exc.strerror}", "unreadable") from None
    if len(data) > limit:
        raise _unreadable(path, f"larger than the limit of {limit} bytes", "too-large")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = position(data, exc.start)
        byte = data[exc.start : exc.start + 1].hex()
        message = f"not UTF-8 text: byte 0x{byte} {_reason(exc.reason)}"
        raise ArgmapError.at(message, "encoding", str(path), line, column) from None


def _reason(reason: str) -> str:
    return {
        "invalid start byte": "cannot start a character",
        "invalid continuation byte": "cannot continue a character",
        "unexpected end of data": "begins a character the file cuts off",
    }.get(reason, f"is invalid ({reason})")


def _unwritable(path: Path, message: str) -> ArgmapError:
    return ArgmapError.at(message, "unwritable", str(path))


def write_text(path: str | Path, text: str) -> None:
    r"""Write UTF-8 text to a file atomically: a failed write leaves the old file as it was.

    See :func:`write_bytes`, which does the writing.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
    >>> write_text(path, "id: m\n"); path.read_text()
    'id: m\n'

    Raises
    ------
    ArgmapError
        If the file cannot be written (code ``unwritable``).
    TypeError
        If ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"write_text needs a str, not {type(text).__name__}")
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | Path, data: bytes) -> None:
    r"""Write bytes to a file atomically: the file holds the old bytes or the new, never a mix.

    The bytes go to a new temporary file in the same folder (``.NAME.XXXX.tmp``), are flushed
    to disk (``fsync``), and the temporary file then replaces ``path`` in one step
    (``os.replace``), after which the folder is synced too. So a full disk, a failed write,
    an exception or Ctrl-C half-way leaves the old file byte for byte as it was and no
    temporary file behind; and several writers saving the same path at once each use their
    own temporary file, so the file ends up as one of their versions, whole. A new file gets
    the usual permissions (``0o666`` less the umask); a replaced file keeps its permissions
    (and, where allowed, its owner). A symbolic link is followed: its target is replaced. A
    path that is a device or a pipe (``/dev/null``, ``/dev/stdout``) is written directly.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.png"
    >>> write_bytes(path, b"\x89PNG"); path.read_bytes()
    b'\x89PNG'

    Raises
    ------
    ArgmapError
        If the file cannot be written (a missing or read-only folder, a full disk, a folder
        at ``path``), with code ``unwritable``.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        existing = target.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise _unwritable(path, "cannot write: it is a folder")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_special(path, data)
        return
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent
        )
    except FileNotFoundError:
        raise _unwritable(path, "cannot write: its folder does not exist") from None
    except OSError as exc:
        raise _unwritable(path, f"cannot write: {exc.strerror}") from None
    try:
        _fill(fd, data, existing)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _unwritable(path, f"cannot write: {exc.strerror or exc}") from None
        raise
    _sync_folder(target.parent, path)


def _fill(fd: int, data: bytes, existing: os.stat_result | None) -> None:
    """Write all of ``data`` to the open file ``fd``, set its mode, flush it and close it."""
    try:
        _keep_mode(fd, existing)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_mode(fd: int, existing: os.stat_result | None) -> None:
    """Give the new file the old one's mode and owner, or a new file's usual mode."""
    if not hasattr(os, "fchmod"):  # Windows: no POSIX modes to keep
        return
    if existing is None:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))
    own = os.fstat(fd)
    if (existing.st_uid, existing.st_gid) != (own.st_uid, own.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(fd, existing.st_uid, existing.st_gid)


def _write_special(path: Path, data: bytes) -> None:
    """Write to a device or a pipe, which cannot be replaced (nor torn: there is no old file)."""
    try:
        with path.open("wb") as f:
            f.write(data)
    except OSError as exc:
        raise _unwritable(path, f"cannot write: {exc.strerror or exc}") from None


def _sync_folder(folder: Path, path: Path) -> None:
    """Make the replacement itself durable: fsync the folder (where the system allows it)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:  # Windows, or a folder that cannot be opened: nothing more to do
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_FOLDER_SYNC:
            message = f"written, but its folder could not be synced to disk: {exc.strerror}"
            raise _unwritable(path, message) from None
    finally:
        os.close(fd)


_NO_FOLDER_SYNC = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EACCES}
"""What ``fsync`` of a folder raises where the file system does not support it."""

_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask (read by setting and restoring it, under a lock for threads)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def parse_json(text: str, path: str | Path = "<input>") -> Any:
    """Parsed JSON, nested at most :data:`~argmap.model.invariants.MAX_DEPTH` deep.

    Raises
    ------
    ArgmapError
        On malformed JSON or nesting deeper than 100, with the line and column.

    >>> parse_json('{"a": [1, 2]}')
    {'a': [1, 2]}
    >>> parse_json("[" * 500 + "]" * 500, "deep.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: deep.json:1:101: error: nested deeper than 100 lists and objects [too-deep]
    """
    from argmap.model.invariants import MAX_DEPTH

    too_deep = _json_too_deep(text, MAX_DEPTH)
    if too_deep is not None:
        line, column = line_column(text, too_deep)
        message = f"nested deeper than {MAX_DEPTH} lists and objects"
        raise ArgmapError.at(message, "too-deep", str(path), line, column)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArgmapError(
            problems=[
                Problem(
                    f"malformed JSON: {exc.msg}",
                    code="json-syntax",
                    path=str(path),
                    line=exc.lineno,
                    column=exc.colno,
                )
            ]
        ) from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def _json_too_deep(text: str, limit: int) -> int | None:
    """The offset of the first bracket nested deeper than ``limit``, if any."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def line_column(text: str, offset: int) -> tuple[int, int]:
    r"""The 1-based (line, column) of character ``offset`` of ``text``.

    >>> line_column("ab\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_JSON_VALUE = re.compile(r'\s*(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[\[\]{},:])')


def json_position(text: str, pointer: Pointer) -> tuple[int, int] | None:
    r"""The (line, column) of the value at ``pointer`` in JSON ``text``, or of its nearest parent.

    ``pointer`` is a path of object keys and list positions, as in ``("nodes", 3, "text")``.
    ``None`` when the text is not JSON this can follow.

    >>> json_position('{"nodes": [\n  {"id": 1},\n  {"id": 2}\n]}', ("nodes", 1, "id"))
    (3, 10)
    >>> json_position('{"a": 1}', ("b",))
    (1, 1)
    """
    walker = _JsonWalker(text)
    try:
        return walker.find(pointer)
    except (ValueError, IndexError):
        return None


class _JsonWalker:
    """Follows a pointer through JSON text token by token (no recursion, no parse tree)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0

    def token(self) -> tuple[str, int]:
        match = _JSON_VALUE.match(self.text, self.offset)
        if match is None:
            raise ValueError("not JSON")
        self.offset = match.end()
        value = match.group().lstrip()
        return value, match.end() - len(value)

    def skip(self, first: str) -> None:
        """Skip the rest of a value whose first token was ``first``."""
        depth = 1 if first in "[{" else 0
        while depth:
            token, _ = self.token()
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1

    def find(self, pointer: Pointer) -> tuple[int, int]:
        token, start = self.token()
        found = start
        for step in pointer:
            start = self.child(token, step)
            if start < 0:
                break
            found = start
            token = self.text[start]
            self.offset = start + 1
            if token == '"':
                break
        return line_column(self.text, found)

    def child(self, container: str, step: str | int) -> int:
        """The offset of ``step`` in the container just opened, or -1."""
        index = 0
        while True:
            token, start = self.token()
            if token in "]}":
                return -1
            if token == ",":
                continue
            if container == "{":
                key = json.loads(token)
                self.token()  # the colon
                token, start = self.token()
                if key == step:
                    self.offset = start
                    return start
            elif container == "[":
                if index == step:
                    self.offset = start
                    return start
                index += 1
            else:
                return -1
            self.skip(token)


def locate_problems(
    problems: Iterable[Problem],
    path: str,
    where: Callable[[Pointer], tuple[int, int] | None],
    default: tuple[int, int] = (1, 1),
) -> list[Problem]:
    """Problems with ``path`` set, and a line and column from their pointer where missing.

    ``where`` gives the position of a pointer (``None``: unknown); a problem with neither
    a position nor a pointer it can place is put at ``default``, the nearest line known.
    """
    located = []
    for problem in problems:
        line, column = problem.line, problem.column
        if line is None:
            pointer = _parse_pointer(problem.pointer) if problem.pointer else ()
            line, column = where(pointer) or default
        located.append(dataclasses.replace(problem, path=path, line=line, column=column))
    return located


_POINTER_STEP = re.compile(r"\.([^.[]+)|\[(\d+)\]")


def _parse_pointer(text: str) -> Pointer:
    """The steps of a pointer written by :func:`~argmap.model.invariants.pointer_text`.

    >>> _parse_pointer("$.nodes[3].text")
    ('nodes', 3, 'text')
    """
    steps: list[str | int] = []
    for match in _POINTER_STEP.finditer(text.removeprefix("$")):
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return tuple(steps)


def relocate(
    error: ArgmapError, path: str, where: Callable[[Pointer], tuple[int, int] | None]
) -> ArgmapError:
    """``error`` with every problem given ``path`` and a position (see :func:`locate_problems`)."""
    problems = error.problems or (
        Problem(error.message, code="invalid-value", line=error.line, column=error.column),
    )
    return ArgmapError.from_problems(locate_problems(problems, path, where))


def parse_located_xml(
    text: str,
    path: str,
    start: Callable[[str, dict[str, str], tuple[int, int]], None],
    problems: list[Problem],
    what: str = "XML",
    characters: Callable[[str], None] | None = None,
) -> None:
    """Read XML with expat, telling ``start`` each element's tag, attributes and (line, column).

    What is wrong is appended to ``problems``, each at its line and column: malformed XML
    (reading stops there), an entity declaration (refused: entities are how a small file
    expands to gigabytes), a control character in a text or attribute. ``characters``, if
    given, receives the text between tags as expat reads it.
    """
    _XmlReader(path, start, problems, what, characters).read(text)


class _StopXml(Exception):
    """Stops reading an XML text at a problem that must not be read past."""


class _XmlReader:
    """The expat handlers of :func:`parse_located_xml`."""

    def __init__(
        self,
        path: str,
        start: Callable[[str, dict[str, str], tuple[int, int]], None],
        problems: list[Problem],
        what: str,
        characters: Callable[[str], None] | None = None,
    ) -> None:
        from xml.parsers import expat

        self.what = what
        self.characters = characters
        self.expat = expat
        self.parser = expat.ParserCreate()
        self.path, self.start, self.problems = path, start, problems
        self.parser.StartElementHandler = self.element
        self.parser.CharacterDataHandler = self.text
        self.parser.EntityDeclHandler = self.entity

    def read(self, text: str) -> None:
        try:
            self.parser.Parse(text, True)
        except _StopXml:
            pass
        except self.expat.ExpatError as exc:
            message = f"malformed {self.what}: {self.expat.ErrorString(exc.code)}"
            self.problems.append(
                Problem(
                    message,
                    code="xml-syntax",
                    path=self.path,
                    line=exc.lineno,
                    column=exc.offset + 1,
                )
            )

    def where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def problem(self, message: str, code: str) -> None:
        line, column = self.where()
        if len(self.problems) < 100:
            self.problems.append(
                Problem(message, code=code, path=self.path, line=line, column=column)
            )

    def check(self, value: str) -> None:
        from argmap.model.invariants import CONTROL_CHARACTERS

        match = CONTROL_CHARACTERS.search(value)
        if match is not None:
            self.problem(
                f"the control character U+{ord(match.group()):04X}; texts may hold tabs and "
                "line breaks only",
                "control-character",
            )

    def text(self, value: str) -> None:
        self.check(value)
        if self.characters is not None:
            self.characters(value)

    def element(self, tag: str, attributes: dict[str, str]) -> None:
        for value in attributes.values():
            self.check(value)
        self.start(tag, attributes, self.where())

    def entity(self, name: str, *_: object) -> None:
        self.problem(f"entity declarations are refused (entity '{name}')", "xml-entity")
        raise _StopXml

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
import errno
import json
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, Problem

__all__ = ["MAX_BYTES", "parse_json", "position", "read_text", "write_bytes", "write_text"]

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
    return ArgmapError(problems=[Problem(message, code=code, path=str(path))])


def read_text(path: str | Path, *, limit: int = MAX_BYTES) -> str:
    """A UTF-8 file's text (a leading byte-order mark dropped, line ends as they are).

    Raises
    ------
    ArgmapError
        If the file is missing, unreadable, larger than ``limit`` bytes, or not UTF-8 (with
        the line and column of the first bad byte); its problem's code is ``not-found``,
        ``unreadable``, ``too-large`` or ``encoding``.
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
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
        raise ArgmapError(
            problems=[
                Problem(
                    f"not UTF-8 text: byte 0x{byte} {_reason(exc.reason)}",
                    code="encoding",
                    path=str(path),
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _reason(reason: str) -> str:
    return {
        "invalid start byte": "cannot start a character",
        "invalid continuation byte": "cannot continue a character",
        "unexpected end of data": "begins a character the file cuts off",
    }.get(reason, f"is invalid ({reason})")


def _unwritable(path: Path, message: str) -> ArgmapError:
    return ArgmapError(problems=[Problem(message, code="unwritable", path=str(path))])


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
    """Parsed JSON.

    Raises
    ------
    ArgmapError
        On malformed JSON, with the line and column.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArgmapError(
            f"malformed JSON: {exc.msg}", path=str(path), line=exc.lineno, column=exc.colno
        ) from None

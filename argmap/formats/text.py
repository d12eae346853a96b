r"""Reading and writing the text of format files, with errors that name file, line and column.

Every reader in :mod:`argmap.formats` gets its text from :func:`read_text` and every writer
puts it with :func:`write_text`, so that all of them handle encodings, byte-order marks,
oversized and unreadable files the same way, and raise :class:`~argmap.errors.ArgmapError`
rather than a traceback.

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
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, Problem

__all__ = ["MAX_BYTES", "parse_json", "position", "read_text", "write_text"]

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


def write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 text to a file atomically: a failed write leaves the old file as it was.

    The text goes to a temporary file in the same folder, which then replaces ``path``.

    Raises
    ------
    ArgmapError
        If the file cannot be written.
    """
    path = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ArgmapError(f"cannot write: {exc.strerror}", path=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ArgmapError(f"cannot write: {exc.strerror}", path=str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
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

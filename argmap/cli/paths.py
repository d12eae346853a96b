"""What a command reads, checked before it is read: a file, or a folder of maps.

A folder given where a file is expected (or the other way round), or a path that does not
exist, is answered in one line that says what the command reads and suggests a path that
would do (a map in the folder, the folder of the file, the closest name).
"""

from __future__ import annotations

from pathlib import Path

from argmap.errors import ArgmapError
from argmap.options import closest

__all__ = ["need_file", "need_folder"]

CORPUS_FILE = "corpus.yaml"
"""The file that makes a folder of maps a corpus."""


def _missing(path: Path) -> ArgmapError:
    """No such path: the closest name in its folder, if any is close."""
    parent = path.parent if str(path.parent) else Path(".")
    names = sorted(p.name for p in parent.iterdir()) if parent.is_dir() else []
    hint = closest(path.name, names)
    suggestion = f" (did you mean {parent / hint}?)" if hint else ""
    return ArgmapError(f"{path}: no such file or folder{suggestion}")


def need_file(raw: str, command: str, what: str, suggest: bool = True) -> Path:
    """``raw`` as a path, if it is a file.

    ``what`` says what the command reads; with ``suggest``, a folder is answered with an
    example command on a map in it.

    Raises
    ------
    ArgmapError
        If it is a folder (suggesting a map in it) or does not exist (suggesting the
        closest name).
    """
    path = Path(raw)
    if path.is_dir():
        maps = sorted(p.name for p in path.glob("*.y*ml") if p.name != CORPUS_FILE)
        example = f"; for example: argmap {command} {path / maps[0]}" if maps and suggest else ""
        raise ArgmapError(f"{path} is a folder, and {command} reads one file: {what}{example}")
    if not path.exists():
        raise _missing(path)
    return path


def need_folder(raw: str, command: str) -> Path:
    """``raw`` as a path, if it is a folder of maps.

    Raises
    ------
    ArgmapError
        If it is a file (suggesting its folder when that holds a corpus) or does not exist.
    """
    path = Path(raw)
    if path.is_file():
        parent = path.parent
        example = (
            f"; for example: argmap {command} {parent}" if (parent / CORPUS_FILE).is_file() else ""
        )
        raise ArgmapError(
            f"{path} is a file, and {command} reads a folder of maps with its "
            f"{CORPUS_FILE}{example}"
        )
    if not path.exists():
        raise _missing(path)
    return path

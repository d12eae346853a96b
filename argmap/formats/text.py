"""Reading files and JSON for the format modules, with errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError

__all__ = ["parse_json", "read_text"]


def read_text(path: str | Path) -> str:
    """A UTF-8 file's text.

    Raises
    ------
    ArgmapError
        If it cannot be read.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ArgmapError(f"cannot read: {exc.strerror}", path=str(path)) from None


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

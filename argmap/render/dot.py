r"""Writing DOT safely, and running Graphviz's ``dot``.

Every piece of text from a map reaches DOT through this module: identifiers and attribute
values through :func:`quote` (backslashes and quotes escaped inside a double-quoted string,
so no DOT escape sequence like ``\\N`` or ``\\G`` and no attribute can be injected), labels as
HTML-like labels built with :func:`html_text` (``&``, ``<``, ``>`` and quotes escaped, so no
markup can be injected). ``dot`` then escapes text again when it writes SVG.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import textwrap
from collections.abc import Iterable, Mapping

from argmap.errors import ArgmapError

__all__ = ["FORMATS", "DotWriter", "Html", "html_label", "html_text", "quote", "run_dot", "wrap"]

FORMATS = ("svg", "png", "pdf", "dot")
"""Output formats: ``dot`` is the source itself, the others are drawn by Graphviz."""


def quote(text: str) -> str:
    r"""A DOT double-quoted string that shows ``text`` literally.

    >>> print(quote('say "hi" \\N'))
    "say \"hi\" \\N"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def html_text(text: str) -> str:
    """Text for inside an HTML-like label: markup characters escaped, line breaks kept.

    >>> html_text('<script> & "x"')
    '&lt;script&gt; &amp; &quot;x&quot;'
    """
    return "<BR/>".join(html.escape(line, quote=True) for line in text.splitlines() or [""])


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (long words are broken)."""
    return textwrap.wrap(" ".join(text.split()), width) or [""]


class Html(str):
    """An HTML-like label's markup, written by this package (never by a map's text)."""

    __slots__ = ()


def html_label(markup: str) -> Html:
    """Mark markup (whose text parts went through :func:`html_text`) as a label."""
    return Html(f"<{markup}>")


def _attributes(attributes: Mapping[str, str | int | float]) -> str:
    parts = []
    for key, value in attributes.items():
        if isinstance(value, Html):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={quote(str(value))}")
    return f" [{', '.join(parts)}]" if parts else ""


class DotWriter:
    """Accumulates DOT statements; every identifier and value is quoted on the way in."""

    def __init__(self, name: str, attributes: Mapping[str, str | int | float]) -> None:
        self.lines = [f"digraph {quote(name)} {{"]
        self.lines += [f"  {key}={quote(str(value))};" for key, value in attributes.items()]
        self.indent = "  "

    def label(self, label: Html) -> None:
        """The (sub)graph's own label, as HTML-like markup."""
        self.lines.append(f"{self.indent}label={label};")

    def defaults(self, kind: str, attributes: Mapping[str, str | int | float]) -> None:
        """Default attributes for ``node``, ``edge`` or ``graph``."""
        self.lines.append(f"{self.indent}{kind}{_attributes(attributes)};")

    def node(self, name: str, attributes: Mapping[str, str | int | float]) -> None:
        """A node statement."""
        self.lines.append(f"{self.indent}{quote(name)}{_attributes(attributes)};")

    def edge(self, source: str, target: str, attributes: Mapping[str, str | int | float]) -> None:
        """An edge statement."""
        self.lines.append(
            f"{self.indent}{quote(source)} -> {quote(target)}{_attributes(attributes)};"
        )

    def open(self, name: str, attributes: Mapping[str, str | int | float]) -> None:
        """Open a subgraph (a cluster when ``name`` starts with ``cluster``)."""
        self.lines.append(f"{self.indent}subgraph {quote(name)} {{")
        self.indent += "  "
        self.lines += [
            f"{self.indent}{key}={quote(str(value))};" for key, value in attributes.items()
        ]

    def same_rank(self, rank: str, names: Iterable[str]) -> None:
        """Put nodes on one rank (``min``, ``max``, ``same``, ``source``, ``sink``)."""
        members = " ".join(quote(n) for n in names)
        if members:
            self.lines.append(f"{self.indent}{{rank={rank}; {members}}}")

    def close(self) -> None:
        """Close the innermost subgraph."""
        self.indent = self.indent[:-2]
        self.lines.append(f"{self.indent}}}")

    def source(self) -> str:
        """The finished DOT text."""
        return "\n".join([*self.lines, "}"]) + "\n"


def run_dot(source: str, fmt: str, timeout: float | None = None) -> bytes:
    """Lay out DOT with Graphviz's ``dot`` and return the drawing in ``fmt``.

    Raises
    ------
    ArgmapError
        If ``dot`` is missing, fails, or the format is unknown.
    """
    if fmt not in FORMATS:
        raise ArgmapError(f"unknown diagram format '{fmt}'; known: {', '.join(FORMATS)}")
    if fmt == "dot":
        return source.encode("utf-8")
    program = shutil.which("dot")
    if program is None:
        raise ArgmapError(
            "Graphviz's 'dot' program is not installed (make demo installs it; or use -o x.dot)"
        )
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ArgmapError(f"dot took longer than {timeout} s") from None
    if done.returncode != 0:
        raise ArgmapError(f"dot failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout

"""Every link of the docs site leads somewhere in the built site (``mkdocs build --strict``).

MkDocs only logs a relative link that leaves ``docs/`` (such as ``../examples/``) unless
``mkdocs.yml`` makes it a warning; this test reads the links as MkDocs does, without it.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import ROOT

DOCS = ROOT / "docs"


def _slug(heading: str) -> str:
    """The anchor MkDocs' table of contents gives a heading (its default ``slugify``)."""
    text = unicodedata.normalize("NFKD", re.sub(r"[`*]", "", heading))
    text = re.sub(r"[^\w\s-]", "", text.encode("ascii", "ignore").decode()).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _unfenced(text: str) -> str:
    """Markdown without its fenced code blocks."""
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def _prose(text: str) -> str:
    """Markdown without its fenced code blocks and code spans (their brackets are no links)."""
    return re.sub(r"`[^`\n]*`", "", _unfenced(text))


def _anchors(page: Path) -> set[str]:
    """The anchors of a page's headings (a heading may be a code span: ``argmap check``)."""
    text = _unfenced(page.read_text(encoding="utf-8"))
    return {_slug(h) for h in re.findall(r"^#+\s+(.*?)\s*$", text, re.M)}


def _broken(page: Path, root: Path = DOCS) -> list[str]:
    found = []
    for target in re.findall(r"\]\(([^)\s]+)\)", _prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # https:, mailto:
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        inside = dest.is_relative_to(root.resolve()) and dest.exists()
        if not inside or (anchor and dest.suffix == ".md" and anchor not in _anchors(dest)):
            found.append(target)
    return found


def test_slug_is_mkdocs() -> None:
    assert _slug("`argmap check PATH...`") == "argmap-check-path"
    assert _slug("Status words") == "status-words"


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_every_link_of_a_page_is_in_the_site(page: Path) -> None:
    assert _broken(page) == []


def test_the_checker_finds_links_out_of_the_site(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "examples").mkdir()
    (docs / "other.md").write_text("# A title\n", encoding="utf-8")
    page = docs / "index.md"
    page.write_text(
        "[a](other.md) [b](../examples/) [c](other.md#nope) [d](other.md#a-title) "
        "[e](https://example.org/x) [f](#here)\n\n## Here\n\n```\n[g](missing.md)\n```\n",
        encoding="utf-8",
    )
    assert _broken(page, docs) == ["../examples/", "other.md#nope"]


def test_mkdocs_strict_fails_on_links_out_of_the_site() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "unrecognized_links: warn" in config
    assert "anchors: warn" in config


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="mkdocs is not installed")
def test_mkdocs_build_strict(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

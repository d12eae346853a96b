"""Look at a page in the real browser: where things are on screen, and how big the text is.

The suite's Chromium (installed by ``make test``, see tools/ensure-chromium.sh) opens a copy
of the page with one script added at the end; after the page's own scripts have run (and
any ``#focus=`` in the address has been handled), it measures the elements named by CSS
selectors and the on-screen height of the diagram text, and writes the figures into the
DOM, which ``--dump-dom`` hands back. Nothing is installed and no port is opened. For
example ``measure(site / "index.html", ["h1"])["h1"][0]["top"]`` is where the title starts.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
"""The browser, or ``None`` (tests that need it are skipped)."""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]

_MEASURE = """
<script>
window.addEventListener('load', function () {
  setTimeout(function () {
    function box(element) {
      var r = element.getBoundingClientRect(), style = getComputedStyle(element);
      return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
              width: r.width, height: r.height,
              shown: style.display !== 'none' && style.visibility !== 'hidden'
                     && parseFloat(style.opacity || '1') > 0};
    }
    var found = {viewport: [window.innerWidth, window.innerHeight],
                 scroll: [window.scrollX, window.scrollY], text: []};
    SELECTORS.forEach(function (selector) {
      found[selector] = Array.prototype.slice.call(
        document.querySelectorAll(selector), 0, 400).map(box);
    });
    document.querySelectorAll('svg text').forEach(function (text) {
      var r = text.getBoundingClientRect();
      if (r.height > 0) { found.text.push(r.height); }
    });
    document.documentElement.setAttribute('data-measured', JSON.stringify(found));
  }, WAIT);
});
</script>
"""


def measure(
    page: Path,
    selectors: list[str],
    *,
    size: tuple[int, int] = (1400, 900),
    fragment: str = "",
    wait_ms: int = 400,
    profile: Path | None = None,
) -> dict[str, Any]:
    """Open ``page`` (plus ``#fragment``) at ``size`` and measure it.

    Returns ``viewport`` (width, height), ``scroll`` (x, y), ``text`` (the on-screen height
    in px of every SVG text element drawn) and, per selector, a list of boxes: ``left``,
    ``top``, ``right``, ``bottom``, ``width``, ``height`` in viewport px and ``shown``.

    Raises
    ------
    AssertionError
        If the browser is missing or the page reported nothing (a script error).
    """
    assert CHROMIUM is not None, "Chromium is not installed"
    copy = page.with_name(f".measured-{page.name}")
    script = _MEASURE.replace("SELECTORS", json.dumps(selectors)).replace("WAIT", str(wait_ms))
    source = page.read_text(encoding="utf-8")
    cut = source.rfind("</body>")
    copy.write_text(
        source[:cut] + script + source[cut:] if cut >= 0 else source + script, encoding="utf-8"
    )
    profile = profile or page.parent / ".chromium-profile"
    try:
        done = subprocess.run(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={size[0]},{size[1]}",
                f"--virtual-time-budget={wait_ms + 3000}",
                "--dump-dom",
                copy.as_uri() + (f"#{fragment}" if fragment else ""),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        copy.unlink()
    found = re.search(r'data-measured="([^"]*)"', done.stdout)
    assert found, f"the page reported nothing: {done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def screenshot(
    page: Path, shot: Path, *, size: tuple[int, int] = (1400, 900), fragment: str = ""
) -> Path:
    """A PNG of ``page`` as a person sees it first at ``size`` (for the docs and for review)."""
    assert CHROMIUM is not None, "Chromium is not installed"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={page.parent / '.chromium-profile'}",
            f"--window-size={size[0]},{size[1]}",
            "--virtual-time-budget=3000",
            f"--screenshot={shot}",
            page.as_uri() + (f"#{fragment}" if fragment else ""),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return shot


def inside(box: dict[str, Any], viewport: list[int], slack: float = 1.0) -> bool:
    """Whether a measured box lies wholly within the viewport (to ``slack`` px)."""
    width, height = viewport
    return bool(
        box["left"] >= -slack
        and box["top"] >= -slack
        and box["right"] <= width + slack
        and box["bottom"] <= height + slack
    )

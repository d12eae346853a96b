"""The README's library example runs as a new user would paste it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import MAPS, ROOT


def test_readme_library_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    shutil.copytree(MAPS, tmp_path / "maps")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[8] == "51 11 1"  # after the eight recommendations
    assert lines[9] == (
        "c-credibility-bar is rejected (grounded): every reason for it fails: s-credibility "
        "(undercut by c-cannot-ignore, which is accepted)."
    )
    assert (tmp_path / "copy.yaml").read_text(encoding="utf-8") == (
        MAPS / "arrington-yeo-2019.yaml"
    ).read_text(encoding="utf-8")
    assert (tmp_path / "arrington-yeo.svg").read_text(encoding="utf-8").startswith("<?xml")

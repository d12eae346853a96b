"""Paths and small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
SHOWCASE = MAPS / "arrington-yeo-2019.yaml"

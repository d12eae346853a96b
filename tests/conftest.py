from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import SEEDS

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def needs_seeds() -> Path:
    """The essays' texts, beside the project; tests that read them skip without them."""
    if not SEEDS.is_dir():
        pytest.skip(f"the essays' texts are not at {SEEDS} (shared/ is not beside the project)")
    return SEEDS

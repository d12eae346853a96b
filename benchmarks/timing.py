"""Timing and memory of one benchmark task, shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any


def measure(task: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs, and peak MiB of one run traced by tracemalloc."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    task()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak

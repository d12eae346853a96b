"""Timing and memory of one benchmark task, shared by the benchmark scripts."""

from __future__ import annotations

import gc
import multiprocessing as mp
import resource
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


def _child(run: Callable[[], Any], out: Any) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        answer = run()
    except Exception as exc:  # a tool's failure is a result to report, not a crash
        out.send(f"error: {type(exc).__name__}")
        return
    seconds = time.perf_counter() - start
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024  # KiB -> MiB
    out.send((seconds, peak, answer))


def in_child(run: Callable[[], Any], timeout: float) -> tuple[float, float, Any] | str:
    """(seconds, peak MiB, answer) of ``run()`` in a forked child, or why there is none.

    The answer is ``"timeout"`` when the child is still running after ``timeout`` seconds
    (it is killed), ``"error: ..."`` when ``run`` raised or the child died.
    """
    context = mp.get_context("fork")
    # The child shares the parent's heap copy-on-write; a garbage collection in the child
    # would walk (and so copy) every object the parent holds, charging the tool that
    # allocates most for the benchmark's own data. Freezing moves them out of its reach.
    gc.collect()
    gc.freeze()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(run, sender))
    child.start()
    if receiver.poll(timeout):
        try:
            result: tuple[float, float, Any] | str = receiver.recv()
        except EOFError:
            result = "error: crashed"
        child.join()
        return result
    child.kill()
    child.join()
    return "timeout" if child.exitcode in (None, -9) else "error"

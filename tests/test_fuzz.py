"""Fuzzing every reader with mutations of real files: only located ArgmapErrors, never a hang.

For each reader of :mod:`tests.fuzz_strategies`, mutated seeds are read as a user's command
would read them. Whatever happens must be one of two things: the input loads, and what it
loads saves back to something that loads equal; or it raises :class:`argmap.ArgmapError`
whose every problem names the file and a line. Any other exception fails the test, and so
does an input that takes longer than the deadline.

``make test`` runs a few examples per reader (``ARGMAP_FUZZ_EXAMPLES``, default 25);
``make fuzz`` runs a campaign for ``ARGMAP_FUZZ_SECONDS`` and prints, per reader, the
inputs tried, how many loaded, how many were errors, and the tracebacks (always 0: a
traceback fails the run).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from tests.fuzz_strategies import CORPORA, READERS, SYNTAX, Reader, assert_located, edits, mutate

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "25"))
SECONDS = float(os.environ.get("ARGMAP_FUZZ_SECONDS", "0"))
"""A campaign's length (``make fuzz``), shared among the readers; 0: one batch each."""
DEADLINE = timedelta(seconds=float(os.environ.get("ARGMAP_FUZZ_DEADLINE", "10")))
HANG = 30
"""Seconds after which an input is a hang: the alarm stops it and fails the test."""


class Hang(Exception):
    """An input that kept a reader busy past :data:`HANG` seconds."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"an input kept the reader busy for over {HANG} s")


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if SECONDS:
        print("\nreader      inputs   loaded   errors  tracebacks")
        for reader in READERS:
            c = reader.counts
            print(f"{reader.name:10} {c['inputs']:7} {c['loaded']:8} {c['errors']:8}  0")


def _exercise(reader: Reader, path: Path) -> None:
    reader.counts["inputs"] += 1
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG)
    try:
        loaded = reader.read(path)
        reader.round_trip(loaded)
    except ArgmapError as error:
        reader.counts["errors"] += 1
        assert_located(error, path)
    else:
        reader.counts["loaded"] += 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
def test_mutated_files_give_located_errors_or_load_and_save_back(
    reader: Reader, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if not CORPORA.is_dir() and reader.name in ("argdown", "aif", "arggraph", "kialo"):
        pytest.skip(f"the corpora are not at {CORPORA}")
    seeds = reader.seeds(tmp_path_factory.mktemp(f"seeds-{reader.name}"))
    assert seeds, f"no seed files for {reader.name}"
    contents = [path.read_bytes() for path in seeds]
    work = tmp_path_factory.mktemp(f"fuzz-{reader.name}")
    if reader.folder:  # a corpus: the mutated file replaces one of the folder's files
        for path, data in zip(seeds, contents, strict=True):
            (work / path.name).write_bytes(data)
    warm_up = work / seeds[0].name
    warm_up.write_bytes(contents[0])
    _exercise(reader, warm_up)  # the seeds themselves load; first imports are not timed

    @settings(
        max_examples=EXAMPLES,
        deadline=DEADLINE,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def fuzz(data: st.DataObject) -> None:
        index = data.draw(st.integers(0, len(seeds) - 1), label="seed")
        mutated = mutate(contents[index], data.draw(edits(SYNTAX[reader.syntax]), label="edits"))
        name = seeds[index].name if reader.folder else f"input{reader.suffix}"
        path = work / name
        path.write_bytes(mutated)
        try:
            _exercise(reader, path)
        finally:
            if reader.folder:
                path.write_bytes(contents[index])

    end = time.monotonic() + SECONDS / len(READERS)
    fuzz()
    while time.monotonic() < end:
        fuzz()

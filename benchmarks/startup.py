"""How long the ``argmap`` command takes to start, against the interpreter's own start.

Run:  .venv/bin/python benchmarks/startup.py [--repeat 10]

Runs each command ``--repeat`` times in a fresh process and prints, per command, the median,
the fastest and the slowest wall-clock seconds and the largest peak resident memory (the
child's ``ru_maxrss``, from ``os.wait4``). The peer row, ``python -c pass``, is the
interpreter's own start: what no command can beat.

The last rows are one ICCMA query per process, as the competition runs a solver: credulous
preferred acceptance (``argmap solve -p DC-PR``) on a random framework of 1,000 arguments
and 2,500 attacks (fixed seed), beside ``python -c "import numpy, pysat.solvers"`` (the two
libraries the solver needs, the floor of argmap's own start-up) and µ-toksia (ICCMA 2023,
``/tmp/argmap-peers/mu-toksia``, built by ``../shared/peers/build.sh``; skipped if absent).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.table import format_table

BIN = Path(sys.executable).parent
ARGMAP = str(BIN / "argmap")
COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass (peer)", [sys.executable, "-c", "pass"]),
    ('python -c "import argmap"', [sys.executable, "-c", "import argmap"]),
    ("argmap --version", [ARGMAP, "--version"]),
    ("argmap --help", [ARGMAP, "--help"]),
    ("argmap check --help", [ARGMAP, "check", "--help"]),
]


PEER = Path("/tmp/argmap-peers/mu-toksia")


def solve_commands(folder: Path) -> list[tuple[str, list[str]]]:
    """The per-query rows, on a framework written in ``folder``."""
    rng = random.Random(1000)
    pairs = sorted({(rng.randrange(1000) + 1, rng.randrange(1000) + 1) for _ in range(2600)})
    path = folder / "er-1000.af"
    lines = [f"{a} {b}" for a, b in rng.sample(pairs, 2500)]
    path.write_text("p af 1000\n" + "\n".join(lines) + "\n", encoding="ascii")
    query = ["-p", "DC-PR", "-f", str(path), "-a", "1"]
    rows = [
        ('python -c "import numpy, pysat.solvers"', [sys.executable, "-c", NEEDED]),
        ("argmap solve -p DC-PR (1,000 args)", [ARGMAP, "solve", *query]),
    ]
    if PEER.exists():
        rows.append(("mu-toksia -p DC-PR (peer)", [str(PEER), *query]))
    return rows


NEEDED = "import numpy, pysat.solvers"


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and peak resident MiB of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    """Print the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per command (default: 10)")
    args = parser.parse_args()
    rows = []
    folder = tempfile.TemporaryDirectory()
    for name, command in [*COMMANDS, *solve_commands(Path(folder.name))]:
        run_once(command)  # warm the file cache
        runs = [run_once(command) for _ in range(args.repeat)]
        times = [t for t, _ in runs]
        rows.append(
            [
                name,
                f"{statistics.median(times):.3f}",
                f"{min(times):.3f}",
                f"{max(times):.3f}",
                f"{max(m for _, m in runs):.1f}",
            ]
        )
    folder.cleanup()
    print(format_table(["command", "median s", "min s", "max s", "peak MiB"], rows))


if __name__ == "__main__":
    main()

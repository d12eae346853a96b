"""Reading i23 files and answering ICCMA queries on them, beside µ-toksia.

Run:  .venv/bin/python benchmarks/i23.py [--read 1000000] [--solve 1000 100000]
      [--peer /tmp/argmap-peers/mu-toksia] [--repeat 3]

Frameworks are random (Erdős-Rényi: ``m`` distinct attacks drawn uniformly among the
``n * n`` pairs, fixed seeds) with 3 attacks per argument for reading and 2.5 for solving,
written to a temporary folder.

- **read**: ``AF.from_file`` and ``Split.read`` (what ``argmap solve`` reads a file with)
  in a fresh process; seconds are wall and CPU of the call alone (imports excluded), MiB
  the process's peak resident memory (``ru_maxrss``), the file's size beside it.
- **solve**: the real command, ``argmap solve`` (``python -m argmap`` with this
  interpreter), and the peer (µ-toksia, ICCMA 2023, built by ``../shared/peers/build.sh``;
  skipped if absent), each in a fresh process: wall seconds from start to exit (median of
  ``--repeat``; Python start-up included), CPU seconds (user + system) and peak MiB.
  ``agree`` compares the first line of the answers (YES/NO, or ``w`` for an extension).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.table import format_table

PEER = Path("/tmp/argmap-peers/mu-toksia")
TASKS: tuple[tuple[str, list[str]], ...] = (
    ("SE-PR", []),
    ("DC-CO", ["-a", "1"]),
    ("DC-PR", ["-a", "1"]),
)

READ = """
import resource, sys, time
from argmap.framework import AF, Split
read = AF.from_file if sys.argv[2] == "AF.from_file" else Split.read
wall, cpu = time.perf_counter(), time.process_time()
read(sys.argv[1])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(wall, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


WRITE = """
import sys
import numpy as np
path, n, per_argument, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
m = int(per_argument * n)
rng = np.random.default_rng(seed)
keys = np.unique(rng.integers(0, n * n, int(m * 1.01) + 10))[:m]
rng.shuffle(keys)
source, target = np.divmod(keys, n)
with open(path, "w", encoding="ascii") as out:
    out.write(f"p af {n}\\n")
    np.savetxt(out, np.stack([source + 1, target + 1], axis=1), fmt="%d")
"""


def write_framework(folder: Path, n: int, per_argument: float, seed: int) -> Path:
    """An i23 file of ``n`` arguments and ``per_argument * n`` distinct random attacks.

    Written by a child process, so that this one never loads numpy: a child's peak memory
    as the kernel reports it is never below its parent's at the time it was started.
    """
    path = folder / f"er-{n}.af"
    command = [sys.executable, "-c", WRITE, str(path), str(n), str(per_argument), str(seed)]
    subprocess.run(command, check=True)
    return path


def run(command: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak MiB and the first line of the output of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    first = child.stdout.readline().decode().split(" ")[0].strip()
    child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, first


def median_run(command: list[str], repeat: int) -> tuple[float, float, float, str]:
    run(command)  # warm the file cache
    runs = [run(command) for _ in range(repeat)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        max(r[2] for r in runs),
        runs[0][3],
    )


def main() -> None:
    """Print the two tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--read", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--solve", type=int, nargs="*", default=[1000, 100_000])
    parser.add_argument("--peer", type=Path, default=PEER)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    peer = args.peer if args.peer.exists() else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for n in args.read:
            path = write_framework(folder, n, 3.0, seed=n)
            size = path.stat().st_size / 2**20
            for how in ("AF.from_file", "Split.read"):
                out = subprocess.run(
                    [sys.executable, "-c", READ, str(path), how],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                wall, cpu, mib = (float(x) for x in out)
                rows.append([f"{n:,}", f"{3 * n:,}", f"{size:.0f}", how])
                rows[-1] += [f"{wall:.2f}", f"{cpu:.2f}", f"{mib:.0f}"]
        if rows:
            header = ["args", "attacks", "file MiB", "call", "wall s", "CPU s", "peak MiB"]
            print(format_table(header, rows))
            print()
        rows = []
        for n in args.solve:
            path = write_framework(folder, n, 2.5, seed=n)
            for task, query in TASKS:
                solve = ["-p", task, "-f", str(path), *query]
                mine = median_run([sys.executable, "-m", "argmap", "solve", *solve], args.repeat)
                row = [f"{n:,}", task, f"{mine[0]:.3f}", f"{mine[1]:.3f}", f"{mine[2]:.0f}"]
                if peer is not None:
                    theirs = median_run([str(peer), *solve], args.repeat)
                    row += [f"{theirs[0]:.3f}", f"{theirs[1]:.3f}", f"{theirs[2]:.0f}"]
                    row += [f"{mine[0] / theirs[0]:.1f}", "yes" if mine[3] == theirs[3] else "NO"]
                rows.append(row)
                print(f"  {n:,} {task}: {mine[0]:.2f} s", file=sys.stderr)
        header = ["args", "task", "argmap s", "CPU s", "MiB"]
        if peer is not None:
            header += ["µ-toksia s", "CPU s", "MiB", "ratio", "agree"]
        print(format_table(header, rows))


if __name__ == "__main__":
    main()

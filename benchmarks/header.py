"""What ``argmap solve`` costs when ``p af N`` declares far more arguments than attack.

Run:  .venv/bin/python benchmarks/header.py [--sizes 100000 1000000 10000000 30000000]
      [--peer /tmp/argmap-peers/mu-toksia] [--repeat 1]

An i23 file may declare millions of arguments in a 15-byte header and mention only a few
of them: the isolated ones are in every extension. ``argmap solve`` solves the arguments
in some attack (the core) and writes the isolated ones as it prints the answer
(:class:`argmap.framework.Split`), so its memory should stay flat as ``N`` grows while the
answer itself grows to hundreds of megabytes. Each file here is the header, then a
two-cycle ``1 <-> 2`` and a self-attacking ``3``; the tasks ask for an extension (SE-PR,
SE-ST), credulous acceptance of the last, isolated argument (DC-PR) and skeptical
acceptance of argument 1 (DS-PR, answered NO with a certificate).

Each run is the real command in a fresh process, its answer written to a file: the table
gives wall-clock seconds from start to exit (median of the repeats, Python start-up
included), the process's peak resident memory (``wait4``'s ``ru_maxrss``: never below
this script's own, about 15 MiB, which Linux passes on to a child), the size of the
answer, and the same for the peer (µ-toksia, ICCMA 2023, built by
``../shared/peers/build.sh``; skipped if absent). ``agree`` compares the answers as sets of
tokens per line (a count and a checksum, so that no answer is held in memory here).
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

TASKS = ("SE-PR", "SE-ST", "DC-PR", "DS-PR")
PEER = Path("/tmp/argmap-peers/mu-toksia")


def write_framework(folder: Path, n: int) -> Path:
    path = folder / f"header-{n}.af"
    path.write_text(f"p af {n}\n1 2\n2 1\n3 3\n", encoding="ascii")
    return path


def query(task: str, n: int) -> list[str]:
    if task == "DC-PR":
        return ["-a", str(n)]
    return ["-a", "1"] if task == "DS-PR" else []


def run(command: list[str], out: Path) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of one command, its output to ``out``."""
    start = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def digest(path: Path) -> list[tuple[str, int, int]]:
    """Per line: its first token, how many numbers follow and their sum.

    Read in blocks of 1 MiB, so that this process stays small: a child's peak memory as
    the kernel reports it is never below its parent's at the time it was started.
    """
    lines: list[tuple[str, int, int]] = []
    head: str | None = None
    count = total = 0
    carry = b""
    with path.open("rb") as answer:
        while block := answer.read(2**20):
            block = carry + block
            cut = max(block.rfind(b" "), block.rfind(b"\n"))
            carry, block = block[cut + 1 :], block[: cut + 1]
            for line_end, piece in enumerate(block.split(b"\n")):
                if line_end and head is not None:  # a newline ended the line before
                    lines.append((head, count, total))
                    head, count, total = None, 0, 0
                for token in piece.split():
                    if head is None:
                        head = token.decode()
                    else:
                        count, total = count + 1, total + int(token)
    for token in carry.split():
        if head is None:
            head = token.decode()
        else:
            count, total = count + 1, total + int(token)
    if head is not None:
        lines.append((head, count, total))
    return lines


def measure(command: list[str], out: Path, repeat: int) -> tuple[float, float, int]:
    runs = [run(command, out) for _ in range(repeat)]
    return (
        statistics.median(r[0] for r in runs),
        max(r[1] for r in runs),
        max(r[2] for r in runs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000, 30_000_000]
    )
    parser.add_argument("--peer", type=Path, default=PEER)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    peer = args.peer if args.peer.exists() else None
    if peer is None:
        print(
            f"peer {args.peer} not found: build it with ../shared/peers/build.sh", file=sys.stderr
        )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            path = write_framework(folder, n)
            for task in TASKS:
                solve = ["-p", task, "-f", str(path), *query(task, n)]
                mine = folder / "argmap.out"
                seconds, mib, status = measure(
                    [sys.executable, "-m", "argmap", "solve", *solve], mine, args.repeat
                )
                row = [f"{n:,}", task, f"{seconds:.2f}", f"{mib:.0f}", str(status)]
                row.append(f"{mine.stat().st_size / 2**20:.0f}")
                if peer is not None:
                    theirs = folder / "peer.out"
                    p_seconds, p_mib, _ = measure([str(peer), *solve], theirs, args.repeat)
                    agree = digest(mine) == digest(theirs)
                    row += [f"{p_seconds:.2f}", f"{p_mib:.0f}", f"{seconds / p_seconds:.1f}"]
                    row.append("yes" if agree else "NO")
                rows.append(row)
                print(f"  {n:,} {task}: {seconds:.2f} s, {mib:.0f} MiB", file=sys.stderr)
    header = ["N", "task", "argmap s", "MiB", "exit", "answer MiB"]
    if peer is not None:
        header += ["µ-toksia s", "MiB", "ratio", "agree"]
    print(format_table(header, rows))


if __name__ == "__main__":
    main()

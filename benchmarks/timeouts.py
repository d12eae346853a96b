"""How soon ``argmap solve --timeout T`` gives up on a framework it cannot finish.

Run:  .venv/bin/python benchmarks/timeouts.py [--pigeons 10] [--timeouts 0.5 1 2]
      [--large 300000] [--repeat 3]

Two frameworks, written as i23 files into a temporary folder:

- **PHP(p, p-1)**, the pigeonhole principle (p pigeons, p - 1 holes) turned into a
  framework whose stable extensions are exactly the formula's models (the standard
  reduction: a mutually attacking pair per propositional variable, one self-attacking
  argument per clause attacked by the clause's literals). The formula is unsatisfiable and
  exponentially hard for resolution, so ``SE-ST`` (is there a stable extension?) runs far
  longer than any timeout here: every run must stop on the timeout.
- a large random framework (``--large`` arguments, about 2.5 attacks each), where reading
  the file and building the clauses dominate: ``DC-PR`` of argument 1 under a short timeout
  stops in the clause building, or answers.

Each run is the real command in a fresh process (``python -m argmap solve ...``): the table
gives the wall-clock seconds from start to exit (median of the repeats), the exit status
and the first line of standard error. Python start-up (about 0.1 s) is included.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from argmap.table import format_table


def pigeonhole(pigeons: int) -> str:
    """An i23 framework with a stable extension iff ``pigeons`` fit into ``pigeons - 1`` holes.

    Variable ``x(i, h)``: pigeon ``i`` sits in hole ``h``. Clauses: every pigeon sits
    somewhere (``x(i, 1) or ... or x(i, p-1)``), no two pigeons share a hole
    (``not x(i, h) or not x(j, h)``). Arguments: ``x`` and ``not-x`` for each variable,
    attacking each other, and one argument per clause, attacking itself and attacked by
    each of its literals. A stable extension picks one literal of each variable and must
    attack every clause argument: a model of the formula, of which there is none.
    """
    holes = pigeons - 1
    variables = [(i, h) for i in range(pigeons) for h in range(holes)]
    number = {v: k for k, v in enumerate(variables)}

    def positive(v: tuple[int, int]) -> int:
        return 2 * number[v] + 1

    def negative(v: tuple[int, int]) -> int:
        return 2 * number[v] + 2

    clauses = [[positive((i, h)) for h in range(holes)] for i in range(pigeons)]
    clauses += [
        [negative((i, h)), negative((j, h))]
        for h in range(holes)
        for i, j in combinations(range(pigeons), 2)
    ]
    n = 2 * len(variables) + len(clauses)
    attacks = []
    for k in range(len(variables)):
        attacks += [(2 * k + 1, 2 * k + 2), (2 * k + 2, 2 * k + 1)]
    for c, literals in enumerate(clauses):
        argument = 2 * len(variables) + c + 1
        attacks.append((argument, argument))
        attacks += [(literal, argument) for literal in literals]
    return f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks)


def random_framework(n: int, seed: int = 1) -> str:
    """An i23 framework of ``n`` arguments and about ``2.5 n`` random attacks."""
    rng = random.Random(seed)
    pairs = {(rng.randrange(n) + 1, rng.randrange(n) + 1) for _ in range(int(2.5 * n))}
    return f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in sorted(pairs))


def run(command: list[str]) -> tuple[float, int, str]:
    """Seconds to exit, the exit status and the first line of stderr of one run."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    first = (done.stderr.strip().splitlines() or [done.stdout.strip()])[0]
    return seconds, done.returncode, first[:60]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pigeons", type=int, default=10, help="PHP(p, p-1); default 10")
    parser.add_argument("--timeouts", type=float, nargs="+", default=[0.5, 1.0, 2.0])
    parser.add_argument("--large", type=int, default=300_000, help="arguments; 0 to skip")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="argmap-timeouts-"))
    php = folder / f"php{options.pigeons}.i23"
    php.write_text(pigeonhole(options.pigeons), encoding="utf-8")
    cases: list[tuple[Path, str, list[str]]] = [(php, "SE-ST", [])]
    if options.large:
        large = folder / f"random{options.large}.i23"
        large.write_text(random_framework(options.large), encoding="utf-8")
        cases.append((large, "DC-PR", ["-a", "1"]))
    rows = []
    for path, task, extra in cases:
        arguments = path.read_text(encoding="utf-8").split("\n", 1)[0].split()[-1]
        for timeout in options.timeouts:
            command = [sys.executable, "-m", "argmap", "solve", "-p", task, "-f", str(path)]
            command += [*extra, "--timeout", str(timeout)]
            runs = [run(command) for _ in range(options.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            statuses = sorted({r[1] for r in runs})
            rows.append(
                [
                    path.name,
                    arguments,
                    task,
                    f"{timeout:g}",
                    f"{seconds:.2f}",
                    f"{max(r[0] for r in runs):.2f}",
                    ",".join(map(str, statuses)),
                    runs[0][2],
                ]
            )
    headers = ["file", "arguments", "task", "timeout s", "median s", "max s", "exit", "stderr"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

"""argmap against the ICCMA 2023 main-track winners, task by task, per call and in-process.

Run:  sh ../shared/peers/build.sh          # µ-toksia, Crustabri, fudge into /tmp/argmap-peers
      .venv/bin/python benchmarks/iccma.py [--sizes 1000 10000] [--families er ba ws]
          [--tasks DC-PR DS-SST ...] [--timeout 60] [--peers /tmp/argmap-peers]

Instances are generated with fixed seeds, in the ICCMA 2023 format (i23): Erdős-Rényi
(``er``: attacks drawn uniformly, about ``--degree`` per argument), Barabási-Albert
(``ba``: preferential attachment, two attacks per new argument, each pointing either
way) and Watts-Strogatz (``ws``: a ring lattice of four neighbours, 10% rewired, a fifth
of the attacks mutual). Each instance gets one query argument, drawn with the same seed.

Every task of the ICCMA 2023 main track runs on every instance: DC and DS for complete,
preferred, stable, semi-stable and stage, SE for all of them, and SE-ID.

- **per call**: each solver is started once per query, as ICCMA runs solvers and a shell
  script would call ``argmap solve``: wall-clock seconds from start to exit, Python's
  start-up included for argmap, and the peak resident memory of the process;
- **in-process**: argmap as a library, in a forked child: reading the file
  (:meth:`AF.from_file`) and answering with :func:`credulous_witness`,
  :func:`skeptical_counterexample` or :func:`some_extension`; its ratio is to the best
  peer's CPU time (user + system, from ``wait4``) for the same query.

A peer that is not built, or that does not offer a task (its ``--problems``), is skipped
and said so. ``agree``: every YES/NO answer is the same; every extension returned is
checked against the definitions by argmap (complete, stable, preferred by one SAT call,
semi-stable and stage by range maximality, the ideal one by equality) — ``yes``, or the
solvers whose answer is wrong. A run over ``--timeout`` seconds is ``t/o``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from timing import in_child

from argmap.framework import AF
from argmap.semantics import (
    credulous_witness,
    is_complete,
    is_preferred,
    is_stable,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.sat import SatFramework
from argmap.table import format_table

SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "SST": "semi-stable"}
SEMANTICS |= {"STG": "stage", "ID": "ideal"}
TASKS = [f"{kind}-{s}" for s in ("CO", "PR", "ST", "SST", "STG") for kind in ("DC", "DS")]
TASKS += [f"SE-{s}" for s in ("CO", "PR", "ST", "SST", "STG", "ID")]
PEERS = ("mu-toksia", "crustabri", "fudge")
Answer = str | frozenset[int]  # "YES", "NO" (no extension), or an extension's numbers
Pairs = np.ndarray

# -- instances ----------------------------------------------------------------------------


def erdos_renyi(n: int, rng: np.random.Generator, degree: float) -> Pairs:
    """About ``degree * n`` attacks between distinct arguments, drawn uniformly."""
    m = int(degree * n)
    ends = rng.integers(0, n, size=(int(m * 1.05) + 8, 2))
    ends = ends[ends[:, 0] != ends[:, 1]]
    return np.unique(ends, axis=0)[:m]


def barabasi_albert(n: int, rng: np.random.Generator, degree: float) -> Pairs:
    """Preferential attachment: each new argument meets two earlier ones, in either direction."""
    targets: list[int] = [0, 1]
    pairs = [(0, 1)]
    for new in range(2, n):
        met = {targets[int(rng.integers(len(targets)))] for _ in range(2)}
        for old in met:
            pairs.append((new, old) if rng.random() < 0.5 else (old, new))
            targets += [old, new]
    return np.unique(np.array(pairs, dtype=np.int64), axis=0)


def watts_strogatz(n: int, rng: np.random.Generator, degree: float) -> Pairs:
    """A ring of four neighbours, 10% rewired; each attack one way, a fifth both ways."""
    base = np.arange(n)
    pairs = []
    for step in (1, 2):
        other = (base + step) % n
        rewired = rng.random(n) < 0.1
        other[rewired] = rng.integers(0, n, size=int(rewired.sum()))
        flip = rng.random(n) < 0.5
        a, b = np.where(flip, other, base), np.where(flip, base, other)
        pairs.append(np.stack([a, b], axis=1))
        both = rng.random(n) < 0.2
        pairs.append(np.stack([b[both], a[both]], axis=1))
    ends = np.concatenate(pairs)
    ends = ends[ends[:, 0] != ends[:, 1]]
    return np.unique(ends, axis=0)


FAMILIES: dict[str, Callable[[int, np.random.Generator, float], Pairs]] = {
    "er": erdos_renyi,
    "ba": barabasi_albert,
    "ws": watts_strogatz,
}


def write_instance(folder: Path, family: str, n: int, degree: float) -> tuple[Path, int]:
    """The i23 file of one instance and its query argument (numbered from 1)."""
    rng = np.random.default_rng([sorted(FAMILIES).index(family), n])
    pairs = FAMILIES[family](n, rng, degree) + 1
    path = folder / f"{family}-{n}.af"
    with path.open("w", encoding="ascii") as out:
        out.write(f"p af {n}\n")
        np.savetxt(out, pairs, fmt="%d")
    return path, int(rng.integers(1, n + 1))


# -- running ------------------------------------------------------------------------------


class Run:
    """One solver's answer to one query, and what it cost."""

    def __init__(self, seconds: float, cpu: float, mib: float, answer: Answer | None) -> None:
        self.seconds, self.cpu, self.mib, self.answer = seconds, cpu, mib, answer


def parse_answer(task: str, text: str) -> Answer | None:
    """YES/NO, or the numbers of an ``w …`` line (SE), or ``None`` if there is no answer."""
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if task.startswith("SE"):
        if first == "NO":
            return "NO"
        return frozenset(int(t) for t in first.split()[1:]) if first.startswith("w") else None
    return first if first in ("YES", "NO") else None


def kill_group(leader: int) -> None:
    """Kill a process and every process it started (its session's group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(leader, signal.SIGKILL)


def per_call(command: list[str], task: str, timeout: float, out: Path) -> Run | None:
    """One process, killed with every process it started after ``timeout`` seconds (``None``)."""
    start = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.DEVNULL, start_new_session=True
        )
        # the whole process group: fudge runs as a shell script that starts CaDiCaL
        killer = threading.Timer(timeout, kill_group, (child.pid,))
        killer.start()
        _, status, usage = os.wait4(child.pid, 0)
        killer.cancel()
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) < 0 or seconds >= timeout:
        return None
    answer = parse_answer(task, out.read_text(encoding="ascii", errors="replace"))
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, answer)


def library_answer(path: Path, task: str, query: int) -> Answer:
    """The answer through the library: read the file, then one call."""
    af = AF.from_file(path)
    kind, short = task.split("-")
    semantics = SEMANTICS[short]
    argument = str(query)
    if kind == "DC":
        return "YES" if credulous_witness(af, argument, semantics) is not None else "NO"
    if kind == "DS":
        return "YES" if skeptical_counterexample(af, argument, semantics) is None else "NO"
    found = some_extension(af, semantics)
    return "NO" if found is None else frozenset(int(a) for a in found)


def in_process(path: Path, task: str, query: int, timeout: float) -> Run | None:
    result = in_child(lambda: library_answer(path, task, query), timeout)
    if isinstance(result, str):
        return None
    seconds, mib, answer = result
    return Run(seconds, seconds, mib, answer)


def offered(peer: Path) -> set[str]:
    """The tasks a peer lists with ``--problems``."""
    done = subprocess.run([str(peer), "--problems"], capture_output=True, text=True, check=False)
    return set(done.stdout.strip().strip("[]").split(","))


# -- checking -----------------------------------------------------------------------------


def range_maximal(af: AF, extension: frozenset[int], base: str) -> bool:
    """Whether no extension of ``base`` (complete or conflict-free) has a larger range."""
    sat = SatFramework(af)
    members = [a - 1 for a in extension]
    attacked = {b for a in members for b in af.targets[a]}
    covered = set(members) | attacked
    solver = sat.solver(base, with_range=True)
    try:
        outside = [sat.RANGE(a) for a in range(len(af)) if a not in covered]
        if not outside:
            return True
        solver.add(outside)
        return solver.solve([sat.RANGE(a) for a in covered]) is None
    finally:
        solver.close()


def valid(af: AF, task: str, answer: frozenset[int]) -> bool:
    """Whether an extension answered for SE is one (the ideal one is checked by equality)."""
    names = [str(a) for a in answer]
    short = task.split("-")[1]
    if short == "CO":
        return is_complete(af, names)
    if short == "ST":
        return is_stable(af, names)
    if short == "PR":
        return is_preferred(af, names)
    if short in ("SST", "STG"):
        base = "complete" if short == "SST" else "conflict-free"
        conflict_free = not any(b + 1 in answer for a in answer for b in af.targets[a - 1])
        return (
            (short == "STG" or is_complete(af, names))
            and conflict_free
            and (range_maximal(af, answer, base))
        )
    return True


def agreement(path: Path, task: str, answers: dict[str, Answer]) -> str:
    """``yes`` when the answers agree and every extension is valid, else who is wrong."""
    if len(answers) < 2:
        return "-"
    if not task.startswith("SE") or task == "SE-ID":
        values = set(answers.values())
        if len(values) == 1:
            return "yes"
        common = statistics.mode(list(answers.values()))
        return "NO: " + ",".join(sorted(k for k, v in answers.items() if v != common))
    af = AF.from_file(path)
    checked = {
        name: valid(af, task, answer)
        for name, answer in answers.items()
        if isinstance(answer, frozenset)
    }
    exists = any(checked.values())
    wrong = [name for name, ok in checked.items() if not ok]
    wrong += [  # only stable may have no extension, and then none may claim one
        name for name, answer in answers.items() if answer == "NO" and (task != "SE-ST" or exists)
    ]
    return "NO: " + ",".join(sorted(wrong)) if wrong else "yes"


# -- the table ----------------------------------------------------------------------------


def measure_query(
    path: Path,
    task: str,
    query: int,
    peers: dict[str, Path],
    tasks_of: dict[str, set[str]],
    timeout: float,
    folder: Path,
) -> tuple[Run | None, Run | None, dict[str, Run | None]]:
    argument = ["-a", str(query)] if not task.startswith("SE") else []
    solve = ["-p", task, "-f", str(path), *argument]
    mine = per_call([sys.executable, "-m", "argmap", "solve", *solve], task, timeout, folder / "o")
    library = in_process(path, task, query, timeout)
    theirs = {
        name: per_call([str(peer), *solve], task, timeout, folder / "o")
        for name, peer in peers.items()
        if task in tasks_of[name]
    }
    return mine, library, theirs


def seconds(run: Run | None) -> str:
    return "t/o" if run is None else f"{run.seconds:.3f}"


def ratio(mine: float | None, best: float | None) -> str:
    if mine is None or best is None:
        return "-"
    return f"{mine / max(best, 1e-3):.1f}"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--families", nargs="+", choices=sorted(FAMILIES), default=["er", "ba", "ws"]
    )
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=TASKS)
    parser.add_argument("--degree", type=float, default=3.0, help="attacks per argument (er)")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/argmap-peers"))
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    peers = {name: args.peers / name for name in PEERS if (args.peers / name).exists()}
    for name in sorted(set(PEERS) - set(peers)):
        print(f"peer {name} not found in {args.peers}: skipped", file=sys.stderr)
    tasks_of = {name: offered(peer) for name, peer in peers.items()}
    rows: list[list[str]] = []
    ratios: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for family in args.families:
            for n in args.sizes:
                path, query = write_instance(folder, family, n, args.degree)
                for task in args.tasks:
                    mine, library, theirs = measure_query(
                        path, task, query, peers, tasks_of, args.timeout, folder
                    )
                    done = {k: v for k, v in theirs.items() if v is not None}
                    best = min(done, key=lambda k: done[k].seconds, default=None)
                    answers = {k: v.answer for k, v in done.items() if v.answer is not None}
                    for name, run in (("argmap", mine), ("library", library)):
                        if run is not None and run.answer is not None:
                            answers[name] = run.answer
                    agree = agreement(path, task, answers)
                    peer = done[best] if best is not None else None
                    call = ratio(mine.seconds if mine else None, peer.seconds if peer else None)
                    lib = ratio(library.seconds if library else None, peer.cpu if peer else None)
                    if call != "-" and lib != "-":
                        ratios.setdefault(task, []).append((float(call), float(lib)))
                    rows.append(
                        [
                            family,
                            f"{n:,}",
                            task,
                            seconds(mine),
                            seconds(library),
                            f"{mine.mib:.0f}" if mine else "-",
                            f"{best} {done[best].seconds:.3f}" if best else "-",
                            call,
                            lib,
                            agree,
                        ]
                    )
                    print("  " + "  ".join(rows[-1]), file=sys.stderr)
    header = ["family", "N", "task", "argmap s", "in-proc s", "MiB", "best peer s"]
    print(format_table([*header, "ratio", "in-proc", "agree"], rows))
    summary = [
        [
            task,
            f"{statistics.median(c for c, _ in found):.1f}",
            f"{max(c for c, _ in found):.1f}",
            f"{statistics.median(i for _, i in found):.1f}",
            f"{max(i for _, i in found):.1f}",
        ]
        for task, found in ratios.items()
    ]
    print()
    print(format_table(["task", "per call median", "worst", "in-process median", "worst"], summary))


if __name__ == "__main__":
    main()

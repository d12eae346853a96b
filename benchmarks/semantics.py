"""argmap's semantics against its peers, on the same frameworks, in one run.

Run:  .venv/bin/pip install -e '.[bench]'
      .venv/bin/python benchmarks/semantics.py [--quick] [--timeout 60]

Peers: clingo with ASPARTIX-style encodings (written here), PyArg (python-argumentation),
pygarg and formal-argumentation; a peer that is not installed is skipped. Every
measurement runs in a fresh child process (forked from this one) with a hard timeout, so
a peer stuck in C code can be stopped and each run's peak memory is its own. Seconds include
building the tool's own framework from the shared list of attacks; every tool is warmed up
once in the parent first, so no child pays one-time initialisation.

Tasks: GR (the grounded extension), EE-ST (every stable extension), EE-PR (every preferred
extension), DC-PR (is argument 1 credulously accepted under preferred?). Frameworks:
random graphs with about 2.5 attacks per argument, and acyclic, grid, chain and
mutual-attack-heavy shapes. The table gives median seconds over the repeats, peak memory
growth (RSS), the ratio to the best peer, and whether every answer agrees; a disagreement is
settled by checking each answer against the definitions.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
from collections.abc import Callable
from typing import Any

from timing import in_child

import argmap
from argmap.framework import AF
from argmap.table import format_table

Pairs = list[tuple[int, int]]
Answer = Any

# -- frameworks ---------------------------------------------------------------------------


def random_graph(n: int, rng: random.Random) -> Pairs:
    """About 2.5 attacks per argument between random arguments."""
    m = int(2.5 * n)
    return list({(rng.randrange(n), rng.randrange(n)) for _ in range(m)})


def acyclic(n: int, rng: random.Random) -> Pairs:
    """Attacks only from a lower to a higher index: one extension under every semantics."""
    pairs = set()
    for _ in range(int(2.5 * n)):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return list(pairs)


def grid(n: int, rng: random.Random) -> Pairs:
    """A square grid; each pair of neighbours attacks one way, or both ways (one in four)."""
    side = max(1, math.isqrt(n))
    pairs = []
    for r in range(side):
        for c in range(side):
            a = r * side + c
            for b in ([a + 1] if c + 1 < side else []) + ([a + side] if r + 1 < side else []):
                roll = rng.random()
                if roll < 0.25:
                    pairs += [(a, b), (b, a)]
                else:
                    pairs.append((a, b) if roll < 0.625 else (b, a))
    return pairs


def chain(n: int, rng: random.Random) -> Pairs:
    """1 attacks 2 attacks 3 ...: grounded decides everything, in n rounds."""
    return [(i, i + 1) for i in range(n - 1)]


def mutual(n: int, rng: random.Random) -> Pairs:
    """A random graph in which three attacks in ten are mutual (both directions)."""
    pairs = set(random_graph(n, rng))
    pairs |= {(b, a) for a, b in list(pairs) if rng.random() < 0.3}
    return list(pairs)


SHAPES: dict[str, Callable[[int, random.Random], Pairs]] = {
    "random": random_graph,
    "acyclic": acyclic,
    "grid": grid,
    "chain": chain,
    "mutual": mutual,
}

# -- tools --------------------------------------------------------------------------------


def _names(n: int) -> list[str]:
    return [str(i + 1) for i in range(n)]


def run_argmap(task: str, n: int, pairs: Pairs) -> Answer:
    af = AF.from_indexed(n, pairs)
    if task == "GR":
        return argmap.extensions(af, "grounded")[0]
    if task == "EE-ST":
        return set(argmap.iter_extensions(af, "stable"))
    if task == "EE-PR":
        return set(argmap.iter_extensions(af, "preferred"))
    return argmap.is_credulously_accepted(af, "1", "preferred")


CLINGO_BASE = """
{ in(X) : arg(X) }.
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
CLINGO_COMPLETE = (
    CLINGO_BASE
    + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- arg(X), not in(X), not undefended(X).
"""
)
CLINGO_STABLE = CLINGO_BASE + ":- arg(X), not in(X), not defeated(X).\n"
CLINGO_GROUNDED = """
in(X) :- arg(X), defended(X).
defeated(X) :- in(Y), att(Y,X).
defended(X) :- arg(X), defeated(Y) : att(Y,X).
"""
CLINGO_PREFERRED_HEURISTIC = "#heuristic in(X) : arg(X). [1,true]\n"


def run_clingo(task: str, n: int, pairs: Pairs) -> Answer:
    import clingo

    facts = "".join(f"arg({i + 1})." for i in range(n)) + "".join(
        f"att({a + 1},{b + 1})." for a, b in pairs
    )
    if task == "GR":
        program, options = CLINGO_GROUNDED, ["1"]
    elif task == "EE-ST":
        program, options = CLINGO_STABLE, ["0"]
    elif task == "EE-PR":
        program = CLINGO_COMPLETE + CLINGO_PREFERRED_HEURISTIC
        options = ["0", "--heuristic=Domain", "--enum-mode=domRec"]
    else:
        program, options = CLINGO_COMPLETE + ":- not in(1).\n", ["1"]
    ctl = clingo.Control([*options, "--warn=none"])
    ctl.add("base", [], facts + program)
    ctl.ground([("base", [])])
    models: list[frozenset[str]] = []
    result = ctl.solve(
        on_model=lambda m: models.append(
            frozenset(str(s.arguments[0]) for s in m.symbols(shown=True) if s.name == "in")
        )
    )
    if task == "GR":
        return models[0]
    if task == "DC-PR":
        return bool(result.satisfiable)
    return set(models)


def run_pyarg(task: str, n: int, pairs: Pairs) -> Answer:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    arguments = [Argument(name) for name in _names(n)]
    af = AbstractArgumentationFramework(
        "bench", arguments, [Defeat(arguments[a], arguments[b]) for a, b in pairs]
    )
    if task == "GR":
        return frozenset(a.name for a in get_grounded_extension(af))
    if task == "EE-ST":
        return {frozenset(a.name for a in e) for e in get_stable_extensions(af)}
    extensions = {frozenset(a.name for a in e) for e in get_preferred_extensions(af)}
    return extensions if task == "EE-PR" else any("1" in e for e in extensions)


def run_pygarg(task: str, n: int, pairs: Pairs) -> Answer:
    from pygarg.dung import solver

    args = _names(n)
    atts = [[str(a + 1), str(b + 1)] for a, b in pairs]
    if task == "GR":
        return frozenset(solver.compute_grounded_extension(args, atts))
    if task == "DC-PR":
        accepted, _witness = solver.credulous_acceptability(args, atts, "1", "PR")
        return bool(accepted)
    semantics = "ST" if task == "EE-ST" else "PR"
    return {frozenset(e) for e in solver.extension_enumeration(args, atts, semantics)}


def run_formal(task: str, n: int, pairs: Pairs) -> Answer:
    from argumentation.core.dung import (
        ArgumentationFramework,
        grounded_extension,
        preferred_extensions,
        stable_extensions,
    )

    names = _names(n)
    af = ArgumentationFramework(frozenset(names), frozenset((names[a], names[b]) for a, b in pairs))
    if task == "GR":
        return frozenset(grounded_extension(af))
    if task == "EE-ST":
        return set(stable_extensions(af))
    extensions = set(preferred_extensions(af))
    return extensions if task == "EE-PR" else any("1" in e for e in extensions)


TOOLS: dict[str, Callable[[str, int, Pairs], Answer]] = {
    "argmap": run_argmap,
    "clingo": run_clingo,
    "pyarg": run_pyarg,
    "pygarg": run_pygarg,
    "formal-arg": run_formal,
}
PACKAGES = {
    "clingo": "clingo",
    "pyarg": "py_arg",
    "pygarg": "pygarg",
    "formal-arg": "argumentation",
}

# -- measuring ----------------------------------------------------------------------------


def measure(
    tool: str, task: str, n: int, pairs: Pairs, timeout: float
) -> tuple[float, float, Answer] | str:
    """(seconds, peak MiB, answer) of one run in a forked child, or why there is none."""
    return in_child(lambda: TOOLS[tool](task, n, pairs), timeout)


def settle(af: AF, task: str, answers: dict[str, Answer]) -> dict[str, bool]:
    """Which answers agree with the definitions (checked directly, not by majority)."""
    verdict = {}
    for tool, answer in answers.items():
        if task == "GR":
            ok = argmap.is_complete(af, answer) and answer == argmap.extensions(af, "grounded")[0]
        elif task == "DC-PR":
            ok = answer == argmap.is_credulously_accepted(af, "1", "admissible")
        else:
            semantics = "stable" if task == "EE-ST" else "preferred"
            ok = all(argmap.is_extension(af, e, semantics) for e in answer) and len(
                answer
            ) == argmap.count_extensions(af, semantics)
        verdict[tool] = ok
    return verdict


TASKS = ("GR", "EE-ST", "EE-PR", "DC-PR")
Run = tuple[float, float, Answer]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke test)")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per tool, task and size"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES))
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000], help="framework sizes"
    )
    parser.add_argument(
        "--grounded-sizes",
        type=int,
        nargs="+",
        default=[100000, 1000000],
        help="further sizes for GR on random and chain graphs",
    )
    parser.add_argument(
        "--peers", nargs="*", default=list(PACKAGES), help="which peers to run (default: all)"
    )
    return parser.parse_args()


def installed_tools(peers: list[str]) -> list[str]:
    """argmap and the chosen peers that are installed (the others are reported, skipped)."""
    installed = ["argmap"]
    for tool, package in PACKAGES.items():
        if tool not in peers:
            continue
        try:
            __import__(package)
            installed.append(tool)
        except ImportError:
            print(f"{tool}: not installed, skipped (pip install -e '.[bench]')", file=sys.stderr)
    return installed


def warm_up(installed: list[str]) -> None:
    """Run every tool on every task once, in the parent, so that children start warm."""
    # One-time initialisation (imports, a solver library's first instance) happens here, in
    # the parent, so that no child pays it and every tool is measured warm.
    for tool in installed:
        for task in TASKS:
            try:
                TOOLS[tool](task, 3, [(0, 1), (1, 2), (2, 1)])
            except Exception as exc:  # reported when it fails for real, in the measurements
                print(f"{tool} {task}: warm-up failed ({type(exc).__name__})", file=sys.stderr)


def make_plan(args: argparse.Namespace) -> list[tuple[str, str, int]]:
    """Every (shape, task, size) to measure, in order."""
    plan: list[tuple[str, str, int]] = []
    big = args.sizes if not args.quick else [200]
    for shape in args.shapes:
        for task in TASKS:
            sizes = list(big)
            if task == "GR" and shape in ("random", "chain") and not args.quick:
                sizes += args.grounded_sizes
            plan += [(shape, task, n) for n in sizes]
    return plan


def repeat_runs(
    tool: str, task: str, n: int, pairs: Pairs, repeat: int, timeout: float
) -> tuple[list[Run], str | None]:
    """Up to ``repeat`` runs of one tool (slow runs once), and why they stopped if they failed."""
    runs: list[Run] = []
    for _ in range(repeat):
        got = measure(tool, task, n, pairs, timeout)
        if isinstance(got, str):
            return runs, got
        runs.append(got)
        if got[0] > 2.0:  # slow runs are measured once
            break
    return runs, None


def measure_all(
    shape: str,
    task: str,
    n: int,
    pairs: Pairs,
    installed: list[str],
    args: argparse.Namespace,
    gave_up: dict[tuple[str, str, str], int],
) -> tuple[dict[str, list[Run]], dict[str, str]]:
    """Every tool's runs on one framework and task, and a note for each tool without any."""
    results: dict[str, list[Run]] = {}
    notes: dict[str, str] = {}
    for tool in installed:
        if gave_up.get((tool, shape, task), sys.maxsize) <= n:
            notes[tool] = "skipped"
            continue
        runs, failure = repeat_runs(tool, task, n, pairs, args.repeat, args.timeout)
        if failure is not None:
            notes[tool] = failure
            gave_up[(tool, shape, task)] = n  # a tool that timed out skips larger sizes
        elif runs:
            results[tool] = runs
    return results, notes


def agreement(n: int, pairs: Pairs, task: str, results: dict[str, list[Run]]) -> str:
    """'' when every answer is argmap's, else which answers the definitions reject."""
    answers = {tool: runs[0][2] for tool, runs in results.items()}
    reference = answers.get("argmap")
    disagree = [t for t, a in answers.items() if a != reference]
    if not disagree:
        return ""
    checked = settle(AF.from_indexed(n, pairs), task, answers)
    wrong = sorted(t for t, ok in checked.items() if not ok)
    return "wrong: " + ", ".join(wrong) if wrong else "differ, all valid"


def table_cells(
    installed: list[str], results: dict[str, list[Run]], notes: dict[str, str]
) -> list[list[str]]:
    """Per tool: median seconds, peak MiB and ratio of the best peer to argmap, or a note."""
    median = {tool: statistics.median(r[0] for r in runs) for tool, runs in results.items()}
    peers = [median[t] for t in median if t != "argmap"]
    best_peer = min(peers) if peers else None
    cells = []
    for tool in installed:
        if tool in median:
            ratio = (
                f"{best_peer / median[tool]:.1f}x"
                if tool == "argmap" and best_peer is not None
                else ""
            )
            peak = max(r[1] for r in results[tool])
            cells.append([f"{median[tool]:.3f}", f"{peak:.0f}", ratio])
        else:
            cells.append([notes.get(tool, "-"), "", ""])
    return cells


def main() -> None:
    args = parse_args()
    installed = installed_tools(args.peers)
    warm_up(installed)
    rows = []
    gave_up: dict[tuple[str, str, str], int] = {}  # a tool that timed out skips larger sizes
    for shape, task, n in make_plan(args):
        rng = random.Random(n * 7 + len(shape))
        pairs = SHAPES[shape](n, rng)
        print(f"{shape:8} {task:6} n={n:<8} m={len(pairs)}", file=sys.stderr, flush=True)
        results, notes = measure_all(shape, task, n, pairs, installed, args, gave_up)
        verdict = agreement(n, pairs, task, results)
        for tool, cells in zip(installed, table_cells(installed, results, notes), strict=True):
            rows.append([shape, task, n, len(pairs), tool, *cells, verdict or "yes"])
    print()
    headers = [
        "shape",
        "task",
        "args",
        "attacks",
        "tool",
        "seconds",
        "peak MiB",
        "best peer / argmap",
        "agree",
    ]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

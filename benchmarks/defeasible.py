"""The defeasible reading on synthetic maps: argmap's engine, clingo and the argument trees.

Run:  .venv/bin/pip install -e '.[bench]'     (clingo)
      .venv/bin/python benchmarks/defeasible.py [--sizes 40 1000 10000 100000] [--timeout 120]

Maps: a realistic mix. 40 % of the nodes are evidence (premises); every other node is a
claim with 1-3 convergent reasons (1 most often), each of 1-3 linked premises drawn from
the 200 nodes before it; one support cycle per 1,000 nodes; about 0.5 attacks per node
between random nodes, plus one mutual attack per 2,500 nodes (open disputes); 3 % of the
reasons undercut by a random node.

Tasks: GR (the grounded extension's nodes), DC-PR and DS-PR (is the query node, the first
node of the first mutual attack, credulously / skeptically accepted under preferred?), EE-PR
(every preferred extension's node set). Tools:

- ``argmap``: :mod:`argmap.bipolar.defeasible` (assumption-level ABA; no argument trees);
- ``clingo``: the ASP encoding :data:`ASP` below, written for this benchmark: the same
  assumption-level reading (a guessed set of items, its derivable nodes, what it attacks,
  what it defends). GR is the cautious consequence of the complete sets (the grounded set is
  the least complete one); DC-PR one admissible set deriving the query; DS-PR and EE-PR
  enumerate the subset-maximal admissible sets with clingo's ``domRec`` heuristic, DS-PR
  stopping at the first without the query;
- ``trees``: the brute-force reference :mod:`argmap.bipolar.trees` (every argument tree, a
  Dung framework, :mod:`argmap.semantics`) on the smallest maps only.

Each run is a forked child with a hard timeout (as in ``benchmarks/semantics.py``); seconds
include indexing the map and building each tool's own input. The table gives the median
over ``--repeat`` runs, peak memory growth (RSS) of the child, argmap's speed-up over
clingo, and whether every tool gave the same answer.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Callable
from typing import Any

from timing import in_child

from argmap.bipolar import defeasible, trees
from argmap.bipolar.reasons import Reason, ReasonGraph
from argmap.table import format_table

Answer = Any
TASKS = ("GR", "DC-PR", "DS-PR", "EE-PR")
TREES_UP_TO = 100
"""The largest maps given to the brute-force reference."""

# -- maps -----------------------------------------------------------------------------------


def synthetic(n: int, seed: int = 1) -> tuple[ReasonGraph, str]:
    """A map of ``n`` nodes with the mix described above, and the query node."""
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    reasons: list[Reason] = []
    evidence = max(2, int(0.4 * n))
    for c in range(evidence, n):
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            size = rng.choice((1, 1, 1, 2, 2, 3))
            premises = sorted({rng.randrange(max(0, c - 200), c) for _ in range(size)})
            reasons.append(Reason(f"r{len(reasons)}", tuple(nodes[p] for p in premises), nodes[c]))
    for _ in range(max(1, n // 1000)):  # a support cycle: c from a node it (indirectly) supports
        c = rng.randrange(evidence, n - 5)
        reasons.append(Reason(f"r{len(reasons)}", (nodes[c + rng.randint(1, 5)],), nodes[c]))
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(n // 2)}
    disputes = [(rng.randrange(evidence, n), rng.randrange(n)) for _ in range(max(2, n // 2500))]
    for a, b in disputes:
        attacks |= {(a, b), (b, a)}
    undercuts = [(nodes[rng.randrange(n)], r.id) for r in reasons if rng.random() < 0.03]
    pairs = [(nodes[a], nodes[b]) for a, b in sorted(attacks)]
    return ReasonGraph(nodes, reasons, pairs, undercuts), nodes[disputes[0][0]]


# -- the tools ------------------------------------------------------------------------------


def run_argmap(task: str, graph: ReasonGraph, query: str) -> Answer:
    if task == "GR":
        return defeasible.grounded(graph)
    if task == "DC-PR":
        return defeasible.is_credulously_accepted(graph, query, "preferred")
    if task == "DS-PR":
        return defeasible.is_skeptically_accepted(graph, query, "preferred")
    return set(defeasible.extensions(graph, "preferred"))


def run_trees(task: str, graph: ReasonGraph, query: str) -> Answer:
    if task == "GR":
        return trees.extensions(graph, "grounded", limit=50_000)[0]
    found = trees.extensions(graph, "preferred", limit=50_000)
    if task == "DC-PR":
        return any(query in e for e in found)
    if task == "DS-PR":
        return all(query in e for e in found)
    return set(found)


ASP = """
item(N) :- node(N).
item(R) :- reason(R,_).
concluded(C) :- reason(_,C).
premise(N) :- node(N), not concluded(N).
attacker(X,Y) :- att(X,Y).
attacker(U,R) :- und(U,R).
{ in(I) : item(I) }.
der(N) :- premise(N), in(N).
der(C) :- reason(R,C), in(R), in(C), der(P) : prem(R,P).
attacked(I) :- attacker(X,I), der(X).
:- in(I), attacked(I).
pot(N) :- premise(N), not attacked(N).
pot(C) :- reason(R,C), not attacked(R), not attacked(C), pot(P) : prem(R,P).
defended(I) :- item(I), not pot(X) : attacker(X,I).
:- in(I), not defended(I).
#show der/1.
"""
"""The defeasible reading in ASP: ``in`` the assumption set (nodes and reasons not defeated),
``der`` what it derives (a least model, so support cycles derive nothing), ``pot`` what the
items it leaves unattacked derive; admissible: conflict-free and defending each member."""
ASP_COMPLETE = ":- defended(I), not in(I).\n"
ASP_MAXIMAL = "#heuristic in(I) : item(I). [1,true]\n"


def _facts(graph: ReasonGraph) -> str:
    parts = [f"node({n})." for n in graph.nodes]
    for r in graph.reasons:
        parts.append(f"reason({r.id},{r.conclusion}).")
        parts += [f"prem({r.id},{p})." for p in r.premises]
    parts += [f"att({x},{y})." for x, y in graph.attacks]
    parts += [f"und({u},{r})." for u, r in graph.undercuts]
    return "".join(parts)


def run_clingo(task: str, graph: ReasonGraph, query: str) -> Answer:
    import clingo

    program, options = ASP, ["0", "--warn=none"]
    if task == "GR":
        program += ASP_COMPLETE
        options.append("--enum-mode=cautious")
    elif task == "DC-PR":
        program += f":- not der({query}).\n"
        options[0] = "1"
    else:
        program += ASP_MAXIMAL
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control(options)
    ctl.add("base", [], _facts(graph) + program)
    ctl.ground([("base", [])])
    models: list[frozenset[str]] = []

    def on_model(model: Any) -> bool:
        found = frozenset(str(s.arguments[0]) for s in model.symbols(shown=True))
        models.append(found)
        return not (task == "DS-PR" and query not in found)  # stop at a counterexample

    result = ctl.solve(on_model=on_model)
    if task == "GR":
        return models[-1]
    if task == "DC-PR":
        return bool(result.satisfiable)
    if task == "DS-PR":
        return all(query in m for m in models)
    return set(models)


TOOLS: dict[str, Callable[[str, ReasonGraph, str], Answer]] = {
    "argmap": run_argmap,
    "clingo": run_clingo,
    "trees": run_trees,
}

# -- measuring ------------------------------------------------------------------------------


def measure(
    tool: str, task: str, graph: ReasonGraph, query: str, timeout: float
) -> tuple[float, float, Answer] | str:
    """(seconds, peak MiB, answer) of one run in a forked child, or why there is none."""
    return in_child(lambda: TOOLS[tool](task, graph, query), timeout)


def runs_of(
    tool: str, task: str, graph: ReasonGraph, query: str, args: argparse.Namespace
) -> tuple[list[tuple[float, float, Answer]], str | None]:
    """The repeated runs of one tool on one task, or the reason it has none."""
    runs = []
    for _ in range(args.repeat):
        result = measure(tool, task, graph, query, args.timeout)
        if isinstance(result, str):
            return [], result
        runs.append(result)
    return runs, None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 1000, 10000, 100000])
    parser.add_argument("--tasks", nargs="+", default=list(TASKS), choices=TASKS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    return parser.parse_args()


def installed() -> list[str]:
    """The tools that can run here (clingo may be missing)."""
    try:
        import clingo  # noqa: F401
    except ImportError:
        return ["argmap", "trees"]
    return list(TOOLS)


def row_cells(
    tools: list[str], results: dict[str, list[tuple[float, float, Answer]]], notes: dict[str, str]
) -> list[str]:
    """Per tool ``seconds / MiB`` (or why not), argmap's speed-up over clingo, agreement."""
    median = {t: statistics.median(r[0] for r in runs) for t, runs in results.items()}
    cells = []
    for tool in tools:
        if tool in results:
            peak = max(r[1] for r in results[tool])
            cells.append(f"{median[tool]:.3f} s / {peak:.0f} MiB")
        else:
            cells.append(notes.get(tool, "-"))
    ratio = (
        f"{median['clingo'] / median['argmap']:.1f}x"
        if "argmap" in median and "clingo" in median
        else ""
    )
    answers = [runs[0][2] for runs in results.values()]
    agree = "yes" if all(a == answers[0] for a in answers) else "NO"
    return [*cells, ratio, agree]


def main() -> None:
    args = parse_args()
    tools = installed()
    rows = []
    gave_up: dict[tuple[str, str], bool] = {}  # a tool that timed out skips larger sizes
    for n in args.sizes:
        graph, query = synthetic(n)
        for task in args.tasks:
            print(f"{task:6} n={n}", file=sys.stderr, flush=True)
            results, notes = {}, {}
            for tool in tools:
                if gave_up.get((tool, task)) or (tool == "trees" and n > TREES_UP_TO):
                    notes[tool] = "skipped"
                    continue
                runs, failure = runs_of(tool, task, graph, query, args)
                if failure is not None:
                    notes[tool] = failure
                    gave_up[(tool, task)] = True
                else:
                    results[tool] = runs
            size = f"{n} / {len(graph.reasons)} / {len(graph.attacks) + len(graph.undercuts)}"
            rows.append([size, task, *row_cells(tools, results, notes)])
    headers = ["nodes / reasons / attacks", "task", *tools, "clingo / argmap", "agree"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

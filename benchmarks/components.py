"""argmap conflicts and consensus on many linked essays: whole, or component by component.

Run:  .venv/bin/python benchmarks/components.py [--copies 10 100 300] [--workers 1 2]
          [--commands conflicts consensus]

The corpus is the bundled one (six essays, their equivalences and relations) copied
``--copies`` times under new names, each copy a component no link joins to another, written
as one corpus folder. Each row is one run of the command line (``argmap conflicts`` or
``consensus``, ``--json`` to /dev/null): the whole corpus in one process (the default),
component by component in that process (``--scheduler none``) and on a local Dask cluster
(``--workers N``, the cluster's start included). Prints wall seconds, the peak resident
memory of the command's process (GNU time's %M; a cluster's workers are not counted) and
the ratio to the whole-corpus run; the answers of every run are checked equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

import argmap
from argmap.model import Corpus, NodeRef
from argmap.table import format_table

ROOT = Path(__file__).resolve().parent.parent


def copies(corpus: Corpus, count: int) -> Corpus:
    """``count`` copies of ``corpus``, essays and groups renamed ``ID-K``: unlinked parts."""

    def ref(r: NodeRef, k: int) -> NodeRef:
        return NodeRef(f"{r.essay}-{k}", r.node)

    maps, groups, relations = [], [], []
    for k in range(count):
        maps += [
            attrs.evolve(m, id=f"{m.id}-{k}", responds_to=m.responds_to and f"{m.responds_to}-{k}")
            for m in corpus.maps
        ]
        groups += [
            attrs.evolve(g, members=[ref(r, k) for r in g.members], id=g.id and f"{g.id}-{k}")
            for g in corpus.equivalences
        ]
        relations += [
            attrs.evolve(r, source=ref(r.source, k), target=ref(r.target, k), id=None)
            for r in corpus.relations
        ]
    return attrs.evolve(corpus, maps=maps, equivalences=groups, relations=relations)


def run(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak MiB, digest of the JSON answer) of one ``argmap`` run."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "argmap", *args, "--json"],
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"argmap {' '.join(args)} failed:\n{out.stderr}")
    seconds, kib = out.stderr.strip().splitlines()[-1].split()
    answer = json.loads(out.stdout)
    _drop_witnesses(answer)
    digest = hashlib.sha256(json.dumps(answer, sort_keys=True).encode()).hexdigest()
    return float(seconds), int(kib) / 1024, digest


def _drop_witnesses(value: object) -> None:
    """A witness extension is arbitrary (and by component, the component's part)."""
    if isinstance(value, dict):
        value.pop("witness", None)
        for v in value.values():
            _drop_witnesses(v)
    elif isinstance(value, list):
        for v in value:
            _drop_witnesses(v)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, nargs="*", default=[10, 100])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument(
        "--commands",
        nargs="*",
        default=["conflicts", "consensus"],
        choices=["conflicts", "consensus"],
    )
    args = parser.parse_args()
    bundled = argmap.read_corpus(ROOT / "maps")
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.copies:
            folder = Path(tmp) / f"copies-{count}"
            argmap.write_corpus(copies(bundled, count), folder)
            essays = count * len(bundled.maps)
            for command in args.commands:
                ways = [("whole", []), ("by component", ["--scheduler", "none"])]
                ways += [(f"{n} workers", ["--workers", str(n)]) for n in args.workers]
                base = None
                digests = set()
                for way, extra in ways:
                    print(f"{command} {essays} essays, {way} ...", file=sys.stderr, flush=True)
                    seconds, mib, digest = run([command, str(folder), *extra])
                    digests.add(digest)
                    base = base or seconds
                    rows.append(
                        [
                            command,
                            f"{essays:,}",
                            way,
                            f"{seconds:.1f}",
                            f"{mib:.0f}",
                            f"{base / seconds:.2f}",
                        ]
                    )
                assert len(digests) == 1, f"{command}: the answers differ"
    headers = ["command", "essays", "run", "wall s", "peak MiB", "speed-up"]
    print(format_table(headers, rows))


if __name__ == "__main__":
    main()

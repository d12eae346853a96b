"""Reading a large Argdown file: argmap's native parser against the Argdown CLI.

Run:  .venv/bin/python benchmarks/argdown.py [--statements 1000 10000] [--repeat 3]
      (needs the Argdown CLI: npm install --prefix ~/.cache/argmap-tests/argdown-cli-1.7.5
      @argdown/cli@1.7.5, which the test suite does too; or --cli PATH)

Synthetic debates: statements in trees of support and attack relations, with tags,
continuation lines and a premise-conclusion structure every 50 statements. Both tools run
as fresh processes (start-up included): argmap reads the file into a map, the CLI exports
it with ``argdown json FILE --stdout --silent``. Prints median seconds and peak memory
(GNU time's maximum resident set) and the CLI's time over argmap's.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.table import format_table

DEFAULT_CLI = (
    Path.home()
    / ".cache"
    / "argmap-tests"
    / "argdown-cli-1.7.5"
    / "node_modules"
    / ".bin"
    / "argdown"
)


def synthetic_argdown(statements: int, seed: int = 1) -> str:
    """A debate of about ``statements`` statements."""
    rng = random.Random(seed)
    lines = ["===", "title: Synthetic debate", "==="]
    made = 0
    while made < statements:
        lines += ["", f"[Claim {made}]: Claim number {made} of the debate, stated at"]
        lines.append("a realistic length over two lines. #claim")
        made += 1
        for _ in range(rng.randint(2, 6)):
            symbol = rng.choice(["+", "+", "-"])
            lines.append(f"  {symbol} [Reason {made}]: A reason, number {made}, for or against it.")
            made += 1
            if rng.random() < 0.3:
                lines.append(f"    - [Objection {made}]: An objection to that reason. #objection")
                made += 1
        if made % 50 < 7:
            lines += ["", f"<Argument {made}>: A reconstructed argument.", ""]
            lines += [
                f"(1) [Premise {made}]: A premise.",
                f"(2) [Premise {made + 1}]: Another.",
                "----",
            ]
            lines += [f"(3) [Conclusion {made + 2}]: The conclusion.", f"  +> [Claim {made - 3}]"]
            made += 3
    return "\n".join(lines) + "\n"


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds, and peak MiB (GNU time), of a command run ``repeat`` times."""
    seconds, peak = [], 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False
        )
        seconds.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{command[0]} failed: {done.stderr[-500:]}")
        peak = max(peak, int(done.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(seconds), peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", type=Path, default=DEFAULT_CLI)
    args = parser.parse_args()
    if not args.cli.exists():
        raise SystemExit(f"the Argdown CLI is not at {args.cli} (see --help)")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.statements:
            path = Path(folder) / f"debate-{n}.argdown"
            path.write_text(synthetic_argdown(n), encoding="utf-8")
            print(f"{n} statements ...", file=sys.stderr, flush=True)
            ours = [
                sys.executable,
                "-c",
                f"from argmap.formats.argdown import read_argdown; read_argdown({str(path)!r})",
            ]
            theirs = [str(args.cli), "json", str(path), "--stdout", "--silent"]
            mine, mine_peak = timed(ours, args.repeat)
            cli, cli_peak = timed(theirs, args.repeat)
            size = path.stat().st_size / 1024
            rows.append(
                [
                    n,
                    f"{size:.0f}",
                    f"{mine:.2f} / {mine_peak:.0f}",
                    f"{cli:.2f} / {cli_peak:.0f}",
                    f"{cli / mine:.1f}x",
                ]
            )
    print(
        format_table(
            ["statements", "KiB", "argmap s / MiB", "argdown json s / MiB", "CLI / argmap"], rows
        )
    )


if __name__ == "__main__":
    main()

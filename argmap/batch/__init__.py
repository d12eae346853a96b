"""Batch analysis of many maps: validate and solve each, in parallel on Dask.

:func:`run_batch` reads maps from folder trees (every file a registered format reads: YAML,
AIF, Argdown, Kialo, microtexts, SADFace, …; corpus files aside) and JSON-lines files (one
map per line, in argmap's own format written as JSON), and for each map computes what a
:class:`Task` asks — each node's status under a semantics, each recommendation's credulous
acceptance under another, optionally gradual strengths and open critical questions — and
writes one row per map and one per node, as Parquet or JSON lines, chunk by chunk:

- ``maps/part-NNNNN.parquet`` and ``nodes/part-NNNNN.parquet`` (or ``.jsonl``) per chunk,
  and ``manifest.jsonl``, a line per finished chunk, so an interrupted batch resumes
  (``resume=True``) where it stopped;
- a map that cannot be read gets a row with ``ok`` false and its located error; the batch
  goes on.

The work runs on a Dask cluster: a local one (every core of this machine) by default, an
existing one by its scheduler's address, or in this process (``scheduler="none"``, the
reference the parallel result is checked against).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> summary = run_batch(["maps"], out / "run", Task(), scheduler="none", fmt="jsonl")
>>> summary.maps, summary.failed
(6, 0)
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from argmap.analysis.questions import critical_questions
from argmap.bipolar import extensions, node_statuses
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.formats.text import MAX_BYTES, read_text, write_text
from argmap.formats.yaml import map_from_yaml
from argmap.gradual import NotConverged, map_strengths
from argmap.model import ArgumentMap
from argmap.options import (
    DEFAULT_SEMANTICS,
    DEFAULT_SUPPORT,
    BatchFormat,
    GradualSemantics,
    Semantics,
    Support,
)

__all__ = [
    "MAP_COLUMNS",
    "NODE_COLUMNS",
    "Source",
    "Summary",
    "Task",
    "analyse",
    "read_source",
    "run_batch",
    "sources",
]

T = TypeVar("T")

CHUNK = 25
"""Maps per Dask task: enough to outweigh a task's overhead, few enough to balance."""


def _semantic(value: str | Semantics) -> Semantics:
    return Semantics.parse(value)


def _support(value: str | Support) -> Support:
    return Support.parse(value)


def _semantics(value: str | Semantics | None) -> Semantics | None:
    return None if value is None else Semantics.parse(value)


def _gradual(value: str | GradualSemantics | None) -> GradualSemantics | None:
    return None if value is None else GradualSemantics.parse(value)


@attrs.frozen
class Task:
    """What to compute for each map."""

    semantics: Semantics = attrs.field(default=DEFAULT_SEMANTICS, converter=_semantic)
    """Each node's status under it (its label, or skeptical/credulous/rejected)."""
    credulous: Semantics | None = attrs.field(default=Semantics.PREFERRED, converter=_semantics)
    """Whether each recommendation is in some extension of this semantics (``None``: not asked)."""
    support: Support = attrs.field(default=DEFAULT_SUPPORT, converter=_support)
    strength: GradualSemantics | None = attrs.field(default=None, converter=_gradual)
    """Each node's strength under this gradual semantics, if given."""
    questions: bool = False
    """Each recommendation's open critical questions (their number), if asked."""
    timeout: float | None = None
    """Seconds per map for the semantics; a map that runs out is recorded as failed."""


@attrs.frozen
class Source:
    """Where one map comes from: a file, or one line of a JSON-lines file."""

    path: str
    line: int | None = None
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    """A JSON-lines map's line, read once with its file (so a worker need not read it)."""
    error: str | None = attrs.field(default=None, eq=False, repr=False)
    """Why the line cannot be read at all (too long, not UTF-8), if so."""

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


MAP_COLUMNS = (
    "source",
    "map",
    "ok",
    "error",
    "nodes",
    "edges",
    "recommendations",
    "accepted",
    "credulous",
    "open_questions",
    "seconds",
)
"""The columns of the map rows: ``accepted`` counts the recommendations accepted (or
skeptically accepted) under the task's semantics, ``credulous`` those in some extension of
its credulous semantics."""
NODE_COLUMNS = (
    "source",
    "map",
    "node",
    "kind",
    "status",
    "credulous",
    "strength",
    "open_questions",
)
"""The columns of the node rows (``credulous`` and ``open_questions`` for recommendations)."""


_SHARED_SUFFIXES = (".txt", ".json", ".xml")
"""Suffixes that other files go by too: a file with one is a map only if its text says so."""


def _readable(path: Path) -> bool:
    """Whether a file met in a folder is a map: JSON lines, or a map format's suffix and text.

    A file whose suffix a format goes by but whose text no such format recognises (the
    plain ``.txt`` essays beside microtexts' ``.xml``, which Kialo's suffix would claim) is
    not a map, and is passed over; a file named outright is read whatever it holds.
    """
    suffix = path.suffix.lower()
    if path.stem.lower() == "corpus":
        return False
    if suffix == ".jsonl":
        return True
    formats = [f for f in registry.FORMATS if not f.framework and suffix in f.suffixes]
    if not formats:
        return False
    if suffix not in _SHARED_SUFFIXES:
        return True
    try:
        text = read_text(path)
    except ArgmapError:
        return True  # unreadable: its row will say why
    if len(formats) == 1:
        return formats[0].sniff(text)
    try:  # .json, .xml: told apart by their parsed text, as convert does
        registry.detect(path, text)
    except ArgmapError:
        return False
    return True


def sources(paths: Iterable[str | Path]) -> list[Source]:
    """Every map the paths hold: files of folder trees, lines of JSON-lines files.

    Raises
    ------
    ArgmapError
        If a path does not exist.
    """
    found: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            found += [s for file in files for s in _of_file(file)]
        elif path.is_file():
            found += _of_file(path)
        else:
            raise ArgmapError.at(f"no such file or folder: {path}", "not-found", str(path))
    return found


def _of_file(path: Path) -> list[Source]:
    """The maps of a file: the file, or each non-blank line of a JSON-lines file.

    A JSON-lines file is read line by line, with no limit on its size (each line is held
    to the limit of one map's file); a line that is not UTF-8 or too long is a source that
    fails with that error.
    """
    if path.suffix.lower() != ".jsonl":
        return [Source(str(path))]
    found = []
    try:
        with path.open("rb") as file:
            for i, raw in enumerate(file, 1):
                if not raw.strip():
                    continue
                if len(raw) > MAX_BYTES:
                    found.append(Source(str(path), i, error=f"a line over {MAX_BYTES:,} bytes"))
                    continue
                try:
                    found.append(Source(str(path), i, raw.decode("utf-8").rstrip("\r\n")))
                except UnicodeDecodeError as exc:
                    found.append(Source(str(path), i, error=f"not UTF-8 ({exc.reason})"))
    except OSError as exc:
        raise ArgmapError.at(
            f"cannot read {path}: {exc.strerror}", "unreadable", str(path)
        ) from None
    return found


def read_source(source: Source) -> ArgumentMap:
    """The map a source holds.

    Raises
    ------
    ArgmapError
        With the located problems of a map that cannot be read.
    """
    if source.line is None:
        return registry.read(source.path)
    if source.error is not None:
        raise ArgmapError.at(source.error, "unreadable", source.path, source.line)
    line = source.text
    if line is None:
        line = read_text(source.path).splitlines()[source.line - 1]
    try:
        return map_from_yaml(line, source.path)  # JSON is YAML: argmap's own format
    except ArgmapError as exc:  # the line's own line 1 is the file's line N
        problems = [
            dataclasses.replace(p, line=source.line, column=p.column if p.line == 1 else None)
            for p in exc.problems
        ]
        raise ArgmapError.from_problems(problems) from None


def analyse(source: Source, task: Task) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One map's row and its nodes' rows (see :data:`MAP_COLUMNS`, :data:`NODE_COLUMNS`).

    Never raises for bad input: a map that cannot be read or solved gets ``ok`` false and
    its located error.
    """
    start = time.perf_counter()
    row: dict[str, Any] = dict.fromkeys(MAP_COLUMNS)
    row["source"] = str(source)
    try:
        m = read_source(source)
        row["map"] = m.id
        nodes = _node_rows(m, task, str(source))
    except (ArgmapError, NotConverged) as exc:
        row |= {
            "ok": False,
            "error": str(exc).splitlines()[0],
            "seconds": time.perf_counter() - start,
        }
        return row, []
    except Exception as exc:  # a fault of argmap's own on one map must not stop the batch
        row |= {
            "ok": False,
            "error": f"{source}: internal error ({type(exc).__name__}: {exc}); please report it",
            "seconds": time.perf_counter() - start,
        }
        return row, []
    recommendations = [n for n in nodes if n["kind"] == "recommendation"]
    row |= {
        "ok": True,
        "nodes": len(m.nodes),
        "edges": len(m.edges),
        "recommendations": len(recommendations),
        "accepted": sum(n["status"] in ("in", "skeptical") for n in recommendations),
        "credulous": (
            sum(bool(n["credulous"]) for n in recommendations) if task.credulous else None
        ),
        "open_questions": (
            sum(n["open_questions"] for n in recommendations) if task.questions else None
        ),
        "seconds": time.perf_counter() - start,
    }
    return row, nodes


def _node_rows(m: ArgumentMap, task: Task, source: str) -> list[dict[str, Any]]:
    status = node_statuses(m, task.semantics, support=task.support, timeout=task.timeout)
    recommendations = {r.id for r in m.recommendations}
    credulous: set[str] = set()
    if task.credulous is not None and recommendations:
        for e in extensions(m, task.credulous, support=task.support, timeout=task.timeout):
            credulous |= e & recommendations
    strength = map_strengths(m, task.strength) if task.strength is not None else {}
    questions = (
        {
            q.recommendation.id: len(q.open)
            for q in critical_questions(m, None, task.semantics, task.support)
        }
        if task.questions
        else {}
    )
    return [
        {
            "source": source,
            "map": m.id,
            "node": n.id,
            "kind": str(n.kind),
            "status": status[n.id],
            "credulous": (n.id in credulous)
            if n.id in recommendations and task.credulous
            else None,
            "strength": strength.get(n.id),
            "open_questions": questions.get(n.id),
        }
        for n in m.nodes
    ]


def analyse_chunk(
    chunk: Sequence[Source], task: Task
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """:func:`analyse` of each source of a chunk (one Dask task)."""
    return [analyse(source, task) for source in chunk]


@attrs.frozen
class Summary:
    """What a batch did."""

    maps: int
    failed: int
    skipped: int
    """Maps of chunks a resumed batch found done already."""
    nodes: int
    recommendations: int
    accepted: int
    seconds: float
    workers: int
    out: Path

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {**attrs.asdict(self), "out": str(self.out)}


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` in consecutive lists of ``size`` (the last may be shorter): Dask tasks."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _done(out: Path) -> set[int]:
    manifest = out / "manifest.jsonl"
    if not manifest.exists():
        return set()
    done = set()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            done.add(int(json.loads(line)["chunk"]))
        except (ValueError, KeyError, TypeError):
            continue  # a line cut off by an interruption: that chunk is done again
    return done


def _write_part(
    out: Path, kind: str, index: int, rows: list[dict[str, Any]], fmt: BatchFormat
) -> None:
    folder = out / kind
    folder.mkdir(parents=True, exist_ok=True)
    columns = MAP_COLUMNS if kind == "maps" else NODE_COLUMNS
    name = folder / f"part-{index:05d}.{fmt.value}"
    if fmt is BatchFormat.JSONL:
        write_text(name, "".join(json.dumps({c: r[c] for c in columns}) + "\n" for r in rows))
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: r[c] for c in columns} for r in rows], schema=_schema(kind))
    temporary = name.with_name(f".{name.name}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, name)


def _schema(kind: str) -> Any:
    import pyarrow as pa

    if kind == "maps":
        return pa.schema(
            [
                ("source", pa.string()),
                ("map", pa.string()),
                ("ok", pa.bool_()),
                ("error", pa.string()),
                ("nodes", pa.int32()),
                ("edges", pa.int32()),
                ("recommendations", pa.int32()),
                ("accepted", pa.int32()),
                ("credulous", pa.int32()),
                ("open_questions", pa.int32()),
                ("seconds", pa.float64()),
            ]
        )
    return pa.schema(
        [
            ("source", pa.string()),
            ("map", pa.string()),
            ("node", pa.string()),
            ("kind", pa.string()),
            ("status", pa.string()),
            ("credulous", pa.bool_()),
            ("strength", pa.float64()),
            ("open_questions", pa.int32()),
        ]
    )


def _results(
    chunks: list[list[Source]],
    todo: list[int],
    task: Task,
    scheduler: str | None,
    workers: int | None,
) -> Iterator[tuple[int, list[tuple[dict[str, Any], list[dict[str, Any]]]], int]]:
    """(chunk index, its results, the workers in use), as chunks finish."""
    if scheduler == "none":
        for i in todo:
            yield i, analyse_chunk(chunks[i], task), 1
        return
    with dask_client(scheduler, workers) as client:
        from dask.distributed import as_completed

        using = len(client.scheduler_info()["workers"]) or 1
        futures = {client.submit(analyse_chunk, chunks[i], task, pure=False): i for i in todo}
        for future in as_completed(futures):
            index = futures.pop(future)
            result = future.result()
            future.release()  # the worker may drop the result: its rows are written
            yield index, result, using


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client of a new local cluster (``scheduler`` None), or of a running scheduler.

    The local cluster has ``workers`` processes (every core by default), one thread each,
    and is closed with the client.

    Raises
    ------
    ArgmapError
        If Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - the batch extra is in every test environment
        raise ArgmapError(
            "this needs Dask: pip install 'argmap[batch]' (or scheduler 'none')"
        ) from None
    cluster = None
    if scheduler is None:
        count = workers or os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler)
        except (OSError, ValueError, TypeError) as error:  # unreachable, or not an address
            raise ArgmapError(f"cannot reach the Dask scheduler '{scheduler}': {error}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    task: Task | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    fmt: str | BatchFormat = BatchFormat.PARQUET,
    chunk: int = CHUNK,
    resume: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Analyse every map of ``paths`` into ``out`` (see the module docstring).

    ``scheduler`` is a Dask scheduler's address, ``None`` for a local cluster of ``workers``
    processes (every core by default), or ``"none"`` to work in this process. ``progress``
    is called with (maps done, maps in all) as chunks finish.

    Raises
    ------
    ArgmapError
        If a path does not exist, ``out`` holds an earlier batch and ``resume`` is not
        given, or Dask is missing.
    """
    task = task or Task()
    chosen = BatchFormat.parse(fmt)
    found = sources(paths)
    target = Path(out)
    done = _done(target) if resume else set()
    if not resume and (target / "manifest.jsonl").exists():
        raise ArgmapError.at(
            f"{target} holds an earlier batch: resume it (--resume) or write elsewhere",
            "folder-not-empty",
            str(target),
        )
    target.mkdir(parents=True, exist_ok=True)
    chunks = chunked(found, max(1, chunk))
    todo = [i for i in range(len(chunks)) if i not in done]
    skipped = sum(len(chunks[i]) for i in done if i < len(chunks))
    start = time.perf_counter()
    totals = {"maps": 0, "failed": 0, "nodes": 0, "recommendations": 0, "accepted": 0}
    used = 1
    with (target / "manifest.jsonl").open("a", encoding="utf-8") as manifest:
        for index, results, in_use in _results(chunks, todo, task, scheduler, workers):
            used = in_use
            maps = [row for row, _ in results]
            nodes = [n for _, rows in results for n in rows]
            _write_part(target, "maps", index, maps, chosen)
            _write_part(target, "nodes", index, nodes, chosen)
            manifest.write(json.dumps({"chunk": index, "maps": len(maps)}) + "\n")
            manifest.flush()
            totals["maps"] += len(maps)
            totals["failed"] += sum(not r["ok"] for r in maps)
            totals["nodes"] += len(nodes)
            totals["recommendations"] += sum(r["recommendations"] or 0 for r in maps)
            totals["accepted"] += sum(r["accepted"] or 0 for r in maps)
            if progress is not None:
                progress(skipped + totals["maps"], len(found))
    return Summary(
        totals["maps"] + skipped,
        totals["failed"],
        skipped,
        totals["nodes"],
        totals["recommendations"],
        totals["accepted"],
        time.perf_counter() - start,
        used,
        target,
    )


def read_rows(out: str | Path, kind: str = "maps") -> list[dict[str, Any]]:
    """The rows a batch wrote into ``out`` (``maps`` or ``nodes``), in chunk order."""
    folder = Path(out) / kind
    rows: list[dict[str, Any]] = []
    for part in sorted(folder.glob("part-*")):
        if part.suffix == ".jsonl":
            rows += [json.loads(x) for x in part.read_text(encoding="utf-8").splitlines() if x]
        else:
            import pyarrow.parquet as pq

            rows += pq.read_table(part).to_pylist()
    return rows

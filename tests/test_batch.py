"""argmap batch: many maps on a Dask LocalCluster, checked against the in-process path."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import argmap
from argmap.batch import Task, read_rows, run_batch, sources
from argmap.errors import ArgmapError
from argmap.formats.aif import map_to_aif
from tests.helpers import MAPS


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of two worker processes, started and stopped by the tests."""
    from dask.distributed import LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    try:
        yield local.scheduler_address
    finally:
        local.close()


def corpus_of_many(folder: Path) -> Path:
    """The bundled maps, one as AIF, a broken map and a JSON-lines file of two maps."""
    essays = folder / "essays"
    essays.mkdir(parents=True)
    for path in MAPS.glob("*.yaml"):
        shutil.copy(path, essays / path.name)
    hudson = argmap.read_map(MAPS / "hudson-cronin-2019.yaml")
    (essays / "nested").mkdir()
    (essays / "nested" / "hudson.json").write_text(json.dumps(map_to_aif(hudson)), encoding="utf-8")
    (essays / "broken.yaml").write_text(
        "id: broken\ntitle: B\nnodes:\n  - {id: a, kind: clam, text: A.}\n", encoding="utf-8"
    )
    toy = {
        "id": "toy",
        "title": "Toy",
        "nodes": [
            {"id": "e", "kind": "evidence", "text": "Exports fell."},
            {"id": "r", "kind": "recommendation", "text": "Lift the controls.", "actors": ["JP"]},
        ],
        "edges": [{"support": "e -> r"}],
    }
    lines = [json.dumps(toy), "", json.dumps({"id": "bad", "title": "Bad", "nodes": "x"})]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _without_time(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return sorted(
        ({k: v for k, v in r.items() if k != "seconds"} for r in rows),
        key=lambda r: (str(r["source"]), str(r.get("node"))),
    )


def test_a_batch_on_a_local_cluster_gives_the_rows_of_the_in_process_path(
    tmp_path: Path, cluster: str
) -> None:
    data = corpus_of_many(tmp_path / "in")
    paths = [data / "essays", data / "more.jsonl"]
    task = Task(strength="dfquad", questions=True)
    parallel = run_batch(paths, tmp_path / "parallel", task, scheduler=cluster, chunk=2)
    alone = run_batch(paths, tmp_path / "alone", task, scheduler="none", fmt="jsonl")
    assert parallel.workers == 2
    assert (parallel.maps, parallel.failed) == (alone.maps, alone.failed) == (10, 2)
    for kind in ("maps", "nodes"):
        assert _without_time(read_rows(tmp_path / "parallel", kind)) == _without_time(
            read_rows(tmp_path / "alone", kind)
        ), kind
    # what the rows say is what the library says of each map
    rows = {r["source"]: r for r in read_rows(tmp_path / "parallel", "maps")}
    nodes = read_rows(tmp_path / "parallel", "nodes")
    for path in MAPS.glob("*.yaml"):
        if path.name == "corpus.yaml":
            continue
        m = argmap.read_map(path)
        row = rows[str(data / "essays" / path.name)]
        labels = argmap.labelling(m, "grounded")
        assert row["ok"] is True
        assert row["nodes"] == len(m.nodes)
        assert row["accepted"] == sum(labels[r.id] == "in" for r in m.recommendations)
        mine = {n["node"]: n for n in nodes if n["map"] == m.id and n["source"] == row["source"]}
        assert {k: n["status"] for k, n in mine.items()} == {k: str(v) for k, v in labels.items()}
    aif = rows[str(data / "essays" / "nested" / "hudson.json")]
    assert aif["map"] == "hudson-cronin-2019"
    assert aif["nodes"] == rows[str(data / "essays" / "hudson-cronin-2019.yaml")]["nodes"]


def test_a_broken_map_is_reported_at_its_place_and_the_rest_complete(tmp_path: Path) -> None:
    data = corpus_of_many(tmp_path / "in")
    run_batch([data], tmp_path / "out", Task(credulous=None), scheduler="none", fmt="jsonl")
    rows = {r["source"]: r for r in read_rows(tmp_path / "out")}
    broken = rows[str(data / "essays" / "broken.yaml")]
    assert broken["ok"] is False
    assert broken["error"].startswith(f"{data / 'essays' / 'broken.yaml'}:4:")
    assert "unknown kind 'clam'" in broken["error"]
    bad_line = rows[f"{data / 'more.jsonl'}:3"]
    assert bad_line["ok"] is False
    assert bad_line["error"].startswith(f"{data / 'more.jsonl'}:3")
    assert rows[f"{data / 'more.jsonl'}:1"]["ok"] is True
    assert sum(r["ok"] for r in rows.values()) == len(rows) - 2
    assert all(r["credulous"] is None for r in rows.values())  # not asked


def test_a_batch_resumes_where_it_stopped_and_refuses_to_overwrite(tmp_path: Path) -> None:
    data = corpus_of_many(tmp_path / "in")
    out = tmp_path / "out"
    first = run_batch([data], out, scheduler="none", chunk=3)
    with pytest.raises(ArgmapError, match="holds an earlier batch"):
        run_batch([data], out, scheduler="none", chunk=3)
    again = run_batch([data], out, scheduler="none", chunk=3, resume=True)
    assert (again.skipped, again.maps) == (first.maps, first.maps)
    # an interruption after the first chunk: its part and manifest line are all there is
    manifest = out / "manifest.jsonl"
    kept = manifest.read_text(encoding="utf-8").splitlines()[:1]
    manifest.write_text("\n".join(kept) + "\n" + '{"chunk": 1, "maps', encoding="utf-8")
    for part in (*out.glob("maps/part-*"), *out.glob("nodes/part-*")):
        if not part.name.startswith("part-00000"):
            part.unlink()
    resumed = run_batch([data], out, scheduler="none", chunk=3, resume=True)
    assert resumed.skipped == 3
    assert resumed.maps == first.maps
    assert _without_time(read_rows(out)) == _without_time(
        read_rows(out)  # the same rows as before, each once
    )
    assert len(read_rows(out)) == first.maps


def test_sources_walk_folder_trees_and_json_lines(tmp_path: Path) -> None:
    data = corpus_of_many(tmp_path / "in")
    found = sources([data])
    names = {Path(s.path).name for s in found}
    assert "corpus.yaml" not in names
    assert {"hudson.json", "broken.yaml", "more.jsonl"} <= names
    assert [s.line for s in found if s.path.endswith(".jsonl")] == [1, 3]
    with pytest.raises(ArgmapError, match="no such file or folder"):
        sources([tmp_path / "nowhere"])


def test_argmap_batch_prints_a_summary_and_fails_when_a_map_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    data = corpus_of_many(tmp_path / "in")
    out = tmp_path / "out"
    args = ["batch", str(data), "-o", str(out), "--scheduler", "none", "--format", "jsonl"]
    assert main([*args, "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert (summary["maps"], summary["failed"]) == (10, 2)
    assert main([*args, "--resume"]) == 0  # nothing left to do: no map failed this time
    out_text = capsys.readouterr().out
    assert max(len(x) for x in out_text.splitlines()) <= 80
    assert "done by an earlier run (--resume)" in out_text


def linked_groups(groups: int, loners: int = 2) -> argmap.Corpus:
    """``groups`` components of three essays each (an equivalence, a contradiction between
    accepted claims), and ``loners`` essays linked to nothing."""
    maps, equivalences, relations = [], [], []
    for g in range(groups):
        for e in range(3):
            essay = f"g{g}-e{e}"
            maps.append(
                argmap.ArgumentMap(
                    essay,
                    essay,
                    [
                        argmap.Node("c", "claim", f"Claim {e} of group {g}."),
                        argmap.Node("r", "recommendation", f"Act {g}.", actors=["US"]),
                    ],
                    [argmap.Edge("support", "c", "r")],
                )
            )
        equivalences.append(argmap.Equivalence([f"g{g}-e0:r", f"g{g}-e1:r"]))
        relations.append(argmap.Relation("contradiction", f"g{g}-e1:c", f"g{g}-e2:c"))
        relations.append(argmap.Relation("attack", f"g{g}-e2:c", f"g{g}-e0:r"))
    maps += [
        argmap.ArgumentMap(f"alone{i}", "Alone", [argmap.Node("x", "claim", "X.")])
        for i in range(loners)
    ]
    return argmap.Corpus(maps, equivalences, relations)


def test_conflicts_by_component_on_a_cluster_are_the_whole_corpus_conflicts(
    cluster: str,
) -> None:
    from argmap.analysis.conflicts import Conflict, conflicts_of
    from argmap.analysis.reading import reading
    from argmap.batch.components import component_conflicts, components

    corpus = linked_groups(5)
    parts = components(corpus)
    assert sorted(len(p.maps) for p in parts) == [1, 1] + [3] * 5
    linked = [p for p in parts if len(p.maps) == 3]
    assert all(len(p.equivalences) == 1 and len(p.relations) == 2 for p in linked)

    def dumped(found: list[Conflict]) -> list[str]:
        return sorted(json.dumps(c.to_dict(), sort_keys=True) for c in found)

    whole = dumped(conflicts_of(reading(corpus)))
    assert len(whole) >= 5 * 2  # each component: the contradiction both ways, and the attack
    assert dumped(component_conflicts(corpus)) == whole
    assert dumped(component_conflicts(corpus, scheduler=cluster)) == whole
    bundled = argmap.read_corpus(MAPS)
    assert dumped(component_conflicts(bundled)) == dumped(conflicts_of(reading(bundled)))


@pytest.mark.parametrize(
    ("rule", "quorum"),
    [("majority", None), ("unanimity", None), ("quorum", 2), ("skeptical", None)],
)
def test_consensus_by_component_is_the_whole_corpus_consensus(
    rule: str, quorum: int | None
) -> None:
    from argmap.analysis.consensus import consensus
    from argmap.batch.components import component_consensus

    for corpus in (linked_groups(4), argmap.read_corpus(MAPS)):
        whole = consensus(corpus, rule, quorum=quorum)
        parts = component_consensus(corpus, rule, quorum=quorum)
        assert json.dumps(parts.to_dict(), sort_keys=True) == json.dumps(
            whole.to_dict(), sort_keys=True
        )
    with_comments = component_consensus(
        argmap.read_corpus(MAPS), rule, quorum=quorum, roles=("essay", "comments")
    )
    assert with_comments.essays == 6


def test_consensus_by_component_on_a_cluster(cluster: str) -> None:
    from argmap.analysis.consensus import consensus
    from argmap.batch.components import component_consensus

    corpus = linked_groups(6, loners=3)
    found = component_consensus(corpus, scheduler=cluster)
    assert found.to_dict() == consensus(corpus).to_dict()
    assert len(found.items) == 6 + 6  # per group: the shared recommendation and e2's own


def test_a_fault_on_one_map_is_its_row_not_the_end_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.batch as batch

    real = batch._node_rows

    def faulty(m: argmap.ArgumentMap, task: Task, source: str) -> list[dict[str, object]]:
        if m.id == "hudson-cronin-2019":
            raise ZeroDivisionError("a planted fault")
        return real(m, task, source)

    monkeypatch.setattr(batch, "_node_rows", faulty)
    summary = run_batch([MAPS], tmp_path / "out", scheduler="none", fmt="jsonl")
    rows = {r["map"]: r for r in read_rows(tmp_path / "out")}
    assert summary.failed == 1
    assert (
        "internal error (ZeroDivisionError: a planted fault)" in rows["hudson-cronin-2019"]["error"]
    )
    assert all(r["ok"] for m, r in rows.items() if m != "hudson-cronin-2019")


def test_a_json_lines_file_is_read_line_by_line_and_a_bad_line_is_its_row(
    tmp_path: Path,
) -> None:
    toy = b'{"id": "t", "title": "T", "nodes": [{"id": "a", "kind": "claim", "text": "A."}]}\n'
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.jsonl").write_bytes(
        toy + b'{"id": "\xff"}\n' + toy.replace(b'"t"', b'"u"')
    )
    run_batch([tmp_path / "in"], tmp_path / "out", scheduler="none", fmt="jsonl")
    rows = {r["source"]: r for r in read_rows(tmp_path / "out")}
    path = tmp_path / "in" / "m.jsonl"
    assert rows[f"{path}:1"]["ok"] is True
    assert rows[f"{path}:3"]["map"] == "u"
    assert rows[f"{path}:2"]["error"].startswith(f"{path}:2: error: not UTF-8")


def odd_essay() -> argmap.ArgumentMap:
    """An essay whose claims attack each other in a ring of three: no stable extension."""
    claims = [argmap.Node(x, "claim", f"Claim {x}.") for x in "abc"]
    ring = [argmap.Edge("attack", x, y) for x, y in ("ab", "bc", "ca")]
    recommendation = argmap.Node("r", "recommendation", "Do it.", actors=["US"])
    return argmap.ArgumentMap(
        "odd", "Odd", [*claims, recommendation], [*ring, argmap.Edge("support", "a", "r")]
    )


def _no_witness(value: object) -> object:
    """JSON data without its witness extensions (by component, the component's part)."""
    if isinstance(value, dict):
        return {k: _no_witness(v) for k, v in value.items() if k != "witness"}
    if isinstance(value, list):
        return [_no_witness(v) for v in value]
    return value


def test_stable_components_read_as_the_whole_when_one_has_no_stable_extension() -> None:
    from argmap.analysis.conflicts import conflicts
    from argmap.analysis.consensus import consensus
    from argmap.batch.components import component_conflicts, component_consensus

    linked = linked_groups(2, loners=0)
    corpus = attrs.evolve(linked, maps=[*linked.maps, odd_essay()])
    assert argmap.extensions(odd_essay(), "stable") == []
    for semantics in ("stable", "preferred", "semi-stable"):
        whole = consensus(corpus, semantics=semantics).to_dict()
        parts = component_consensus(corpus, semantics=semantics).to_dict()
        assert _no_witness(parts) == _no_witness(whole)
        whole_conflicts = [c.to_dict() for c in conflicts(corpus, semantics)]
        assert [c.to_dict() for c in component_conflicts(corpus, semantics)] == whole_conflicts
    statuses = {i["node"]: i["status"] for i in whole["recommendations"]}
    assert set(statuses.values()) == {"credulous", "rejected"}  # preferred: the ring's is out
    stable = consensus(corpus, semantics="stable").to_dict()["recommendations"]
    assert {i["status"] for i in stable} == {"rejected"}  # no stable extension of the whole


@pytest.mark.parametrize(
    "command",
    [
        ["conflicts", "--all"],
        ["conflicts", "--direct", "-s", "preferred", "--mode", "credulous"],
        ["consensus", "--all", "--strength", "euler"],
        ["consensus", "--rule", "quorum", "--quorum", "2", "-s", "stable"],
        ["consensus", "--all", "-s", "preferred"],
    ],
)
def test_argmap_conflicts_and_consensus_by_component_print_the_whole_corpus_answer(
    command: list[str], cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    folder = tmp_path / "corpus"
    corpus = linked_groups(3, loners=0)  # and the odd essay: the matrix fits 80 columns
    # a theme shared by the two claims that contradict each other, for the details by theme
    tagged = [
        attrs.evolve(m, nodes=[attrs.evolve(n, tags=("trade",)) for n in m.nodes])
        for m in [*corpus.maps, odd_essay()]
    ]
    argmap.write_corpus(attrs.evolve(corpus, maps=tagged), folder)
    several = "-s" in command and command[command.index("-s") + 1] != "grounded"

    def printed(*extra: str) -> tuple[str, object]:
        assert main([command[0], str(folder), *command[1:], *extra]) == 0
        text = capsys.readouterr().out
        assert main([command[0], str(folder), *command[1:], *extra, "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        # a witness extension of a component lists only its part (the text too)
        return ("" if several else text), _no_witness(found)

    whole = printed()
    assert whole[1]
    text = main([command[0], str(folder), *command[1:]]) == 0 and capsys.readouterr().out
    assert ("== trade" if command[0] == "conflicts" else "Who stands where") in str(text)
    assert max(len(line) for line in str(text).splitlines()) <= 80
    assert printed("--scheduler", "none") == whole
    assert printed("--scheduler", cluster) == whole


def test_copies_of_the_essays_by_component_read_as_the_whole_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Three unlinked copies of the bundled corpus (benchmarks/components.py's corpus)."""
    import importlib.util

    from argmap.cli import main

    path = Path(__file__).parent.parent / "benchmarks" / "components.py"
    spec = importlib.util.spec_from_file_location("components_benchmark", path)
    assert spec is not None
    assert spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    folder = tmp_path / "copies"
    argmap.write_corpus(benchmark.copies(argmap.read_corpus(MAPS), 3), folder)
    for command in (["conflicts", "--all"], ["consensus"]):
        printed = []
        for extra in ([], ["--scheduler", "none"]):
            assert main([command[0], str(folder), *command[1:], *extra]) == 0
            printed.append(capsys.readouterr().out)
        assert printed[0] == printed[1]
        if command[0] == "conflicts":  # each copy's four, in the whole corpus's order
            assert printed[0].startswith("12 conflicts")


def test_a_scheduler_that_cannot_be_reached_is_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from argmap.cli import main

    assert main(["conflicts", str(MAPS), "--scheduler", "nothere"]) == 1
    assert "cannot reach the Dask scheduler 'nothere'" in capsys.readouterr().err


def test_per_component_reports_progress_here_and_on_a_cluster(cluster: str) -> None:
    from argmap.analysis.conflicts import conflicts_of
    from argmap.batch.components import per_component

    corpus = linked_groups(5, loners=3)
    for scheduler in ("none", cluster):
        calls: list[tuple[int, int]] = []

        def progress(done: int, total: int, seen: list[tuple[int, int]] = calls) -> None:
            seen.append((done, total))

        found = per_component(corpus, conflicts_of, scheduler=scheduler, progress=progress)
        assert len(found) == 8
        assert calls[-1] == (8, 8)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)

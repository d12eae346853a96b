"""AIF JSON: the argument layer as a map, everything else kept, both ways."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap.formats.aif import (
    map_from_aif,
    map_to_aif,
    read_aif,
    read_aif_corpus,
    read_aif_nodesets,
    write_aif,
)
from argmap.options import Support
from tests.helpers import ROOT, SHOWCASE

AIF_CORPUS = ROOT.parent / "shared" / "corpora" / "aif"
REAL = sorted(AIF_CORPUS.glob("*.json")) if AIF_CORPUS.is_dir() else []


def doc(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "nodes": [{"nodeID": i, "type": t, "text": x} for i, t, x in nodes],
        "edges": [{"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)],
        "locutions": [{"nodeID": "L1", "personID": "7", "start": "2020-01-01 10:00:00"}],
    }


SMALL = doc(
    [
        ("1", "I", "We should build the bridge."),
        ("2", "I", "Traffic doubled."),
        ("3", "I", "Ferries are slow."),
        ("4", "I", "The count was made on a holiday."),
        ("5", "I", "It costs too much."),
        ("6", "I", "We should build the bridge now."),
        ("ra1", "RA", "Argument From Consequences"),
        ("ca1", "CA", "Default Conflict"),
        ("ca2", "CA", "Default Conflict"),
        ("ma1", "MA", "Default Rephrase"),
        ("L1", "L", "Ann: we should build the bridge"),
        ("ya1", "YA", "Asserting"),
    ],
    [
        ("2", "ra1"),
        ("3", "ra1"),
        ("ra1", "1"),  # a linked argument: two premises
        ("4", "ca1"),
        ("ca1", "ra1"),  # an undercut of the inference
        ("5", "ca2"),
        ("ca2", "1"),  # a rebuttal
        ("1", "ma1"),
        ("ma1", "6"),  # a rephrase
        ("L1", "ya1"),
        ("ya1", "1"),  # dialogue: anchoring
    ],
)


def test_the_argument_layer_becomes_a_map() -> None:
    m = map_from_aif(SMALL, map_id="bridge")
    assert [n.id for n in m.nodes] == ["1", "2", "3", "4", "5", "6"]
    # the RA with two premises is ONE linked reason, named by the RA, with its scheme
    assert [(e.premises, e.target, e.id, e.scheme) for e in m.supports] == [
        (("2", "3"), "1", "ra1", "Argument From Consequences")
    ]
    # the CA aimed at the RA undercuts that reason
    assert [(e.source, e.target, e.id) for e in m.undercuts] == [("4", "ra1", "ca1")]
    assert [(e.source, e.target, e.id) for e in m.attacks if not m.is_undercut(e)] == [
        ("5", "1", "ca2")
    ]
    kept = m.data["aif"]
    assert [n["nodeID"] for n in kept["dialogue_nodes"]] == ["L1", "ya1"]
    assert kept["rephrases"][0]["from"] == ["1"]
    assert kept["other"]["locutions"][0]["personID"] == "7"
    # the semantics work on it: the undercut defeats the reason, the rebuttal the claim
    assert argmap.labelling(m, "grounded")["1"] == "out"


def test_round_trip_keeps_everything() -> None:
    m = map_from_aif(SMALL, map_id="bridge")
    again = map_from_aif(map_to_aif(m), map_id="bridge")
    assert again == m
    back = map_to_aif(m)
    assert {n["nodeID"] for n in back["nodes"]} == {n["nodeID"] for n in SMALL["nodes"]}
    assert back["locutions"] == SMALL["locutions"]


def test_the_written_order_of_nodes_and_edges() -> None:
    # I-nodes, S-nodes, rephrases, kept nodes; the document's edges with their ids, a
    # linked reason's premises into its one RA, the undercut aimed at the RA, dialogue verbatim
    back = map_to_aif(map_from_aif(SMALL, map_id="bridge"))
    assert [n["nodeID"] for n in back["nodes"]] == [
        *("1", "2", "3", "4", "5", "6"),
        *("ra1", "ca1", "ca2", "ma1", "L1", "ya1"),
    ]
    assert [(e["edgeID"], e["fromID"], e["toID"]) for e in back["edges"]] == [
        ("e0", "2", "ra1"),  # the reason: both premises into one RA
        ("e1", "3", "ra1"),
        ("e2", "ra1", "1"),
        ("e3", "4", "ca1"),
        ("e4", "ca1", "ra1"),
        ("e5", "5", "ca2"),
        ("e6", "ca2", "1"),
        ("e7", "1", "ma1"),
        ("e8", "ma1", "6"),
        ("e9", "L1", "ya1"),
        ("e10", "ya1", "1"),
    ]


def test_convergent_and_linked_reasons_and_their_undercuts() -> None:
    # two RAs into one conclusion: convergent reasons; a CA on the linked one undercuts it
    document = doc(
        [
            ("1", "I", "C."),
            ("2", "I", "P."),
            ("3", "I", "Q."),
            ("4", "I", "R."),
            ("5", "I", "U."),
            ("ra1", "RA", "Default Inference"),
            ("ra2", "RA", "Default Inference"),
            ("ca1", "CA", "Default Conflict"),
        ],
        [
            ("2", "ra1"),
            ("3", "ra1"),
            ("ra1", "1"),
            ("4", "ra2"),
            ("ra2", "1"),
            ("5", "ca1"),
            ("ca1", "ra1"),
        ],
    )
    m = map_from_aif(document)
    assert [(e.id, e.premises, e.target, e.scheme) for e in m.supports] == [
        ("ra1", ("2", "3"), "1", None),  # Default Inference names no scheme
        ("ra2", ("4",), "1", None),
    ]
    assert [(e.source, e.target) for e in m.undercuts] == [("5", "ra1")]
    # U defeats the linked reason, not the convergent one: C stays accepted
    if "defeasible" in {s.value for s in Support}:  # the reading issue 12 adds
        assert argmap.labelling(m, "grounded", support="defeasible")["1"] == "in"
    # written back: one RA per reason, all of a linked reason's premises into it
    back = map_to_aif(m)
    into = {
        s: sorted(e["fromID"] for e in back["edges"] if e["toID"] == s)
        for s in ("ra1", "ra2", "ca1")
    }
    assert into == {"ra1": ["2", "3", "ca1"], "ra2": ["4"], "ca1": ["5"]}
    assert map_from_aif(back) == m


def test_a_native_linked_reason_becomes_one_ra_with_its_scheme() -> None:
    m = argmap.ArgumentMap(
        "toy",
        "Toy",
        [argmap.Node(i, "claim", i.upper() + ".") for i in ("a", "b", "c", "u")],
        [
            argmap.Edge("support", "a", "c", linked=("b",), id="r1", scheme="Analogy"),
            argmap.Edge("attack", "u", "r1"),
        ],
    )
    back = map_to_aif(m)
    (ra,) = [n for n in back["nodes"] if n["type"] == "RA"]
    assert (ra["nodeID"], ra["text"], ra["scheme"]) == ("r1", "Analogy", "Analogy")
    assert sorted(e["fromID"] for e in back["edges"] if e["toID"] == "r1") == [
        "a",
        "attack:u->r1",  # the CA of the undercut
        "b",
    ]
    again = map_from_aif(back, map_id="toy", title="Toy")
    ((reason,),) = [again.supports]
    assert (reason.premises, reason.target, reason.id, reason.scheme) == (
        ("a", "b"),
        "c",
        "r1",
        "Analogy",
    )
    assert [(e.source, e.target) for e in again.undercuts] == [("u", "r1")]


def test_a_changed_scheme_is_written_and_an_aifdb_scheme_kept() -> None:
    document = doc(
        [("1", "I", "C."), ("2", "I", "P."), ("ra", "RA", "Default Inference")],
        [("2", "ra"), ("ra", "1")],
    )
    document["nodes"][2].update(scheme="Default Inference", schemeID="72")
    m = map_from_aif(document)
    assert m.supports[0].scheme is None
    assert [n for n in map_to_aif(m)["nodes"] if n["type"] == "RA"] == [document["nodes"][2]]
    document["nodes"][2].update(
        text="Argument From Expert Opinion", scheme="Argument From Expert Opinion", schemeID="3"
    )
    expert = map_from_aif(document)
    assert expert.supports[0].scheme == "Argument From Expert Opinion"
    renamed = attrs.evolve(expert, edges=[attrs.evolve(expert.supports[0], scheme="Analogy")])
    (ra,) = [n for n in map_to_aif(renamed)["nodes"] if n["type"] == "RA"]
    assert (ra["text"], ra["scheme"], "schemeID" in ra) == ("Analogy", "Analogy", False)
    assert map_from_aif(map_to_aif(renamed)).supports[0].scheme == "Analogy"


def test_a_duplicate_or_circular_reason_is_kept_and_said() -> None:
    document = doc(
        [
            ("1", "I", "C."),
            ("2", "I", "P."),
            ("3", "I", "Q."),
            ("ra1", "RA", "R"),
            ("ra2", "RA", "R"),
            ("ra3", "RA", "R"),
        ],
        # ra2 repeats ra1 (the same premises, in another order); ra3 concludes a premise
        [
            ("2", "ra1"),
            ("3", "ra1"),
            ("ra1", "1"),
            ("3", "ra2"),
            ("2", "ra2"),
            ("ra2", "1"),
            ("1", "ra3"),
            ("2", "ra3"),
            ("ra3", "2"),
        ],
    )
    m = map_from_aif(document)
    assert [e.id for e in m.supports] == ["ra1"]
    assert [s["node"]["nodeID"] for s in m.data["aif"]["skipped"]] == ["ra2", "ra3"]
    assert map_from_aif(map_to_aif(m)) == m


def test_what_cannot_be_an_edge_is_kept_and_said() -> None:
    odd = doc(
        [
            ("1", "I", "A."),
            ("2", "I", "B."),
            ("ca1", "CA", "C"),
            ("ca2", "CA", "C"),
            ("ya", "YA", "Y"),
        ],
        [("1", "ca1"), ("ca1", "2"), ("1", "ca2"), ("ca2", "ca1"), ("ya", "ca2")],
    )
    m = map_from_aif(odd)
    (skipped,) = m.data["aif"]["skipped"]
    assert skipped["node"]["nodeID"] == "ca2"
    assert "conflict" in skipped["reason"]
    assert map_from_aif(map_to_aif(m)) == m


def test_a_native_map_goes_to_aif_and_back() -> None:
    m = argmap.read_map(SHOWCASE)
    back = map_from_aif(map_to_aif(m), map_id=m.id, title=m.title)
    assert [(n.id, n.text) for n in back.nodes] == [(n.id, n.text) for n in m.nodes]
    assert {(e.source, e.target) for e in back.supports} == {
        (e.source, e.target) for e in m.supports
    }
    assert {(e.source, e.target) for e in back.attacks} == {(e.source, e.target) for e in m.attacks}
    assert argmap.labelling(back, "grounded") == argmap.labelling(m, "grounded")


def test_bad_files_are_library_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [\n  {"nodeID": "1",}\n]}', encoding="utf-8")
    with pytest.raises(argmap.ArgmapError) as caught:
        read_aif(bad)
    assert (caught.value.line, caught.value.column) == (2, 18)
    assert "malformed JSON" in str(caught.value)
    bad.write_text('{"nodes": [{"text": "no id"}], "edges": []}', encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match="node 0 needs a 'nodeID' and a 'type'"):
        read_aif(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match="not a JSON object"):
        read_aif(bad)


def test_write_aif(tmp_path: Path) -> None:
    m = map_from_aif(SMALL, map_id="bridge")
    write_aif(m, tmp_path / "out.json")
    assert read_aif(tmp_path / "out.json", map_id="bridge") == m


def ra_reasons(
    aif: dict[str, Any], skipped: list[dict[str, Any]]
) -> Counter[tuple[frozenset[str], str]]:
    """The reasons an AIF document's RA-nodes give: (I-node premises, conclusion) pairs."""
    types = {str(n["nodeID"]): n["type"] for n in aif["nodes"]}
    left_out = {str(s["node"]["nodeID"]) for s in skipped}
    found: Counter[tuple[frozenset[str], str]] = Counter()
    for ra in (i for i, t in types.items() if t == "RA" and i not in left_out):
        premises = frozenset(
            str(e["fromID"])
            for e in aif["edges"]
            if str(e["toID"]) == ra and types.get(str(e["fromID"])) == "I"
        )
        for e in aif["edges"]:
            if str(e["fromID"]) == ra and types.get(str(e["toID"])) == "I":
                found[(premises, str(e["toID"]))] += 1
    return found


def map_reasons(m: argmap.ArgumentMap) -> Counter[tuple[frozenset[str], str]]:
    """A map's reasons as (premise AIF ids, conclusion AIF id) pairs."""
    aif_id = {n.id: str(n.data["aif"]["nodeID"]) for n in m.nodes}
    return Counter((frozenset(aif_id[p] for p in e.premises), aif_id[e.target]) for e in m.supports)


@pytest.mark.skipif(not REAL, reason="../shared/corpora/aif is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_aif_files_load_completely_and_round_trip(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    aif = raw.get("AIF", raw)
    by_type: dict[str, set[str]] = {}
    for n in aif.get("nodes", []):
        by_type.setdefault(n["type"], set()).add(str(n["nodeID"]))
    m = read_aif(path)
    # every I-node is a node; every RA and CA is in the map or kept with a reason
    assert {n.data["aif"]["nodeID"] for n in m.nodes} == by_type.get("I", set())
    placed = {e.data["aif"]["nodeID"] for e in m.edges}
    skipped = {s["node"]["nodeID"] for s in m.data["aif"]["skipped"]}
    assert placed | skipped == by_type.get("RA", set()) | by_type.get("CA", set())
    assert not placed & skipped
    assert {r["node"]["nodeID"] for r in m.data["aif"]["rephrases"]} == by_type.get("MA", set())
    dialogue = {n["nodeID"] for n in m.data["aif"]["dialogue_nodes"]}
    assert dialogue == {str(n["nodeID"]) for n in aif.get("nodes", [])} - set().union(
        *(by_type.get(t, set()) for t in ("I", "RA", "CA", "MA"))
    )
    # each RA placed is one reason per conclusion, with all its I-node premises
    assert ra_reasons(aif, m.data["aif"]["skipped"]) == map_reasons(m)
    # AIF -> map -> AIF -> map: the same map, and the written AIF has the same reasons
    back = map_to_aif(m)
    again = map_from_aif(back, map_id=m.id, title=m.title)
    assert again == m
    assert ra_reasons(back.get("AIF", back), again.data["aif"]["skipped"]) == map_reasons(m)


def test_several_nodesets_as_one_map_or_a_corpus(tmp_path: Path) -> None:
    first = doc([("1", "I", "A."), ("2", "I", "B."), ("ra", "RA", "R")], [("2", "ra"), ("ra", "1")])
    second = doc(
        [("1", "I", "A."), ("3", "I", "C."), ("ca", "CA", "C")], [("3", "ca"), ("ca", "1")]
    )
    paths = []
    for name, document in (("one", first), ("two", second)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(document), encoding="utf-8")
    merged = read_aif_nodesets(paths, map_id="both")
    assert [n.id for n in merged.nodes] == ["1", "2", "3"]  # node 1 is shared: one node
    assert {(e.kind.value, e.source, e.target) for e in merged.edges} == {
        ("support", "2", "1"),
        ("attack", "3", "1"),
    }
    corpus = read_aif_corpus(paths)
    assert [m.id for m in corpus.maps] == ["one", "two"]
    (group,) = corpus.equivalences
    assert [str(r) for r in group.members] == ["one:1", "two:1"]
    # the corpus analysis works on it: two's attack on the shared node conflicts with one
    assert [c.pairs for c in argmap.conflicts(corpus, support="none")] == [(("two", "one"),)]


@pytest.mark.skipif(not REAL, reason="../shared/corpora/aif is not beside the project")
def test_real_nodesets_sharing_nodes() -> None:
    pair = [
        AIF_CORPUS / "arguebuf-python__6064-original.json",
        AIF_CORPUS / "arguebuf-python__6064-reconstructed.json",
    ]
    corpus = read_aif_corpus(pair)
    assert len(corpus.equivalences) == 9  # the same nine I-nodes in both exports
    assert len(read_aif_nodesets(pair).nodes) == 9


def canonical(items: list[Any]) -> list[str]:
    """JSON objects as sorted canonical text: equal lists of these are equal multisets."""
    return sorted(json.dumps(item, sort_keys=True) for item in items)


@pytest.mark.skipif(not REAL, reason="../shared/corpora/aif is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_aif_files_are_written_back_as_they_were(path: Path) -> None:
    # every node and every edge (ids, ends, all fields) comes back; argmap adds only its
    # own metadata key (and an empty 'locutions' where the document had none)
    raw = json.loads(path.read_text(encoding="utf-8"))
    back = map_to_aif(read_aif(path))
    assert back.keys() - {"argmap"} == raw.keys() - {"argmap"}
    aif, written = raw.get("AIF", raw), back.get("AIF", back)
    assert canonical(written["nodes"]) == canonical(aif.get("nodes", []))
    assert canonical(written["edges"]) == canonical(aif.get("edges", []))
    assert {k: v for k, v in written.items() if k not in ("nodes", "edges", "argmap")} == {
        "locutions": [],
        **{k: v for k, v in aif.items() if k not in ("nodes", "edges", "argmap")},
    }


def test_new_edges_are_numbered_past_the_documents_own() -> None:
    document = doc([("1", "I", "A."), ("2", "I", "B.")], [])
    document["edges"] = [{"edgeID": "argmap-1", "fromID": "L9", "toID": "1"}]  # dangling
    m = map_from_aif(document)
    m = attrs.evolve(m, edges=[argmap.Edge("support", "2", "1")])
    back = map_to_aif(m)
    assert [e["edgeID"] for e in back["edges"]] == ["argmap-2", "argmap-3", "argmap-1"]


NATIVE = sorted(p for p in (ROOT / "maps").glob("*.yaml") if p.name != "corpus.yaml")


def field_differences(a: argmap.ArgumentMap, b: argmap.ArgumentMap) -> list[str]:
    """Where two maps differ, field by field (each node and edge on its own)."""
    found = [
        f.name
        for f in attrs.fields(argmap.ArgumentMap)
        if f.eq and f.name not in ("nodes", "edges") and getattr(a, f.name) != getattr(b, f.name)
    ]
    found += [f"node {x.id}: {x} != {y}" for x, y in zip(a.nodes, b.nodes, strict=False) if x != y]
    found += [f"edge {x.key}: {x} != {y}" for x, y in zip(a.edges, b.edges, strict=False) if x != y]
    if (len(a.nodes), len(a.edges)) != (len(b.nodes), len(b.edges)):
        found.append("the number of nodes or edges")
    return found


@pytest.mark.parametrize("path", NATIVE, ids=lambda p: p.name)
def test_argmaps_own_maps_go_to_aif_and_back_field_by_field(path: Path, tmp_path: Path) -> None:
    m = argmap.read_map(path)
    write_aif(m, tmp_path / "map.json")
    back = read_aif(tmp_path / "map.json")
    assert field_differences(m, back) == []
    assert back == m
    assert map_to_aif(back) == map_to_aif(m)


def test_the_fields_aif_has_no_place_for_are_in_extension_keys() -> None:
    m = argmap.ArgumentMap(
        "toy",
        "Toy",
        [
            argmap.Node("e1", "evidence", "Exports fell.", locator=argmap.Locator([3], "fell")),
            argmap.Node("c1", "claim", "It hurts.", tags=["trade"], weight=0.5, note="n"),
            argmap.Node("r1", "recommendation", "Stop it.", actors=["Japan"], data={"x": 1}),
            argmap.Node("c2", "claim", "It helps."),
        ],
        [
            argmap.Edge("support", "e1", "c1", id="s1", note="why"),
            argmap.Edge("support", "c1", "r1", linked=["c2"], scheme="Consequences"),
            argmap.Edge("attack", "c2", "s1"),
        ],
        text_file="toy.txt",
        data={"k": "v"},
    )
    back = map_to_aif(m)
    by_id = {n["nodeID"]: n for n in back["nodes"]}
    assert by_id["e1"]["argmap"] == {
        "kind": "evidence",
        "locator": {"paragraphs": [3], "quote": "fell"},
        "native": True,
    }
    assert by_id["r1"]["argmap"]["actors"] == ["Japan"]
    assert by_id["s1"]["type"] == "RA"
    assert by_id["s1"]["argmap"]["edges"][0]["note"] == "why"
    assert back["argmap"]["data"] == {"k": "v"}
    assert back["argmap"]["text_file"] == "toy.txt"
    assert back["locutions"] == []
    assert map_from_aif(back) == m
    # without the extension keys, an AIF reader sees the same argument, every node a claim
    plain = json.loads(json.dumps(back))
    for item in [plain, *plain["nodes"]]:
        item.pop("argmap", None)
    bare = map_from_aif(plain, map_id="toy")
    assert {n.kind.value for n in bare.nodes} == {"claim"}
    assert argmap.labelling(bare, "grounded") == argmap.labelling(m, "grounded")


arguebuf = pytest.importorskip("arguebuf")


def arguebuf_graph(document: dict[str, Any], tmp_path: Path) -> Any:
    """arguebuf's reading of an AIF document written to a file (xAIF through its own loader)."""
    if "AIF" in document:
        return arguebuf.load.xaif(document)
    (tmp_path / "doc.json").write_text(json.dumps(document), encoding="utf-8")
    return arguebuf.load.file(tmp_path / "doc.json")


def arguebuf_view(g: Any) -> tuple[dict[str, str], set[str], set[tuple[str, str, str]]]:
    """An arguebuf graph as atoms (id → text), scheme node ids and edges (id, from, to)."""
    return (
        {str(k): v.plain_text for k, v in g.atom_nodes.items()},
        {str(k) for k in g.scheme_nodes},
        {(str(k), str(e.source.id), str(e.target.id)) for k, e in g.edges.items()},
    )


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("path", NATIVE, ids=lambda p: p.name)
def test_arguebuf_reads_argmaps_own_maps_as_the_same_graph(path: Path, tmp_path: Path) -> None:
    m = argmap.read_map(path)
    atoms, schemes, edges = arguebuf_view(arguebuf_graph(map_to_aif(m), tmp_path))
    assert atoms == {n.id: n.text for n in m.nodes}
    assert len(schemes) == len(m.edges)  # each support or attack an S-node of its own
    assert len(edges) == sum(len(e.premises) + 1 for e in m.edges)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.skipif(not REAL, reason="../shared/corpora/aif is not beside the project")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_arguebuf_reads_what_argmap_writes_as_it_reads_the_original(
    path: Path, tmp_path: Path
) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    original = arguebuf_view(arguebuf_graph(raw, tmp_path))
    written = arguebuf_view(arguebuf_graph(map_to_aif(read_aif(path)), tmp_path))
    assert written == original
    assert len(original[0]) == len(read_aif(path).nodes)

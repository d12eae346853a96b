"""Converting maps between every pair of formats."""

from __future__ import annotations

import re
from collections import Counter
from itertools import product
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, EdgeKind
from argmap.cli import main
from argmap.convert import FORMATS, attack_map, convert, dumps, format_of, loads
from tests.helpers import SHOWCASE
from tests.strategies import argument_maps

EXACT = ("yaml", "node-link", "graphml", "sadface")
"""Formats that keep every field of a map."""
SUFFIX = {
    "argdown": "argdown",
    "arggraph": "xml",
    "yaml": "yaml",
    "aif": "json",
    "node-link": "json",
    "graphml": "graphml",
    "kialo": "txt",
    "sadface": "json",
    "i23": "i23",
    "apx": "apx",
    "tgf": "tgf",
}


def structure(m: ArgumentMap) -> tuple[object, ...]:
    return (
        [(n.id, n.text) for n in m.nodes],
        sorted((e.kind.value, e.source, e.target) for e in m.edges if not m.is_undercut(e)),
        len(m.undercuts),
    )


@settings(max_examples=40)
@given(argument_maps(max_nodes=6))
def test_exact_formats_keep_every_field(m: ArgumentMap) -> None:
    for fmt in EXACT:
        assert loads(dumps(m, fmt), fmt) == m, fmt


@settings(max_examples=40)
@given(argument_maps(max_nodes=6))
def test_aif_keeps_the_argument_structure(m: ArgumentMap) -> None:
    back = loads(dumps(m, "aif"), "aif")
    assert (back.id, back.title) == (m.id, m.title)
    assert [(n.id, n.text) for n in back.nodes] == [(n.id, n.text) for n in m.nodes]
    assert {(e.kind, e.source) for e in back.edges} == {(e.kind, e.source) for e in m.edges}
    assert argmap.labelling(back, "grounded") == argmap.labelling(m, "grounded")


def by_text(m: ArgumentMap) -> set[tuple[str, str, str]]:
    """The edges between nodes, named by the texts of their ends (arggraph renames nodes)."""
    text = {n.id: n.text for n in m.nodes}
    return {(e.kind.value, text[e.source], text[e.target]) for e in m.edges if not m.is_undercut(e)}


def argument_kept(m: ArgumentMap, back: ArgumentMap) -> bool:
    """Every node and every support and attack between nodes are still there (Argdown
    stands for an undercut support by an argument of its own)."""
    nodes = {n.id for n in back.nodes}
    edges = {(e.kind, e.source, e.target) for e in back.edges}
    undercut = {e.target for e in m.undercuts}
    return {n.id for n in m.nodes} <= nodes and all(
        (e.kind, e.source, e.target) in edges
        for e in m.edges
        if not m.is_undercut(e) and e.key not in undercut
    )


def refused_by_argdown(m: ArgumentMap) -> bool:
    """Whether the map has a tag Argdown cannot hold (empty, or with ')' or a line break);
    if so, checks that writing it is refused, naming the tag."""
    if not any(not t or re.search(r"[)\r\n]", t) for n in m.nodes for t in n.tags):
        return False
    with pytest.raises(argmap.ArgmapError, match="cannot be written in Argdown"):
        dumps(m, "argdown")
    return True


@settings(max_examples=30)
@given(argument_maps(max_nodes=6))
def test_argdown_keeps_the_argument(m: ArgumentMap) -> None:
    if refused_by_argdown(m):
        return
    back = loads(dumps(m, "argdown"), "argdown")
    assert argument_kept(m, back)


@st.composite
def maps_with_reasons(draw: st.DrawFn) -> ArgumentMap:
    """A map whose supports may have linked premises (some of them undercut)."""
    m = draw(argument_maps(max_nodes=6))
    ids = [n.id for n in m.nodes]
    taken = {(frozenset(e.premises), e.target) for e in m.supports}
    edges = []
    for e in m.edges:
        if e.kind is EdgeKind.SUPPORT:
            extra = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
            linked = tuple(p for p in extra if p not in (e.source, e.target))
            key = (frozenset((e.source, *linked)), e.target)
            if linked and key not in taken:
                taken.add(key)
                e = attrs.evolve(e, linked=linked)
        edges.append(e)
    return attrs.evolve(m, edges=edges)


def reason_sets(
    m: ArgumentMap, name: dict[str, str] | None = None
) -> Counter[tuple[frozenset[str], str]]:
    """The reasons of a map as (premises, conclusion), nodes named by ``name`` (default: id)."""
    name = name or {n.id: n.id for n in m.nodes}
    return Counter((frozenset(name[p] for p in e.premises), name[e.target]) for e in m.supports)


@settings(max_examples=40)
@given(maps_with_reasons())
def test_formats_keep_linked_reasons(m: ArgumentMap) -> None:
    for fmt in ("aif", "argdown"):
        if fmt == "argdown" and refused_by_argdown(m):
            continue
        back = loads(dumps(m, fmt), fmt)
        assert reason_sets(back) == reason_sets(m), fmt
        assert len(back.undercuts) == len(m.undercuts), fmt
    # arggraph renames nodes: compare by text (the strategy's texts are not unique), which
    # it reads without the whitespace around it, as XML text (the EDUs) is read
    back = loads(dumps(m, "arggraph"), "arggraph")
    assert reason_sets(back, {n.id: n.text for n in back.nodes}) == reason_sets(
        m, {n.id: n.text.strip() for n in m.nodes}
    )
    assert len(back.undercuts) == len(m.undercuts)


@settings(max_examples=30)
@given(argument_maps(max_nodes=6))
def test_iccma_formats_carry_the_attack_graph(m: ArgumentMap) -> None:
    for support in ("necessary", "defeasible"):
        af = argmap.attack_graph(attack_map(m, support), "none").af()
        for fmt in ("i23", "apx", "tgf"):
            if fmt == "apx" and not af.arguments:
                continue  # no argument (all rest on cycles of support): an empty apx file
            back = loads(dumps(m, fmt, support), fmt)
            assert argmap.attack_graph(back, "none").af() == af, (fmt, support)
    # under necessary, the framework is the attack graph's, arguments renamed to valid ids
    necessary = argmap.attack_graph(m, "necessary").af()
    assert len(attack_map(m, "necessary").nodes) == len(necessary.arguments)


@settings(max_examples=40)
@given(argument_maps(max_nodes=6))
def test_the_defeasible_export_is_the_framework_of_argument_trees(m: ArgumentMap) -> None:
    exported = attack_map(m, "defeasible")  # each argument's name is its node's text
    stands_for = {n.id: n.text.split(" ⇐ ")[0] for n in exported.nodes}
    af = argmap.attack_graph(exported, "none").af()
    for semantics in ("grounded", "preferred", "stable"):
        projected = {frozenset(stands_for[a] for a in e) for e in argmap.extensions(af, semantics)}
        assert projected == set(argmap.extensions(m, semantics)), semantics


@pytest.mark.parametrize(("source", "target"), list(product(FORMATS, FORMATS)))
def test_every_pair_of_formats_converts(source: str, target: str, tmp_path: Path) -> None:
    showcase = argmap.read_map(SHOWCASE)
    first = tmp_path / f"in.{SUFFIX[source]}"
    first.write_text(dumps(showcase, source), encoding="utf-8")
    second = tmp_path / f"out.{SUFFIX[target]}"
    m = convert(first, second, source_format=source, target_format=target)
    back = loads(second.read_text(encoding="utf-8"), target, str(second))
    if source in EXACT and target in EXACT:
        assert back == showcase
    elif "kialo" in (source, target) and target not in ("i23", "apx", "tgf"):
        assert {n.text for n in m.nodes} <= {n.text for n in back.nodes}
        attacks = {t for t in by_text(m) if t[0] == "attack"}
        assert attacks <= by_text(back) or {source, target} & {"arggraph", "argdown"}
    elif "arggraph" in (source, target) and not {source, target} & {"i23", "apx", "tgf"}:
        assert by_text(back) >= by_text(showcase) - {("undercut", "", "")} or "argdown" in (
            source,
            target,
        )
        assert {n.text for n in showcase.nodes} <= {n.text for n in back.nodes}
    elif "argdown" in (source, target) and not {source, target} & {"i23", "apx", "tgf"}:
        assert argument_kept(showcase, back)
    elif {source, target} <= {*EXACT, "aif"}:
        assert structure(back) == structure(showcase)
    elif "arggraph" in (source, target):  # nodes renamed: the attacks, by text, survive
        assert by_text(back) == by_text(m) or by_text(back) == by_text(
            loads(dumps(m, "i23"), "i23")
        )
    else:  # through an abstract framework: the attack graph survives
        support = "none" if source in ("i23", "apx", "tgf") else "defeasible"
        expected = argmap.attack_graph(attack_map(m, support), "none").af()
        assert argmap.attack_graph(back, "none").af() == expected


def test_format_names_and_sniffing(tmp_path: Path) -> None:
    assert format_of("x.yml") == "yaml"
    assert format_of("x.json") == "aif"
    assert format_of("x.json", dumps(argmap.read_map(SHOWCASE), "node-link")) == "node-link"
    for empty in ('{"nodes": [], "edges": []}', "{}"):
        with pytest.raises(argmap.ArgmapError, match=r"cannot tell the format.*expected one of"):
            format_of("x.json", empty)
    with pytest.raises(argmap.ArgmapError, match=r"cannot tell the format of 'x\.docx'"):
        format_of("x.docx")
    with pytest.raises(argmap.ArgmapError, match="unknown format 'docx'"):
        loads("", "docx")
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><unclosed>", encoding="utf-8")
    with pytest.raises(argmap.ArgmapError, match="malformed GraphML"):
        convert(bad, tmp_path / "out.yaml")


def test_convert_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.json"
    assert main(["convert", str(SHOWCASE), str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["convert", str(out), str(tmp_path / "h.yaml")]) == 0
    assert structure(argmap.read_map(tmp_path / "h.yaml")) == structure(argmap.read_map(SHOWCASE))
    assert main(["convert", str(SHOWCASE), str(tmp_path / "h.i23"), "--support", "none"]) == 0
    i23 = (tmp_path / "h.i23").read_text(encoding="utf-8")
    assert i23.startswith("p af 57\n# 1 c-shared-ties\n")
    # without reasons: the ten attacks between nodes; the undercut of a reason has no target
    assert len([line for line in i23.splitlines() if not line.startswith(("p", "#"))]) == 10
    assert main(["convert", str(tmp_path / "missing.yaml"), str(tmp_path / "x.yaml")]) == 1
    assert "missing.yaml: no such file or folder" in capsys.readouterr().err

"""The semantics engine against the definitions (brute force) and the laws of the theory."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.framework import AF
from argmap.semantics import (
    Label,
    Semantics,
    SolverTimeout,
    count_extensions,
    extensions,
    is_admissible,
    is_conflict_free,
    is_credulously_accepted,
    is_eager,
    is_extension,
    is_grounded,
    is_ideal,
    is_preferred,
    is_semi_stable,
    is_skeptically_accepted,
    is_stage,
    labelling,
    labelling_of,
    some_extension,
)
from argmap.semantics.reference import reference_extensions
from tests.strategies import frameworks

ALL = [s.value for s in Semantics]


def key(es: list[frozenset[str]]) -> list[list[str]]:
    return sorted(sorted(e) for e in es)


@pytest.mark.parametrize("semantics", ALL)
@given(af=frameworks())
def test_extensions_match_the_definitions(semantics: str, af: AF) -> None:
    note(f"attacks: {sorted(af.attacks)}")
    assert key(extensions(af, semantics)) == key(reference_extensions(af, semantics))


def assert_acceptance_matches_the_definitions(af: AF, semantics: str) -> None:
    """Credulous and skeptical acceptance of every argument, against brute force."""
    expected = reference_extensions(af, semantics)
    for argument in af.arguments:
        assert is_credulously_accepted(af, argument, semantics) == any(
            argument in e for e in expected
        )
        assert is_skeptically_accepted(af, argument, semantics) == all(
            argument in e for e in expected
        )


@pytest.mark.parametrize(
    "semantics", ["complete", "preferred", "stable", "semi-stable", "stage", "ideal", "eager"]
)
@given(af=frameworks(max_arguments=7))
def test_acceptance_matches_the_definitions(semantics: str, af: AF) -> None:
    assert_acceptance_matches_the_definitions(af, semantics)


def disjoint_union(parts: list[AF]) -> AF:
    """The frameworks side by side, their arguments renamed apart, interleaved in order."""
    names = [f"p{k}_{a}" for k, part in enumerate(parts) for a in part.arguments]
    names.sort(key=lambda name: (name.split("_")[1], name))  # components interleave
    attacks = [(f"p{k}_{a}", f"p{k}_{b}") for k, part in enumerate(parts) for a, b in part.attacks]
    return AF(names, attacks)


@pytest.mark.parametrize("semantics", ALL)
@settings(max_examples=40)
@given(parts=st.lists(frameworks(max_arguments=4), min_size=2, max_size=3))
def test_frameworks_of_several_components_match_the_definitions(
    semantics: str, parts: list[AF]
) -> None:
    """Enumeration splits over components (Baumann 2011): checked on the whole framework."""
    af = disjoint_union(parts)
    note(f"attacks: {sorted(af.attacks)}")
    found = extensions(af, semantics)
    assert key(found) == key(reference_extensions(af, semantics))
    assert len(set(found)) == len(found)


@pytest.mark.parametrize("semantics", ["semi-stable", "stage", "ideal", "eager", "preferred"])
@settings(max_examples=40)
@given(parts=st.lists(frameworks(max_arguments=4), min_size=1, max_size=3))
def test_acceptance_over_several_components_matches_the_definitions(
    semantics: str, parts: list[AF]
) -> None:
    af = disjoint_union(parts)
    assert_acceptance_matches_the_definitions(af, semantics)


@given(af=frameworks())
def test_laws_of_the_theory(af: AF) -> None:
    st_, sst, pr, co = (
        set(extensions(af, s)) for s in ("stable", "semi-stable", "preferred", "complete")
    )
    (gr,) = extensions(af, "grounded")
    (ideal,) = extensions(af, "ideal")
    (eager,) = extensions(af, "eager")
    assert st_ <= sst <= pr <= co
    assert all(gr <= e for e in co)  # grounded is the least complete extension
    assert gr in co
    assert all(ideal <= e for e in pr)
    assert gr <= ideal <= eager
    assert all(eager <= e for e in sst)
    if st_:
        assert sst == st_  # semi-stable = stable when a stable extension exists
        assert set(extensions(af, "stage")) == st_
    for e in co | set(extensions(af, "stage")):
        assert is_conflict_free(af, e)
    for e in co | {ideal, eager}:
        assert is_admissible(af, e)


@pytest.mark.parametrize("semantics", ALL)
@given(af=frameworks(max_arguments=6))
def test_checkers_agree_with_the_definitions(semantics: str, af: AF) -> None:
    expected = set(reference_extensions(af, semantics))
    rng = random.Random(len(af) * 31 + af.attack_count)
    candidates = set(expected) | {
        frozenset(x for x in af.arguments if rng.random() < 0.5) for _ in range(4)
    }
    for candidate in candidates:
        assert is_extension(af, candidate, semantics) == (candidate in expected)


@given(af=frameworks(max_arguments=6))
def test_named_checkers(af: AF) -> None:
    checkers = {
        "grounded": is_grounded,
        "preferred": is_preferred,
        "semi-stable": is_semi_stable,
        "stage": is_stage,
        "ideal": is_ideal,
        "eager": is_eager,
    }
    for semantics, checker in checkers.items():
        expected = set(reference_extensions(af, semantics))
        for candidate in expected | set(reference_extensions(af, "admissible")):
            assert checker(af, candidate) == (candidate in expected), semantics


@given(af=frameworks())
def test_grounded_labelling(af: AF) -> None:
    labels = labelling(af, "grounded")
    (gr,) = reference_extensions(af, "grounded")
    assert {a for a, label in labels.items() if label is Label.IN} == gr
    attacked = {b for a in gr for b in af.targets_of(a)}
    assert {a for a, label in labels.items() if label is Label.OUT} == attacked


def test_a_classic_example() -> None:
    # a <-> b, b -> c, c <-> d
    af = AF(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "c")])
    assert key(extensions(af, "preferred")) == [["a", "c"], ["a", "d"], ["b", "d"]]
    assert key(extensions(af, "stable")) == [["a", "c"], ["a", "d"], ["b", "d"]]
    assert key(extensions(af, "complete")) == [[], ["a"], ["a", "c"], ["a", "d"], ["b", "d"], ["d"]]
    assert count_extensions(af, "CO") == 6
    assert extensions(af, "grounded") == [frozenset()]
    assert labelling_of(af, ["b", "d"]) == {
        "a": Label.OUT,
        "b": Label.IN,
        "c": Label.OUT,
        "d": Label.IN,
    }


def test_odd_cycle_has_no_stable_extension() -> None:
    af = AF(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert extensions(af, "stable") == []
    assert some_extension(af, "stable") is None
    assert is_skeptically_accepted(af, "a", "stable")  # vacuously
    assert extensions(af, "semi-stable") == [frozenset()]
    assert key(extensions(af, "stage")) == [["a"], ["b"], ["c"]]


def test_semi_stable_lists_every_extension_of_a_maximal_range() -> None:
    # a <-> b, both attack c and d: {a} and {b} have the same maximal range {a, b, c, d},
    # and both must be listed (a known bug of one peer drops all but one).
    af = AF(
        ["a", "b", "c", "d"],
        [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "d")],
    )
    assert key(extensions(af, "semi-stable")) == [["a"], ["b"]]


def test_unknown_names_and_semantics_are_library_errors() -> None:
    af = AF(["a"], [])
    with pytest.raises(ArgmapError, match="unknown semantics 'prefered'"):
        extensions(af, "prefered")
    with pytest.raises(ArgmapError, match="no argument 'z'"):
        is_credulously_accepted(af, "z", "preferred")
    with pytest.raises(ArgmapError, match="unknown argument 'z'"):
        AF(["a"], [("a", "z")])
    with pytest.raises(ArgmapError, match="listed twice"):
        AF(["a", "a"])
    with pytest.raises(ArgmapError, match="several extensions"):
        labelling(af, "preferred")


def test_timeout_raises_a_clear_error() -> None:
    rng = random.Random(7)
    n = 400
    af = AF.from_indexed(n, [(rng.randrange(n), rng.randrange(n)) for _ in range(3 * n)])
    with pytest.raises(SolverTimeout, match="timed out"):
        extensions(af, "preferred", timeout=1e-9)
    assert isinstance(SolverTimeout("x"), ArgmapError)


def pigeonhole(pigeons: int) -> AF:
    """A framework with a stable extension iff ``pigeons`` fit in ``pigeons - 1`` holes: never.

    A mutually attacking pair per variable "pigeon i in hole h" (its two literals), and a
    self-attacking argument per clause, attacked by the clause's literals (as in
    benchmarks/timeouts.py). Hard for any SAT solver from about 10 pigeons on.
    """
    holes = pigeons - 1
    count = pigeons * holes

    def literal(i: int, h: int, positive: bool) -> int:
        return 2 * (i * holes + h) + (0 if positive else 1)

    clauses = [[literal(i, h, True) for h in range(holes)] for i in range(pigeons)]
    clauses += [
        [literal(i, h, False), literal(j, h, False)]
        for h in range(holes)
        for i in range(pigeons)
        for j in range(i + 1, pigeons)
    ]
    attacks = [(2 * k + a, 2 * k + 1 - a) for k in range(count) for a in (0, 1)]
    for c, literals in enumerate(clauses):
        argument = 2 * count + c
        attacks += [(argument, argument), *((lit, argument) for lit in literals)]
    return AF.from_indexed(2 * count + len(clauses), attacks)


def test_pigeonhole_has_no_stable_extension_when_small() -> None:
    assert some_extension(pigeonhole(4), "stable") is None
    assert len(pigeonhole(10)) == 595


def test_a_timeout_stops_the_solver_itself() -> None:
    # CaDiCaL cannot be interrupted through python-sat: bounded calls must give up instead
    # (the library sets no alarm). Without a timeout this runs for tens of seconds.
    from argmap.semantics.sat import SolverTimeout

    with pytest.raises(SolverTimeout, match=r"timed out after 0\.3 s"):
        some_extension(pigeonhole(10), "stable", timeout=0.3)


def test_clause_building_is_under_the_deadline() -> None:
    from argmap.semantics.sat import Deadline, SatFramework, SolverTimeout

    af = AF.from_indexed(300_000, [(i, (7 * i + 1) % 300_000) for i in range(300_000)])
    deadline = Deadline(1e-3)
    with pytest.raises(SolverTimeout):
        SatFramework(af, deadline).solver("complete")
    with pytest.raises(SolverTimeout):
        is_credulously_accepted(af, "1", "preferred", timeout=1e-3)
